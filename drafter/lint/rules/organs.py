"""organ-name: organs that do not exist or do not match the unit (乡委, 街道人民政府, 河口乡乡人大).

A 乡/镇 has a 党委 (乡党委, 镇党委; 镇委 is a local habit and stays legal), a
人民政府 and a 人民代表大会. A 街道 is the agency of a 区/县 government: an
办事处 under a 党工委, with neither a 人民政府 nor a 人民代表大会 of its own.
A post written after the unit's name must not repeat the level word
(河口乡 + 乡人大主席) or the name (东关街道东关街道党工委).
"""
from __future__ import annotations

import re

from ...gongwen.levels import NOT_A_NAME as _NOT_A_NAME
from ..finding import ERROR, WARNING
from ..text import Doc, excerpt

RULE = "organ-name"

# 乡委 beside 乡党委 in the same draft: the draft itself names the organ properly elsewhere.
_SHORT_PARTY = re.compile(r"(?<![城集村县区市省州])(乡|镇)委(?![员会托屈])")
_PARTY = {"乡": "乡党委", "镇": "镇党委"}
_STREET = [
    (re.compile(r"(?<![\u4e00-\u9fff]{2}区)街道委(?![员会托屈])"), "街道没有“街道委”，本级党组织是街道党工委"),
    (re.compile(r"街道(?:人民政府|政府)(?!派出)"), "街道没有人民政府：街道办事处是区（县）人民政府的派出机关"),
    (re.compile(r"街道(?:第[一二三四五六七八九十]+届)?人民代表大会"), "街道不设人民代表大会（人大工作由街道人大工委联系）"),
]
# 河口乡乡人大主席 / 东关街道东关街道党工委: a unit name, then its level word or itself again before an organ.
_ORGAN = r"(?:人大|党委|党工委|人民政府|政府|纪委|办事处)"
_DOUBLED = re.compile(
    r"(?<![各全本我该每])([\u4e00-\u9fff]{2,6}?(镇|乡|街道))(?:\1|\2)" + _ORGAN
)


def check(doc: Doc) -> None:
    whole = "\n".join(t for _n, t in doc.lines)
    for no, text in doc.lines:
        for m in _SHORT_PARTY.finditer(text):
            level = m.group(1)
            if _PARTY[level] in whole:
                # 镇委 is a local habit (东莞); 乡委 never is
                doc.add(no, RULE, ERROR if level == "乡" else WARNING,
                        f"机构称谓前后不一：文中称“{_PARTY[level]}”，此处作“{m.group(0)}”",
                        excerpt(text, m.start(), m.end()))
            elif level == "乡":
                doc.add(no, RULE, WARNING, "“乡委”不是规范称谓，一般作“乡党委”", excerpt(text, m.start(), m.end()))
        for pattern, message in _STREET:
            for m in pattern.finditer(text):
                doc.add(no, RULE, ERROR, message, excerpt(text, m.start(), m.end()))
        for m in _DOUBLED.finditer(text):
            name = m.group(1)
            if _NOT_A_NAME.match(name):
                continue
            again = name if m.group(0)[len(name):].startswith(name) else m.group(2)
            # the whole name twice is always a slip; 鉴江镇镇政府 is loose but common in real pages
            doc.add(no, RULE, ERROR if again == name else WARNING, f"单位名称与机构、职务重复：“{m.group(0)}”，“{name}”之后不必再写“{again}”",
                    excerpt(text, m.start(), m.end()))
