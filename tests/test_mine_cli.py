"""`drafter mine` run as a user would: a subprocess, checking files and exit codes."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "drafter", "mine", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_json_on_stdout_only(tmp_path):
    r = run(CORPUS, "--json")
    assert r.returncode == 0, r.stderr
    index = json.loads(r.stdout)
    docs = index["documents"]
    # the seed files hold 31 documents; devset_*.txt are excerpts of development reports added for their wording
    assert len([d for d in docs if not d["source"].startswith("devset_")]) == 31
    first = docs[0]
    assert set(first) >= {"source", "index", "start_line", "end_line", "title", "genre", "sections", "outline"}
    assert first["source"] == "000_441add6261705b5f.txt" and first["start_line"] == 1
    assert all(s["start_line"] <= s["end_line"] for d in docs for s in d["sections"])


def test_output_folder_and_no_clobber(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    r = run(CORPUS / "001_81379d43b9c3f319.txt", "-o", out)
    assert r.returncode == 0, r.stderr
    assert (out / "index.json").exists()
    assert (out / "001_81379d43b9c3f319_01.txt").read_text(encoding="utf-8").startswith("{单位}镇人大工作情况汇报")
    report = (out / "清洗报告.md").read_text(encoding="utf-8")
    assert "strip_ruby" in report and "despin" in report
    again = run(CORPUS / "001_81379d43b9c3f319.txt", "-o", out)
    assert again.returncode == 1 and "--force" in again.stderr
    forced = run(CORPUS / "001_81379d43b9c3f319.txt", "-o", out, "--force")
    assert forced.returncode == 0


def test_missing_path_is_usage_error(tmp_path):
    r = run(tmp_path / "nope.txt")
    assert r.returncode == 2
    assert "nope.txt" in r.stderr and "不存在" in r.stderr and "Traceback" not in r.stderr


def test_empty_binary_and_gbk_files(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(bytes(range(256)) * 10)
    text = "各位代表：\n现在，我代表镇人民政府，向大会报告工作，请予审议。\n2024年工作回顾\n一年来，我们认真贯彻上级部署，各项工作取得新成效。\n"
    (tmp_path / "c_gbk.txt").write_bytes(text.encode("gbk"))
    r = run(tmp_path, "--json")
    assert r.returncode == 0, r.stderr
    docs = json.loads(r.stdout)["documents"]
    assert [d["source"] for d in docs] == ["c_gbk.txt"] and docs[0]["genre"] == "gov_work_report"
    assert "a_empty.txt" in r.stderr and "b_binary.txt" in r.stderr
