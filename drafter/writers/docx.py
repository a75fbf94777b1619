"""Report model → .docx laid out to GB/T 9704-2012 (A4, 22 lines × 28 characters).

Built on drafter's own base package (docx_base.py); styles, paragraph
formats, the section and footers go through python-docx's API, and the rest
(East-Asian fonts, character indents, the character grid, the PAGE field)
through docx_xml. With a unit's reference .docx the page setup and the styles
it defines are the unit's; drafter adds only the styles it lacks.
"""
from __future__ import annotations

import dataclasses
import functools
import io
import json
import math
from datetime import datetime, timezone

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Pt, RGBColor, Twips

from ..report import Heading, ListBlock, Paragraph, Report, Salutation, Signature, list_marker
from ..style import Style
from . import BlockWriter, WriteOptions
from . import docx_xml as x
from ..record import record
from .docx_base import base_package
from .linebreak import break_line, centred_capacity, width

BODY = "Normal"
TITLE = "公文标题"
BYLINE = "公文副标题"
HEADINGS = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4"}
RUN_IN = {1: "公文一级标题字符", 2: "公文二级标题字符", 3: "公文三级标题字符", 4: "公文四级标题字符"}
SALUTATION = "公文称谓"
SIGNATURE = "公文落款"
PAGE_NUMBER = "公文页码"


@record(frozen=True)
class Grid:
    """The type area in numbers: what the section, the styles and the line breaker share."""

    pitch_twips: int  # line pitch
    text_width_twips: int
    body_pt: float
    title_pt: float
    chars: int  # characters per body line

    @classmethod
    def of(cls, style: Style) -> "Grid":
        p = style.page
        text_width = _mm(p["width"]) - _mm(p["left"]) - _mm(p["right"])
        body = float(style.sizes["body"])
        return cls(_twips(p["line_pitch"]), text_width, body, float(style.sizes["title"]),
                   int(round(text_width / 20 / body)))

    @property
    def condense(self) -> int:
        """Character spacing, in 1/20 pt (negative), that makes `chars` body characters fit one line.

        GB/T 9704's 28 × 16 pt is 448 pt, wider than the 442.25 pt type area, so
        each character is condensed by 0.25 pt (15.75 × 28 = 441 pt) and justified
        to fill the line. This is the equivalent of Word's line-and-character
        grid (w:docGrid linesAndChars + charSpace): LibreOffice 7.4 lays such a
        grid out with two cells per 16 pt character (14 to a line, measured),
        while condensed spacing gives 28 in LibreOffice, Word and WPS alike.
        """
        return -max(0, math.ceil((self.body_pt - self.text_width_twips / 20 / self.chars) * 20 - 1e-9))

    @property
    def title_chars(self) -> float:
        return self.text_width_twips / 20 / self.title_pt


def _twips(points: float) -> int:
    return int(round(points * 20))


def _mm(value: float) -> int:
    """Millimetres rounded to whole twips (37 mm → 2098, as GB/T 9704 tables give them)."""
    return int(round(value * 1440 / 25.4))


