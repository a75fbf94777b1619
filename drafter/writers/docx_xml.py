"""The few WordprocessingML edits python-docx has no API for, kept out of the writer.

Like python-docx's own oxml layer: the writer speaks in fonts, spacing and
fields; only this module touches elements and attributes.
"""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _child(parent, tag: str, before: tuple[str, ...] = ()):
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        anchor = None
        for b in before:
            anchor = parent.find(qn(b))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addprevious(el)
        else:
            parent.append(el)
    return el


# rPr children must keep schema order; the ones we add come early.
_RPR_ORDER_AFTER_FONTS = ("w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:color", "w:sz", "w:szCs", "w:lang")


def set_fonts(rpr, east_asia: str, latin: str) -> None:
    """Explicit fonts for every script: theme fonts removed so they cannot win."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rstyle = rpr.find(qn("w:rStyle"))
        rpr.insert(1 if rstyle is not None else 0, fonts)
    for attr in _THEME_ATTRS:
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")


def set_lang(rpr, east_asia: str = "zh-CN") -> None:
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), east_asia)


def set_size(rpr, points: float) -> None:
    half = str(int(round(points * 2)))
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag, before=("w:lang",)).set(qn("w:val"), half)


def set_flag(rpr, tag: str, on: bool) -> None:
    """w:b, w:i … written explicitly (val=0 too) so inherited emphasis is overridden."""
    el = _child(rpr, tag, before=_RPR_ORDER_AFTER_FONTS[_RPR_ORDER_AFTER_FONTS.index(tag) + 1 :] if tag in _RPR_ORDER_AFTER_FONTS else ())
    el.set(qn("w:val"), "1" if on else "0")


def set_color_auto(rpr) -> None:
    _child(rpr, "w:color", before=("w:sz", "w:szCs", "w:lang")).set(qn("w:val"), "000000")
    el = rpr.find(qn("w:color"))
    for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
        if el.get(qn(attr)) is not None:
            del el.attrib[qn(attr)]


def set_exact_spacing(ppr, line_twips: int) -> None:
    """Fixed line pitch, no space before or after: the 22-line grid of GB/T 9704."""
    sp = _child(ppr, "w:spacing", before=("w:ind", "w:jc", "w:outlineLvl", "w:rPr"))
    for attr in list(sp.attrib):
        del sp.attrib[attr]
    sp.set(qn("w:before"), "0")
    sp.set(qn("w:after"), "0")
    sp.set(qn("w:line"), str(line_twips))
    sp.set(qn("w:lineRule"), "exact")


def set_space_before(ppr, twips: int) -> None:
    sp = _child(ppr, "w:spacing", before=("w:ind", "w:jc", "w:outlineLvl", "w:rPr"))
    sp.set(qn("w:before"), str(twips))


def set_indent_chars(ppr, first_line_chars: int = 0, font_pt: float = 16, left_chars: int = 0, right_chars: int = 0) -> None:
    """Indents in characters (w:*Chars) plus twips for renderers that ignore *Chars."""
    ind = _child(ppr, "w:ind", before=("w:jc", "w:outlineLvl", "w:rPr"))
    for attr in list(ind.attrib):
        del ind.attrib[attr]
    char = int(round(font_pt * 20))
    ind.set(qn("w:firstLineChars"), str(first_line_chars * 100))
    ind.set(qn("w:firstLine"), str(first_line_chars * char))
    if left_chars:
        ind.set(qn("w:leftChars"), str(left_chars * 100))
        ind.set(qn("w:left"), str(left_chars * char))
    if right_chars:
        ind.set(qn("w:rightChars"), str(right_chars * 100))
        ind.set(qn("w:right"), str(right_chars * char))


_PPR_ORDER = ("w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:widowControl", "w:autoSpaceDE", "w:autoSpaceDN",
              "w:spacing", "w:ind", "w:jc", "w:outlineLvl", "w:rPr")


def set_flag_ppr(ppr, tag: str, on: bool) -> None:
    """An on/off paragraph property, inserted in schema order."""
    later = _PPR_ORDER[_PPR_ORDER.index(tag) + 1 :] if tag in _PPR_ORDER else ("w:spacing", "w:ind", "w:jc", "w:outlineLvl", "w:rPr")
    el = _child(ppr, tag, before=later)
    el.set(qn("w:val"), "1" if on else "0")


def set_outline_level(ppr, level: int) -> None:
    _child(ppr, "w:outlineLvl", before=("w:rPr",)).set(qn("w:val"), str(level))


def doc_defaults(styles_element):
    """(rPr, pPr) of w:docDefaults, created when missing."""
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, defaults)
    rpr_default = _child(defaults, "w:rPrDefault")
    rpr = _child(rpr_default, "w:rPr")
    ppr_default = _child(defaults, "w:pPrDefault")
    ppr = _child(ppr_default, "w:pPr")
    return rpr, ppr


def set_even_and_odd_headers(settings_element) -> None:
    el = settings_element.find(qn("w:evenAndOddHeaders"))
    if el is None:
        el = OxmlElement("w:evenAndOddHeaders")
        # position: after w:defaultTabStop family is fine for Word; LibreOffice is lenient
        anchor = settings_element.find(qn("w:characterSpacingControl"))
        if anchor is not None:
            anchor.addprevious(el)
        else:
            settings_element.append(el)


def set_doc_grid(sectpr, line_pitch_twips: int) -> None:
    grid = sectpr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sectpr.append(grid)
    for attr in list(grid.attrib):
        del grid.attrib[attr]
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(line_pitch_twips))


def add_page_field(paragraph, rpr_builder) -> None:
    """Append a PAGE field (begin / instrText / separate / result / end) to a paragraph."""

    def run_with(child=None, text: str | None = None):
        r = OxmlElement("w:r")
        rpr_builder(r)
        if child is not None:
            r.append(child)
        if text is not None:
            t = OxmlElement("w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = text
            r.append(t)
        paragraph._p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    run_with(text="1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def run_properties(run_element):
    """The w:rPr of a raw w:r element, created when missing."""
    rpr = run_element.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run_element.insert(0, rpr)
    return rpr


def set_paragraph_style(p_element, style_id: str) -> None:
    p_element.get_or_add_pPr().style = style_id


def set_run_style(r_element, style_id: str) -> None:
    r_element.get_or_add_rPr().style = style_id
