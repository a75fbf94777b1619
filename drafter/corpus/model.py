"""Data objects shared by the mining steps: a cleaned line and a document.

Every cleaned `Line` remembers the 1-based raw line(s) of the input file it
came from, so that every figure `drafter mine` reports points back to the raw
corpus.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..gongwen.genres import ROLE_IDS, default_registry


@dataclass
class Line:
    """One cleaned line.

    raw_no   first raw line (1-based) the text comes from
    raw_end  last raw line it covers (differs from raw_no when broken lines were joined)
    text     cleaned text
    roles    skeleton roles (filled by segmentation; one line may carry several)
    flags    notes left by cleaning (e.g. "mojibake" when a repair was not possible)
    """

    raw_no: int
    text: str
    raw_end: int = 0
    roles: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.raw_end or self.raw_end < self.raw_no:
            self.raw_end = self.raw_no


@dataclass
class OutlineItem:
    """One numbered heading or item: level 1 = outermost numbering style seen."""

    level: int
    number: str
    text: str
    line: int
    style: str = ""


@dataclass
class Section:
    """A run of consecutive lines sharing a role (raw line numbers, inclusive)."""

    role: str
    start_line: int
    end_line: int


@dataclass
class Document:
    """One document found in a raw file.

    source       file name (no folder)
    index        1-based position of the document within its file
    start_line   first raw line (marker or title line)
    end_line     last raw line of genuine text
    title        title (marker suffix such as "5000字" removed)
    genre        one of GENRES (decided from content)
    lines        cleaned lines (non-blank), each with roles
    sections     role runs
    outline      numbered outline
    flags        e.g. {"truncated": True, "duplicate_of": "002_…txt#3", "marker": "篇一"}
    """

    source: str
    index: int
    start_line: int
    end_line: int
    title: str
    genre: str = "other"
    lines: list[Line] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    outline: list[OutlineItem] = field(default_factory=list)
    flags: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The cleaned document as plain text, one line per cleaned line."""
        return "\n".join(line.text for line in self.lines)


# Genres and roles are data (drafter/gongwen/genres.py: template folders + drafter/data/genres.yaml).
GENRES: tuple[str, ...] = tuple(default_registry())
ROLES: tuple[str, ...] = ROLE_IDS