class _Styler:
    """Defines every style the writer uses, fonts explicit on each (no theme fallback).

    With `keep` (a unit's reference document), a style the document already
    has is left as the unit made it.
    """

    def __init__(self, doc, style: Style, keep: bool = False):
        self.doc, self.s, self.keep = doc, style, keep
        self.grid = Grid.of(style)
        self.added: list[str] = []

    def _get_or_add(self, name: str, kind):
        try:
            st = self.doc.styles[name]
            return st, self.keep
        except KeyError:
            self.added.append(name)
            return self.doc.styles.add_style(name, kind), False

    def run_format(self, st, font_key: str, size: float, bold: bool = False) -> None:
        """Fonts for every script, no emphasis unless asked, black, zh-CN; body-size text condensed to the grid."""
        font = st.font
        font.name = self.s.fonts["latin"]
        x.set_east_asian_font(st, self.s.fonts[font_key], self.s.fonts["latin"])
        x.set_bold(st, bold)
        font.italic = False
        font.color.rgb = RGBColor(0, 0, 0)
        font.size = Pt(size)
        x.set_complex_size(st, size)
        x.set_char_spacing(st, self.grid.condense if size == self.grid.body_pt else 0)
        x.set_lang(st)

    def paragraph_style(self, name: str, font_key: str, *, size: float | None = None, bold: bool = False,
                        first_line_chars: int = 2, align=WD_ALIGN_PARAGRAPH.JUSTIFY, outline: int | None = None,
                        keep_next: bool = False, snap: bool = True):
        st, kept = self._get_or_add(name, WD_STYLE_TYPE.PARAGRAPH)
        if kept:
            return st
        styles = self.doc.styles
        if name != BODY:
            st.base_style = styles[BODY]
        st.quick_style = True
        st.next_paragraph_style = styles[BODY]
        size = size or self.s.sizes["body"]
        self.run_format(st, font_key, size, bold)
        pf = st.paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Twips(self.grid.pitch_twips)
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        pf.first_line_indent = Twips(_twips(self.s.sizes["body"]) * first_line_chars)
        x.set_indent_chars(st, first_line=first_line_chars)
        # widow control off: every page keeps its 22 lines, as the standard's grid wants
        pf.widow_control = False
        x.set_toggle(st, "w:autoSpaceDE", False)
        x.set_toggle(st, "w:autoSpaceDN", False)
        if not snap:
            # a title larger than the grid's character would take two cells per character in Word
            x.set_toggle(st, "w:snapToGrid", False)
        pf.alignment = align
        pf.keep_with_next = keep_next
        if outline is not None:
            x.set_outline_level(st, outline)
        return st

    def character_style(self, name: str, font_key: str, bold: bool):
        st, kept = self._get_or_add(name, WD_STYLE_TYPE.CHARACTER)
        if not kept:
            self.run_format(st, font_key, self.s.sizes["body"], bold)
        return st

    def setup(self) -> None:
        if not self.keep:
            x.set_doc_defaults(self.doc.styles, self.s.fonts["body"], self.s.fonts["latin"], self.s.sizes["body"],
                               self.grid.pitch_twips, self.grid.condense)
        self.paragraph_style(BODY, "body")
        self.paragraph_style(TITLE, "title", size=self.s.sizes["title"], first_line_chars=0,
                             align=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True, snap=False)
        self.paragraph_style(BYLINE, "byline", first_line_chars=0, align=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True)
        for level, name in HEADINGS.items():
            key = f"heading{level}"
            self.paragraph_style(name, key, bold=self.s.bold[key], outline=level - 1, keep_next=True)
            self.character_style(RUN_IN[level], key, self.s.bold[key])
        self.paragraph_style(SALUTATION, "body", first_line_chars=0, align=WD_ALIGN_PARAGRAPH.LEFT)
        self.paragraph_style(SIGNATURE, "body", first_line_chars=0, align=WD_ALIGN_PARAGRAPH.RIGHT)
        st = self.paragraph_style(PAGE_NUMBER, "page_number", size=self.s.sizes["page_number"], first_line_chars=0)
        if st.name not in self.added and self.keep:
            return
        # the footer must stay inside the bottom margin, or the body loses its 22nd line
        st.paragraph_format.line_spacing = Pt(self.s.sizes["page_number"])


def _setup_page(section, style: Style) -> None:
    p = style.page
    grid = Grid.of(style)
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Twips(_mm(p["width"])), Twips(_mm(p["height"]))
    section.top_margin, section.bottom_margin = Twips(_mm(p["top"])), Twips(_mm(p["bottom"]))
    section.left_margin, section.right_margin = Twips(_mm(p["left"])), Twips(_mm(p["right"]))
    section.footer_distance = Twips(_mm(p["footer"]))
    section.header_distance = Twips(_mm(15))
    x.set_doc_grid(section, grid.pitch_twips)


