"""drafter new --from: this year's sheet started from last year's (issue 16)."""
from __future__ import annotations

import re

import pytest
import yaml

from drafter import app
from drafter.errors import InputError

from .conftest import EXAMPLES, run_cli


@pytest.fixture(scope="module")
def ws():
    return app.Workspace.default()


def _carry(ws, name: str, **kw) -> tuple[str, dict]:
    path = EXAMPLES / name
    text = app.carry_forward(ws, "gov_work_report", path.read_text(encoding="utf-8"), str(path), **kw)
    return text, _load(text)


def _load(text: str) -> dict:
    """The sheet as drafter reads it (dates stay text)."""
    from pathlib import Path

    from drafter.factsheet import parse_factsheet

    sheet, problems = parse_factsheet(Path("x.yaml"), text)
    assert sheet is not None, problems
    return sheet.data


def test_years_meeting_and_people_move_on(ws):
    last = yaml.safe_load((EXAMPLES / "gov_work_report.yaml").read_text(encoding="utf-8"))
    _, new = _carry(ws, "gov_work_report.yaml")
    assert new["period"]["review"] == last["period"]["review"] + 1 == 2025
    assert new["period"]["plan"] == 2026
    assert new["meeting"] == {"term": 18, "session": 6, "date": "2026-01-10"}
    assert new["previous_session"] == "镇第十八届人大第五次会议"  # the session that set last year's plan
    for key in ("unit", "speaker", "leadership"):
        assert new[key] == last[key]
    assert new["thanks"]["to"] == last["thanks"]["to"]


def test_targets_become_indicators_with_target_kept_and_actual_to_fill(ws):
    last = yaml.safe_load((EXAMPLES / "gov_work_report.yaml").read_text(encoding="utf-8"))
    text, new = _carry(ws, "gov_work_report.yaml")
    inds = new["review"]["indicators"]
    assert [i["name"] for i in inds] == [t["name"] for t in last["plan"]["targets"]]
    gdp = inds[0]
    assert gdp == {"name": "生产总值", "value": "待填", "unit": "亿元", "change": "待填", "target": 6.5}
    jobless = inds[-1]  # a limit target: the actual rate to fill, the target said in a comment
    assert jobless["value"] == "待填" and jobless["unit"] == "%" and "target" not in jobless
    assert "# 去年确定的目标：城镇登记失业率控制在3%以内" in text
    assert re.search(r"value: 待填    # 待填：", text)


def test_tasks_become_review_sections_and_projects_a_completion_list(ws):
    last = yaml.safe_load((EXAMPLES / "gov_work_report.yaml").read_text(encoding="utf-8"))
    text, new = _carry(ws, "gov_work_report.yaml")
    sections = new["review"]["sections"]
    assert [s["heading"] for s in sections[:-1]] == [t["heading"] for t in last["plan"]["tasks"]]
    first = sections[0]
    assert [i["label"] for i in first["items"]] == [s["heading"] for s in last["plan"]["tasks"][0]["sections"]]
    assert all(i["text"] == "待填" for s in sections for i in s["items"])
    assert "# 去年部署：整合招商资源" in text
    projects = sections[-1]
    assert projects["heading"] == "民生实事"
    assert [i["label"] for i in projects["items"]] == last["plan"]["practical_projects"]
    assert "已完成、未完成或正在推进" in text


def test_last_years_shortcomings_are_listed_in_a_comment(ws):
    last = yaml.safe_load((EXAMPLES / "gov_work_report.yaml").read_text(encoding="utf-8"))
    text, new = _carry(ws, "gov_work_report.yaml")
    block = text[: text.index("\nshortcomings:")]
    for i, item in enumerate(last["shortcomings"]["items"], 1):
        assert f"#   {i}. {item}" in block
    assert new["shortcomings"]["items"] == ["待填"]


def test_half_year_and_term_sheets_move_by_their_own_period(ws):
    _, half = _carry(ws, "gov_work_report_half.yaml")
    assert half["period"] == {"type": "half", "review": 2026, "plan": 2026}
    assert half["meeting"]["session"] == 7 and half["meeting"]["date"] == "2026-07-18"
    _, term = _carry(ws, "gov_work_report_term.yaml")
    assert term["period"] == {"type": "term", "term_start": 2026, "review": 2030, "plan": 2031, "plan_end": 2035}
    assert term["meeting"]["term"] == 20 and term["meeting"]["session"] == 1
    assert all(i.get("basis") == "年均" for i in term["review"]["indicators"] if "change" in i)


def test_a_new_term_opens_with_the_first_session(ws):
    _, new = _carry(ws, "gov_work_report.yaml", new_term=True)
    assert new["meeting"]["term"] == 19 and new["meeting"]["session"] == 1
    assert new["period"]["type"] == "term" and new["period"]["term_start"] == "待填"
    assert "previous_session" not in new


