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
from ..lazyre import lazy


# --- templates ---------------------------------------------------------------------------

def list_templates(ws: Workspace) -> list[TemplateInfo]:
    return [TemplateInfo(t.id, t.name, t.description, str(t.meta.get("genre") or t.id))
            for t in ws.templates().values()]


def broken_templates(ws: Workspace) -> dict:
    """A unit's templates that cannot be used, by id, with their located TemplateError."""
    from .. import templates

    return templates.broken(ws.template_dirs)


def font_report(ws: Workspace) -> list[str]:
    """One Chinese line per standard font of the style: installed here, or what LibreOffice uses instead."""
    from ..writers.fonts import font_report as report

    return [status.describe() for status in report(ws.style)]


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
    from ..gongwen.levels import sheet_level
    from ..lint import lint_lines

    lines = list(enumerate(report.plain_lines(), 1))
    return lint_lines(lines, name, year=_year(checked), genre_hint=checked.template.meta.get("genre"),
                      level=sheet_level(checked.sheet.data))


def _as_problems(exc: DrafterError, source: str) -> list[Problem]:
    return list(exc.problems) or [Problem(Location(source), exc.message)]


_ISO_DATE = lazy(r"\d{4}-\d{1,2}-\d{1,2}(?:[T ][\d:.+Z-]*)?")  # YAML dates: data, not prose


def _value_lines(sheet) -> list[tuple[int, str]]:
    """The sheet's text values at their YAML lines (a block scalar: one line per text line, below its key)."""
    lines: list[tuple[int, str]] = []

    def walk(value, path: tuple) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, path + (i,))
        elif isinstance(value, str) and value.strip() and not _ISO_DATE.fullmatch(value):
            line = sheet.positions.get(path, (1, 1))[0]
            if "\n" in value.rstrip("\n"):
                lines.extend((line + 1 + i, part) for i, part in enumerate(value.split("\n")) if part.strip())
            else:
                lines.append((line, value))

    walk(sheet.data, ())
    return sorted(lines, key=lambda pair: pair[0])


def check_sheet(ws: Workspace, text: str, source: str, *, variant: int = 0) -> CheckResult:
    """Every problem `render` would refuse for, plus proofreading findings, sorted by line.

    The sheet is parsed once; its values are proofread at their YAML lines and the draft
    it renders at its paragraph numbers.
    """
    return _check(ws, text, source, variant)[0]


def _check(ws: Workspace, text: str, source: str, variant: int) -> tuple[CheckResult, object]:
    """check_sheet's work, also handing back the report it built (the preview shows it)."""
    from .. import render
    from ..factsheet import parse_factsheet
    from ..gongwen.levels import sheet_level
    from ..gongwen.report_year import factsheet_year
    from ..lint import lint_value_lines

    result = CheckResult(source)
    sheet, problems = parse_factsheet(Path(source), text)
    if sheet is None:
        result.problems.extend(problems)
        return result, None
    # --- carry (issue 16): 待填 values are unfinished, not wrong: warnings, with stand-ins for the rest ---
    from .carry import pending_problems, with_stand_ins

    pending = pending_problems(sheet)
    if pending:
        result.problems.extend(pending)
        sheet = with_stand_ins(ws, sheet)
    # --- end carry ---
    checked, problems = render.check_parsed(sheet, problems, ws.template_dirs)
    result.problems.extend(problems)
    result.year = factsheet_year(sheet.data)
    values = lint_value_lines(_value_lines(sheet), source, result.year, sheet.data.get("genre"),
                              sheet_level(sheet.data))
    result.problems.extend(values)
    if checked is None:
        return _sorted(result), None
    result.template_id = checked.template.id
    report = None
    try:
        report = _report(ws, checked, variant)
    except DrafterError as exc:  # no formula fits, or the template cannot render these facts
        result.problems.extend(_as_problems(exc, source))
    if report is not None:
        seen = {(p.rule, p.message) for p in values}
        name = render.default_output(checked, "docx")
        result.problems.extend(p for p in _draft_findings(report, name, checked) if (p.rule, p.message) not in seen)
    return _sorted(result), report


def _sorted(result: CheckResult) -> CheckResult:
    result.problems.sort(key=lambda p: (p.file != result.source, p.line, p.location.col or 0))
    return result


def render_sheet(ws: Workspace, text: str, source: str, *, fmt: str = "docx", variant: int = 0,
                 lint: bool = False, label: str | None = None) -> RenderOutput:
    """The report's bytes in a format, or InputError listing every reason it is refused.

    With `lint`, the draft is proofread first and error findings refuse it (they travel on
    the error's `findings`, named `label` — the target path — or the default file name).
    """
    from .. import render, writers

    writer = writers.get(fmt)
    from ..factsheet import parse_factsheet

    sheet, problems = parse_factsheet(Path(source), text)  # parsed once for every rule below
    if sheet is not None:
        # --- carry (issue 16): no report while 待填 values are left ---
        from .carry import refuse_pending

        refuse_pending(sheet, source)
        # --- end carry ---
        checked, problems = render.check_parsed(sheet, problems, ws.template_dirs)
    if sheet is None or checked is None or problems:
        raise InputError(f"{source}: 事实表有误", problems)
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

    result, report = _check(ws, text, source, variant)
    shown = report is not None and not any(p.is_error and p.rule is None for p in result.problems)
    html = preview_fragment(report, ws.style) if shown else ""
    return Preview(html, tuple(result.problems))
