"""Accuracy of mining against hand annotations (tests/fixtures/annotations/*.yaml).

Annotation files: `source`, `documents: [{index, start_line, end_line, genre,
title, roles: ["a-b role[+role]", …]}]`, and for the development set also
`kind` (provincial / national / township), `heldout` (never tuned on) and
`fragment: N` (only the first N characters of the file are mined, as a page
store keeps them).  Figures: documents found (start within ±1 line), ends right
(±1 line), spurious documents, genre accuracy over gold documents, line-role
accuracy over annotated non-blank raw lines, and anchor-role accuracy (the
formula lines: salutation, opening, part headings, thanks, shortcomings,
targets, closing).  A raw line that cleaning dropped inside a document (chrome)
counts as role `other`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import Document


ANCHOR_ROLES = frozenset(
    {"title", "salutation", "opening", "review_heading", "thanks", "shortcomings", "plan_heading", "targets", "closing"}
)


@dataclass
class Scores:
    gold_docs: int = 0
    boundaries_right: int = 0
    ends_right: int = 0
    spurious: int = 0
    genre_right: int = 0
    role_lines: int = 0
    role_exact: int = 0
    role_overlap: int = 0
    anchor_lines: int = 0
    anchor_exact: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: "Scores") -> "Scores":
        """Sum of two score sets (figures over the union of their documents)."""
        out = Scores()
        for name in ("gold_docs", "boundaries_right", "ends_right", "spurious", "genre_right", "role_lines",
                     "role_exact", "role_overlap", "anchor_lines", "anchor_exact"):
            setattr(out, name, getattr(self, name) + getattr(other, name))
        out.misses = self.misses + other.misses
        return out

    @property
    def found_accuracy(self) -> float:
        return self.boundaries_right / self.gold_docs if self.gold_docs else 0.0

    @property
    def anchor_accuracy(self) -> float:
        return self.anchor_exact / self.anchor_lines if self.anchor_lines else 0.0

    @property
    def genre_accuracy(self) -> float:
        return self.genre_right / self.gold_docs if self.gold_docs else 0.0

    @property
    def role_accuracy(self) -> float:
        return self.role_exact / self.role_lines if self.role_lines else 0.0

    @property
    def role_overlap_accuracy(self) -> float:
        return self.role_overlap / self.role_lines if self.role_lines else 0.0

    def lines(self) -> list[str]:
        return [
            f"document boundaries right (start ±1): {self.boundaries_right}/{self.gold_docs}",
            f"document ends right (±1): {self.ends_right}/{self.gold_docs}",
            f"spurious documents: {self.spurious}",
            f"genre accuracy: {self.genre_right}/{self.gold_docs} = {self.genre_accuracy:.1%}",
            f"line-role accuracy (exact role set): {self.role_exact}/{self.role_lines} = {self.role_accuracy:.1%}",
            f"line-role accuracy (any role shared): {self.role_overlap}/{self.role_lines} = {self.role_overlap_accuracy:.1%}",
            f"anchor-role accuracy: {self.anchor_exact}/{self.anchor_lines} = {self.anchor_accuracy:.1%}",
        ]

    def row(self) -> str:
        """One line of figures for a table."""
        return (
            f"docs {self.gold_docs:3d}  found {self._pct(self.boundaries_right, self.gold_docs)}"
            f"  ends {self._pct(self.ends_right, self.gold_docs)}  spurious {self.spurious:2d}"
            f"  genre {self._pct(self.genre_right, self.gold_docs)}"
            f"  roles {self._pct(self.role_exact, self.role_lines)} ({self.role_lines} lines)"
            f"  anchors {self._pct(self.anchor_exact, self.anchor_lines)} ({self.anchor_lines})"
        )

    @staticmethod
    def _pct(a: int, b: int) -> str:
        return f"{a / b:6.1%}" if b else "    – "


def load_annotations(folder: Path) -> list[dict]:
    import yaml

    out = []
    for path in sorted(Path(folder).glob("*.yaml")):  # not recursive: dev/ is a separate set
        with open(path, encoding="utf-8") as fh:
            out.append(yaml.safe_load(fh))
    return out


def parse_roles(specs: list[str]) -> dict[int, set[str]]:
    """["40-57 achievements", "58-58 thanks+shortcomings"] → {line: {roles}}."""
    out: dict[int, set[str]] = {}
    for spec in specs:
        rng, roles = spec.split()
        a, _, b = rng.partition("-")
        for n in range(int(a), int(b or a) + 1):
            out[n] = set(roles.split("+"))
    return out


def predicted_roles(doc: Document) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for line in doc.lines:
        for n in range(line.raw_no, line.raw_end + 1):
            out[n] = set(line.roles)
    return out


def annotation_key(ann: dict) -> str:
    """The source, with the fragment length when only a prefix is mined."""
    return f"{ann['source']}@{ann['fragment']}" if ann.get("fragment") else ann["source"]


def score(annotations: list[dict], docs_by_source: dict[str, list[Document]], raw_lines: dict[str, list[str]]) -> Scores:
    """Compare predicted documents with the annotations."""
    s = Scores()
    for ann in annotations:
        source = annotation_key(ann)
        pred = docs_by_source.get(source, [])
        raw = raw_lines.get(source, [])
        used: set[int] = set()
        for gold in ann["documents"]:
            s.gold_docs += 1
            match = next((d for d in pred if abs(d.start_line - gold["start_line"]) <= 1 and id(d) not in used), None)
            if match is None:
                s.misses.append(f"{source} doc {gold['index']}: no document starting at {gold['start_line']}±1")
                continue
            used.add(id(match))
            s.boundaries_right += 1
            if gold.get("end_line") is None or ann.get("fragment") or abs(match.end_line - gold["end_line"]) <= 1:
                s.ends_right += 1
            else:
                s.misses.append(f"{source} doc {gold['index']}: ends at {match.end_line} ≠ {gold['end_line']}")
            if match.genre == gold["genre"]:
                s.genre_right += 1
            else:
                s.misses.append(f"{source} doc {gold['index']}: genre {match.genre} ≠ {gold['genre']}")
            if gold.get("roles"):
                got = predicted_roles(match)
                for n, want in sorted(parse_roles(gold["roles"]).items()):
                    if n - 1 >= len(raw) or not raw[n - 1].strip():
                        continue
                    have = got.get(n, {"other"} if match.start_line <= n <= match.end_line else set())
                    s.role_lines += 1
                    if have == want:
                        s.role_exact += 1
                    else:
                        s.misses.append(f"{source}:{n}: roles {'+'.join(sorted(have)) or '-'} ≠ {'+'.join(sorted(want))}")
                    if have & want:
                        s.role_overlap += 1
                    if want & ANCHOR_ROLES:
                        s.anchor_lines += 1
                        s.anchor_exact += have == want
        s.spurious += sum(1 for d in pred if id(d) not in used)
    return s


def evaluate(corpus_dir: Path, annotation_dir: Path) -> Scores:
    """Mine every annotated file of `corpus_dir` and score it."""
    return evaluate_annotations(corpus_dir, load_annotations(annotation_dir))


def evaluate_annotations(corpus_dir: Path, annotations: list[dict]) -> Scores:
    """Mine the files (or fragments) the annotations name and score them."""
    from .pipeline import mine_paths, mine_text
    from .read import read_path, split_lines

    docs_by_source: dict[str, list[Document]] = {}
    raw_lines: dict[str, list[str]] = {}
    for ann in annotations:
        path = Path(corpus_dir) / ann["source"]
        key = annotation_key(ann)
        if ann.get("fragment"):
            text = read_path(path).text[: int(ann["fragment"])]
            raw_lines[key] = split_lines(text)
            docs_by_source[key] = mine_text(text, key)[0]
        else:
            raw_lines[key] = split_lines(read_path(path).text)
            docs_by_source[key] = list(mine_paths([path]))
    return score(annotations, docs_by_source, raw_lines)


def evaluate_groups(corpus_dir: Path, annotation_dir: Path) -> dict[tuple[str, bool], Scores]:
    """Scores of a development set by (kind, held out), one entry per group present."""
    groups: dict[tuple[str, bool], list[dict]] = {}
    for ann in load_annotations(annotation_dir):
        groups.setdefault((ann.get("kind", "other"), bool(ann.get("heldout"))), []).append(ann)
    return {key: evaluate_annotations(corpus_dir, anns) for key, anns in sorted(groups.items())}
