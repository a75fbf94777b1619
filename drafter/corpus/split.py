"""Splitting a cleaned file into documents.

Boundaries come from the corpus markers (篇一, 第一篇, …范文N, …感悟一) and,
where there is no marker, from content: a second opening formula
(现将…报告如下, 向大会报告…) after a document has already opened.  Chrome,
stray repeated titles and footnote marks between documents belong to no
document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Line
from ..gongwen import cues

CN_NUM = "一二三四五六七八九十"
_MARKER = re.compile(
    rf"^[【\[]?(?P<m>篇[{CN_NUM}]+|篇\s*\d{{1,2}}|第[{CN_NUM}]+篇)[】\]]?[：:\s]*(?P<rest>.*)$"
    rf"|^(?P<rest2>.{{0,40}}?)(?P<m2>范文\s*\d+|感悟[{CN_NUM}]+|篇\s*\d{{1,2}})$"
)
_LENGTH_SUFFIX = re.compile(r"(全文)?\d{3,5}字$")
_OPENING = re.compile(
    "|".join((cues.REPORT_AS_FOLLOWS, cues.ENTRUSTED, cues.TO_THE_CONGRESS))
    + r"|(这次|今天).{0,30}(会议|大会|座谈会)，?是"
)
_TITLE_WORDS = re.compile(r"(报告|讲话|汇报|总结|计划|要点|方案|意见|体会|发言|述职)")


@dataclass
class Span:
    """A document found in a file: cleaned lines and what marked it."""

    lines: list[Line]
    title: str
    marker: str = ""
    flags: dict = field(default_factory=dict)

    @property
    def start_line(self) -> int:
        return self.lines[0].raw_no

    @property
    def end_line(self) -> int:
        return self.lines[-1].raw_end


def marker_of(text: str) -> tuple[str, str] | None:
    """(marker, title) when a line is a document marker such as `篇一 …5000字`."""
    s = text.strip()
    if len(s) > 70:
        return None
    m = _MARKER.match(s)
    if not m:
        return None
    if m.group("m"):
        return m.group("m"), _LENGTH_SUFFIX.sub("", m.group("rest") or "").strip()
    return m.group("m2"), s


def is_body(text: str) -> bool:
    """A line of running text (not a title or label)."""
    s = text.strip()
    return len(s) >= 25 and ("，" in s or "。" in s or "：" in s)


def is_title_like(text: str) -> bool:
    """Short line without sentence punctuation and without list numbering."""
    s = text.strip()
    if not s or len(s) > 45 or "，" in s or s.endswith(("。", "：", "；")):
        return False
    if re.match(rf"^([{CN_NUM}]+、|[（(][{CN_NUM}\d]+[)）]|\d+[、.])", s):
        return False
    return True


def _similar(a: str, b: str) -> bool:
    a, b = re.sub(r"\s", "", a), re.sub(r"\s", "", b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) >= 80


def _trim_tail(lines: list[Line], title: str) -> list[Line]:
    """Drop stray repeated titles / footnote marks at the end of a document (N4)."""
    while len(lines) > 1:
        last = lines[-1].text.strip()
        stray = (
            re.fullmatch(r"\[?\d{1,2}\]?", last) is not None
            or (is_title_like(last) and (_similar(last, title) or (_TITLE_WORDS.search(last) and len(last) <= 30) and not last.endswith(("！", "。"))))
        )
        if not stray:
            break
        lines = lines[:-1]
    return lines


def _content_title(lines: list[Line], marker_title: str) -> str:
    if marker_title and not re.search(r"范文\s*\d+$|感悟[一二三四五六七八九十]+$", marker_title):
        return marker_title
    if len(lines) > 1:
        nxt = lines[1].text.strip()
        after = lines[2].text.strip() if len(lines) > 2 else ""
        if is_title_like(nxt) and (_TITLE_WORDS.search(nxt) or after.startswith("——")):
            return nxt
    return marker_title


_BYLINE = re.compile(r"(镇长|乡长|书记|主任|主席|县长|市长|州长|省长|区长|总理)\s*[\u4e00-\u9fff·]{0,4}$|^——|^—")


def _title_block_gap(before: Line, after: Line) -> bool:
    """Two lines of one title block: adjacent (a blank between), or a byline / `——…会议上` line
    after dropped chrome (来源/时间 lines between the title and the speaker)."""
    gap = after.raw_no - before.raw_end
    if gap <= 2:
        return True
    s = after.text.strip()
    if gap <= 6 and not is_title_like(s):
        return True  # title, then dropped 来源/时间 lines, then the text: the title has nothing else to belong to
    # a title, then a dropped 发布日期 line, then the salutation: the title has nothing else to belong to
    return gap <= 5 and (_BYLINE.search(s) is not None or re.match(r"^(各位代表|各位委员|同志们|尊敬的)", s) is not None)


def _unmarked_start(lines: list[Line]) -> int | None:
    """Index where a document with no marker starts: the title right before the first body line."""
    for i, line in enumerate(lines):
        if is_body(line.text) or re.match(r"^(各位代表|各位委员|各位领导|同志们|尊敬的)", line.text):
            start = i
            # walk back over a contiguous title block (title, "——在…上", byline)
            while (
                start > 0
                and i - start < 4
                and is_title_like(lines[start - 1].text)
                and _title_block_gap(lines[start - 1], lines[start])
            ):
                start -= 1
            if start == 1 and i == 1 and re.match(rf"^[{CN_NUM}]+、.{{2,40}}$", lines[0].text.strip()):
                start = 0  # a page that begins inside a report, at one of its numbered parts
            return start
    return None


def _opens(text: str) -> bool:
    """An opening formula spoken by the document's own author (not `将由某局向大会作一专题汇报`)."""
    for part in (text[:200], text[-60:]):
        for m in _OPENING.finditer(part):
            clause = re.split(r"[，。；]", part[: m.start()])[-1] + m.group(0)
            if not re.search(r"将由|由[^，。]{0,16}向大会", clause):
                return True
    return False


