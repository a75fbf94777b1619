"""unit-level: another level's own words left in a unit's sheet or draft (全镇 in a 乡's report).

Gold written before running the rule: each sentence with the level of the unit that
wrote it, and the words a careful secretary would change (or none).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from drafter.gongwen.levels import draft_level, sheet_level
from drafter.lint import lint_lines
from drafter.lint.rules import unit_level

from .conftest import EXAMPLES, run_cli

DEVSET = Path(__file__).resolve().parent / "fixtures" / "devset"


def _found(text: str, level: str) -> list[str]:
    lines = list(enumerate(text.split("\n"), 1))
    return [f.message for f in lint_lines(lines, "t.txt", 2025, level=level) if f.rule == unit_level.RULE]


@pytest.mark.parametrize("text,level,changes", [
    ("全镇实现生产总值68.2亿元，我镇区位优势明显。", "乡", [("全镇", "全乡"), ("我镇", "我乡")]),
    ("在县委、县政府和镇党委的正确领导下，镇政府依法行政。", "乡", [("镇党委", "乡党委"), ("镇政府", "乡政府")]),
    ("党委副书记、镇长　林志远", "乡", [("镇长", "乡长")]),
    ("历届镇委、镇政府打下的坚实基础。", "乡", [("镇委", "乡党委"), ("镇政府", "乡政府")]),
    ("镇机关“三公”经费同比下降9.6%，在镇区新建停车场一处。", "乡", [("镇机关", "乡机关"), ("镇区", "集镇")]),
    ("为代表在镇人代会上提出议案作准备。", "乡", [("镇人代会", "乡人代会")]),
    ("全乡上下团结一心，乡党委、乡政府带领全乡人民。", "镇", [("全乡", "全镇"), ("乡党委", "镇党委"), ("乡政府", "镇政府"),
                                                             ("全乡", "全镇")]),
    ("全镇干部在镇党委领导下，支持镇政府工作。", "街道", [("全镇", "全街道"), ("镇党委", "街道党工委"), ("镇政府", "街道办事处")]),
    ("副镇长分管镇区建设，向镇人大报告。", "街道", [("镇长", "办事处主任"), ("镇区", "辖区"), ("镇人大", "街道人大工委")]),
])
def test_another_levels_own_words_are_named_with_the_right_ones(text, level, changes):
    found = _found(text, level)
    assert found == [f"本单位是{level}，“{a}”应为“{b}”（若指别的单位，请写出其名称）" for a, b in changes]


@pytest.mark.parametrize("text,level", [
    ("与邻近的河口镇政府签订协议，组织代表赴白沙镇党委学习。", "乡"),  # named units
    ("永和镇党委、六合镇政府和太平镇人大。", "乡"),
    ("全县各乡镇、城乡一体、乡村振兴、集镇建设、乡镇干部。", "镇"),    # compounds
    ("全乡镇共有12个村，城镇化率达到54%。", "乡"),
    ("该镇的做法值得学习。", "乡"),
    ("全镇经济保持平稳增长。", "镇"),                                # its own words
    ("全街道共有社区12个，街道党工委、办事处领导班子。", "街道"),
    ("乡党委书记、乡长。", "乡"),
])
def test_right_or_named_words_are_left_alone(text, level):
    assert _found(text, level) == []


def test_no_level_known_no_finding():
    assert _found("全镇实现生产总值68.2亿元，乡党委书记。", None) == []


def test_a_sheet_says_its_level_by_unit_level_or_the_end_of_its_name():
    assert sheet_level({"unit": {"name": "河口乡", "level": "乡"}}) == "乡"
    assert sheet_level({"unit": {"name": "白岩彝族乡", "level": "民族乡"}}) == "乡"
    assert sheet_level({"unit": {"name": "东关街道"}}) == "街道"
    assert sheet_level({"unit": {"name": "青溪镇"}}) == "镇"
    assert sheet_level({"unit": {"name": "县农业农村局"}}) is None
    assert sheet_level({"title": "x"}) is None and sheet_level(None) is None


def test_a_draft_says_its_level_in_its_head_and_speaks_as_it():
    def lines(*texts):
        return list(enumerate(texts, 1))

    assert draft_level(lines("河口乡2025年政府工作报告", "全乡生产总值增长5%，乡党委……全镇")) == "乡"
    assert draft_level(lines("东关街道党工委、办事处2025年工作总结", "全街道……")) == "街道"
    # titled for one unit, written (mostly) for another, or several units in one file: no level
    assert draft_level(lines("青溪镇人大工作总结", "全乡人大代表……乡人大……乡党委……全镇")) is None
    assert draft_level(lines("江西省2026年政府工作报告", "全省……")) is None


def test_check_names_the_line_of_each_leftover_in_a_sheet(tmp_path):
    text = (EXAMPLES / "gov_work_report.yaml").read_text(encoding="utf-8")
    text = text.replace("青溪镇", "河口乡").replace("  level: 镇", "  level: 乡")
    assert "level: 乡" in text
    sheet = tmp_path / "河口乡2025年政府工作报告.yaml"
    sheet.write_text(text, encoding="utf-8")
    r = run_cli("check", sheet)
    assert r.returncode == 0, r.stderr  # warnings: the text may mean another unit
    found = [line for line in r.stdout.splitlines() if "unit-level" in line]
    assert found, r.stdout
    source = text.splitlines()
    for line in found:
        path_line = line.split(" ", 1)[0]
        number = int(path_line.rsplit(":", 1)[1])
        word = line.split("“", 1)[1].split("”", 1)[0]
        assert word in source[number - 1], line  # the line named holds the word
    assert any("“全镇”应为“全乡”" in line for line in found)
    assert any("“镇党委”应为“乡党委”" in line for line in found)


def test_the_examples_and_the_devset_raise_nothing():
    from drafter.lint import lint_path

    hits = []
    for path in sorted(EXAMPLES.glob("*.yaml")) + sorted(DEVSET.rglob("*.txt")):
        hits += [f.format() for f in lint_path(path) if f.rule == unit_level.RULE]
    assert hits == []


@pytest.mark.parametrize("name,level,refused", [
    ("河口乡", "镇", True), ("青溪镇", "乡", True), ("东关街道", "镇", True), ("青溪镇", "街道", True),
    ("白岩彝族乡", "民族乡", False), ("白岩彝族乡", "乡", False), ("河口乡", "乡", False), ("青溪", "镇", False),
])
def test_a_unit_whose_name_and_level_disagree_is_refused_at_its_level_line(tmp_path, name, level, refused):
    text = (EXAMPLES / "team_duty_report.yaml").read_text(encoding="utf-8")
    sheet = tmp_path / "述职报告.yaml"
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  level:"))
    lines[at] = f"  level: {level}"
    name_at = next(i for i, line in enumerate(lines[:at]) if line.startswith("  name:"))
    lines[name_at] = f"  name: {name}"
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run_cli("check", sheet)
    problem = [line for line in r.stdout.splitlines() + r.stderr.splitlines() if "unit.level:" in line and "层级却写作" in line]
    if refused:
        assert r.returncode == 1 and problem, r.stdout + r.stderr
        assert problem[0].startswith(f"{sheet}:{at + 1}:3 unit.level: 单位名称“{name}”")
    else:
        assert not problem, r.stdout + r.stderr
