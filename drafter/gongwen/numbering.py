"""公文 numbering styles, one table for parsing and formatting.

GB/T 9704's levels 一、 （一） 1. （1）, the inline series 一是/一要, and
第一， ordinals. Readers (corpus outline, lint, markup) parse with
`parse_marker`; writers (templates' cn_ordinal, skeleton drafts) format with
`format_marker`. Both read STYLES, so a new style is one row.
"""
from __future__ import annotations


from .numerals import cn_to_int, int_to_cn
from ..lazyre import LazyPattern, lazy
from ..record import record

_CN = "一二三四五六七八九十"


@record
class NumberStyle:
    """One numbering style: its parse pattern (group 1 = number), formatter and document level."""

    name: str
    pattern: LazyPattern  # compiled at first use
    fmt: str          # "{cn}" or "{n}" placeholders
    level: int        # GB/T 9704 level (1–4); 0 for inline series


STYLES: tuple[NumberStyle, ...] = (
    NumberStyle("comma", lazy(rf"^([{_CN}]{{1,3}})、"), "{cn}、", 1),
    NumberStyle("paren", lazy(rf"^[（(]([{_CN}]{{1,3}})[)）]、?"), "（{cn}）", 2),
    NumberStyle("arabic", lazy(r"^(\d{1,2})[、．.](?!\d)"), "{n}.", 3),
    NumberStyle("arabic_paren", lazy(r"^[（(](\d{1,2})[)）]"), "（{n}）", 4),
    NumberStyle("shi", lazy(rf"^([{_CN}]{{1,3}})是(?=[\u4e00-\u9fff“])"), "{cn}是", 0),
    NumberStyle("yao", lazy(rf"^([{_CN}]{{1,3}})要(?=[\u4e00-\u9fff“])"), "{cn}要", 0),
    NumberStyle("di", lazy(rf"^第([{_CN}]{{1,3}})[，,、]"), "第{cn}，", 0),
)
BY_NAME = {s.name: s for s in STYLES}
# 一、二、三产业 / 二、三产业 after a broken line: a list of ordinals, not a heading.
FALSE_HEADING = lazy(rf"^[{_CN}]、[{_CN}]、?[{_CN}]?产业|^[二三]、三产业")


@record
class Marker:
    """A parsed numbering marker at the start of a line."""

    style: str
    number: int
    text: str     # the marker as written (e.g. "（三）")
    rest: str     # what follows the marker
    numeral: str  # the number as written (三, 3)


def parse_marker(line: str, styles: tuple[str, ...] | None = None) -> Marker | None:
    """The numbering marker opening a line (leading blanks ignored), or None."""
    s = line.lstrip()
    if FALSE_HEADING.match(s):
        return None
    for style in STYLES:
        if styles is not None and style.name not in styles:
            continue
        m = style.pattern.match(s)
        if m:
            n = cn_to_int(m.group(1))
            if n:
                return Marker(style.name, n, m.group(0), s[m.end():], m.group(1))
    return None


def format_marker(n: int, style: str = "paren") -> str:
    """3 → （三） / 三、 / 三是 / 第三， / 3. / （3） by style name."""
    if style not in BY_NAME:
        raise ValueError(f"未知样式 {style!r}（编号样式），可选：{', '.join(BY_NAME)}")
    return BY_NAME[style].fmt.format(cn=int_to_cn(n), n=n)


def heading_level(lead: str) -> int:
    """GB/T 9704 level of a heading from its numbering; unnumbered run-in leads count as level 2."""
    marker = parse_marker(lead, ("comma", "paren", "arabic", "arabic_paren"))
    return BY_NAME[marker.style].level if marker else 2
