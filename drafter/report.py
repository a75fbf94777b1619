"""The report model: the one meeting point between templates and writers.

Templates produce markup; markup.py turns it into these objects; the writers
of drafter.writers (docx, pdf, html, md, txt) turn these objects into files,
one method per block type. Neither side knows the other.
"""
from __future__ import annotations

from dataclasses import field
from typing import Literal, Union

from .record import record


@record
class Heading:
    """A standalone heading line; level 1 = 一、 (黑体), 2 = （一） (楷体), 3 = 1. , 4 = （1）."""

    level: int
    text: str


@record
class Paragraph:
    """A body paragraph, optionally opened by a run-in heading of the given level."""

    text: str
    lead: str = ""
    lead_level: int = 0


@record
class ListBlock:
    """Enumerated items; ordered → 1. 2. …, bullet → —— dash items."""

    items: tuple[str, ...]
    ordered: bool = True


@record
class Salutation:
    """The addressee line of a speech (各位代表：), set apart from the body paragraphs."""

    text: str


@record
class Signature:
    """Issuer(s) and date at the end, placed per GB/T 9704 §7.3.5.

    `lines` are the issuer lines followed by the date line (as the template
    wrote them). `sealed`: the document carries a seal (§7.3.5.1: date four
    characters from the right, issuer centred over it); otherwise §7.3.5.2
    (issuer two characters from the right, date shifted two characters right
    of the issuer's first character). `personal`: a person signs (述职 by one
    official) rather than a body; sealed personal signatures follow §7.3.5.3.
    """

    lines: tuple[str, ...]
    sealed: bool = False
    personal: bool = False

    @property
    def issuers(self) -> tuple[str, ...]:
        return self.lines[:-1] if len(self.lines) > 1 else self.lines

    @property
    def date(self) -> str:
        return self.lines[-1] if len(self.lines) > 1 else ""


Block = Union[Heading, Paragraph, ListBlock, Salutation, Signature]
BLOCK_TYPES: tuple[type, ...] = (Heading, Paragraph, ListBlock, Salutation, Signature)


TITLE_BREAK = "|"
"""In a title or byline line, marks where the line must break (a template's or a clerk's choice)."""


@record
class Report:
    """`title` and `byline` hold the lines as authored; a line longer than the
    page is broken by the writer (drafter.writers.linebreak), a TITLE_BREAK in it
    forces a break there."""

    title: list[str] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    def plain_lines(self) -> list[str]:
        """Every line as a reader sees it (used by the txt writer and by tests)."""
        lines = [t.replace(TITLE_BREAK, "") for t in self.title] + [b.replace(TITLE_BREAK, "") for b in self.byline]
        for b in self.blocks:
            lines.extend(block_lines(b))
        return lines


def list_marker(index: int, ordered: bool) -> str:
    return f"{index}." if ordered else "——"


def block_lines(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [block.text]
    if isinstance(block, Paragraph):
        return [block.lead + block.text]
    if isinstance(block, ListBlock):
        return [list_marker(i, block.ordered) + t for i, t in enumerate(block.items, 1)]
    if isinstance(block, Salutation):
        return [block.text]
    if isinstance(block, Signature):
        return list(block.lines)
    raise TypeError(block)


Format = Literal["docx", "md", "txt"]
