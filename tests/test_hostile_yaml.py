"""Hostile fact sheets (issue 15, classes 6, 7, 8, 11, 15): bounded, located, Chinese, nothing written.

Every runaway case runs drafter in a subprocess with an address-space limit
and a timeout: before the loader, an alias bomb grew past 6.5 GB and deep
nesting crashed the interpreter.
"""
from __future__ import annotations

import os
import re
import string

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter import yamlio
from drafter.errors import InputError
from drafter.factsheet import parse_factsheet
from tests.conftest import EXAMPLES
from tests.hostile import assert_refused, is_chinese_message, run_bounded, snapshot

EXAMPLE = (EXAMPLES / "work_plan.yaml").read_text(encoding="utf-8")

BOMB = "template: work_plan\n" + "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))


def _sheet(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


@pytest.mark.parametrize("command", ["check", "render", "lint"])
@pytest.mark.parametrize("case", ["alias_bomb", "deep_flow", "deep_block", "self_alias"])
def test_runaway_structures_are_refused_within_bounds(tmp_path, command, case):
    content = {
        "alias_bomb": BOMB,
        "deep_flow": "template: work_plan\nx: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "deep_block": "template: work_plan\n" + "".join(" " * i + f"k{i}:\n" for i in range(1000)) + " " * 1000 + "v: 1\n",
        "self_alias": "template: work_plan\nx: &a [1, *a]\n",
    }[case]
    sheet = _sheet(tmp_path, "坏.yaml", content)
    out = tmp_path / "out"
    out.mkdir()
    args = (command, sheet) + (("-o", out / "r.docx") if command == "render" else ())
    r = run_bounded(*args, mem_mb=768, timeout=60)
    text = assert_refused(r, 1)
    assert re.search(r"坏\.yaml:\d+:\d+", text), text
    assert any(w in text for w in ("锚点", "嵌套")), text
    assert snapshot(out) == {}


@pytest.mark.parametrize("escape, ok", [("\\v", True), ("\\r", True), ("\\f", True), ("\\u2028", True),
                                        ("\\x1f", False), ("\\x00", False), ("\\ufffe", False), ("\\x7f", False),
                                        ("\\x85", True), ("\\ud800", False)])
def test_one_control_character_rule_in_check_and_render(tmp_path, escape, ok):
    """Line-break-like characters become a line break; every other control character is refused, in check and render alike."""
    content = EXAMPLE.replace("template: work_plan", "template: work_plan", 1)
    data = yaml.safe_load(EXAMPLE)
    assert "unit" in data
    content = re.sub(r"(?m)^(  name: )(.*)$", lambda m: f'{m.group(1)}"{m.group(2)}{escape}镇"', EXAMPLE, count=1)
    sheet = _sheet(tmp_path, "控制符.yaml", content)
    line = next(i for i, ln in enumerate(content.splitlines(), 1) if escape in ln)
    c = run_bounded("check", sheet)
    r = run_bounded("render", sheet, "-o", tmp_path / "r.md", "--format", "md")
    if ok:
        assert c.returncode == 0 or "控制字符" not in c.stdout + c.stderr
        assert r.returncode == 0, r.stderr
        md = (tmp_path / "r.md").read_text(encoding="utf-8")
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]", md)
    else:
        for res in (c, r):
            text = assert_refused(res, 1, f"控制符.yaml:{line}:")
            assert "不可见" in text or "转义" in text
        assert not (tmp_path / "r.md").exists()


@pytest.mark.parametrize("raw", ["\x1f", "\x00", "\x7f", "\u0085\x01"])
def test_raw_control_characters_are_located(tmp_path, raw):
    content = EXAMPLE.replace("\n", f"\n# 注释{raw}\n", 3)
    sheet = _sheet(tmp_path, "raw.yaml", content)
    for cmd in ("check", "render", "lint"):
        args = (cmd, sheet) + (("-o", tmp_path / "r.docx") if cmd == "render" else ())
        text = assert_refused(run_bounded(*args), 1)
        assert re.search(r"raw\.yaml:\d+:\d+", text)
    assert not (tmp_path / "r.docx").exists()


