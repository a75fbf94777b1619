"""Lint precision on real reports it was not written against: no error finding on any of them.

Each report is linted as a clerk would run it, `drafter lint FILE --year Y`, with Y the year the
report reviews (the year before delivery: a report of January 2026 reviews 2025).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from drafter.lint import ERROR, lint_path

DEVSET = Path(__file__).parent / "fixtures" / "devset"
REPORTS = sorted(DEVSET.rglob("*.txt"))


def test_the_devset_is_there():
    assert len(list((DEVSET / "provincial-2026").glob("*.txt"))) == 26
    assert len(list((DEVSET / "national-1978-2004").glob("*.txt"))) == 23


@pytest.mark.parametrize("path", REPORTS, ids=[p.stem for p in REPORTS])
def test_no_error_finding_on_a_real_report(path: Path):
    year = int(path.name[:4]) - 1
    errors = [f.format() for f in lint_path(path, year) if f.severity == ERROR]
    assert errors == []
