"""Lint findings of the fact-wording rule families on real reports: the precision figures.

    python bench/lint_facts.py [DEVSET_DIR]   # default tests/fixtures/devset

Prints, per rule and severity, the findings on the development set (each report
linted for the year it reviews: file year - 1), on the seed corpus with the year
lint detects (the corpus's years were rewritten by the sites, N14, so era rules
fire there by design) and on seed documents linted for their true year (known
from their own era cues, CORPUS-NOTES N14).
"""
from __future__ import annotations

import collections
import sys
from pathlib import Path

from drafter.lint import lint_lines, lint_path
from drafter.lint.extract import path_lines

ROOT = Path(__file__).resolve().parent.parent
NEW = ("organ-name", "fact-wording", "register", "stale-term")
# seed documents whose true year their own text gives away (002 第二篇: 十三五开局之年 = 2016;
# 第七篇: 建国第60周年 = 2009; 第十篇: 十七届三中全会 = 2009; 第九篇: 十六届三中、四中全会 = 2004)
TRUE_YEARS = [("002_b041b87a843ba271.txt", 42, 134, 2016), ("002_b041b87a843ba271.txt", 350, 442, 2009),
              ("002_b041b87a843ba271.txt", 490, 578, 2009), ("002_b041b87a843ba271.txt", 466, 488, 2004)]


def _count(findings) -> dict:
    c = collections.Counter((f.rule, f.severity) for f in findings)
    return {f"{r}/{s}": n for (r, s), n in sorted(c.items())}


def main() -> None:
    devset = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "fixtures" / "devset"
    found = []
    for path in sorted(devset.rglob("*.txt")):
        # provincial and national reports: the year they review; township pages: the year lint detects
        year = int(path.name[:4]) - 1 if path.name[:4].isdigit() else None
        found += lint_path(path, year)
    print("devset (all rules):", _count(found))
    print("devset (new rules):", _count(f for f in found if f.rule in NEW))
    seed = [f for p in sorted((ROOT / "corpus").glob("0*.txt")) for f in lint_path(p)]
    print("seed corpus, detected year (new rules):", _count(f for f in seed if f.rule in NEW))
    right = []
    for name, a, b, year in TRUE_YEARS:
        lines = [ln for ln in path_lines(ROOT / "corpus" / name) if a <= ln[0] <= b]
        right += lint_lines(lines, name, year)
    print("seed documents, true year (new rules):", _count(f for f in right if f.rule in NEW))


if __name__ == "__main__":
    main()
