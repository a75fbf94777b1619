"""`drafter phrases` full-screen browser, driven through tmux; non-terminal refusal."""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

needs_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None and not os.environ.get("CI"),
    reason="tmux 未安装（CI 上会安装并运行这些测试）",
)


class Session:
    def __init__(self, tmp: Path, args: str):
        self.name = f"drafter-pb-{uuid.uuid4().hex[:10]}"
        self.out, self.err, self.rc = tmp / "OUT", tmp / "ERR", tmp / "RC"
        cmd = (
            f"cd {shlex.quote(str(ROOT))} && {shlex.quote(sys.executable)} -m drafter phrases {args}"
            f" > {shlex.quote(str(self.out))} 2> {shlex.quote(str(self.err))}; echo $? > {shlex.quote(str(self.rc))}"
        )
        env = dict(os.environ, TERM="xterm-256color")
        env.pop("TMUX", None)
        subprocess.run(["tmux", "-L", self.name, "new-session", "-d", "-s", self.name, "-x", "120", "-y", "40", cmd],
                       check=True, env=env, timeout=10)

    def tmux(self, *args: str) -> str:
        r = subprocess.run(["tmux", "-L", self.name, *args], capture_output=True, text=True, timeout=10)
        return r.stdout

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_screen(self, pred, timeout: float = 10.0) -> str:
        end = time.monotonic() + timeout
        while True:
            s = self.screen()
            if pred(s):
                return s
            if time.monotonic() > end:
                raise AssertionError(f"屏幕未出现预期内容：\n{s}")
            time.sleep(0.1)

    def wait_exit(self, timeout: float = 10.0) -> int:
        end = time.monotonic() + timeout
        while not (self.rc.exists() and self.rc.read_text().strip()):
            if time.monotonic() > end:
                raise AssertionError(f"浏览器未退出：\n{self.screen()}")
            time.sleep(0.1)
        return int(self.rc.read_text())

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.name, "kill-server"], capture_output=True, timeout=10)


@pytest.fixture
def session(tmp_path):
    made = []

    def start(args: str = "") -> Session:
        s = Session(tmp_path, args)
        made.append(s)
        s.wait_screen(lambda sc: "检索>" in sc)
        return s

    yield start
    for s in made:
        s.close()


def _rows(screen: str) -> list[str]:
    return [ln for ln in screen.splitlines() if ln.lstrip("> ").startswith("[")]


@needs_tmux
def test_pinyin_query_tab_and_enter(session):
    s = session()
    s.keys("qxrs")
    screen = s.wait_screen(lambda sc: "共 3 条" in sc and "[shortcomings/" in sc)
    assert "角色：全部" in screen
    rows = _rows(screen)
    assert rows and all("清醒" in r for r in rows)
    assert rows[0].startswith("> ")
    s.keys("Tab")
    s.wait_screen(lambda sc: "角色：开头 opening" in sc)
    s.keys("BTab")
    s.wait_screen(lambda sc: "角色：全部" in sc and "共 3 条" in sc)
    s.keys("Down")
    s.wait_screen(lambda sc: _rows(sc)[1].startswith("> "))
    s.keys("Enter")
    assert s.wait_exit() == 0
    out = s.out.read_text(encoding="utf-8")
    assert out.count("\n") == 1 and "清醒地认识到" in out


@needs_tmux
def test_chinese_query_role_option_and_preview(session):
    s = session("--role thanks")
    s.wait_screen(lambda sc: "角色：感谢 thanks" in sc)
    s.keys("衷心的感谢", literal=True)
    screen = s.wait_screen(lambda sc: "[thanks/" in sc and "出处：" in sc)
    assert all(r.lstrip("> ").startswith("[thanks/") for r in _rows(screen))
    assert "次数：" in screen and ".txt:" in screen
    s.keys("Enter")
    assert s.wait_exit() == 0
    assert "感谢" in s.out.read_text(encoding="utf-8")


@needs_tmux
def test_escape_prints_nothing(session):
    s = session()
    s.keys("qxrs")
    s.wait_screen(lambda sc: "[shortcomings/" in sc)
    s.keys("Escape")
    assert s.wait_exit() == 1
    assert s.out.read_text(encoding="utf-8") == ""


@needs_tmux
def test_into_offers_only_fitting_phrases_filled_for_the_sheet(session, tmp_path):
    """--into shows what fits the field, filled in for this sheet, and writes it in place (comments kept)."""
    sheet = tmp_path / "2025年报告.yaml"
    original = (ROOT / "examples" / "gov_work_report.yaml").read_text(encoding="utf-8")
    assert "\n  lead:" not in original.split("shortcomings:", 1)[1].split("\nplan:", 1)[0]
    sheet.write_text(original, encoding="utf-8")
    s = session(f"--into {shlex.quote(str(sheet))}:shortcomings.lead")
    s.keys("qxrs")
    s.wait_screen(lambda sc: "[shortcomings/" in sc)
    s.keys("Enter")
    assert s.wait_exit() == 0, s.err.read_text(encoding="utf-8")
    chosen = s.out.read_text(encoding="utf-8").strip()
    assert chosen and "{" not in chosen and "镇" in chosen  # slots filled from the sheet
    new = sheet.read_text(encoding="utf-8")
    added = f'  lead: "{chosen}"\n'
    assert added in new
    assert new.replace(added, "", 1) == original


def test_into_refuses_a_field_nothing_fits(tmp_path):
    sheet = tmp_path / "s.yaml"
    sheet.write_text((ROOT / "examples" / "gov_work_report.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "drafter", "phrases", "--into", f"{sheet}:review.indicators"],
                       stdin=subprocess.DEVNULL, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.returncode == 1 and "review.indicators" in r.stderr and "Traceback" not in r.stderr


def test_not_a_terminal_exit_2():
    r = subprocess.run([sys.executable, "-m", "drafter", "phrases"], stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.returncode == 2
    assert "drafter phrases search" in r.stderr and r.stdout == ""


def test_into_errors_before_browsing(tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "drafter", "phrases", *args], stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, cwd=ROOT, timeout=60)

    r = run("--into", f"{tmp_path / '无此文件.yaml'}:a.b")
    assert r.returncode == 1 and "无此文件.yaml" in r.stderr
    sheet = tmp_path / "s.yaml"
    sheet.write_text("a:\n  b: 1\n", encoding="utf-8")
    r = run("--into", f"{sheet}:a.b")
    assert r.returncode == 1 and "s.yaml" in r.stderr and "a.b" in r.stderr
    r = run("--role", "nope")
    assert r.returncode == 2


def test_search_subcommand_still_works():
    r = subprocess.run([sys.executable, "-m", "drafter", "phrases", "search", "qxrs", "-n", "2"],
                       capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.returncode == 0 and "清醒" in r.stdout
