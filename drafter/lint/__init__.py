"""drafter lint: a seasoned proofreader's pass over any draft.

any draft (docx, md, txt, fact sheet) → numbered text lines (extract) →
rule families (rules/) → findings. No jieba, no network: regular
expressions over lines and one era table (drafter/data/eras.yaml).
"""
from __future__ import annotations

from pathlib import Path

from .finding import ERROR, WARNING, Finding, has_errors
from .text import Doc

__all__ = [
    "ERROR", "WARNING", "Finding", "RULE_IDS", "has_errors",
    "lint_lines", "lint_path", "lint_factsheet_values", "lint_factsheet_text", "lint_value_lines",
]

_SEVERITY_ORDER = {ERROR: 0, WARNING: 1}


def __getattr__(name: str):
    """RULE_IDS (and the rule sets) load the rule modules on first use: drafting imports only what it needs."""
    if name in ("RULE_IDS", "ALL", "FACTSHEET"):
        from . import rules

        return getattr(rules, name)
    raise AttributeError(name)


def _rules(which: str):
    from . import rules

    return getattr(rules, which)


def _run(lines: list[tuple[int, str]], file: str, year: int | None, genre: str | None, rules,
         level: str | None = None) -> list[Finding]:
    doc = Doc(file=file, lines=list(lines), year=year, genre=genre, level=level)
    for rule in rules:
        rule.check(doc)
    unique = dict.fromkeys(doc.findings)
    return sorted(unique, key=lambda f: (f.line, _SEVERITY_ORDER.get(f.severity, 9), f.rule))


def lint_lines(lines: list[tuple[int, str]], file: str, year: int | None = None,
               genre_hint: str | None = None, level: str | None = None) -> list[Finding]:
    """Lint numbered text lines; the year and the unit's level default to what the text itself states."""
    from ..gongwen.levels import draft_level
    from ..gongwen.report_year import detect_year

    if year is None:
        year = detect_year(lines)
    return _run(lines, file, year, genre_hint, _rules("ALL"), level or draft_level(lines))


def lint_factsheet_values(path: Path, year: int | None = None) -> list[Finding]:
    """Lint the string values of a YAML fact sheet, at their YAML line numbers."""
    from .extract import _check_file, yaml_values

    path = Path(path)
    _check_file(path)
    lines, data = yaml_values(path)
    return _sheet_values(lines, data, str(path), year)


def lint_value_lines(lines: list[tuple[int, str]], source: str, year: int | None,
                     genre: object = None, level: str | None = None) -> list[Finding]:
    """The fact-sheet rules over a sheet's text values already placed at their YAML lines."""
    return _run(lines, source, year, genre if isinstance(genre, str) else None, _rules("FACTSHEET"), level)


def lint_factsheet_text(text: str, source: str, year: int | None = None) -> list[Finding]:
    """lint_factsheet_values for a fact sheet's text in memory."""
    from .extract import yaml_text_values

    lines, data = yaml_text_values(text, source)
    return _sheet_values(lines, data, source, year)


def _sheet_values(lines: list[tuple[int, str]], data: object, source: str, year: int | None) -> list[Finding]:
    """The fact-sheet rules with what the sheet itself says: its year (unless given), genre and level."""
    from ..gongwen.levels import sheet_level
    from ..gongwen.report_year import factsheet_year

    if year is None:
        year = factsheet_year(data)
    genre = data.get("genre") if isinstance(data, dict) else None
    return lint_value_lines(lines, source, year, genre, sheet_level(data))


def lint_path(path: Path, year: int | None = None) -> list[Finding]:
    """Lint a .docx, .md, .txt draft or a .yaml/.yml fact sheet (dispatch on the extension)."""
    from .extract import YAML_SUFFIXES, path_lines

    path = Path(path)
    if path.suffix.lower() in YAML_SUFFIXES:
        return lint_factsheet_values(path, year)
    return lint_lines(path_lines(path), str(path), year)