def _page_numbers(doc, style: Style) -> None:
    """— N — in 宋体 14 pt: odd pages right, even pages left, one character in."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    one_char = Twips(_twips(style.sizes["page_number"]))
    number_style = doc.styles[PAGE_NUMBER]

    def fill(footer, align) -> None:
        footer.is_linked_to_previous = False
        par = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        par.style = number_style
        par.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            par.paragraph_format.right_indent = one_char
        else:
            par.paragraph_format.left_indent = one_char
        par.add_run("— ")
        x.add_page_field(par)
        par.add_run(" —")

    fill(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    fill(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def _style_key(style: Style) -> str:
    return json.dumps(dataclasses.asdict(style), sort_keys=True, ensure_ascii=False)


@functools.lru_cache(maxsize=4)
def _base_document(style_key: str) -> bytes:
    """The styled, empty document for a style: built once, reused by every render (and run: drafter.cache)."""
    from pathlib import Path

    from docx import __version__ as docx_version

    from .. import cache

    here = Path(__file__).parent
    code = b"".join((here / name).read_bytes() for name in ("docx.py", "docx_xml.py", "docx_base.py"))
    sources = b"\0".join((style_key.encode("utf-8"), docx_version.encode("ascii"), code))
    return cache.derived("docx-base", style_key, sources, lambda: _build_base_document(style_key))


def _build_base_document(style_key: str) -> bytes:
    style = Style(**json.loads(style_key))
    doc = Document(io.BytesIO(base_package(sorted(set(style.fonts.values())), style.fonts["body"])))
    _Styler(doc, style).setup()
    _setup_page(doc.sections[0], style)
    _page_numbers(doc, style)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _reference_document(reference: bytes, style: Style):
    """The unit's document emptied of text, its page setup and styles kept, ours added where missing."""
    from ..errors import InputError

    try:
        doc = Document(io.BytesIO(reference))
    except Exception as exc:  # python-docx raises several kinds for a file that is not a .docx
        raise InputError(f"参考文档不是有效的 Word（.docx）文件：{exc}") from None
    for block in list(doc.iter_inner_content()):
        x.remove(block)
    styler = _Styler(doc, style, keep=True)
    styler.setup()
    section = doc.sections[0]
    if section.page_width is None:
        _setup_page(section, style)
    elif not x.has_doc_grid(section):
        x.set_doc_grid(section, Grid.of(style).pitch_twips)
    footers_used = any(p.text.strip() or x.has_field(p) for p in section.footer.paragraphs) \
        if not section.footer.is_linked_to_previous else False
    if not footers_used:
        _page_numbers(doc, style)
    return doc, styler.added


class _DocxBlocks(BlockWriter):
    """One method per block type: each adds the block's paragraphs and returns them."""

    def __init__(self, doc, style: Style, grid: Grid):
        self.doc, self.s, self.grid = doc, style, grid
        st = doc.styles
        # style ids looked up once through python-docx; paragraphs are then written by docx_xml
        self.styles = {name: st[name].style_id for name in (TITLE, BYLINE, SALUTATION, SIGNATURE, *HEADINGS.values())}
        self.styles[BODY] = None  # body paragraphs carry no pStyle: Normal is the default
        self.run_in = {lvl: st[name].style_id for lvl, name in RUN_IN.items()}
        self.last_text = None  # (the last paragraph of text, its text), kept with the signature

    def add(self, text: str = "", style: str = BODY, runs: list[tuple[str, str | None]] | None = None):
        return x.append_paragraph(self.doc, self.styles[style], runs if runs is not None else ([(text, None)] if text else []))

    def lines(self, lines: list[str], style: str):
        """One paragraph whose lines are separated by line breaks (a title stays one paragraph)."""
        return self.add(style=style, runs=[("\n".join(lines), None)])

    def block_heading(self, block: Heading):
        return [self.add(block.text, HEADINGS[block.level])]

    def block_paragraph(self, block: Paragraph):
        runs = ([(block.lead, self.run_in[block.lead_level])] if block.lead else []) + ([(block.text, None)] if block.text else [])
        par = self.add(runs=runs)
        self.last_text = (par, block.lead + block.text)
        return [par]

    def block_list_block(self, block: ListBlock):
        paras = [self.add(list_marker(i, block.ordered) + item) for i, item in enumerate(block.items, 1)]
        self.last_text = (paras[-1], list_marker(len(block.items), block.ordered) + block.items[-1])
        return paras

    def block_salutation(self, block: Salutation):
        return [self.add(block.text, SALUTATION)]

    def block_signature(self, block: Signature):
        """GB/T 9704 §7.3.5: positions in characters from the right edge, one blank line above (two when sealed)."""
        placed = signature_layout(block, self.grid.chars)
        paras = []
        for j, (line, right) in enumerate(placed):
            par = self.add(line, SIGNATURE)
            pf = par.paragraph_format
            pf.right_indent = Twips(int(round(right * _twips(self.grid.body_pt))))
            x.set_indent_chars(par, right=right)
            if j == 0:
                pf.space_before = Twips(self.grid.pitch_twips * signature_gap(block))
            pf.keep_with_next = j < len(placed) - 1
            pf.keep_together = True
            paras.append(par)
        if self.last_text is not None:
            # the last lines of text travel with the signature: no date alone on a page; a short closing
            # paragraph (以上汇报……) moves whole, a long one only by its last line
            par, text = self.last_text
            chars = width(text) + 2
            par.paragraph_format.keep_with_next = True
            par.paragraph_format.keep_together = chars <= 3 * self.grid.chars
        return paras


