"""repeated-sentence: the same sentence pasted twice (punctuation- and space-insensitive)."""
from __future__ import annotations

import re

from ..finding import WARNING
from ..text import Doc
from .numbering import heading_level

RULE = "repeated-sentence"
MIN_CHARS = 8
MIN_PHRASE_CHARS = 16  # below this, text without sentence punctuation is a term, not a sentence

_SPLIT = re.compile(r"[^。！？!?；;]+[。！？!?；;]*")
_NOISE = re.compile(r"[\W_]+")
_MARKER = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)]?[、.．]?|[一二三四五六七八九十]{1,3}[是要])")


def normalise(sentence: str) -> str:
    """Characters and digits only: punctuation, spaces and a leading list marker removed."""
    return _NOISE.sub("", _MARKER.sub("", sentence))


def check(doc: Doc) -> None:
    seen: dict[str, int] = {}
    for no, text in doc.lines:
        head = heading_level(text)
        if head and len(text) - head[2] <= 30 and not re.search(r"[。！？!?]", text[head[2]:].rstrip("。")):
            continue  # a list heading: 一、加强组织领导
        repeats: dict[int, list[str]] = {}  # earlier line → repeated sentences of this line
        for m in _SPLIT.finditer(text):
            key = normalise(m.group())
            if len(key) < MIN_CHARS:
                continue
            if len(key) < MIN_PHRASE_CHARS and not re.search(r"[。！？!?；;]", m.group()):
                continue  # a name or term (规模以上工业增加值), not a sentence
            if key in seen:
                repeats.setdefault(seen[key], []).append(m.group().strip())
            else:
                seen[key] = no
        for first, sents in repeats.items():
            where = "同一段内" if first == no else f"第{first}行"
            count = f"（共{len(sents)}句）" if len(sents) > 1 else ""
            sentence = sents[0]
            doc.add(no, RULE, WARNING, f"句子与{where}重复{count}",
                    sentence if len(sentence) <= 40 else sentence[:40] + "…")
