"""fact-wording: wording that does not follow the facts it states.

- 二个/二件/二项: a count before a measure word is 两 (两个方面、两件实事);
  一至二名, 第二个, 十二个 are fine.
- an unfilled slot of a template or a phrase bank ({年份}, {单位}, {{ … }}).
- 实现…生产总值…下降 (实现 goes with an achievement, not a fall) and
  全镇达到生产总值 (达到 follows the indicator's name).
- a success formula (较好地完成了…各项目标任务, 取得明显成效, 各方面工作取得了积极成效)
  in a paragraph whose headline output figure fell, or beside two or more falls.
- zero counts printed as figures: 提出议案0件, 为0名.
"""
from __future__ import annotations

import re

from ..finding import ERROR, WARNING
from ..text import Doc, excerpt, sentences

RULE = "fact-wording"

_ER = re.compile(r"(?<![一二三四五六七八九十百千万第至或到、～~—\-])二(?=[个件项名位家条座])")
_SLOT = re.compile(r"\{(?:年份|单位|数字|会议|领导|地名|党委|政府|人大|名称|日期|姓名)\}|\{\{[^{}]*\}\}|\{%[^{}]*%\}")
_ACHIEVE_FALL = re.compile(r"实现[^，。；]{0,10}(?:生产总值|增加值|总产值|GDP)[^，。；]{0,14}[，,]?(?:同比|比上年|较上年)?下降\d")
_REACH_FIRST = re.compile(r"全(?:镇|乡|街道|县|区|市)(?:达到|实现了?)?达到(?:地区)?生产总值|全(?:镇|乡|街道)达到[^，。；]{2,12}\d")
_SUCCESS = re.compile(
    r"(?:较好|圆满|全面|超额)地?完成了?[^。；]{0,30}(?:各项)?(?:目标任务|任务目标|既定目标|各项任务)"
    r"|取得(?:了)?明显成效|各方面工作取得了?(?:积极|显著|明显)成效|实现了年初制定的既定目标"
)
_FALL = re.compile(r"(?:同比|比上年|较上年|比去年)?(?:下降|减少|回落)\s*\d+(?:\.\d+)?\s*(?:%|％|个百分点)")
_HEADLINE_FALL = re.compile(r"(?:地区)?生产总值[^，。；]{0,16}[，,]\s*(?:同比|比上年|较上年)?下降\s*\d")
_ZERO = re.compile(r"(?:提出|收到|受理|办理|接受|立案|处分|移送|澄清)[^，。；0-9]{0,10}(?<![\d.])0(?:件|名|人|起|个|条)|为0名")


def check(doc: Doc) -> None:
    for no, text in doc.lines:
        for m in _ER.finditer(text):
            doc.add(no, RULE, ERROR, f"数量词应作“两{text[m.end()]}”，不作“二{text[m.end()]}”",
                    excerpt(text, m.start(), m.end() + 1))
        for m in _SLOT.finditer(text):
            doc.add(no, RULE, ERROR, f"模板或常用语的槽位没有填上：“{m.group(0)}”", excerpt(text, m.start(), m.end()))
        for m in _ACHIEVE_FALL.finditer(text):
            doc.add(no, RULE, ERROR, "“实现”与“下降”搭配不当：下降的指标直接写“生产总值……同比下降……”",
                    excerpt(text, m.start(), m.end()))
        for m in _REACH_FIRST.finditer(text):
            doc.add(no, RULE, ERROR, "语序不当：“达到”应放在指标名之后，如“全镇生产总值达到……”",
                    excerpt(text, m.start(), m.end()))
        for m in _ZERO.finditer(text):
            doc.add(no, RULE, ERROR, "数量为零不写“0件/0名”：不写这一项，或写作“未发生……”“没有……”",
                    excerpt(text, m.start(), m.end()))
        success = list(_SUCCESS.finditer(text))
        if not success:
            continue
        m = success[0]
        if _HEADLINE_FALL.search(text):
            doc.add(no, RULE, ERROR, "成绩定性与数字矛盾：生产总值下降，却写“" + m.group(0) + "”；下滑年份宜如实表述",
                    excerpt(text, m.start(), m.end()))
        elif len(_FALL.findall(text)) >= 2 and any(_SUCCESS.search(s) for _a, _b, s in sentences(text)):
            doc.add(no, RULE, WARNING, "成绩定性与数字不符：同一段有两项以上指标下降，却写“" + m.group(0) + "”",
                    excerpt(text, m.start(), m.end()))
