"""File → documents, streaming: the public entry point of mining.

`mine_paths(paths)` yields `Document`s one file at a time, so memory does not
grow with the corpus.  Each document carries its cleaned lines with roles,
role sections, numbered outline and flags (truncated, duplicate_of).
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .clean import clean_lines, make_lines
from .genre import detect_genre
from .model import Document
from .numbering import build_outline
from .read import ReadResult, read_path, split_lines
from .segment import build_sections, segment
from .split import split_documents


@dataclass
class FileReport:
    """What reading and cleaning one file did (for the cleaning report)."""

    source: str
    encoding: str = ""
    status: str = "ok"
    replaced: int = 0
    raw_lines: int = 0
    documents: int = 0
    counts: dict = field(default_factory=dict)


def iter_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Expand folders to their .txt files (sorted); files are yielded as given."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(q for q in path.rglob("*.txt") if q.is_file())
        else:
            yield path


class _Dedup:
    """Near-duplicate detection with sampled character shingles (bounded memory per document)."""

    K = 24  # bottom-k sketch size: constant memory per document

    def __init__(self, limit: int = 2000):
        self.seen: list[tuple[str, frozenset[int]]] = []
        self.limit = limit

    @classmethod
    def signature(cls, text: str) -> frozenset[int]:
        t = re.sub(r"[^\u4e00-\u9fff]", "", text)
        shingles = {zlib.crc32(t[i : i + 8].encode("utf-8")) for i in range(0, max(len(t) - 7, 0))}
        return frozenset(sorted(shingles)[: cls.K])

    def check(self, key: str, text: str) -> str | None:
        sig = self.signature(text)
        if len(sig) < 5:
            return None
        found = None
        for other, osig in self.seen:
            inter = len(sig & osig)
            if inter and inter / min(len(sig), len(osig)) >= 0.5:
                found = other
                break
        if len(self.seen) < self.limit:
            self.seen.append((key, sig))
        return found


def mine_text(text: str, source: str, dedup: _Dedup | None = None) -> tuple[list[Document], dict]:
    """Mine one decoded text: clean, split, genre, segment. Returns documents and cleaning counts."""
    lines, counts = clean_lines(make_lines(split_lines(text)))
    docs: list[Document] = []
    for idx, span in enumerate(split_documents(lines), 1):
        genre = detect_genre(span.lines, span.title)
        segment(span.lines, genre)
        doc = Document(
            source=source,
            index=idx,
            start_line=span.start_line,
            end_line=span.end_line,
            title=span.title,
            genre=genre,
            lines=span.lines,
            sections=build_sections(span.lines),
            outline=build_outline(span.lines),
            flags=dict(span.flags),
        )
        if span.marker:
            doc.flags["marker"] = span.marker
        last = span.lines[-1].text.rstrip()
        if last and last[-1] not in "。！？”）!?" and "closing" not in span.lines[-1].roles:
            doc.flags["truncated"] = True
        if dedup is not None:
            dup = dedup.check(f"{source}#{idx}", doc.text)
            if dup:
                doc.flags["duplicate_of"] = dup
        docs.append(doc)
    return docs, counts


def mine_file(path: Path, dedup: _Dedup | None = None) -> tuple[list[Document], FileReport]:
    """Mine one file; empty or binary files give no documents and a report saying so."""
    result: ReadResult = read_path(path)
    report = FileReport(source=path.name, encoding=result.encoding, status=result.status, replaced=result.replaced)
    if result.status != "ok":
        return [], report
    report.raw_lines = len(split_lines(result.text))
    docs, counts = mine_text(result.text, path.name, dedup)
    report.counts = counts
    report.documents = len(docs)
    return docs, report


def mine_paths(paths: Iterable[Path | str], reports: list[FileReport] | None = None) -> Iterator[Document]:
    """Yield the documents of every file (folders expand to their .txt files), file by file.

    If `reports` is given, one `FileReport` per file is appended to it (also for
    skipped empty/binary files).  Missing paths raise UsageError.
    """
    from ..errors import UsageError

    dedup = _Dedup()
    for path in iter_files(paths):
        if not path.exists():
            raise UsageError(f"{path}: 文件或文件夹不存在")
        docs, report = mine_file(path, dedup)
        if reports is not None:
            reports.append(report)
        yield from docs
