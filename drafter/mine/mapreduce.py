"""Mining as map and reduce: read and segment each file once, fan out to every output.

    map_file(task)        pure: one file's bytes and source label → its documents,
                          its cleaning report and each document's contributions
                          (duplicate sketches, formula candidates, skeleton statistics)
    MineReduce.add(mf)    in corpus order: duplicate decisions across files, phrase
                          counts, skeleton statistics; returns the finished documents

The map runs anywhere (this process, a process pool, a Dask worker): its input
and output are plain picklable data.  The reduce keeps counts and sketches,
never the documents, so memory does not grow with the number of copies mined;
its tallies merge associatively (PhraseTally.merge, SkeletonTally.merge).
"""
from __future__ import annotations

import heapq
import re
import zlib
from dataclasses import dataclass, field

from ..corpus.pipeline import Dedup, FileReport, mine_bytes

CONTAINMENT = 0.6  # the phrase bank's duplicate test (drafter.mine.phrases._is_duplicate)


@dataclass(frozen=True)
class FileTask:
    """One corpus file to map: its bytes (None when unreadable, with the reason) and what to compute."""

    source: str
    data: bytes | None
    error: str = ""
    phrases: bool = False
    skeletons: bool = False


@dataclass
class MinedDoc:
    """One document as the reduce needs it (the full Document is not kept)."""

    entry: dict  # index entry (duplicate_of is added by the reduce)
    text: str  # cleaned text
    sketch: frozenset  # bottom-k sketch for the index's duplicate_of flag
    shingles: frozenset = frozenset()  # exact shingles for the bank's duplicate test
    candidates: tuple = ()  # formula candidates (drafter.mine.phrases._candidates)
    stats: object = None  # drafter.mine.skeleton.DocStats


@dataclass
class MinedFile:
    report: FileReport
    docs: list[MinedDoc] = field(default_factory=list)


def shingles(text: str) -> frozenset:
    """All 8-character shingles of the Chinese characters of a text (crc32, stable across runs)."""
    t = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return frozenset(zlib.crc32(t[i : i + 8].encode("utf-8")) for i in range(max(len(t) - 7, 0)))


def map_file(task: FileTask) -> MinedFile:
    """The pure per-file map: nothing here depends on other files or on global state."""
    from ..corpus.index import document_entry

    if task.data is None:
        return MinedFile(FileReport(source=task.source, status="unreadable", error=task.error))
    docs, report = mine_bytes(task.data, task.source)
    out = []
    for doc in docs:
        text = doc.text
        md = MinedDoc(entry=document_entry(doc), text=text, sketch=frozenset())
        if task.phrases or task.skeletons:
            from .phrases import _candidates

            md.shingles = shingles(text)
            md.sketch = frozenset(heapq.nsmallest(Dedup.K, md.shingles))  # = Dedup.signature(text), computed once
            md.candidates = tuple(_candidates(doc))
        else:
            md.sketch = Dedup.signature(text)
        if task.skeletons:
            from .skeleton import doc_stats

            md.stats = doc_stats(doc)
        out.append(md)
    return MinedFile(report, out)


class MineReduce:
    """The reduce state of one mining run, fed with mapped files in corpus order."""

    def __init__(self, phrases: bool = False, skeletons: bool = False):
        from .skeleton import SkeletonTally
        from .tally import PhraseTally

        self.dedup = Dedup()
        self.kept: list[frozenset] = []  # shingles of the non-duplicate documents so far
        self.bank = PhraseTally() if phrases else None
        self.skeletons = SkeletonTally() if skeletons else None
        self.reports: list[FileReport] = []

    def _duplicate(self, sig: frozenset) -> bool:
        """True when an earlier kept document contains ≥ 60 % of this one's shingles (or the reverse)."""
        dup = bool(sig) and any(len(sig & s) >= CONTAINMENT * min(len(sig), len(s)) for s in self.kept)
        if not dup and sig:
            self.kept.append(sig)
        return dup

    def add(self, mined: MinedFile) -> list[MinedDoc]:
        """Apply one file's contributions; returns its documents with their duplicate_of flags set."""
        self.reports.append(mined.report)
        for md in mined.docs:
            entry = md.entry
            key = f"{entry['source']}#{entry['index']}"
            found = self.dedup.check_signature(key, md.sketch)
            if found:
                entry.setdefault("flags", {})["duplicate_of"] = found
            if self.bank is not None or self.skeletons is not None:
                dup = self._duplicate(md.shingles)
                if self.bank is not None:
                    self.bank.add(entry["source"], entry["genre"], md.candidates, dup)
                if self.skeletons is not None:
                    self.skeletons.add(entry["genre"], entry["source"], md.stats, md.candidates, dup)
            md.shingles, md.candidates, md.stats = frozenset(), (), None  # keep nothing but the counts
        return mined.docs
