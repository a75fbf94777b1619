"""Formula fields filled from the phrase bank: fit, order, variants, clerk override, errors."""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml

from drafter import formulas, templates
from drafter.formulas import Slot, candidates, fill_data, fill_text

from .conftest import EXAMPLES, ROOT, run_cli
from .docx_helpers import Docx

IDS = sorted(t for t in templates.available() if (EXAMPLES / f"{t}.yaml").is_file())


def _example(tid: str) -> dict:
    return yaml.safe_load((EXAMPLES / f"{tid}.yaml").read_text(encoding="utf-8"))


def _entry(text: str, role: str = "shortcomings", function: str = "过渡", genres=("gov_work_report",), src="x.txt:1"):
    return {"text": text, "role": role, "function": function, "genres": list(genres), "count": 1, "sources": [src]}


# --- every shipped template: each formula field has fitting, attested entries -------------

@pytest.mark.parametrize("tid", IDS)
def test_every_formula_field_of_a_shipped_template_has_candidates(tid):
    t = templates.get(tid)
    slots = formulas.template_slots(t.meta)
    assert slots, f"{tid} declares no formula fields"
    data = _example(tid)
    bank = formulas.bank_entries()
    for name, slot in slots.items():
        found = candidates(slot, data, bank)
        assert found, f"{tid}.{name}: no bank entry fits"
        for c in found:
            # filled completely, attested, and of the declared role
            assert "{" not in c.text and c.entry["sources"] and c.entry["role"] == slot.role
            # the field is declared in the schema, so a clerk may fill it instead
            node = t.schema
            for key in name.split("."):
                node = node["properties"][key]
            assert node["type"] == "string"


@pytest.mark.parametrize("tid", IDS)
def test_same_fact_sheet_same_draft_and_variants_cycle(tid):
    t = templates.get(tid)
    data = _example(tid)
    a, choices_a, _ = fill_data(t.meta, data, 0)
    b, _, _ = fill_data(t.meta, copy.deepcopy(data), 0)
    assert a == b
    for variant in (1, 2, 5):
        _, choices, _ = fill_data(t.meta, data, variant)
        for ch in choices:
            assert ch.index == variant % ch.total
    # the fact sheet itself is never modified
    assert data == _example(tid)


def test_gov_variants_change_the_formulas_not_the_facts(tmp_path):
    outs = []
    for v in (0, 1):
        out = tmp_path / f"v{v}.docx"
        r = run_cli("render", EXAMPLES / "gov_work_report.yaml", "-o", out, "--variant", str(v))
        assert r.returncode == 0, r.stderr
        outs.append(Docx(out).text())
    v0, v1 = outs
    assert v0 != v1
    assert "现在，我代表镇人民政府，向大会报告2024年政府工作，对2025年工作提出建议，请予审议。" in v0
    assert "现在，我代表青溪镇人民政府，向大会作政府工作报告，请予审议" in v1
    assert "围绕以上目标要求，重点做好以下五个方面工作：" in v0
    assert "在具体工作中，突出抓好以下五个方面：" in v1
    for fact in ("全镇实现生产总值73.1亿元", "一是产业发展基础还不稳固", "（一）以发展为先"):
        assert fact in v0 and fact in v1


def test_a_filled_field_is_the_clerks_and_variants_leave_it_alone():
    t = templates.get("gov_work_report")
    data = _example("gov_work_report")
    data["opening"] = "现在，我受镇人民政府委托，向大会报告工作，请予审议。"
    for v in (0, 1, 3):
        filled, choices, _ = fill_data(t.meta, data, v)
        assert filled["opening"] == data["opening"]
        assert "opening" not in [c.field for c in choices]


def test_closing_appeal_is_never_a_whole_bank_sentence():  # review 1.1.5
    """Every attested whole appeal carries its own place's aim (石排走上快速发展轨道): the template composes it."""
    t = templates.get("gov_work_report")
    assert "closing.appeal" not in t.meta["formulas"]
    data = _example("gov_work_report")
    data["closing"].pop("goal")
    filled, choices, missing = fill_data(t.meta, data)
    assert "appeal" not in filled["closing"] and not missing
    assert "closing.appeal" not in [c.field for c in choices]


