"""Report model → .docx laid out to GB/T 9704-2012 (A4, 22 lines × 28 characters)."""
from __future__ import annotations

import dataclasses
import functools
import io
import json

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Twips
from docx.text.paragraph import Paragraph as DocxParagraph

from ..report import Heading, ListBlock, Paragraph, Report, Salutation, Signature, list_marker
from ..style import Style
from . import docx_xml as x

BODY = "Normal"
TITLE = "公文标题"
BYLINE = "公文副标题"
HEADINGS = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4"}
RUN_IN = {1: "公文一级标题字符", 2: "公文二级标题字符", 3: "公文三级标题字符", 4: "公文四级标题字符"}
SALUTATION = "公文称谓"
SIGNATURE = "公文落款"
PAGE_NUMBER = "公文页码"


def _twips(points: float) -> int:
    return int(round(points * 20))


class _Styler:
    """Sets up every style the writer uses, fonts explicit on each (no theme fallback)."""

    def __init__(self, doc, style: Style):
        self.doc = doc
        self.s = style
        self.pitch = _twips(style.page["line_pitch"])

    def _get_or_add(self, name: str, kind):
        try:
            return self.doc.styles[name]
        except KeyError:
            return self.doc.styles.add_style(name, kind)

    def run_format(self, rpr, font_key: str, size: float, bold: bool = False) -> None:
        x.set_fonts(rpr, self.s.fonts[font_key], self.s.fonts["latin"])
        x.set_flag(rpr, "w:b", bold)
        x.set_flag(rpr, "w:bCs", bold)
        x.set_flag(rpr, "w:i", False)
        x.set_color_auto(rpr)
        x.set_size(rpr, size)
        x.set_lang(rpr)

    def paragraph_style(self, name: str, font_key: str, *, size: float | None = None, bold: bool = False,
                        first_line_chars: int = 2, align=WD_ALIGN_PARAGRAPH.JUSTIFY, outline: int | None = None,
                        keep_next: bool = False, right_chars: int = 0):
        st = self._get_or_add(name, WD_STYLE_TYPE.PARAGRAPH)
        styles = self.doc.styles
        if name != BODY:
            st.base_style = styles[BODY]
        st.quick_style = True
        st.next_paragraph_style = styles[BODY]
        size = size or self.s.sizes["body"]
        self.run_format(st.element.get_or_add_rPr(), font_key, size, bold)
        ppr = st.element.get_or_add_pPr()
        x.set_exact_spacing(ppr, self.pitch)
        x.set_indent_chars(ppr, first_line_chars, self.s.sizes["body"], right_chars=right_chars)
        x.set_flag_ppr(ppr, "w:widowControl", False)
        x.set_flag_ppr(ppr, "w:autoSpaceDE", False)
        x.set_flag_ppr(ppr, "w:autoSpaceDN", False)
        st.paragraph_format.alignment = align
        st.paragraph_format.keep_with_next = keep_next
        if outline is not None:
            x.set_outline_level(ppr, outline)
        return st

    def character_style(self, name: str, font_key: str, bold: bool):
        st = self._get_or_add(name, WD_STYLE_TYPE.CHARACTER)
        self.run_format(st.element.get_or_add_rPr(), font_key, self.s.sizes["body"], bold)
        return st

    def setup(self) -> None:
        rpr, ppr = x.doc_defaults(self.doc.styles.element)
        x.set_fonts(rpr, self.s.fonts["body"], self.s.fonts["latin"])
        x.set_size(rpr, self.s.sizes["body"])
        x.set_lang(rpr)
        x.set_exact_spacing(ppr, self.pitch)
        self.paragraph_style(BODY, "body")
        self.paragraph_style(TITLE, "title", size=self.s.sizes["title"], first_line_chars=0, align=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True)
        self.paragraph_style(BYLINE, "byline", first_line_chars=0, align=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True)
        for level, name in HEADINGS.items():
            key = f"heading{level}"
            self.paragraph_style(name, key, bold=self.s.bold[key], outline=level - 1, keep_next=True)
            self.character_style(RUN_IN[level], key, self.s.bold[key])
        self.paragraph_style(SALUTATION, "body", first_line_chars=0, align=WD_ALIGN_PARAGRAPH.LEFT)
        self.paragraph_style(SIGNATURE, "body", first_line_chars=0, align=WD_ALIGN_PARAGRAPH.RIGHT, right_chars=4)
        st = self.paragraph_style(PAGE_NUMBER, "page_number", size=self.s.sizes["page_number"], first_line_chars=0)
        # the footer must stay inside the bottom margin, or the body loses its 22nd line
        x.set_exact_spacing(st.element.get_or_add_pPr(), _twips(self.s.sizes["page_number"]))


