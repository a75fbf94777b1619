"""CLI command 'lint': a proofreader's pass over any draft."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .errors import DrafterError, InputError, UsageError


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command(
        "lint",
        help=(
            "校对文稿：检查残留占位符、过时的时代用语、与单位层级不符的称谓、自相矛盾的数字、半角标点、"
            "日期格式、编号跳号、重复句子和文种固定用语。支持 .docx、.md、.txt 文稿和 .yaml 事实表。"
            "输出“文件:行 规则: 说明 — 摘录”；有错误级问题时退出码为 1。"
        ),
        short_help="校对任何文稿（docx、md、txt、事实表）",
    )
    def lint(
        files: List[Path] = typer.Argument(..., metavar="文稿…", help="要检查的文稿或事实表，可给多个", show_default=False),
        year: Optional[int] = typer.Option(
            None, "--year", "-y",
            help="报告所回顾的年度（如 2024）；不给则从文稿标题、“20XX年工作回顾”或事实表 period.review 推断",
        ),
        as_json: bool = typer.Option(False, "--json", help="以 JSON 列表输出（file, line, rule, severity, message, excerpt）"),
    ) -> None:
        import json

        from . import app as api
        from .console import err, out
        from .errors import ERROR

        ws = api.Workspace.default()
        if year is not None and not 1949 <= year <= 2100:
            raise UsageError(f"--year {year}：年份应在 1949 到 2100 之间")
        findings: list = []
        failures: list[DrafterError] = []
        for path in files:
            try:
                findings.extend(api.lint_file(ws, path, year=year))
            except DrafterError as exc:
                failures.append(exc)
        if as_json:
            out.print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2),
                      markup=False, emoji=False, soft_wrap=True)
        else:
            for finding in findings:
                out.print(finding.format(), markup=False, emoji=False)
            errors = sum(f.severity == ERROR for f in findings)
            if findings:
                err.print(f"共 {len(findings)} 处问题：错误 {errors}，警告 {len(findings) - errors}。", markup=False)
            elif not failures:
                err.print("未发现问题。", markup=False)
        if failures:
            raise InputError("\n".join(line for exc in failures for line in exc.lines()))
        if any(f.is_error for f in findings):
            raise typer.Exit(1)
