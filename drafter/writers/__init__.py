"""Writers in one registry: every output format has a name, a suffix and one `write(report, options) -> bytes`.

Writer modules are imported only when a writer is used: python-docx (docx,
pdf) costs more start-up time than the whole rest of a render, and a clerk
asking for .txt should not pay for it. Every list of formats (CLI help,
output suffixes, validation) reads this registry.
"""
from __future__ import annotations

import functools
import importlib
import re
import shutil
from typing import TYPE_CHECKING

from ..errors import DrafterError, UsageError
from ..record import record
from ..report import BLOCK_TYPES

if TYPE_CHECKING:  # pragma: no cover - typing only
    from ..report import Report
    from ..style import Style


@record
class WriteOptions:
    """What a writer may need beyond the report; every field optional."""

    style: "Style | None" = None  # None → the default GB/T 9704 style (drafter.style.load_style())
    reference_doc: bytes | None = None  # a unit's own .docx (pandoc's reference-doc convention); docx and pdf
    title: str = ""  # document properties (core.xml title)
    author: str = ""  # the unit, for core.xml creator/lastModifiedBy

    def resolved_style(self) -> "Style":
        return self.style if self.style is not None else _default_style()


@functools.lru_cache(maxsize=1)
def _default_style() -> "Style":
    """GB/T 9704's style, read once per process (a web page renders many reports)."""
    from ..style import load_style

    return load_style()


@record
class Writer:
    """One output format: what the CLI, the web page and the suffix check list, and the module that writes it."""

    name: str
    suffix: str
    label: str
    module: str  # imported lazily; exposes write(report, options) -> bytes
    needs: tuple[tuple[str, str], ...] = ()  # (program on PATH, Debian package that provides it)

    def write(self, report: "Report", options: WriteOptions | None = None) -> bytes:
        reason = self.missing()
        if reason:
            raise DrafterError(reason)
        return importlib.import_module(self.module).write(report, options or WriteOptions())

    def missing(self) -> str | None:
        """None when usable on this machine, else what to install (in Chinese)."""
        for programs, package in self.needs:
            if not any(shutil.which(p) for p in programs.split("|")):
                return (f"输出{self.label}需要 LibreOffice，本机未安装。"
                        f"请安装后重试，例如：sudo apt install {package}（Windows/macOS 请从 libreoffice.org 下载安装）")
        return None


WRITERS: dict[str, Writer] = {
    w.name: w
    for w in (
        Writer("docx", ".docx", "Word 文档", "drafter.writers.docx"),
        Writer("pdf", ".pdf", "PDF 文档", "drafter.writers.pdf", needs=(("soffice|libreoffice", "libreoffice-writer-nogui"),)),
        Writer("html", ".html", "网页", "drafter.writers.html"),
        Writer("md", ".md", "Markdown 文本", "drafter.writers.markdown"),
        Writer("txt", ".txt", "纯文本", "drafter.writers.text"),
    )
}


def names() -> tuple[str, ...]:
    return tuple(WRITERS)


def get(name: str) -> Writer:
    try:
        return WRITERS[name]
    except KeyError:
        raise UsageError(f"不支持的输出格式“{name}”，可选：{'、'.join(WRITERS)}") from None


def _method_name(block_type: type) -> str:
    return "block_" + re.sub(r"(?<!^)(?=[A-Z])", "_", block_type.__name__).lower()


class BlockWriter:
    """Base of every writer: one `block_<type>` method per block type of the report model.

    A subclass missing a method fails when it is defined; a block of a type the
    model does not know fails when written. Nothing is ever silently skipped.
    """

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        missing = [_method_name(t) for t in BLOCK_TYPES if not callable(getattr(cls, _method_name(t), None))]
        if missing:
            raise TypeError(f"{cls.__name__} lacks {', '.join(missing)}")

    def block(self, block, *args):
        if type(block) not in BLOCK_TYPES:
            raise TypeError(f"{type(self).__name__}: unknown block type {type(block).__name__}")
        return getattr(self, _method_name(type(block)))(block, *args)
