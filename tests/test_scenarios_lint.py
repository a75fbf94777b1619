"""Lint catches the review's classes in any draft, not only drafter's own — and stays silent on real reports.

Gold (what each sentence should raise) was written from REVIEW-drafts.md before running the rules.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from drafter.lint import lint_lines
from drafter.lint.rules import facts, organs, register, stale_terms
from drafter.lint.text import Doc

from .conftest import run_cli

DEVSET = Path(__file__).resolve().parent / "fixtures" / "devset"
NEW_RULES = {organs.RULE, facts.RULE, register.RULE, stale_terms.RULE}


def _rules(text: str, year: int | None = None) -> list[tuple[str, str]]:
    lines = list(enumerate(text.split("\n"), 1))
    return [(f.rule, f.severity) for f in lint_lines(lines, "t.txt", year) if f.rule in NEW_RULES]


@pytest.mark.parametrize("text,year,rule,severity", [
    # organs that do not match the unit, or do not exist at its level
    ("在县委、县政府和乡党委的正确领导下，我们……这些成绩的取得，得益于历届乡委、乡政府打下的坚实基础。", 2025, "organ-name", "error"),
    ("历届街道委、街道政府打下的坚实基础。", 2025, "organ-name", "error"),
    ("现在，我代表街道人民政府，向大会报告工作。", 2025, "organ-name", "error"),
    ("在青溪街道第十八届人民代表大会第五次会议上", 2025, "organ-name", "error"),
    ("河口乡乡人大主席　张明", 2025, "organ-name", "warning"),
    ("东关街道东关街道党工委、办事处领导班子述职报告", 2025, "organ-name", "error"),
    # counts, slots, wording that contradicts the figures
    ("今年重点抓好以下二个方面的工作。", 2025, "fact-wording", "error"),
    ("全年办理二件议案。", 2025, "fact-wording", "error"),
    ("现在，我代表镇人民政府，向大会报告{年份}政府工作。", 2025, "fact-wording", "error"),
    ("全乡实现生产总值68.2亿元，同比下降3.4%；规模以上工业增加值27.1亿元，同比下降6.8%。", 2025, "fact-wording", "error"),
    ("经过五年的努力，全镇达到生产总值78.6亿元，年均增长7.2%。", 2025, "fact-wording", "error"),
    ("较好地完成了乡第十八届人大第五次会议确定的各项目标任务。全乡生产总值68.2亿元，同比下降3.4%；一般公共预算收入4.91亿元，同比下降13.1%。",
     2025, "fact-wording", "error"),
    ("乡人大代表共提出议案0件、建议、批评和意见12件。", 2025, "fact-wording", "error"),
    ("并为0名受到失实举报的党员干部澄清了是非。", 2025, "fact-wording", "error"),
    # era: stale slogans and plenum lists for the year
    ("回顾2025年的工作，虽然我们在贯彻落实科学发展观，促进全乡经济又好又快发展的实践中，做了一些工作。", 2025, "stale-term", "error"),
    ("以发展为先，主动适应新常态，综合实力明显增强。", 2024, "stale-term", "error"),
    ("全面贯彻党的二十大和二十届二中、三中全会精神。", 2026, "stale-term", "error"),
    ("全面贯彻党的二十大和二十届二中、三中全会精神。", 2025, "stale-term", "warning"),
    # register
    ("请予审议，并请各位列席代表提出宝贵意见和建议。", 2025, "register", "warning"),
    ("为建设富裕文明和谐美丽新青溪做出更大的贡献。", 2025, "register", "warning"),
    ("一年以来，镇人大主席团认真履职，促进全镇发展。一年来，我们主要做了以下工作：", 2025, "register", "warning"),
    ("三年来，在区委、区政府的正确领导下，在镇党委的大力支持下，本人认真履职。", 2025, "register", "warning"),
])
def test_each_class_is_caught(text, year, rule, severity):
    assert (rule, severity) in _rules(text, year)


@pytest.mark.parametrize("text,year", [
    ("全面贯彻党的二十大和二十届二中、三中全会精神。", 2024),         # right in a 2024 report
    ("全面贯彻党的二十大和二十届历次全会精神，深入学习二十届四中全会精神。", 2026),
    ("在市委、市政府以及镇委的正确领导下，在镇人大的监督支持下。", 2024),  # 镇委: a local habit, legal alone
    ("镇要配备一至二名专兼职人大工作人员，第二个五年，十二个村。", 2024),
    ("坚持以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、习近平新时代中国特色社会主义思想为指导。", 2026),
    ("在县委、县政府和乡党委的正确领导下，乡人民政府和乡人大共同努力。", 2025),
    ("城乡乡村建设和各乡乡人大换届选举工作。", 2025),
    ("2012年，全县经济又好又快发展。", 2012),
    ("全乡生产总值68.2亿元，同比下降3.4%，经济运行总体平稳。", 2025),
    ("让“办事不求人”成为新常态。", 2025),
    ("东关街道党工委书记、东关街道办事处主任。", 2025),
])
def test_right_wording_is_left_alone(text, year):
    assert [r for r in _rules(text, year) if r[1] == "error"] == []


def test_a_module_is_a_rule_family_with_its_id():
    for module in (organs, facts, register, stale_terms):
        doc = Doc("x", [(1, "")], year=2025)
        module.check(doc)
        assert doc.findings == [] and isinstance(module.RULE, str)


def test_no_error_on_the_real_reports_of_the_devset():
    """Precision: real provincial 2026 and State Council reports, each linted for the year it reviews."""
    from drafter.lint import lint_path

    hits = []
    paths = sorted((DEVSET / "provincial-2026").glob("*.txt")) + sorted((DEVSET / "national-1978-2004").glob("*.txt"))
    assert len(paths) >= 40
    for path in paths:
        year = int(path.name[:4]) - 1
        hits += [f.format() for f in lint_path(path, year) if f.rule in NEW_RULES and f.severity == "error"]
    assert hits == []


def test_the_cli_reports_these_classes_in_a_draft(tmp_path):
    draft = tmp_path / "稿.txt"
    draft.write_text("2025年工作回顾\n一年来，在县委、县政府和乡党委的正确领导下，较好地完成了各项目标任务。"
                     "全乡生产总值68.2亿元，同比下降3.4%。\n历届乡委、乡政府打下的坚实基础。\n", encoding="utf-8")
    r = run_cli("lint", str(draft), "--year", "2025")
    assert r.returncode == 1
    assert "organ-name" in r.stdout and "fact-wording" in r.stdout
