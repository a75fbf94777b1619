"""The numbered outline of a document: 一、/（一）/1、/（1）/一是 and friends.

Numbering is not a reliable depth signal in the corpus, so levels come from the
order in which numbering styles appear (like nested lists), with two repairs:
a `1、` that restarts inside a running `1、` list opens a deeper level, and a
number that continues an outer list (n+1) closes the inner one.  False headings
such as `二、三产业…` are not items.
"""
from __future__ import annotations

import re

from ..gongwen.numbering import parse_marker
from ..gongwen.numerals import cn_to_int
from .model import Line, OutlineItem

# gongwen's numbering styles under the names the outline uses; 一是 and 一要 are one inline family.
_STYLE_NAMES = {"comma": "cn", "paren": "paren_cn", "arabic": "arabic", "arabic_paren": "paren_ar",
                "shi": "shi", "yao": "shi", "di": "ordinal"}


def parse_number(text: str) -> tuple[str, str, str] | None:
    """(style, number as written, heading text) for a numbered line, else None (二、三产业 is not an item)."""
    marker = parse_marker(text.strip())
    if marker is None:
        return None
    head = re.split(r"[。；！]", marker.rest.lstrip(), maxsplit=1)[0].strip()
    return _STYLE_NAMES[marker.style], marker.numeral, head[:60]


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
