"""Every example and variant as printed: LibreOffice's PDF of drafter's .docx, read back line by line.

28 characters a full line, 22 lines a full page, titles in a 梯形/菱形 shape
broken between words, the signature on the page of the last lines of text.
"""
from __future__ import annotations

import collections
import re

import pytest

from drafter import render
from drafter.writers import WriteOptions, get
from tests.conftest import EXAMPLES
from tests.office import (TYPE_AREA, body_lines_per_page, full_body_lines, needs_office, page_count, pdf_lines,
                          to_pdf)

pytestmark = [needs_office, pytest.mark.layout]

SHEETS = sorted(EXAMPLES.glob("*.yaml"))
# long titles and bylines no example has: the sheet, the fields to change, the unit
LONG = {
    "work_plan_long_subject": ("work_plan.yaml", {"subject": "农村人居环境整治提升和美丽乡村建设"}),
    "integrity_long_body": ("integrity_duty_report.yaml", {}),
}


def _report(sheet, changes=None):
    checked = render.load(sheet)
    for key, value in (changes or {}).items():
        checked.sheet.data[key] = value
    return render.build_report(checked), checked.sheet.data["unit"]["name"]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """{name: (report, pdf lines, page count)} for every example plus the long-title variants, one LibreOffice run."""
    tmp = tmp_path_factory.mktemp("writer_layout")
    reports = {}
    for sheet in SHEETS:
        reports[sheet.stem] = _report(sheet)
    for name, (sheet, changes) in LONG.items():
        reports[name] = _report(EXAMPLES / sheet, changes)
    docs = []
    for name, (report, unit) in reports.items():
        path = tmp / f"{name}.docx"
        path.write_bytes(get("docx").write(report, WriteOptions(author=unit)))
        docs.append(path)
    pdfs = to_pdf(docs, tmp)
    return {d.stem: (reports[d.stem][0], pdf_lines(pdfs[d]), page_count(pdfs[d])) for d in docs}


@pytest.mark.parametrize("name", [s.stem for s in SHEETS])
def test_a_full_line_holds_28_characters(printed, name):
    _, lines, _ = printed[name]
    full = full_body_lines(lines)
    assert len(full) >= 10, name
    counts = collections.Counter(len(ln.text) for ln in full)
    assert counts.most_common(1)[0][0] == 28, counts
    assert counts[28] >= 0.85 * len(full), counts
    for ln in full:
        # shorter where the next word is a number or a line may not end on an opening bracket;
        # 29 only with a hanging closing punctuation mark
        assert 26 <= len(ln.text) <= 29, ln
        if len(ln.text) == 29:
            assert ln.text[-1] in "，。、；：！？”’）》", ln


@pytest.mark.parametrize("name", [s.stem for s in SHEETS])
def test_a_full_page_holds_22_lines_inside_the_type_area(printed, name):
    _, lines, pages = printed[name]
    per_page = body_lines_per_page(lines)
    middle = [per_page[p] for p in range(2, pages)]
    assert middle and max(middle) == 22, per_page
    # a page may end a line or two short where a heading keeps with its text
    assert min(middle) >= 20, per_page
    top, bottom = TYPE_AREA[2], TYPE_AREA[3]
    assert all(top - 4 < ln.y0 for ln in lines if ln.y0 < bottom), "text above the type area"


@pytest.mark.parametrize("name", [s.stem for s in SHEETS])
def test_signature_is_on_the_page_of_the_last_lines_of_text(printed, name):
    report, lines, pages = printed[name]
    from drafter.report import Signature

    sig = [b for b in report.blocks if isinstance(b, Signature)]
    if not sig:
        # a speech to a meeting is signed by its byline (speaker under the title), not at the end
        assert report.byline and not any(isinstance(b, Signature) for b in report.blocks), name
        return
    date = sig[-1].lines[-1].replace("\u3000", "")
    first_issuer = sig[-1].lines[0]
    rows: dict[tuple[int, int], list] = {}
    for ln in lines:  # poppler splits a line at a wide gap (the blank day of a date): join by baseline
        rows.setdefault((ln.page, round(ln.y0)), []).append(ln)
    flat = [(page, re.sub(r"\s", "", "".join(x.text for x in sorted(row, key=lambda x: x.x0))))
            for (page, _), row in rows.items()]
    date_pages = [p for p, t in flat if t == date]
    issuer_pages = [p for p, t in flat if t == first_issuer]
    assert date_pages and issuer_pages, (date, first_issuer)
    assert date_pages[-1] == issuer_pages[-1] == pages, "signature not on the last page"
    body = [ln for ln in lines if ln.page == pages and ln.y0 < TYPE_AREA[3] - 5
            and re.sub(r"\s", "", ln.text) not in (date, *sig[-1].lines)]
    assert body, f"{name}: the signature sits alone on page {pages}"


def _title_lines(lines):
    """Lines of the title block on page 1 (22 pt, above the first body line)."""
    first = [ln for ln in lines if ln.page == 1]
    return [ln.text for ln in first if (ln.x0 + ln.x1) / 2 == pytest.approx(297.6, abs=6) and ln.y0 < 200]


@pytest.mark.parametrize("name", list(LONG))
def test_long_titles_break_into_a_trapezoid_between_words(printed, name):
    report, lines, _ = printed[name]
    title = "".join(report.title)
    shown = [re.sub(r"\s", "", t) for t in _title_lines(lines)]
    joined = "".join(shown)
    assert joined.startswith(title), (shown, title)
    k = 0
    title_lines = []
    for s in shown:
        if k >= len(title):
            break
        title_lines.append(s)
        k += len(s)
    assert len(title_lines) >= 2, title_lines
    widths = [len(t) for t in title_lines]
    if len(widths) == 2:
        assert widths[0] <= widths[1], f"inverted trapezoid {title_lines}"
    else:
        assert widths[1] >= max(widths[0], widths[2]) or widths == sorted(widths), title_lines
    for a, b in zip(title_lines, title_lines[1:]):
        for word in ("美丽乡村", "人居环境", "领导班子", "述职报告", "党风廉政", "工作要点"):
            if word in title:
                assert not (a.endswith(word[:1]) and b.startswith(word[1:])), (a, b)
                for cut in range(1, len(word)):
                    assert not (a.endswith(word[:cut]) and b.startswith(word[cut:])), f"{word} broken: {a} / {b}"


@pytest.mark.parametrize("name", ["gov_work_report", "congress_work_report", "gov_work_report_half"])
def test_byline_never_leaves_a_short_tail(printed, name):
    report, lines, _ = printed[name]
    speech = report.byline[0]
    first_page = [re.sub(r"\s", "", ln.text) for ln in lines if ln.page == 1 and ln.y0 < 260]
    start = next(i for i, t in enumerate(first_page) if t.startswith("——"))
    got, i = "", start
    parts = []
    while len(got) < len(speech):
        got += first_page[i]
        parts.append(first_page[i])
        i += 1
    assert got == speech, (parts, speech)
    assert all(len(p) >= 4 for p in parts), parts
    assert "会议上" not in parts


def test_page_counts_do_not_leave_a_page_with_only_the_date(printed):
    for name, (report, lines, pages) in printed.items():
        last = [ln for ln in lines if ln.page == pages and ln.y0 < TYPE_AREA[3] - 5]
        assert len(last) >= 3, f"{name}: last page holds only {[ln.text for ln in last]}"
