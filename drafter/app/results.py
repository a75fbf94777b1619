"""Typed results of the use cases: what front ends print or serve."""
from __future__ import annotations

from dataclasses import field
from pathlib import Path

from ..errors import Problem
from ..record import record


@record
class TemplateInfo:
    """A template as `drafter templates` and the web page list it."""

    id: str
    name: str
    description: str
    genre: str


@record
class FormulaInfo:
    """A formula field of a template: a sentence the phrase bank can supply."""

    field: str
    role: str
    function: str | None


@record
class CheckResult:
    """Everything `check` found about one fact sheet (schema, formulas, template, lint)."""

    source: str
    problems: list[Problem] = field(default_factory=list)
    template_id: str | None = None
    year: int | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


@record
class RenderOutput:
    """One rendered report: its default file name, its bytes, and warnings found on the way."""

    name: str
    data: bytes
    problems: tuple[Problem, ...] = ()
    target: Path | None = None


@record
class Preview:
    """The draft as the web page shows it, with what check found."""

    html: str
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


@record
class Suggestion:
    """A phrase-bank candidate for a field, filled in for this sheet; `variant` is what --variant takes."""

    variant: int | None
    text: str
    raw: str
    role: str | None
    function: str | None
    sources: tuple[str, ...]
    count: int
    same_genre: bool = False
    genres: tuple[str, ...] = ()


@record
class Phrase:
    """A phrase-bank entry as search lists it, with the score that ranked it."""

    text: str
    role: str | None
    function: str | None
    genres: tuple[str, ...]
    sources: tuple[str, ...]
    count: int
    pinyin: str
    score: float = 0.0
    keywords: tuple[str, ...] = ()
