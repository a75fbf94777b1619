"""Helpers for the hostile-input tests: run drafter bounded in memory and time, and judge its answer."""
from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from pathlib import Path

CJK = re.compile(r"[\u4e00-\u9fff]")


def run_bounded(*args, mem_mb: int = 1024, timeout: float = 60, cwd: Path | None = None,
                env: dict | None = None) -> subprocess.CompletedProcess:
    """`drafter ARGS` in a subprocess with RLIMIT_AS (a runaway dies instead of eating the machine) and a timeout."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (mem_mb * 1024 * 1024, mem_mb * 1024 * 1024))

    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    full_env.pop("DRAFTER_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "drafter", *map(str, args)], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout, preexec_fn=limit)


def assert_refused(r: subprocess.CompletedProcess, code: int = 1, *needles: str) -> str:
    """Exit `code`, a Chinese message on stderr or stdout, no traceback; returns the message text."""
    text = r.stdout + r.stderr
    assert r.returncode == code, (r.returncode, text[-2000:])
    assert "Traceback" not in text and "Error:" not in text, text[-2000:]
    assert CJK.search(text), text[-2000:]
    for needle in needles:
        assert needle in text, (needle, text[-2000:])
    return text


def is_chinese_message(message: str) -> bool:
    """A message a clerk can read: Chinese, no Python exception names, no English parser sentences."""
    return bool(CJK.search(message)) and not re.search(
        r"Traceback|Error\b|NoneType|found |expected |while (scanning|parsing)|occurrence|could not|is not", message)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its bytes (hidden ones too), to prove nothing was written or changed."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


from contextlib import contextmanager


@contextmanager
def read_only(folder: Path):
    """A folder nobody can create files in, for root too (root ignores modes: the immutable attribute binds it)."""
    if os.geteuid() != 0:
        os.chmod(folder, 0o555)
        try:
            yield
        finally:
            os.chmod(folder, 0o755)
        return
    subprocess.run(["chattr", "+i", str(folder)], check=True)
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
