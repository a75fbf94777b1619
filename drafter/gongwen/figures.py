"""Indicator clauses in report prose: 全镇实现生产总值73.1亿元，同比增长7.5% → name, value, unit, change, basis.

Pure text functions shared by the importer (drafter/app/importer.py) and its
benchmark. A clause is read only when its value and its change belong to the
same quantity and are stated exactly: thresholds (突破, 超), approximations
(左右, 以上, 余), multi-year comparisons (由A增加到B, 比1995年, 5年增长) and
blanks are never read, so no value is ever guessed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Measure units a headline figure carries, longest first.
UNITS = ("微克/立方米", "亿千瓦小时", "亿千瓦时", "万千瓦", "万标箱", "万亿元", "亿美元", "万美元", "万人次", "万平方米",
         "亿元", "万元", "美元", "元", "亿斤", "万吨", "吨", "千瓦", "公里", "人次", "万人", "人", "万户", "户", "万项",
         "项", "万亩", "亩", "万辆", "辆", "个", "家", "场", "件", "所", "座", "宗", "标箱", "千米", "平方米", "立方米", "%")
_UNIT = "|".join(re.escape(u) for u in UNITS)
_NUM = r"\d+(?:\.\d+)?"
_BASIS = r"同比|比上年|比去年|年均|平均每年|同口径"
_DIR = r"增长|下降|增加|减少|提高"
_SEP = r"[，、,]?"
_STOP = "，；。：,;:！？\n（）()“”"

# value first: NAME [达到|达|为] VALUE UNIT[，、] [BASIS] [实际] 增长 X%
_VALUE_FIRST = re.compile(
    rf"(?P<name>[^{_STOP}]{{1,48}}?)(?P<verb>达到|达|为)?(?P<value>{_NUM})(?P<unit>{_UNIT})"
    rf"{_SEP}(?:五年来|\d+年来)?(?P<basis>{_BASIS})?(?:实际|名义)?(?P<dir>{_DIR})(?P<change>{_NUM})%")
# change first: NAME [BASIS] 增长 X%[，、] 达到 VALUE UNIT
_CHANGE_FIRST = re.compile(
    rf"(?P<name>[^{_STOP}]{{1,48}}?)(?P<basis>{_BASIS})?(?:实际)?(?P<dir>{_DIR})(?P<change>{_NUM})%"
    rf"{_SEP}(?P<verb>达到|达|为)(?P<value>{_NUM})(?P<unit>{_UNIT})")
# two at once: A和B…分别达到V1U1和V2U2，[BASIS]增长C1%和C2%
_PAIR = re.compile(
    rf"(?P<name>[^{_STOP}]{{1,48}}?)[，,]?(?:\d{{4}}年)?分别(?:达到|达|为)?(?P<v1>{_NUM})(?P<u1>{_UNIT})[和、](?P<v2>{_NUM})(?P<u2>{_UNIT})"
    rf"[，,](?P<basis>{_BASIS})?(?:实际)?(?P<dir>增长|下降)(?P<c1>{_NUM})%[和、](?P<c2>{_NUM})%")
# NAME [VERB] VALUE UNIT [，CHANGE] as one clause of a headline indicator sentence
_HEADLINE = re.compile(
    rf"^(?P<name>[^{_STOP}]{{1,48}}?)(?P<verb>达到|达|为)?(?P<value>-?{_NUM})(?P<unit>{_UNIT})"
    rf"(?:{_SEP}(?:(?P<basis>{_BASIS})?(?P<dir>{_DIR})(?P<change>{_NUM})%|(?P<flat>与上年持平)))?"
    rf"(?:[，,](?P<tail>[^，,]*))?$")

_SCOPE = re.compile(r"^(?:其中|全年|今年|去年|上半年|一是|二是|三是|四是|五是|到\d{4}年底|\d{4}年|[一二三四五六七八九〇零]{4}年|"
                    r"全[镇乡县市省区国州]|我[镇乡县市省区]|共|实现|完成|累计|合计)+")
# what makes a figure inexact or not this year's
_INEXACT_BEFORE = re.compile(r"(?:超过|突破|超|逾|近|约|接近|不足|由)$")
_INEXACT_AFTER = re.compile(r"^(?:左右|以上|以下|以内|多|余|上下)")
_SPAN_CHANGE = re.compile(r"(?:由|从)[^，,；;。]*(?:增加|提高|下降|减少|增长)到|比\d{4}年|比“|\d年(?:累计)?增长|[二三四五六七八九十]年(?:累计)?增长")


@dataclass(frozen=True)
class Figure:
    """One indicator read from text."""

    name: str
    value: float
    unit: str
    change: float | None = None
    basis: str | None = None   # 同比 / 比上年 / 年均 / None when not stated
    verb: str | None = None
    start: int = 0             # offset of the clause in the text it was read from


def normalise(text: str) -> str:
    """Full-width digits and signs to ASCII, spaces inside numbers dropped (5 1 6 0 元 → 5160元)."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"(?<=\d) (?=[\d.%\u4e00-\u9fff])|(?<=\.) (?=\d)", "", text)
    return text


