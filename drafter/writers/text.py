"""Report model → plain text: what a clerk pastes into an e-mail or an OA system."""
from __future__ import annotations

from ..report import Heading, ListBlock, Paragraph, Report, Salutation, Signature, block_lines

_INDENT = "\u3000\u3000"


def write_text(report: Report) -> str:
    out: list[str] = []
    out.extend(report.title)
    out.extend(report.byline)
    if report.title or report.byline:
        out.append("")
    for block in report.blocks:
        if isinstance(block, (Heading, Paragraph)):
            out.extend(_INDENT + line for line in block_lines(block))
        elif isinstance(block, ListBlock):
            out.extend(_INDENT + line for line in block_lines(block))
        elif isinstance(block, Salutation):
            out.append(block.text)
        elif isinstance(block, Signature):
            out.append("")
            out.extend(block.lines)
    return "\n".join(out) + "\n"


def write(report: Report, options) -> bytes:
    """Registry entry point."""
    return write_text(report).encode("utf-8")
