"""congress_work_report variants chosen by period.type: annual report, briefing (情况汇报), summary (工作总结)."""
from __future__ import annotations

import json
import re

import pytest

from .conftest import EXAMPLES, render_sheets, run_cli
from .docx_helpers import Docx, assert_in_order
from .office import needs_office, page_count, to_pdf

SHEETS = {
    "annual": EXAMPLES / "congress_work_report.yaml",
    "briefing": EXAMPLES / "congress_work_report_briefing.yaml",
    "summary": EXAMPLES / "congress_work_report_summary.yaml",
}
SKELETON = {
    # the party committee leads before the upper congress guides; one period word (一年来) throughout;
    # the shortcomings are a numbered part of their own (七、存在的问题), as in corpus 001
    "briefing": ["青溪镇人大工作情况汇报", "一年来，镇人大在镇党委的正确领导下，在区人大常委会的精心指导下",
                 "现将一年来的工作汇报如下：", "一、精心组织，依法开好镇人代会", "六、加强自身建设",
                 "七、存在的问题", "还存在一些不可忽视的问题：一是", "八、对区人大常委会工作的几点建议",
                 "（一）建议区人大常委会每年", "九、下一步工作计划", "（一）认真开展调研活动", "以上汇报，不妥之处，请批评指正。"],
    "summary": ["青溪镇2024年人大工作总结", "一年来，镇人大在镇党委的正确领导下，在区人大常委会的精心指导下",
                "依法创新扎实开展人大工作，促进", "现将工作开展情况总结如下：", "一、精心组织，依法开好镇人代会",
                "六、加强自身建设", "七、存在的问题", "一是工作思路有待进一步创新", "八、下一步工作计划",
                "2025年，镇人大工作的指导思想是：", "（一）坚持党的领导"],
}
# The report to the congress speaks to 各位代表; the others do not, and have no byline.
ONLY_IN_REPORT = ["各位代表", "我受镇人大主席团委托", "人民代表大会第五次会议上", "作出新的更大贡献", "表示衷心的感谢"]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    return render_sheets(SHEETS, tmp_path_factory.mktemp("congress_variants"))


def test_file_names(rendered):
    assert rendered["annual"].name == "青溪镇2025年人大主席团工作报告.docx"
    assert rendered["briefing"].name == "青溪镇2024年人大工作情况汇报.docx"
    assert rendered["summary"].name == "青溪镇2024年人大工作总结.docx"


@pytest.mark.parametrize("kind", ["briefing", "summary"])
def test_skeleton_in_order_and_no_congress_address(kind, rendered):
    text = Docx(rendered[kind]).text()
    assert_in_order(text, SKELETON[kind], kind)
    for word in ONLY_IN_REPORT:
        assert word not in text, f"{kind}: {word}"
    for placeholder in ("__", "XX", "{{", "None"):
        assert placeholder not in text
    assert len(re.findall(r"[\u4e00-\u9fff]", text)) >= 1900
    r = run_cli("lint", "--json", rendered[kind])
    assert [f for f in json.loads(r.stdout or "[]") if f["severity"] == "error"] == []


def test_the_report_still_needs_its_meeting(tmp_path):
    text = SHEETS["annual"].read_text(encoding="utf-8")
    sheet = tmp_path / "c.yaml"
    sheet.write_text(re.sub(r"(?ms)^meeting:\n(  .*\n)+", "", text), encoding="utf-8")
    r = run_cli("check", sheet)
    assert r.returncode == 1 and "meeting" in r.stdout + r.stderr
    # … and a briefing does not
    briefing = SHEETS["briefing"].read_text(encoding="utf-8")
    assert "meeting:" not in briefing and run_cli("check", SHEETS["briefing"]).returncode == 0


@needs_office
def test_libreoffice_pages(rendered, tmp_path):
    pdfs = to_pdf([rendered["briefing"], rendered["summary"]], tmp_path)
    for kind in ("briefing", "summary"):
        assert page_count(pdfs[rendered[kind]]) >= 3, kind