def test_vertical_tab_typed_raw_is_a_line_break(tmp_path):
    """Word's Shift+Enter (VT) pasted into a block scalar: the same line break as an escaped \\v."""
    loaded = yamlio.load_yaml("a: |\n  第一行\v第二行\n", "x.yaml")
    assert loaded.data == {"a": "第一行\n第二行\n"}
    assert yamlio.load_yaml('a: "第一行\\v第二行"', "x.yaml").data == {"a": "第一行\n第二行"}
    assert yamlio.load_yaml("a: 1\rb: 2\r", "x.yaml").data == {"a": 1, "b": 2}


@pytest.mark.parametrize("value", ["99999999999999999999999999999", "1" * 5000, ".nan", ".inf", "-.inf", ".NaN", "1.0e+400"])
def test_absurd_numbers_are_refused_where_they_are(tmp_path, value):
    content = EXAMPLE.rstrip("\n") + f"\nextra_number: {value}\n"
    sheet = _sheet(tmp_path, "数.yaml", content)
    line = len(content.rstrip("\n").split("\n"))
    for cmd in ("check", "render"):
        args = (cmd, sheet) + (("-o", tmp_path / "r.docx") if cmd == "render" else ())
        text = assert_refused(run_bounded(*args, timeout=60), 1, f"数.yaml:{line}:15")
        assert "数字" in text and "NaN" not in text
    assert not (tmp_path / "r.docx").exists()


@pytest.mark.parametrize("codec, name", [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"),
                                         ("utf-32", "UTF-32"), ("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32")])
def test_encodings_are_named_correctly(tmp_path, codec, name):
    sheet = _sheet(tmp_path, "编码.yaml", EXAMPLE.encode(codec))
    text = assert_refused(run_bounded("check", sheet), 1, f"编码.yaml:1:1: 文件是 {name} 编码")
    assert ("UTF-16" in text) == (name == "UTF-16")


def test_duplicate_keys_and_tabs_agree_between_check_render_and_lint(tmp_path):
    dup = _sheet(tmp_path, "dup.yaml", EXAMPLE + "template: work_plan\n")
    line = EXAMPLE.count("\n") + 1
    for cmd in ("check", "render"):
        args = (cmd, dup) + (("-o", tmp_path / "r.docx") if cmd == "render" else ())
        text = assert_refused(run_bounded(*args), 1, f"dup.yaml:{line}:1 template: 字段重复")
        assert "occurrence" not in text
    tab = _sheet(tmp_path, "tab.yaml", EXAMPLE.replace("template: work_plan", "template:\twork_plan"))
    verdicts = {cmd: run_bounded(cmd, tab, *(("-o", tmp_path / "t.md", "--format", "md") if cmd == "render" else ())).returncode
                for cmd in ("check", "render")}
    lint = run_bounded("lint", tab)
    assert verdicts == {"check": 0, "render": 0}, verdicts  # a tab after the colon is a separator (YAML 1.2, libyaml)
    assert "YAML" not in lint.stdout + lint.stderr
    indent = _sheet(tmp_path, "indent.yaml", EXAMPLE.replace("\n  name:", "\n\tname:", 1))
    for cmd in ("check", "render", "lint"):
        args = (cmd, indent) + (("-o", tmp_path / "i.docx") if cmd == "render" else ())
        assert_refused(run_bounded(*args), 1, "制表符")


