"""The application layer: check runs what render runs; both front ends get the same answers."""
from __future__ import annotations

from pathlib import Path

import pytest

from drafter import app
from drafter.errors import InputError
from tests.conftest import EXAMPLES, run_cli

SHEETS = sorted(EXAMPLES.glob("*.yaml"))


@pytest.fixture(scope="module")
def ws():
    return app.Workspace.default()


@pytest.mark.parametrize("path", SHEETS, ids=lambda p: p.stem)
def test_a_sheet_check_passes_renders(ws, path):
    text = path.read_text(encoding="utf-8")
    result = app.check_sheet(ws, text, str(path))
    assert result.ok, [str(p) for p in result.errors]
    out = app.render_sheet(ws, text, str(path))
    assert out.name.endswith(".docx") and out.data[:2] == b"PK"


def test_check_reports_what_render_refuses_with_an_empty_bank(tmp_path):
    empty = tmp_path / "bank"
    empty.mkdir()
    sheet = EXAMPLES / "gov_work_report.yaml"
    text = sheet.read_text(encoding="utf-8")
    ws = app.Workspace.default(phrasebank=empty)
    result = app.check_sheet(ws, text, str(sheet))
    fields = {p.location.field for p in result.errors}
    assert {"thanks.lead", "shortcomings.closer"} <= fields, fields
    with pytest.raises(InputError) as exc:
        app.render_sheet(ws, text, str(sheet))
    assert {p.location.field for p in exc.value.problems} == fields
    r = run_cli("check", sheet, env={"DRAFTER_PHRASEBANK": str(empty)})
    assert r.returncode == 1 and "没有发现问题" not in r.stderr and "thanks.lead" in r.stdout


def test_check_reports_a_template_that_cannot_render_these_facts(tmp_path):
    folder = tmp_path / "tpl" / "broken_notice"
    folder.mkdir(parents=True)
    (folder / "template.md.j2").write_text("# 通知\n\n{{ body }}{{ missing.value }}\n", encoding="utf-8")
    (folder / "schema.yaml").write_text("type: object\nproperties:\n  template: {const: broken_notice}\n"
                                        "  body: {type: string}\n", encoding="utf-8")
    (folder / "meta.yaml").write_text("name: 通知\n", encoding="utf-8")
    sheet = tmp_path / "s.yaml"
    sheet.write_text("template: broken_notice\nbody: 请按时参会。\n", encoding="utf-8")
    ws = app.Workspace.default(template_dirs=(tmp_path / "tpl",))
    result = app.check_sheet(ws, sheet.read_text(encoding="utf-8"), str(sheet))
    assert not result.ok and any("missing" in p.message for p in result.errors)
    env = {"DRAFTER_TEMPLATES": str(tmp_path / "tpl")}
    r = run_cli("check", sheet, env=env)
    assert r.returncode == 1 and "没有发现问题" not in r.stderr
    assert run_cli("render", sheet, "-o", tmp_path / "s.docx", env=env).returncode == 1
    assert not (tmp_path / "s.docx").exists()


def test_check_parses_the_sheet_once(ws, monkeypatch):
    import drafter.factsheet as factsheet
    import drafter.lint.extract as extract

    calls = []
    real = factsheet.parse_factsheet
    monkeypatch.setattr(factsheet, "parse_factsheet", lambda *a, **k: calls.append(1) or real(*a, **k))
    monkeypatch.setattr(extract, "yaml_text_values", lambda *a, **k: pytest.fail("second YAML reader used"))
    path = EXAMPLES / "gov_work_report.yaml"
    assert app.check_sheet(ws, path.read_text(encoding="utf-8"), str(path)).ok
    assert len(calls) == 1


def test_check_lints_values_and_the_draft(ws, tmp_path):
    path = EXAMPLES / "gov_work_report.yaml"
    text = path.read_text(encoding="utf-8").replace("完成投资15.2亿元，占年度计划的108%", "完成投资15.2亿元，增长-3%", 1)
    assert "增长-3%" in text
    result = app.check_sheet(ws, text, str(path))
    hits = [p for p in result.problems if p.rule == "figure-contradiction"]
    assert hits and hits[0].file == str(path) and hits[0].line > 1


def test_suggest_numbers_match_render_variants(ws):
    path = EXAMPLES / "gov_work_report.yaml"
    text = path.read_text(encoding="utf-8")
    rows = app.suggest(ws, text, str(path), "plan.tasks_lead")
    assert [s.variant for s in rows] == list(range(len(rows)))
    md = app.render_sheet(ws, text, str(path), fmt="md", variant=1).data.decode("utf-8")
    assert rows[1].text in md


def test_writer_registry_lists_every_format_and_refuses_unknown():
    from drafter import writers
    from drafter.errors import UsageError

    assert {"docx", "md", "txt"} <= set(writers.names())
    with pytest.raises(UsageError, match="不支持的输出格式"):
        writers.get("rtf")
