"""Scaffolds and shipped examples teach good habits: comments that fit the template, no stale wording,
every achievement section with its summary, and a fact sheet that `check` accepts as written."""
from __future__ import annotations

import re

import pytest

from drafter import scaffold, templates
from drafter.lint import lint_path
from drafter.gongwen.report_year import factsheet_year
import yaml

from .conftest import EXAMPLES, run_cli

TIDS = sorted(templates.available())
CLASS_RULES = {"organ-name", "unit-level", "fact-wording", "register", "stale-term", "stale-formula"}


@pytest.mark.parametrize("tid", TIDS)
def test_scaffold_comments_never_contradict_themselves(tid):
    text = scaffold.scaffold(templates.get(tid), None)
    assert "必填（可不填）" not in text
    for line in text.splitlines():
        if line.lstrip().startswith("#") and "必填" in line:
            assert "（可不填）" not in line, line


def test_the_congress_speaker_is_not_a_town_head():
    text = scaffold.scaffold(templates.get("congress_work_report"), None)
    speaker = text[text.index("speaker:"):text.index("period:")]
    assert "镇长" not in speaker and "人大主席" in speaker


@pytest.mark.parametrize("tid", ["gov_work_report", "congress_work_report"])
def test_a_street_is_named_in_the_level_comment_of_reports_it_cannot_give(tid):
    text = scaffold.scaffold(templates.get(tid), None)
    assert "街道办事处是区（县）人民政府的派出机关" in text


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_carry_no_stale_or_faulty_wording_for_their_year(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    year = factsheet_year(data) if isinstance(data, dict) else None
    # a plenum held during the sheet's own year is only a warning (a plan of February 2025 rightly
    # studies 二十届三中全会精神; 四中 came in October): the clerk knows the date, lint does not
    found = [f.format() for f in lint_path(path, year) if f.rule in CLASS_RULES
             and (f.severity == "error" or f.rule not in ("stale-term", "stale-formula"))]
    assert found == []


def test_every_achievement_section_of_the_gov_example_has_its_summary():
    text = (EXAMPLES / "gov_work_report.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert all(s.get("summary") for s in data["review"]["sections"])
    assert "新常态" not in text and "party: 镇委" not in text


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_examples_pass_check_with_their_date_advice(path):
    r = run_cli("check", path)
    assert r.returncode == 0, r.stdout + r.stderr
    # every date in an example is written the way its comment advises (2025-01-10)
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*(?:-\s*)?(?:date|since): (.+)$", line)
        if m:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", m.group(1).strip()), line
