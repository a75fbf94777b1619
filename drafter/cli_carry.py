"""CLI commands that start from last year: `drafter import` (a finished report into a fact sheet).

`drafter new --from` lives with `new` in cli_draft.py and calls app.carry_forward.
Each command parses its arguments, makes one call into drafter.app and prints.
"""
from __future__ import annotations

from pathlib import Path

import typer

from .errors import InputError, UsageError


def read_report(path: Path) -> bytes:
    """A report file's bytes, or InputError naming the file."""
    if path.is_dir():
        raise InputError(f"{path}: 是文件夹，请给出报告文件（.docx 或 .txt）")
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: 文件不存在") from exc
    except OSError as exc:
        raise InputError(f"{path}: 无法读取（{exc.strerror or exc}）") from exc


def _import(
    report: Path = typer.Argument(..., metavar="报告", help="往年的报告：Word 文件（.docx）、文本文件（.txt），或从网页复制保存的文字"),
    template_id: str = typer.Option(..., "-t", "--template", metavar="模板名", help="填入哪个模板的事实表，如 gov_work_report"),
    output: Path = typer.Option(..., "-o", "--output", metavar="事实表", help="要写出的事实表文件（.yaml）"),
    force: bool = typer.Option(False, "--force", help="文件已存在时覆盖"),
) -> None:
    """把一份已完成的报告导入为事实表：按原文摘出会议、报告人、指标、各部分标题和条目，放不进字段的原文列在注释里。"""
    from . import app
    from .console import err

    if output.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(f"{output}: 事实表文件名应以 .yaml 结尾")
    result = app.import_report(app.Workspace.default(), read_report(report), report.name, template_id)
    app.publish([(output, result.text.encode("utf-8"))], force=force)
    pending = len(app.pending_paths(result.data))
    err.print(f"已导入：{output}（指标 {len(result.data.get('review', {}).get('indicators') or [])} 项；"
              f"未能放入字段的原文 {len(result.unplaced)} 处，见文件末尾的注释"
              + (f"；待填 {pending} 处" if pending else "") + f"）。请核对后运行 drafter check {output}", markup=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("import", help="把一份已完成的报告（.docx 或 .txt）导入为事实表：按原文摘出会议、报告人、指标、各部分标题和条目，"
                               "放不进字段的原文列在注释里，从不猜测数值。",
                short_help="把往年的报告导入为事实表")(_import)
