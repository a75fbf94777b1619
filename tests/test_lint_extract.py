"""Extraction to numbered lines, the report year, and the era table."""
from __future__ import annotations

import pytest
import yaml

from drafter.errors import InputError
from drafter.lint import lint_factsheet_values, lint_path
from drafter.gongwen.eras import load
from drafter.lint.extract import markdown_lines, yaml_values
from drafter.gongwen.report_year import detect_year, factsheet_year
from drafter.resources import data_file


def numbered(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n"), 1))


def test_markdown_markup_stripped_lines_kept():
    md = "---\ntitle: x\n---\n# 2024年工作回顾 #\n\n- **一年来**，我们*主要*做了[以下](u)工作：\n```\ncode, here\n```\n__镇"
    lines = dict(markdown_lines(md))
    assert lines[1] == lines[2] == lines[3] == ""
    assert lines[4] == "2024年工作回顾"
    assert lines[6] == "一年来，我们主要做了以下工作："
    assert lines[8] == ""
    assert lines[10] == "__镇"  # underscores are placeholders, not emphasis


def test_yaml_values_carry_their_lines(tmp_path):
    sheet = tmp_path / "s.yaml"
    sheet.write_text("a: 第一\nb:\n  - 第二\n  - 3\nc: |\n  第三\n\n  第四\nd: 2025-01-10\n", encoding="utf-8")
    lines, data = yaml_values(sheet)
    assert lines == [(1, "第一"), (3, "第二"), (6, "第三"), (8, "第四")]
    assert data["b"] == ["第二", 3]


@pytest.mark.parametrize("text,year", [
    ("政府工作报告\n各位代表：\n现在，我代表镇人民政府，向大会报告2024年政府工作。", 2024),
    ("政府工作报告\n——2025年1月10日在青石镇第十八届人民代表大会第五次会议上", 2024),
    ("2025年青石镇政府工作报告\n各位代表：", 2024),
    ("2023年度乡镇人大工作报告\n各位代表：", 2023),
    ("2024年乡镇政府工作报告\n各位代表：\n一、2024年工作回顾", 2024),
    ("镇人大主席团工作报告\n各位代表：", None),
])
def test_detect_year(text, year):
    assert detect_year(numbered(text)) == year


def test_factsheet_year():
    assert factsheet_year({"period": {"review": "2024", "plan": "2025"}}) == 2024
    assert factsheet_year({"year": 2023}) == 2023
    assert factsheet_year({"period": {"years": "2021-2025"}}) == 2021
    assert factsheet_year(["not", "a", "mapping"]) is None


def test_api_dispatch_and_errors(tmp_path):
    sheet = tmp_path / "s.yml"
    sheet.write_text("period: {review: '2024'}\nname: 20xx年\n", encoding="utf-8")
    assert [f.line for f in lint_path(sheet)] == [2]
    assert lint_factsheet_values(sheet) == lint_path(sheet)
    with pytest.raises(InputError, match="不存在"):
        lint_path(tmp_path / "none.txt")
    (tmp_path / "d").mkdir()
    with pytest.raises(InputError, match="不是文件"):
        lint_path(tmp_path / "d")


def test_era_table_is_sourced_and_dated():
    eras = load()
    assert eras.congress(18).plenums[3] == "2013-11"
    assert eras.congress(19).plenums[4] == "2019-10"
    assert eras.congress(20).plenums[3] == "2024-07"
    assert [c.year for c in eras.congresses] == [1997, 2002, 2007, 2012, 2017, 2022]
    assert {p.name: (p.start, p.end) for p in eras.plans}["十五五"] == (2026, 2030)
    raw = yaml.safe_load(data_file("eras.yaml").read_text(encoding="utf-8"))
    assert all(entry.get("sources") for section in raw.values() for entry in section)
