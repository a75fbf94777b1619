"""The WordprocessingML python-docx has no API for, in one place, each element with one declared child order.

docx.py speaks python-docx (styles, paragraph formats, sections, footers,
core properties); only this module creates or edits raw elements: East-Asian
fonts and language, indents in characters, the character grid, the PAGE
field, snap-to-grid and the Chinese line-breaking switches, and reading a
reference document's parts.
"""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# Schema order (ECMA-376 Part 1, CT_PPrBase / CT_RPr / CT_SectPr) of the children this module may add.
ORDER = {
    "w:pPr": ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
              "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
              "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
    "w:rPr": ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
              "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
              "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs",
              "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
              "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"),
    "w:sectPr": ("w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz",
                 "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt",
                 "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
                 "w:printerSettings", "w:sectPrChange"),
    "w:docDefaults": ("w:rPrDefault", "w:pPrDefault"),
    "w:rPrDefault": ("w:rPr",),
    "w:pPrDefault": ("w:pPr",),
}


def _ppr(obj):
    """pPr of a python-docx paragraph or paragraph style."""
    return obj._p.get_or_add_pPr() if hasattr(obj, "_p") else obj.element.get_or_add_pPr()


def _rpr(obj):
    """rPr of a python-docx run or style."""
    return obj._r.get_or_add_rPr() if hasattr(obj, "_r") else obj.element.get_or_add_rPr()


def child(parent, tag: str):
    """The parent's `tag` child, created at its schema position when missing."""
    el = parent.find(qn(tag))
    if el is not None:
        return el
    el = OxmlElement(tag)
    order = ORDER[parent.tag.replace("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}", "w:")]
    later = {qn(t) for t in order[order.index(tag) + 1:]}
    for existing in parent:
        if existing.tag in later:
            existing.addprevious(el)
            return el
    parent.append(el)
    return el


def _clear(el) -> None:
    for attr in list(el.attrib):
        del el.attrib[attr]


# --- run properties -------------------------------------------------------

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_east_asian_font(obj, east_asia: str, latin: str) -> None:
    """Explicit fonts for every script (theme fonts removed so they cannot win); hint eastAsia."""
    _fonts(_rpr(obj), east_asia, latin)


def _fonts(rpr, east_asia: str, latin: str) -> None:
    fonts = child(rpr, "w:rFonts")
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")


def set_lang(obj, east_asia: str = "zh-CN") -> None:
    _lang(_rpr(obj), east_asia)


def _lang(rpr, east_asia: str = "zh-CN") -> None:
    lang = child(rpr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), east_asia)


def set_complex_size(obj, points: float) -> None:
    """w:szCs beside python-docx's w:sz, so complex-script text keeps the size too."""
    child(_rpr(obj), "w:szCs").set(qn("w:val"), str(int(round(points * 2))))


def set_char_spacing(obj, twentieths: int) -> None:
    """Condensed (negative) or expanded character spacing in 1/20 pt; 0 removes it."""
    rpr = _rpr(obj)
    if twentieths:
        child(rpr, "w:spacing").set(qn("w:val"), str(twentieths))
    else:
        el = rpr.find(qn("w:spacing"))
        if el is not None:
            rpr.remove(el)


def set_bold(obj, on: bool) -> None:
    """w:b and w:bCs with an explicit val (python-docx writes a bare <w:b/>), so a checker and every
    reader sees the same value, and val=0 overrides inherited emphasis."""
    rpr = _rpr(obj)
    for tag in ("w:b", "w:bCs"):
        child(rpr, tag).set(qn("w:val"), "1" if on else "0")


# --- paragraph properties -------------------------------------------------


def set_toggle(obj, tag: str, on: bool) -> None:
    """A paragraph on/off property python-docx has no API for (autoSpaceDE, snapToGrid, overflowPunct…)."""
    child(_ppr(obj), tag).set(qn("w:val"), "1" if on else "0")


def set_indent_chars(obj, first_line: float = 0, left: float = 0, right: float = 0) -> None:
    """Indents in characters (w:*Chars, what Word and WPS use under a character grid).

    python-docx writes the twips fallback (first_line_indent…) for renderers that ignore *Chars.
    """
    ind = child(_ppr(obj), "w:ind")
    ind.set(qn("w:firstLineChars"), str(int(round(first_line * 100))))  # 0 too: it overrides an inherited indent
    for name, value in (("w:leftChars", left), ("w:rightChars", right)):
        if value:
            ind.set(qn(name), str(int(round(value * 100))))
        else:
            ind.attrib.pop(qn(name), None)
    if first_line:
        ind.attrib.pop(qn("w:hangingChars"), None)


def set_outline_level(obj, level: int) -> None:
    child(_ppr(obj), "w:outlineLvl").set(qn("w:val"), str(level))


