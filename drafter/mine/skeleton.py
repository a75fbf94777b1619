"""Skeleton induction: documents of one genre → skeleton dict → draft template.

Used by `drafter mine PATH --templates DIR`.  Pure functions, deterministic:

    doc_stats(doc)                      what one document contributes (computed in the map)
    SkeletonTally                       the reduce state: per genre, the statistics of its
                                        non-duplicate documents and their formula tally
    SkeletonTally.drafts()              {genre: {file name: text}} for template.md.j2,
                                        schema.yaml, meta.yaml, example.yaml, skeleton.yaml
    induce_skeletons(docs)              the same from a list of documents

The skeleton records the role order (by the mean relative position of each
role's first occurrence) with the share of documents that have the role, which
numbering styles appear at which outline level, the typical number of sections
per role, and the documents it was induced from.  The draft template's fixed
sentences are the genre's most frequent formulas per role (phrase mining in
drafter.mine.phrases), with slots turned into fact-sheet fields; role blocks
with numbered sections take their content from fact-sheet lists.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median
from typing import Iterable

from ..corpus.model import ROLES, Document
from .phrases import _candidates, _is_duplicate, has_hole
from .tally import Candidate, PhraseTally

MIN_DOCUMENTS = 2
SKIP_GENRES = {"other": "未能判定文种的文档（other）不归纳骨架"}

GENRE_NAMES = {
    "gov_work_report": "政府工作报告",
    "congress_work_report": "人大工作报告",
    "personal_duty_report": "个人述职报告",
    "team_duty_report": "领导班子述职报告",
    "integrity_duty_report": "述职述廉报告",
    "work_plan": "工作计划",
    "reflection": "心得体会",
    "survey_report": "调研报告",
}

# outline style (drafter.corpus.numbering) → cn_ordinal style of drafter.filters
ORDINAL = {"cn": "comma", "paren_cn": "paren", "arabic": "arabic", "paren_ar": "arabic_paren", "shi": "shi", "ordinal": "di"}
DEFAULT_LEVELS = ["cn", "paren_cn", "shi"]
_STYLE_SHOW = {"cn": "一、", "paren_cn": "（一）", "arabic": "1.", "paren_ar": "（1）", "shi": "一是", "ordinal": "第一，"}

# roles whose content comes from fact-sheet lists: role → field name
LIST_ROLES = {"achievements": "achievements", "tasks": "tasks", "shortcomings": "shortcomings", "targets": "targets"}
SECTION_ROLES = ("achievements", "tasks")  # heading + items
PLAN_ROLES = {"plan_heading", "plan_overview", "targets", "tasks", "closing"}
_BAD = re.compile(r"[Xx×]{2}|_|＿|某某|\{[A-Z]")


# --- skeleton ----------------------------------------------------------------------
def _source(doc: Document) -> str:
    return f"{doc.source}:{doc.start_line}-{doc.end_line}"


def _first_positions(doc: Document) -> dict[str, float]:
    """Relative position (0..1) of each role's first section in the document."""
    n = max(len(doc.sections), 1)
    pos: dict[str, float] = {}
    for i, sec in enumerate(doc.sections):
        pos.setdefault(sec.role, i / n)
    return pos


def _role_lines(doc: Document) -> dict[int, str]:
    out: dict[int, str] = {}
    for sec in doc.sections:
        for n in range(sec.start_line, sec.end_line + 1):
            out.setdefault(n, sec.role)
    return out


@dataclass(frozen=True)
class DocStats:
    """What one document contributes to its genre's skeleton (small, picklable, order-free)."""

    source: str
    positions: tuple[tuple[str, float], ...]  # role → relative position of its first section
    styles: tuple[tuple[int, tuple[str, ...]], ...]  # outline level → numbering styles used
    sections: tuple[tuple[str, int], ...]  # role → numbered items at its top level
    children: tuple[int, ...]  # level-2 items under each level-1 item
    salutation: str | None = None  # first usable salutation line


