"""The curated genre templates (issue 5): each example renders through the CLI into a
GB/T 9704 document with the genre's corpus skeleton, invents no figure, and stays in
sync with its schema and scaffold."""
from __future__ import annotations

import json
import re

import pytest
import yaml

from drafter import formulas, scaffold, templates
from tests.conftest import EXAMPLES, ROOT, run_cli
from tests.docx_helpers import assert_in_order
from tests.office import needs_office, page_count, to_pdf

# template id → the skeleton, in order: salutation, opening formula, section headings, closing
SKELETONS: dict[str, list[str]] = {
    "congress_work_report": [
        "人大主席团工作报告",
        "各位代表：",
        "我受镇人大主席团委托，向大会报告工作，请予审议",
        "2024年工作回顾",
        "一年以来，镇人大主席团在镇党委的正确领导下，在区人大常委会的精心指导下",
        "一、精心组织，依法开好镇人代会",
        "二、加强学习培训，提高代表履职能力",
        "三、开展闭会期间活动，发挥代表参政议政作用",
        "四、加大工作监督力度，推动政府工作开展",
        "五、抓好代表议案督办，提高办理工作质量",
        "六、加强自身建设，不断提升工作水平",
        "我们深知，成绩的取得，得益于",
        "表示衷心的感谢！",
        "但同时我们也清醒地认识到，工作中还存在一些不可忽视的问题：一是",
        "针对这些问题，我们将采取积极措施，认真加以解决。",
        "2025年人大工作思路",
        "镇人大工作的指导思想是：",
        "一、",
        "履行职责有新举措，发挥作用有新突破，自身建设有新面貌，工作水平有新提高",
        "作出新的更大贡献！",
    ],
    "personal_duty_report": [
        "述职报告",
        "尊敬的各位领导、同志们：",
        "本人自2022年1月23日起任青溪镇党委副书记、镇长。",
        "在区委、区政府和镇党委的正确领导下",
        "现将本人履行职责和廉政建设情况汇报如下：",
        "一、抓好学习这个根本前提",
        "二、抓好经济发展这个第一要务",
        "（一）",
        "五、抓好生态环境保护这条发展底线",
        "六、抓好廉洁自律这个党性要求",
        "七、存在的问题",
        "回顾三年来的工作，虽然作出了一定的贡献，但与上级领导的要求相比，与人民群众的要求相比，还有较大的差距",
        "八、下一步努力方向",
        "（一）学习为先。",
        "在今后的工作中，我将以",
        "作出更大的贡献。",
        "以上汇报，不妥之处，请批评指正。",
        "林志远",
        "2024年12月26日",
    ],
    "work_plan": [
        "青溪镇2025年工作要点",
        "一、指导思想",
        "2025年是",
        "2025年全镇工作的指导思想是：",
        "工作思路是：",
        "二、目标任务",
        "主要预期目标是：全镇地区生产总值增长6.5%左右",
        "三、重点工作",
        "围绕上述指导思想和奋斗目标，2025年要重点抓好以下七个方面的工作：",
        "（一）加快重点项目建设",
        "一是",
        "（七）加强自身建设",
        "四、工作措施",
        "（一）要确保领导力量到位。",
        "中共青溪镇委员会",
        "青溪镇人民政府",
        "2025年2月10日",
    ],
    "integrity_duty_report": [
        "青溪镇党委、政府领导班子",
        "党风廉政建设述职报告",
        "尊敬的各位领导、同志们：",
        "2024年，镇党委、政府领导班子在区委的正确领导下，坚持以",
        "切实加强党风廉政建设和反腐败工作",
        "取得明显成效。现作述职汇报如下：",
        "一、强化主体责任，加强措施落实",
        "二、强化宣传教育，构筑反腐倡廉思想防线",
        "三、建立完善制度，全面落实廉政建设责任制",
        "四、严肃纪律，及时查办各类违纪违法案件",
        "五、纠建并举，纠风和反腐败工作取得新成效",
        "在肯定成绩的同时，还应清醒地看到，我镇的工作还存在着一些问题和不足。一是",
        "新的一年，我们要以",
        "不断推进党风廉政建设和反腐败斗争的深入开展",
        "作出新的贡献。",
        "以上汇报，不妥之处，请批评指正。",
        "中共青溪镇委员会",
        "2025年1月15日",
    ],
    "team_duty_report": [
        "青溪镇党委、政府领导班子",
        "述职报告",
        "尊敬的各位领导、同志们：",
        "2024年，镇党委、政府领导班子在区委、区政府的正确领导下，坚持以习近平新时代中国特色社会主义思想为指导",
        "现将一年来的工作汇报如下：",
        "一、持续加强自身建设，着力提升服务水平",
        "我们始终把班子自身建设摆在突出位置",
        "二、聚焦项目建设",
        "（一）",
        "六、勤政廉洁，树好形象",
        "七、存在的问题",
        "在肯定成绩的同时",
        "针对这些问题和不足，我们将在今后的工作中认真对待，逐步加以解决。",
        "八、下一步努力方向",
        "在今后的工作中，我们将以习近平新时代中国特色社会主义思想为指导，贯彻落实党的二十大和二十届三中全会精神，寻找差距，克服不足，奋力拼搏，扎实工作，为建设富裕文明和谐美丽新青溪作出更大的贡献。",
        "以上汇报，不妥之处，请批评指正。",
        "中共青溪镇委员会",
        "2025年1月15日",
    ],
}

