"""punctuation: half-width marks in Chinese text, mixed quotes, 。 as a decimal point (N10)."""
from __future__ import annotations

import re

from ..finding import WARNING
from ..text import CJK, Doc, excerpt

RULE = "punctuation"

_ZH = f"{CJK}，。、；：！？“”‘’（）《》【】…—"
_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
# An ASCII mark with Chinese on at least one side (spaces skipped); digit:digit (8:30) is left alone.
_HALF = re.compile(rf"(?<=[{_ZH}])\s*[,:;!?]|[,:;!?]\s*(?=[{_ZH}])")
_PARENS = re.compile(rf"\(([^()]*[{CJK}][^()]*)\)|(?<=[{CJK}])\(([^()]{{1,20}})\)|\(([^()]{{1,20}})\)(?=[{CJK}])")
_ASCII_QUOTE = re.compile(rf"(?<=[{_ZH}])\s*[\"']|[\"']\s*(?=[{_ZH}])")
_DECIMAL = re.compile(r"\d。\d+\s*(?:%|％|‰|万|亿|元|米|公里|千米|亩|吨|倍|个百分点|小时|平方)")
_FESTIVAL = re.compile(r"“[一二三四五六七八九十]+。[一二三四五六七八九十]+”")
_DOUBLE_MARK = re.compile(r"^\s*[（(][一二三四五六七八九十\d]+[）)][、，.．]")


def check(doc: Doc) -> None:
    for no, text in doc.lines:
        if not text.strip():
            continue
        half = [m for m in _HALF.finditer(text)]
        if half:
            marks = "".join(sorted({m.group().strip() for m in half}))
            first = half[0]
            doc.add(no, RULE, WARNING,
                    f"中文里用了半角标点“{marks}”（{len(half)}处），应为全角“{''.join(_FULL[c] for c in marks)}”",
                    excerpt(text, first.start(), first.end()))
        parens = list(_PARENS.finditer(text))
        if parens:
            doc.add(no, RULE, WARNING, f"中文里用了半角括号“()”（{len(parens)}处），应为全角“（）”",
                    excerpt(text, parens[0].start(), parens[0].end()))
        quotes = list(_ASCII_QUOTE.finditer(text))
        if quotes:
            doc.add(no, RULE, WARNING, "中文里用了半角引号，应为“”或‘’",
                    excerpt(text, quotes[0].start(), quotes[0].end()))
        opens, closes = text.count("“"), text.count("”")
        if opens != closes and not quotes:
            doc.add(no, RULE, WARNING, f"引号不配对：“ {opens}个，” {closes}个", _quote_excerpt(text))
        for m in _DECIMAL.finditer(text):
            doc.add(no, RULE, WARNING, f"句号“。”误作小数点：“{m.group()}”应为“{m.group().replace('。', '.')}”",
                    excerpt(text, m.start(), m.end()))
        for m in _FESTIVAL.finditer(text):
            doc.add(no, RULE, WARNING, f"节日简称中误用句号：“{m.group()}”", excerpt(text, m.start(), m.end()))
        m = _DOUBLE_MARK.match(text)
        if m:
            doc.add(no, RULE, WARNING, f"序号“{m.group().strip()[:-1]}”后不应再加“{m.group()[-1]}”",
                    excerpt(text, m.start(), m.end()))


def _quote_excerpt(text: str) -> str:
    """Around the first unmatched quote mark."""
    depth, last_open = 0, -1
    for i, c in enumerate(text):
        if c == "“":
            if depth:
                return excerpt(text, last_open, last_open + 1)
            depth, last_open = 1, i
        elif c == "”":
            if not depth:
                return excerpt(text, i, i + 1)
            depth = 0
    i = last_open if last_open >= 0 else 0
    return excerpt(text, i, i + 1)
