"""CLI commands of the drafting path: templates, new, schema, check, render, fonts.

Each command parses its arguments, makes one call into drafter.app and prints
what comes back; no logic lives here. (No `from __future__ import annotations`: typer
reads these signatures on every run, and real annotations spare it compiling strings.)
"""
import json
from pathlib import Path
from typing import List, Optional

import typer

from .errors import UsageError


def _ws(style: Path | None = None, reference_doc: Path | None = None):
    from .app import Workspace

    return Workspace.default(style=style, reference_doc=reference_doc)


def _templates() -> None:
    """列出可用的模板（模板名和一句说明）。"""
    from . import app
    from .console import err, out

    ws = _ws()
    for t in app.list_templates(ws):
        out.print(f"{t.id}\t{t.name}：{t.description}", markup=False)
    for tid, exc in app.broken_templates(ws).items():  # a unit's broken template is named, the others listed
        for line in exc.lines():
            err.print(f"模板 {tid} 无法使用：{line}", markup=False)


def _new(
    template_id: str = typer.Argument(..., metavar="模板名", help="模板名，如 gov_work_report（drafter templates 可查看）"),
    output: Path = typer.Option(..., "-o", "--output", help="要写出的事实表文件，如 2025年政府工作报告.yaml"),
    force: bool = typer.Option(False, "--force", help="文件已存在时覆盖"),
    last: Optional[Path] = typer.Option(None, "--from", metavar="去年的事实表",
                                        help="从去年的事实表结转：年份顺延，去年的目标、重点工作和民生实事成为今年回顾的待填项"),
    new_term: bool = typer.Option(False, "--new-term", help="与 --from 同用：今年换届，会议为下一届第一次会议"),
) -> None:
    """生成一份带中文注释和示例值的事实表，供填写。"""
    from . import app
    from .console import err

    if output.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(f"{output}: 事实表文件名应以 .yaml 结尾")
    # --- carry (issue 16): --from LAST.yaml starts from last year's sheet ---
    if last is not None:
        text = app.carry_forward(_ws(), template_id, app.read_sheet(last), str(last), new_term=new_term)
        app.publish([(output, text.encode("utf-8"))], force=force)
        err.print(f"已从 {last} 结转生成事实表：{output}（标“待填”的是今年的实际情况；drafter check {output} 列出待填项）",
                  markup=False)
        return
    if new_term:
        raise UsageError("--new-term 只能与 --from 同用")
    # --- end carry ---
    app.publish([(output, app.scaffold(_ws(), template_id).encode("utf-8"))], force=force)
    err.print(f"已生成事实表：{output}（填写后运行 drafter check {output}）", markup=False)


def _schema(template_id: str = typer.Argument(..., metavar="模板名", help="模板名，如 gov_work_report")) -> None:
    """以 JSON 输出模板的 JSON Schema（供编辑器补全和校验）。"""
    from . import app
    from .console import out

    schema = app.template_schema(_ws(), template_id)
    out.print(json.dumps(schema, ensure_ascii=False, indent=2), markup=False, soft_wrap=True)


def _check(
    files: List[Path] = typer.Argument(..., metavar="事实表…", help="要检查的事实表（可多个）"),
    variant: int = typer.Option(0, "--variant", metavar="N", min=0, help="按 render --variant N 的套话选择检查"),
) -> None:
    """检查事实表：校验、套话选择、试生成和校对，一次列出全部问题；有错误时退出码为 1。"""
    from . import app
    from .console import err, out
    from .errors import InputError

    ws = _ws()
    bad = 0
    for path in files:
        try:
            result = app.check_sheet(ws, app.read_sheet(path), str(path), variant=variant)
            problems = result.problems
        except InputError as exc:
            problems = exc.problems
            if not problems:
                err.print(exc.message, markup=False)
                bad += 1
                continue
        for p in problems:
            out.print(str(p), markup=False)
        bad += sum(p.is_error for p in problems)
        if not problems:
            err.print(f"{path}: 没有发现问题", markup=False)
    if bad:
        err.print(f"共 {bad} 个问题", markup=False)
        raise typer.Exit(1)


