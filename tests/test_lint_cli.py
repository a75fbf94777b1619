"""`python -m drafter lint` as a clerk runs it: files in, findings out, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "lint"


def drafter(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drafter", "lint", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[str, Path]:
    import docx

    root = tmp_path_factory.mktemp("drafts")
    bad = root / "稿件.txt"
    bad.write_text("XX镇2024年工作总结\n一年来,全镇增长-3%。\n2024年是“十三五”规划的开局之年。\n", encoding="utf-8")
    warn = root / "warn.md"
    warn.write_text("# 2024年工作总结\n\n**一年来**,全镇经济平稳运行。\n\n- 2025年01月05日召开会议。\n", encoding="utf-8")
    gbk = root / "gbk.txt"
    gbk.write_bytes("会议定于20xx年召开。\n".encode("gbk"))
    document = docx.Document()
    for text in ("2024年度工作总结", "一年来，全镇经济平稳运行。", "二、主要成绩", "力争到2020年建成文化广场。"):
        document.add_paragraph(text)
    word = root / "报告.docx"
    document.save(str(word))
    sheet = root / "事实表.yaml"
    sheet.write_text(
        "genre: gov_work_report\n"
        "period:\n  review: \"2023\"\n  plan: \"2024\"\n"
        "unit:\n  name: __镇\n  population: 40000\n"
        "review:\n  year_character: 经济稳中向好的一年\n"
        "  sections:\n"
        "    - heading: 坚持创新驱动,推进产业升级\n"
        "      facts:\n"
        "        - 扎实开展“三严三实”专题教育。\n"
        "        - |\n"
        "          第一行事实，内容完整。\n"
        "          第二行事实同比增长-2%。\n",
        encoding="utf-8")
    return {"bad": bad, "warn": warn, "gbk": gbk, "docx": word, "yaml": sheet, "root": root}


def test_error_findings_exit_1_and_print_file_line_rule(drafts):
    result = drafter(drafts["bad"])
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"{drafts['bad']}:1 placeholder: ") and " — " in line for line in lines)
    assert any(f"{drafts['bad']}:2 figure-contradiction:" in line for line in lines)
    assert any(f"{drafts['bad']}:3 stale-formula:" in line for line in lines)
    assert "错误" in result.stderr
    assert "Traceback" not in result.stderr


def test_json_output_parses(drafts):
    result = drafter(drafts["bad"], "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert {"file", "line", "rule", "severity", "message", "excerpt"} == set(data[0])
    assert "“" in result.stdout  # ensure_ascii=False
    assert {d["rule"] for d in data} >= {"placeholder", "figure-contradiction", "stale-formula", "punctuation"}


def test_warnings_only_exit_0_markdown_lines(drafts):
    result = drafter(drafts["warn"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{drafts['warn']}:3 punctuation:" in result.stdout
    assert f"{drafts['warn']}:5 date-format:" in result.stdout
    assert "**" not in result.stdout


def test_clean_file_exit_0(drafts):
    result = drafter(FIXTURES / "clean_2024.txt")
    assert result.returncode == 0 and result.stdout == ""
    assert "未发现问题" in result.stderr


def test_gbk_text_is_decoded(drafts):
    result = drafter(drafts["gbk"])
    assert result.returncode == 1 and "20xx" in result.stdout


def test_docx_paragraph_numbers(drafts):
    result = drafter(drafts["docx"], "--json")
    data = json.loads(result.stdout)
    by_rule = {d["rule"]: d["line"] for d in data}
    assert by_rule["numbering"] == 3  # 二、 without 一、
    assert by_rule["figure-contradiction"] == 4  # target 2020 < report year 2024 (from the title)
    assert result.returncode == 1


def test_yaml_fact_sheet_values_at_yaml_lines(drafts):
    result = drafter(drafts["yaml"], "--json")
    data = json.loads(result.stdout)
    got = {(d["rule"], d["line"]) for d in data}
    assert ("placeholder", 6) in got  # name: __镇
    assert ("punctuation", 11) in got  # heading with ASCII comma
    assert ("stale-formula", 13) in got  # 三严三实 in a 2023 fact sheet (period.review)
    assert ("figure-contradiction", 16) in got  # second line of the block scalar
    assert not any(d["rule"] in ("numbering", "genre-formula") for d in data)
    assert result.returncode == 1


def test_year_option_overrides(drafts, tmp_path):
    draft = tmp_path / "a.txt"
    draft.write_text("扎实开展“三严三实”专题教育。\n", encoding="utf-8")
    assert drafter(draft).returncode == 0  # no year known: relative cues are not judged
    assert drafter(draft, "--year", "2015").returncode == 0
    result = drafter(draft, "--year", "2024")
    assert result.returncode == 1 and "stale-formula" in result.stdout


@pytest.mark.parametrize("name,content,needle", [
    ("missing.txt", None, "文件不存在"),
    ("notes.pdf", b"%PDF-1.4", "不支持的文件类型"),
    ("binary.txt", b"\x00\x01\xff\xfe", "无法解码"),
    ("broken.docx", b"not a zip at all", "无法打开 Word 文档"),
    ("broken.yaml", "a: [1, 2\nb: x\n".encode(), "YAML 格式错误"),
])
def test_bad_input_is_a_chinese_message_naming_the_file(tmp_path, name, content, needle):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = drafter(path)
    assert result.returncode == 1
    assert needle in result.stderr and name in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_year_is_a_usage_error(drafts):
    result = drafter(drafts["bad"], "--year", "1800")
    assert result.returncode == 2 and "--year" in result.stderr


def test_good_files_still_linted_when_one_is_missing(drafts, tmp_path):
    result = drafter(drafts["warn"], tmp_path / "gone.md")
    assert result.returncode == 1
    assert "date-format" in result.stdout and "gone.md" in result.stderr
