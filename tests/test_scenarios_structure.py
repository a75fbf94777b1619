"""Structure and time wording of the drafts: where real reports put each part, and words that fit the date.

Each test names the review's finding (REVIEW-drafts.md) it guards.
"""
from __future__ import annotations

import copy
import re

from drafter import formulas, templates
from drafter.markup import parse_markup
from drafter.writers.text import write_text

from .scenarios import Scenario, base, build


def _text(data: dict, template: templates.Template) -> str:
    filled, _c, missing = formulas.fill_data(template.meta, data)
    assert not missing
    return write_text(parse_markup(templates.render_markup(template, filled)))


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def test_integrity_case_figures_are_their_own_paragraph():  # review 1.3.1 (glued paragraph)
    data, t = base("integrity_duty_report")
    paras = _paragraphs(_text(copy.deepcopy(data), t))
    figures = next(p for p in paras if "共接受群众来信来访" in p)
    assert "一是" not in figures
    assert any(p.startswith("一是坚持有案必查") for p in paras)


def test_zero_case_figures_are_left_out():  # review §1.11 (为0名…)
    data, t = base("integrity_duty_report")
    data = copy.deepcopy(data)
    data["case_figures"] = {"transferred_cases": 0, "transferred_people": 0, "petitions": 0, "cleared_cadres": 0}
    text = _text(data, t)
    assert not re.search(r"(?<![\d.])0(件|名|人)", text) and "移送案件" not in text


def test_zero_motions_are_left_out_and_counts_are_said_in_arabic_figures():  # review §1.11 (提出议案0件)
    data, t = build(Scenario("congress_work_report", "乡", "growth", 2026, 0))
    text = _text(data, t)
    assert "议案0件" not in text and "意见0件" not in text
    data, t = build(Scenario("congress_work_report", "乡", "growth", 2026, 2))
    assert "共提出议案" in _text(data, t)


def test_briefing_and_summary_number_their_shortcomings():  # review 1.5.2
    for example, after in (("congress_work_report_briefing", "八、"), ("congress_work_report_summary", "八、")):
        data, t = base(example)
        paras = _paragraphs(_text(copy.deepcopy(data), t))
        i = paras.index("七、存在的问题")
        assert paras[i - 1].startswith("加强") or "六、" in "".join(paras[:i])
        assert paras[i + 2].startswith(after)


def test_practical_projects_follow_the_targets_and_one_project_is_not_numbered():  # review 1.9.2
    data, t = base("gov_work_report")
    data = copy.deepcopy(data)
    text = _text(data, t)
    assert text.index("主要预期目标是") < text.index("件民生实事：") < text.index("重点做好以下")
    data["plan"]["practical_projects"] = data["plan"]["practical_projects"][:1]
    text = _text(data, t)
    assert "今年再办好一件民生实事：" in text and "1. " not in text and "1." not in text.split("民生实事：")[1][:8]


def test_term_report_says_the_year_end_the_meeting_can_know():  # review 1.2.1
    data, t = base("gov_work_report_term")
    data = copy.deepcopy(data)
    assert str(data["meeting"]["date"]).startswith("2026")
    text = _text(data, t)
    assert "预计到今年底" not in text and "到2025年底" in text
    data["meeting"]["date"] = "2025-12-20"  # a term report delivered before the year ends
    assert "预计到今年底" in _text(data, t)


def test_indicator_verbs_read_right_for_falls_and_for_dadao():  # review 1.1.3, 1.2.2
    data, t = build(Scenario("gov_work_report_term", "镇", "decline", 2026, 2))
    text = _text(data, t)
    assert not re.search(r"实现[^，。；]{0,12}下降|全镇达到", text)


def test_congress_report_says_this_year_when_delivered_in_it():  # review 1.4.2, 1.4.3
    data, t = base("congress_work_report")
    text = _text(copy.deepcopy(data), t)
    assert "做好今年的人大工作" in text and "来年" not in text
    first = next(p for p in _paragraphs(text) if p.startswith("一年以来"))
    assert "一年来" not in first.replace("一年以来", "")


