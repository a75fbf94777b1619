"""Accuracy of mining against hand annotations (tests/fixtures/annotations/*.yaml).

Annotation files: `source`, `documents: [{index, start_line, end_line, genre,
title, roles: ["a-b role[+role]", …]}]`.  Figures: document boundaries right
(start within ±1 line), spurious documents, genre accuracy over matched
documents, line-role accuracy over annotated non-blank raw lines.  A raw line
that cleaning dropped inside a document (chrome) counts as role `other`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import Document


@dataclass
class Scores:
    gold_docs: int = 0
    boundaries_right: int = 0
    spurious: int = 0
    genre_right: int = 0
    role_lines: int = 0
    role_exact: int = 0
    role_overlap: int = 0
    misses: list[str] = field(default_factory=list)

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
            f"spurious documents: {self.spurious}",
            f"genre accuracy: {self.genre_right}/{self.gold_docs} = {self.genre_accuracy:.1%}",
            f"line-role accuracy (exact role set): {self.role_exact}/{self.role_lines} = {self.role_accuracy:.1%}",
            f"line-role accuracy (any role shared): {self.role_overlap}/{self.role_lines} = {self.role_overlap_accuracy:.1%}",
        ]


def load_annotations(folder: Path) -> list[dict]:
    import yaml

    out = []
    for path in sorted(Path(folder).glob("*.yaml")):
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


def score(annotations: list[dict], docs_by_source: dict[str, list[Document]], raw_lines: dict[str, list[str]]) -> Scores:
    """Compare predicted documents with the annotations."""
    s = Scores()
    for ann in annotations:
        source = ann["source"]
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
        s.spurious += sum(1 for d in pred if id(d) not in used)
    return s


def evaluate(corpus_dir: Path, annotation_dir: Path) -> Scores:
    """Mine every annotated file of `corpus_dir` and score it."""
    from .pipeline import mine_paths
    from .read import read_path, split_lines

    annotations = load_annotations(annotation_dir)
    docs_by_source: dict[str, list[Document]] = {}
    raw_lines: dict[str, list[str]] = {}
    for ann in annotations:
        path = Path(corpus_dir) / ann["source"]
        raw_lines[ann["source"]] = split_lines(read_path(path).text)
        docs_by_source[ann["source"]] = list(mine_paths([path]))
    return score(annotations, docs_by_source, raw_lines)
