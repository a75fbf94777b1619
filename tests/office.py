"""LibreOffice and PDF helpers for layout tests: one conversion per batch, pages read back with poppler."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
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


@dataclass(frozen=True)
class PdfLine:
    """One printed line as poppler reads it: page number, box in points, text."""

    page: int
    x0: float
    x1: float
    y0: float
    text: str


def pdf_lines(pdf: Path) -> list[PdfLine]:
    """Every line of a PDF with its box (pdftotext -bbox-layout)."""
    from xml.etree import ElementTree as ET

    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    root = ET.fromstring(re.sub(r'\sxmlns="[^"]+"', "", xml, count=1))
    out = []
    for n, page in enumerate(root.iter("page"), 1):
        for line in page.iter("line"):
            text = "".join(w.text or "" for w in line.iter("word"))
            out.append(PdfLine(n, float(line.get("xMin")), float(line.get("xMax")), float(line.get("yMin")), text))
    return out


MM = 72 / 25.4
TYPE_AREA = (28 * MM, (210 - 26) * MM, 37 * MM, (297 - 35) * MM)  # left, right, top, bottom in points
_FULL_WIDTH = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…]+")


def full_body_lines(lines: list[PdfLine]) -> list[PdfLine]:
    """Lines of body text that run from the left edge of the type area to its right edge, all full-width characters."""
    left, right = TYPE_AREA[0], TYPE_AREA[1]
    return [ln for ln in lines if abs(ln.x0 - left) < 3 and ln.x1 > right - 8 and _FULL_WIDTH.fullmatch(ln.text)]


def body_lines_per_page(lines: list[PdfLine]) -> dict[int, int]:
    """Printed lines inside the type area on each page (the footer's page number is below it)."""
    counts: dict[int, set] = {}
    for ln in lines:
        if ln.y0 < TYPE_AREA[3] - 5:
            counts.setdefault(ln.page, set()).add(round(ln.y0))
    return {p: len(ys) for p, ys in counts.items()}