def test_congress_puts_the_party_before_the_upper_congress():  # review 1.4.1
    data, t = base("congress_work_report")
    text = _text(copy.deepcopy(data), t)
    g = data["guidance"]
    assert f"在{g['party']}的正确领导下，在{g['upper_congress']}的精心指导下" in text
    assert f"得益于{g['party']}的正确领导，得益于{g['upper_congress']}的精心指导" in text


def test_modern_appeal_only_for_the_years_it_belongs_to():  # review 1.9.4
    data, t = base("gov_work_report")
    data = copy.deepcopy(data)
    assert "更加紧密地团结在以习近平同志为核心的党中央周围" in _text(data, t)
    old = copy.deepcopy(data)
    old["period"].update(review=2012, plan=2013)
    old["meeting"]["date"] = "2013-01-10"
    old["plan"]["general_requirement"] = "以邓小平理论、“三个代表”重要思想、科学发展观为指导，认真贯彻党的十八大精神。"
    assert "以习近平同志为核心" not in _text(old, t)


def _appeal(text: str) -> str:
    return next(p for p in _paragraphs(text) if p.startswith("各位代表！") and "让我们" in p)


def test_appeal_without_a_goal_is_every_townships_own():  # review 1.1.5
    for level in ("乡", "民族乡", "镇"):
        for year in (2024, 2026):
            sc = Scenario("gov_work_report", level, "decline", year, 2)
            data, t = build(sc)
            data["closing"].pop("goal", None)
            data["closing"].pop("appeal", None)
            appeal = _appeal(_text(data, t))
            party, congress = data["leadership"]["party"], data["leadership"]["supervisor"]
            assert f"在{party}的坚强领导下，在{congress}的监督支持下" in appeal, appeal
            assert "为圆满完成本次大会确定的各项目标任务" in appeal and appeal.endswith("而努力奋斗！")
            assert "快速发展轨道" not in appeal and "镇委" not in appeal
            # the modern lead belongs to the appeal whether or not the clerk gave a goal (review 1.9.4)
            assert "更加紧密地团结在以习近平同志为核心的党中央周围" in appeal
            # 2026 opens the 十五五: the year's aim is said; 2024 opens nothing
            plan_year = data["period"]["plan"]
            assert ("奋力推动“十五五”开好局、起好步，为圆满完成" in appeal) == (plan_year == 2026), (year, appeal)


def test_half_year_appeal_aims_at_the_whole_year():  # review 1.6
    data, t = base("gov_work_report_half")
    data = copy.deepcopy(data)
    data["closing"].pop("goal", None)
    appeal = _appeal(_text(data, t))
    assert "为保证全年工作任务的圆满完成而努力奋斗！" in appeal and "本次大会" not in appeal


def test_a_whole_appeal_the_clerk_wrote_is_kept():
    data, t = base("gov_work_report")
    data = copy.deepcopy(data)
    data["closing"].pop("goal")
    data["closing"]["appeal"] = "让我们携起手来，为建设美丽家园而努力奋斗！"
    assert _appeal(_text(data, t)).endswith("让我们携起手来，为建设美丽家园而努力奋斗！")


def test_personal_report_is_led_by_the_party_committee():  # review 1.8.1, 1.8.2
    data, t = base("personal_duty_report")
    text = _text(copy.deepcopy(data), t)
    assert "大力支持下" not in text and f"和{data['leadership']['party']}的正确领导下" in text
    assert "做出" not in text and "作出更大的贡献" in text


def test_team_report_never_speaks_as_one_person():  # review 1.7.1
    data, t = base("team_duty_report")
    for variant in range(4):
        filled, _c, _m = formulas.fill_data(t.meta, copy.deepcopy(data), variant)
        text = write_text(parse_markup(templates.render_markup(t, filled)))
        assert not re.search(r"本人|一定的贡献|上级领导的要求", text), variant