def doc_stats(doc: Document) -> DocStats:
    """The skeleton statistics of one document."""
    used: dict[int, set[str]] = {}
    for item in doc.outline:
        used.setdefault(item.level, set()).add(item.style)
    where = _role_lines(doc)
    counts: dict[str, int] = {}
    for role in sorted(set(where.values())):
        items = [o for o in doc.outline if where.get(o.line) == role]
        if items:
            top = min(o.level for o in items)
            counts[role] = sum(1 for o in items if o.level == top)
    children: list[int] = []
    count = None
    for item in doc.outline:
        if item.level == 1:
            if count is not None:
                children.append(count)
            count = 0
        elif item.level == 2 and count is not None:
            count += 1
    if count is not None:
        children.append(count)
    salutation = None
    for line in doc.lines:
        if "salutation" in line.roles and len(line.text) <= 20 and _usable(line.text):
            salutation = line.text.strip()
            break
    return DocStats(
        source=_source(doc),
        positions=tuple(_first_positions(doc).items()),
        styles=tuple(sorted((level, tuple(sorted(st))) for level, st in used.items())),
        sections=tuple(counts.items()),
        children=tuple(children),
        salutation=salutation,
    )


@dataclass
class GenreTally:
    """One genre's non-duplicate documents as statistics, their formulas and salutations."""

    stats: list[DocStats] = field(default_factory=list)
    phrases: PhraseTally = field(default_factory=PhraseTally)
    duplicates: int = 0


class SkeletonTally:
    """The reduce state of skeleton induction: documents are added in corpus order, then dropped."""

    def __init__(self) -> None:
        self.genres: dict[str, GenreTally] = {}

    def add(self, genre: str, source: str, stats: DocStats, candidates: Iterable[Candidate], duplicate: bool) -> None:
        """One document (its file's source label, statistics and formula candidates), in corpus order."""
        g = self.genres.setdefault(genre, GenreTally())
        if duplicate:
            g.duplicates += 1
            return
        g.stats.append(stats)
        g.phrases.add(source, genre, candidates)

    def merge(self, other: "SkeletonTally") -> "SkeletonTally":
        """Fold the tally of the following stretch of the corpus into this one."""
        for genre, o in other.genres.items():
            g = self.genres.setdefault(genre, GenreTally())
            g.stats.extend(o.stats)
            g.phrases.merge(o.phrases)
            g.duplicates += o.duplicates
        return self

    def skeletons(self, min_documents: int = MIN_DOCUMENTS) -> tuple[dict[str, tuple[dict, GenreTally]], dict[str, str]]:
        """{genre: (skeleton, tally)} for genres with enough documents; {genre: reason} for the others."""
        done: dict[str, tuple[dict, GenreTally]] = {}
        skipped: dict[str, str] = {}
        for genre in sorted(self.genres):
            g = self.genres[genre]
            if genre in SKIP_GENRES:
                skipped[genre] = SKIP_GENRES[genre]
            elif len(g.stats) < min_documents:
                extra = f"（另有 {g.duplicates} 篇重复）" if g.duplicates else ""
                skipped[genre] = f"只有 {len(g.stats)} 篇不重复的文档{extra}，至少需要 {min_documents} 篇"
            else:
                done[genre] = (induce_skeleton(genre, g.stats), g)
        return done, skipped

    def drafts(self, min_documents: int = MIN_DOCUMENTS) -> tuple[dict[str, dict[str, str]], dict[str, int], dict[str, str]]:
        """({genre: {file name: text}}, {genre: documents}, {genre: reason skipped})."""
        done, skipped = self.skeletons(min_documents)
        files = {}
        for genre, (skel, g) in done.items():
            files[genre] = draft_files(skel, pick_formulas(g.phrases), _salutation(g.stats))
        return files, {genre: skel["documents"] for genre, (skel, _g) in done.items()}, skipped


