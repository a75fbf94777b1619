r"""Formula fields: what a fact sheet leaves empty, the phrase bank fills in.

A template's meta.yaml names its formula fields and where in the bank they
come from:

    formula_genres: [personal_duty_report, team_duty_report]  # bank genres, best first
    formulas:
      shortcomings.lead:          # the fact-sheet field
        role: shortcomings        # bank role and function
        function: 过渡
        shape: 清醒|回顾           # an entry must match this to fit the place …
        avoid: 本人                # … and must not match this
        prefer: 在肯定成绩的同时    # the template's own pick: candidate 0 when it fits
        years: [period.review]    # values for {年份}, in order (the last repeats)
        count: plan.tasks         # a list whose length replaces 三 / 几 in 以下三个方面
        span: period.span         # replaces 几年 in 几年来 (a field, or a literal such as 一年)
        voice: 我                  # 我们 → 我 (one person speaking); 我们: a team speaks, personal-voice entries do not fit
        leadership: leadership    # {upper, party} for {领导}
        unless: closing.goal      # leave empty when this field is filled (the template composes it)
        avoid_by_type: {term: 报告\{年份\}}   # more to avoid in one kind of report (period.type)
        shape_by_type: {briefing: ^现将}     # another shape in one kind of report
        types: [briefing]                   # only this kind of report has the field

An entry fits when every slot can be filled from the fact sheet, it names no
place and no level of government above the town, no era formula in it is
stale for the report year, and it carries no term-report or half-year words
in another kind of report. Candidates are ordered: the template's pick, then
by genre, then most frequent, then first source; `drafter render --variant N`
takes candidate N (modulo their number), so the same fact sheet always gives
the same draft. Pure, apart from reading the bank once per process.
"""
from __future__ import annotations

import functools
import re
from dataclasses import field
from pathlib import Path
from typing import Any

from .errors import InputError, Location, Problem
from .gongwen.report_year import factsheet_year
from .templates import is_filled
from .lazyre import LazyPattern, lazy
from .record import record

_SLOT = lazy(r"\{[^{}]+\}")
# A higher level speaking or being spoken for: 全州, 代表县人民政府, 州委, 政协委员, 各族.
_ABOVE_TOWN = lazy(r"全[州县市省区]|代表[州县市省区]|[州省]委|政协|各族|\{地名\}")
# Words that only fit one kind of report (period.type); annual reports take neither.
_PERIOD_WORDS = {"term": lazy(r"五年|本届"), "half": lazy(r"上半年|下半年")}
# Who speaks: one person (述职: 本人, 我) or a team (我们, 班子); an entry in the other voice does not fit.
_PERSONAL_VOICE = lazy(r"本人|(?<![自])我(?![们镇乡县区市国省州街])|一定的贡献|上级领导的要求")
_TEAM_VOICE = lazy(r"领导班子|班子|主席团|我[镇乡]|全[镇乡]|人民政府")
_ONE_ASPECT = lazy(r"[一二三四五六七八九十几]+个?方面的?")
# Register corrections a careful secretary makes to an old formula (lint rule register):
# those attending are 列席人员, not 代表; 作出贡献, not 做出.
_CORRECTIONS = [(lazy(r"列席代表"), "列席人员"), (lazy(r"做出(?=[^。，；！]{0,12}贡献)"), "作出")]
_COUNT = lazy(r"[一二三四五六七八九十几]+个?(?=方面)")
_SPAN = lazy(r"[一二三四五六七八九十两几]+年(?=来)")
# The town's own level word in fixed compounds (全镇, 镇人大, 乡党委 …), never inside 乡镇 / 城镇.
_TOWN_WORDS = lazy(
    r"(?<=[全我本])[镇乡](?!镇)|(?<![乡城集村])[镇乡](?=人民政府|政府|人大|党委|委[、，的和]|领导班子|干部|经济)"
)


