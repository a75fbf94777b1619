"""The scenario matrix: every shipped example × level × outcome × report year × count renders a draft
free of the review's classes of fault (REVIEW-drafts.md), or is refused with a clear message.

Rendered in-process (fill → Jinja → markup → text); each draft is proofread by
lint's rules for those classes plus explicit checks that lint cannot make
without the sheet (outcome wording, short names, one-item lists, dates).
"""
from __future__ import annotations

import re

import pytest
import yaml
from jsonschema import Draft202012Validator

from drafter import filters, formulas, templates
from drafter.lint import lint_lines
from drafter.gongwen.levels import sheet_level
from drafter.gongwen.report_year import factsheet_year
from drafter.markup import parse_markup
from drafter.render import check
from drafter.writers.text import write_text

from .scenarios import OUTCOMES, Scenario, build, scenarios

CLASS_RULES = {"organ-name", "unit-level", "fact-wording", "register", "stale-term"}
ALL = scenarios()
NO_STREET = {"gov_work_report", "congress_work_report"}


def _render(data: dict, template: templates.Template, variant: int = 0) -> str:
    filled, _choices, missing = formulas.fill_data(template.meta, data, variant)
    assert not missing, f"nothing in the phrase bank fits {missing}"
    return write_text(parse_markup(templates.render_markup(template, filled)))


_TOP = re.compile(r"^[一二三四五六七八九十]+、")


def _item_schemes(text: str) -> dict[str, str]:
    """For each numbered part (一、二、…) whose items are paragraphs, how they are numbered."""
    out: dict[str, str] = {}
    heading, lines = None, []
    for line in [x.strip("　 ") for x in text.splitlines()] + ["十十、end"]:
        if _TOP.match(line):
            if heading:
                paren = any(x.startswith("（一）") for x in lines)
                shi = any(x.startswith("一是") for x in lines) and any(x.startswith("二是") for x in lines)
                if paren != shi:
                    out[heading[:12]] = "（一）" if paren else "一是"
            heading, lines = line, []
        else:
            lines.append(line)
    return out


def _faults(text: str, data: dict, s: Scenario) -> list[str]:
    """Every class of fault the review names, found in one rendered draft."""
    year = factsheet_year(data)
    lines = list(enumerate(text.splitlines(), 1))
    out = [f"{f.rule}: {f.message} — {f.excerpt}" for f in lint_lines(lines, "draft", year, level=sheet_level(data))
           if f.rule in CLASS_RULES or (f.rule in ("stale-formula", "placeholder") and f.severity == "error")]
    unit = data["unit"]
    short = filters.unit_short(unit)
    # 民族乡: the short name never keeps the nationality (白岩彝族走上…)
    if s.level == "民族乡" and re.search(re.escape(short) + r"彝族(?!乡)", text):
        out.append("民族乡简称带了民族名")
    # a one-item list is not numbered 一是 with no 二是
    for para in text.split("\n"):
        if "一是" in para and "二是" not in para:
            nxt = text[text.index(para) + len(para):][:400]
            if "二是" not in nxt:
                out.append(f"只有一项却编号“一是”：{para[:40]}")
    # the assessment follows the figures
    review = data.get("review") if isinstance(data.get("review"), dict) else {}
    if data["template"] == "gov_work_report":
        oc = filters.outcome(review.get("indicators"), review.get("outcome"))
        if oc != "growth":
            for phrase in ("较好地完成了", "各方面工作取得了积极成效", "圆满完成了"):
                if phrase in text:
                    out.append(f"{oc} 年份仍写“{phrase}”")
        elif (data.get("period") or {}).get("type", "annual") == "annual" and "较好地完成了" not in text:
            out.append("增长年份缺少完成目标的定性")
        if re.search(r"实现[^，。；]{0,12}下降", text):
            out.append("“实现……下降”")
        if re.search(r"全(镇|乡|街道)达到", text):
            out.append("“全镇达到生产总值”语序")
        meeting = str((data.get("meeting") or {}).get("date", ""))
        if "预计到今年底" in text and meeting[:4] and int(meeting[:4]) > int(data["period"]["review"]):
            out.append("会议在回顾年之后，却写“预计到今年底”")
    if data["template"] == "congress_work_report" and "来年的人大工作" in text:
        meeting = str((data.get("meeting") or {}).get("date", ""))
        if meeting[:4] == str(data["period"]["plan"]):
            out.append("当年的会议却写“来年”")
    # a lead-in to one task names what follows (以下工作：), never a bare 以下：
    if re.search(r"以下[：:。]", text):
        out.append("任务引语只剩“以下：”")
    # zero counts are left out, never printed as 0件
    if re.search(r"(?<![\d.])0(件|名|人)", text):
        out.append("数量为零仍写出“0件/0名”")
    # a team speaks as 我们, a person as 我/本人
    if data["template"] in ("team_duty_report", "integrity_duty_report") and re.search(r"本人|一定的贡献", text):
        out.append("班子报告里出现个人口吻")
    if re.search(r"做出[^。，；]{0,10}贡献|列席代表", text):
        out.append("做出贡献/列席代表")
    # sibling sections number their paragraph-level items one way: （一） or 一是, never both (review 1.8.3)
    schemes = _item_schemes(text)
    if len(set(schemes.values())) > 1:
        out.append(f"同级各部分的条目编号混用（一）和一是：{schemes}")
    if unit.get("level") == "街道" and re.search(r"街道(人民)?政府|街道人大|街道委(?!员)", text):
        out.append("街道没有的机构")
    return out