def group_documents(docs: Iterable[Document]) -> tuple[dict[str, list[Document]], dict[str, int]]:
    """Non-duplicate documents by genre (deterministic duplicate test), and duplicates per genre."""
    groups: dict[str, list[Document]] = {}
    dups: Counter = Counter()
    seen: list[set[int]] = []
    for doc in docs:
        if _is_duplicate(doc, seen):
            dups[doc.genre] += 1
            continue
        groups.setdefault(doc.genre, []).append(doc)
    return groups, dict(dups)


def induce_skeleton(genre: str, docs: list[DocStats] | list[Document]) -> dict:
    """The skeleton dict of one genre from its (non-duplicate) documents or their statistics."""
    stats = [d if isinstance(d, DocStats) else doc_stats(d) for d in docs]
    n = len(stats)
    present: Counter = Counter()
    positions: dict[str, list[float]] = {}
    for st in stats:
        for role, p in st.positions:
            present[role] += 1
            positions.setdefault(role, []).append(p)
    order = sorted(present, key=lambda r: (sum(positions[r]) / len(positions[r]), ROLES.index(r) if r in ROLES else 99, r))
    roles = [{"role": r, "share": round(present[r] / n, 2), "documents": present[r]} for r in order]

    # outline: styles per level, share of documents using each
    level_styles: dict[int, Counter] = {}
    depths: list[int] = []
    per_role: dict[str, list[int]] = {}
    children: list[int] = []
    for st in stats:
        for level, styles in st.styles:
            level_styles.setdefault(level, Counter()).update(styles)
        depths.append(max((level for level, _s in st.styles), default=0))
        for role, c in st.sections:
            per_role.setdefault(role, []).append(c)
        children.extend(st.children)
    levels = []
    for level in sorted(level_styles):
        c = level_styles[level]
        styles = [{"style": s, "documents": k} for s, k in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))]
        levels.append({"level": level, "typical": styles[0]["style"], "styles": styles})
    sections = {r: int(median(v)) for r, v in sorted(per_role.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 99, kv[0]))}
    return {
        "genre": genre,
        "documents": n,
        "roles": roles,
        "outline": {
            "typical_depth": int(median(depths)) if depths else 0,
            "numbering": "→".join(_STYLE_SHOW.get(lv["typical"], lv["typical"]) for lv in levels),
            "levels": levels,
        },
        "sections_per_part": int(median(c for c in children if c)) if any(children) else 0,
        "sections_per_role": sections,
        "sources": [st.source for st in stats],
    }


def induce_skeletons(docs: Iterable[Document], min_documents: int = MIN_DOCUMENTS) -> tuple[dict[str, tuple[dict, list[Document]]], dict[str, str]]:
    """{genre: (skeleton, documents)} for genres with enough documents; {genre: reason} for the others."""
    groups, dups = group_documents(docs)
    tally = SkeletonTally()
    for genre, members in groups.items():
        for doc in members:
            tally.add(genre, doc.source, doc_stats(doc), (), False)
    for genre, n in dups.items():
        tally.genres.setdefault(genre, GenreTally()).duplicates += n
    done, skipped = tally.skeletons(min_documents)
    return {genre: (skel, groups[genre]) for genre, (skel, _g) in done.items()}, skipped


# --- draft template ------------------------------------------------------------------
class _Fields:
    """Collects the fact-sheet fields a draft template uses (for schema and example)."""

    def __init__(self) -> None:
        self.used: dict[str, None] = {}
        self.figures = 0

    def use(self, name: str) -> None:
        self.used.setdefault(name, None)