@record
class Slot:
    """One formula field of a template, read from meta.yaml."""

    field: str
    role: str
    function: str | None = None
    shape: str = ""
    avoid: str = ""
    prefer: str = ""
    years: tuple[str, ...] = ()
    count: str = ""
    span: str = ""
    voice: str = ""
    leadership: str = "leadership"
    unless: str = ""
    avoid_by_type: tuple[tuple[str, str], ...] = ()
    shape_by_type: tuple[tuple[str, str], ...] = ()
    types: tuple[str, ...] = ()
    genres: tuple[str, ...] = field(default_factory=tuple)


@record
class Candidate:
    """A bank entry that fits a slot, and its text filled in for this fact sheet."""

    entry: dict
    text: str


@record
class Choice:
    """What a render put into one formula field (for `suggest` and tests)."""

    field: str
    candidate: Candidate
    index: int
    total: int


def template_slots(meta: dict) -> dict[str, Slot]:
    """The formula fields a template declares (none for templates that predate them)."""
    genres = tuple(meta.get("formula_genres") or ([meta["genre"]] if meta.get("genre") else []))
    slots: dict[str, Slot] = {}
    for name, spec in (meta.get("formulas") or {}).items():
        spec = dict(spec or {})
        spec["years"] = tuple(spec.get("years") or ())
        spec["avoid_by_type"] = tuple(sorted((spec.get("avoid_by_type") or {}).items()))
        spec["shape_by_type"] = tuple(sorted((spec.get("shape_by_type") or {}).items()))
        spec["types"] = tuple(spec.get("types") or ())
        spec["genres"] = tuple(spec.get("genres") or genres)
        slots[name] = Slot(field=name, **spec)
    return slots


# --- reading fact-sheet values ---------------------------------------------------

def get_path(data: Any, path: str) -> Any:
    """The value at a dotted path, or None."""
    for key in path.split("."):
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def set_path(data: dict, path: str, value: Any) -> dict:
    """A copy of `data` with the dotted path set (the dicts along the path are copied, the rest shared)."""
    head, _, rest = path.partition(".")
    out = dict(data)
    if rest:
        inner = out.get(head)
        out[head] = set_path(inner if isinstance(inner, dict) else {}, rest, value)
    else:
        out[head] = value
    return out


def report_kind(data: dict) -> str:
    """period.type: annual unless the fact sheet says term, half, briefing, summary …"""
    kind = get_path(data, "period.type")
    return kind if isinstance(kind, str) and kind else "annual"


def _level(unit: dict) -> str:
    from .filters import level_word

    return level_word(unit)


def _short(unit: dict) -> str:
    from .filters import unit_short

    return unit_short(unit)


# The organs a bank entry names, written for the corpus's own town (镇委, 镇政府, 镇人大):
# each becomes the sheet's own organ ({党委} = leadership.party …), never a level-swapped
# 乡委 or 街道委. Also the bank's {党委}/{政府}/{人大} slots.
_ORGAN_WORDS = [
    ("party", lazy(r"\{党委\}|(?<![乡城集村县区市省州])[镇乡](?:党)?委(?![员会托屈])")),
    ("gov", lazy(r"\{政府\}|(?<![乡城集村])[镇乡]人民政府")),
    ("gov_short", lazy(r"(?<![乡城集村])[镇乡]政府")),
    ("congress", lazy(r"\{人大\}|(?<![乡城集村])[镇乡]人大(?!主席团|代表|常委|工作|主席|工委|会议)")),
    ("presidium", lazy(r"(?<![乡城集村])[镇乡]人大主席团")),
]
_PROTECT = "\ue010"


def _fill_organs(text: str, data: dict) -> str | None:
    """Organ words and slots → the sheet's organs; None when the level has no such organ (街道人大)."""
    from .filters import organs

    unit = data.get("unit") if isinstance(data.get("unit"), dict) else {}
    ld = data.get("leadership") if isinstance(data.get("leadership"), dict) else None
    if ld is None:  # congress reports keep their chain under guidance:
        g = data.get("guidance") if isinstance(data.get("guidance"), dict) else {}
        ld = {"party": g.get("party")} if g.get("party") else {}
    o = organs(unit, ld)
    o["presidium"] = f"{o['level']}人大主席团" if o["congress"] else ""
    saved: list[str] = []

    def put(value: str) -> str:
        saved.append(value)
        return f"{_PROTECT}{len(saved) - 1}{_PROTECT}"

    for key, pattern in _ORGAN_WORDS:
        if pattern.search(text):
            if not o.get(key):
                return None
            text = pattern.sub(lambda _m, k=key: put(o[k]), text)
    text = _TOWN_WORDS.sub(o["level"], text)
    return re.sub(f"{_PROTECT}(\\d+){_PROTECT}", lambda m: saved[int(m.group(1))], text)


