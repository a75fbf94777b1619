"""Generated fact sheets: every shipped example moved to another level, outcome, report year and count.

A scenario is what a clerk elsewhere would write: the example's facts, with
the unit (镇 / 乡 / 民族乡 / 街道) and its organs named the way that level names
them, the figures turned to growth / mixed / decline, the dates moved to the
report year (the year the report is delivered) with the period's current
wording, and every list of the sheet cut or stretched to 0, 1, 2 or 10 items
(within the schema's bounds; a count of 0 drops optional lists and zeroes counts).
"""
from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafter import factsheet, templates

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

LEVELS = ("镇", "乡", "民族乡", "街道")
OUTCOMES = ("growth", "mixed", "decline")
YEARS = (2024, 2026)
COUNTS = (0, 1, 2, 10)

UNITS = {
    "镇": {"name": "青溪镇", "short": None, "party": "镇党委", "congress": "镇人大", "gov": "镇人民政府",
           "issuer": ["中共青溪镇委员会", "青溪镇人民政府"], "body": "镇党委、政府领导班子"},
    "乡": {"name": "河口乡", "short": None, "party": "乡党委", "congress": "乡人大", "gov": "乡人民政府",
           "issuer": ["中共河口乡委员会", "河口乡人民政府"], "body": "乡党委、政府领导班子"},
    "民族乡": {"name": "白岩彝族乡", "short": None, "party": "乡党委", "congress": "乡人大", "gov": "乡人民政府",
              "issuer": ["中共白岩彝族乡委员会", "白岩彝族乡人民政府"], "body": "乡党委、政府领导班子"},
    "街道": {"name": "东关街道", "short": None, "party": "街道党工委", "congress": None, "gov": "街道办事处",
            "issuer": ["中共东关街道工作委员会", "东关街道办事处"], "body": "街道党工委、办事处领导班子"},
}


def spirit(review_year: int) -> str:
    """What a text about that year studies as the current spirit (eras.yaml: 三中 2024-07, 四中 2025-10)."""
    if review_year <= 2023:
        return "党的二十大和二十届二中全会"
    if review_year == 2024:
        return "党的二十大和二十届二中、三中全会"
    return "党的二十大和二十届历次全会"


PLAN_NAME = {2024: "十四五", 2026: "十五五"}
SITUATION = {2024: "“十四五”规划承上启下的关键之年", 2026: "“十五五”规划的开局之年"}
# Figures by outcome: (生产总值, then the rest), as % changes.
CHANGES = {
    "growth": [7.5, 9.2, 12, 6.3, 2.1, 6.8],
    "mixed": [3.1, -2.4, 1.2, -1.0, 2.2, 5.1],
    "decline": [-3.4, -6.8, -13.1, -16.4, -5.9, 2.7],
}


@dataclass(frozen=True)
class Scenario:
    example: str
    level: str
    outcome: str
    year: int
    count: int

    @property
    def id(self) -> str:
        return f"{self.example}-{self.level}-{self.outcome}-{self.year}-{self.count}"


def scenarios() -> list[Scenario]:
    return [Scenario(e.stem, lv, oc, y, n)
            for e, lv, oc, y, n in itertools.product(EXAMPLES, LEVELS, OUTCOMES, YEARS, COUNTS)]


@lru_cache(maxsize=None)
def base(example: str) -> tuple[dict, templates.Template]:
    sheet, problems = factsheet.parse_factsheet(ROOT / "examples" / f"{example}.yaml")
    assert sheet is not None and not problems, problems
    return sheet.data, templates.get(sheet.template_id)


def _delivered(data: dict) -> int:
    """The year a sheet's report is delivered: its meeting or signature date."""
    for path in ("meeting.date", "date", "period.date"):
        node: Any = data
        for key in path.split("."):
            node = node.get(key) if isinstance(node, dict) else None
        if node:
            return int(str(node)[:4])
    return int(data.get("year") or data["period"]["review"])


_YEAR_KEYS = {"review", "plan", "year", "term_start", "plan_end"}
_YEAR_TEXT = re.compile(r"(?<!\d)(20[0-4]\d)(?=年|-\d\d-\d\d|—)")
_PLENUMS = re.compile(r"(?:党的)?二十大和二十届[一二三四五六七中、，和及与]*全会|(?:党的)?二十届[一二三四五六七中、，和]*中全会(?=精神)")
_PLAN = re.compile(r"十[四五]五")


def _texts(node: Any, fn) -> Any:
    if isinstance(node, dict):
        return {k: _texts(v, fn) for k, v in node.items()}
    if isinstance(node, list):
        return [_texts(v, fn) for v in node]
    return fn(node) if isinstance(node, str) else node


