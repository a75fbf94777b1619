"""The numbered outline of a document: 一、/（一）/1、/（1）/一是 and friends.

Numbering is not a reliable depth signal in the corpus, so levels come from the
order in which numbering styles appear (like nested lists), with two repairs:
a `1、` that restarts inside a running `1、` list opens a deeper level, and a
number that continues an outer list (n+1) closes the inner one.  False headings
such as `二、三产业…` are not items.
"""
from __future__ import annotations

import re

from ..gongwen.numerals import cn_to_int
from .model import Line, OutlineItem

CN = "一二三四五六七八九十"
_PATTERNS = [
    ("cn", re.compile(rf"^([{CN}]{{1,3}})、\s*(.*)$")),
    ("paren_cn", re.compile(rf"^[（(]([{CN}]{{1,3}})[)）]、?\s*(.*)$")),
    ("arabic", re.compile(r"^(\d{1,2})[、．.](?!\d)\s*(.*)$")),
    ("paren_ar", re.compile(r"^[（(](\d{1,2})[)）]\s*(.*)$")),
    ("shi", re.compile(rf"^([{CN}]{{1,3}})(是|要)(?=[\u4e00-\u9fff“])(.*)$")),
    ("ordinal", re.compile(rf"^第([{CN}]{{1,3}})[，,、]\s*(.*)$")),
]


def parse_number(text: str) -> tuple[str, str, str] | None:
    """(style, number, heading text) for a numbered line, else None."""
    s = text.strip()
    if re.match(rf"^[{CN}]、[{CN}]、?[{CN}]?产业|^[二三]、三产业", s):
        return None  # 二、三产业 is not an item
    for style, pat in _PATTERNS:
        m = pat.match(s)
        if not m:
            continue
        number = m.group(1)
        rest = m.group(m.lastindex) if style != "shi" else m.group(2) + m.group(3)
        if style == "shi":
            rest = m.group(3)
        head = re.split(r"[。；！]", rest, maxsplit=1)[0].strip()
        if style in ("cn", "paren_cn", "arabic") and not head and not rest:
            return style, number, ""
        return style, number, head[:60]
    return None


def build_outline(lines: list[Line]) -> list[OutlineItem]:
    """Outline items with levels from the style stack (robust to reuse of `1、`)."""
    stack: list[list] = []  # [style, last_number]
    items: list[OutlineItem] = []
    for line in lines:
        parsed = parse_number(line.text)
        if not parsed:
            continue
        style, number, head = parsed
        n = cn_to_int(number) or 0
        if style == "cn" and not head:
            continue  # bare "一、" left over from a broken line
        level = None
        same = [i for i, (st, _) in enumerate(stack) if st == style]
        if same:
            fit = [i for i in reversed(same) if stack[i][1] + 1 == n]
            if n == 1 and stack[same[-1]][1] >= 1 and not fit:
                if same[-1] == len(stack) - 1:
                    stack.append([style, 0])  # restart inside the same style: one level deeper
                    level = len(stack) - 1
                else:
                    level = same[-1]
            elif fit:
                level = fit[0]
            else:
                level = same[-1]
            del stack[level + 1 :]
        else:
            stack.append([style, 0])
            level = len(stack) - 1
        stack[level][1] = n
        items.append(OutlineItem(level=level + 1, number=number, text=head, line=line.raw_no, style=style))
    return items