# --- filling an entry -----------------------------------------------------------------

def fill_text(text: str, slot: Slot, data: dict) -> str | None:
    """The entry's text for this fact sheet, or None when a slot cannot be filled."""
    from .filters import cn_count, join_cn

    unit = data.get("unit") if isinstance(data.get("unit"), dict) else {}
    t = text
    if "{单位}" in t:
        if not unit.get("name"):
            return None
        t = re.sub(r"\{单位\}[镇乡]", lambda _: str(unit["name"]), t)
        t = t.replace("{单位}", _short(unit))
    if "{年份}" in t:
        years = [get_path(data, p) for p in slot.years]
        years = [y for y in years if isinstance(y, int)]
        if not years:
            return None
        parts = t.split("{年份}")
        t = parts[0] + "".join(f"{years[min(i, len(years) - 1)]}年{p}" for i, p in enumerate(parts[1:]))
    if "{领导}" in t:
        ld = get_path(data, slot.leadership)
        if not isinstance(ld, dict) or not ld.get("upper") or not ld.get("party"):
            return None
        upper = ld["upper"] if isinstance(ld["upper"], list) else [ld["upper"]]
        t = t.replace("{领导}", f"{join_cn(upper)}和{ld['party']}")
    if slot.count:
        items = get_path(data, slot.count)
        if isinstance(items, list) and items:
            if len(items) == 1:  # 以下一个方面 is no lead-in: 重点做好以下工作
                # …以下几个方面的工作 → …以下工作; …以下几个方面： → …以下工作： (never a bare 以下：)
                t = _ONE_ASPECT.sub(lambda m: "" if m.string.startswith(("工作", "事"), m.end()) else "工作", t)
            else:
                t = _COUNT.sub(cn_count(len(items)) + "个", t)
    if slot.span and _SPAN.search(t):
        # a field (period.span) or a literal span such as 一年
        span = get_path(data, slot.span) if "." in slot.span or slot.span in data else slot.span
        if span is None and slot.span == "period.span":
            span = _KIND_SPAN.get(report_kind(data))
        if not isinstance(span, str) or not span.endswith("年"):
            return None
        t = _SPAN.sub(span, t)
    if slot.voice == "我":
        t = t.replace("我们", "我")
    for pattern, fixed in _CORRECTIONS:
        t = pattern.sub(fixed, t)
    filled = _fill_organs(t, data)
    return None if filled is None or _SLOT.search(filled) else filled


# --- which entries fit ------------------------------------------------------------------

def _stale(text: str, year: int | None) -> bool:
    """True when lint's era rules (stale-formula, stale-term) object to the sentence for the report year."""
    if year is None:
        return False
    from .lint.rules import stale, stale_terms
    from .lint.text import Doc

    doc = Doc(file="", lines=[(1, text)], year=year)
    stale.check(doc)
    stale_terms.check(doc)
    return bool(doc.findings)


def _misfit(text: str) -> bool:
    """True when the filled text shows a fault lint's fact and organ rules name (乡委 beside 乡党委, 二个 …)."""
    from .lint.rules import facts, organs, register
    from .lint.text import Doc

    doc = Doc(file="", lines=[(1, text)])
    for rule in (organs, facts, register):
        rule.check(doc)
    return bool(doc.findings)


