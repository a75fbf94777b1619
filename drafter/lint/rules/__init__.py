"""The rule families: each module has RULE (its id) and check(doc), a pure pass over doc.lines."""
from __future__ import annotations

from . import dates, facts, figures, genre, numbering, organs, placeholder, punctuation, register, repeated, stale, stale_terms

ALL = (placeholder, stale, figures, punctuation, dates, numbering, repeated, genre, organs, facts, register, stale_terms)
# A fact sheet's values are separate snippets: list numbering and the genre's
# opening/closing formulas belong to the template, not to the clerk's values.
FACTSHEET = (placeholder, stale, figures, punctuation, dates, repeated, organs, facts, register, stale_terms)
RULE_IDS = tuple(module.RULE for module in ALL)