IDS = sorted(SKELETONS)
MIN_CJK = 1900  # ≈ three A4 pages in the GB/T 9704 layout (22 lines × 28 characters)


def _docx_text(path) -> list[str]:
    from docx import Document

    # a line break inside a title is layout (the writer breaks long titles), not text
    return [p.text.replace("\n", "") for p in Document(str(path)).paragraphs if p.text.strip()]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Every example rendered once through `drafter render`."""
    out = {}
    folder = tmp_path_factory.mktemp("genres")
    for tid in IDS:
        docx = folder / f"{tid}.docx"
        res = run_cli("render", EXAMPLES / f"{tid}.yaml", "-o", docx, "--force")
        assert res.returncode == 0, res.stderr + res.stdout
        out[tid] = docx
    return out


@pytest.mark.parametrize("tid", IDS)
def test_skeleton_in_order(tid, rendered):
    assert_in_order("\n".join(_docx_text(rendered[tid])), SKELETONS[tid], tid)


@pytest.mark.parametrize("tid", IDS)
def test_no_placeholder_survives(tid, rendered):
    text = "\n".join(_docx_text(rendered[tid]))
    for bad in ("__", "XX", "xx", "{{", "}}", "{%", "None", "，，", "。。", "。，", "，。"):
        assert bad not in text, f"{tid}: {bad!r} in output"


@pytest.mark.parametrize("tid", IDS)
def test_every_figure_comes_from_the_fact_sheet(tid, rendered):
    text = "\n".join(_docx_text(rendered[tid]))
    facts = (EXAMPLES / f"{tid}.yaml").read_text(encoding="utf-8")
    figures = set(re.findall(r"\d+(?:\.\d+)?", text))
    invented = sorted(n for n in figures if n not in facts)
    assert invented == [], invented


@pytest.mark.parametrize("tid", IDS)
def test_at_least_three_pages(tid, rendered):
    text = "".join(_docx_text(rendered[tid]))
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    assert cjk >= MIN_CJK, f"{tid}: only {cjk} CJK characters"


@pytest.mark.parametrize("tid", IDS)
def test_check_accepts_the_example(tid):
    res = run_cli("check", EXAMPLES / f"{tid}.yaml")
    assert res.returncode == 0, res.stdout + res.stderr


@pytest.mark.parametrize("tid", IDS)
def test_lint_finds_no_error(tid, rendered):
    res = run_cli("lint", "--json", rendered[tid])
    findings = json.loads(res.stdout or "[]")
    errors = [f for f in findings if f.get("severity") == "error"]
    assert errors == [], errors
    assert res.returncode == 0, res.stdout + res.stderr


@pytest.mark.parametrize("tid", IDS)
def test_example_file_is_the_scaffold(tid):
    t = templates.get(tid)
    expected = scaffold.scaffold(t, f"../templates/{tid}/schema.json")
    assert (EXAMPLES / f"{tid}.yaml").read_text(encoding="utf-8") == expected
    # and the scaffold's values are the template's own example
    assert yaml.safe_load(expected) == yaml.safe_load((ROOT / "templates" / tid / "example.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("tid", IDS)
def test_shipped_schema_json_is_current(tid):
    shipped = json.loads((ROOT / "templates" / tid / "schema.json").read_text(encoding="utf-8"))
    assert shipped == templates.get(tid).schema


@pytest.mark.parametrize("tid", IDS)
def test_every_field_has_a_chinese_description(tid):
    def walk(node, path):
        if isinstance(node, dict):
            if "properties" in node:
                for key, sub in node["properties"].items():
                    desc = sub.get("description", "")
                    assert re.search(r"[\u4e00-\u9fff]", desc), f"{tid}: {path}{key} has no Chinese description"
                    walk(sub, f"{path}{key}.")
            if isinstance(node.get("items"), dict):
                walk(node["items"], f"{path}[].")

    walk(templates.get(tid).schema, "")


def test_templates_command_lists_them():
    res = run_cli("templates")
    assert res.returncode == 0, res.stderr
    for tid in IDS:
        assert tid in res.stdout


@needs_office
def test_libreoffice_counts_at_least_three_pages(rendered, tmp_path):
    """One LibreOffice conversion for all examples together: each fills at least three A4 pages."""
    pdfs = to_pdf([rendered[tid] for tid in IDS], tmp_path)
    for tid in IDS:
        pages = page_count(pdfs[rendered[tid]])
        assert pages >= 3, f"{tid}: {pages} pages"


def _required_only(node, schema):
    """The fact sheet with every optional field left out (recursively)."""
    if isinstance(node, dict) and schema.get("type") == "object":
        props = schema.get("properties", {})
        keep = set(schema.get("required", [])) | {"template"}
        # conditional requirements (allOf: if/then/else) that apply to this fact sheet
        import jsonschema

        for cond in schema.get("allOf", []):
            if "if" not in cond:
                continue
            branch = (cond.get("then") if jsonschema.Draft202012Validator(cond["if"]).is_valid(node) else cond.get("else")) or {}
            keep |= set(branch.get("required", []))
            for k, sub in branch.get("properties", {}).items():  # e.g. closing: {required: [goal]}
                props = {**props, k: {**props.get(k, {}), "required": props.get(k, {}).get("required", []) + sub.get("required", [])}}
        return {k: _required_only(v, props.get(k, {})) for k, v in node.items() if k in keep}
    if isinstance(node, list) and isinstance(schema.get("items"), dict):
        return [_required_only(v, schema["items"]) for v in node]
    return node


@pytest.mark.parametrize("tid", IDS)
def test_optional_fields_vanish_cleanly(tid):
    from drafter.markup import parse_markup

    t = templates.get(tid)
    data = yaml.safe_load((EXAMPLES / f"{tid}.yaml").read_text(encoding="utf-8"))
    slim = _required_only(data, t.schema)
    assert slim != data, "the example should exercise some optional fields"
    filled, _, missing = formulas.fill_data(t.meta, slim)  # formula fields come from the bank
    assert not missing
    text = "\n".join(parse_markup(templates.render_markup(t, filled)).plain_lines())
    for bad in ("None", "，，", "。。", "，。", "：。", "。，", "是。", "为指导为指导"):
        assert bad not in text, f"{tid}: {bad!r}"
    assert len(text) > 500


def test_integrity_case_figures_become_the_corpus_sentence(tmp_path):
    """Structured counts (CORPUS-NOTES §5.3) print in 002:478's wording; a count without its pair is an error."""
    data = yaml.safe_load((EXAMPLES / "integrity_duty_report.yaml").read_text(encoding="utf-8"))
    t = templates.get("integrity_duty_report")
    filled, _, _ = formulas.fill_data(t.meta, data)
    from drafter.markup import parse_markup

    text = "\n".join(parse_markup(templates.render_markup(t, filled)).plain_lines())
    assert "2024年办理移送案件1件1人。共接受群众来信来访和举报电话11件，并为3名受到失实举报的党员干部澄清了是非" in text
    data["case_figures"] = {"transferred_cases": 2}
    sheet = tmp_path / "i.yaml"
    sheet.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    res = run_cli("check", sheet)
    assert res.returncode == 1 and "case_figures" in res.stdout + res.stderr and "transferred_people" in res.stdout + res.stderr