def _mm(value: float) -> Twips:
    """Millimetres rounded to whole twips (37 mm → 2098, as GB/T 9704 tables give them)."""
    return Twips(int(round(value * 1440 / 25.4)))


def _setup_page(doc, style: Style) -> None:
    p = style.page
    sec = doc.sections[0]
    sec.start_type = WD_SECTION.NEW_PAGE
    sec.page_width, sec.page_height = _mm(p["width"]), _mm(p["height"])
    sec.top_margin, sec.bottom_margin = _mm(p["top"]), _mm(p["bottom"])
    sec.left_margin, sec.right_margin = _mm(p["left"]), _mm(p["right"])
    sec.footer_distance = _mm(p["footer"])
    sec.header_distance = _mm(15)
    x.set_doc_grid(sec._sectPr, _twips(p["line_pitch"]))


def _page_numbers(doc, style: Style) -> None:
    """— N — in 宋体 14 pt: odd pages right, even pages left, one character in."""
    x.set_even_and_odd_headers(doc.settings.element)
    sec = doc.sections[0]
    size = style.sizes["page_number"]
    one_char = _twips(size)

    def fill(footer, align) -> None:
        par = footer.paragraphs[0]
        par.style = doc.styles[PAGE_NUMBER]
        par.alignment = align
        ind = par.paragraph_format
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            ind.right_indent = Twips(one_char)
        else:
            ind.left_indent = Twips(one_char)
        par.add_run("— ")
        x.add_page_field(par, lambda r: None)
        par.add_run(" —")

    fill(sec.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    fill(sec.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


@functools.lru_cache(maxsize=4)
def _base_document(style_key: str) -> bytes:
    """The styled, empty document for a style: built once, reused by every render."""
    style = Style(**json.loads(style_key))
    doc = Document()
    _Styler(doc, style).setup()
    _setup_page(doc, style)
    _page_numbers(doc, style)
    body = doc.element.body
    for p in list(body):  # the default template's empty paragraph
        if p.tag.endswith("}p"):
            body.remove(p)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def build_document(report: Report, style: Style):
    """The python-docx Document for a report (exposed for tests and for other writers)."""
    key = json.dumps(dataclasses.asdict(style), sort_keys=True, ensure_ascii=False)
    doc = Document(io.BytesIO(_base_document(key)))
    pitch = _twips(style.page["line_pitch"])
    sect_pr = doc.element.body.sectPr

    ids = {name: doc.styles[name].style_id for name in
           [TITLE, BYLINE, SALUTATION, SIGNATURE, *HEADINGS.values(), *RUN_IN.values()]}

    def add(text: str, style: str = BODY):
        # style ids set directly: python-docx's lookup by name scans every style per paragraph
        p = OxmlElement("w:p")
        sect_pr.addprevious(p)
        par = DocxParagraph(p, doc._body)
        if text:
            par.add_run(text)
        if style != BODY:
            x.set_paragraph_style(par._p, ids[style])
        return par

    for line in report.title:
        add(line, TITLE)
    for line in report.byline:
        add(line, BYLINE)
    first_body = True
    for block in report.blocks:
        paras = []
        if isinstance(block, Heading):
            paras.append(add(block.text, HEADINGS[block.level]))
        elif isinstance(block, Paragraph):
            par = add("")
            if block.lead:
                x.set_run_style(par.add_run(block.lead)._r, ids[RUN_IN[block.lead_level]])
            if block.text:
                par.add_run(block.text)
            paras.append(par)
        elif isinstance(block, ListBlock):
            for i, item in enumerate(block.items, 1):
                paras.append(add(list_marker(i, block.ordered) + item))
        elif isinstance(block, Salutation):
            paras.append(add(block.text, SALUTATION))
        elif isinstance(block, Signature):
            for j, line in enumerate(block.lines):
                par = add(line, SIGNATURE)
                if j == 0:
                    x.set_space_before(par._p.get_or_add_pPr(), pitch)
                paras.append(par)
        if first_body and paras and (report.title or report.byline):
            # one blank line between the title block and the text, on the grid
            x.set_space_before(paras[0]._p.get_or_add_pPr(), pitch)
        first_body = False

    props = doc.core_properties
    props.title = "".join(report.title)
    props.language = "zh-CN"
    props.author = "drafter"
    return doc


def write_docx(report: Report, style: Style) -> bytes:
    buf = io.BytesIO()
    build_document(report, style).save(buf)
    return buf.getvalue()


def write(report: Report, options) -> bytes:
    """Registry entry point."""
    from ..style import load_style

    return write_docx(report, options.style or load_style())