def set_doc_defaults(styles, east_asia: str, latin: str, points: float, line_twips: int, condense: int = 0) -> None:
    """docDefaults (no python-docx object wraps them): fonts, size, zh-CN, exact line pitch, no spacing."""
    root = styles.element
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        root.insert(0, defaults)
    rpr = child(child(defaults, "w:rPrDefault"), "w:rPr")
    ppr = child(child(defaults, "w:pPrDefault"), "w:pPr")
    _fonts(rpr, east_asia, latin)
    half = str(int(round(points * 2)))
    child(rpr, "w:sz").set(qn("w:val"), half)
    child(rpr, "w:szCs").set(qn("w:val"), half)
    if condense:
        child(rpr, "w:spacing").set(qn("w:val"), str(condense))
    _lang(rpr)
    sp = child(ppr, "w:spacing")
    _clear(sp)
    sp.set(qn("w:before"), "0")
    sp.set(qn("w:after"), "0")
    sp.set(qn("w:line"), str(line_twips))
    sp.set(qn("w:lineRule"), "exact")


# --- section --------------------------------------------------------------


def set_doc_grid(section, line_pitch_twips: int) -> None:
    """The line grid (22 lines); characters per line come from condensed spacing (docx.Grid.condense)."""
    grid = child(section._sectPr, "w:docGrid")
    _clear(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(line_pitch_twips))


def has_doc_grid(section) -> bool:
    return section._sectPr.find(qn("w:docGrid")) is not None


def add_page_field(paragraph) -> None:
    """A PAGE field (begin / instrText / separate / result / end) in the paragraph's runs."""
    def run():
        return paragraph.add_run()._r

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run().append(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run().append(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run().append(sep)
    paragraph.add_run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run().append(end)


# --- packages -------------------------------------------------------------


def font_table_names(doc) -> list[str]:
    """Fonts a document's font table names (empty when it has none)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    for rel in doc.part.rels.values():
        if rel.reltype == RT.FONT_TABLE:
            root = etree.fromstring(rel.target_part.blob)
            return [f.get(qn("w:name")) for f in root.iter(qn("w:font"))]
    return []


def remove(block) -> None:
    """Drop a paragraph or table (a reference document's sample text) from its container."""
    el = block._element
    el.getparent().remove(el)


def has_field(paragraph) -> bool:
    return paragraph._p.find(".//" + qn("w:fldChar")) is not None or paragraph._p.find(".//" + qn("w:fldSimple")) is not None


def add_missing_fonts(docx: bytes, names: list[str]) -> bytes:
    """Add font-table entries (with charset and altName fallbacks) for fonts a saved package lacks.

    python-docx keeps the font table as an opaque part, so the saved package is
    rewritten: a unit's reference document keeps its own entries.
    """
    import io
    import zipfile

    from lxml import etree

    from .docx_base import W_NS, font_entry, font_table

    src = zipfile.ZipFile(io.BytesIO(docx))
    if "word/fontTable.xml" not in src.namelist():
        return docx  # a package without a font table: Word builds one on save
    root = etree.fromstring(src.read("word/fontTable.xml"))
    have = {f.get(qn("w:name")) for f in root.iter(qn("w:font"))}
    wanted = [n for n in etree.fromstring(font_table(names).encode()).iter(qn("w:font"))
              if n.get(qn("w:name")) not in have]
    if not wanted:
        return docx
    for el in wanted:
        root.append(etree.fromstring(f'<w:root xmlns:w="{W_NS}">{font_entry(el.get(qn("w:name")))}</w:root>')[0])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/fontTable.xml":
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, data)
    return out.getvalue()


def append_paragraph(doc, style_id: str | None, runs: list[tuple[str, str | None]]):
    """A body paragraph `<w:p>` with its style and runs ((text, character style id)), before the section.

    python-docx's add_paragraph/add_run look each style up by scanning every style
    of the document and write run text one character at a time: a report's hundred
    paragraphs cost more than all the rest of a render. Style ids come from the
    python-docx style objects (docx.py); text breaks (\\n) and tabs become w:br and w:tab
    as python-docx's run.text makes them. Returns the python-docx Paragraph.
    """
    from docx.text.paragraph import Paragraph
    from lxml.etree import SubElement

    body = doc.element.body
    p = OxmlElement("w:p")  # python-docx's element class, created by its parser
    if style_id:
        SubElement(SubElement(p, _W["pPr"]), _W["pStyle"]).set(_W["val"], style_id)
    for text, char_style in runs:
        r = SubElement(p, _W["r"])
        if char_style:
            SubElement(SubElement(r, _W["rPr"]), _W["rStyle"]).set(_W["val"], char_style)
        for i, line in enumerate(text.split("\n")):
            if i:
                SubElement(r, _W["br"])
            for j, piece in enumerate(line.split("\t")):
                if j:
                    SubElement(r, _W["tab"])
                if piece:
                    t = SubElement(r, _W["t"])
                    t.text = piece
                    if piece != piece.strip():
                        t.set(_XML_SPACE, "preserve")
    sect = body.find(_W["sectPr"])
    if sect is not None:
        sect.addprevious(p)
    else:
        body.append(p)
    return Paragraph(p, doc)


_W = {name: qn(f"w:{name}") for name in ("p", "pPr", "pStyle", "val", "r", "rPr", "rStyle", "br", "tab", "t", "sectPr")}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
