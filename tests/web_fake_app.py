"""A stand-in for drafter.app with the same function signatures, built from drafter's modules.

Used by the web tests to inject an application layer (create_app(folder, api=...)) so the
server's own behaviour (folder guard, merge, save, security) is tested apart from the app.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from drafter import factsheet, render, templates
from drafter.errors import InputError, Location, Problem


@dataclass
class Workspace:
    @classmethod
    def default(cls) -> "Workspace":
        return cls()


@dataclass
class TemplateInfo:
    id: str
    name: str
    description: str
    genre: str | None


@dataclass
class FormulaInfo:
    role: str
    function: str | None
    list: bool = False


@dataclass
class CheckResult:
    problems: list
    template_id: str | None
    year: int | None

    @property
    def errors(self) -> list:
        return list(self.problems)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Preview:
    html: str
    problems: list
    ok: bool


@dataclass
class RenderOutput:
    name: str
    data: bytes
    problems: list = field(default_factory=list)


@dataclass
class Suggestion:
    variant: int
    text: str
    raw: str
    sources: list
    count: int
    role: str
    function: str | None


@dataclass
class Phrase:
    text: str
    role: str
    function: str | None
    genres: list
    sources: list
    count: int
    pinyin: str = ""


def list_templates(ws):
    return [TemplateInfo(t.id, t.name, t.description, t.meta.get("genre")) for t in templates.available().values()]


def template_schema(ws, template_id):
    return templates.get(template_id).schema


def formula_fields(ws, template_id):
    from drafter.formulas import template_slots

    return {k: FormulaInfo(s.role, s.function) for k, s in template_slots(templates.get(template_id).meta).items()}


def scaffold(ws, template_id):
    from drafter.scaffold import scaffold as make

    return make(templates.get(template_id), None)


def _checked(text, source):
    sheet, problems = factsheet.parse_factsheet(Path(source), text)
    if sheet is None:
        return None, problems
    tid = sheet.template_id
    if tid not in templates.available():
        return None, problems + [Problem(sheet.locate(("template",)), "缺少或写错了模板名（template）")]
    template = templates.get(tid)
    problems = sorted(problems + factsheet.validate(sheet, template.schema),
                      key=lambda p: (p.location.line or 0, p.location.col or 0))
    return (render.Checked(sheet, template) if not problems else None), problems


def check_sheet(ws, text, source, *, variant=0):
    checked, problems = _checked(text, source)
    tid = None
    try:
        import yaml

        data = yaml.safe_load(text)
        tid = data.get("template") if isinstance(data, dict) else None
    except Exception:
        pass
    return CheckResult(problems, tid, render.report_year(checked))


def preview(ws, text, source, *, variant=0):
    checked, problems = _checked(text, source)
    if checked is None:
        return Preview("", problems, False)
    report = render.build_report(checked, variant=variant)
    body = "".join(f"<p>{html.escape(line)}</p>" for line in report.plain_lines())
    return Preview(body, problems, True)


def render_sheet(ws, text, source, *, fmt="docx", variant=0, lint=False):
    checked, problems = _checked(text, source)
    if checked is None:
        raise InputError(f"{source}: 事实表有误", problems)
    report = render.build_report(checked, variant=variant)
    return RenderOutput(render.default_output(checked, fmt), render.to_bytes(report, fmt))


def suggest(ws, text, source, field_, *, limit=20):
    from drafter.formulas import bank_entries, candidates, template_slots

    checked, problems = _checked(text, source)
    if checked is None:
        raise InputError("事实表有误", problems)
    slot = template_slots(checked.template.meta)[field_]
    found = candidates(slot, checked.sheet.data, bank_entries())
    return [Suggestion(i, c.text, c.entry["text"], list(c.entry.get("sources") or []), int(c.entry.get("count", 0)),
                       slot.role, slot.function) for i, c in enumerate(found[:limit])]


def insert_phrase(ws, text, source, field_, phrase):
    from drafter.factsheet_edit import FieldError, append_to_list

    try:
        return append_to_list(text, field_, phrase)
    except FieldError as exc:
        problem = Problem(Location(source, None, None, field_), f"字段 {field_} 无法追加：{exc}")
        raise InputError(str(problem), [problem]) from exc


def search_phrases(ws, query, *, role=None, genre=None, limit=20):
    from drafter.phrasebank import Index, load_bank, search

    index = Index.build(load_bank())
    return [Phrase(e["text"], e.get("role"), e.get("function"), list(e.get("genres") or []),
                   list(e.get("sources") or []), int(e.get("count", 0))) for _, e in search(index, query, role, genre, limit)]


def read_sheet(path):
    return factsheet.read_text(Path(path))


def publish(outputs, *, force=False):
    from drafter.fileio import write_atomic

    for path, data in outputs:
        write_atomic(Path(path), data, force=force)
