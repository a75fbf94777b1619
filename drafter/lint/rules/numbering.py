"""numbering: gaps, repeats and misplaced levels in 一、/（一）/1./（1） and 一是…二是 series.

Conservative by design (CORPUS-NOTES §3): a restart at 1 is always allowed
(a new part or a new document), a step backwards is left alone (a nested
series may end), 一、二、三产业 and bare split markers are not headings, and
a level is only called misplaced when the same section also uses the level
it skipped.  A series interrupted by a nested list of the same or a higher
style (四、 … 一、二、三、 … 五、) may resume where it stopped.  Ambiguous
markers — a bare marker whose heading is on the next line (（一）⏎标题), or
`20.2026年…` where the dot could be a decimal point — count only when they
continue their series.
"""
from __future__ import annotations

import re

from ..finding import ERROR, WARNING
from ..text import Doc, cn_to_int, int_to_cn, excerpt

RULE = "numbering"

_CN = "一二三四五六七八九十"
# level → pattern of a paragraph-initial marker; group 1 is the number.
_LEVELS = [
    (1, re.compile(rf"^\s*([{_CN}]{{1,3}})\s*[、，,．.]")),
    (2, re.compile(rf"^\s*[（(]([{_CN}]{{1,3}})[）)]")),
    (3, re.compile(r"^\s*(\d{1,2})\s*(?:[、．]|\.(?!\d)|(\.)(?=\d))")),
    (4, re.compile(r"^\s*[（(](\d{1,2})[）)]")),
]
_FALSE_HEAD = re.compile(rf"^\s*[{_CN}]{{1,3}}(?:[、，,]|产业|级|类|等|线|季度|轮|产|是|要)")
_SERIES = re.compile(rf"(?:^|(?<=[。；;！!？?：:\s，,]))([{_CN}]{{1,3}})(是|要)")


def _fmt(level: int, n: int) -> str:
    return {1: f"{int_to_cn(n)}、", 2: f"（{int_to_cn(n)}）", 3: f"{n}.", 4: f"（{n}）"}[level]


def heading_level(text: str) -> tuple[int, int, int] | None:
    """(level, number, marker end) when the line opens with an unambiguous list marker, else None."""
    found = _marker(text)
    return found[:3] if found and not found[3] else None


def _marker(text: str) -> tuple[int, int, int, bool] | None:
    """(level, number, marker end, ambiguous) of a paragraph-initial list marker, or None."""
    for level, pattern in _LEVELS:
        m = pattern.match(text)
        if not m:
            continue
        rest = text[m.end():]
        n = cn_to_int(m.group(1))
        if not n:
            return None
        if not rest.strip():
            return level, n, m.end(), True  # bare marker: a split heading, or a split marker (N16)
        if level in (1, 2) and _FALSE_HEAD.match(rest):
            return None
        return level, n, m.end(), bool(m.lastindex and m.lastindex > 1 and m.group(2))
    return None


def check(doc: Doc) -> None:
    last = {1: 0, 2: 0, 3: 0, 4: 0}
    stopped: dict[int, set[int]] = {1: set(), 2: set(), 3: set(), 4: set()}  # interrupted series, per level
    pending: list[tuple[int, str, int]] = []  # 1. lines placed directly under the current 一、
    series = {"是": 0, "要": 0}
    for no, text in doc.lines:
        head = _marker(text)
        if head and head[3] and head[1] != last[head[0]] + 1:
            head = None  # an ambiguous marker that does not continue its series is not a heading
        if head:
            level, n, end, _ambiguous = head
            if n == 1 and last[level]:
                stopped[level].add(last[level])  # a nested list restarts this style
            if n - 1 in stopped[level] and n != last[level] + 1:
                stopped[level].discard(n - 1)  # the outer series resumes
            else:
                _check_step(doc, no, text, level, n, last[level], end)
            last[level] = n
            for lower in range(level + 1, 5):
                if last[lower]:
                    stopped[lower].add(last[lower])
                last[lower] = 0
            if level == 1:
                pending = []
            elif level == 2:
                for pno, ptext, pn in pending:
                    doc.add(pno, RULE, WARNING,
                            f"层级错位：“{_fmt(3, pn)}”直接放在一级标题下，而同一部分又用了“（一）”级标题",
                            excerpt(ptext, 0, 4, 16))
                pending = []
            elif level == 3 and last[2] == 0 and last[1] > 0:
                pending.append((no, text, n))
            series = {"是": 0, "要": 0}
        for m in _SERIES.finditer(text):
            n, word = cn_to_int(m.group(1)), m.group(2)
            if not n or n > 20:
                continue
            prev = series[word]
            if n == 1 or prev == 0:
                series[word] = n
            elif n == prev:
                doc.add(no, RULE, ERROR, f"序列重复：“{m.group()}”又出现一次", excerpt(text, m.start(), m.end()))
            elif n == prev + 1:
                series[word] = n
            elif n > prev + 1:
                doc.add(no, RULE, ERROR,
                        f"序列跳号：“{int_to_cn(prev)}{word}”之后是“{m.group()}”，缺少“{int_to_cn(prev + 1)}{word}”",
                        excerpt(text, m.start(), m.end()))
                series[word] = n
            # n < prev: a nested series may have ended; leave it alone.


def _check_step(doc: Doc, no: int, text: str, level: int, n: int, prev: int, end: int) -> None:
    if n == prev:
        doc.add(no, RULE, ERROR, f"编号重复：“{_fmt(level, n)}”连续出现两次", excerpt(text, 0, end, 16))
    elif n > prev + 1:
        if prev == 0:
            message = f"编号不从头开始：本层第一个编号是“{_fmt(level, n)}”，缺少“{_fmt(level, 1)}”"
        else:
            missing = "、".join(_fmt(level, k).rstrip("、") for k in range(prev + 1, n))
            message = f"编号跳号：“{_fmt(level, prev)}”之后是“{_fmt(level, n)}”，缺少“{missing}”"
        doc.add(no, RULE, ERROR, message, excerpt(text, 0, end, 16))