def test_check_lists_the_unfinished_values_as_warnings_only(ws, tmp_path):
    text, new = _carry(ws, "gov_work_report.yaml")
    result = app.check_sheet(ws, text, str(tmp_path / "2025.yaml"))
    assert result.ok, [str(p) for p in result.errors]
    pending = [p for p in result.problems if "待填" in p.message]
    assert len(pending) == len(app.pending_paths(new)) > 20
    assert all(p.severity == "warning" for p in pending)
    first = pending[0]
    assert first.location.field == "review.indicators[1].value"
    assert text.splitlines()[first.line - 1].strip().startswith("value: 待填")


def test_render_refuses_until_every_value_is_filled(ws, tmp_path):
    text, _ = _carry(ws, "gov_work_report.yaml")
    with pytest.raises(InputError) as exc:
        app.render_sheet(ws, text, str(tmp_path / "2025.yaml"), fmt="txt")
    assert "待填" in exc.value.message and len(exc.value.problems) > 20


def _filled(new: dict, changes: list[float]) -> dict:
    """The clerk's work: every 待填 replaced by this year's facts."""
    for ind, change in zip(new["review"]["indicators"], changes):
        ind["value"] = 80.5
        if "change" in ind:
            ind["change"] = change
        if ind["unit"] == "待填":
            ind["unit"] = "亿元"
    for sec in new["review"]["sections"]:
        for item in sec["items"]:
            item["text"] = "按计划推进，完成年度任务"
    new["shortcomings"]["items"] = ["产业基础仍不稳固"]
    new["plan"]["general_requirement"] = "坚持稳中求进工作总基调"
    new["plan"]["tasks"] = [{"heading": "坚持创新驱动", "sections": [{"heading": "加大重大项目建设力度"}]}]
    return new


def test_filled_sheet_says_target_against_actual(ws, tmp_path):
    _, new = _carry(ws, "gov_work_report.yaml")
    met = _filled(new, [7.0, 8.0, 6.0, 7.5, 7.2, 0])
    out = app.render_sheet(ws, yaml.safe_dump(met, allow_unicode=True), str(tmp_path / "a.yaml"), fmt="txt")
    body = out.data.decode("utf-8")
    assert "实现生产总值80.5亿元，同比增长7%，增速高于预期目标" in body
    assert "同比增长8%，达到预期目标" in body
    assert "未达年初预期" not in body
    _, new = _carry(ws, "gov_work_report.yaml")
    missed = _filled(new, [5.1, 8.0, 6.0, 7.5, 7.2, 0])
    body = app.render_sheet(ws, yaml.safe_dump(missed, allow_unicode=True), str(tmp_path / "b.yaml"),
                            fmt="txt").data.decode("utf-8")
    assert "同比增长5.1%，未达年初预期" in body
    assert "完成了" not in body.split("同比增长5.1%")[0][-200:]  # no success wording over the missed target
    assert "确定的各项目标任务" not in body


def test_cli_new_from(tmp_path):
    out = tmp_path / "2025.yaml"
    r = run_cli("new", "gov_work_report", "--from", EXAMPLES / "gov_work_report.yaml", "-o", out)
    assert r.returncode == 0, r.stderr
    assert "结转" in r.stderr and _load(out.read_text(encoding="utf-8"))["period"]["review"] == 2025
    again = run_cli("new", "gov_work_report", "--from", EXAMPLES / "gov_work_report.yaml", "-o", out)
    assert again.returncode == 1 and "--force" in again.stderr
    check = run_cli("check", out)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "尚未填写（待填）" in check.stdout and "review.indicators[1].value" in check.stdout
    render = run_cli("render", out, "-o", tmp_path / "x.docx")
    assert render.returncode == 1 and "待填" in render.stdout + render.stderr
    assert not (tmp_path / "x.docx").exists()
    missing = run_cli("new", "gov_work_report", "--from", tmp_path / "nope.yaml", "-o", tmp_path / "y.yaml")
    assert missing.returncode == 1 and "nope.yaml" in missing.stderr and "Traceback" not in missing.stderr
    lonely = run_cli("new", "gov_work_report", "--new-term", "-o", tmp_path / "z.yaml")
    assert lonely.returncode == 2 and "--from" in lonely.stderr


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_every_template_carries_to_a_sheet_that_checks(ws, example, tmp_path):
    path = EXAMPLES / example
    text = path.read_text(encoding="utf-8")
    template_id = yaml.safe_load(text)["template"]
    new = app.carry_forward(ws, template_id, text, str(path))
    result = app.check_sheet(ws, new, str(tmp_path / "new.yaml"))
    assert result.ok, [str(p) for p in result.errors]
    assert any("待填" in p.message for p in result.problems)
    with pytest.raises(InputError):
        app.render_sheet(ws, new, str(tmp_path / "new.yaml"), fmt="txt")


def test_a_congress_report_reviews_the_session_last_years_sheet_was_read_at(ws):
    path = EXAMPLES / "congress_work_report.yaml"
    text = app.carry_forward(ws, "congress_work_report", path.read_text(encoding="utf-8"), str(path))
    new = _load(text)
    assert new["meeting"]["session"] == 6 and new["period"] == {"review": 2025, "plan": 2026}
    held = new["review"]["congress"]["sessions"][0]
    assert (held["date"], held["term"], held["session"]) == ("2025-01-08", 18, 5)
    assert new["review"]["motions"]["session_name"] == "镇第十八届人大第五次会议"