def _num(text: str) -> float:
    v = float(text)
    return int(v) if v.is_integer() and "." not in text else v


def _basis(raw: str | None) -> str | None:
    if not raw:
        return None
    return {"平均每年": "年均", "比去年": "比上年", "同口径": None}.get(raw, raw)


def clean_name(name: str) -> str:
    name = name.strip(" 　,，、")
    name = re.sub(r"^.*?(?:其中|包括)[：:，,]?", "", name) if re.search(r"其中|包括", name) else name
    name = _SCOPE.sub("", name)
    return name.strip(" 　,，、的")


def _signed(direction: str | None, change: str | None) -> float | None:
    if change is None:
        return None
    c = _num(change)
    return -c if direction in ("下降", "减少") else c


def _exact(text: str, m: re.Match, value_at: int, value_end: int, change_end: int) -> bool:
    """The value and the change are stated exactly and for this period."""
    before = text[max(0, value_at - 3):value_at]
    if _INEXACT_BEFORE.search(before):
        return False
    after_value = text[value_end:value_end + 2]
    after_change = text[change_end:change_end + 2]
    if _INEXACT_AFTER.match(after_value) or _INEXACT_AFTER.match(after_change):
        return False
    clause_start = max(text.rfind(c, 0, m.start("name") + 1) for c in "；;。")
    if _SPAN_CHANGE.search(text[clause_start + 1:change_end]):
        return False
    return True


def read_figures(text: str) -> list[Figure]:
    """Every exact indicator clause of a text (value and change of one quantity), in order."""
    text = normalise(text)
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _PAIR.finditer(text):
        if not _exact(text, m, m.start("v1"), m.end("u2"), m.end()):
            continue
        raw = m.group("name")
        names = [clean_name(n) for n in re.split(r"和|与", raw)] if re.search(r"和|与", raw) else [clean_name(raw)] * 2
        if len(names) != 2 or not all(names):
            continue
        basis = _basis(m.group("basis"))
        for name, v, u, c in ((names[0], m.group("v1"), m.group("u1"), m.group("c1")),
                              (names[1], m.group("v2"), m.group("u2"), m.group("c2"))):
            found.append(Figure(name, _num(v), u, _signed(m.group("dir"), c), basis, None, m.start()))
        taken.append((m.start(), m.end()))
    for pattern in (_VALUE_FIRST, _CHANGE_FIRST):
        for m in pattern.finditer(text):
            if not free(m.start("value"), m.end("change")) or not free(m.start("change"), m.end("value")):
                continue
            if m.group("unit") == "%":
                continue  # a rate's change is in points, not per cent
            if not _exact(text, m, m.start("value"), m.end("unit"), m.end("change")):
                continue
            name = clean_name(m.group("name"))
            if not name or re.search(r"\d", name[-1:]) or len(name) < 2:
                continue
            found.append(Figure(name, _num(m.group("value")), m.group("unit"), _signed(m.group("dir"), m.group("change")),
                                _basis(m.group("basis")), m.group("verb"), m.start()))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def read_headline(sentence: str) -> list[Figure] | None:
    """A headline indicator sentence, clause by clause (；-separated), or None when one clause is not a figure.

    全镇实现生产总值73.1亿元，同比增长7.5%；规模以上工业增加值30.08亿元，同比增长9.2% — every
    clause must read, so a sentence that only mentions a figure is left to the items.
    """
    text = normalise(sentence).strip().rstrip("。")
    clauses = [c for c in re.split(r"[；;]", text) if c.strip()]
    out: list[Figure] = []
    for i, clause in enumerate(clauses):
        clause = clause.strip()
        if i == 0:  # the lead-in: 经过五年的努力，到2025年底，全镇… → the last comma-free run before the figure
            parts = re.split(r"[，,](?=[^，,]*\d)", clause, maxsplit=0)
            head = [p for p in parts if re.search(rf"{_NUM}(?:{_UNIT})", p)]
            if head:
                clause = clause[clause.index(head[0]):]
        m = _HEADLINE.match(clause)
        if not m or (m.group("tail") and not re.fullmatch(r"(?:增速高于预期目标|达到预期目标|未达年初预期|没有达到规划预期)",
                                                          m.group("tail"))):
            return None
        name = clean_name(m.group("name"))
        if not name:
            return None
        change = 0 if m.group("flat") else _signed(m.group("dir"), m.group("change"))
        out.append(Figure(name, _num(m.group("value")), m.group("unit"), change, _basis(m.group("basis")),
                          m.group("verb"), 0))
    return out or None
