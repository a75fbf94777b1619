"""Each rule family: planted problems are found, clean text gives nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from drafter.lint import Finding, has_errors, lint_lines

FIXTURES = Path(__file__).parent / "fixtures" / "lint"


def run(text: str, year: int | None = 2024, rule: str | None = None, genre: str | None = None) -> list[Finding]:
    lines = list(enumerate(text.split("\n"), 1))
    found = lint_lines(lines, "稿.txt", year=year, genre_hint=genre)
    return [f for f in found if rule is None or f.rule == rule]


def assert_found(text: str, rule: str, needle: str, year: int | None = 2024) -> list[Finding]:
    """The rule reports `needle` (in its message or excerpt) for the text; returns its findings."""
    found = run(text, year=year, rule=rule)
    assert any(needle in f.message or needle in f.excerpt for f in found), (text, [f.message for f in found])
    return found


def test_clean_2024_report_has_no_findings():
    text = (FIXTURES / "clean_2024.txt").read_text(encoding="utf-8")
    assert run(text, year=None) == []
    assert run(text, year=2024) == []


# -- placeholder ---------------------------------------------------------------

@pytest.mark.parametrize("text,needle", [
    ("__年，__镇的人大工作取得新进展。", "__"),
    ("20xx年全镇完成固定资产投资。", "20xx"),
    ("XX镇第十八届人民代表大会。", "XX"),
    ("会议由刘xx主持。", "xx"),
    ("报×××委审定。", "×××"),
    ("全年投资【】万元。", "【】"),
    ("完成【填写数字】个项目。", "【填写数字】"),
    ("全镇常住人口（此处填写最新统计数）。", "（此处"),
    ("投资_万元建设文化广场。", "_"),
    ("财政收入同比增长，税收稳步提高。", "同比增长"),
])
def test_placeholder_found(text, needle):
    assert has_errors(assert_found(text, "placeholder", needle))


def test_placeholder_one_finding_per_blank_and_no_false_hits():
    assert len(run("20__年工作回顾", rule="placeholder")) == 1
    assert run("GDP增长6%，引进XXL服装厂，占地3×3米，同比增长5.2%。", rule="placeholder") == []


# -- stale-formula ---------------------------------------------------------------

@pytest.mark.parametrize("text,year,needle", [
    ("2024年是“十三五”规划的开局之年。", None, "开局之年是2016年"),
    ("2024年是我国建国第60周年。", None, "2009年"),
    ("2024年是实施“十二五”规划的第一一年。", None, "十二五"),
    ("认真学习贯彻党的十八大和十八届三中、四中、六中全会精神。", 2023, "十八届三中、四中、六中全会"),
    ("以党的十七届五中全会精神为指导。", 2024, "十七届五中全会"),
    ("坚持以邓小平理论、“三个代表”重要思想、科学发展观为指导。", 2023, "习近平新时代中国特色社会主义思想"),
    ("更加紧密地团结在以胡锦涛同志为总书记的党中央周围。", 2024, "以胡锦涛同志"),
    ("扎实开展“三严三实”专题教育。", 2023, "三严三实"),
    ("深入开展党史学习教育，办实事开新局。", 2019, "超前"),
    ("认真学习贯彻党的二十届三中全会精神。", 2020, "超前"),
    ("今年是“十四五”规划的开局之年。", 2023, "2021年"),
])
def test_stale_formula_found(text, year, needle):
    assert has_errors(assert_found(text, "stale-formula", needle, year))


@pytest.mark.parametrize("text,year", [
    ("2021年是“十四五”规划的开局之年。", 2021),
    ("今年是“十四五”规划收官之年，也是谋划“十五五”的关键一年。", 2024),  # delivered in 2025
    ("党的十八大以来，全镇面貌发生了历史性变化。", 2024),
    ("认真学习贯彻党的十九届六中全会精神。", 2021),
    ("深入学习贯彻党的二十大精神。", 2022),
    ("巩固拓展党史学习教育成果。", 2022),
    ("隆重庆祝新中国成立75周年。", 2024),
    ("2021年是中国共产党成立100周年。", None),
    ("坚持以习近平新时代中国特色社会主义思想为指导。", 2024),
])
def test_stale_formula_quiet_on_fitting_cues(text, year):
    assert run(text, year=year, rule="stale-formula") == []


def test_stale_needs_no_year_for_explicit_sentences_but_skips_relative_ones():
    assert run("2024年是“十三五”规划的开局之年。", year=None, rule="stale-formula")
    assert run("认真学习贯彻党的十八大精神。", year=None, rule="stale-formula") == []


# -- figure-contradiction -------------------------------------------------------

@pytest.mark.parametrize("text,needle", [
    ("全镇工业产值增长-3.5%。", "负数"),
    ("财政收入下降-2%。", "双重否定"),
    ("第三产业占全镇生产总值的112%。", "超过100%"),
    ("城乡居民医保参保率达到101.5%。", "超过100%"),
    ("力争到2020年全面完成危房改造任务。", "早于报告年度"),
    ("编制《石排镇改造专项规划(2024-2024)》。", "起止年份相同"),
    ("2023年全乡生产总值达6773万元，比2023年增加1280万元。", "自相比较"),
])
def test_figure_contradiction_found(text, needle):
    assert has_errors(assert_found(text, "figure-contradiction", needle))


def test_figure_contradiction_quiet_on_consistent_figures():
    text = ("全镇生产总值增长6.2%，出口下降3.1%，完成年度任务的112%，工业产值增长率达到135%。\n"
            "第二产业占比42.5%。到2023年底，累计建成农村公路86公里。\n"
            "力争到2027年实现集体经济强村全覆盖。2024年全镇生产总值比2023年增长6%。")
    assert run(text, rule="figure-contradiction") == []


# -- punctuation ---------------------------------------------------------------

@pytest.mark.parametrize("text,needle", [
    ("一年来,我们主要做了以下工作:", "半角标点"),
    ("请予审议;并请列席人员提出意见!", "半角标点"),
    ("(一)加强组织领导", "半角括号"),
    ('开展"最美庭院"评选活动。', "半角引号"),
    ("开展“最美庭院评选活动。", "引号不配对"),
    ("调解成功率达到98。9%。", "小数点"),
    ("欢度“六。一”儿童节。", "节日"),
])
def test_punctuation_found(text, needle):
    assert not has_errors(assert_found(text, "punctuation", needle))


def test_punctuation_quiet_on_ascii_text_and_times():
    assert run("会议于8:30开始，比例为4:84.7:11.3，GDP (2024) 增长。网址 www.gov.cn。", rule="punctuation") == []


# -- date-format -----------------------------------------------------------------

@pytest.mark.parametrize("text,needle", [
    ("2025年01月05日召开会议。", "2025年1月5日"),
    ("会议定于2025-01-10召开。", "2025年1月10日"),
    ("3月08日完成验收。", "3月8日"),
    ("定于1月15号召开大会。", "号"),
])
def test_date_format_found(text, needle):
    assert not has_errors(assert_found(text, "date-format", needle))


def test_date_format_quiet():
    assert run("2025年1月10日召开，规划期为2021-2025年，10月完成，比率1.5。", rule="date-format") == []


# -- numbering ------------------------------------------------------------------

def test_numbering_gap_and_repeat():
    text = "一、加强学习\n正文。\n二、强化监督\n四、改进作风\n（一）建立制度\n（一）完善机制"
    messages = [f.message for f in run(text, rule="numbering")]
    assert any("缺少“三”" in m for m in messages), messages
    assert any("编号重复" in m and "（一）" in m for m in messages), messages


def test_numbering_series_gap_and_repeat():
    found = run("存在的问题：一是产业基础薄弱；二是配套滞后；四是人才短缺。\n一是抓学习。二是抓制度。二是抓落实。",
                rule="numbering")
    messages = [f.message for f in found]
    assert any("缺少“三是”" in m for m in messages) and any("序列重复" in m for m in messages), messages


def test_numbering_level_misplaced_and_missing_first():
    text = "一、经济发展\n1.工业\n（一）农业\n（二）服务业"
    assert any("层级错位" in f.message for f in run(text, rule="numbering"))
    assert any("缺少“一、”" in f.message for f in run("二、主要任务\n三、保障措施", rule="numbering"))


def test_numbering_false_positives_left_alone():
    text = ("一、经济运行\n一、二、三产业协调发展。\n二、三产业产值分别增长5%和7%。\n其中\n一、\n"
            "二、社会事业\n第一，抓学习；第二，抓落实；第四，抓考核。\n"
            "（一）教育\n1、学前教育\n2、义务教育\n（二）卫生\n1、医疗\n"
            "三、保障\n一是统一思想。具体：一是明确分工，二是压实责任，三是严格考核。二是强化督查。\n"
            "2024年工作安排\n（一）项目建设\n（二）民生实事")
    assert run(text, rule="numbering") == []


# -- repeated-sentence ------------------------------------------------------------

def test_repeated_sentence_found_across_and_within_lines():
    text = "全镇上下团结一心，圆满完成了各项目标任务。\n其他内容写在这里，确保不重复。\n全镇上下团结一心,圆满完成了各项目标任务!"
    found = run(text, rule="repeated-sentence")
    assert [f.line for f in found] == [3] and "第1行" in found[0].message
    same = run("加强学习，提高本领，增强服务意识。加强学习，提高本领，增强服务意识。", rule="repeated-sentence")
    assert same and "同一段内" in same[0].message


def test_repeated_sentence_ignores_short_sentences_headings_and_number_changes():
    text = ("（一）加强组织领导\n谢谢大家！\n（一）加强组织领导\n谢谢大家！\n"
            "全镇生产总值同比增长8%。\n全镇生产总值同比增长9%。")
    assert run(text, rule="repeated-sentence") == []


# -- genre-formula ----------------------------------------------------------------

GOV_BODY = "2024年工作回顾\n一年来，全镇经济平稳运行。\n2025年工作安排\n抓好项目建设。\n"


def test_gov_report_without_review_request_and_closing():
    text = "2025年青石镇政府工作报告\n各位代表：\n现在，我代表镇人民政府向大会报告工作。\n" + GOV_BODY + "完成年度目标任务。"
    messages = [f.message for f in run(text, rule="genre-formula")]
    assert any("请予审议" in m for m in messages) and any("结尾" in m for m in messages), messages


def test_gov_report_with_formulas_and_other_genres_are_quiet():
    text = ("政府工作报告\n各位代表：\n现在，我代表镇人民政府，向大会报告工作，请予审议。\n" + GOV_BODY
            + "让我们团结一心，为建设美丽青石而努力奋斗！\n谢谢大家！")
    assert run(text, rule="genre-formula") == []
    assert run("镇农业工作总结\n" + GOV_BODY + "完成年度目标任务。", rule="genre-formula") == []
    # a genre hint switches the closing check on for other report genres
    hinted = run("述职报告\n" + GOV_BODY + "完成年度目标任务。", rule="genre-formula", genre="personal_duty_report")
    assert len(hinted) == 1 and "结尾" in hinted[0].message
    # a hint alone does not ask for 审议: only a report delivered to a meeting (title / 向大会报告) does
    quiet = run("工作情况汇报\n" + GOV_BODY + "为建设美丽青石作出新的更大贡献。", rule="genre-formula", genre="gov_work_report")
    assert quiet == []


def test_a_closing_above_the_signature_block_counts():
    """以上汇报……请批评指正。 then two issuers and the date: the signature is not the closing."""
    body = "述职报告\n" + GOV_BODY
    signed = "\n中共东关街道工作委员会\n东关街道办事处\n2026年1月15日"
    assert run(body + "以上汇报，不妥之处，请批评指正。" + signed, rule="genre-formula", genre="team_duty_report") == []
    missing = run(body + "完成年度目标任务。" + signed, rule="genre-formula", genre="team_duty_report")
    assert len(missing) == 1 and "结尾" in missing[0].message


def test_finding_format_and_dict():
    f = Finding("a.txt", 3, "placeholder", "error", "残留填空线“__”", "…__镇…")
    assert f.format() == "a.txt:3 placeholder: 残留填空线“__” — …__镇…"
    assert f.to_dict() == {"file": "a.txt", "line": 3, "rule": "placeholder", "severity": "error",
                           "message": "残留填空线“__”", "excerpt": "…__镇…"}
