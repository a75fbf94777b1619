"""Report model → Markdown, readable on its own and round-trippable through markup.py."""
from __future__ import annotations

from ..markup import escape
from ..report import Heading, ListBlock, Paragraph, Report, Salutation, Signature


def write_markdown(report: Report) -> str:
    out: list[str] = []
    for line in report.title:
        out.append(f"# {escape(line)}")
    if report.byline:
        out.append("")
        out.append("{.byline}")
        out.append("\\\n".join(escape(line) for line in report.byline))
    for block in report.blocks:
        out.append("")
        if isinstance(block, Heading):
            out.append("#" * (block.level + 1) + " " + escape(block.text))
        elif isinstance(block, Paragraph):
            lead = f"**{escape(block.lead)}** " if block.lead else ""
            out.append(lead + escape(block.text))
        elif isinstance(block, ListBlock):
            for i, item in enumerate(block.items, 1):
                out.append((f"{i}. " if block.ordered else "- ") + escape(item))
        elif isinstance(block, Salutation):
            out.append("{.salutation}")
            out.append(escape(block.text))
        elif isinstance(block, Signature):
            out.append("{.signature}")
            out.append("\\\n".join(escape(line) for line in block.lines))
    return "\n".join(out) + "\n"


def write(report: Report, options) -> bytes:
    """Registry entry point."""
    return write_markdown(report).encode("utf-8")
