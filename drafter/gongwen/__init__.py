"""The ground floor: conventions of Chinese official writing (公文), pure and data-driven.

Numerals both ways, numbering styles, sentences, placeholders and slots, eras
and the report year, the genre and role registry. Corpus, lint, mining and
drafting all import downward from here; nothing here imports them.
"""
