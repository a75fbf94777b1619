"""Which level a unit is — 镇, 乡 or 街道 — read off a fact sheet or off a draft's own head lines.

The level decides the unit's own words: 全镇 / 全乡 / 全街道, 镇党委 / 乡党委 /
街道党工委, 镇长 / 乡长 / 办事处主任. A 民族乡 is a 乡; a 街道 is the agency of a
区/县 government (an 办事处 under a 党工委, with no 人民政府 or 人民代表大会).
"""
from __future__ import annotations

from ..lazyre import lazy

LEVEL_WORD = {"镇": "镇", "乡": "乡", "民族乡": "乡", "街道": "街道"}

# a unit's name: CJK characters ending in its level word (青溪镇, 白岩彝族乡, 东关街道)
_NAME_END = lazy(r"(?:民族乡|街道|镇|乡)$")
# a draft names its own unit in its title, byline or issuer: 青溪镇2025年政府工作报告,
# 在青溪镇第十八届人民代表大会…, 东关街道党工委、办事处…, 河口乡人民政府
_OWN_UNIT = lazy(
    r"(?<![各全本我该每])[\u4e00-\u9fff]{2,8}?(镇|乡|街道)"
    r"(?=(?:19|20)\d\d年|二〇|第[一二三四五六七八九十]+届|人民政府|人民代表大会|人大|党委|党工委|办事处|纪委|领导班子)"
)
# what stands before a level word but is no unit name (城镇, 各乡, 全镇, 所在镇, 邻近乡 …)
NOT_A_NAME = lazy(r"^(?:城|乡|集|村|县|区|市|省|州|各|全|本|我|该|每|所在|所属|相关|有关|其他|周边|邻近)")
# how a text speaks of a unit as its own: 全镇, 我乡, 本街道, 镇党委, 乡政府, 街道党工委 …
_SPEAKS_AS = lazy(r"[全我本](镇|乡|街道)(?![镇乡村])|(镇|乡|街道)(?=党委|党工委|人民政府|政府|人大|办事处)")
HEAD_LINES = 6


def sheet_level(data: object) -> str | None:
    """镇 / 乡 / 街道 of a fact sheet's unit: unit.level, else the end of unit.name; None when neither says."""
    unit = data.get("unit") if isinstance(data, dict) else None
    if not isinstance(unit, dict):
        return None
    return LEVEL_WORD.get(str(unit.get("level") or "")) or name_level(unit.get("name"))


def name_level(name: object) -> str | None:
    """镇 / 乡 / 街道 as a unit's name says it (白岩彝族乡 → 乡), or None for a name without one."""
    m = _NAME_END.search(str(name or "").strip())
    return LEVEL_WORD[m.group()] if m else None


def draft_level(lines: list[tuple[int, str]]) -> str | None:
    """镇 / 乡 / 街道 of the unit a draft speaks for; None when it does not say or says two things.

    The head lines name the unit (its title, byline or issuer); the body must then speak
    mostly as that level (全乡 … 乡党委), so a file holding several units' reports, or a
    draft titled for one unit and written for another, has no level.
    """
    found = set()
    for _no, text in [(n, t) for n, t in lines if t.strip()][:HEAD_LINES]:
        for m in _OWN_UNIT.finditer(text):
            if not NOT_A_NAME.match(m.group()):
                found.add(m.group(1))
    if len(found) != 1:
        return None
    head = found.pop()
    speaks = {"镇": 0, "乡": 0, "街道": 0}
    for _no, text in lines:
        for m in _SPEAKS_AS.finditer(text):
            speaks[m.group(1) or m.group(2)] += 1
    return head if speaks[head] >= sum(speaks.values()) - speaks[head] else None