def _render(
    files: List[Path] = typer.Argument(..., metavar="事实表…", help="要生成的事实表（可多个）"),
    output: Optional[str] = typer.Option(None, "-o", "--output", metavar="路径",
                                         help="输出文件；以 / 结尾或生成多份时为输出文件夹（不存在时自动创建）"),
    fmt: str = typer.Option("docx", "--format", "-f", metavar="格式", help="输出格式（见 drafter formats）"),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖"),
    style: Optional[Path] = typer.Option(None, "--style", metavar="文件", help="本单位的样式文件（YAML），覆盖默认的 GB/T 9704 字体与版式"),
    reference_doc: Optional[Path] = typer.Option(None, "--reference-doc", metavar="文件",
                                                 help="本单位的 Word 模板（.docx）：沿用其页面设置和样式，只补上缺少的"),
    lint: bool = typer.Option(False, "--lint", help="写出前先校对生成的文稿；发现错误级问题时不写文件"),
    variant: int = typer.Option(0, "--variant", metavar="N",
                                help="事实表未填写的套话（开头、致谢、问题引语与收束、任务引语、结尾）改用常用语库中的第 N 种表述；drafter suggest 可查看编号"),
) -> None:
    """按事实表生成报告（默认 Word .docx，GB/T 9704 版式）。已有文件不会被覆盖，除非加 --force。"""
    from . import app, writers
    from .console import err, out

    writer = writers.get(fmt)
    if variant < 0:
        raise UsageError(f"--variant 应为 0 或正整数（第几种表述），收到 {variant}")
    missing = writer.missing()
    if missing:
        raise UsageError(missing)
    plan = app.plan_outputs(len(files), Path(output) if output else None, output, writer.name)
    outputs = app.render_files(_ws(style, reference_doc), files, plan, fmt=writer.name, variant=variant, lint=lint)
    for o in outputs:
        for p in o.problems:
            out.print(str(p), markup=False)
    for target in app.publish([(o.target, o.data) for o in outputs], force=force):
        err.print(f"已生成：{target}", markup=False)


def _formats() -> None:
    """列出可用的输出格式。"""
    from . import writers
    from .console import out

    for w in writers.WRITERS.values():
        why = w.missing()
        out.print(f"{w.name}\t{w.label}" + (f"（本机不可用：{why}）" if why else ""), markup=False)


def _fonts(
    style: Optional[Path] = typer.Option(None, "--style", metavar="文件", help="按本单位样式文件中的字体检查"),
) -> None:
    """列出公文标准字体在本机是否安装，以及 LibreOffice 转 PDF 时会用什么字体代替。"""
    from . import app
    from .console import out

    for line in app.font_report(_ws(style)):
        out.print(line, markup=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("templates", help="列出可用的模板（模板名和一句说明）。", short_help="列出可用的模板")(_templates)
    app.command("new", help="生成一份带中文注释和示例值的事实表，供填写。", short_help="生成待填写的事实表")(_new)
    app.command("schema", help="以 JSON 输出模板的 JSON Schema（供编辑器补全和校验）。", short_help="输出模板的 JSON Schema")(_schema)
    app.command("check", help="检查事实表：校验、套话选择、试生成和校对，一次列出全部问题；有错误时退出码为 1。",
                short_help="检查事实表，列出全部问题")(_check)
    app.command("render", help="按事实表生成报告（默认 Word，GB/T 9704 版式）；已有文件不覆盖，除非加 --force。",
                short_help="按事实表生成报告（Word 等）")(_render)
    app.command("formats", help="列出可用的输出格式（docx、pdf、html、md、txt）及本机是否可用。",
                short_help="列出可用的输出格式")(_formats)
    app.command("fonts", help="列出公文标准字体（仿宋_GB2312、楷体_GB2312、黑体、方正小标宋简体、宋体）在本机是否安装，以及 LibreOffice 会用什么字体代替。",
                short_help="检查本机的公文字体")(_fonts)
