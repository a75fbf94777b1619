"""Formula fields from the phrase bank: how many entries fit each field of each example, and what it costs.

    python bench/formulas.py

Prints, per example fact sheet, the number of fitting bank entries per formula
field (what `drafter render --variant N` cycles through), then the time to fill
all formula fields: cold (first render in a process: bank read + lint's era
table) and warm (median of 200 fills).
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from drafter import formulas, render

    bank = formulas.bank_entries()
    for sheet in sorted((ROOT / "examples").glob("*.yaml")):
        checked = render.load(sheet)
        slots = formulas.template_slots(checked.template.meta)
        counts = {name: len(formulas.candidates(slot, checked.sheet.data, bank)) for name, slot in slots.items()}
        print(f"{sheet.name:40s} " + "  ".join(f"{k}={v}" for k, v in counts.items()))
    code = ("import time;from pathlib import Path;from drafter import render, formulas;"
            f"c = render.load(Path({str(ROOT / 'examples' / 'gov_work_report.yaml')!r}));"
            "t0 = time.perf_counter(); formulas.fill(c); print(time.perf_counter() - t0)")
    cold = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout)
    checked = render.load(ROOT / "examples" / "gov_work_report.yaml")
    formulas.fill(checked)
    warm = []
    for _ in range(200):
        t0 = time.perf_counter()
        formulas.fill(checked)
        warm.append(time.perf_counter() - t0)
    print(f"fill all formula fields of gov_work_report: cold {cold * 1000:.1f} ms, warm median {statistics.median(warm) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
