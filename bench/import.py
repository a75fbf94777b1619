"""Print how well `drafter import` reads reports back: round trip and real reports.

    python bench/import.py [-v]

Round trip: every examples/*.yaml is rendered to .docx, the .docx imported with the sheet's
template, and the imported sheet compared with the original field by field: indicators
(name, value, unit, change — exact), headings (review sections, plan tasks and their
sections) and items (review items, task items, shortcomings, thanks, targets, 民生实事).
Real reports: the corpus's government and congress reports and ten development reports,
imported as text, their indicator clauses scored against tests/fixtures/import_gold/
(annotated before the importer ran): precision and recall.
-v prints every miss.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "import_gold" / "indicators.yaml"


# --- round trip ----------------------------------------------------------------------------

def _norm(text: object) -> str:
    return re.sub(r"[。；;，,：:！!\s]+$", "", str(text or "").strip())


def _indicators(sheet: dict) -> list[tuple]:
    out = []
    for i in ((sheet.get("review") or {}).get("indicators") or []):
        if isinstance(i, dict):
            out.append((_norm(i.get("name")), float(i["value"]) if isinstance(i.get("value"), (int, float)) else i.get("value"),
                        i.get("unit"), float(i["change"]) if isinstance(i.get("change"), (int, float)) else None))
    return out


def _leaves(data, path: tuple = ()):
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _leaves(v, path + (i,))
    elif isinstance(data, str):
        yield path, data


_NOT_CONTENT = ("template", "unit", "meeting", "speaker", "period", "leadership", "guidance", "person", "output")


def _headings(sheet: dict) -> list[str]:
    """Every heading the sheet gives (review sections, tasks, their sections, a template's parts)."""
    return [_norm(v) for p, v in _leaves(sheet) if p and p[-1] == "heading" and p[0] not in _NOT_CONTENT and _norm(v)]


def _items(sheet: dict) -> list[str]:
    """Every listed text (items, labels, shortcomings, thanks, 民生实事) and every target."""
    out = []
    for p, v in _leaves(sheet):
        if not p or p[0] in _NOT_CONTENT or p[-1] == "heading" or not any(isinstance(x, int) for x in p):
            continue
        if p[:2] in (("review", "indicators"), ("plan", "targets")):
            continue
        if p[-1] in ("date",):
            continue
        out.append(_norm(v))
    for t in ((sheet.get("plan") or {}).get("targets") or []) if isinstance(sheet.get("plan"), dict) else []:
        if isinstance(t, dict):
            out.append("target:" + "|".join(f"{k}={t[k]}" for k in sorted(t)))
    return [x for x in out if x]


def _pool(sheet: dict) -> list[str]:
    """What an import offers to match against: every text it holds, and its targets."""
    out = [_norm(v) for _, v in _leaves(sheet)]
    for t in ((sheet.get("plan") or {}).get("targets") or []) if isinstance(sheet.get("plan"), dict) else []:
        if isinstance(t, dict):
            out.append("target:" + "|".join(f"{k}={t[k]}" for k in sorted(t)))
    return out


@dataclass
class RoundTrip:
    name: str
    template: str
    indicators_exact: bool
    indicators: tuple[int, int]   # matched, original
    headings: tuple[int, int]
    items: tuple[int, int]
    misses: list[str] = field(default_factory=list)


def _matched(original: list, imported: list) -> tuple[int, list]:
    pool = list(imported)
    hit, missed = 0, []
    for x in original:
        if x in pool:
            pool.remove(x)
            hit += 1
        else:
            missed.append(x)
    return hit, missed


def round_trip(ws, example: Path) -> RoundTrip:
    from drafter import app

    text = example.read_text(encoding="utf-8")
    original = yaml.safe_load(text)
    out = app.render_sheet(ws, text, str(example), fmt="docx")
    result = app.import_report(ws, out.data, out.name, original["template"])
    imported = result.data
    oi, ii = _indicators(original), _indicators(imported)
    hi, mi = _matched(oi, ii)
    hh, mh = _matched(_headings(original), _pool(imported))
    ht, mt = _matched(_items(original), _pool(imported))
    misses = [f"indicator {m}" for m in mi] + [f"heading {m}" for m in mh] + [f"item {m}" for m in mt]
    misses += [f"extra indicator {x}" for x in ii if x not in oi]
    return RoundTrip(example.name, original["template"], oi == ii, (hi, len(oi)), (hh, len(_headings(original))),
                     (ht, len(_items(original))), misses)


# --- real reports --------------------------------------------------------------------------

@dataclass
class GoldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _same_name(a: str, b: str) -> bool:
    a, b = a.strip(), b.strip()
    if a in b or b in a:
        return True
    common = max((len(a[i:j]) for i in range(len(a)) for j in range(i + 2, len(a) + 1) if a[i:j] in b), default=0)
    return common >= 2


def _matches(fig, gold: dict) -> bool:
    return (float(fig.value) == float(gold["value"]) and fig.unit == gold["unit"]
            and fig.change is not None and float(fig.change) == float(gold["change"]) and _same_name(fig.name, gold["name"]))


def score_gold(ws, template_id: str = "gov_work_report") -> GoldScore:
    from drafter import app
    from drafter.corpus.read import read_path, split_lines

    docs = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["documents"]
    total = GoldScore()
    for doc in docs:
        path = ROOT / doc["source"]
        lines = split_lines(read_path(path).text)
        a, b = doc.get("lines") or (1, len(lines))
        text = "\n".join(lines[a - 1:b])
        result = app.import_report(ws, text.encode("utf-8"), path.name, template_id)
        gold = list(doc.get("indicators") or [])
        for fig in result.figures:
            hit = next((g for g in gold if _matches(fig, g)), None)
            if hit is not None:
                gold.remove(hit)
                total.tp += 1
            else:
                total.fp += 1
                total.misses.append(f"FP {doc['source']}:{a}: {fig.name} {fig.value}{fig.unit} {fig.change}")
        total.fn += len(gold)
        total.misses += [f"FN {doc['source']}:{g.get('line')}: {g['name']} {g['value']}{g['unit']} {g['change']}" for g in gold]
    return total


def main(argv: list[str]) -> int:
    from drafter import app

    verbose = "-v" in argv
    ws = app.Workspace.default()
    print("== round trip: render examples/*.yaml to .docx, import, compare with the sheet")
    sums = {"indicators": [0, 0], "headings": [0, 0], "items": [0, 0]}
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        rt = round_trip(ws, example)
        for key in sums:
            got, of = getattr(rt, key)
            sums[key][0] += got
            sums[key][1] += of
        pct = lambda pair: f"{pair[0]}/{pair[1]}" + (f" ({100 * pair[0] / pair[1]:.0f}%)" if pair[1] else "")
        print(f"  {rt.name:40s} indicators {'exact' if rt.indicators_exact else 'NOT exact'} {pct(rt.indicators):>12s}"
              f"  headings {pct(rt.headings):>14s}  items {pct(rt.items):>14s}")
        if verbose:
            for m in rt.misses:
                print("      ", m)
    for key, (got, of) in sums.items():
        print(f"  all {key}: {got}/{of} = {100 * got / of if of else 100:.1f}%")
    print("== real reports: indicator extraction against tests/fixtures/import_gold/ (annotated before import ran)")
    s = score_gold(ws)
    print(f"  precision {100 * s.precision:.1f}% ({s.tp}/{s.tp + s.fp})   recall {100 * s.recall:.1f}% ({s.tp}/{s.tp + s.fn})")
    if verbose:
        for m in s.misses:
            print("   ", m)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
