"""The drafting commands end to end, run as a clerk would run them."""
import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run_cli


def _no_traceback(r):
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout


def test_templates_lists_ids_with_a_line_each():
    r = run_cli("templates")
    assert r.returncode == 0
    line = [ln for ln in r.stdout.splitlines() if ln.startswith("gov_work_report")]
    assert line and "乡镇政府工作报告" in line[0]


def test_help_is_chinese():
    r = run_cli("--help")
    assert r.returncode == 0 and "事实表" in r.stdout
    r = run_cli("render", "--help")
    assert "覆盖" in r.stdout


def test_schema_prints_json_schema():
    r = run_cli("schema", "gov_work_report")
    assert r.returncode == 0
    schema = json.loads(r.stdout)
    assert schema["properties"]["template"]["const"] == "gov_work_report"
    assert "$ref" not in r.stdout  # shared fragments are inlined
    assert schema["properties"]["meeting"]["required"] == ["term", "session", "date"]


def test_unknown_template_is_a_usage_error():
    r = run_cli("schema", "gov_work_reprot")
    assert r.returncode == 2 and "gov_work_report" in r.stderr
    _no_traceback(r)


def test_new_writes_a_commented_fact_sheet_that_checks_and_renders(tmp_path):
    target = tmp_path / "2025年政府工作报告.yaml"
    r = run_cli("new", "gov_work_report", "-o", target)
    assert r.returncode == 0, r.stderr
    text = target.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=file://") and first.endswith("schema.json")
    schema_file = first.split("$schema=file://")[1]
    assert json.loads(open(schema_file, encoding="utf-8").read())["title"]
    assert "# 乡镇全称" in text and "# 会议日期" in text
    # every key line has a comment line above it, or is a later list item
    assert run_cli("check", target).returncode == 0
    r = run_cli("render", target)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "青溪镇2025年政府工作报告.docx").is_file()