def _slot_to_jinja(text: str, role: str, fields: _Fields) -> str:
    """A slotted formula → template text: literal parts escaped, slots → field expressions."""
    from ..markup import escape

    year = "period.plan" if role in PLAN_ROLES else "period.review"
    out = []
    years = 0
    # "{单位}镇" → unit.name already ends in 镇/乡…: the type character goes with the slot
    text = re.sub(r"\{单位\}[镇乡县区市州村]", "{单位}", text)
    for part in re.split(r"(\{[^{}]+\})", text):
        if part == "{年份}":
            years += 1
            if role == "opening" and years == 2:  # 报告{回顾年}工作，对{计划年}工作提出建议
                year = "period.plan"
            fields.use(year)
            out.append("{{ %s }}年" % year)
        elif part == "{单位}":
            fields.use("unit.name")
            out.append("{{ unit.name }}")
        elif part == "{会议}":
            fields.use("meeting.session")
            out.append("{{ meeting.session }}")
        elif part == "{数字}":
            fields.figures += 1
            out.append("{{ figures.n%d | num }}" % fields.figures)
        elif part:
            out.append(escape(part))
    return "".join(out)


def _usable(text: str) -> bool:
    return not has_hole(text) and not _BAD.search(text) and not re.search(r"[{}]", re.sub(r"\{(年份|单位|会议|数字)\}", "", text))


def pick_formulas(source: PhraseTally | list[Document]) -> dict[str, list[tuple[str, str]]]:
    """Most frequent formulas per role: {role: [(function, slotted text), …]} (best first).

    `source` is a genre's formula tally, or its (non-duplicate) documents.
    """
    if not isinstance(source, PhraseTally):
        tally = PhraseTally()
        seen: list[set[int]] = []
        for doc in source:
            tally.add(doc.source, doc.genre, _candidates(doc), _is_duplicate(doc, seen))
        source = tally
    by_role: dict[str, list] = {}
    for e in source.finish():
        if not _usable(e.text):
            continue
        by_role.setdefault(e.role, []).append(e)
    out: dict[str, list[tuple[str, str]]] = {}
    for role, entries in by_role.items():
        entries.sort(key=lambda e: (-e.count, e.text.count("{数字}"), len(e.text) > 90, -len(e.sources), -len(re.findall(r"\{[^{}]+\}", e.text)), len(e.text), e.text))
        out[role] = [(e.function, e.text) for e in entries]
    return out


def _salutation(stats: list[DocStats]) -> str:
    c: Counter = Counter(st.salutation for st in stats if st.salutation)
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if c else ""


def _first(formulas: list[tuple[str, str]], heading: bool, limit: int = 1, lead_in: bool = False) -> list[str]:
    """Best formulas that are (not) headings; colon-ended lead-ins only when asked for."""
    picked = [t for fn, t in formulas if (fn == "标题") == heading and (heading or lead_in or not t.endswith(("：", ":")))]
    return picked[:limit]


def _ordinal(levels: list[str], depth: int) -> str:
    style = levels[depth] if depth < len(levels) else DEFAULT_LEVELS[min(depth, 2)]
    return ORDINAL.get(style, "paren")


