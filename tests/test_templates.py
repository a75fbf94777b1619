import copy
import re

import pytest

from drafter import formulas, render, templates
from drafter.errors import TemplateError
from drafter.factsheet import FactSheet
from drafter.markup import parse_markup

from .docx_helpers import assert_in_order


def _report(data, variant=0):
    t = templates.get("gov_work_report")
    data, _, missing = formulas.fill_data(t.meta, data, variant)
    assert not missing
    return parse_markup(templates.render_markup(t, data))


def _text(data):
    return "\n".join(_report(data).plain_lines())


def test_example_follows_the_corpus_skeleton(example_data):
    lines = _report(example_data).plain_lines()
    text = "\n".join(lines)
    order = [
        "政府工作报告", "——2025年1月10日在青溪镇第十八届人民代表大会第五次会议上", "青溪镇镇长　林志远", "各位代表：",
        "现在，我代表镇人民政府，向大会报告2024年政府工作，对2025年工作提出建议", "请予审议", "2024年工作回顾", "一年来，在市委、市政府和镇党委的正确领导下",
        "全镇实现生产总值73.1亿元，同比增长7.5%", "（一）以发展为先", "一是项目建设提速增效。", "二是企业培育成效明显。",
        "这些成绩的取得", "表示衷心的感谢和崇高的敬意！", "在肯定成绩的同时，我们也清醒地认识到", "一是产业发展基础还不稳固",
        "针对这些问题，我们将采取积极措施，认真加以解决。", "2025年工作安排", "今年政府工作的总体要求是：", "主要预期目标是：",
        "今年再办好十件民生实事：", "围绕以上目标要求，重点做好以下五个方面工作：", "一、坚持创新驱动",
        "（一）加大重大项目建设力度。",
        "各位代表！", "而努力奋斗！", "谢谢大家！",
    ]
    assert_in_order(text, order, "gov_work_report")
    assert "社会消费品零售总额18.7亿元，同比下降2.1%" in text


def test_every_figure_comes_from_the_fact_sheet(example_data):
    """The template invents no number: each figure printed is in the fact sheet."""
    import yaml

    text = _text(example_data)
    facts = yaml.safe_dump(example_data, allow_unicode=True)
    figures = set(re.findall(r"\d+(?:\.\d+)?", text))
    invented = [n for n in figures if n not in facts]
    assert invented == [], invented


def test_optional_blocks_vanish_cleanly(example_data):
    data = copy.deepcopy(example_data)
    for key in ("year_character", "overview", "honors"):
        data["review"].pop(key)
    data["plan"].pop("situation")
    data["plan"].pop("targets")
    data["plan"].pop("practical_projects")
    data["leadership"].pop("supervisor")
    data.pop("previous_session")
    data["closing"] = {"goal": "建设美丽青溪"}
    data["thanks"]["lead"] = "这些成绩是全镇干部群众共同奋斗的结果。"
    text = _text(data)
    for gone in ("荣誉称号", "民生实事：", "主要预期目标", "得益于", "监督支持", "的一年", "第十八届人大第四次会议", "新起点"):
        assert gone not in text, gone
    assert "较好地完成了年初确定的各项目标任务" in text
    assert "为建设美丽青溪而努力奋斗！" in text
    assert "，，" not in text and "。。" not in text and "None" not in text


def test_clerk_formulas_override_the_defaults(example_data):
    data = copy.deepcopy(example_data)
    data["shortcomings"]["lead"] = "回顾一年的工作，我们也清醒地看到，还存在不少困难和问题"
    data["shortcomings"]["closer"] = "对此，我们必须高度重视，认真加以解决"
    data["closing"]["thanks_line"] = False
    data["closing"]["goal"] = "为加快建设新青溪而努力奋斗！"
    text = _text(data)
    assert "还存在不少困难和问题：一是" in text
    assert "对此，我们必须高度重视，认真加以解决。" in text
    assert "在肯定成绩的同时" not in text
    assert "谢谢大家" not in text
    assert "为加快建设新青溪而努力奋斗！" in text and "为为" not in text


