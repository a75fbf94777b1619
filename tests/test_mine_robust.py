"""`mine -o` never loses or orphans a document (issue 15 class 4).

Two sources with the same name in different folders keep separate outputs; a
file that cannot be read is reported and skipped; an aborted run leaves neither
documents without an index.json nor anything else behind.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.errors import OutputExistsError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
A = CORPUS / "001_81379d43b9c3f319.txt"
B = CORPUS / "004_b2dc6615595ba439.txt"


def run(*args):
    return subprocess.run([sys.executable, "-m", "drafter", "mine", *map(str, args)],
                          capture_output=True, text=True, timeout=300)


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture()
def twins(tmp_path) -> Path:
    """Two different reports both called report.txt, in two folders."""
    for folder, src in (("甲镇", A), ("乙镇", B)):
        (tmp_path / "语料" / folder).mkdir(parents=True)
        (tmp_path / "语料" / folder / "report.txt").write_bytes(src.read_bytes())
    return tmp_path / "语料"


def test_same_name_in_two_folders_keeps_both(twins, tmp_path):
    out = tmp_path / "out"
    r = run(twins, "-o", out)
    assert r.returncode == 0, r.stderr
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    sources = {d["source"] for d in index["documents"]}
    assert sources == {"甲镇/report.txt", "乙镇/report.txt"}
    assert "镇人大工作情况汇报" in (out / "甲镇" / "report_01.txt").read_text(encoding="utf-8").split("\n")[0]
    assert "乡人大心得体会" in (out / "乙镇" / "report_01.txt").read_text(encoding="utf-8").split("\n")[0]
    written = [p for p in out.rglob("*.txt")]
    assert len(written) == len(index["documents"])


def test_same_name_given_as_two_file_arguments(twins, tmp_path):
    out = tmp_path / "out"
    r = run(twins / "甲镇" / "report.txt", twins / "乙镇" / "report.txt", "-o", out)
    assert r.returncode == 0, r.stderr
    sources = [d["source"] for d in json.loads((out / "index.json").read_text(encoding="utf-8"))["documents"]]
    assert len(set(s.split("#")[0] for s in sources)) == 2 and all(s.endswith("report.txt") for s in sources)
    assert len(list(out.rglob("report_01.txt"))) == 2


def test_unreadable_files_are_reported_and_skipped(tmp_path):
    corpus = tmp_path / "语料"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(A.read_bytes())
    os.mkfifo(corpus / "b_管道.txt")  # would hang a reader
    (corpus / "c_断链.txt").symlink_to(tmp_path / "nowhere.txt")
    out = tmp_path / "out"
    r = run(corpus, "-o", out)
    assert r.returncode == 0, r.stderr
    assert "b_管道.txt" in r.stderr and "c_断链.txt" in r.stderr and "已跳过" in r.stderr
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert {d["source"] for d in index["documents"]} == {"a.txt"}
    report = (out / "清洗报告.md").read_text(encoding="utf-8")
    assert "## b_管道.txt" in report and "无法读取" in report


def test_an_abort_while_mining_leaves_nothing(tmp_path, monkeypatch):
    import drafter.mine.mapreduce as mapreduce
    from drafter.app.mine import mine

    real = mapreduce.mine_bytes

    def failing(data, source, *a, **k):
        if source.startswith("003"):
            raise KeyboardInterrupt  # Ctrl-C in the middle of the corpus
        return real(data, source, *a, **k)

    monkeypatch.setattr(mapreduce, "mine_bytes", failing)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        mine([CORPUS], output=out)
    assert not out.exists()  # created by the run, removed with its staging folder
    out.mkdir()
    (out / "keep.txt").write_text("旧文件\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        mine([CORPUS], output=out)
    assert tree(out) == {"keep.txt": "旧文件\n".encode()}


def test_an_existing_target_stops_the_run_before_any_write(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "001_81379d43b9c3f319_01.txt").write_text("别人的文件\n", encoding="utf-8")
    r = run(A, B, "-o", out)
    assert r.returncode == 1 and "--force" in r.stderr and "Traceback" not in r.stderr
    assert tree(out) == {"001_81379d43b9c3f319_01.txt": "别人的文件\n".encode()}


def test_a_failing_publish_is_rolled_back(tmp_path, monkeypatch):
    from drafter.app.mine import mine

    out = tmp_path / "out"
    mine([A], output=out)
    before = tree(out)
    real = os.replace
    calls = {"n": 0}

    def flaky(src, dst):
        if Path(dst).parent == out and not Path(src).name.startswith(".old-"):
            calls["n"] += 1
            if calls["n"] == 3:
                raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(OSError):
        mine([A, B], output=out, force=True)
    monkeypatch.setattr(os, "replace", real)
    assert tree(out) == before  # the earlier run's documents and index, untouched
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_no_clobber_without_force_names_the_files(tmp_path):
    from drafter.app.mine import mine

    out = tmp_path / "out"
    mine([A], output=out)
    with pytest.raises(OutputExistsError) as exc:
        mine([A], output=out)
    assert "--force" in exc.value.message


def test_sigterm_and_kill_leave_no_orphans(tmp_path):
    import signal
    import time

    out = tmp_path / "out"
    big = tmp_path / "语料"
    big.mkdir()
    for k in range(12):
        (big / f"r{k:02d}.txt").write_bytes((CORPUS / "002_b041b87a843ba271.txt").read_bytes())
    proc = subprocess.Popen([sys.executable, "-m", "drafter", "mine", str(big), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and not any(out.glob(".drafter-mine-*/r00_01.txt")):
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    assert proc.returncode != 0
    assert not out.exists() or list(out.iterdir()) == []
    # kill -9 cannot be caught: the next run removes what the killed one left
    out.mkdir(exist_ok=True)
    stale = out / ".drafter-mine-999999999-x.tmp"
    stale.mkdir()
    (stale / "r00_01.txt").write_text("半截\n", encoding="utf-8")
    r = run(A, "-o", out)
    assert r.returncode == 0, r.stderr
    assert not stale.exists() and (out / "index.json").exists()