def test_new_refuses_to_overwrite(tmp_path):
    target = tmp_path / "a.yaml"
    target.write_text("我的数据\n", encoding="utf-8")
    r = run_cli("new", "gov_work_report", "-o", target)
    assert r.returncode == 1 and "--force" in r.stderr
    assert target.read_text(encoding="utf-8") == "我的数据\n"
    assert run_cli("new", "gov_work_report", "-o", target, "--force").returncode == 0
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_check_example_is_clean(example_path):
    r = run_cli("check", example_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == ""


BAD = {
    "malformed.yaml": ("template: gov_work_report\nunit: [青溪镇\n", ":3:1: YAML 语法错误"),
    "tab.yaml": ("template: gov_work_report\nunit:\n\tname: 青溪镇\n", ":3:1: YAML 语法错误：用了制表符"),
    "python_tag.yaml": ("template: !!python/object/apply:os.system [\"echo pwned\"]\n", ":1:11: 不允许的 YAML 标签 !!python/object/apply:os.system"),
    "empty.yaml": ("", ":1:1: 文件是空的"),
    "comments_only.yaml": ("# 只有注释\n", ":1:1: 文件是空的"),
    "list.yaml": ("- template: gov_work_report\n", ":1:1: 顶层应为“字段: 值”的映射，现在是列表"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_check_and_render_bad_yaml(tmp_path, name):
    content, expected = BAD[name]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    for cmd in ("check", "render"):
        r = run_cli(cmd, path)
        assert r.returncode == 1, (cmd, r.stdout, r.stderr)
        assert f"{path}{expected}" in r.stdout + r.stderr
        _no_traceback(r)
    assert list(tmp_path.iterdir()) == [path]  # no output written


def test_gbk_file_gets_an_encoding_message(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("template: gov_work_report\nunit:\n  name: 青溪镇\n".encode("gbk"))
    r = run_cli("check", path)
    assert r.returncode == 1 and f"{path}:3:9: 文件看起来是 GBK/GB18030 编码" in r.stdout
    _no_traceback(r)


def _edited(example_path, tmp_path, old, new, name="edited.yaml"):
    text = example_path.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path, needle):
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


def test_check_reports_every_problem_at_once_with_locations(example_path, tmp_path):
    text = example_path.read_text(encoding="utf-8")
    text = text.replace("  term: 18", "  term: 十八")                   # wrong type
    text = text.replace("  post: 镇长\n", "  post: 镇长\n  pots: 镇长\n")  # unknown field, near 'post'
    text = text.replace("  session: 5\n", "")                           # missing required
    text = text.replace("previous_session:", "unit:\n  name: 重复镇\nprevious_session:")  # duplicate key
    text = text.replace("  type: annual", "  type: yearly")            # enum
    path = tmp_path / "many.yaml"
    path.write_text(text, encoding="utf-8")
    r = run_cli("check", path)
    assert r.returncode == 1
    out = r.stdout
    lines = out.splitlines()
    assert f"{path}:{_line_of(path, 'term: 十八')}:3 meeting.term: 类型不对：应为整数，现在是文字" in lines
    assert f"{path}:{_line_of(path, 'pots:')}:3 speaker.pots: 未知字段，是不是“post”？" in lines
    assert any(ln.startswith(f"{path}:{_line_of(path, 'meeting:')}:1 meeting.session: 缺少必填字段") for ln in lines)
    dup_line = [i for i, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if ln == "unit:"][1]
    assert f"{path}:{dup_line}:1 unit: 字段重复（第 {_line_of(path, 'unit:')} 行已写过），YAML 只会保留后一个，请删去或合并其中一个" in lines
    assert any(":3 period.type: 取值“yearly”无效，应为：annual" in ln for ln in lines)
    assert "共 5 个问题" in r.stderr
    # render refuses with the same list and writes nothing
    r = run_cli("render", path)
    assert r.returncode == 1 and "meeting.term" in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.yaml"]


def test_nested_list_items_are_located_and_numbered_from_one(example_path, tmp_path):
    path = _edited(example_path, tmp_path, "      change: 9.2\n", "      change: 九点二\n")
    r = run_cli("check", path)
    assert f"{path}:{_line_of(path, 'change: 九点二')}:7 review.indicators[2].change: 类型不对：应为数字" in r.stdout


def test_render_default_name_next_to_the_fact_sheet(example_path, tmp_path):
    sheet = tmp_path / "sheet.yaml"
    shutil.copy(example_path, sheet)
    r = run_cli("render", sheet, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = tmp_path / "青溪镇2025年政府工作报告.docx"
    assert out.is_file() and out.stat().st_size > 10000
    assert str(out.name) in r.stderr


def test_render_never_overwrites_without_force(example_path, tmp_path):
    out = tmp_path / "r.docx"
    out.write_bytes(b"precious")
    r = run_cli("render", example_path, "-o", out)
    assert r.returncode == 1 and "--force" in r.stderr
    assert out.read_bytes() == b"precious"
    _no_traceback(r)
    r = run_cli("render", example_path, "-o", out, "--force")
    assert r.returncode == 0 and out.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]  # no temp files left


def test_render_several_into_a_folder_and_all_or_nothing(example_path, tmp_path):
    a = _edited(example_path, tmp_path, "name: 青溪镇", "name: 甲镇", "a.yaml")
    b = _edited(example_path, tmp_path, "name: 青溪镇", "name: 乙镇", "b.yaml")
    outdir = tmp_path / "out"
    outdir.mkdir()
    r = run_cli("render", a, b, "-o", outdir, "--format", "md")
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in outdir.iterdir()) == ["乙镇2025年政府工作报告.md", "甲镇2025年政府工作报告.md"]
    # one bad sheet: nothing written at all
    bad = _edited(example_path, tmp_path, "  term: 18", "  term: x", "bad.yaml")
    out2 = tmp_path / "out2"
    out2.mkdir()
    r = run_cli("render", a, bad, "-o", out2)
    assert r.returncode == 1 and "bad.yaml" in r.stderr and "meeting.term" in r.stderr
    assert list(out2.iterdir()) == []
    # two sheets naming the same output: usage error, nothing written
    r = run_cli("render", a, a, "-o", out2)
    assert r.returncode == 2 and list(out2.iterdir()) == []


def test_render_creates_missing_output_folders(example_path, tmp_path):
    """-o names a file in a missing folder, a missing folder (trailing /), or a folder for several sheets."""
    r = run_cli("render", example_path, "-o", tmp_path / "no" / "such" / "r.docx")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "no" / "such" / "r.docx").is_file()
    r = run_cli("render", example_path, "-o", str(tmp_path / "新文件夹") + "/")
    assert r.returncode == 0, r.stderr
    assert [p.name for p in (tmp_path / "新文件夹").iterdir()] == ["青溪镇2025年政府工作报告.docx"]
    assert not (tmp_path / "新文件夹.docx").exists()
    term = EXAMPLES / "gov_work_report_term.yaml"
    r = run_cli("render", example_path, term, "-o", tmp_path / "输出文件夹")
    assert r.returncode == 0, r.stderr
    assert len(list((tmp_path / "输出文件夹").iterdir())) == 2


def test_render_refused_batch_creates_no_folder(example_path, tmp_path):
    r = run_cli("render", example_path, tmp_path / "missing.yaml", "-o", str(tmp_path / "out") + "/")
    assert r.returncode == 1 and not (tmp_path / "out").exists()


def test_render_usage_errors(example_path, tmp_path):
    (tmp_path / "file").write_text("x")
    r = run_cli("render", example_path, example_path, "-o", tmp_path / "file")
    assert r.returncode == 2 and "文件夹" in r.stderr
    (tmp_path / "file").unlink()
    r = run_cli("render", example_path, "--format", "rtf", "-o", tmp_path / "x.rtf")
    assert r.returncode == 2 and "docx" in r.stderr
    r = run_cli("render", example_path, "--format", "md", "-o", tmp_path / "x.docx")
    assert r.returncode == 2
    r = run_cli("render", tmp_path / "missing.yaml", "-o", tmp_path / "x.docx")
    assert r.returncode == 1 and "文件不存在" in r.stderr
    r = run_cli("render")
    assert r.returncode == 2
    for res in (r,):
        _no_traceback(res)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_render_md_and_txt(example_path, tmp_path, fmt):
    out = tmp_path / f"r.{fmt}"
    r = run_cli("render", example_path, "--format", fmt, "-o", out)
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    assert "各位代表：" in text and "而努力奋斗！" in text and "（一）以发展为先" in text
    if fmt == "md":
        from drafter.markup import parse_markup

        report = parse_markup(text)  # the Markdown output reads back as the same report
        assert report.title == ["政府工作报告"] and len(report.byline) == 2
    else:
        assert "\u3000\u3000现在，我代表镇人民政府，向大会报告2024年政府工作" in text


def test_write_is_atomic_when_the_rename_fails(tmp_path, monkeypatch):
    from drafter import fileio

    target = tmp_path / "r.docx"
    target.write_bytes(b"old")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(fileio.os, "replace", boom)
    with pytest.raises(OSError):
        fileio.write_atomic(target, b"new content", force=True)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]


