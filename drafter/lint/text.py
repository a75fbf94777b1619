"""Small text helpers shared by the rules: the document record, excerpts, sentences, numerals."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..gongwen.numerals import cn_to_int, int_to_cn
from ..gongwen.sentences import sentence_spans as sentences
from .finding import Finding

CJK = "\u4e00-\u9fff\u3400-\u4dbf"
CJK_RE = re.compile(f"[{CJK}]")


@dataclass
class Doc:
    """The numbered lines of one draft and what the rules need to know about it."""

    file: str
    lines: list[tuple[int, str]]
    year: int | None = None
    genre: str | None = None
    level: str | None = None  # 镇 / 乡 / 街道 of the unit it speaks for, when known
    findings: list[Finding] = field(default_factory=list)

    def add(self, line: int, rule: str, severity: str, message: str, excerpt: str) -> None:
        self.findings.append(Finding(self.file, line, rule, severity, message, excerpt))


def excerpt(text: str, start: int, end: int, width: int = 12) -> str:
    """The matched span with up to `width` characters of context, elided with …."""
    a, b = max(0, start - width), min(len(text), end + width)
    return ("…" if a > 0 else "") + text[a:b].strip() + ("…" if b < len(text) else "")