def render_template(skel: dict, formulas: dict[str, list[tuple[str, str]]], salutation: str) -> tuple[str, _Fields]:
    """Template text (drafter markup via Jinja) and the fields it uses."""
    fields = _Fields()
    levels = [lv["typical"] for lv in skel["outline"]["levels"]] or list(DEFAULT_LEVELS)
    roles = [r["role"] for r in skel["roles"] if r["share"] >= 0.5 or r["role"] == "salutation"]
    fields.use("title")
    out = [
        "{#- 草稿模板：由 drafter mine --templates 从 %d 篇%s归纳，请人工审校后再使用。 -#}" % (skel["documents"], GENRE_NAMES.get(skel["genre"], skel["genre"])),
        "# {{ title }}",
        "",
    ]
    part = 0

    def heading(role: str, default: str) -> None:
        nonlocal part
        part += 1
        text = (_first(formulas.get(role, []), True) or [default])[0]
        out.append("## %s%s" % (_cn_part(part, levels), _slot_to_jinja(text, role, fields)))
        out.append("")

    def sentences(role: str, limit: int = 2) -> None:
        for t in _first(formulas.get(role, []), False, limit):
            out.append(_slot_to_jinja(t, role, fields))
            out.append("")

    for role in roles:
        if role == "title":
            continue
        if role == "salutation":
            sal = salutation
            if sal and "{.salutation}" not in out:
                out += ["{.salutation}", _slot_to_jinja(sal, role, fields), ""]
        elif role in ("review_heading", "plan_heading"):
            heading(role, "{年份}工作回顾" if role == "review_heading" else "{年份}工作安排")
        elif role in SECTION_ROLES:
            sentences(role, 1)
            fields.use(role)
            depth = 1 if part else 0
            o1, o2 = _ordinal(levels, depth), "shi"
            mark = "#" * (depth + 2)
            out += [
                "{% for section in " + role + " %}",
                mark + ' {{ loop.index | cn_ordinal("' + o1 + '") }}{{ section.heading | strip_end }}',
                "",
                "{% for item in section.items %}",
                '{{ loop.index | cn_ordinal("' + o2 + '") }}{{ item | end }}',
                "",
                "{% endfor %}",
                "{% endfor %}",
            ]
        elif role in ("shortcomings", "targets"):
            cands = [(fn, t) for fn, t in formulas.get(role, []) if fn != "标题"]
            intro = [t for fn, t in cands if t.endswith(("：", ":")) or fn != "表态"][:1]
            rest = [t for fn, t in cands if fn == "表态" and not t.endswith(("：", ":")) and t not in intro][:1]
            fields.use(role)
            if intro:
                out.append(_slot_to_jinja(intro[0], role, fields))
                out.append("")
            if role == "targets":
                out += ["{% for t in targets %}", "{{ loop.index | cn_ordinal(\"arabic\") }}{{ t | end }}", "", "{% endfor %}"]
            else:
                out += ['{% for item in shortcomings %}{{ loop.index | cn_ordinal("shi") }}{{ item | end }}{% endfor %}', ""]
            for t in rest:
                out.append(_slot_to_jinja(t, role, fields))
                out.append("")
        elif role != "other":
            sentences(role, 1 if role == "opening" else 2)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n", fields


def _cn_part(n: int, levels: list[str]) -> str:
    from ..filters import cn_ordinal  # template filter names: comma/paren/shi/arabic

    return cn_ordinal(n, ORDINAL.get(levels[0], "comma")) if levels else cn_ordinal(n, "comma")


_FIELD_SCHEMA = {
    "title": ({"type": "string", "description": "报告标题"}, "某某报告"),
    "unit.name": ({"type": "string", "description": "单位名称，如“石排镇”"}, "示例镇"),
    "period.review": ({"type": "integer", "minimum": 1949, "maximum": 2100, "description": "回顾的年份"}, 2024),
    "period.plan": ({"type": "integer", "minimum": 1949, "maximum": 2100, "description": "部署工作的年份"}, 2025),
    "meeting.session": ({"type": "string", "description": "会议届次，如“第十八届人民代表大会第五次会议”"}, "第一届人民代表大会第一次会议"),
}
_LIST_SCHEMA = {
    "achievements": ("主要工作和成绩：每节一个小标题和若干条", True),
    "tasks": ("工作安排：每项一个小标题和若干条", True),
    "shortcomings": ("存在的问题和不足，每条一句", False),
    "targets": ("主要预期目标，每条一句", False),
}


