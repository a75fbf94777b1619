"""Hostile unit templates, schemas, meta and bank (issue 15 class 10, issue 10 item 5): located TemplateErrors, budgets."""
from __future__ import annotations

import os
import re
import shutil
import time

import pytest

from drafter import templates, yamlio
from drafter.errors import TemplateError
from tests.conftest import EXAMPLES, ROOT
from tests.hostile import assert_refused, run_bounded, snapshot


@pytest.fixture
def unit(tmp_path):
    """A unit's template folder `wp` (a self-contained copy of work_plan) and a fact sheet for it."""
    units = tmp_path / "units"
    shutil.copytree(ROOT / "templates" / "work_plan", units / "wp")
    shutil.copytree(ROOT / "templates" / "_shared", units / "_shared")
    schema = units / "wp" / "schema.yaml"
    schema.write_text(schema.read_text(encoding="utf-8").replace("const: work_plan", "const: wp"), encoding="utf-8")
    sheet = tmp_path / "sheet.yaml"
    sheet.write_text((EXAMPLES / "work_plan.yaml").read_text(encoding="utf-8").replace("template: work_plan", "template: wp"),
                     encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    return units, sheet, out


def _render(unit, *extra, timeout=60, mem_mb=1024):
    units, sheet, out = unit
    return run_bounded("render", sheet, "-o", out / "r.md", "--format", "md", *extra,
                       env={"DRAFTER_TEMPLATES": str(units)}, timeout=timeout, mem_mb=mem_mb)


def test_the_unit_copy_renders(unit):
    r = _render(unit)
    assert r.returncode == 0, r.stderr
    assert "工作要点" in (unit[2] / "r.md").read_text(encoding="utf-8")


HOSTILE_TEMPLATES = {
    "range": ("{% for i in range(10**9) %}x{% endfor %}", "范围过大"),
    "include_outside": ('{% include "../../../etc/passwd" %}', "不存在"),
    "include_absolute": ('{% include "/etc/passwd" %}', "不存在"),
    "include_missing": ('{% include "无此文件.j2" %}', "不存在"),
    "recursive_macro": ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "递归"),
    "recursive_include": ('{% include "template.md.j2" %}', "递归"),
    "division_by_zero": ("{{ 1/0 }}", "除以零"),
    "modulo_zero": ("{{ 5 % 0 }}", "除以零"),
    "string_times": ('{{ "x" * 1000000000 }}', "过大"),
    "list_times": ("{{ [1] * 1000000000 }}", "过大"),
    "center": ('{{ "x"|center(1000000000) }}', "过大"),
    "format_width": ('{{ "%999999999s" % "x" }}', "过大"),
    "method_width": ('{{ "x".ljust(1000000000) }}', "过大"),
    "output_flood": ("{% for i in range(99999) %}{% for j in range(999) %}xxxxxxxxxx{% endfor %}{% endfor %}", "输出超过"),
    "power": ("{{ 10 ** 100000000 }}", "过大"),
    "syntax": ("{% for %}", "语法错误"),
    "type_error": ("{{ 1 + 'a' }}", "渲染失败"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_TEMPLATES))
def test_hostile_template_is_a_located_template_error(unit, case):
    source, words = HOSTILE_TEMPLATES[case]
    (unit[0] / "wp" / "template.md.j2").write_text(source, encoding="utf-8")
    text = assert_refused(_render(unit, mem_mb=768), 1, words)
    assert re.search(r"wp(/template\.md\.j2( 第 \d+ 行|:\d+))?:", text), text
    assert snapshot(unit[2]) == {}


def test_a_loop_that_calls_nothing_stops_at_the_time_budget(unit):
    (unit[0] / "wp" / "template.md.j2").write_text(
        "{% set xs = range(3000)|list %}{% for a in xs %}{% for b in xs %}{% for c in xs %}{% endfor %}{% endfor %}{% endfor %}",
        encoding="utf-8")
    t0 = time.monotonic()
    text = assert_refused(_render(unit, timeout=90), 1, "超过")
    assert time.monotonic() - t0 < templates.RENDER_SECONDS + 30
    assert "秒" in text


@pytest.mark.parametrize("target", ["/dev/zero", "/etc/passwd"])
def test_symlinked_template_sources_outside_are_refused(unit, target):
    os.symlink(target, unit[0] / "wp" / "z.j2")
    (unit[0] / "wp" / "template.md.j2").write_text('{% include "z.j2" %}', encoding="utf-8")
    assert_refused(_render(unit, timeout=30, mem_mb=768), 1, "z.j2")


@pytest.mark.parametrize("ref, words", [("/etc/passwd", "之内"), ("../../../../dev/zero", "之内"), ("../../x.yaml", "之内"),
                                        ("../_shared/schema/无.yaml", "不存在"), ("self.yaml", "循环")])
