"""One error family: every failure a user can cause is a DrafterError.

The CLI turns them into a Chinese message and an exit code; nothing else
should reach the user as a traceback.
"""
from __future__ import annotations

from .record import record



@record(frozen=True)
class Location:
    """Where a problem sits: file, 1-based line and column, dotted field path."""

    file: str
    line: int | None = None
    col: int | None = None
    field: str | None = None

    def prefix(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        head = ":".join(parts)
        return f"{head} {self.field}" if self.field else head


ERROR = "error"
WARNING = "warning"


@record(frozen=True)
class Problem:
    """One finding about user input or a draft — the one problem type of drafter.

    Fact-sheet problems (YAML, schema, formulas) print as `FILE:LINE:COL 字段.路径: 说明`;
    proofreading findings carry their lint `rule` and print as `FILE:LINE 规则: 说明 — 摘录`.
    """

    location: Location
    message: str
    severity: str = ERROR
    rule: str | None = None
    excerpt: str = ""

    @property
    def file(self) -> str:
        return self.location.file

    @property
    def line(self) -> int:
        return self.location.line or 0

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        if self.rule is None:
            return f"{self.location.prefix()}: {self.message}"
        head = f"{self.location.file}:{self.location.line} {self.rule}: {self.message}"
        return f"{head} — {self.excerpt}" if self.excerpt else head

    def format(self) -> str:
        return str(self)

    def to_dict(self) -> dict:
        loc = self.location
        if self.rule is not None:
            return {"file": loc.file, "line": loc.line, "rule": self.rule, "severity": self.severity,
                    "message": self.message, "excerpt": self.excerpt}
        return {"file": loc.file, "line": loc.line, "col": loc.col, "field": loc.field,
                "severity": self.severity, "message": self.message}


class DrafterError(Exception):
    """Base of all user-facing errors; `exit_code` 1 = bad input, 2 = usage."""

    exit_code = 1

    def __init__(self, message: str, problems: list[Problem] | None = None, *, footer: bool = False):
        super().__init__(message)
        self.message = message
        self.problems = list(problems or [])
        self.footer = footer  # print the message after the problems (a batch's verdict)
        self.findings: list[Problem] = []  # proofreading findings behind a refusal (printed as results)

    def lines(self) -> list[str]:
        if self.problems:
            return [str(p) for p in self.problems] + ([self.message] if self.footer else [])
        return [self.message]


class InputError(DrafterError):
    """The user's file is wrong (YAML, schema, encoding)."""

    exit_code = 1


class UsageError(DrafterError):
    """The command line is wrong (unknown template, bad option, missing folder)."""

    exit_code = 2


class OutputExistsError(DrafterError):
    """Refusing to overwrite without --force."""

    exit_code = 1


class TemplateError(DrafterError):
    """A template (shipped or the user's) is broken or asks for a missing value."""

    exit_code = 1
