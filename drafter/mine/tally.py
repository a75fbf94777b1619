"""Phrase counts as a mergeable tally: the reduce state of phrase mining.

Mining fans out over files (a process pool, a Dask cluster); each document's
formula candidates are added here in corpus order, and two tallies of
consecutive stretches of the corpus merge into the tally of both
(`a.merge(b)` is associative).  Only the counts and their provenance are kept,
never the documents, so memory follows the number of distinct formulas.
"""
from __future__ import annotations

import heapq
import sys
from typing import Iterable

from .phrases import Entry, merge_near_duplicates, sort_entries

# (role, function, heading pattern, slotted text, raw line) — what phrases._candidates yields
Candidate = tuple[str, str, str, str, int]

# Provenance kept per entry: the first source lines in (file, line) order.  A formula found in
# every report of a large corpus would otherwise list millions of lines and make memory grow
# with the corpus; a clerk checks a formula against a few sources, and `count` says how common it is.
MAX_SOURCES = 20


def _bound(sources: set) -> None:
    """Keep the MAX_SOURCES smallest sources (the same whatever order they were added in)."""
    if len(sources) > MAX_SOURCES:
        keep = set(heapq.nsmallest(MAX_SOURCES, sources))
        sources.intersection_update(keep)


class PhraseTally:
    """(role, slotted text) → Entry; a duplicate document adds provenance but no count."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], Entry] = {}

    def add(self, source: str, genre: str, candidates: Iterable[Candidate], duplicate: bool = False) -> None:
        """Count one document's candidates once each (unless it is a duplicate), keep every source line."""
        source = sys.intern(source)
        seen_here: set[tuple[str, str]] = set()
        for role, fn, pname, text, raw in candidates:
            key = (role, text)
            e = self.entries.get(key)
            if e is None:
                e = self.entries[key] = Entry(text=text, role=role, function=fn, pattern=pname)
            e.sources.add((source, raw))
            if len(e.sources) > 2 * MAX_SOURCES:
                _bound(e.sources)
            e.genres.add(genre)
            if not duplicate and key not in seen_here:
                e.count += 1
                seen_here.add(key)

    def merge(self, other: "PhraseTally") -> "PhraseTally":
        """Fold the tally of the following stretch of the corpus into this one (first function wins)."""
        for key, o in other.entries.items():
            e = self.entries.get(key)
            if e is None:
                self.entries[key] = Entry(text=o.text, role=o.role, function=o.function, pattern=o.pattern,
                                          genres=set(o.genres), count=o.count, sources=set(o.sources))
            else:
                e.count += o.count
                e.sources |= o.sources
                _bound(e.sources)
                e.genres |= o.genres
        return self

    def finish(self, threshold: float = 90.0) -> list[Entry]:
        """Merged near-duplicates, every entry counted at least once, in the bank's order."""
        for e in self.entries.values():
            _bound(e.sources)
        merged = merge_near_duplicates(list(self.entries.values()), threshold)
        for e in merged:
            e.count = max(e.count, 1)  # entries seen only in duplicate documents still count once
            _bound(e.sources)
        return sort_entries(merged)