def _starts_document(lines: list[Line], i: int) -> bool:
    """A formula deep in a report (`企业负责人要定期向大会报告工作`, `现在我向大会报告的，是…`) opens no
    new document: a new one shows a title or an address before it, or closes its first paragraph with
    `现将…如下：`."""
    text = lines[i].text.strip()
    before = lines[i - 1].text.strip() if i > 0 else ""
    return (
        (bool(before) and is_title_like(before))
        or re.match(r"^(各位代表|各位委员|各位领导|同志们|尊敬的)", before) is not None
        or re.match(r"^(各位代表|各位委员|各位领导|同志们|尊敬的)", text) is not None
        or re.search(r"(如下|以下)[：:。]?$", text) is not None
    )


def _content_boundaries(lines: list[Line]) -> list[int]:
    """Indices inside one marked segment where a new, unmarked document begins."""
    cuts: list[int] = []
    opened_at = None
    for i, line in enumerate(lines):
        text = line.text
        if _opens(text):
            if opened_at is None:
                opened_at = i
            elif i - opened_at >= 8 and i - (cuts[-1] if cuts else 0) >= 8 and _starts_document(lines, i):
                start = i - 1 if i > 0 and is_title_like(lines[i - 1].text) else i
                cuts.append(start)
                opened_at = i
        elif opened_at is None and i >= 2 and is_body(text):
            opened_at = i  # a document that opened without a formula
    return cuts


def split_documents(lines: list[Line]) -> list[Span]:
    """Split cleaned lines of one file into documents (`Span`s)."""
    marks = [(i, marker_of(ln.text)) for i, ln in enumerate(lines)]
    marks = [(i, m) for i, m in marks if m]
    segments: list[tuple[list[Line], str, str]] = []
    if marks:
        head = lines[: marks[0][0]]
        if sum(1 for ln in head if is_body(ln.text)) >= 2:
            start = _unmarked_start(head)
            if start is not None:
                segments.append((head[start:], head[start].text.strip() if is_title_like(head[start].text) else "", ""))
        for k, (i, (marker, title)) in enumerate(marks):
            end = marks[k + 1][0] if k + 1 < len(marks) else len(lines)
            segments.append((lines[i:end], title, marker))
    else:
        start = _unmarked_start(lines)
        if start is not None:
            first = lines[start].text.strip()
            segments.append((lines[start:], first if is_title_like(first) else "", ""))
    spans: list[Span] = []
    for seg, title, marker in segments:
        pieces = []
        cuts = [0] + _content_boundaries(seg) + [len(seg)]
        for a, b in zip(cuts, cuts[1:]):
            if b > a:
                pieces.append(seg[a:b])
        for n, piece in enumerate(pieces):
            p_title = title if n == 0 else (piece[0].text.strip() if is_title_like(piece[0].text) else "")
            p_marker = marker if n == 0 else ""
            piece = _trim_tail(piece, p_title or piece[0].text)
            if not piece:
                continue
            span = Span(piece, _content_title(piece, p_title) if n == 0 else p_title, p_marker)
            if n > 0:
                span.flags["unmarked_boundary"] = True
            spans.append(span)
    return spans
