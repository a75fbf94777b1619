"""Phrase-bank benchmark: search latency, whole-process search time, full mine wall time.

Run by hand: python bench/phrases.py [--runs N] [--synthetic N]
Targets (issue 4): search p95 ≤ 20 ms over a 100 000-entry bank,
`drafter phrases search` process ≤ 0.5 s, `drafter mine corpus/ --phrasebank` ≤ 5 s.
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.phrasebank import Index, load_bank, search  # noqa: E402

QUERIES = ["审议", "清醒地认识到", "qxrs", "感谢", "努力奋斗", "项目建设", "以发展为先", "肯定成绩的同事", "jdld", "批评指正"]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def latency(index: Index, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        for q in QUERIES:
            t = time.perf_counter()
            search(index, q, limit=10)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), pct(times, 95)


def synthetic(entries: list[dict], n: int) -> list[dict]:
    """n entries made by splicing clauses of real entries (fixed seed)."""
    rnd = random.Random(4)
    clauses = [c for e in entries for c in e["text"].replace("。", "，").split("，") if len(c) >= 4]
    out = []
    for i in range(n):
        src = entries[i % len(entries)]
        text = "，".join(rnd.sample(clauses, 3)) + "。"
        out.append(dict(src, text=text, pinyin=src.get("pinyin", "")[: len(text)]))
    return out


def timed(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--synthetic", type=int, default=100_000)
    a = ap.parse_args()

    bank = load_bank()
    idx = Index.build(bank)
    p50, p95 = latency(idx, a.runs * 4)
    print(f"shipped bank ({len(bank)} entries): search p50 {p50:.2f} ms, p95 {p95:.2f} ms")

    rows = synthetic(bank, a.synthetic)
    t = time.perf_counter()
    big = Index.build(rows).prepare()
    print(f"synthetic bank ({a.synthetic} entries): index build {time.perf_counter() - t:.2f} s (once per process)")
    p50, p95 = latency(big, a.runs)
    print(f"synthetic bank ({a.synthetic} entries): search p50 {p50:.2f} ms, p95 {p95:.2f} ms (target p95 ≤ 20 ms)")

    ts = timed([sys.executable, "-m", "drafter", "phrases", "search", "审议"], a.runs)
    print(f"process `drafter phrases search 审议`: median {statistics.median(ts):.3f} s, max {max(ts):.3f} s (target ≤ 0.5 s)")

    times = []
    for _ in range(max(1, a.runs // 2)):
        with tempfile.TemporaryDirectory() as tmp:
            times += timed([sys.executable, "-m", "drafter", "mine", "corpus/", "-o", tmp, "--phrasebank", tmp], 1)
    print(f"full `drafter mine corpus/ -o DIR --phrasebank DIR`: median {statistics.median(times):.3f} s (target ≤ 5 s)")


if __name__ == "__main__":
    main()
