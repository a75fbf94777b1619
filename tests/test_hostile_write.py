"""Writing under hostile conditions (issue 15, classes 1, 2, 5, 9, 14): all or nothing, no clobber, umask, Chinese OS errors."""
from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys

import pytest

from drafter import fileio
from drafter.errors import DrafterError, InputError, OutputExistsError
from tests.conftest import EXAMPLES
from tests.hostile import CJK, assert_refused, read_only, run_bounded, snapshot

EXAMPLE = (EXAMPLES / "work_plan.yaml").read_text(encoding="utf-8")


def _sheet_named(folder, stem: str, output: str | None = None):
    folder.mkdir(parents=True, exist_ok=True)
    text = EXAMPLE if output is None else EXAMPLE.rstrip("\n") + f"\noutput: {output}\n"
    path = folder / f"{stem}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- class 1: half-written batches ---------------------------------------------------

def test_a_name_too_long_in_a_batch_writes_nothing(tmp_path):
    out = tmp_path / "输出"
    out.mkdir()
    a = _sheet_named(tmp_path / "in", "a", "第一份报告")
    b = _sheet_named(tmp_path / "in", "b", "很" * 100)  # 300 bytes: longer than any file system allows
    r = run_bounded("render", a, b, "-o", out)
    text = assert_refused(r, 1, "文件名太长")
    assert "很很很" in text
    assert snapshot(out) == {}


def test_a_read_only_subfolder_in_a_batch_writes_nothing(tmp_path):
    a = _sheet_named(tmp_path / "甲", "a", "甲报告")
    b = _sheet_named(tmp_path / "乙", "b", "乙报告")
    with read_only(tmp_path / "乙"):
        r = run_bounded("render", a, b)
    text = assert_refused(r, 1, str(tmp_path / "乙"))
    assert "权限" in text
    assert sorted(p.name for p in (tmp_path / "甲").iterdir()) == ["a.yaml"]
    assert sorted(p.name for p in (tmp_path / "乙").iterdir()) == ["b.yaml"]


def test_a_failure_after_the_first_publish_rolls_the_batch_back(tmp_path, monkeypatch):
    old = tmp_path / "旧.md"
    old.write_bytes(b"old")
    jobs = [(tmp_path / "新.md", b"one"), (old, b"two"), (tmp_path / "三.md", b"three")]
    real_link = os.link
    calls = []

    def failing_link(src, dst, *a, **k):
        calls.append(dst)
        if str(dst).endswith("三.md"):
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        return real_link(src, dst, *a, **k)

    monkeypatch.setattr(fileio.os, "link", failing_link)
    with pytest.raises(InputError) as ei:
        fileio.publish_all(jobs, force=True)
    assert "磁盘空间不足" in ei.value.message and "三.md" in ei.value.message and "撤回" in ei.value.message
    assert snapshot(tmp_path) == {"旧.md": b"old"}  # the new file removed, the replaced one restored, no temp left


def test_no_space_is_found_before_writing(tmp_path, monkeypatch):
    class Tiny:
        f_bavail, f_frsize = 10, 4096

    monkeypatch.setattr(fileio.os, "statvfs", lambda p: Tiny())
    with pytest.raises(DrafterError) as ei:
        fileio.publish_all([(tmp_path / "a.docx", b"x" * 10), (tmp_path / "b.docx", b"x" * 100_000)], force=False)
    assert "磁盘空间不足" in "\n".join(ei.value.lines())
    assert snapshot(tmp_path) == {}


# --- class 2: no clobber --------------------------------------------------------------

def test_a_file_that_appears_between_check_and_publish_is_not_replaced(tmp_path, monkeypatch):
    target = tmp_path / "报告.docx"
    real = fileio._write_temp

    def racing_write(*args):
        tmp = real(*args)
        target.write_bytes(b"the other run's report")  # a concurrent run publishes first
        return tmp

    monkeypatch.setattr(fileio, "_write_temp", racing_write)
    with pytest.raises(OutputExistsError):
        fileio.publish_all([(target, b"mine")], force=False)
    assert snapshot(tmp_path) == {"报告.docx": b"the other run's report"}


def test_existing_output_is_kept_without_force_and_replaced_with_force(tmp_path):
    out = tmp_path / "r.md"
    out.write_bytes(b"keep")
    sheet = _sheet_named(tmp_path / "in", "a")
    assert_refused(run_bounded("render", sheet, "-o", out, "--format", "md"), 1, "已存在")
    assert out.read_bytes() == b"keep"
    assert run_bounded("render", sheet, "-o", out, "--format", "md", "--force").returncode == 0
    assert out.read_bytes() != b"keep" and snapshot(tmp_path).keys() == {"r.md", "in/a.yaml"}


# --- class 5: modes and interrupted writes ---------------------------------------------------

