"""Small text helpers shared by the rules: the document record, excerpts, sentences, numerals."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from .finding import Finding

CJK = "\u4e00-\u9fff\u3400-\u4dbf"
CJK_RE = re.compile(f"[{CJK}]")
# Sentence ends: full-width and ASCII terminators (drafts often carry ASCII punctuation).
_SENT_END = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’」』]?|$)")
CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass
class Doc:
    """The numbered lines of one draft and what the rules need to know about it."""

    file: str
    lines: list[tuple[int, str]]
    year: int | None = None
    genre: str | None = None
    findings: list[Finding] = field(default_factory=list)

    def add(self, line: int, rule: str, severity: str, message: str, excerpt: str) -> None:
        self.findings.append(Finding(self.file, line, rule, severity, message, excerpt))


def excerpt(text: str, start: int, end: int, width: int = 12) -> str:
    """The matched span with up to `width` characters of context, elided with …."""
    a, b = max(0, start - width), min(len(text), end + width)
    return ("…" if a > 0 else "") + text[a:b].strip() + ("…" if b < len(text) else "")


def sentences(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, sentence) spans of a line, split after 。！？ (and ASCII !?)."""
    for m in _SENT_END.finditer(text):
        if m.group().strip():
            yield m.start(), m.end(), m.group()


def cn_number(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 二十三 → 23; Arabic digits too. None if not a number."""
    if s.isdigit():
        return int(s)
    if not s or any(c not in CN_DIGITS and c != "十" for c in s):
        return None
    if "十" not in s:
        return CN_DIGITS[s] if len(s) == 1 else None
    head, _, tail = s.partition("十")
    if "十" in tail or len(head) > 1 or len(tail) > 1:
        return None
    tens = CN_DIGITS[head] if head else 1
    return tens * 10 + (CN_DIGITS[tail] if tail else 0)


def cn_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (1 ≤ n ≤ 99)."""
    digits = "〇一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return (digits[tens] if tens > 1 else "") + "十" + (digits[ones] if ones else "")
