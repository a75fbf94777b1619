"""Render benchmark: whole-process `drafter render` wall time and in-process time per render.

Run by hand: python bench/render.py [--runs N]
Targets (issue 2): ≤ 0.5 s for the process, ≤ 20 ms per in-process render;
`import jieba` never happens on the render, check or new path.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "gov_work_report.yaml"


def process_times(runs: int) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            out = Path(tmp) / f"r{i}.docx"
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "drafter", "render", str(EXAMPLE), "-o", str(out)],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return times


def in_process_times(runs: int) -> dict[str, list[float]]:
    from drafter import render
    from drafter.style import load_style

    style = load_style()
    checked = render.load(EXAMPLE)
    render.to_bytes(render.build_report(checked), "docx", style)  # warm caches and imports
    stages: dict[str, list[float]] = {"validate": [], "template+markup": [], "docx": [], "total": []}
    for _ in range(runs):
        t0 = time.perf_counter()
        checked = render.load(EXAMPLE)
        t1 = time.perf_counter()
        report = render.build_report(checked)
        t2 = time.perf_counter()
        render.to_bytes(report, "docx", style)
        t3 = time.perf_counter()
        stages["validate"].append(t1 - t0)
        stages["template+markup"].append(t2 - t1)
        stages["docx"].append(t3 - t2)
        stages["total"].append(t3 - t0)
    return stages


def jieba_imported() -> bool:
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        r = subprocess.run([sys.executable, "-m", "drafter", "render", str(EXAMPLE), "-o", str(Path(tmp) / "x.docx")],
                           capture_output=True, text=True, env=env, check=True)
    return "jieba" in r.stderr


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=100, help="in-process renders")
    ap.add_argument("--process-runs", type=int, default=10, help="whole-process renders")
    args = ap.parse_args()
    proc = process_times(args.process_runs)
    print(f"drafter render (whole process, {args.process_runs} runs): median {statistics.median(proc):.3f} s, "
          f"min {min(proc):.3f} s, max {max(proc):.3f} s   target ≤ 0.5 s")
    stages = in_process_times(args.runs)
    for name, values in stages.items():
        ms = sorted(v * 1000 for v in values)
        print(f"in-process {name:16s} ({args.runs} runs): median {statistics.median(ms):6.2f} ms, "
              f"p95 {ms[int(0.95 * (len(ms) - 1))]:6.2f} ms")
    print("target ≤ 20 ms per in-process render (total)")
    print(f"jieba imported on the render path: {'YES (bad)' if jieba_imported() else 'no'}")


if __name__ == "__main__":
    main()
