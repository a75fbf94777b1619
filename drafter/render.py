"""The drafting pipeline: fact sheet → validated data → markup → report model → file bytes.

One-way: this module calls factsheet, templates, markup and writers; none of
them calls back. The CLI only decides paths and prints.
"""
from __future__ import annotations

from pathlib import Path

from . import factsheet, templates
from .errors import InputError, Location, Problem, UsageError
from .markup import parse_markup
from .record import record
from .report import Report
from .style import Style

FORMATS = ("docx", "md", "txt")


@record
class Checked:
    """A fact sheet that passed validation, with the template it names."""

    sheet: factsheet.FactSheet
    template: templates.Template


def check(path: Path, text: str | None = None,
          dirs: tuple[Path, ...] | None = None) -> tuple[Checked | None, list[Problem]]:
    """Every problem of a fact sheet at once (YAML, duplicates, template id, schema).

    `text` is the sheet's content when it is already in memory (the web page); `dirs`
    the template folders to search (default: the unit's, then the shipped ones).
    """
    sheet, problems = factsheet.parse_factsheet(Path(path), text)
    if sheet is None:
        return None, problems
    return check_parsed(sheet, problems, dirs)


def check_parsed(sheet: factsheet.FactSheet, problems: list[Problem],
                 dirs: tuple[Path, ...] | None = None) -> tuple[Checked | None, list[Problem]]:
    """The template and schema checks of an already parsed sheet (its structural problems given)."""
    problems = list(problems)
    tid = sheet.template_id
    if tid is None:
        loc = sheet.locate(("template",))
        problems.append(Problem(Location(loc.file, loc.line, loc.col, "template"),
                                f"缺少或写错了模板名（template），可用：{'、'.join(templates.available(dirs))}"))
        return None, sorted(problems, key=lambda p: (p.location.line or 0, p.location.col or 0))
    try:
        template = templates.get(tid, dirs)
    except UsageError as exc:
        loc = sheet.locate(("template",))
        problems.append(Problem(loc, exc.message))
        return None, problems
    problems += factsheet.validate(sheet, template.schema)
    problems += _level_against_name(sheet)
    problems.sort(key=lambda p: (p.location.line or 0, p.location.col or 0))
    return (Checked(sheet, template) if not problems else None), problems


def _level_against_name(sheet: factsheet.FactSheet) -> list[Problem]:
    """unit.level must be the level the unit's own name says: 河口乡 written as a 镇 would get 全镇 and 镇党委."""
    from .gongwen.levels import LEVEL_WORD, name_level

    unit = sheet.data.get("unit") if isinstance(sheet.data, dict) else None
    if not isinstance(unit, dict) or not isinstance(unit.get("level"), str):
        return []
    said, named = LEVEL_WORD.get(unit["level"]), name_level(unit.get("name"))
    if said is None or named is None or said == named:
        return []
    loc = sheet.locate(("unit", "level"))
    return [Problem(Location(loc.file, loc.line, loc.col, "unit.level"),
                    f"单位名称“{unit['name']}”是{named}，层级却写作“{unit['level']}”：请改为“{named}”"
                    f"{'（民族乡写“民族乡”）' if named == '乡' else ''}，否则报告会用{said}的称谓")]


def load(path: Path, text: str | None = None, dirs: tuple[Path, ...] | None = None) -> Checked:
    """A valid fact sheet, or an InputError listing every problem."""
    checked, problems = check(path, text, dirs)
    if problems or checked is None:
        raise InputError(f"{path}: 事实表有误", problems)
    return checked


def report_year(checked: Checked | None) -> int | None:
    """The year a report's content is about (what lint compares era formulas against)."""
    if checked is None:
        return None
    from .gongwen.report_year import factsheet_year

    return factsheet_year(checked.sheet.data)


def build_report(checked: Checked, extra: dict | None = None, variant: int = 0,
                 entries: list[dict] | None = None) -> Report:
    """Formula fields the sheet leaves empty come from the phrase bank (`variant` picks which)."""
    from .formulas import fill

    data, _ = fill(checked, variant, entries)
    markup = templates.render_markup(checked.template, data, extra)
    return parse_markup(markup)


def to_bytes(report: Report, fmt: str, style: Style | None = None) -> bytes:
    """Serialise a report through the writer registry (writers import their libraries on demand)."""
    from .writers import WriteOptions, get

    return get(fmt).write(report, WriteOptions(style=style))


def default_output(checked: Checked, fmt: str) -> str:
    """File name (no folder) the fact sheet asks for."""
    stem = templates.output_stem(checked.template, checked.sheet.data, checked.sheet.path.stem)
    return f"{stem}.{fmt}"


def plan_outputs(inputs: list[Path], out: Path | None, fmt: str) -> list[Path | None]:
    """Where each input goes: None = decide from the fact sheet (in the input's folder or in `out`).

    With several inputs, -o must be a folder; with one, -o may be a file name or a folder.
    """
    if out is None:
        return [None] * len(inputs)
    if len(inputs) > 1 or out.is_dir() or str(out).endswith(("/", "\\")):
        if not out.is_dir():
            raise UsageError(f"{out}: 输出文件夹不存在（渲染多个事实表时 -o 必须是已存在的文件夹）")
        return [None] * len(inputs)
    if out.suffix.lower().lstrip(".") not in FORMATS:
        return [out.with_name(out.name + f".{fmt}")]
    if out.suffix.lower().lstrip(".") != fmt:
        raise UsageError(f"{out}: 文件扩展名与 --format {fmt} 不一致")
    return [out]
