"""register: wording a careful secretary corrects whatever the facts.

- 列席代表: those attending without a vote are 列席人员, not 代表.
- 做出…贡献: 作出 goes with abstract objects (作出贡献、作出决定).
- 一年以来……一年来 (or 今年以来……一年来) in one paragraph: one period, said once and the same way.
- a 镇长/乡长 "supported" by the 党委: he is led by it (在镇党委的领导下).
These are warnings: old reports wrote them, and the corpus keeps them as written.
"""
from __future__ import annotations

import re

from ..finding import WARNING
from ..text import Doc, excerpt

RULE = "register"

_ATTENDING = re.compile(r"列席代表")
_MADE = re.compile(r"做出(?![了过]?(?:成绩|样子|榜样|产品))[^。，；！]{0,12}?贡献")
_SINCE = re.compile(r"(一年以来|今年以来|一年来)")
_SUPPORTED = re.compile(r"在[^，。；]{0,6}(?:镇|乡)?党委的(?:大力)?支持下")


def check(doc: Doc) -> None:
    for no, text in doc.lines:
        for m in _ATTENDING.finditer(text):
            doc.add(no, RULE, WARNING, "列席会议的不是代表：应作“列席人员”", excerpt(text, m.start(), m.end()))
        for m in _MADE.finditer(text):
            doc.add(no, RULE, WARNING, "“做出……贡献”应作“作出……贡献”", excerpt(text, m.start(), m.end()))
        found = [m for m in _SINCE.finditer(text)]
        if len({m.group(1) for m in found}) >= 2 and found[1].start() - found[0].end() < 120:
            doc.add(no, RULE, WARNING, f"同一段里“{found[0].group(1)}”“{found[1].group(1)}”两种说法连用",
                    excerpt(text, found[0].start(), found[1].end()))
        for m in _SUPPORTED.finditer(text):
            if re.search(r"本人|我", text[m.end():m.end() + 4]):
                doc.add(no, RULE, WARNING, "本级党委对乡镇长是领导，不是“支持”：宜作“在……党委的领导下”",
                        excerpt(text, m.start(), m.end()))
