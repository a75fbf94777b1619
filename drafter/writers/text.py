"""Report model → plain text: what a clerk pastes into an e-mail or an OA system."""
from __future__ import annotations

from ..report import TITLE_BREAK, Heading, ListBlock, Paragraph, Report, Salutation, Signature, block_lines
from . import BlockWriter, WriteOptions

_INDENT = "\u3000\u3000"


class _Text(BlockWriter):
    def block_heading(self, block: Heading) -> list[str]:
        return [_INDENT + block.text]

    def block_paragraph(self, block: Paragraph) -> list[str]:
        return [_INDENT + line for line in block_lines(block)]

    def block_list_block(self, block: ListBlock) -> list[str]:
        return [_INDENT + line for line in block_lines(block)]

    def block_salutation(self, block: Salutation) -> list[str]:
        return [block.text]

    def block_signature(self, block: Signature) -> list[str]:
        return ["", *block.lines]


def write_text(report: Report) -> str:
    out: list[str] = []
    out.extend(t.replace(TITLE_BREAK, "") for t in report.title)
    out.extend(b.replace(TITLE_BREAK, "") for b in report.byline)
    if report.title or report.byline:
        out.append("")
    w = _Text()
    for block in report.blocks:
        out.extend(w.block(block))
    return "\n".join(out) + "\n"


def write(report: Report, options: WriteOptions) -> bytes:
    return write_text(report).encode("utf-8")
