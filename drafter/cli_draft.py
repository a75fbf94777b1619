"""CLI commands of the drafting path: templates, new, schema, check, render."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from .errors import InputError, UsageError


def _templates() -> None:
    """列出可用的模板（模板名和一句说明）。"""
    from . import templates
    from .console import err, out

    for tid, t in templates.available().items():
        out.print(f"{tid}\t{t.name}：{t.description}", markup=False)
    for tid, exc in templates.broken().items():  # a unit's broken template is named, the others still listed
        for line in exc.lines():
            err.print(f"模板 {tid} 无法使用：{line}", markup=False)


def _schema_ref(template) -> str | None:
    shipped = template.folder / "schema.json"
    return shipped.resolve().as_uri() if shipped.is_file() else None


def _new(
    template_id: str = typer.Argument(..., metavar="模板名", help="模板名，如 gov_work_report（drafter templates 可查看）"),
    output: Path = typer.Option(..., "-o", "--output", help="要写出的事实表文件，如 2025年政府工作报告.yaml"),
    force: bool = typer.Option(False, "--force", help="文件已存在时覆盖"),
) -> None:
    """生成一份带中文注释和示例值的事实表，供填写。"""
    from . import templates
    from .console import err
    from .fileio import write_text_atomic
    from .scaffold import scaffold

    template = templates.get(template_id)
    if output.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(f"{output}: 事实表文件名应以 .yaml 结尾")
    write_text_atomic(output, scaffold(template, _schema_ref(template)), force=force)
    err.print(f"已生成事实表：{output}（填写后运行 drafter check {output}）", markup=False)


def _schema(template_id: str = typer.Argument(..., metavar="模板名", help="模板名，如 gov_work_report")) -> None:
    """以 JSON 输出模板的 JSON Schema（供编辑器补全和校验）。"""
    from . import templates
    from .console import out

    schema = templates.get(template_id).schema
    out.print(json.dumps(schema, ensure_ascii=False, indent=2), markup=False, soft_wrap=True)


def _check(
    files: List[Path] = typer.Argument(..., metavar="事实表…", help="要检查的事实表（可多个）"),
) -> None:
    """检查事实表，一次列出全部问题（文件:行:列 字段: 说明）；有问题时退出码为 1。"""
    from . import render
    from .console import err, out
    from .lint import lint_factsheet_values

    bad = 0
    for path in files:
        checked, problems = render.check(path)
        for p in problems:
            out.print(str(p), markup=False)
        bad += len(problems)
        findings = lint_factsheet_values(path, render.report_year(checked)) if checked else []
        for f in findings:
            out.print(f.format(), markup=False)
        bad += sum(f.severity == "error" for f in findings)
        if not problems and not findings:
            err.print(f"{path}: 没有发现问题", markup=False)
    if bad:
        err.print(f"共 {bad} 个问题", markup=False)
        raise typer.Exit(1)


def _render(
    files: List[Path] = typer.Argument(..., metavar="事实表…", help="要生成的事实表（可多个）"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="输出文件；多个事实表时为输出文件夹（须已存在）"),
    fmt: str = typer.Option("docx", "--format", "-f", help="输出格式：docx、md 或 txt"),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖"),
    style: Optional[Path] = typer.Option(None, "--style", help="本单位的样式文件（YAML），覆盖默认的 GB/T 9704 字体与版式"),
    lint: bool = typer.Option(False, "--lint", help="写出前先校对生成的文稿；发现错误级问题时不写文件"),
    variant: int = typer.Option(0, "--variant", metavar="N",
                                help="事实表未填写的套话（开头、致谢、问题引语与收束、任务引语、结尾）改用常用语库中的第 N 种表述；drafter suggest 可查看编号"),
) -> None:
    """按事实表生成报告（默认 Word .docx，GB/T 9704 版式）。已有文件不会被覆盖，除非加 --force。"""
    from . import render
    from .console import err
    from .fileio import check_writable, publish_all

    if fmt not in render.FORMATS:
        raise UsageError(f"不支持的输出格式“{fmt}”，可选：{'、'.join(render.FORMATS)}")
    if variant < 0:
        raise UsageError(f"--variant 应为 0 或正整数（第几种表述），收到 {variant}")
    targets = render.plan_outputs(files, output, fmt)
    style_obj = None
    if fmt == "docx":
        from .style import load_style

        style_obj = load_style(style)
    # Validate and render everything in memory first: one bad sheet writes nothing.
    problems: list = []
    jobs: list[tuple[Path, bytes]] = []
    for path, target in zip(files, targets):
        try:
            checked = render.load(path)
        except InputError as exc:
            problems.extend(exc.lines())
            continue
        if target is None:
            folder = output if output is not None else path.parent
            target = folder / render.default_output(checked, fmt)
        report = render.build_report(checked, variant=variant)
        if lint:
            problems.extend(_lint_report(report, target, checked))
        jobs.append((target, render.to_bytes(report, fmt, style_obj)))
    if problems:
        raise _Lines(problems)
    seen: dict[Path, Path] = {}
    for (target, _), src in zip(jobs, files):
        key = target.resolve()
        if key in seen:
            raise UsageError(f"{src} 与 {seen[key]} 会写到同一个文件 {target}，请用 -o 或事实表中的 output 区分")
        seen[key] = src
        check_writable(target, force)
    for target in publish_all(jobs, force=force):  # all or nothing: a failure rolls the batch back
        err.print(f"已生成：{target}", markup=False)


def _lint_report(report, target: Path, checked) -> list[str]:
    """Findings on the rendered text (numbered like the output's paragraphs); only errors block."""
    from . import render
    from .console import out
    from .lint import lint_lines

    lines = list(enumerate(report.plain_lines(), 1))
    findings = lint_lines(lines, str(target), year=render.report_year(checked), genre_hint=checked.template.meta.get("genre"))
    for f in findings:
        out.print(f.format(), markup=False)
    return [f"{target}: 校对发现错误级问题，未写出"] if any(f.severity == "error" for f in findings) else []


class _Lines(InputError):
    """Problems from several fact sheets, printed as they are."""

    def __init__(self, lines: list[str]):
        super().__init__("事实表有误，未生成任何文件")
        self._lines = lines

    def lines(self) -> list[str]:
        return self._lines + ["事实表有误，未生成任何文件"]


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("templates", help="列出可用的模板（模板名和一句说明）。")(_templates)
    app.command("new", help="生成一份带中文注释和示例值的事实表，供填写。")(_new)
    app.command("schema", help="以 JSON 输出模板的 JSON Schema（供编辑器补全和校验）。")(_schema)
    app.command("check", help="检查事实表，一次列出全部问题；有问题时退出码为 1。")(_check)
    app.command("render", help="按事实表生成报告（默认 Word，GB/T 9704 版式）；已有文件不覆盖，除非加 --force。")(_render)

