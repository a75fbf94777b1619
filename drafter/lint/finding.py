"""The one result type of the proofreading pass."""
from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem at one line: printable as `FILE:LINE 规则: 说明 — 摘录`."""

    file: str
    line: int
    rule: str
    severity: str
    message: str
    excerpt: str

    def format(self) -> str:
        text = f"{self.file}:{self.line} {self.rule}: {self.message}"
        return f"{text} — {self.excerpt}" if self.excerpt else text

    def to_dict(self) -> dict:
        return asdict(self)


def has_errors(findings) -> bool:
    """True when any finding is error-level (the CLI then exits 1)."""
    return any(f.severity == ERROR for f in findings)
