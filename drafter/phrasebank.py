"""Load and search the phrase bank (phrasebank/<role>.yaml).

No jieba here: keywords and pinyin initials were computed when the bank was
mined.  Ranking: exact text > substring > keyword > pinyin initials > fuzzy.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Required, TypedDict

from .errors import InputError, UsageError
from .lazyre import lazy


@functools.lru_cache(maxsize=1)
def bank_roles() -> tuple[str, ...]:
    """The bank's roles: the skeleton roles that carry formulas (not title, salutation, other)."""
    from .gongwen.genres import ROLE_IDS

    return tuple(r for r in ROLE_IDS if r not in ("title", "salutation", "other"))


def __getattr__(name: str):
    """`ROLES` (bank_roles()), read from the genre registry on first use: a render reads the bank without it."""
    if name == "ROLES":
        return bank_roles()
    raise AttributeError(name)


_SLOT = lazy(r"\{[^{}]+\}")
_ASCII = lazy(r"^[a-zA-Z]+$")


class PhraseEntry(TypedDict, total=False):
    """One phrase-bank entry: what the miner writes and every reader gets (one definition for both).

    text      the formula, slots in braces ({年份}, {单位}, {领导} …)
    role      skeleton role (opening, thanks, shortcomings …); function its job there (过渡, 号召 …)
    pattern   for headings: the parallel pattern (以X为Y …)
    genres    genres of the documents it came from; count how often it occurred
    sources   `file:line` of every occurrence kept; keywords and pinyin for searching
    """

    text: Required[str]
    role: str
    function: str
    pattern: str
    genres: list[str]
    count: int
    sources: list[str]
    keywords: list[str]
    pinyin: str


# Field → the Python type a reader checks, from the one definition above.
_ENTRY_TYPES: dict[str, tuple[type, ...]] = {
    name: {"list[str]": (list,), "int": (int,)}.get(getattr(hint, "__forward_arg__", str(hint)), (str,))
    for name, hint in PhraseEntry.__annotations__.items()
}
_LIST_OF_STR = tuple(name for name, types in _ENTRY_TYPES.items() if types == (list,))


def _check_entries(loaded, path: Path) -> list[PhraseEntry]:
    """The bank file's entries, each of the right shape; a wrong one is a located TemplateError."""
    from . import yamlio

    data = loaded.data
    if data is None:
        return []
    if not isinstance(data, list):
        raise yamlio.template_error(loaded, (), f"常用语库文件的顶层应为列表（每条以“- text: ”开头），现在是{yamlio.kind_zh(data)}")
    entries = []
    for i, entry in enumerate(data):
        if not isinstance(entry, dict):
            raise yamlio.template_error(loaded, (i,), f"每条常用语应为映射（text、role 等），现在是{yamlio.kind_zh(entry)}")
        if "text" not in entry:
            raise yamlio.template_error(loaded, (i,), "缺少 text（常用语的文字）")
        for key, want in _ENTRY_TYPES.items():
            value = entry.get(key)
            if value is None:
                continue
            if not isinstance(value, want) or isinstance(value, bool):
                raise yamlio.template_error(loaded, (i, key), f"类型不对，现在是{yamlio.kind_zh(value)}")
            if key in _LIST_OF_STR and not all(isinstance(v, str) for v in value):
                bad = next(j for j, v in enumerate(value) if not isinstance(v, str))
                raise yamlio.template_error(loaded, (i, key, bad), "列表中的每一项都应为文字")
        if not entry["text"].strip():
            raise yamlio.template_error(loaded, (i, "text"), "常用语的文字不能为空")
        entries.append(entry)
    return entries


def load_bank(folder: Path | None = None, roles: tuple[str, ...] | None = None) -> list[PhraseEntry]:
    """All entries of a phrase-bank folder (or of some roles' files), in file order (sorted by name).

    Read with the one YAML loader; an entry of the wrong shape is a located TemplateError.
    """
    from . import yamlio
    from .errors import TemplateError
    from .resources import phrasebank_dir

    folder = Path(folder) if folder is not None else phrasebank_dir()
    if not folder.is_dir():
        raise InputError(f"{folder}: 常用语库文件夹不存在")
    entries: list[PhraseEntry] = []
    for path in sorted(folder.glob("*.yaml")):
        if roles is not None and path.stem not in roles:
            continue
        entries.extend(yamlio.load_derived(path, "bank", lambda loaded, p=path: _check_entries(loaded, p),
                                           error=TemplateError, what="常用语库文件", limit=32 * 1024 * 1024))
    return entries