def _fits(entry: dict, slot: Slot, data: dict) -> bool:
    text = entry.get("text", "")
    if entry.get("role") != slot.role or (slot.function and entry.get("function") != slot.function):
        return False
    if not set(entry.get("genres") or ()) & set(slot.genres):
        return False
    kind = report_kind(data)
    shape = dict(slot.shape_by_type).get(kind, slot.shape)
    if shape and not re.search(shape, text):
        return False
    if slot.avoid and re.search(slot.avoid, text):
        return False
    if _ABOVE_TOWN.search(text):
        return False
    if slot.voice == "我们" and _PERSONAL_VOICE.search(text):
        return False
    if slot.voice == "我" and _TEAM_VOICE.search(text):
        return False
    if any(k == kind and re.search(pat, text) for k, pat in slot.avoid_by_type):
        return False
    return not any(k != kind and pat.search(text) for k, pat in _PERIOD_WORDS.items())


# Organ words and organ slots read alike when a template names its preferred entry
# (prefer: 现在，我代表镇人民政府… matches a bank mined as 现在，我代表{政府}…).
_ORGAN_CANON = lazy(r"\{(?:党委|政府|人大)\}|[镇乡](?:人民)?政府|[镇乡](?:党)?委|[镇乡]人大")


def _canon(text: str) -> str:
    return _ORGAN_CANON.sub("\u3007", text)


def _rank(entry: dict, slot: Slot) -> tuple:
    genres = entry.get("genres") or ()
    g = min((slot.genres.index(x) for x in genres if x in slot.genres), default=len(slot.genres))
    preferred = bool(slot.prefer) and _canon(entry.get("text", "")).startswith(_canon(slot.prefer))
    sources = entry.get("sources") or [""]
    return (not preferred, g, -int(entry.get("count") or 0), sources[0], entry.get("text", ""))


def candidates(slot: Slot, data: dict, entries: list[dict]) -> list[Candidate]:
    """The bank entries that fit a slot for this fact sheet, best first, filled in."""
    year = factsheet_year(data)
    filled: list[Candidate] = []
    seen: set[str] = set()
    pool = [e for e in entries if e.get("role") == slot.role]  # the whole bank is read; a slot wants one role
    for e in sorted((e for e in pool if _fits(e, slot, data)), key=lambda e: _rank(e, slot)):
        text = fill_text(e["text"], slot, data)
        if text is not None and text not in seen:
            seen.add(text)
            filled.append(Candidate(e, text))
    # era formulas are judged on the filled text: {年份}是“十三五”开局之年 is stale only for a given year
    rejected = rejected_by_rules(tuple(c.text for c in filled), year, slot.field)
    return [c for c in filled if c.text not in rejected]


@functools.lru_cache(maxsize=256)
def rejected_by_rules(texts: tuple[str, ...], year: int | None, name: str = "") -> frozenset[str]:
    """The texts lint's era, organ, fact or register rules object to for the report year.

    A pure function of the texts, the year and the rules, so its answer is kept between
    runs (drafter.cache) keyed by all three — the rules by the source of drafter's lint
    and gongwen packages and the era table: importing and compiling the rules costs more
    than the rest of a render.
    """
    if not texts:
        return frozenset()
    from . import cache

    sources = "\0".join((str(year), *texts)).encode("utf-8") + _rules_digest()
    return frozenset(cache.derived("fit", name or "fit", sources,
                                   lambda: [t for t in texts if _stale(t, year) or _misfit(t)]))


@functools.lru_cache(maxsize=1)
def _rules_digest() -> bytes:
    """What the rules' verdicts depend on: every source file of drafter/lint and drafter/gongwen, and the data tables.

    Each file by its path, size and modification time, as Python checks its own
    bytecode cache: an edited or reinstalled rule changes the key without reading
    the ~400 KB of sources on every render.
    """
    import hashlib
    import os

    here = os.path.dirname(os.path.abspath(__file__))
    files = []
    for sub, suffix in (("lint", ".py"), ("gongwen", ".py"), ("data", ".yaml")):
        for folder, _dirs, names in os.walk(os.path.join(here, sub)):
            files.extend(os.path.join(folder, n) for n in names if n.endswith(suffix))
    h = hashlib.blake2b(digest_size=20)
    for path in sorted(files):
        info = os.stat(path)
        h.update(f"{os.path.relpath(path, here)}\0{info.st_size}\0{info.st_mtime_ns}\0".encode("utf-8"))
    return h.digest()


