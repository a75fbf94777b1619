"""Lookup tables for cleaning, loaded once from drafter/data/corpus_*."""
from __future__ import annotations

from functools import lru_cache

from ..resources import data_file


@lru_cache(maxsize=1)
def tables() -> dict:
    """The YAML tables: chrome patterns, injected spans, spin pairs, deletions, acronyms."""
    import yaml

    with open(data_file("corpus_tables.yaml"), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    """Characters frequent in the seed corpus (Simplified and Traditional)."""
    text = data_file("corpus_common_chars.txt").read_text(encoding="utf-8")
    body = "".join(line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(body)
