"""The rule families: each module has RULE (its id) and check(doc), a pure pass over doc.lines."""
from __future__ import annotations

from . import dates, figures, genre, numbering, placeholder, punctuation, repeated, stale

ALL = (placeholder, stale, figures, punctuation, dates, numbering, repeated, genre)
# A fact sheet's values are separate snippets: list numbering and the genre's
# opening/closing formulas belong to the template, not to the clerk's values.
FACTSHEET = (placeholder, stale, figures, punctuation, dates, repeated)
RULE_IDS = tuple(module.RULE for module in ALL)