@functools.lru_cache(maxsize=8)
def _bank(folder: str, roles: tuple[str, ...] | None) -> tuple[dict, ...]:
    from .phrasebank import load_bank

    return tuple(load_bank(Path(folder), roles))


def bank_entries(folder: Path | None = None, roles: tuple[str, ...] | None = None) -> list[dict]:
    """The phrase bank (shipped, or DRAFTER_PHRASEBANK), or some roles of it, read once per process."""
    from .resources import phrasebank_dir

    return list(_bank(str(folder if folder is not None else phrasebank_dir()), roles))


def fill_data(meta: dict, data: dict, variant: int = 0,
              entries: list[dict] | None = None) -> tuple[dict, list[Choice], list[str]]:
    """(data with empty formula fields filled, what was chosen, fields nothing fits)."""
    slots = template_slots(meta)
    choices: list[Choice] = []
    missing: list[str] = []
    for name, slot in slots.items():
        if is_filled(get_path(data, name)) or (slot.unless and is_filled(get_path(data, slot.unless))):
            continue
        if slot.types and report_kind(data) not in slot.types:
            continue
        if entries is None:
            entries = bank_entries(roles=tuple(sorted({s.role for s in slots.values()})))
        found = candidates(slot, data, entries)
        if not found:
            missing.append(name)
            continue
        index = variant % len(found)
        data = set_path(data, name, found[index].text)
        choices.append(Choice(name, found[index], index, len(found)))
    return data, choices, missing


def fill(checked, variant: int = 0, entries: list[dict] | None = None) -> tuple[dict, list[Choice]]:
    """A checked fact sheet's data with its empty formula fields taken from the bank.

    `checked` is a render.Checked. A field the clerk filled is left alone; an
    empty one that no entry fits is a fact-sheet problem naming that field.
    """
    data, choices, missing = fill_data(checked.template.meta, checked.sheet.data, variant, entries)
    if missing:
        problems = []
        for name in missing:
            loc = checked.sheet.locate(tuple(name.split(".")))
            problems.append(Problem(Location(loc.file, loc.line, loc.col, name),
                                    "未填写，常用语库中也没有适合本文种的表述，请在事实表中写出这一句"))
        raise InputError(f"{checked.sheet.path}: 事实表有误", problems)
    return data, choices


# --- fitting any field: what `suggest`, `phrases --into` and the web page may insert ---------------

# The bank role and functions a non-formula field draws on, by the field's path without list
# indexes (first match wins). Fields of names or figures (thanks.to, upper, honors, issuer …)
# match nothing: no phrase goes there. A template's meta.yaml may add
# `phrase_roles: {field: [role, function, …]}`.
_FIELD_ROLES: tuple[tuple[LazyPattern, str, tuple[str, ...]], ...] = (
    (lazy(r"^(review|performance|study|team|conduct|integrity|responsibility|education|systems|cases)"
                r"(\.sections)?\.heading$|^review\.(congress|training|recess|supervision|motions|self_building)\.heading$"),
     "achievements", ("标题",)),
    (lazy(r"(^|\.)(tasks|sections|next_steps|safeguards)\.heading$"), "tasks", ("标题",)),
    (lazy(r"^review\.(overview|sections\.summary)$|^(performance|study|team|conduct|integrity)\.summary$"),
     "achievements", ("总结",)),
    (lazy(r"^shortcomings\.items$"), "shortcomings", ("问题",)),
    (lazy(r"(^|\.)situation$"), "plan_overview", ("形势",)),
    (lazy(r"(^|\.)(general_requirement|guiding|approach)$"), "plan_overview", ("总体要求",)),
    (lazy(r"(^|\.)(tasks|sections)\.(items|summary)$|^(next_steps|safeguards)\.items$"), "tasks", ("表态",)),
    # a whole appeal the clerk chooses to write (the template composes one otherwise)
    (lazy(r"^closing\.appeal$"), "closing", ("号召",)),
)


def _field_schema(schema: dict, field: str) -> dict | None:
    """The schema node of a dotted field path (list indexes as numbers: review.sections.0.heading)."""
    node: Any = schema
    for key in field.split("."):
        if not isinstance(node, dict):
            return None
        if key.isdigit():
            node = node.get("items")
            continue
        props = node.get("properties") or {}
        if key not in props:
            return None
        node = props[key]
    return node if isinstance(node, dict) else None