# --- what fits and how it is filled ----------------------------------------------------------

GOV = Slot(field="shortcomings.lead", role="shortcomings", function="过渡", genres=("gov_work_report",),
           years=("period.review",))
DATA = {"unit": {"name": "石门乡", "level": "乡"}, "period": {"review": 2024, "plan": 2025},
        "leadership": {"upper": ["县委", "县政府"], "party": "乡党委"}}


@pytest.mark.parametrize("text", [
    "回顾{年份}的工作，{地名}还存在不少问题：",            # a place above the town
    "全州经济社会发展还存在许多困难和问题。",              # a level above the town
    "过去五年，我们也清醒地看到还存在一些问题：",          # a term report's words in an annual report
    "上半年工作中还存在一些问题：",                       # a half-year report's words
    "{年份}是“十三五”规划的开局之年，还存在一些问题：",     # stale for 2024 (lint's era rule)
    "共有{数字}个问题还存在：",                           # a slot the fact sheet cannot fill
])
def test_entries_that_do_not_fit_are_never_chosen(text):
    assert candidates(GOV, DATA, [_entry(text)]) == []


def test_role_function_genre_and_shape_select():
    bank = [
        _entry("在肯定成绩的同时，我们也清醒地认识到，全镇还存在一些问题：", src="a.txt:1"),
        _entry("在肯定成绩的同时，我们也清醒地认识到，工作中还存在不足：", genres=["congress_work_report"]),
        _entry("针对这些问题，我们将认真加以解决。", function="表态"),
        _entry("在肯定成绩的同时，我们也清醒地认识到：", role="thanks"),
    ]
    found = candidates(GOV, DATA, bank)
    assert [c.text for c in found] == ["在肯定成绩的同时，我们也清醒地认识到，全乡还存在一些问题："]
    shaped = Slot(**{**GOV.__dict__, "shape": "^回顾"})
    assert candidates(shaped, DATA, bank) == []


def test_order_is_preferred_then_genre_then_count_then_source():
    bank = [
        _entry("甲：工作中还存在一些问题：", genres=["congress_work_report"], src="c.txt:9"),
        {**_entry("乙：工作中还存在一些问题：", src="b.txt:5"), "count": 3},
        _entry("丙：工作中还存在一些问题：", src="a.txt:1"),
        _entry("丁：工作中还存在一些问题：", src="a.txt:7"),
    ]
    slot = Slot(**{**GOV.__dict__, "genres": ("gov_work_report", "congress_work_report")})
    assert [c.text[0] for c in candidates(slot, DATA, bank)] == ["乙", "丙", "丁", "甲"]
    preferring = Slot(**{**slot.__dict__, "prefer": "甲"})
    assert [c.text[0] for c in candidates(preferring, DATA, bank)][0] == "甲"


def test_filling_slots_levels_voice_span_and_counts():
    data = {**DATA, "plan": {"tasks": [1, 2, 3]}, "span": "两年"}
    fill = lambda text, **kw: fill_text(text, Slot(field="f", role="r", **kw), data)  # noqa: E731
    assert fill("现在，我代表{单位}镇人民政府，向大会报告{年份}政府工作，对{年份}工作提出建议",
                years=("period.review", "period.plan")) == \
        "现在，我代表石门乡人民政府，向大会报告2024年政府工作，对2025年工作提出建议"
    assert fill("为实现{单位}走上快速发展轨道而努力奋斗！") == "为实现石门走上快速发展轨道而努力奋斗！"
    assert fill("是{领导}正确领导的结果") == "是县委、县政府和乡党委正确领导的结果"
    assert fill("全镇干部群众和镇人大、乡镇人大、城镇建设") == "全乡干部群众和乡人大、乡镇人大、城镇建设"
    assert fill("重点抓好以下几方面工作：", count="plan.tasks") == "重点抓好以下三个方面工作："
    assert fill("主要从九个方面做出努力：", count="plan.tasks") == "主要从三个方面做出努力："
    assert fill("回顾几年来的工作", span="span") == "回顾两年来的工作"
    assert fill("回顾几年来的工作", span="一年") == "回顾一年来的工作"
    assert fill("针对这些问题，我们将认真解决。", voice="我") == "针对这些问题，我将认真解决。"
    assert fill("{年份}的工作") is None  # no year given for this slot
    assert fill("{会议}确定的任务") is None