def test_markup_characters_in_facts_print_literally(example_data):
    data = copy.deepcopy(example_data)
    data["review"]["sections"][0]["items"][0]["text"] = "完成*重点*项目_46_个 # <b>全部</b> & 更多 1. 不是列表"
    data["speaker"]["name"] = "**林**志远"
    text = _text(data)
    assert "完成*重点*项目_46_个 # <b>全部</b> & 更多 1. 不是列表。" in text
    assert "青溪镇镇长　**林**志远" in text


def test_missing_value_is_an_error_not_an_empty_string(example_data):
    data = copy.deepcopy(example_data)
    del data["speaker"]["name"]
    with pytest.raises(TemplateError, match="name"):
        _report(data)


def _user_template(tmp_path, monkeypatch, name: str, source: str):
    """A unit's own template folder, found through DRAFTER_TEMPLATES."""
    folder = tmp_path / name
    folder.mkdir()
    (folder / "template.md.j2").write_text(source, encoding="utf-8")
    (folder / "meta.yaml").write_text(f"name: {name}\n", encoding="utf-8")
    (folder / "schema.yaml").write_text("type: object\n", encoding="utf-8")
    monkeypatch.setenv("DRAFTER_TEMPLATES", str(tmp_path))
    return templates.get(name)


def test_sandbox_blocks_unsafe_access(tmp_path, monkeypatch):
    t = _user_template(tmp_path, monkeypatch, "evil", "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(TemplateError, match="不安全"):
        templates.render_markup(t, {})


def test_fact_fields_named_like_dict_methods(tmp_path, monkeypatch):
    t = _user_template(tmp_path, monkeypatch, "items_demo",
                       "{% if x.items is defined %}{{ x.items | length }}{% else %}无{% endif %}")
    assert templates.render_markup(t, {"x": {"items": [1, 2, 3]}}).strip() == "3"
    assert templates.render_markup(t, {"x": {}}).strip() == "无"


def test_unit_level_words(example_data):
    data = copy.deepcopy(example_data)
    data["unit"] = {"name": "石门乡", "level": "乡"}
    text = _text(data)
    for phrase in ("全乡实现生产总值", "我代表乡人民政府", "全乡经济社会的发展仍然存在", "与全乡人民一道", "全乡干部群众"):
        assert phrase in text, phrase


def test_output_name_from_fact_sheet(example_data, tmp_path):
    t = templates.get("gov_work_report")
    assert templates.output_stem(t, example_data, "x") == "青溪镇2025年政府工作报告"
    assert templates.output_stem(t, {**example_data, "output": "报告/终稿.docx"}, "x") == "报告_终稿"


def test_shipped_schema_json_is_current():
    import json

    t = templates.get("gov_work_report")
    shipped = json.loads((t.folder / "schema.json").read_text(encoding="utf-8"))
    assert shipped == t.schema, "run: drafter schema gov_work_report > templates/gov_work_report/schema.json"


def test_example_file_is_the_scaffold():
    from drafter.scaffold import scaffold
    from tests.conftest import EXAMPLES

    t = templates.get("gov_work_report")
    want = scaffold(t, "../templates/gov_work_report/schema.json")
    assert (EXAMPLES / "gov_work_report.yaml").read_text(encoding="utf-8") == want


def test_an_edited_template_is_read_afresh_in_a_long_running_process(tmp_path):
    """Environments are kept per folder (the web page renders many drafts); an edit still shows at once."""
    import os
    import shutil

    from drafter.factsheet import parse_factsheet

    from .conftest import EXAMPLES, ROOT

    root = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates", root)
    t = templates.get("work_plan", (root,))
    sheet, _problems = parse_factsheet(EXAMPLES / "work_plan.yaml")
    data, _c, _m = formulas.fill_data(t.meta, sheet.data)
    first = templates.render_markup(t, data)
    path = root / "work_plan" / "template.md.j2"
    path.write_text(path.read_text(encoding="utf-8").replace("## {{ 1 | cn_ordinal(\"comma\") }}指导思想",
                                                            "## {{ 1 | cn_ordinal(\"comma\") }}总体思路"), encoding="utf-8")
    later = os.stat(path).st_mtime + 5
    os.utime(path, (later, later))
    second = templates.render_markup(templates.get("work_plan", (root,)), data)
    assert "一、指导思想" in first and "一、总体思路" in second and "指导思想\n" not in second