def _field_slot(meta: dict, field: str) -> Slot | None:
    """A synthetic slot for a field that is not a formula field: role and function from the field's path."""
    genres = tuple(meta.get("formula_genres") or ([meta["genre"]] if meta.get("genre") else []))
    plain = re.sub(r"\.\d+", "", field)
    own = (meta.get("phrase_roles") or {}).get(plain)
    if own:
        role, functions = own[0], tuple(own[1:])
    else:
        role, functions = next(((r, fns) for pattern, r, fns in _FIELD_ROLES if pattern.search(plain)), ("", ()))
    if not role:
        return None
    # 问题 (a shortcoming itself) is no bank function: any shortcomings entry but its lead-in and closer
    function = functions[0] if functions and functions[0] != "问题" else None
    return Slot(field=field, role=role, function=function, avoid="：$" if function is None else "",
                genres=genres, years=_YEAR_FIELDS, leadership="leadership", span="period.span")


_YEAR_FIELDS = ("period.review", "period.plan", "year", "period.year")
_LEAD_FUNCTIONS = ("过渡", "表态", "标题")
# 几年来 in an entry becomes the sheet's own span: period.span (述职), else the kind of report's
_KIND_SPAN = {"annual": "一年", "term": "五年", "briefing": "一年", "summary": "一年"}


def _get_indexed(data: Any, field: str) -> Any:
    """The value at a dotted path with list indexes (review.sections.0.heading), or None."""
    for key in field.split("."):
        if isinstance(data, list) and key.isdigit() and int(key) < len(data):
            data = data[int(key)]
        elif isinstance(data, dict) and key in data:
            data = data[key]
        else:
            return None
    return data


@record
class Fit:
    """A phrase that may go into a field: append it to a list, or replace a string after confirmation."""

    candidate: Candidate
    mode: str  # "append" (a list of strings) or "replace" (a string field: ask first)

    @property
    def text(self) -> str:
        return self.candidate.text


def fitting_phrases(meta: dict, data: dict, field: str, entries: list[dict], *, schema: dict) -> list[Fit]:
    """The bank entries that may be put into `field` of this fact sheet, best first, filled in.

    Only an entry whose role (and, for a formula field, shape) fits the field, whose
    slots the sheet fills ({年份}, {单位}, {党委} …; else it is left out), that names the
    unit's real organs and no level above it, and that no era or register rule
    rejects for the report year. A list of strings takes an entry as a new item
    (mode "append"); a string field may only be replaced (mode "replace": the front end
    asks first); any other field (numbers, objects, lists of objects) is refused
    with an InputError naming the field. Lead-ins and closers (过渡, 表态) go only
    into the formula fields made for them, never into an item list.
    """
    node = _field_schema(schema, field)
    if node is None:
        raise InputError(f"字段“{field}”不在本文种的事实表中", [])
    kind = node.get("type")
    items = node.get("items") if isinstance(node.get("items"), dict) else {}
    if kind == "array" and items.get("type") == "string":
        mode = "append"
    elif kind == "string" and "enum" not in node and node.get("format") != "date":
        mode = "replace"
    else:
        raise InputError(f"字段“{field}”不是文字或文字列表，不能插入常用语（只能插入文字字段或文字列表）", [])
    slots = template_slots(meta)
    plain = re.sub(r"\.\d+", "", field)
    if plain in slots:
        slot = slots[plain]
        if slot.types and report_kind(data) not in slot.types:
            return []
        found = candidates(slot, data, entries)
    else:
        slot = _field_slot(meta, field)
        if slot is None:
            return []
        found = candidates(slot, data, entries)
        if slot.function is None:  # an item of a list takes statements, never lead-ins or closers
            found = [c for c in found if c.entry.get("function") not in _LEAD_FUNCTIONS]
    current = _get_indexed(data, field)
    have = set(map(str, current)) if isinstance(current, list) else {str(current)}
    return [Fit(c, mode) for c in found if c.text not in have]
