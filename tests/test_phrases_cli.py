"""phrases CLI as a subprocess; the shipped bank is current; no jieba on the search path."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_search_json_parses():
    r = _run("-m", "drafter", "phrases", "search", "审议", "--json", "-n", "3")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert 1 <= len(rows) <= 3
    for key in ("text", "role", "function", "genres", "count", "sources", "keywords", "pinyin", "score"):
        assert key in rows[0]
    assert any("审议" in row["text"] for row in rows)


def test_search_text_output_and_role():
    r = _run("-m", "drafter", "phrases", "search", "感谢", "--role", "thanks")
    assert r.returncode == 0, r.stderr
    assert "[thanks/" in r.stdout and "出处：" in r.stdout


def test_bad_role_and_genre_exit_2():
    r = _run("-m", "drafter", "phrases", "search", "审议", "--role", "nope")
    assert r.returncode == 2 and "未知的角色" in r.stderr
    r = _run("-m", "drafter", "phrases", "search", "审议", "--genre", "nope")
    assert r.returncode == 2 and "未知的文种" in r.stderr


def test_search_never_imports_jieba():
    r = _run("-X", "importtime", "-m", "drafter", "phrases", "search", "审议")
    assert r.returncode == 0, r.stderr
    assert "jieba" not in r.stderr


def test_shipped_bank_is_current_and_no_clobber(tmp_path):
    r = _run("-m", "drafter", "mine", "corpus/", "--phrasebank", str(tmp_path))
    assert r.returncode == 0, r.stderr
    shipped = ROOT / "phrasebank"
    made = sorted(p.name for p in tmp_path.glob("*.yaml"))
    assert made == sorted(p.name for p in shipped.glob("*.yaml"))
    for name in made:
        assert (tmp_path / name).read_bytes() == (shipped / name).read_bytes(), (
            f"{name} 已过期：请运行 drafter mine corpus/ --phrasebank phrasebank/ --force")
    r = _run("-m", "drafter", "mine", "corpus/", "--phrasebank", str(tmp_path))
    assert r.returncode == 1 and "已存在" in r.stderr


def test_suggest_lists_candidates_for_a_formula_field():
    r = _run("-m", "drafter", "suggest", "examples/gov_work_report.yaml", "shortcomings.lead", "--json", "-n", "5")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert rows and all(row["role"] == "shortcomings" and row["function"] == "过渡" for row in rows)
    assert "gov_work_report" in rows[0]["genres"]
    r = _run("-m", "drafter", "suggest", "examples/gov_work_report.yaml", "closing.appeal")
    assert r.returncode == 0 and "出处：" in r.stdout
    # an object is no place for a phrase: the same fit rules as phrases --into
    r = _run("-m", "drafter", "suggest", "examples/gov_work_report.yaml", "closing")
    assert r.returncode == 2 and "不是可套用常用语的字段" in r.stderr and "Traceback" not in r.stderr


def test_suggest_bad_field_and_missing_file():
    r = _run("-m", "drafter", "suggest", "examples/gov_work_report.yaml", "nope")
    assert r.returncode == 2 and "不是可套用常用语的字段" in r.stderr
    r = _run("-m", "drafter", "suggest", "no_such_file.yaml", "closing")
    assert r.returncode == 1 and "不存在" in r.stderr
