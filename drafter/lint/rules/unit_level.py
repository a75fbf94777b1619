"""unit-level: another level's own words in a unit's draft (全镇 in a 乡's report, 镇党委 in a 街道's).

A clerk who starts from last year's report of a neighbouring 镇, or from an
example, keeps its 全镇, 镇党委, 镇长 and 镇区 in a 乡 or 街道 draft. Only the
words a unit uses of itself are read: a scope (全镇, 我乡, 本镇) or an organ or
post standing on its own (镇党委, 、乡长, 在镇区), never a named unit (河口镇党委)
or a compound (乡镇, 城乡, 集镇, 乡村). The unit's level comes from the fact
sheet (unit.level or the end of unit.name) or the draft's own head lines; with
no level known the rule says nothing. A warning: the text may mean another unit.
"""
from __future__ import annotations

from ...lazyre import lazy
from ..finding import WARNING
from ..text import Doc, excerpt

RULE = "unit-level"

_OTHERS = {"镇": ("乡",), "乡": ("镇",), "街道": ("镇", "乡")}
# the unit's own organs and posts after its level word
_ORGANS = "党委|人民政府|政府|人大主席团|人大|人代会|纪委|机关|干部|领导班子|长|区"
# a level word the unit uses of itself: after 全/我/本, or after no Chinese character, or after a
# word that ends in one of these (在, 由, 向, 对, 监督, 分管, 支持 …) and seldom ends a place name
# (和, 合, 安 … do: 永和镇, 六合镇, so 配合镇政府 is not read; 和 after an organ is: 县政府和镇党委)
_BEFORE = "在由经与及对向为被把将从的是届任原副历督管赴到议请持助导"
_OWN = {
    w: lazy(
        rf"(?P<scope>[全我本]){w}(?![镇乡村里])"
        rf"|(?:(?<![\u4e00-\u9fff])|(?<=[{_BEFORE}])|(?<=[委府大会处]和))"
        rf"{w}(?P<organ>{_ORGANS}|委(?=[、，的和]))"
    )
    for w in ("镇", "乡")
}
_STREET_ORGANS = {"党委": "街道党工委", "委": "街道党工委", "人民政府": "街道办事处", "政府": "街道办事处",
                  "人大主席团": "街道人大工委", "人大": "街道人大工委", "人代会": "区人代会", "纪委": "街道纪工委", "机关": "街道机关",
                  "干部": "街道干部", "领导班子": "街道党工委、办事处领导班子", "长": "办事处主任", "区": "辖区"}


def _instead(level: str, scope: str | None, organ: str | None) -> str:
    if organ == "委":  # 镇委 is a local habit for 镇党委; 乡委 never is
        organ = "党委"
    if scope:
        return scope + level
    if level == "街道":
        return _STREET_ORGANS[organ]
    if organ == "区" and level == "乡":
        return "集镇"
    return level + organ


def check(doc: Doc) -> None:
    level = getattr(doc, "level", None)
    if level not in _OTHERS:
        return
    for no, text in doc.lines:
        for word in _OTHERS[level]:
            if word not in text:
                continue
            for m in _OWN[word].finditer(text):
                found = m.group()
                instead = _instead(level, m.group("scope"), m.group("organ"))
                doc.add(no, RULE, WARNING, f"本单位是{level}，“{found}”应为“{instead}”（若指别的单位，请写出其名称）",
                        excerpt(text, m.start(), m.end()))
