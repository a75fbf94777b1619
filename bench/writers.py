"""Per writer: in-process write time for every example; per example: the printed layout (LibreOffice PDF).

    python bench/writers.py            # times only
    python bench/writers.py --layout   # plus characters per full line, lines per page and pages, from the PDF

Prints figures; asserts nothing (tests/test_writer_layout.py holds the assertions).
"""
from __future__ import annotations

import collections
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter import render  # noqa: E402
from drafter.writers import WriteOptions, get  # noqa: E402


def main() -> None:
    sheets = sorted((ROOT / "examples").glob("*.yaml"))
    reports = {}
    for sheet in sheets:
        checked = render.load(sheet)
        reports[sheet.stem] = (render.build_report(checked), checked.sheet.data["unit"]["name"])
    print("writer  median ms per example (5 rounds, after one warm-up)")
    for name in ("docx", "html", "md", "txt"):
        writer = get(name)
        times = []
        for report, unit in reports.values():
            writer.write(report, WriteOptions(author=unit))
            for _ in range(5):
                t = time.perf_counter()
                writer.write(report, WriteOptions(author=unit))
                times.append((time.perf_counter() - t) * 1000)
        print(f"{name:6}  {statistics.median(times):7.1f}")
    if "--layout" not in sys.argv:
        return
    from tests.office import body_lines_per_page, full_body_lines, page_count, pdf_lines, to_pdf

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docs = []
        for stem, (report, unit) in reports.items():
            path = folder / f"{stem}.docx"
            path.write_bytes(get("docx").write(report, WriteOptions(author=unit)))
            docs.append(path)
        pdfs = to_pdf(docs, folder)
        print(f"\n{'example':32} {'chars/full line (count)':28} {'lines per page':36} pages")
        for doc in docs:
            lines = pdf_lines(pdfs[doc])
            chars = collections.Counter(len(x.text) for x in full_body_lines(lines))
            per_page = body_lines_per_page(lines)
            shown = ", ".join(f"{k}×{v}" for k, v in sorted(chars.items(), key=lambda kv: -kv[1]))
            print(f"{doc.stem:32} {shown:28} {str(list(per_page.values())):36} {page_count(pdfs[doc])}")


if __name__ == "__main__":
    main()