@pytest.mark.parametrize("s", ALL, ids=lambda s: s.id)
def test_scenario_renders_without_the_reviews_faults(s):
    data, template = build(s)
    errors = [e for e in Draft202012Validator(template.schema).iter_errors(data)]
    if s.level == "街道" and template.id in NO_STREET:
        # refused by the schema (the message: test_street_cannot_have_a_congress_or_a_government_report)
        assert [tuple(e.absolute_path) for e in errors] == [("unit", "level")]
        return
    assert errors == [], [e.message for e in errors]
    text = _render(data, template)
    faults = _faults(text, data, s)
    assert not faults, "\n".join(faults) + "\n\n" + text[:3000]


def test_matrix_covers_every_example_level_outcome_year_and_count():
    examples = {s.example for s in ALL}
    assert len(examples) == 10 and len(ALL) == 10 * 4 * 3 * 2 * 4
    assert {s.outcome for s in ALL} == set(OUTCOMES)


@pytest.mark.parametrize("example", ["gov_work_report", "gov_work_report_term", "congress_work_report",
                                     "congress_work_report_briefing"])
def test_street_cannot_have_a_congress_or_a_government_report(example, tmp_path):
    data, _t = build(Scenario(example, "街道", "growth", 2026, 2))
    path = tmp_path / "sheet.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    checked, problems = check(path)
    assert checked is None
    messages = [p.message for p in problems if "unit.level" in str(p.location.field or "") or "街道" in p.message]
    assert messages and any("派出机关" in m for m in messages), [p.message for p in problems]


@pytest.mark.parametrize("example", ["gov_work_report", "gov_work_report_half", "congress_work_report",
                                     "team_duty_report", "personal_duty_report", "integrity_duty_report", "work_plan"])
@pytest.mark.parametrize("year", [2024, 2026])
def test_no_variant_offers_a_stale_or_misfit_formula(example, year):
    data, template = build(Scenario(example, "乡", "decline", year, 2))
    totals = [c.total for c in formulas.fill_data(template.meta, data, 0)[1]] or [1]
    for variant in range(max(totals)):
        text = _render(data, template, variant)
        faults = [f for f in _faults(text, data, Scenario(example, "乡", "decline", year, 2))]
        assert not faults, f"--variant {variant}:\n" + "\n".join(faults)
