"""LibreOffice and PDF helpers for layout tests: one conversion per batch, pages read back with poppler."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

needs_office = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")) and not os.environ.get("CI"),
    reason="LibreOffice/poppler not installed (CI installs them and never skips)",
)


def to_pdf(docs: list[Path], outdir: Path) -> dict[Path, Path]:
    """Convert .docx files with one headless LibreOffice run (a private profile); docx → its PDF."""
    profile = outdir / "lo-profile"
    res = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), *map(str, docs)],
        capture_output=True, text=True, timeout=300,
    )
    assert res.returncode == 0, res.stderr
    return {Path(d): outdir / (Path(d).stem + ".pdf") for d in docs}


def page_count(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", Path(pdf).read_bytes()))


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page as poppler lays it out."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1]
