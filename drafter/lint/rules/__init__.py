"""The rule families: each module has RULE (its id) and check(doc), a pure pass over doc.lines.

The modules compile their patterns at import, so they load on first use of a
rule set (ALL, FACTSHEET, RULE_IDS): drafting, which asks only the era rule
about formula candidates, imports `rules.stale` alone.
"""
from __future__ import annotations

import importlib

# every rule, in the order its findings are produced
NAMES = ("placeholder", "stale", "figures", "punctuation", "dates", "numbering", "repeated", "genre",
         "organs", "unit_level", "facts", "register", "stale_terms")
# A fact sheet's values are separate snippets: list numbering and the genre's
# opening/closing formulas belong to the template, not to the clerk's values.
FACTSHEET_NAMES = ("placeholder", "stale", "figures", "punctuation", "dates", "repeated",
                   "organs", "unit_level", "facts", "register", "stale_terms")


def _modules(names: tuple[str, ...]) -> tuple:
    return tuple(importlib.import_module(f"{__name__}.{n}") for n in names)


def __getattr__(name: str):
    if name == "ALL":
        return _modules(NAMES)
    if name == "FACTSHEET":
        return _modules(FACTSHEET_NAMES)
    if name == "RULE_IDS":
        return tuple(m.RULE for m in _modules(NAMES))
    raise AttributeError(name)
