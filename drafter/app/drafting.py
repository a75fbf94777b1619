"""Use cases of the drafting path: templates, scaffold, check, render, preview.

`check_sheet` runs everything `render_sheet` runs (schema, formula fill, a dry
render of the template) plus proofreading of the values and of the draft, so a
sheet `check` passes always renders, and a sheet `render` refuses is never
reported as clean.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import DrafterError, InputError, Location, Problem, TemplateError
from .results import CheckResult, FormulaInfo, Preview, RenderOutput, TemplateInfo
from .workspace import Workspace


# --- templates ---------------------------------------------------------------------------

def list_templates(ws: Workspace) -> list[TemplateInfo]:
    return [TemplateInfo(t.id, t.name, t.description, str(t.meta.get("genre") or t.id))
            for t in ws.templates().values()]


def template_schema(ws: Workspace, template_id: str) -> dict:
    return ws.template(template_id).schema


def formula_fields(ws: Workspace, template_id: str) -> dict[str, FormulaInfo]:
    from ..formulas import template_slots

    return {name: FormulaInfo(name, s.role, s.function)
            for name, s in template_slots(ws.template(template_id).meta).items()}


def schema_ref(template) -> str | None:
    """The editor hint line's target: the template's expanded schema.json, when shipped beside it."""
    shipped = template.folder / "schema.json"
    return shipped.resolve().as_uri() if shipped.is_file() else None


def scaffold(ws: Workspace, template_id: str) -> str:
    """The commented fact sheet `drafter new` writes."""
    from ..scaffold import scaffold as build

    template = ws.template(template_id)
    return build(template, schema_ref(template))


# --- one fact sheet ----------------------------------------------------------------------------

def _roles(meta: dict) -> tuple[str, ...]:
    from ..formulas import template_slots

    return tuple(sorted({s.role for s in template_slots(meta).values()}))


def _report(ws: Workspace, checked, variant: int):
    from .. import render

    return render.build_report(checked, variant=variant, entries=ws.bank(_roles(checked.template.meta)))


def _year(checked) -> int | None:
    from ..gongwen.report_year import factsheet_year

    return factsheet_year(checked.sheet.data)


def _draft_findings(report, name: str, checked) -> list[Problem]:
    """Proofreading of the rendered text, numbered like the output's paragraphs."""
    from ..lint import lint_lines

    lines = list(enumerate(report.plain_lines(), 1))
    return lint_lines(lines, name, year=_year(checked), genre_hint=checked.template.meta.get("genre"))


def _as_problems(exc: DrafterError, source: str) -> list[Problem]:
    return list(exc.problems) or [Problem(Location(source), exc.message)]


def check_sheet(ws: Workspace, text: str, source: str, *, variant: int = 0) -> CheckResult:
    """Every problem `render` would refuse for, plus proofreading findings, sorted by line."""
    from .. import render
    from ..lint import lint_factsheet_text

    result = CheckResult(source)
    checked, problems = render.check(Path(source), text, ws.template_dirs)
    result.problems.extend(problems)
    if checked is None:
        return result
    result.template_id = checked.template.id
    result.year = _year(checked)
    report = None
    try:
        report = _report(ws, checked, variant)
    except DrafterError as exc:  # no formula fits, or the template cannot render these facts
        result.problems.extend(_as_problems(exc, source))
    try:
        values = lint_factsheet_text(text, source, result.year)
    except InputError as exc:
        values = _as_problems(exc, source)
    result.problems.extend(values)
    if report is not None:
        seen = {(p.rule, p.message) for p in values}
        name = render.default_output(checked, "docx")
        result.problems.extend(p for p in _draft_findings(report, name, checked) if (p.rule, p.message) not in seen)
    result.problems.sort(key=lambda p: (p.file != source, p.line, p.location.col or 0))
    return result


def render_sheet(ws: Workspace, text: str, source: str, *, fmt: str = "docx", variant: int = 0,
                 lint: bool = False, label: str | None = None) -> RenderOutput:
    """The report's bytes in a format, or InputError listing every reason it is refused.

    With `lint`, the draft is proofread first and error findings refuse it (they travel on
    the error's `findings`, named `label` — the target path — or the default file name).
    """
    from .. import render, writers

    writer = writers.get(fmt)
    checked = render.load(Path(source), text, ws.template_dirs)
    report = _report(ws, checked, variant)
    name = render.default_output(checked, writer.name)
    findings = _draft_findings(report, label or name, checked) if lint else []
    if any(p.is_error for p in findings):
        exc = InputError(f"{label or name}: 校对发现错误级问题，未写出")
        exc.findings = findings
        raise exc
    unit = checked.sheet.data.get("unit")
    author = str(unit.get("name") or "") if isinstance(unit, dict) else ""
    options = writers.WriteOptions(style=ws.style, reference_doc=ws.reference_bytes,
                                   title="".join(report.title), author=author)
    missing = writer.missing()
    if missing:
        raise DrafterError(missing)
    return RenderOutput(name, writer.write(report, options), tuple(findings))


def preview(ws: Workspace, text: str, source: str, *, variant: int = 0) -> Preview:
    """The report as HTML (A4 look) for the web page, with the problems `check` reports."""
    from .. import render
    from ..writers.html import preview_fragment

    result = check_sheet(ws, text, source, variant=variant)
    html = ""
    if not any(p.is_error and p.rule is None for p in result.problems):
        try:
            checked = render.load(Path(source), text, ws.template_dirs)
            html = preview_fragment(_report(ws, checked, variant), ws.style)
        except (InputError, TemplateError):
            html = ""
    return Preview(html, tuple(result.problems))
