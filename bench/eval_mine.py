"""Print the mining accuracy figures against the hand annotations.

    python bench/eval_mine.py [CORPUS_DIR] [ANNOTATION_DIR] [-v]
"""
from __future__ import annotations

import sys
from pathlib import Path

from drafter.corpus.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("-")]
    corpus = Path(args[0]) if args else ROOT / "corpus"
    annotations = Path(args[1]) if len(args) > 1 else ROOT / "tests" / "fixtures" / "annotations"
    scores = evaluate(corpus, annotations)
    for line in scores.lines():
        print(line)
    if "-v" in argv:
        for miss in scores.misses:
            print("  ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