@pytest.mark.parametrize("command", ["check", "render", "lint"])
@pytest.mark.parametrize("kind", ["fifo", "dev_zero", "dev_urandom", "folder", "too_big"])
def test_inputs_that_never_end_are_refused(tmp_path, command, kind):
    if kind == "fifo":
        path = tmp_path / "管道.yaml"
        os.mkfifo(path)
    elif kind == "folder":
        path = tmp_path / "目录.yaml"
        path.mkdir()
    elif kind == "too_big":
        path = tmp_path / "大.yaml"
        with open(path, "wb") as fh:
            fh.write(b"template: work_plan\n")
            fh.truncate(6 * 1024 * 1024)
    else:
        path = tmp_path / "dev.yaml"
        path.symlink_to("/dev/zero" if kind == "dev_zero" else "/dev/urandom")
    args = (command, path) + (("-o", tmp_path / "r.docx") if command == "render" else ())
    text = assert_refused(run_bounded(*args, mem_mb=768, timeout=30), 1, str(path))
    assert not (tmp_path / "r.docx").exists()
    assert any(w in text for w in ("不是普通文件", "文件夹", "太大", "不是文件")), text


def test_empty_document_and_scalars_say_what_they_are(tmp_path):
    for content, word in (("~\n", "空值"), ("42\n", "数字"), ("- a\n", "列表"), ("文字\n", "文字")):
        text = assert_refused(run_bounded("check", _sheet(tmp_path, "s.yaml", content)), 1, "s.yaml:1:1")
        assert word in text and "NoneType" not in text


# --- property-based: whatever the text, a located Chinese answer, never an exception --------------

_ALPHABET = st.sampled_from(list(":-[]{}&*!|>'\"#%@`?,\n\t ") + list("ab01.") + list("镇年报告") +
                            ["\x00", "\x0b", "\x1f", "\x7f", "\x85", "\u2028", "\ufeff", "\ufffe", "\r"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_any_text_gives_data_or_located_chinese_problems(text):
    sheet, problems = parse_factsheet("p.yaml", text)
    for p in problems:
        assert p.location.file == "p.yaml"
        assert p.location.line is None or p.location.line >= 1
        assert is_chinese_message(p.message), p.message
    if sheet is not None:
        assert isinstance(sheet.data, dict)
        _assert_clean(sheet.data)


def _assert_clean(value):
    if isinstance(value, dict):
        for k, v in value.items():
            _assert_clean(k)
            _assert_clean(v)
    elif isinstance(value, list):
        for v in value:
            _assert_clean(v)
    elif isinstance(value, str):
        assert not yamlio.LINE_BREAKS.search(value.replace("\r\n", "\n")) or "\r" not in value
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]", value), repr(value)
    elif isinstance(value, float):
        assert value == value and abs(value) <= yamlio.MAX_ABS_NUMBER


_scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-10**40, max_value=10**40),
                     st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12))
_trees = st.recursive(_scalars, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                       st.dictionaries(st.text(string.ascii_letters + "镇", min_size=1, max_size=5),
                                                                       kids, max_size=4)), max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(_trees)
def test_any_yaml_tree_loads_equal_or_is_refused_with_its_line(tree):
    text = yaml.safe_dump({"template": "work_plan", "x": tree}, allow_unicode=True)
    try:
        loaded = yamlio.load_yaml(text, "t.yaml")
    except InputError as exc:
        assert exc.problems and all(is_chinese_message(p.message) and (p.location.line or 0) >= 1 for p in exc.problems)
        return
    _assert_clean(loaded.data)
    assert loaded.positions[("x",)][0] >= 1


def test_loader_positions_and_locate():
    loaded = yamlio.load_yaml("a:\n  b:\n    - 1\n    - x: 2\n", "f.yaml")
    assert loaded.positions[("a", "b", 1, "x")] == (4, 10)
    assert loaded.key_positions[("a", "b", 1, "x")] == (4, 7)
    loc = loaded.locate(("a", "b", 1, "missing"))
    assert (loc.line, loc.col, loc.field) == (4, 7, "a.b[2].x.missing") or (loc.line, loc.col) == (4, 7)
