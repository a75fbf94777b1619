"""Every command the README shows works exactly as written, in a fresh copy of the project.

The README's ```bash blocks after the two opening commands (which CI itself runs:
install + render, and the test suite) are run line by line, in order, in a copy of
the tracked files, with `drafter` on PATH as after `source .venv/bin/activate`.
Commands that need a person (the full-screen phrase browser, the web page) are shown
in ```text blocks and not run.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)


def readme_commands() -> list[str]:
    blocks = [body for lang, body in FENCE.findall((ROOT / "README.md").read_text(encoding="utf-8")) if lang == "bash"]
    assert len(blocks) >= 3, "README: two opening commands, then the usage blocks"
    commands = []
    for block in blocks[2:]:
        for line in block.splitlines():
            command = re.sub(r"\s+#\s.*$", "", line).strip()
            if command and not command.startswith("#"):
                commands.append(command)
    return commands


def test_the_readme_opens_with_the_two_commands():
    blocks = [body.strip() for lang, body in FENCE.findall((ROOT / "README.md").read_text(encoding="utf-8"))]
    assert "pip install ." in blocks[0] and "drafter render examples/gov_work_report.yaml" in blocks[0]
    assert blocks[1].startswith("bash .ci/run")


def _tracked_copy(dest: Path) -> None:
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                           capture_output=True, check=True).stdout.decode("utf-8").split("\0")
    for name in filter(None, files):
        src = ROOT / name
        if src.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)


def test_every_readme_command_works_as_written(tmp_path):
    clone = tmp_path / "drafter"
    _tracked_copy(clone)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "PYTHONIOENCODING": "utf-8"}
    env.pop("DRAFTER_TEMPLATES", None)
    env.pop("DRAFTER_PHRASEBANK", None)
    for command in readme_commands():
        r = subprocess.run(["bash", "-c", command], cwd=clone, env=env, capture_output=True, text=True, timeout=600)
        assert r.returncode == 0, f"README 命令失败：{command}\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}"
        assert "Traceback" not in r.stderr, command
