"""`pip install .` (not only -e) ships templates/ and phrasebank/: drafter works from any folder."""
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    wheels = list(out.glob("drafter-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_wheel_contains_templates_phrasebank_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("drafter/_bundled/templates/gov_work_report/template.md.j2",
                   "drafter/_bundled/templates/gov_work_report/schema.yaml",
                   "drafter/_bundled/templates/gov_work_report/example.yaml",
                   "drafter/_bundled/templates/_shared/macros.j2",
                   "drafter/_bundled/templates/_shared/schema/meeting.yaml",
                   "drafter/_bundled/phrasebank/README.md",
                   "drafter/data/style.yaml",
                   "drafter/data/eras.yaml"):
        assert needed in names, needed
    assert any(n.endswith("entry_points.txt") for n in names)


def test_installed_wheel_renders_from_another_folder(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    work = tmp_path / "clerk"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "PYTHONIOENCODING": "utf-8"}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "drafter", *map(str, args)], cwd=work, env=env,
                              capture_output=True, text=True, timeout=120)

    where = subprocess.run([sys.executable, "-c", "import drafter; print(drafter.__file__)"], cwd=work, env=env,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(target)), where
    assert "gov_work_report" in run("templates").stdout
    r = run("new", "gov_work_report", "-o", "sheet.yaml")
    assert r.returncode == 0, r.stderr
    schema_uri = (work / "sheet.yaml").read_text(encoding="utf-8").splitlines()[0].split("$schema=")[1]
    assert schema_uri.startswith(f"file://{target}")
    r = run("render", EXAMPLES / "gov_work_report.yaml", "-o", "out.docx")
    assert r.returncode == 0, r.stderr
    assert (work / "out.docx").stat().st_size > 10000