def test_schema_refs_stay_inside_the_template_folders(unit, ref, words):
    wp = unit[0] / "wp"
    (wp / "schema.yaml").write_text(f"type: object\nproperties:\n  a:\n    $ref: {ref}\n", encoding="utf-8")
    (wp / "self.yaml").write_text("$ref: self.yaml\n", encoding="utf-8")
    os.symlink("/dev/zero", unit[0] / "_shared" / "zero.yaml")
    for cmd in ("check", "render"):
        args = (cmd, unit[1]) + (("-o", unit[2] / "r.md", "--format", "md") if cmd == "render" else ())
        text = assert_refused(run_bounded(*args, env={"DRAFTER_TEMPLATES": str(unit[0])}, timeout=30, mem_mb=768), 1, words)
        assert "schema.yaml" in text or "self.yaml" in text or "无.yaml" in text
    assert snapshot(unit[2]) == {}


def test_a_dev_zero_schema_fragment_inside_the_folder_is_refused(unit):
    os.symlink("/dev/zero", unit[0] / "_shared" / "zero.yaml")
    (unit[0] / "wp" / "schema.yaml").write_text("type: object\nproperties:\n  a:\n    $ref: ../_shared/zero.yaml\n", encoding="utf-8")
    text = assert_refused(run_bounded("check", unit[1], env={"DRAFTER_TEMPLATES": str(unit[0])}, timeout=30, mem_mb=768), 1,
                          "zero.yaml")
    assert "之内" in text or "不是普通文件" in text


@pytest.mark.parametrize("schema, line", [("type: 5\n", 1), ("type: object\nproperties:\n  a:\n    minimum: 零\n", 4),
                                          ("type: object\nrequired: 甲\n", 2), ("- 列表\n", 1)])
def test_an_invalid_schema_is_located(unit, schema, line):
    (unit[0] / "wp" / "schema.yaml").write_text(schema, encoding="utf-8")
    text = assert_refused(run_bounded("check", unit[1], env={"DRAFTER_TEMPLATES": str(unit[0])}), 1, f"schema.yaml:{line}:")
    assert "schema" in text


META_CASES = {
    "typo": ("nmae: 工作要点\n", "nmae: 未知字段，是不是“name”？"),
    "name_list": ("name: [甲, 乙]\n", "name: 应为文字，现在是列表"),
    "sources_text": ("name: x\nsources: corpus/a.txt\n", "sources: 应为文字列表"),
    "formula_role_missing": ("name: x\nformulas:\n  opening:\n    shape: ^现在\n", "formulas.opening: 缺少必填字段 role"),
    "formula_typo": ("name: x\nformulas:\n  opening:\n    role: opening\n    shpae: ^现在\n", "formulas.opening.shpae: 未知字段"),
    "bad_regex": ("name: x\nformulas:\n  opening:\n    role: opening\n    shape: '(('\n", "不是有效的正则表达式"),
    "top_list": ("- a\n", "顶层应为"),
    "duplicate": ("name: a\nname: b\n", "字段重复"),
    "yaml_error": ("name: [a\n", "YAML 语法错误"),
}


@pytest.mark.parametrize("case", sorted(META_CASES))
def test_meta_problems_are_located_and_the_shipped_templates_still_work(unit, case):
    content, words = META_CASES[case]
    (unit[0] / "wp" / "meta.yaml").write_text(content, encoding="utf-8")
    env = {"DRAFTER_TEMPLATES": str(unit[0])}
    listed = run_bounded("templates", env=env)
    assert listed.returncode == 0 and "gov_work_report" in listed.stdout and "work_plan" in listed.stdout
    assert re.search(r"meta\.yaml:\d+:\d+", listed.stderr) and words in listed.stderr, listed.stderr
    text = assert_refused(run_bounded("check", unit[1], env=env), 1, words)
    assert "meta.yaml:" in text
    shipped = run_bounded("render", EXAMPLES / "gov_work_report.yaml", "-o", unit[2] / "g.md", "--format", "md", env=env)
    assert shipped.returncode == 0, shipped.stderr


def test_meta_validation_in_process_is_typed():
    loaded = yamlio.load_yaml("name: x\noutput_name: 5\n", "m.yaml", error=TemplateError)
    from drafter.template_meta import validate_meta

    with pytest.raises(TemplateError) as ei:
        validate_meta(loaded)
    assert str(ei.value.problems[0]) == "m.yaml:2:1 output_name: 应为文字，现在是数字"
    for tid in templates.available():  # every shipped meta passes
        assert templates.get(tid).meta["name"]


@pytest.mark.parametrize("content, words", [
    ("- text: 现在\n  count: 很多\n", ":2:3 [1].count: 类型不对"),
    ("- 只是文字\n", ":1:3 [1]: 每条常用语应为映射"),
    ("text: 现在\n", "顶层应为列表"),
    ("- role: opening\n", ":1:3 [1]: 缺少 text"),
    ("- text: 现在\n  genres: [1, 2]\n", "[1].genres[1]: 列表中的每一项都应为文字"),
])
def test_a_bank_entry_of_the_wrong_type_is_located(tmp_path, content, words):
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "opening.yaml").write_text(content, encoding="utf-8")
    text = assert_refused(run_bounded("phrases", "search", "现在", "--bank", bank), 1, words)
    assert "opening.yaml" in text