def test_render_check_and_new_never_import_jieba(example_path, tmp_path):
    for args in (("render", example_path, "-o", tmp_path / "r.docx"), ("check", example_path),
                 ("new", "gov_work_report", "-o", tmp_path / "n.yaml")):
        r = run_cli(*args, env={"PYTHONPROFILEIMPORTTIME": "1"})
        assert r.returncode == 0, r.stderr
        assert "import time" in r.stderr  # the probe works
        assert "jieba" not in r.stderr, args


@pytest.mark.parametrize("args,expect", [
    (("render", "--nope"), "没有这个选项：--nope"),
    (("render",), "缺少参数：事实表…"),
    (("render", "examples/gov_work_report.yaml", "--variant", "abc"), "参数 --variant 的值无效：应为整数"),
    (("render", "examples/gov_work_report.yaml", "--variant", "-1"), "--variant 应为 0 或正整数"),
    (("phrases", "search"), "缺少参数：检索词"),
    (("lint",), "缺少参数：文稿…"),
])
def test_usage_errors_are_chinese_exit_2_and_no_traceback(args, expect, tmp_path):
    r = run_cli(*args, cwd=Path(__file__).resolve().parent.parent)
    assert r.returncode == 2, r.stderr
    assert expect in r.stderr and "Traceback" not in r.stderr and "Error:" not in r.stderr


def test_the_command_table_names_each_commands_module():
    """A run registers only its command's module (drafter.cli.COMMANDS): the table must match the modules."""
    import importlib

    import typer

    from drafter import cli

    found = {}
    for module in cli.MODULES:
        app = typer.Typer()
        importlib.import_module(f"drafter.{module}").register(app)
        for name in [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]:
            found[name] = module
    assert found == cli.COMMANDS
    # every command still runs from its own registration, and help lists them all
    r = run_cli("--help")
    assert all(name in r.stdout for name in cli.COMMANDS)
    for name in ("formats", "phrases", "lint"):
        r = run_cli(name, "--help")
        assert r.returncode == 0 and "用法" in r.stdout, (name, r.stderr)
    r = run_cli("no-such-command")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def _columns(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@pytest.mark.parametrize("command", ["", "templates", "new", "schema", "check", "render", "formats", "fonts", "import",
                                     "mine", "suggest", "lint", "serve", "phrases", "phrases search"])
def test_help_is_wholly_chinese_and_fits_an_80_column_window(command):
    import re

    r = run_cli(*command.split(), "--help", env={"COLUMNS": "80"})
    assert r.returncode == 0, r.stderr
    english = re.findall(r"\b(?:Usage|Options|Arguments|Commands|Show this|default:|PATH|TEXT|INTEGER|FLOAT|FILE|"
                         r"COMMAND|ARGS|DIRECTORY|BOOLEAN)\b", r.stdout)
    assert not english, english
    assert all(_columns(line) <= 80 for line in r.stdout.splitlines()), r.stdout
    # the option texts start in one column, whatever the width of a Chinese metavar before them
    section = r.stdout.split("选项：\n", 1)[1].split("\n\n", 1)[0].splitlines()
    starts = set()
    for line in section:
        m = re.match(r"^(  \S.*?)  +(\S)", line)
        if m:
            starts.add(_columns(line[:m.start(2)]))
        else:
            starts.add(_columns(line) - _columns(line.lstrip()))  # a wrapped continuation line
    assert len(starts) == 1, r.stdout
