"""placeholder: blanks a template or a copied sample left in the draft (N11, N13)."""
from __future__ import annotations

import re

from ..finding import ERROR, WARNING
from ..text import CJK, Doc, excerpt

RULE = "placeholder"

_PATTERNS: list[tuple[re.Pattern, str, str]] = [
    (re.compile(r"(?:19|20)(?:__+|[Xx]{2}|××)年?|(?<![A-Za-z])[XxＸｘ×]{4}年"), ERROR, "年份未填写：“{m}”"),
    # 2014年 月 日 / 年 月 日: a date line whose month and day were never filled in
    (re.compile(r"(?:(?:19|20)\d\d|[〇○零一二三四五六七八九]{4})\s*年[ \t\u3000]*月[ \t\u3000]*日"
                r"|年[ \t\u3000]+月[ \t\u3000]*日|(?<=[ \t\u3000])年[ \t\u3000]*月[ \t\u3000]+日"),
     ERROR, "日期未填写：“{m}”"),
    (re.compile(r"(?<![A-Za-z])[XxＸｘ×]{1,2}月(?:[XxＸｘ×]{1,2}日)?"), ERROR, "日期未填写：“{m}”"),
    (re.compile(r"_{2,}|(?<=[\d" + CJK + r"])_(?=[\d" + CJK + r"])"), ERROR, "残留填空线“{m}”"),
    (re.compile(r"(?<![A-Za-z])[Xx]{2,3}(?![A-Za-z])(?=[" + CJK + r"])|(?<=[" + CJK + r"])[Xx]{2,3}(?![A-Za-z])"),
     ERROR, "残留占位符“{m}”（名称或数字未填写）"),
    # ○ is also the zero of written-out years (二○○○年): only a run standing alone is a blank
    (re.compile(r"×{2,}|(?<![一二三四五六七八九〇零○])○{2,}(?![一二三四五六七八九〇零○])|□{2,}|＊{2,}"),
     ERROR, "残留占位符“{m}”"),
    # **镇, 五个新*: asterisks touching text (Markdown emphasis is stripped before lint)
    (re.compile(r"[*＊]+(?=[\d" + CJK + r"])|(?<=[\d" + CJK + r"])[*＊]+"), ERROR, "残留占位符“{m}”"),
    (re.compile(r"【\s*】|【[^】]{0,12}(?:填写|填入|名称|此处|待定|待补|姓名|数字|日期)[^】]{0,12}】"),
     ERROR, "残留待填括号“{m}”"),
    (re.compile(r"[（(]\s*(?:此处|待定|待补|待填|待核|请填|请补|填写)[^）)]{0,30}[）)]"),
     ERROR, "残留编写提示“{m}”"),
    (re.compile(r"同比(?:增长|下降|增加|减少)(?=[，。；,;])|(?:比上年|比去年|较上年|较去年)增长(?=[，。；,;])"),
     ERROR, "缺少数字：“{m}”后没有幅度"),
    # 税利比上年增加，就可以…; 价格总水平都比上年下降。: a plain comparison may carry no figure
    (re.compile(r"(?:比上年|比去年|较上年|较去年)(?:下降|增加|减少)(?=[，。；,;])"),
     WARNING, "可能缺少数字：“{m}”后没有幅度"),
    # 投资亿元以上项目 (a size class, 亿 = one hundred million) is not a missing figure
    (re.compile(r"(?:完成|实现|达到|投资|投入|共计|累计)(?:万元|亿元|万吨|万人|个百分点)"
                r"(?![以之]?[上下][^，。；,;！!？?]{0,8}?(?:项目|企业|工程|产业|园区|重大|大项目|工业|基地|平台|集群|龙头))"),
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
