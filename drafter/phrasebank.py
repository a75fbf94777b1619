"""Load and search the phrase bank (phrasebank/<role>.yaml).

No jieba here: keywords and pinyin initials were computed when the bank was
mined.  Ranking: exact text > substring > keyword > pinyin initials > fuzzy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, UsageError

ROLES = (
    "opening", "review_heading", "achievements", "thanks", "shortcomings",
    "plan_heading", "plan_overview", "targets", "tasks", "closing",
)
GENRES = (
    "gov_work_report", "congress_work_report", "personal_duty_report", "team_duty_report",
    "integrity_duty_report", "work_plan", "reflection", "survey_report", "other",
)

_SLOT = re.compile(r"\{[^{}]+\}")
_ASCII = re.compile(r"^[a-zA-Z]+$")


def load_bank(folder: Path | None = None) -> list[dict]:
    """All entries of a phrase-bank folder, in file order (role files sorted by name)."""
    import yaml

    from .resources import phrasebank_dir

    folder = Path(folder) if folder is not None else phrasebank_dir()
    if not folder.is_dir():
        raise InputError(f"{folder}: 常用语库文件夹不存在")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    entries: list[dict] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or []
        except yaml.YAMLError as exc:
            raise InputError(f"{path}: 常用语库文件不是合法的 YAML：{exc}") from exc
        entries.extend(d for d in data if isinstance(d, dict) and "text" in d)
    return entries


@dataclass
class Index:
    """Entries plus precomputed search columns."""

    entries: list[dict]
    texts: list[str]
    plains: list[str]
    pinyins: list[str]

    @classmethod
    def build(cls, entries: list[dict]) -> "Index":
        texts = [e["text"] for e in entries]
        return cls(
            entries,
            texts,
            [_SLOT.sub("", t) for t in texts],
            [e.get("pinyin", "") or "" for e in entries],
        )


def check_filters(role: str | None, genre: str | None) -> None:
    """Unknown role or genre → UsageError (exit 2) with the valid values."""
    if role is not None and role not in ROLES:
        raise UsageError(f"未知的角色：{role}（可用：{'、'.join(ROLES)}）")
    if genre is not None and genre not in GENRES:
        raise UsageError(f"未知的文种：{genre}（可用：{'、'.join(GENRES)}）")


def search(index: Index, query: str, role: str | None = None, genre: str | None = None,
           limit: int = 10) -> list[tuple[float, dict]]:
    """Ranked (score, entry) hits for a query."""
    check_filters(role, genre)
    q = query.strip()
    if not q:
        return []
    entries = index.entries
    allowed = None
    if role is not None or genre is not None:
        allowed = {
            i for i, e in enumerate(entries)
            if (role is None or e.get("role") == role) and (genre is None or genre in (e.get("genres") or ()))
        }
    scores: dict[int, float] = {}

    def put(i: int, s: float) -> None:
        if (allowed is None or i in allowed) and s > scores.get(i, 0.0):
            scores[i] = s

    for i, (t, p) in enumerate(zip(index.texts, index.plains)):
        if q == t or q == p:
            put(i, 1000.0)
        elif q in t or q in p:
            put(i, 500.0 + 100.0 * len(q) / max(len(p), 1))
    terms = q.split()
    for i, e in enumerate(entries):
        kws = e.get("keywords") or ()
        if kws:
            hit = sum(1 for term in terms if term in kws)
            if hit:
                put(i, 300.0 + 100.0 * hit / len(terms))
    if _ASCII.match(q):
        pat = re.compile(".?".join(re.escape(ch) for ch in q.lower()))
        for i, py in enumerate(index.pinyins):
            m = pat.search(py)
            if m:
                put(i, 250.0 + 50.0 * len(q) / max(m.end() - m.start(), 1))
    if len(scores) < limit and not _ASCII.match(q):
        from rapidfuzz import fuzz, process

        for _, sc, i in process.extract(q, index.plains, scorer=fuzz.partial_ratio,
                                         score_cutoff=60, limit=limit * 5):
            put(i, float(sc))
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], -entries[kv[0]].get("count", 0), kv[0]))
    return [(s, entries[i]) for i, s in ranked[:limit]]
