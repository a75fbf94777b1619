"""One error family: every failure a user can cause is a DrafterError.

The CLI turns them into a Chinese message and an exit code; nothing else
should reach the user as a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Problem:
    """One finding about user input, printable as `FILE:LINE:COL 字段.路径: 说明`."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location.prefix()}: {self.message}"


class DrafterError(Exception):
    """Base of all user-facing errors; `exit_code` 1 = bad input, 2 = usage."""

    exit_code = 1

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.message = message
        self.problems = list(problems or [])

    def lines(self) -> list[str]:
        if self.problems:
            return [str(p) for p in self.problems]
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
