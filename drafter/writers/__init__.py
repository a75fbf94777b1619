"""The writer registry: every output format is a name, a suffix and one write(report, options) -> bytes.

Writers are imported when used (python-docx is the slow one), so listing the
formats costs nothing at start-up. A new format is one module plus one row here.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from ..report import Report
    from ..style import Style


@dataclass(frozen=True)
class WriteOptions:
    style: "Style | None" = None
    reference_doc: bytes | None = None
    title: str = ""
    author: str = ""


@dataclass(frozen=True)
class Writer:
    name: str
    suffix: str
    label: str
    module: str

    def write(self, report: "Report", options: WriteOptions) -> bytes:
        return importlib.import_module(self.module).write(report, options)

    def missing(self) -> str | None:
        check = getattr(importlib.import_module(self.module), "missing", None)
        return check() if check is not None else None


WRITERS: dict[str, Writer] = {
    w.name: w
    for w in (
        Writer("docx", ".docx", "Word 文档", "drafter.writers.docx"),
        Writer("md", ".md", "Markdown 文本", "drafter.writers.markdown"),
        Writer("txt", ".txt", "纯文本", "drafter.writers.text"),
    )
}


def names() -> tuple[str, ...]:
    return tuple(WRITERS)


def get(name: str) -> Writer:
    if name not in WRITERS:
        raise UsageError(f"不支持的输出格式“{name}”，可选：{'、'.join(WRITERS)}")
    return WRITERS[name]
