"""Benchmark `drafter mine`: throughput at 1 and 2 jobs and on a local Dask cluster; peak memory at 10× and 50×.

    python bench/mine.py [--copies 10 50] [--throughput-copies 10]

Each figure is one whole run (`drafter.app.mine.mine` with -o, --phrasebank and
--templates, i.e. every output) in a fresh subprocess on the seed corpus
replicated N times, so peak memory is that process's maximum resident set.
Memory must stay flat as the corpus grows: documents are streamed to disk and
only the reduce state (counts, sketches of distinct documents) is kept.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from drafter.app.mine import mine
corpus, out, jobs, dask, every = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] or None, sys.argv[5] == "1"
import drafter.mine.mapreduce, drafter.mine.skeleton, drafter.mine.phrases  # imports are not mining
extra = {"phrasebank": out / "bank", "templates": out / "drafts"} if every else {}
t0 = time.perf_counter()
r = mine([corpus], output=out / "docs", jobs=jobs, dask=dask, **extra)
dt = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": dt, "documents": r.documents, "files": r.files, "peak": peak}))
"""


def replicate(src: Path, copies: int, dst: Path) -> int:
    size = 0
    for f in sorted(src.glob("*.txt")):
        for k in range(copies):
            shutil.copyfile(f, dst / f"{f.stem}_{k:03d}.txt")
            size += f.stat().st_size
    return size


def run(corpus: Path, jobs: int = 1, dask: str = "", every: bool = True) -> dict:
    with tempfile.TemporaryDirectory() as out:
        r = subprocess.run([sys.executable, "-c", CHILD, str(corpus), out, str(jobs), dask, "1" if every else "0"],
                           capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        raise SystemExit(r.stderr)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, nargs="+", default=[10, 50], help="corpus replications for peak memory")
    ap.add_argument("--throughput-copies", type=int, default=10, help="0 skips the throughput runs")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.throughput_copies:
            throughput(Path(tmp), args.throughput_copies)
        memory(Path(tmp), args.copies)


def throughput(tmp: Path, copies: int) -> None:
    """Whole runs at 1 job, 2 jobs and on a local Dask cluster, documents only and every output."""
    tp = Path(tmp) / f"x{copies}"
    tp.mkdir()
    size = replicate(ROOT / "corpus", copies, tp)
    print(f"throughput on the corpus ×{copies} ({size / 1e6:.1f} MB)")
    runs = [("1 job", 1, ""), ("2 jobs", 2, "")]
    try:
        import distributed  # noqa: F401

        runs.append(("Dask local, 2 workers", 2, "local"))
    except ImportError:
        print("  (Dask not installed: pip install \"drafter[dask]\")")
    for every, what in ((False, "-o (read, clean, segment, write documents and index)"),
                        (True, "-o --phrasebank --templates (plus keywords, YAML, drafts: one-off costs)")):
        print(f" {what}:")
        for label, jobs, dask in runs:
            r = run(tp, jobs, dask, every)
            print(f"  {label:<24}{r['documents']:>6} documents in {r['seconds']:6.1f} s = "
                  f"{size / 1e6 / r['seconds']:.2f} MB/s, {r['documents'] / r['seconds']:.0f} docs/s")
    shutil.rmtree(tp)


def memory(tmp: Path, replications: list[int]) -> None:
    """Peak resident memory of a whole 1-job run with every output, per corpus size."""
    print("peak memory (1 job, whole process, every output):")
    for copies in replications:
        folder = Path(tmp) / f"m{copies}"
        folder.mkdir()
        size = replicate(ROOT / "corpus", copies, folder)
        r = run(folder)
        print(f"  corpus ×{copies:<4} {size / 1e6:6.1f} MB, {r['documents']:>5} documents: "
              f"peak RSS {r['peak'] / 1e6:.0f} MB ({r['seconds']:.1f} s)")
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
