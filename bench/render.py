"""Render benchmark: whole-process `drafter render` against docxtpl, and in-process time per render.

Run by hand: python bench/render.py [--runs N] [--process-runs N] [--instructions]
(needs the bench-only dependency docxtpl: pip install docxtpl; --instructions needs valgrind)
Targets: a whole `drafter render` of the example within 1.5× of docxtpl rendering the same
report text into a .docx (runs interleaved, so both see the same machine load); ≤ 20 ms per
in-process render; `import jieba` never happens on the render, check or new path.
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


DOCXTPL_SCRIPT = """
import sys
from docxtpl import DocxTemplate
tpl = DocxTemplate(sys.argv[1])
tpl.render({"lines": open(sys.argv[2], encoding="utf-8").read().splitlines()})
tpl.save(sys.argv[3])
"""


def _docxtpl_template(folder: Path) -> Path:
    """A docxtpl template that writes one paragraph per line of the report text."""
    from docx import Document

    path = folder / "docxtpl_template.docx"
    doc = Document()
    doc.add_paragraph("{%p for line in lines %}")
    doc.add_paragraph("{{ line }}")
    doc.add_paragraph("{%p endfor %}")
    doc.save(str(path))
    return path


def process_times(runs: int) -> dict[str, list[float]]:
    """Whole-process wall times of drafter and docxtpl, interleaved run by run."""
    times: dict[str, list[float]] = {"drafter": [], "docxtpl": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        text = folder / "report.txt"
        subprocess.run([sys.executable, "-m", "drafter", "render", str(EXAMPLE), "-f", "txt", "-o", str(text)],
                       check=True, capture_output=True)
        template = _docxtpl_template(folder)
        script = folder / "docxtpl_render.py"
        script.write_text(DOCXTPL_SCRIPT, encoding="utf-8")
        commands = {
            "drafter": lambda i: [sys.executable, "-m", "drafter", "render", str(EXAMPLE), "-o", str(folder / f"d{i}.docx")],
            "docxtpl": lambda i: [sys.executable, str(script), str(template), str(text), str(folder / f"t{i}.docx")],
        }
        # as on a clerk's machine: Python keeps compiled modules (pip install compiles them too)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        for i in range(runs + 1):
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command(i), check=True, capture_output=True, env=env)
                if i:  # the first round warms the OS file cache
                    times[name].append(time.perf_counter() - start)
    return times


def _instructions(command: list[str], env: dict) -> int:
    """Instructions a whole command executes (valgrind's callgrind): the same on a busy machine as on a quiet one."""
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                       capture_output=True, text=True, env=env, check=True)
    return int(next(line for line in r.stderr.splitlines() if "Collected" in line).split()[-1])


def process_instructions() -> dict[str, int]:
    """drafter (with its cache kept from the run before, and cold) and docxtpl, counted by callgrind."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["XDG_CACHE_HOME"] = str(folder / "cache")
        text = folder / "report.txt"
        subprocess.run([sys.executable, "-m", "drafter", "render", str(EXAMPLE), "-f", "txt", "-o", str(text)],
                       check=True, capture_output=True, env=env)
        template = _docxtpl_template(folder)
        script = folder / "docxtpl_render.py"
        script.write_text(DOCXTPL_SCRIPT, encoding="utf-8")
        drafter = [sys.executable, "-m", "drafter", "render", str(EXAMPLE), "-o", str(folder / "d.docx"), "--force"]
        subprocess.run(drafter, check=True, capture_output=True, env=env)  # fills the cache, as any earlier render would
        cold = {**env, "DRAFTER_NO_CACHE": "1", "XDG_CACHE_HOME": str(folder / "empty")}
        return {
            "drafter": _instructions(drafter, env),
            "drafter, empty cache": _instructions(drafter, cold),
            "docxtpl": _instructions([sys.executable, str(script), str(template), str(text), str(folder / "t.docx")], env),
        }


def in_process_times(runs: int) -> dict[str, list[float]]:
    from drafter import app, render, writers

    ws = app.Workspace.default()
    text = EXAMPLE.read_text(encoding="utf-8")
    app.render_sheet(ws, text, str(EXAMPLE))  # warm caches and imports
    options = writers.WriteOptions(style=ws.style)
    stages: dict[str, list[float]] = {"validate": [], "template+markup": [], "docx": [], "total": []}
    for _ in range(runs):
        t0 = time.perf_counter()
        checked = render.load(EXAMPLE, text, ws.template_dirs)
        t1 = time.perf_counter()
        report = render.build_report(checked, entries=ws.bank())
        t2 = time.perf_counter()
        writers.get("docx").write(report, options)
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
    ap.add_argument("--instructions", action="store_true", help="also count instructions with valgrind (deterministic)")
    args = ap.parse_args()
    if args.instructions:
        counts = process_instructions()
        for name, n in counts.items():
            print(f"{name:22s} instructions: {n / 1e9:.3f} G   ({n / counts['docxtpl']:.2f}× docxtpl)")
    proc = process_times(args.process_runs)
    for name, values in proc.items():
        print(f"{name:8s} whole process ({args.process_runs} runs): median {statistics.median(values):.3f} s, "
              f"min {min(values):.3f} s, max {max(values):.3f} s")
    ratio = statistics.median(proc["drafter"]) / statistics.median(proc["docxtpl"])
    best = min(proc["drafter"]) / min(proc["docxtpl"])
    print(f"drafter / docxtpl: {ratio:.2f}× (medians), {best:.2f}× (minimums)   target ≤ 1.5×")
    stages = in_process_times(args.runs)
    for name, values in stages.items():
        ms = sorted(v * 1000 for v in values)
        print(f"in-process {name:16s} ({args.runs} runs): median {statistics.median(ms):6.2f} ms, "
              f"p95 {ms[int(0.95 * (len(ms) - 1))]:6.2f} ms")
    print("target ≤ 20 ms per in-process render (total)")
    print(f"jieba imported on the render path: {'YES (bad)' if jieba_imported() else 'no'}")


if __name__ == "__main__":
    main()
