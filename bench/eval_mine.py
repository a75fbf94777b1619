"""Print the mining accuracy figures against the hand annotations: seed corpus and development set apart.

    python bench/eval_mine.py [-v] [--heldout-misses]

Seed: corpus/ scored against tests/fixtures/annotations/*.yaml (the files mining was first written against).
Dev:  tests/fixtures/devset/ scored against tests/fixtures/annotations/dev/*.yaml, by kind (provincial 2026,
      State Council 1978–2004, township pages) and by split: "tuned" documents may have been looked at while
      fixing mining; "held out" documents never were, so their figures are the honest ones.
-v prints the misses of the seed and of the tuned dev documents; held-out misses only with --heldout-misses.
"""
from __future__ import annotations

import sys
from pathlib import Path

from drafter.corpus.evaluate import Scores, evaluate, evaluate_groups

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures"


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    seed = evaluate(ROOT / "corpus", FIX / "annotations")
    print("== seed corpus (corpus/, tests/fixtures/annotations/)")
    for line in seed.lines():
        print("  " + line)
    if verbose:
        for miss in seed.misses:
            print("    ", miss)
    groups = evaluate_groups(FIX / "devset", FIX / "annotations" / "dev")
    print("== development set (tests/fixtures/devset/, tests/fixtures/annotations/dev/)")
    tuned, held = Scores(), Scores()
    for (kind, heldout), s in groups.items():
        print(f"  {kind:10s} {'held out' if heldout else 'tuned   '}  {s.row()}")
        if heldout:
            held = held.add(s)
        else:
            tuned = tuned.add(s)
    national = Scores()
    for (kind, _), s in groups.items():
        if kind == "national":
            national = national.add(s)
    print(f"  {'all':10s} tuned     {tuned.row()}")
    print(f"  {'all':10s} held out  {held.row()}")
    print(f"  {'all':10s} together  {tuned.add(held).row()}")
    print(f"  State Council anchor roles (tuned + held out): {national.anchor_exact}/{national.anchor_lines}"
          f" = {national.anchor_accuracy:.1%}")
    if verbose:
        for (kind, heldout), s in groups.items():
            if heldout and "--heldout-misses" not in argv:
                continue
            for miss in s.misses:
                print("    ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
