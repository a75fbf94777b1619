"""The index JSON: documents with line ranges, genre, role sections and outline."""
from __future__ import annotations

import json
from typing import Iterable

from .model import Document


def document_entry(doc: Document) -> dict:
    """One document as an index entry (all line numbers are raw 1-based lines)."""
    entry = {
        "source": doc.source,
        "index": doc.index,
        "start_line": doc.start_line,
        "end_line": doc.end_line,
        "title": doc.title,
        "genre": doc.genre,
        "sections": [{"role": s.role, "start_line": s.start_line, "end_line": s.end_line} for s in doc.sections],
        "outline": [{"level": o.level, "number": o.number, "text": o.text, "line": o.line} for o in doc.outline],
    }
    if doc.flags:
        entry["flags"] = {k: v for k, v in doc.flags.items()}
    return entry


def build_index(docs: Iterable[Document]) -> dict:
    return {"documents": [document_entry(d) for d in docs]}


def dumps(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, indent=2) + "\n"
