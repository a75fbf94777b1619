"""The proofreading pass reports drafter's one problem type (errors.Problem) with a rule id."""
from __future__ import annotations

from ..errors import ERROR, WARNING, Location, Problem

__all__ = ["ERROR", "WARNING", "Finding", "has_errors"]


def Finding(file: str, line: int, rule: str, severity: str, message: str, excerpt: str) -> Problem:  # noqa: N802
    """A lint finding: a Problem at FILE:LINE with its rule id and an excerpt."""
    return Problem(Location(file, line), message, severity, rule, excerpt)


def has_errors(findings) -> bool:
    """True when any finding is error-level (the CLI then exits 1)."""
    return any(f.severity == ERROR for f in findings)
