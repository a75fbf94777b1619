"""Benchmark `drafter mine`: wall time on the seed corpus, throughput and peak memory on a replicated corpus.

    python bench/mine.py [--copies 50]

Documents are streamed file by file; peak traced memory must stay flat as the
corpus grows (compare the figures for 10× and 50×).
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

from drafter.corpus.pipeline import mine_paths

ROOT = Path(__file__).resolve().parent.parent


def run(folder: Path) -> tuple[int, int, float, int]:
    """Timed pass (untraced), then a traced pass for peak memory."""
    files = sorted(folder.glob("*.txt"))
    size = sum(f.stat().st_size for f in files)
    t0 = time.perf_counter()
    n = sum(1 for _doc in mine_paths([folder]))
    dt = time.perf_counter() - t0
    tracemalloc.start()
    for _doc in mine_paths([folder]):
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return n, size, dt, peak


def replicate(src: Path, copies: int, dst: Path) -> None:
    for f in sorted(src.glob("*.txt")):
        for k in range(copies):
            shutil.copyfile(f, dst / f"{f.stem}_{k:03d}.txt")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=50)
    args = ap.parse_args()
    corpus = ROOT / "corpus"
    list(mine_paths([corpus]))  # warm caches (OpenCC, tables)
    t0 = time.perf_counter()
    docs = list(mine_paths([corpus]))
    print(f"seed corpus: {len(docs)} documents in {time.perf_counter() - t0:.2f} s (target ≤ 3 s)")
    with tempfile.TemporaryDirectory() as tmp:
        for copies in sorted({10, args.copies}):
            folder = Path(tmp) / f"x{copies}"
            folder.mkdir()
            replicate(corpus, copies, folder)
            n, size, dt, peak = run(folder)
            print(
                f"{copies}× corpus: {n} documents, {size / 1e6:.1f} MB in {dt:.1f} s "
                f"= {size / 1e6 / dt:.2f} MB/s, {n / dt:.0f} docs/s, peak traced memory {peak / 1e6:.1f} MB"
            )


if __name__ == "__main__":
    main()