def _shift_years(node: Any, delta: int, key: str = "") -> Any:
    if isinstance(node, dict):
        return {k: _shift_years(v, delta, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_shift_years(v, delta, key) for v in node]
    if isinstance(node, bool):
        return node
    if isinstance(node, int) and key in _YEAR_KEYS and 1990 < node < 2100:
        return node + delta
    if isinstance(node, str):
        return _YEAR_TEXT.sub(lambda m: str(int(m.group(1)) + delta), node)
    return node


def _relevel(text: str, unit: dict) -> str:
    """The example's own wording (青溪镇, 镇党委, 全镇 …) said by another unit."""
    name, party, gov = unit["name"], unit["party"], unit["gov"]
    lv = "街道" if unit["level"] == "街道" else ("乡" if "乡" in unit["level"] else "镇")
    t = text.replace("中共青溪镇委员会", unit["issuer"][0]).replace("青溪镇人民政府", unit["issuer"][1])
    t = t.replace("青溪镇", name).replace("镇党委、政府", unit["body"].replace("领导班子", ""))
    t = re.sub(r"(?<![乡城集村])镇(?:党)?委(?![员会])", party, t)
    t = re.sub(r"(?<![乡城集村])镇人民政府", gov, t)
    t = re.sub(r"(?<![乡城集村])镇政府", gov if lv == "街道" else f"{lv}政府", t)
    if unit["congress"]:
        t = re.sub(r"(?<![乡城集村])镇人大", unit["congress"], t)
    else:
        t = re.sub(r"(?<![乡城集村])镇人大(?:主席团)?", "区人大", t)
    if lv == "街道":
        t = t.replace("镇域", "辖区").replace("镇长", "办事处主任").replace("镇区", "辖区").replace("镇人代会", "区人代会")
    elif lv == "乡":
        t = re.sub(r"(?<![乡城集村])镇区", "集镇", t)  # a 乡's seat is its 集镇, it has no 镇区
    t = re.sub(r"(?<=[全我本该])镇|(?<![乡城集村])镇(?=[领级内域村干长]|人代会|机关)", lv, t)
    return t


def _fit_lists(node: Any, schema: dict, n: int, root: dict) -> Any:
    """Lists cut or stretched to n items within the schema's bounds; n == 0 drops optional lists."""
    if isinstance(node, dict):
        props = schema.get("properties", {}) if isinstance(schema, dict) else {}
        required = set(schema.get("required", [])) if isinstance(schema, dict) else set()
        out = {}
        for k, v in node.items():
            sub = props.get(k, {})
            if n == 0 and isinstance(v, list) and k not in required and not sub.get("minItems"):
                continue
            if n == 0 and isinstance(v, int) and not isinstance(v, bool) and sub.get("minimum") == 0:
                out[k] = 0
                continue
            out[k] = _fit_lists(v, sub, n, root)
        return out
    if isinstance(node, list) and node:
        lo = int(schema.get("minItems", 0)) if isinstance(schema, dict) else 0
        hi = int(schema.get("maxItems", 10**6)) if isinstance(schema, dict) else 10**6
        want = max(lo, min(hi, n), 1 if lo else 0)
        if want == 0:
            want = 1
        items = [node[i % len(node)] for i in range(want)]
        sub = schema.get("items", {}) if isinstance(schema, dict) else {}
        return [_fit_lists(copy.deepcopy(i), sub, n, root) for i in items]
    return node


def build(s: Scenario) -> tuple[dict, templates.Template]:
    """The scenario's fact sheet (as loaded data) and its template."""
    data, template = base(s.example)
    data = copy.deepcopy(data)
    data = _shift_years(data, s.year - _delivered(data))
    u = dict(UNITS[s.level], level=s.level)
    data = _texts(data, lambda t: _relevel(t, u))
    from drafter.gongwen.report_year import factsheet_year

    current = spirit(factsheet_year(data) or s.year)
    data = _texts(data, lambda t: _PLAN.sub(PLAN_NAME[s.year], _PLENUMS.sub(current, t)))
    data["unit"] = {k: v for k, v in data["unit"].items() if k not in ("short",)}
    data["unit"].update(name=u["name"], level=s.level)
    if isinstance(data.get("leadership"), dict):
        data["leadership"]["party"] = u["party"]
        if u["congress"]:
            data["leadership"]["supervisor"] = u["congress"]
        else:
            data["leadership"].pop("supervisor", None)
    if isinstance(data.get("guidance"), dict):
        data["guidance"]["party"] = u["party"]
    if "issuer" in data:
        data["issuer"] = list(u["issuer"][: len(data["issuer"])])
    if "body" in data:
        data["body"] = u["body"]
    if "situation" in data and isinstance(data["situation"], str):
        data["situation"] = SITUATION[s.year]
    plan = data.get("plan") if isinstance(data.get("plan"), dict) else {}
    if isinstance(plan.get("situation"), str):
        plan["situation"] = SITUATION[s.year]
    review = data.get("review") if isinstance(data.get("review"), dict) else {}
    if isinstance(review.get("indicators"), list):
        for item, change in zip(review["indicators"], itertools.cycle(CHANGES[s.outcome])):
            item["change"] = change
        review.pop("year_character", None)
    data = _fit_lists(data, template.schema, s.count, data)
    return data, template
