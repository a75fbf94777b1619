"""date-format: dates in running text must read 2025年1月10日 (no zero padding, no 2025-01-10)."""
from __future__ import annotations

import re

from ..finding import WARNING
from ..text import Doc, excerpt

RULE = "date-format"

_PADDED = re.compile(r"(?:(?:19|20)\d\d年)?(?<!\d)0\d月(?:\d{1,2}日)?|(?<!\d)\d{1,2}月0\d日")
_NUMERIC = re.compile(r"(?<![\d.\-/])((?:19|20)\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\d.\-/])")
_HAO = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})号")


def _proper(year: str, month: str, day: str | None = None) -> str:
    text = f"{int(year)}年{int(month)}月" if year else f"{int(month)}月"
    return text + (f"{int(day)}日" if day else "")


def check(doc: Doc) -> None:
    for no, text in doc.lines:
        for m in _PADDED.finditer(text):
            parts = re.match(r"(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?", m.group())
            doc.add(no, RULE, WARNING,
                    f"日期不应补零：“{m.group()}”应为“{_proper(parts[1] or '', parts[2], parts[3])}”",
                    excerpt(text, m.start(), m.end()))
        for m in _NUMERIC.finditer(text):
            year, _sep, month, day = m.groups()
            if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
                continue
            doc.add(no, RULE, WARNING,
                    f"正文日期应写作“{_proper(year, month, day)}”，不用“{m.group()}”",
                    excerpt(text, m.start(), m.end()))
        for m in _HAO.finditer(text):
            doc.add(no, RULE, WARNING, f"日期用“日”不用“号”：“{m.group()}”", excerpt(text, m.start(), m.end()))
