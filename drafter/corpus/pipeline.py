"""File → documents, streaming: the public entry point of mining.

`mine_paths(paths)` yields `Document`s one file at a time, so memory does not
grow with the corpus.  Each document carries its cleaned lines with roles,
role sections, numbered outline and flags (truncated, duplicate_of).

`mine_bytes(data, source)` is the pure per-file step (bytes and a name in,
documents and a report out) that `drafter mine` runs in parallel; the
duplicate test across files (`Dedup`) is then applied in corpus order.
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
from .read import ReadResult, decode_bytes, split_lines
from .segment import build_sections, segment
from .split import split_documents


@dataclass
class FileReport:
    """What reading and cleaning one file did (for the cleaning report)."""

    source: str
    encoding: str = ""
    status: str = "ok"  # ok | empty | binary | unreadable
    error: str = ""  # why an unreadable file could not be read
    replaced: int = 0
    raw_lines: int = 0
    documents: int = 0
    counts: dict = field(default_factory=dict)


def iter_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Expand folders to their .txt files (sorted); files are yielded as given."""
    for path, _label in corpus_files(paths):
        yield path


def corpus_files(paths: Iterable[Path | str]) -> list[tuple[Path, str]]:
    """(file, source label) for every corpus file; labels are unique.

    A file inside a given folder is labelled by its path relative to that folder
    (`a/report.txt`), a file given by itself by its name; two files that would
    share a label (report.txt from two folders) are told apart by their parent folders.
    """
    found: list[tuple[Path, list[str]]] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            # not only regular files: a FIFO or a broken link called *.txt is reported and skipped
            for q in sorted(q for q in path.rglob("*.txt") if not q.is_dir()):
                found.append((q, list(q.relative_to(path).parts)))
        else:
            found.append((path, [path.name]))
    labels = ["/".join(parts) for _q, parts in found]
    for _round in range(64):
        clash = {lab for lab in labels if labels.count(lab) > 1}
        if not clash:
            break
        for i, (q, parts) in enumerate(found):
            if labels[i] in clash:
                parents = Path(q).resolve().parts[:-len(parts)]
                if parents:
                    parts.insert(0, parents[-1] if parents[-1] != "/" else "_")
                    found[i] = (q, parts)
                labels[i] = "/".join(parts)
    else:  # the same file given twice: number the copies
        seen: dict[str, int] = {}
        for i, lab in enumerate(labels):
            seen[lab] = seen.get(lab, 0) + 1
            if seen[lab] > 1:
                labels[i] = f"{lab}#{seen[lab]}"
    return [(q, lab) for (q, _parts), lab in zip(found, labels)]


class Dedup:
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
        return self.check_signature(key, self.signature(text))

    def check_signature(self, key: str, sig: frozenset[int]) -> str | None:
        """The key of an earlier near-identical document, or None; remembers this one."""
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


def mine_text(text: str, source: str, dedup: Dedup | None = None) -> tuple[list[Document], dict]:
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


def mine_bytes(data: bytes, source: str, dedup: Dedup | None = None) -> tuple[list[Document], FileReport]:
    """Mine the bytes of one file named `source`; empty or binary data give no documents and a report saying so."""
    result: ReadResult = decode_bytes(data)
    report = FileReport(source=source, encoding=result.encoding, status=result.status, replaced=result.replaced)
    if result.status != "ok":
        return [], report
    report.raw_lines = len(split_lines(result.text))
    docs, counts = mine_text(result.text, source, dedup)
    report.counts = counts
    report.documents = len(docs)
    return docs, report


def read_corpus_file(path: Path) -> tuple[bytes | None, str]:
    """(bytes, "") or (None, why it cannot be read): regular files of bounded size only (fileio.read_regular)."""
    from ..errors import InputError
    from ..fileio import read_regular
    from .read import MAX_FILE_BYTES

    try:
        return read_regular(path, MAX_FILE_BYTES, "语料文件"), ""
    except InputError as exc:
        return None, exc.message.split(": ", 1)[-1]


def mine_file(path: Path, dedup: Dedup | None = None, source: str | None = None) -> tuple[list[Document], FileReport]:
    """Mine one file; unreadable, empty or binary files give no documents and a report saying so."""
    source = source or Path(path).name
    data, why = read_corpus_file(Path(path))
    if data is None:
        return [], FileReport(source=source, status="unreadable", error=why)
    return mine_bytes(data, source, dedup)


def mine_paths(paths: Iterable[Path | str], reports: list[FileReport] | None = None) -> Iterator[Document]:
    """Yield the documents of every file (folders expand to their .txt files), file by file.

    If `reports` is given, one `FileReport` per file is appended to it (also for
    skipped empty/binary files).  Missing paths raise UsageError.
    """
    from ..errors import UsageError

    dedup = Dedup()
    for path, label in corpus_files(paths):
        if not path.exists():
            raise UsageError(f"{path}: 文件或文件夹不存在")
        docs, report = mine_file(path, dedup, label)
        if reports is not None:
            reports.append(report)
        yield from docs
