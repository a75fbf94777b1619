"""Break a title or byline into lines the way a typesetter would (GB/T 9704 §7.3.3).

A title longer than a line is broken between words into a 梯形 (each line no
longer than the next) or 菱形 (the middle line longest) shape, never inside a
number, never leaving a short tail; a `|` in the line marks a break the
author chose. "Between words" comes from a small word and phrase list built
from the corpus at development time (scripts/build_title_words.py → drafter/data/
title_words.txt), so nothing here needs a segmenter at render time.
"""
from __future__ import annotations

import functools
import itertools
import math

from ..report import TITLE_BREAK
from ..lazyre import lazy
from ..resources import data_file

_NO_START = set("，。、；：！？）》」』”’…%．.,;:!?)]}")
_NO_END = set("（《「『“‘([{")
_WEAK_START = set("镇乡县市区村省州的等和与及之")  # attach to what precedes (石排镇, …的报告)
_WEAK_END = set("在对于把将和与及")  # lead into what follows (关于…, 在…会议上)
WEAK_COST = 25
_AFTER_BONUS = set("，；：")  # not 、: it joins a coordination (党委、政府)
# spans that are never broken: numbers with their unit, 第…届/次, dashes, Latin words
_ATOMS = lazy(
    r"\d+(?:[.．]\d+)?(?:年度|万元|亿元|[年月日号%％个项件次届])?"
    r"|第[一二三四五六七八九十百千零〇\d]+[届次条款个批期号章节]?"
    r"|[一二三四五六七八九十百千零〇]+[年月日届次个项]"
    r"|——|……|[A-Za-z]+"
)
WORD_COST = 30  # a break inside a word
PHRASE_COST = 8  # a break inside a set phrase (美丽乡村)
PROTECT_COST = 60  # a break inside a name the caller protects (the unit's name)
SHAPE_COST = 60  # an inverted trapezoid or a wrong-way 3-line shape
TAIL_COST = 200  # a last line shorter than MIN_TAIL characters
MIN_TAIL = 4


def width(text: str) -> float:
    """Display width in full-width characters (ASCII letters and digits count half)."""
    return sum(0.5 if ord(c) < 0x2E80 and c not in "—…" else 1.0 for c in text)


@functools.lru_cache(maxsize=1)
def _word_list() -> bytes:
    """title_words.txt as bytes, read once per process (the breaker's cache key and its source)."""
    return data_file("title_words.txt").read_bytes()


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, int]:
    """entry → cost of breaking inside it (the parsed list is kept between runs: drafter.cache)."""
    from .. import cache

    raw = _word_list()

    def parse() -> dict[str, int]:
        out: dict[str, int] = {}
        for line in raw.decode("utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            entry, _, kind = line.partition("\t")
            out[entry] = PHRASE_COST if kind == "phrase" else WORD_COST
        return out

    return cache.derived("title-words", "title_words.txt", raw, parse)


def _break_costs(text: str, protect: tuple[str, ...]) -> list[float]:
    """costs[i] = cost of breaking before text[i] (i in 1..len-1); inf where forbidden."""
    n = len(text)
    costs = [0.0] * (n + 1)
    costs[0] = costs[n] = math.inf
    for m in _ATOMS.finditer(text):
        for i in range(m.start() + 1, m.end()):
            costs[i] = math.inf
    for i in range(1, n):
        if text[i] in _NO_START or text[i - 1] in _NO_END:
            costs[i] = math.inf
        else:
            if text[i - 1] in _AFTER_BONUS:
                costs[i] -= 6
            if text[i] in _WEAK_START or text[i - 1] in _WEAK_END:
                costs[i] += WEAK_COST
    words = _words()
    for start in range(n):
        for size in range(2, min(12, n - start) + 1):
            piece = text[start:start + size]
            weight = PROTECT_COST if piece in protect else words.get(piece, 0)
            if weight:
                for i in range(start + 1, start + size):
                    costs[i] += weight
    return costs


def _shape_cost(widths: list[float]) -> float:
    if len(widths) == 2:
        a, b = widths
        cost = abs(b - a) * 1.2 + (20 if a < b * 0.5 else 0)
        return cost + (SHAPE_COST + (a - b) * 2 if a > b + 0.5 else 0)
    if len(widths) == 3:
        a, b, c = widths
        ok = (b >= a - 0.5 and b >= c - 0.5) or (a <= b + 0.5 <= c + 1)
        return (max(widths) - min(widths)) * 0.5 + (0 if ok else SHAPE_COST)
    mean = sum(widths) / len(widths)
    return sum(abs(w - mean) for w in widths) * 0.5 + sum(SHAPE_COST for a, b in zip(widths, widths[1:]) if a > b + 1)


def _best_split(text: str, capacity: float, protect: tuple[str, ...]) -> list[str]:
    costs = _break_costs(text, protect)
    total = width(text)
    prefix = [0.0]
    for c in text:
        prefix.append(prefix[-1] + width(c))
    first = max(2, math.ceil(total / capacity - 1e-9))
    for relax in (False, True):
        best: tuple[float, tuple[int, ...]] | None = None
        for lines in range(first, first + 2):
            candidates = [i for i in range(1, len(text)) if relax or costs[i] < math.inf]
            if lines > 4:
                return _greedy(text, capacity)
            for cut in itertools.combinations(candidates, lines - 1):
                bounds = (0, *cut, len(text))
                widths = [prefix[b] - prefix[a] for a, b in zip(bounds, bounds[1:])]
                if max(widths) > capacity + 1e-9:
                    continue
                score = sum(min(costs[i], 1000) for i in cut) + _shape_cost(widths)
                score += TAIL_COST if widths[-1] < MIN_TAIL else 0
                score += (lines - first) * 25
                if best is None or score < best[0]:
                    best = (score, bounds)
            if best is not None and best[0] < TAIL_COST:
                break
        if best is not None:
            b = best[1]
            return [text[x:y] for x, y in zip(b, b[1:])]
    return _greedy(text, capacity)


def _greedy(text: str, capacity: float) -> list[str]:
    lines, cur = [], ""
    for c in text:
        if width(cur + c) > capacity:
            lines.append(cur)
            cur = ""
        cur += c
    return [*lines, cur] if cur else lines


def break_line(text: str, capacity: float, protect: tuple[str, ...] = ()) -> list[str]:
    """The printed lines of one authored title or byline line; `|` forces a break."""
    out: list[str] = []
    for part in text.split(TITLE_BREAK):
        part = part.strip()
        if not part:
            continue
        out.extend([part] if width(part) <= capacity else _split(part, capacity, protect))
    return out


def _split(text: str, capacity: float, protect: tuple[str, ...]) -> list[str]:
    """_best_split, kept between runs (drafter.cache): reading the word list costs more than a render.

    The answer depends only on the text, the capacity, the protected names and the
    word list, which key it; a unit's byline and title come back every year.
    """
    from .. import cache

    words = _word_list()
    args = "\0".join((text, repr(float(capacity)), *protect)).encode("utf-8")
    return cache.derived("linebreak", f"{capacity}\0{text}", args + b"\0" + words,
                         lambda: _best_split(text, capacity, protect))


def centred_capacity(chars_per_line: float) -> float:
    """Room for one centred title or byline line: the full measure less one character.

    A centred line set to the full measure touches both edges (no longer looks
    centred) and overflows as soon as a substitute font or the space a renderer
    adds between Chinese characters and digits makes it a little wider.
    """
    return float(int(chars_per_line + 1e-6)) - 1