def test_the_gazetteer_names_only_places_of_the_corpus():
    from drafter.corpus.pipeline import mine_paths

    places = yaml.safe_load((ROOT / "drafter" / "data" / "corpus_places.yaml").read_text(encoding="utf-8"))
    text = "".join(d.text for d in mine_paths([ROOT / "corpus"]))
    for name in places["unit"] + places["upper"]:
        assert name in text, name


# --- the CLI ------------------------------------------------------------------------------------

def test_no_fitting_entry_is_a_fact_sheet_error_naming_the_field(tmp_path):
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "opening.yaml").write_text(yaml.safe_dump([_entry("下面，我讲几点意见。", role="opening", function="开头")],
                                                      allow_unicode=True), encoding="utf-8")
    out = tmp_path / "r.docx"
    r = run_cli("render", EXAMPLES / "gov_work_report.yaml", "-o", out, env={"DRAFTER_PHRASEBANK": str(bank)})
    assert r.returncode == 1
    assert re.search(r"gov_work_report\.yaml:\d+:\d+ opening: 未填写，常用语库中也没有适合", r.stderr), r.stderr
    assert "shortcomings.lead" in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()


def test_suggest_numbers_candidates_as_render_variant_takes_them(tmp_path):
    r = run_cli("suggest", EXAMPLES / "gov_work_report.yaml", "plan.tasks_lead", "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [row["variant"] for row in rows] == list(range(len(rows))) and len(rows) >= 3
    assert rows[0]["filled"] == "围绕以上目标要求，重点做好以下五个方面工作："
    # --variant 2 puts exactly suggestion 2 into the document
    out = tmp_path / "r.txt"
    assert run_cli("render", EXAMPLES / "gov_work_report.yaml", "-f", "txt", "-o", out, "--variant", "2").returncode == 0
    assert rows[2 % len(rows)]["filled"] in out.read_text(encoding="utf-8")
    r = run_cli("suggest", EXAMPLES / "gov_work_report.yaml", "plan.tasks_lead")
    assert r.stdout.startswith("0. 围绕以上目标要求") and "--variant" in r.stderr


def test_render_rejects_a_negative_variant(tmp_path):
    r = run_cli("render", EXAMPLES / "gov_work_report.yaml", "-o", tmp_path / "r.docx", "--variant", "-1")
    assert r.returncode == 2 and not (tmp_path / "r.docx").exists()


def test_a_template_without_formula_fields_renders_without_the_bank(tmp_path):
    folder = tmp_path / "tpl" / "plain"
    folder.mkdir(parents=True)
    (folder / "template.md.j2").write_text("# 通知\n\n{{ body }}\n", encoding="utf-8")
    (folder / "schema.yaml").write_text("type: object\nproperties:\n  template: {const: plain}\n  body: {type: string}\n",
                                        encoding="utf-8")
    (folder / "meta.yaml").write_text("name: 通知\n", encoding="utf-8")
    sheet = tmp_path / "s.yaml"
    sheet.write_text("template: plain\nbody: 请按时参会。\n", encoding="utf-8")
    r = run_cli("render", sheet, "-f", "txt", "-o", tmp_path / "s.txt",
                env={"DRAFTER_TEMPLATES": str(tmp_path / "tpl"), "DRAFTER_PHRASEBANK": str(tmp_path / "none")})
    assert r.returncode == 0, r.stderr
    assert "请按时参会。" in (tmp_path / "s.txt").read_text(encoding="utf-8")


# --- organs, counts and voice come from the fact sheet (issue: drafts right for any township) -----

THANKS = Slot(field="thanks.lead", role="thanks", function="总结", genres=("gov_work_report",))


@pytest.mark.parametrize("level,party,want,never", [
    ("乡", "乡党委", "历届乡党委、乡政府", "乡委"),
    ("民族乡", "乡党委", "历届乡党委、乡政府", "乡委"),
    ("镇", "镇委", "历届镇委、镇政府", "镇党委"),
])
def test_bank_organs_are_the_sheets_organs_never_a_swapped_character(level, party, want, never):
    entry = _entry("这些成绩的取得，得益于历届镇委、镇政府打下的坚实基础，离不开镇人大的监督支持。",
                   role="thanks", function="总结")
    data = {"unit": {"name": "白岩彝族乡" if level == "民族乡" else "石门" + level, "level": level},
            "leadership": {"upper": ["县委"], "party": party, "supervisor": f"{level[-1]}人大"}}
    [c] = candidates(THANKS, data, [entry])
    assert want in c.text and never not in c.text.replace(want, "")


def test_a_street_has_no_congress_so_an_entry_naming_one_is_refused():
    entry = _entry("这些成绩的取得，离不开镇人大的监督支持。", role="thanks", function="总结")
    data = {"unit": {"name": "东关街道", "level": "街道"}, "leadership": {"upper": ["区委"], "party": "街道党工委"}}
    assert candidates(THANKS, data, [entry]) == []
    entry = _entry("这些成绩的取得，得益于历届镇委、镇政府打下的坚实基础。", role="thanks", function="总结")
    [c] = candidates(THANKS, data, [entry])
    assert c.text == "这些成绩的取得，得益于历届街道党工委、街道办事处打下的坚实基础。"


def test_counts_say_liang_and_a_single_task_needs_no_count():
    slot = Slot(field="plan.tasks_lead", role="tasks", function="过渡", genres=("gov_work_report",), count="plan.tasks")
    entry = _entry("围绕以上目标要求，重点做好以下几方面工作：", role="tasks")
    two = {"plan": {"tasks": [{}, {}]}, "unit": {"name": "石门乡", "level": "乡"}}
    assert candidates(slot, two, [entry])[0].text == "围绕以上目标要求，重点做好以下两个方面工作："
    one = {"plan": {"tasks": [{}]}, "unit": {"name": "石门乡", "level": "乡"}}
    assert candidates(slot, one, [entry])[0].text == "围绕以上目标要求，重点做好以下工作："


def test_stale_slogans_and_old_register_never_fit():
    slot = Slot(field="shortcomings.lead", role="shortcomings", function="过渡", genres=("gov_work_report",))
    stale = _entry("虽然我们在贯彻落实科学发展观，促进全镇经济又好又快发展的实践中做了一些工作，但还存在不少问题：")
    old = _entry("我受镇人大主席团委托，向大会报告工作，并请各位列席代表提出宝贵意见，还存在不少问题：")
    data = {"unit": {"name": "石门乡", "level": "乡"}, "period": {"review": 2025}}
    found = candidates(slot, data, [stale, old])
    assert [c.text for c in found] == ["我受乡人大主席团委托，向大会报告工作，并请各位列席人员提出宝贵意见，还存在不少问题："]
    assert len(candidates(slot, {**data, "period": {"review": 2009}}, [stale])) == 1  # right in its own years


def test_a_team_report_takes_no_personal_voice_and_a_person_no_team_voice():
    personal = _entry("回顾一年来的工作，虽然做出了一定的贡献，但与上级领导的要求相比，还有较大的差距。")
    team = _entry("一年来，镇领导班子在工作中取得明显成效，但离上级党委的要求还存在着差距。")
    data = {"unit": {"name": "石门镇", "level": "镇"}}
    as_team = Slot(field="shortcomings.lead", role="shortcomings", function="过渡", genres=("gov_work_report",), voice="我们")
    as_person = Slot(field="shortcomings.lead", role="shortcomings", function="过渡", genres=("gov_work_report",), voice="我")
    assert [c.entry for c in candidates(as_team, data, [personal, team])] == [team]
    assert [c.entry for c in candidates(as_person, data, [personal, team])] == [personal]


# --- fitting_phrases: what suggest / phrases --into / the web page may insert ------------------

def _gov():
    t = templates.get("gov_work_report")
    return t, copy.deepcopy(_example("gov_work_report"))


def test_fitting_phrases_for_a_formula_field_are_its_candidates_to_replace():
    t, data = _gov()
    fits = formulas.fitting_phrases(t.meta, data, "thanks.lead", formulas.bank_entries(), schema=t.schema)
    assert fits and all(f.mode == "replace" for f in fits)
    assert [f.text for f in fits] == [c.text for c in candidates(formulas.template_slots(t.meta)["thanks.lead"], data,
                                                                  formulas.bank_entries())]
    assert all("镇委" not in f.text for f in fits)  # the sheet says 镇党委


def test_fitting_phrases_append_only_to_lists_of_text_and_refuse_other_fields():
    t, data = _gov()
    bank = formulas.bank_entries()
    situation = formulas.fitting_phrases(t.meta, data, "plan.situation", bank, schema=t.schema)
    assert situation and all(f.mode == "append" and f.candidate.entry["role"] == "plan_overview" for f in situation)
    for field in ("meeting.term", "review.indicators", "period.type", "meeting.date", "no.such.field"):
        with pytest.raises(formulas.InputError):
            formulas.fitting_phrases(t.meta, data, field, bank, schema=t.schema)
    # names, not phrases: nothing goes into the list of those thanked
    assert formulas.fitting_phrases(t.meta, data, "thanks.to", bank, schema=t.schema) == []


def test_fitting_phrases_for_a_heading_are_headings_filled_for_the_level():
    t, data = _gov()
    data["unit"] = {"name": "石门乡", "level": "乡"}
    fits = formulas.fitting_phrases(t.meta, data, "review.sections.0.heading", formulas.bank_entries(), schema=t.schema)
    assert fits and all(f.candidate.entry["function"] == "标题" for f in fits)
    assert not any(re.search(r"全镇|镇委|\{", f.text) for f in fits)


def test_fitting_phrases_skip_what_the_field_already_holds_and_never_offer_lead_ins_as_items():
    t, data = _gov()
    bank = formulas.bank_entries()
    first = formulas.fitting_phrases(t.meta, data, "plan.situation", bank, schema=t.schema)[0]
    data["plan"]["situation"] = [first.text]
    again = formulas.fitting_phrases(t.meta, data, "plan.situation", bank, schema=t.schema)
    assert first.text not in [f.text for f in again]
    items = formulas.fitting_phrases(t.meta, data, "review.sections.0.summary", bank, schema=t.schema)
    assert all(not f.text.endswith("：") for f in items)


def test_a_one_task_lead_in_still_names_what_follows():
    """以下几个方面 with one task: the count goes, 工作 stays or is supplied (never 突出抓好以下：)."""
    slot = Slot(field="plan.tasks_lead", role="tasks", function="过渡", genres=("congress_work_report",),
                count="plan.tasks")
    one = {"plan": {"tasks": [{"heading": "坚持党的领导"}]}}
    two = {"plan": {"tasks": [{"heading": "甲"}, {"heading": "乙"}]}}
    assert fill_text("在具体工作中，突出抓好以下几个方面：", slot, one) == "在具体工作中，突出抓好以下工作："
    assert fill_text("重点抓好以下三个方面的工作：", slot, one) == "重点抓好以下工作："
    assert fill_text("重点做好以下几方面工作：", slot, one) == "重点做好以下工作："
    assert fill_text("在具体工作中，突出抓好以下几个方面：", slot, two) == "在具体工作中，突出抓好以下两个方面："
