"""Sentence splitting for Chinese official text, written once.

Sentences end at 。！？ (and ASCII !?), with a closing quote kept on the
sentence. Mining also cuts at ；and after a colon, where 公文 chain clauses.
"""
from __future__ import annotations

import re
from typing import Iterator

_END = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’」』]?|$)")
_CLAUSE = re.compile(r"(?<=[。！？!?；;])|(?<=[:：])(?=.)")


def sentence_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, sentence) for each non-blank sentence of a line."""
    for m in _END.finditer(text):
        if m.group().strip():
            yield m.start(), m.end(), m.group()


def sentences(text: str) -> list[str]:
    """The sentences of a line, terminators kept."""
    return [s for _a, _b, s in sentence_spans(text)]


def clauses(text: str) -> list[str]:
    """Sentences further cut at ；and after ：— the unit a formula is mined from."""
    return [s.strip() for s in _CLAUSE.split(text) if s.strip()]
