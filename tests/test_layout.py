"""Layout as printed: the example converted by LibreOffice, read back from the PDF."""
import re
import subprocess

import pytest

from tests.conftest import EXAMPLES, run_cli
from tests.office import needs_office, pdf_pages, to_pdf



@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("layout")
    docx = tmp / "report.docx"
    r = run_cli("render", EXAMPLES / "gov_work_report.yaml", "-o", docx)
    assert r.returncode == 0, r.stderr
    return to_pdf([docx], tmp)[docx]


@needs_office
def test_page_size_and_count(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 6
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)


@needs_office
def test_full_pages_hold_22_lines_and_a_page_number(pdf):
    pages = pdf_pages(pdf)
    full = pages[1:-1]
    assert full
    counts = []
    for n, page in enumerate(full, 2):
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        number = [ln for ln in lines if re.fullmatch(r"—\s*\d+\s*—", ln)]
        assert [re.sub(r"\s+", "", x) for x in number] == [f"—{n}—"], (n, number)
        body = [ln for ln in lines if ln not in number]
        counts.append(len(body))
    # the grid holds 22 lines; a page may end one short where a heading keeps with its text
    assert max(counts) == 22, counts
    assert sum(c == 22 for c in counts) >= len(counts) / 2, counts
    assert min(counts) >= 20, counts


@needs_office
def test_page_numbers_alternate_sides(pdf):
    pages = pdf_pages(pdf)
    for n, page in enumerate(pages[:4], 1):
        line = [ln for ln in page.splitlines() if re.search(r"—\s*\d+\s*—", ln)][0]
        indent = len(line) - len(line.lstrip())
        if n % 2:
            assert indent > 20, (n, line)  # odd: right
        else:
            assert indent < 10, (n, line)  # even: left


@needs_office
def test_headings_in_order(pdf):
    text = re.sub(r"\s+", "", "".join(pdf_pages(pdf)))
    order = ["政府工作报告", "各位代表：", "2024年工作回顾", "（一）以发展为先", "（六）以效能为本", "在肯定成绩的同时",
             "2025年工作安排", "一、坚持创新驱动", "五、坚持依法管理", "谢谢大家！"]
    pos = [text.find(h) for h in order]
    assert all(p >= 0 for p in pos), dict(zip(order, pos))
    assert pos == sorted(pos)


@needs_office
def test_a_full_body_line_holds_28_characters(pdf):
    """GB/T 9704: 28 characters a line filling the type area (27 before the condensed spacing)."""
    from collections import Counter

    from tests.office import full_body_lines, pdf_lines

    counts = Counter(len(ln.text) for ln in full_body_lines(pdf_lines(pdf)))
    assert counts.most_common(1)[0][0] == 28 and counts[27] <= 2, counts
