"""gov_work_report variants chosen by period.type: annual, term (换届) and half (半年)."""
from __future__ import annotations

import json
import re

import pytest
import yaml

from drafter import formulas, templates

from .conftest import EXAMPLES, render_sheets, run_cli
from .docx_helpers import Docx, assert_in_order
from .office import needs_office, page_count, pdf_pages, to_pdf

VARIANTS = {
    "annual": EXAMPLES / "gov_work_report.yaml",
    "term": EXAMPLES / "gov_work_report_term.yaml",
    "half": EXAMPLES / "gov_work_report_half.yaml",
}

SKELETON = {
    "term": ["政府工作报告", "第十九届人民代表大会第一次会议", "各位代表：", "本届政府工作回顾",
             "五年来，在市委、市政府和镇党委的正确领导下", "经过五年的努力，到2025年底，全镇", "年均增长7.2%",
             "过去五年，我们主要做了以下工作：", "（一）坚持发展第一要务", "过去五年，我们在困难与挑战中携手并肩",
             "表示衷心的感谢和崇高的敬意！", "一是经济总量还不够大", "今后五年的奋斗目标和主要任务",
             "今后五年政府工作的总体要求是：", "未来五年全镇经济社会发展的主要预期目标是：生产总值年均增长6.5%左右",
             "一、坚持创新驱动", "各位代表！新的五年，新的征程。", "而努力奋斗！", "谢谢大家！"],
    "half": ["政府工作报告", "第十八届人民代表大会第六次会议", "各位代表：", "2025年上半年工作总结",
             "今年上半年，在市委、市政府和镇党委的正确领导下", "各方面工作取得了积极成效。全镇实现生产总值37.4亿元",
             "上半年，我们主要做了以下工作：", "（一）以项目为抓手", "上半年，我们在困难与挑战中携手并肩、奋勇前行。",
             "一是部分重点项目进度滞后", "2025年下半年工作计划", "下半年工作的总体要求是：",
             "重点做好以下四个方面工作：", "一、全力抓项目促投资", "为全面完成全年各项目标任务而努力奋斗！"],
}
# Words that belong to another kind of report and must not leak in.
FOREIGN = {
    "term": ["2025年工作回顾", "今年政府工作的总体要求", "上半年", "下半年", "向大会报告2025年政府工作"],
    "half": ["本届政府", "今后五年", "五年来", "经过五年", "较好地完成了年初确定", "向大会报告2025年政府工作"],
    "annual": ["本届政府", "今后五年", "五年来", "上半年工作总结", "下半年工作计划"],
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    return render_sheets(VARIANTS, tmp_path_factory.mktemp("gov_variants"))


def test_default_file_names_say_which_report(rendered):
    assert rendered["annual"].name == "青溪镇2025年政府工作报告.docx"
    assert rendered["term"].name == "青溪镇2021—2025年换届政府工作报告.docx"
    assert rendered["half"].name == "青溪镇2025年上半年政府工作报告.docx"


@pytest.mark.parametrize("kind", ["term", "half"])
def test_variant_skeleton_in_order(kind, rendered):
    assert_in_order(Docx(rendered[kind]).text(), SKELETON[kind], kind)


@pytest.mark.parametrize("kind", ["annual", "term", "half"])
def test_no_words_of_another_kind_of_report(kind, rendered):
    text = Docx(rendered[kind]).text()
    for word in FOREIGN[kind]:
        assert word not in text, f"{kind}: {word}"
    for placeholder in ("__", "XX", "{{", "}}", "None"):
        assert placeholder not in text


@pytest.mark.parametrize("kind", ["term", "half"])
def test_variants_are_real_reports(kind, rendered):
    text = Docx(rendered[kind]).text()
    assert len(re.findall(r"[\u4e00-\u9fff]", text)) >= 1900  # ≈ three A4 pages in GB/T 9704
    r = run_cli("lint", "--json", rendered[kind])
    assert [f for f in json.loads(r.stdout or "[]") if f["severity"] == "error"] == []
    assert run_cli("check", VARIANTS[kind]).returncode == 0


def test_term_report_needs_its_years(tmp_path):
    data = yaml.safe_load(VARIANTS["term"].read_text(encoding="utf-8"))
    del data["period"]["plan_end"]
    sheet = tmp_path / "t.yaml"
    sheet.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    r = run_cli("render", sheet, "-o", tmp_path / "t.docx")
    assert r.returncode == 1 and "plan_end" in r.stderr and "Traceback" not in r.stderr
    assert re.search(r"t\.yaml:\d+:\d+ period", r.stderr), r.stderr
    assert not (tmp_path / "t.docx").exists()


def test_unknown_report_type_is_named(tmp_path):
    text = VARIANTS["annual"].read_text(encoding="utf-8").replace("type: annual", "type: quarterly")
    sheet = tmp_path / "q.yaml"
    sheet.write_text(text, encoding="utf-8")
    r = run_cli("check", sheet)
    assert r.returncode == 1 and "period.type" in r.stdout + r.stderr


@pytest.mark.parametrize("kind,banned", [("term", r"上半年|下半年|报告\d{4}年政府工作"), ("half", r"五年|本届|报告\d{4}年政府工作")])
def test_formula_candidates_fit_the_kind_of_report(kind, banned):
    t = templates.get("gov_work_report")
    data = yaml.safe_load(VARIANTS[kind].read_text(encoding="utf-8"))
    bank = formulas.bank_entries()
    for name, slot in formulas.template_slots(t.meta).items():
        for c in formulas.candidates(slot, data, bank):
            assert not re.search(banned, c.text), (name, c.text)


@needs_office
def test_libreoffice_lays_out_both_variants(rendered, tmp_path):
    """One LibreOffice conversion: each variant fills at least three A4 pages and its headings print in order."""
    pdfs = to_pdf([rendered["term"], rendered["half"]], tmp_path)
    headings = {"term": ["本届政府工作回顾", "今后五年的奋斗目标和主要任务"],
                "half": ["2025年上半年工作总结", "2025年下半年工作计划"]}
    for kind in ("term", "half"):
        pdf = pdfs[rendered[kind]]
        assert page_count(pdf) >= 3, kind
        assert_in_order(re.sub(r"\s+", "", "".join(pdf_pages(pdf))), headings[kind], kind)