def signature_gap(block: Signature) -> int:
    """Blank lines between the text and the signature (§7.3.5: one; two leave room for a seal or signature stamp)."""
    return 2 if block.sealed else 1


def signature_layout(block: Signature, chars: int) -> list[tuple[str, float]]:
    """(line, right indent in characters) for each issuer line and the date, per GB/T 9704 §7.3.5.

    sealed (§7.3.5.1, §7.3.5.3): the date four characters from the right, each
    issuer centred over the date. Unsealed (§7.3.5.2): the issuer two characters
    from the right, the date's first character two characters right of the
    issuer's; a date longer than that moves to two from the right and pushes
    the issuer left. Joint issuers stack, the first (主办) on top, sharing one
    left edge.
    """
    issuers, date = list(block.issuers), block.date
    if not issuers:
        return [(date, 4.0)] if date else []
    widest = max(width(i) for i in issuers)
    d = width(date)
    placed: list[tuple[str, float]] = []
    if block.sealed:
        date_right = 4.0
        centre_right = date_right + d / 2 if date else 4.0 + widest / 2
        for name in issuers:
            placed.append((name, max(0.0, centre_right - width(name) / 2)))
    else:
        if not date or widest >= d + 2:
            start = chars - 2 - widest  # issuer block's left edge, as a column
        else:
            start = chars - 2 - d - 2
        for name in issuers:
            placed.append((name, max(0.0, chars - start - width(name))))
        date_right = chars - (start + 2) - d
    if date:
        placed.append((date, max(0.0, date_right)))
    return placed


def build_document(report: Report, options: WriteOptions | None = None):
    """The python-docx Document for a report (exposed for tests and for the PDF writer)."""
    options = options or WriteOptions()
    style = options.resolved_style()
    grid = Grid.of(style)
    if options.reference_doc:
        doc, _ = _reference_document(options.reference_doc, style)
    else:
        doc = Document(io.BytesIO(_base_document(_style_key(style))))
    protect = (options.author,) if options.author else ()
    w = _DocxBlocks(doc, style, grid)
    for line in report.title:
        w.lines(break_line(line, centred_capacity(grid.title_chars), protect), TITLE)
    for line in report.byline:
        w.lines(break_line(line, centred_capacity(grid.chars), protect), BYLINE)
    first = True
    for block in report.blocks:
        paras = w.block(block)
        if first and paras and (report.title or report.byline):
            # one blank line between the title block and the text, on the grid
            paras[0].paragraph_format.space_before = Twips(grid.pitch_twips)
        first = False

    props = doc.core_properties
    now = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    props.title = options.title or "".join(line.replace("|", "") for line in report.title)
    props.author = options.author
    props.last_modified_by = options.author
    props.language = "zh-CN"
    props.created = now
    props.modified = now
    props.revision = 1
    return doc


def write(report: Report, options: WriteOptions | None = None) -> bytes:
    options = options or WriteOptions()
    buf = io.BytesIO()
    build_document(report, options).save(buf)
    data = buf.getvalue()
    if options.reference_doc:
        style = options.resolved_style()
        data = x.add_missing_fonts(data, sorted(set(style.fonts.values())))
    return data


def write_docx(report: Report, style: Style) -> bytes:
    """Kept for callers of the old entry point."""
    return write(report, WriteOptions(style=style))
