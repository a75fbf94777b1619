"""Shared helpers: run the CLI as a user would, and the bundled example."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# Every run of the suite starts with drafter's caches empty (drafter/cache.py and the Jinja
# bytecode cache live under XDG_CACHE_HOME): what a test sees never depends on an earlier run.
if "DRAFTER_TEST_CACHE" not in os.environ:
    import atexit
    import shutil
    import tempfile

    os.environ["DRAFTER_TEST_CACHE"] = os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="drafter-test-cache-")
    atexit.register(shutil.rmtree, os.environ["DRAFTER_TEST_CACHE"], True)


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    """`drafter ARGS…` in a fresh process; stdout/stderr as text."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "drafter", *map(str, args)],
        cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout,
    )


def render_sheets(sheets: dict, folder: Path, *args: str) -> dict:
    """Render each fact sheet into `folder` under its default name, as a clerk would; key → .docx path."""
    import re

    out = {}
    for key, sheet in sheets.items():
        r = run_cli("render", sheet, "-o", str(folder) + "/", *args)
        assert r.returncode == 0, r.stderr + r.stdout
        out[key] = folder / re.search(r"已生成：.*/([^/\n]+\.docx)", r.stderr).group(1)
    return out


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def example_path() -> Path:
    return EXAMPLES / "gov_work_report.yaml"


@pytest.fixture
def example_data(example_path):
    import yaml

    return yaml.safe_load(example_path.read_text(encoding="utf-8"))