def schema_and_example(genre: str, fields: _Fields) -> tuple[dict, dict]:
    """JSON Schema (as a dict) for the fields used, and a neutral example fact sheet."""
    props: dict = {"template": {"const": genre, "description": "使用的模板，不要改动"}}
    example: dict = {"template": genre}
    required = ["template"]
    for name in fields.used:
        if name in _LIST_SCHEMA:
            desc, sectioned = _LIST_SCHEMA[name]
            if sectioned:
                item = {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["heading", "items"],
                    "properties": {
                        "heading": {"type": "string", "description": "小标题"},
                        "items": {"type": "array", "minItems": 1, "items": {"type": "string"}, "description": "具体做法和成效，每条一句"},
                    },
                }
                value = [{"heading": f"第{w}方面工作的小标题", "items": [f"第{w}方面的第一条具体内容", f"第{w}方面的第二条具体内容"]} for w in "一二"]
            else:
                item = {"type": "string"}
                value = ["第一条具体内容", "第二条具体内容"]
            props[name] = {"type": "array", "minItems": 1, "items": item, "description": desc}
            example[name] = value
            required.append(name)
            continue
        spec, value = _FIELD_SCHEMA[name]
        if "." in name:
            top, sub = name.split(".")
            obj = props.setdefault(top, {"type": "object", "additionalProperties": False, "required": [], "properties": {}})
            obj["required"].append(sub)
            obj["properties"][sub] = spec
            example.setdefault(top, {})[sub] = value
            if top not in required:
                required.append(top)
        else:
            props[name] = spec
            example[name] = value
            required.append(name)
    if fields.figures:
        keys = [f"n{i}" for i in range(1, fields.figures + 1)]
        props["figures"] = {
            "type": "object",
            "description": "套话中的数字，按出现顺序",
            "additionalProperties": False,
            "required": keys,
            "properties": {k: {"type": "number"} for k in keys},
        }
        example["figures"] = {k: 1 for k in keys}
        required.append("figures")
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{GENRE_NAMES.get(genre, genre)}（草稿）事实表",
        "type": "object",
        "additionalProperties": False,
        "required": required,
        "properties": props,
    }
    return schema, example


def _yaml(data, header: str = "") -> str:
    import yaml

    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def draft_files(skel: dict, formulas: dict[str, list[tuple[str, str]]], salutation: str = "") -> dict[str, str]:
    """All files of one genre's draft folder: {file name: text} (deterministic)."""
    genre = skel["genre"]
    text, fields = render_template(skel, formulas, salutation)
    schema, example = schema_and_example(genre, fields)
    example["title"] = f"示例镇{GENRE_NAMES.get(genre, genre)}"
    name = GENRE_NAMES.get(genre, genre)
    meta = {
        "name": f"{name}（草稿）",
        "description": f"由 drafter mine --templates 从 {skel['documents']} 篇{name}归纳的草稿模板：" + "—".join(r["role"] for r in skel["roles"] if r["share"] >= 0.5),
        "genre": genre,
        "draft": True,
        "sources": list(skel["sources"]),
    }
    head = "# 由 drafter mine --templates 生成，请人工审校。\n"
    return {
        "skeleton.yaml": _yaml(skel, head),
        "template.md.j2": text,
        "schema.yaml": _yaml(schema, head),
        "meta.yaml": _yaml(meta, head),
        "example.yaml": _yaml(example, head),
    }


def check_templates(out_dir, planned: dict[str, dict[str, str]], force: bool = False) -> None:
    """Refuse before anything is written: a file where a folder should be, or an existing target without `force`."""
    from pathlib import Path

    from ..errors import UsageError
    from ..fileio import check_writable

    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{out_dir}: 已存在同名文件，无法创建模板文件夹")
    for genre, texts in planned.items():
        folder = out_dir / genre
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"{folder}: 已存在同名文件，无法创建模板文件夹")
        for fname in texts:
            if (folder / fname).exists() and not force:
                check_writable(folder / fname, force)


def write_templates(out_dir, planned: dict[str, dict[str, str]], force: bool = False) -> list:
    """Write DIR/<genre>/ draft folders atomically (DIR created when missing); returns the files written."""
    from pathlib import Path

    from ..fileio import write_text_atomic

    out_dir = Path(out_dir)
    check_templates(out_dir, planned, force)
    written = []
    for genre, texts in planned.items():
        folder = out_dir / genre
        folder.mkdir(parents=True, exist_ok=True)
        for fname, text in texts.items():
            write_text_atomic(folder / fname, text, force=force)
            written.append(folder / fname)
    return written