class Index:
    """Entries plus precomputed search columns (joined strings, keyword and bigram maps)."""

    def __init__(self, entries: list[dict]):
        self.entries = entries
        self.texts = [e["text"] for e in entries]
        self.plains = [_SLOT.sub("", t) for t in self.texts]
        self.pinyins = [e.get("pinyin", "") or "" for e in entries]
        self._joined: dict[str, tuple[str, list[int]]] = {}
        self._keywords: dict[str, list[int]] | None = None
        self._bigrams: dict[str, list[int]] | None = None

    @classmethod
    def build(cls, entries: list[dict]) -> "Index":
        return cls(entries)

    def prepare(self) -> "Index":
        """Build every lazy table now and move them out of the GC's way (long-lived data)."""
        import gc

        for column in ("texts", "plains", "pinyins"):
            self.joined(column)
        self.keyword_map()
        self.bigram_map()
        gc.collect()
        gc.freeze()
        return self

    def joined(self, column: str) -> tuple[str, list[int]]:
        """One newline-joined string of a column and the start offset of each entry."""
        if column not in self._joined:
            items = getattr(self, column)
            starts, pos = [], 0
            for t in items:
                starts.append(pos)
                pos += len(t) + 1
            self._joined[column] = ("\n".join(items), starts)
        return self._joined[column]

    def find(self, column: str, pattern: "re.Pattern") -> dict[int, "re.Match"]:
        """First match per entry of a regex over a column (newline-free patterns)."""
        from bisect import bisect_right

        big, starts = self.joined(column)
        hits: dict[int, re.Match] = {}
        for m in pattern.finditer(big):
            i = bisect_right(starts, m.start()) - 1
            hits.setdefault(i, m)
        return hits

    def keyword_map(self) -> dict[str, list[int]]:
        if self._keywords is None:
            km: dict[str, list[int]] = {}
            for i, e in enumerate(self.entries):
                for k in e.get("keywords") or ():
                    km.setdefault(k, []).append(i)
            self._keywords = km
        return self._keywords

    def bigram_map(self) -> dict[str, list[int]]:
        if self._bigrams is None:
            bm: dict[str, list[int]] = {}
            for i, p in enumerate(self.plains):
                for bg in {p[j : j + 2] for j in range(len(p) - 1)}:
                    bm.setdefault(bg, []).append(i)
            self._bigrams = bm
        return self._bigrams


def check_filters(role: str | None, genre: str | None) -> None:
    """Unknown role or genre → UsageError (exit 2) with the valid values."""
    from .gongwen.genres import default_registry

    roles = bank_roles()
    if role is not None and role not in roles:
        raise UsageError(f"未知的角色：{role}（可用：{'、'.join(roles)}）")
    genres = default_registry()
    if genre is not None and genre not in genres:
        raise UsageError(f"未知的文种：{genre}（可用：{'、'.join(genres)}）")


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

    def put(i: int, sc: float) -> None:
        if (allowed is None or i in allowed) and sc > scores.get(i, 0.0):
            scores[i] = sc

    column = "texts" if "{" in q else "plains"
    col = getattr(index, column)
    for i, m in index.find(column, re.compile(re.escape(q))).items():
        if q == col[i] or q == index.texts[i]:
            put(i, 1000.0)
        else:
            put(i, 500.0 + 100.0 * len(q) / max(len(col[i]), 1))
    terms = q.split()
    km = index.keyword_map()
    hit_count: dict[int, int] = {}
    for term in terms:
        for i in km.get(term, ()):
            hit_count[i] = hit_count.get(i, 0) + 1
    for i, h in hit_count.items():
        put(i, 300.0 + 100.0 * h / len(terms))
    if _ASCII.match(q):
        pat = re.compile("[^\\n]?".join(re.escape(ch) for ch in q.lower()))
        for i, m in index.find("pinyins", pat).items():
            put(i, 250.0 + 50.0 * len(q) / max(m.end() - m.start(), 1))
    elif len(scores) < limit and len(q) >= 2:
        from rapidfuzz import fuzz

        bm = index.bigram_map()
        shared: dict[int, int] = {}
        for bg in {q[j : j + 2] for j in range(len(q) - 1)}:
            for i in bm.get(bg, ()):
                shared[i] = shared.get(i, 0) + 1
        best = sorted(shared, key=lambda i: (-shared[i], i))[: max(200, limit * 20)]
        for i in best:
            sc = fuzz.partial_ratio(q, index.plains[i], score_cutoff=60)
            if sc:
                put(i, float(sc))
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], -entries[kv[0]].get("count", 0), kv[0]))
    return [(sc, entries[i]) for i, sc in ranked[:limit]]


# Formula fields of fact sheets → (role, function or None) of the bank entries that fit them.
FORMULA_FIELDS: dict[str, tuple[str, str | None]] = {
    "opening": ("opening", "开头"),
    "review.overview": ("achievements", "总结"),
    "review.lead": ("achievements", "过渡"),
    "thanks": ("thanks", None),
    "thanks.lead": ("thanks", "总结"),
    "shortcomings.lead": ("shortcomings", "过渡"),
    "shortcomings.closer": ("shortcomings", "表态"),
    "plan.situation": ("plan_overview", "形势"),
    "plan.general_requirement": ("plan_overview", "总体要求"),
    "plan.tasks_lead": ("tasks", "过渡"),
    "plan.targets": ("targets", None),
    "closing": ("closing", None),
    "closing.outlook": ("closing", None),
    "closing.appeal": ("closing", "号召"),
    "closing.pledge": ("closing", "表态"),
}


def suggest(entries: list[dict], field: str, genre: str | None = None, limit: int = 10) -> list[dict]:
    """Bank candidates for a fact-sheet formula field: same genre first, then most frequent."""
    spec = FORMULA_FIELDS.get(field)
    if spec is None:
        raise UsageError(f"不是可套用常用语的字段：{field}（可用：{'、'.join(FORMULA_FIELDS)}）")
    role, function = spec
    cands = [e for e in entries if e.get("role") == role and (function is None or e.get("function") == function)]
    cands.sort(key=lambda e: (genre not in (e.get("genres") or ()), -int(e.get("count", 0)), e["text"]))
    return cands[:limit]
