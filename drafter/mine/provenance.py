"""Where a template's fixed wording comes from: every fixed sentence must be attested.

A template's fixed text is what it prints whatever the fact sheet says. Cut
at control tags ({% %}) and sentence ends, with every {{ expression }} as a
slot, each piece must occur in the cleaned corpus or in the phrase bank, its
slots matching any short run of text within one sentence (slot
generalisation: `{{ period.review }}年工作回顾` is attested by 2024年工作回顾).
Who speaks (我/我们), the town's level (镇/乡) and a piece's final punctuation
are generalised as well.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_TAG = re.compile(r"\{%.*?%\}", re.S)
_EXPR = re.compile(r"\{\{.*?\}\}", re.S)
_ATTR_BLOCK = re.compile(r"^\{\.[a-z-]+\}\s*$", re.M)
_HEADING = re.compile(r"^#{1,6}\s*", re.M)
_SENTENCE_END = re.compile(r"(?<=[。！？；：])|\n")
_CJK = re.compile(r"[\u4e00-\u9fff]")
SLOT = "\uE000"  # private-use character: where an expression was
_BAD_SLOT_RUN = re.compile(SLOT + r"+")
# Bank slots ({年份}, {单位} …) are wildcards too.
_BANK_SLOT = re.compile(r"\{[^{}]{1,6}\}")


@dataclass(frozen=True)
class Fixed:
    """One fixed piece of a template: where it is, and its text with SLOT for each expression."""

    file: str
    line: int
    text: str

    def shown(self) -> str:
        return self.text.replace(SLOT, "……")


def fixed_sentences(path: Path) -> list[Fixed]:
    """The fixed pieces of a Jinja template file (at least two Chinese characters of literal text)."""
    source = Path(path).read_text(encoding="utf-8")
    # Keep line numbers: blank out comments, turn tags into breaks, expressions into slots.
    def blank(m: re.Match) -> str:
        return "\n" * m.group(0).count("\n")

    text = _COMMENT.sub(blank, source)
    # String literals inside expressions and tags are fixed wording too (default headings, leads).
    literals: list[Fixed] = []
    for m in re.finditer(r"\{\{.*?\}\}|\{%.*?%\}", text, re.S):
        line = text.count("\n", 0, m.start()) + 1
        for lit in re.findall(r'"([^"\n]*)"|\'([^\'\n]*)\'', m.group(0)):
            lit = lit[0] or lit[1]
            if len(_CJK.findall(lit)) >= 2:
                literals.append(Fixed(str(path), line, lit))
    text = _TAG.sub(lambda m: "\x00" + blank(m), text)
    text = _EXPR.sub(lambda m: SLOT + blank(m), text)
    text = _ATTR_BLOCK.sub("", text)
    text = _HEADING.sub("", text).replace("**", "").replace("\\\n", "\n")
    out: list[Fixed] = []
    for no, line in enumerate(text.split("\n"), 1):
        for chunk in line.split("\x00"):
            for piece in _SENTENCE_END.split(chunk):
                piece = _BAD_SLOT_RUN.sub(SLOT, piece.strip().strip("　"))
                literal = piece.replace(SLOT, "")
                if len(_CJK.findall(literal)) >= 2:
                    out.append(Fixed(str(path), no, piece))
    return sorted(out + literals, key=lambda f: f.line)


# Generalisations beyond slots: who speaks (我/我们) and the town's level (镇/乡) are the
# template's choice; a piece's closing punctuation is not wording (a clause may end a sentence).
_VOICE_LEVEL = str.maketrans({"乡": "镇"})


def normalise(text: str) -> str:
    """Text with 我们 → 我, 乡 → 镇 and 做出 → 作出, so a formula said by a team or a 乡, or spelt
    the old way (做出贡献; the norm is 作出贡献), is the same formula."""
    return text.replace("我们", "我").replace("做出", "作出").translate(_VOICE_LEVEL)


def _pattern(piece: str) -> re.Pattern:
    """A fixed piece as a regex: literal parts exact, each slot any run of up to 200 characters within a sentence."""
    piece = normalise(piece).rstrip("。！？；：，、")
    parts = [re.escape(p) for p in piece.split(SLOT)]
    return re.compile("[^。！？\n]{0,200}?".join(parts))


def _open_slots(text: str) -> str:
    """Named slots ({单位}, {数字} …) as wildcards; {年份} stands for a year *and* its 年 (2024年)."""
    return _BANK_SLOT.sub(lambda m: SLOT + "年" if m.group(0) == "{年份}" else SLOT, text)


def haystack(corpus_texts: Iterable[str], bank_texts: Iterable[str]) -> str:
    """One searchable text: the cleaned corpus, then the bank, their slots opened up as wildcards.

    Cleaning writes the corpus's own blanks as slots too (20__年 → {年份}), so both are opened.
    """
    corpus = "\n".join(_open_slots(t) for t in corpus_texts)
    bank = "\n".join(_open_slots(t) for t in bank_texts)
    return normalise(corpus + "\n" + bank)


def attested(piece: Fixed, hay: str) -> bool:
    """True when the piece occurs in the corpus or the bank (template slots also match bank slots)."""
    return bool(_pattern(piece.text).search(hay))


def unattested(pieces: Iterable[Fixed], hay: str) -> list[Fixed]:
    """The fixed pieces neither the corpus nor the bank attests."""
    return [p for p in pieces if not attested(p, hay)]
