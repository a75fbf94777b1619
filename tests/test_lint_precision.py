"""Lint precision by class (issue 12): what real reports say is not an error; placeholders are caught."""
from __future__ import annotations

import pytest

from drafter.lint import ERROR, lint_lines


def errors(text: str, year: int | None, rule: str | None = None) -> list[str]:
    lines = list(enumerate(text.split("\n"), 1))
    return [f.message + " — " + f.excerpt for f in lint_lines(lines, "稿.txt", year=year)
            if f.severity == ERROR and (rule is None or f.rule == rule)]


# -- a report reviewing a five-year term may name that term's campaigns ---------------------

TERM_REVIEW = (
    "一、2025年和“十四五”时期工作回顾\n"
    "过去五年，我们扎实开展党史学习教育、学习贯彻习近平新时代中国特色社会主义思想主题教育和党纪学习教育。"
)


def test_campaigns_of_the_reviewed_term_are_current():
    assert errors(TERM_REVIEW, 2025, "stale-formula") == []


def test_campaigns_before_the_term_are_still_stale():
    text = TERM_REVIEW.replace("党史学习教育", "“三严三实”专题教育")
    assert any("三严三实" in e for e in errors(text, 2025, "stale-formula"))


def test_congresses_of_the_reviewed_term_are_current():
    text = "过去五年，我们深入学习贯彻党的十九届六中全会精神和党的二十大精神。"
    assert errors(text, 2025, "stale-formula") == []
    assert errors("深入学习贯彻党的十九届六中全会精神。", 2025, "stale-formula")
    assert errors("过去五年，我们深入学习贯彻党的十八大精神。", 2025, "stale-formula")


def test_a_single_year_report_still_flags_an_old_campaign():
    assert any("党史学习教育" in e for e in errors("扎实开展党史学习教育。", 2025, "stale-formula"))


# -- planning the next five-year plan ---------------------------------------------------------

def test_the_year_that_prepares_the_next_plan():
    text = "2025年是“十四五”规划冲刺收官、“十五五”规划谋篇布局之年。"
    assert errors(text, 2025, "stale-formula") == []
    assert errors("2025年是“十五五”规划的开局之年。", 2025, "stale-formula")


# -- the era table: when a theory was put forward, not only when it became guiding ---------------

@pytest.mark.parametrize("text,year", [
    ("坚持科学发展观，按照“五个统筹”的要求，推进改革和发展。", 2003),
    ("以邓小平理论和“三个代表”重要思想为指导，全面落实科学发展观。", 2007),
    ("深入贯彻落实科学发展观，加快转变经济发展方式。", 2010),
    ("以“三个代表”重要思想为指导，振奋精神。", 2000),
])
def test_theories_cited_after_they_were_put_forward(text, year):
    assert errors(text, year, "stale-formula") == []


def test_a_theory_cited_before_it_existed():
    assert any("科学发展观" in e and "2003年10月" in e for e in errors("坚持以科学发展观为指导。", 1998, "stale-formula"))


# -- a size class is not a missing figure; a plain comparison may carry none ---------------------

@pytest.mark.parametrize("text", [
    "全年招引总投资亿元以上重大产业项目3000个。",
    "新开工年投资亿元以上项目120个。",
    "新增营收亿元以上企业56家。",
])
def test_size_classes_are_not_missing_figures(text):
    assert errors(text, 2025, "placeholder") == []


def test_missing_figures_are_still_found():
    assert len(errors("到年GDP达到亿元以上，财政收入达到亿元以上。", 2025, "placeholder")) == 2


@pytest.mark.parametrize("text", ["税利比上年增加，就可以相应增加奖金。", "价格总水平都比上年下降。"])
def test_a_plain_comparison_is_at_most_a_warning(text):
    assert errors(text, 1998, "placeholder") == []


def test_a_comparison_base_is_not_the_subject_year():
    text = "PM2.5年均浓度较2020年下降25%，优良天数281天、比2020年增加36天。"
    assert errors(text, 2025, "figure-contradiction") == []
    assert errors("2023年全乡生产总值达6773万元，比2023年增加1280万元。", 2025, "figure-contradiction")


# -- numbering: nested lists, split headings, ambiguous dots ----------------------------------------

def test_an_outer_series_resumes_after_a_nested_list_of_the_same_style():
    text = "一、发展农业\n二、发展轻工业\n三、提高能源效率\n四、进行技术改造\n一、节约能源\n二、改革产品结构\n三、合理利用资源\n五、整顿企业"
    assert errors(text, 1980, "numbering") == []


def test_a_lower_series_resumes_after_a_nested_higher_list():
    text = "（一）当前的经济形势\n（二）今后的方针\n一、农业\n二、轻工业\n（三）经济发展的前景"
    assert errors(text, 1980, "numbering") == []


def test_a_heading_split_over_two_lines():
    text = "（一）\n当前的经济形势\n正文。\n（二）今后的方针\n（三）\n发展的前景"
    assert errors(text, 1985, "numbering") == []


def test_a_number_that_looks_like_a_decimal():
    text = "".join(f"{n}.名词解释第{n}条：说明。\n" for n in range(1, 19))
    text += "19.“1+N”帮扶政策体系：说明。\n20.2026年10件民生实事：说明。\n21.5+2就业之家：说明。\n22.“百羽争锋”：说明。"
    assert errors(text, 2025, "numbering") == []


def test_real_gaps_are_still_found():
    assert any("缺少“三”" in e for e in errors("一、学习\n二、监督\n四、作风", 2024, "numbering"))
    assert any("缺少“三”" in e for e in errors("一、学习\n二、监督\n一、甲\n二、乙\n四、作风", 2024, "numbering"))


# -- placeholders that were missed -------------------------------------------------------------------

@pytest.mark.parametrize("text,needle", [
    ("石排镇人民政府\n2014年 月 日", "2014年 月 日"),
    ("二〇一四年  月  日", "月"),
    ("**镇人民政府关于2024年工作的报告", "**"),
    ("全力打造“五个新*”。", "*"),
    ("xxxx年x月x日召开第一次会议。", "xxxx年"),
    ("会议于X月X日召开。", "X月X日"),
    ("○○镇第十八届人民代表大会", "○○"),
])
def test_missed_placeholders_are_caught(text, needle):
    found = errors(text, 2024, "placeholder")
    assert any(needle in e for e in found), found


@pytest.mark.parametrize("text", ["从一九九一年到二○○○年的后十年", "二○○五年十月", "2026年10月1日召开", "填写出生年月日"])
def test_numerals_and_dates_are_not_placeholders(text):
    assert errors(text, 2024, "placeholder") == []
