"""Benchmark `drafter lint`: throughput and per-rule hit counts on the cleaned corpus and the devset.

    python bench/lint.py [FOLDER …] [--repeat N]

Without folders: the seed corpus, then the two development sets (tests/fixtures/devset:
provincial reports of 2026, State Council reports 1978–2004), each with its own table.
On the devset every error is a false positive (clean official reports).

Uses drafter.corpus.pipeline.mine_paths (cleaned, split documents, each linted
with its own genre and the year it states) when it exists; otherwise a simple
ruby-strip + t2s + ASCII→full-width comma pass over each raw file.
Mining time is not counted: only lint_lines is timed.
"""
from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from pathlib import Path

from drafter.lint import RULE_IDS, lint_lines

ROOT = Path(__file__).resolve().parent.parent
RUBY = re.compile(r"([\u4e00-\u9fff])\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)")
ASCII_COMMA = re.compile(r"(?<=[\u4e00-\u9fff]),|,(?=[\u4e00-\u9fff])")


def cleaned_documents(folder: Path) -> tuple[str, list[tuple[str, list[tuple[int, str]], str | None]]]:
    """(how the text was cleaned, [(name, numbered lines, genre)])."""
    try:
        from drafter.corpus.pipeline import mine_paths
    except ImportError:
        mine_paths = None
    if mine_paths is not None:
        docs = [(f"{d.source}#{d.index}", [(ln.raw_no, ln.text) for ln in d.lines], d.genre)
                for d in mine_paths([folder])]
        return "drafter.corpus.pipeline.mine_paths", docs
    import opencc

    cc = opencc.OpenCC("t2s")
    docs = []
    for path in sorted(folder.glob("*.txt")):
        text = ASCII_COMMA.sub("，", cc.convert(RUBY.sub(r"\1", path.read_text(encoding="utf-8"))))
        docs.append((path.name, list(enumerate(text.split("\n"), 1)), None))
    return "ruby-strip + t2s + full-width commas (bench fallback)", docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    devset = ROOT / "tests" / "fixtures" / "devset"
    folders = args.folders or [ROOT / "corpus", devset / "provincial-2026", devset / "national-1978-2004"]
    for folder in folders:
        print(f"== {folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}")
        bench(folder, args.repeat)
        print()


def bench(folder: Path, repeat: int) -> None:
    t0 = time.perf_counter()
    how, docs = cleaned_documents(folder)
    prep = time.perf_counter() - t0
    chars = sum(len(t) for _n, lines, _g in docs for _no, t in lines)
    nlines = sum(len(lines) for _n, lines, _g in docs)

    findings = []
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        run = [f for name, lines, genre in docs for f in lint_lines(lines, name, genre_hint=genre)]
        best = min(best, time.perf_counter() - t0)
        findings = run

    print(f"text:        {how} ({prep:.2f} s to prepare, not timed)")
    print(f"corpus:      {len(docs)} documents, {nlines} lines, {chars} characters")
    print(f"lint time:   {best * 1000:.1f} ms (best of {repeat})")
    print(f"throughput:  {chars / best:,.0f} characters/s, {nlines / best:,.0f} lines/s")
    by_rule = Counter(f.rule for f in findings)
    by_sev = Counter((f.rule, f.severity) for f in findings)
    print(f"findings:    {len(findings)} (errors {sum(f.severity == 'error' for f in findings)})")
    print(f"{'rule':<22}{'hits':>6}{'error':>7}{'warning':>9}")
    for rule in RULE_IDS:
        print(f"{rule:<22}{by_rule[rule]:>6}{by_sev[(rule, 'error')]:>7}{by_sev[(rule, 'warning')]:>9}")
    dated = sorted(p for p in folder.glob("*.txt") if re.match(r"(?:19|20)\d\d_", p.name))
    if dated:  # devset: whole files as a clerk lints them, `--year` = the year before delivery
        from drafter.lint import lint_path

        whole = [f for p in dated for f in lint_path(p, int(p.name[:4]) - 1)]
        print(f"whole files with --year: {len(dated)} files, findings {len(whole)} "
              f"(errors {sum(f.severity == 'error' for f in whole)})")


if __name__ == "__main__":
    main()
