"""placeholder: blanks a template or a copied sample left in the draft (N11, N13)."""
from __future__ import annotations

import re

from ..finding import ERROR, WARNING
from ..text import CJK, Doc, excerpt

RULE = "placeholder"

_PATTERNS: list[tuple[re.Pattern, str, str]] = [
    (re.compile(r"(?:19|20)(?:__+|[Xx]{2}|××)年?"), ERROR, "年份未填写：“{m}”"),
    (re.compile(r"_{2,}|(?<=[\d" + CJK + r"])_(?=[\d" + CJK + r"])"), ERROR, "残留填空线“{m}”"),
    (re.compile(r"(?<![A-Za-z])[Xx]{2,3}(?![A-Za-z])(?=[" + CJK + r"])|(?<=[" + CJK + r"])[Xx]{2,3}(?![A-Za-z])"),
     ERROR, "残留占位符“{m}”（名称或数字未填写）"),
    (re.compile(r"×{2,}|○{2,}|□{2,}|＊{2,}"), ERROR, "残留占位符“{m}”"),
    (re.compile(r"【\s*】|【[^】]{0,12}(?:填写|填入|名称|此处|待定|待补|姓名|数字|日期)[^】]{0,12}】"),
     ERROR, "残留待填括号“{m}”"),
    (re.compile(r"[（(]\s*(?:此处|待定|待补|待填|待核|请填|请补|填写)[^）)]{0,30}[）)]"),
     ERROR, "残留编写提示“{m}”"),
    (re.compile(r"(?:同比|比上年|比去年|较上年|较去年)(?:增长|下降|增加|减少)(?=[，。；,;])"),
     ERROR, "缺少数字：“{m}”后没有幅度"),
    (re.compile(r"(?:完成|实现|达到|投资|投入|共计|累计)(?:万元|亿元|万吨|万人|个百分点)"),
     ERROR, "缺少数字：“{m}”"),
    (re.compile(r"某某"), WARNING, "疑似占位符“{m}”（名称未填写）"),
]


def check(doc: Doc) -> None:
    for no, text in doc.lines:
        taken: list[tuple[int, int]] = []
        for pattern, severity, message in _PATTERNS:
            for m in pattern.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue  # one finding per blank: 20__年 is not also a __ blank
                taken.append((m.start(), m.end()))
                doc.add(no, RULE, severity, message.format(m=m.group()), excerpt(text, m.start(), m.end()))
