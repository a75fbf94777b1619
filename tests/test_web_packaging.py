"""`pip install .` ships every asset of the page: the installed server serves them, nothing from the network."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.web_helpers import ROOT

STATIC = ROOT / "drafter" / "web" / "static"


def referenced_assets() -> set[str]:
    """/static/… paths the page loads: from index.html, then the JS modules' imports, transitively."""
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    found = set(re.findall(r'(?:src|href)="(/static/[^"]+)"', html))
    todo = [p for p in found if p.endswith(".js")]
    while todo:
        path = todo.pop()
        js = (STATIC / path.removeprefix("/static/")).read_text(encoding="utf-8")
        for rel in re.findall(r'from "\./([^"]+)"', js):
            full = str(Path(path).parent / rel)
            if full not in found:
                found.add(full)
                todo.append(full)
    return found


def test_no_asset_comes_from_the_network():
    for f in STATIC.rglob("*"):
        if f.is_file():
            text = f.read_text(encoding="utf-8")
            urls = [u for u in re.findall(r"https?://[^\s\"')]+", text) if "www.w3.org/2000/svg" not in u]
            assert not urls, (f, urls)
    assets = referenced_assets()
    assert {"/static/style.css", "/static/js/main.js", "/static/js/form.js", "/static/js/editor.js"} <= assets


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    (wheel,) = out.glob("drafter-*.whl")
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    return target


def test_installed_wheel_serves_every_asset(installed, tmp_path):
    work = tmp_path / "clerk"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(installed), "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen([sys.executable, "-m", "drafter", "serve", "--no-browser"], cwd=work, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        m = re.search(r"(http://127\.0\.0\.1:\d+)/\?token=[\w-]+", line)
        assert m, line
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with opener.open(m.group(0), timeout=20) as resp:
            assert resp.status == 200
        for asset in sorted(referenced_assets()):
            with opener.open(m.group(1) + asset, timeout=20) as resp:
                assert resp.status == 200, asset
                assert resp.read() == (STATIC / asset.removeprefix("/static/")).read_bytes(), asset
        where = subprocess.run([sys.executable, "-c", "import drafter.web, sys; print(drafter.web.__file__)"], cwd=work,
                               env=env, capture_output=True, text=True, check=True).stdout
        assert where.startswith(str(installed)), where
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=20)
    assert proc.returncode == 0