@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_outputs_follow_the_umask(tmp_path, umask, mode):
    sheet = _sheet_named(tmp_path / "in", "a")
    out = tmp_path / "r.docx"
    r = subprocess.run([sys.executable, "-c", f"import os,sys; os.umask({umask}); sys.argv=['drafter','render',{str(sheet)!r},'-o',{str(out)!r}];"
                        "from drafter.cli import main; main()"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(out.stat().st_mode) == mode


def test_sigterm_while_publishing_leaves_nothing(tmp_path, monkeypatch):
    real = fileio._write_temp
    count = []

    def write_then_terminated(*args):
        tmp = real(*args)
        count.append(tmp)
        if len(count) == 2:
            os.kill(os.getpid(), signal.SIGTERM)
        return tmp

    monkeypatch.setattr(fileio, "_write_temp", write_then_terminated)
    with pytest.raises(SystemExit) as ei:
        fileio.publish_all([(tmp_path / "a.md", b"a"), (tmp_path / "b.md", b"b"), (tmp_path / "c.md", b"c")])
    assert ei.value.code == 143
    assert snapshot(tmp_path) == {}
    assert signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, signal.default_int_handler) or callable(signal.getsignal(signal.SIGTERM))


def test_a_killed_runs_temp_files_are_cleaned_by_the_next_run(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".drafter-{dead.pid}-abcdef.tmp"
    stale.write_bytes(b"half")
    alive = tmp_path / f".drafter-{os.getpid()}-abcdef.tmp"  # a running writer's temp is left alone
    alive.write_bytes(b"busy")
    old_style = tmp_path / ".r.md.abc12345.tmp"
    old_style.write_bytes(b"old")
    os.utime(old_style, (1, 1))
    sheet = _sheet_named(tmp_path / "in", "a")
    assert run_bounded("render", sheet, "-o", tmp_path / "r.md", "--format", "md").returncode == 0
    assert not stale.exists() and not old_style.exists() and alive.exists()


# --- class 9: OS errors and long names ------------------------------------------------------

@pytest.mark.parametrize("chars", [71, 80])
def test_long_cjk_names_work(tmp_path, chars):
    sheet = _sheet_named(tmp_path / "in", "a", "报" * chars)
    (tmp_path / "out").mkdir()
    r = run_bounded("render", sheet, "-o", str(tmp_path / "out") + "/")
    assert r.returncode == 0, r.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["报" * chars + ".docx"]


def test_read_only_output_folder_is_a_chinese_message(tmp_path):
    sheet = _sheet_named(tmp_path, "a")
    out = tmp_path / "out"
    out.mkdir()
    with read_only(out):
        text = assert_refused(run_bounded("render", sheet, "-o", out / "r.docx"), 1, str(out))
    assert "权限" in text
    assert list(out.iterdir()) == []


def test_unreadable_unit_template_folder_leaves_the_shipped_ones(tmp_path, monkeypatch):
    from pathlib import Path

    from drafter import templates

    units = tmp_path / "units"
    shutil.copytree(EXAMPLES.parent / "templates" / "work_plan", units / "wp")
    real = Path.iterdir

    def denied(self):
        if self == units:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", denied)
    monkeypatch.setenv("DRAFTER_TEMPLATES", str(units))
    templates._scan.cache_clear()
    try:
        assert "gov_work_report" in templates.available() and "wp" not in templates.available()
        message = templates.broken()[str(units)].message
        assert str(units) in message and "没有权限" in message
    finally:
        templates._scan.cache_clear()


def test_os_messages_name_the_path():
    msg = fileio.os_message(OSError(errno.ENOSPC, "No space", "/x/报告.docx"), None, "无法写入")
    assert msg == "/x/报告.docx: 无法写入（磁盘空间不足）"
    assert "文件名太长" in fileio.os_message(OSError(errno.ENAMETOOLONG, "x"), "/y")


def test_rewrite_in_place_failure_keeps_the_original(tmp_path, monkeypatch):
    p = tmp_path / "a.yaml"
    p.write_bytes(b"old")
    monkeypatch.setattr(fileio.os, "replace", lambda a, b: (_ for _ in ()).throw(OSError(errno.EROFS, "ro", str(b))))
    with pytest.raises(InputError) as ei:
        fileio.rewrite_in_place(p, b"new")
    assert "只读" in ei.value.message and str(p) in ei.value.message
    assert snapshot(tmp_path) == {"a.yaml": b"old"}


# --- class 14: consoles --------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["ascii", "gbk", "latin-1"])
def test_no_console_encoding_crashes(tmp_path, encoding):
    odd = tmp_path / "😀\u2028报告.yaml"
    env = {"PYTHONIOENCODING": encoding}
    for args, code in ((("check", odd), 1), (("templates",), 0), (("check", EXAMPLES / "work_plan.yaml"), 0),
                       (("phrases", "search", "经济", "--json"), 0)):
        r = subprocess.run([sys.executable, "-m", "drafter", *map(str, args)], capture_output=True, timeout=120,
                           env={**os.environ, **env})
        err = r.stderr.decode(encoding, errors="replace")
        assert r.returncode == code, (args, err)
        assert "UnicodeEncodeError" not in err and "Traceback" not in err
