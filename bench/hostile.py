"""Big hostile inputs, before and after the hardening: time, peak memory and the answer drafter gives.

    python bench/hostile.py [--before REF] [--sheet-mb 50] [--text-mb 200] [--corpus-mb 200] [--timeout 180]

Cases (each run in a fresh `python -m drafter` process; peak RSS from wait4):
  check   a fact sheet of SHEET_MB (a valid work_plan sheet with a huge task list)
  lint    a plain-text draft of TEXT_MB (corpus text repeated)
  mine    a corpus folder holding one file of CORPUS_MB
The "before" tree is REF extracted with git archive (default: the commit before
drafter/yamlio.py was added); "after" is this checkout. A run past --timeout is
stopped and reported as such, with the memory it had reached. Every run gets an
address-space limit of --mem-gb so that a runaway cannot take the machine.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def default_before() -> str:
    added = subprocess.run(["git", "log", "--diff-filter=A", "--format=%H", "--", "drafter/yamlio.py"],
                           cwd=ROOT, capture_output=True, text=True).stdout.split()
    return f"{added[-1]}^" if added else "HEAD"


def extract(ref: str, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def make_sheet(path: Path, mb: int) -> None:
    head = (ROOT / "examples" / "work_plan.yaml").read_text(encoding="utf-8")
    task = "  - title: 推进基层治理现代化\n    measures:\n      - 一是完善网格化管理，二是推动矛盾纠纷就地化解。\n"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(head.rstrip("\n") + "\nextra_tasks:\n")
        n = mb * 1024 * 1024 // len(task.encode("utf-8"))
        for _ in range(n):
            fh.write(task)


def corpus_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))


def make_text(path: Path, mb: int) -> None:
    text = corpus_text().encode("utf-8")
    with open(path, "wb") as fh:
        written = 0
        while written < mb * 1024 * 1024:
            fh.write(text)
            written += len(text)


def run(tree: Path, args: list[str], timeout: float, mem_gb: float) -> tuple[str, float, float, str]:
    """(status, seconds, peak RSS MB, first line of output) of `python -m drafter ARGS` from `tree`."""
    def limit():
        cap = int(mem_gb * 1024 ** 3)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        os.setsid()

    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONIOENCODING": "utf-8"}
    out = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "drafter", *args], cwd=tree, env=env, stdout=out, stderr=out,
                            preexec_fn=limit)
    status = None
    while True:
        pid, code, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - t0 > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            pid, code, usage = os.wait4(proc.pid, 0)
            status = f"stopped after {timeout:.0f} s"
            break
        time.sleep(0.05)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(code)
    out.seek(0)
    text = out.read().decode("utf-8", errors="replace").strip()
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if "MemoryError" in text or "Cannot allocate" in text:
        status = status or f"out of memory (limit {mem_gb:g} GB)"
    status = status or f"exit {proc.returncode}"
    if "Traceback" in text:
        status += ", traceback"
    return status, seconds, usage.ru_maxrss / 1024, first[:110]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=None, help="git ref of the tree to compare with")
    parser.add_argument("--sheet-mb", type=int, default=50)
    parser.add_argument("--text-mb", type=int, default=200)
    parser.add_argument("--corpus-mb", type=int, default=200)
    parser.add_argument("--timeout", type=float, default=180)
    parser.add_argument("--mem-gb", type=float, default=8)
    parser.add_argument("--at-limit", action="store_true",
                        help="also check (after only) a fact sheet just under the loader's size limit: the largest accepted")
    args = parser.parse_args()
    before_ref = args.before or default_before()
    work = Path(tempfile.mkdtemp(prefix="drafter-hostile-"))
    try:
        before = extract(before_ref, work / "before")
        data = work / "data"
        data.mkdir()
        sheet = data / f"事实表_{args.sheet_mb}MB.yaml"
        make_sheet(sheet, args.sheet_mb)
        text = data / f"文稿_{args.text_mb}MB.txt"
        make_text(text, args.text_mb)
        corpus = data / "语料"
        corpus.mkdir()
        make_text(corpus / f"语料_{args.corpus_mb}MB.txt", args.corpus_mb)
        cases = [
            (f"check {args.sheet_mb} MB fact sheet", ["check", str(sheet)]),
            (f"lint {args.text_mb} MB text", ["lint", str(text)]),
            (f"mine {args.corpus_mb} MB corpus", ["mine", str(corpus), "-o", None]),
        ]
        print(f"before = {before_ref} (git archive), after = this checkout; timeout {args.timeout:.0f} s, "
              f"address space ≤ {args.mem_gb:g} GB")
        print(f"{'case':<28} {'tree':<7} {'status':<26} {'time s':>8} {'peak RSS MB':>12}  first line")
        for label, cmd in cases:
            for name, tree in (("before", before), ("after", ROOT)):
                argv = list(cmd)
                if None in argv:
                    out = work / f"mine-{name}"
                    out.mkdir(exist_ok=True)
                    argv[argv.index(None)] = str(out)
                status, secs, rss, first = run(tree, argv, args.timeout, args.mem_gb)
                print(f"{label:<28} {name:<7} {status:<26} {secs:>8.2f} {rss:>12.0f}  {first}", flush=True)
        if args.at_limit:
            sys.path.insert(0, str(ROOT))
            from drafter.yamlio import MAX_BYTES

            near = data / "事实表_上限.yaml"
            make_sheet(near, 1)
            unit = near.read_bytes()
            head, _, body = unit.partition(b"extra_tasks:\n")
            task = body[: body.index(b"  - title", 1)]
            with open(near, "wb") as fh:
                fh.write(head + b"extra_tasks:\n")
                fh.write(task * ((MAX_BYTES - len(head) - 64 * 1024) // len(task)))
            size = near.stat().st_size / 1024 ** 2
            status, secs, rss, first = run(ROOT, ["check", str(near)], args.timeout, args.mem_gb)
            print(f"{f'check {size:.1f} MB (at limit)':<28} {'after':<7} {status:<26} {secs:>8.2f} {rss:>12.0f}  {first}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
