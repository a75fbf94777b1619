"""Report model → Markdown, readable on its own and round-trippable through markup.py."""
from __future__ import annotations

from ..markup import escape
from ..report import Heading, ListBlock, Paragraph, Report, Salutation, Signature
from . import BlockWriter, WriteOptions


class _Markdown(BlockWriter):
    def block_heading(self, block: Heading) -> list[str]:
        return ["#" * (block.level + 1) + " " + escape(block.text)]

    def block_paragraph(self, block: Paragraph) -> list[str]:
        lead = f"**{escape(block.lead)}** " if block.lead else ""
        return [lead + escape(block.text)]

    def block_list_block(self, block: ListBlock) -> list[str]:
        return [(f"{i}. " if block.ordered else "- ") + escape(item) for i, item in enumerate(block.items, 1)]

    def block_salutation(self, block: Salutation) -> list[str]:
        return ["{.salutation}", escape(block.text)]

    def block_signature(self, block: Signature) -> list[str]:
        classes = ".signature" + (" .sealed" if block.sealed else "") + (" .personal" if block.personal else "")
        return ["{" + classes + "}", "\\\n".join(escape(line) for line in block.lines)]


def _line(text: str) -> str:
    """Escape a title/byline line but keep its break marks."""
    return "|".join(escape(part) for part in text.split("|"))


def write_markdown(report: Report) -> str:
    out: list[str] = []
    for line in report.title:
        out.append(f"# {_line(line)}")
    if report.byline:
        out.append("")
        out.append("{.byline}")
        out.append("\\\n".join(_line(line) for line in report.byline))
    w = _Markdown()
    for block in report.blocks:
        out.append("")
        out.extend(w.block(block))
    return "\n".join(out) + "\n"


def write(report: Report, options: WriteOptions) -> bytes:
    return write_markdown(report).encode("utf-8")
