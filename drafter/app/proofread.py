"""Use case of the proofreading pass: lint any draft."""
from __future__ import annotations

from pathlib import Path

from ..errors import Problem, UsageError
from .workspace import Workspace


def lint_file(ws: Workspace, path: Path, *, year: int | None = None) -> list[Problem]:
    """Findings for a .docx, .md, .txt draft or a .yaml fact sheet."""
    from ..lint import lint_path

    if year is not None and not 1949 <= year <= 2100:
        raise UsageError(f"--year {year}：年份应在 1949 到 2100 之间")
    return lint_path(Path(path), year)


def lint_draft(ws: Workspace, data: bytes, name: str, *, year: int | None = None) -> list[Problem]:
    """Findings for a draft held in memory (an upload); `name` gives its kind by extension."""
    import tempfile

    suffix = Path(name).suffix or ".txt"
    with tempfile.TemporaryDirectory(prefix="drafter-lint-") as tmp:
        path = Path(tmp) / f"draft{suffix}"
        path.write_bytes(data)
        findings = lint_file(ws, path, year=year)
    return [Problem(p.location.__class__(name, p.location.line, p.location.col, p.location.field),
                    p.message, p.severity, p.rule, p.excerpt) for p in findings]
