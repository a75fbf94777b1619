"""CLI commands for 'phrases': search the mined phrase bank."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .errors import InputError, UsageError


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    phrases = typer.Typer(
        help="常用语库：检索从往年报告中挖掘出的常用表述；不带子命令时在终端中打开全屏浏览器。",
        short_help="浏览和检索常用语库",
        invoke_without_command=True,
    )
    app.add_typer(phrases, name="phrases")

    @phrases.callback()
    def browse_cmd(
        ctx: typer.Context,
        role: Optional[str] = typer.Option(None, "--role", help="初始角色，如 opening、thanks、closing（Tab 可切换）"),
        genre: Optional[str] = typer.Option(None, "--genre", help="只看某一文种，如 gov_work_report"),
        into: Optional[str] = typer.Option(
            None, "--into", metavar="FILE:FIELD",
            help="把选中的表述追加到事实表的列表字段，如 2025年报告.yaml:shortcomings.items",
        ),
        bank: Optional[Path] = typer.Option(None, "--bank", help="常用语库文件夹（默认为随程序提供的 phrasebank/）"),
    ) -> None:
        if ctx.invoked_subcommand is not None:
            return
        import sys

        from .phrasebank import Index, check_filters, load_bank
        from .phrases_browser import browse, copy_to_clipboard, terminal_available

        check_filters(role, genre)
        target = None
        entries = None
        if into is not None:
            from . import app as api
            from .factsheet_edit import check_target, ensure_editable

            file_s, sep, field = into.rpartition(":")
            if not sep or not file_s or not field:
                raise UsageError(f"--into 的格式应为 文件:字段，如 2025年报告.yaml:shortcomings.items（收到：{into}）")
            target = (Path(file_s), field)
            ensure_editable(target[0])  # unreadable or read-only: refused before anything else
            ws = api.Workspace.default(phrasebank=bank)
            sheet_text = api.read_sheet(target[0])
            # only what fits the field, filled in for this sheet, is offered; a bad field is refused now
            try:
                fits = api.check_insert_target(ws, sheet_text, str(target[0]), field)
            except InputError as exc:
                raise InputError(f"{exc.message}（--into 字段 {field}）", exc.problems) from None
            if fits[0].mode == "append":
                check_target(target[0], field)  # unreadable, read-only: refused before the user picks anything
            entries = [dict(f.candidate.entry, text=f.text) for f in fits]
        if not terminal_available():
            raise UsageError("常用语浏览器需要在终端中交互使用；在脚本或管道中请用 drafter phrases search 检索词。")
        index = Index.build(entries if entries is not None else load_bank(bank))
        chosen = browse(index, role=role if entries is None else None, genre=genre)
        if chosen is None:
            raise typer.Exit(1)
        text = chosen["text"]
        if target is not None:
            from .factsheet_edit import edit_file

            def put(sheet: str) -> str:
                try:
                    return api.insert_phrase(ws, sheet, str(target[0]), target[1], text)
                except api.NeedsConfirmation:
                    if not typer.confirm(f"{target[1]} 已有内容，用所选表述替换吗？", default=False):
                        raise typer.Exit(1)
                    return api.insert_phrase(ws, sheet, str(target[0]), target[1], text, replace=True)

            edit_file(target[0], put)
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
        copy_to_clipboard(text)
        if target is not None:
            from .console import err

            err.print(f"已写入 {target[0]} 的 {target[1]}。", markup=False)

    @phrases.command("search", help="按关键词、子串、模糊匹配或拼音首字母（如 qxrs）检索常用语。", short_help="检索常用语")
    def search_cmd(
        query: str = typer.Argument(..., metavar="检索词", help="检索词：汉字、关键词或拼音首字母", show_default=False),
        role: Optional[str] = typer.Option(None, "--role", help="只看某一角色，如 opening、thanks、closing"),
        genre: Optional[str] = typer.Option(None, "--genre", help="只看某一文种，如 gov_work_report"),
        limit: int = typer.Option(10, "-n", help="最多显示几条"),
        as_json: bool = typer.Option(False, "--json", help="以 JSON 列表输出全部字段"),
        bank: Optional[Path] = typer.Option(None, "--bank", help="常用语库文件夹（默认为随程序提供的 phrasebank/）"),
    ) -> None:
        from . import app
        from .console import err, out

        hits = app.search_phrases(app.Workspace.default(phrasebank=bank), query, role=role, genre=genre, limit=limit)
        if as_json:
            _print_json([_phrase_row(h) for h in hits])
            return
        if not hits:
            err.print(f"没有找到与“{query}”相关的常用语。", markup=False)
            return
        for n, h in enumerate(hits, 1):
            out.print(f"{n}. [{h.role}/{h.function}] {h.text}", markup=False)
            out.print(f"   出处：{_sources(h.sources)}；次数：{h.count}", markup=False)

    @app.command("suggest", help="为事实表中的套话字段（如 shortcomings.lead）列出常用语库中的候选表述；编号即 render --variant 的取值。",
                 short_help="列出套话字段的候选表述")
    def suggest_cmd(
        file: Path = typer.Argument(..., metavar="事实表", help="YAML 事实表", show_default=False),
        field: str = typer.Argument(..., metavar="字段", help="字段路径，如 shortcomings.lead、plan.tasks_lead", show_default=False),
        limit: int = typer.Option(10, "-n", help="最多显示几条"),
        as_json: bool = typer.Option(False, "--json", help="以 JSON 列表输出全部字段"),
        bank: Optional[Path] = typer.Option(None, "--bank", help="常用语库文件夹（默认为随程序提供的 phrasebank/）"),
    ) -> None:
        from . import app as api
        from .console import err, out

        ws = api.Workspace.default(phrasebank=bank)
        text = api.read_sheet(file)
        rows = api.suggest(ws, text, str(file), field, limit=limit)
        if as_json:
            _print_json([_suggestion_row(s) for s in rows])
            return
        if not rows:
            err.print(f"常用语库中没有适合字段 {field} 的表述。", markup=False)
            return
        if rows[0].variant is not None:
            if api.phrases.is_formula_field_filled(ws, text, str(file), field):
                err.print(f"事实表已填写 {field}，生成时用的是它；以下表述可替换（删去该字段后用 --variant 编号选用）。", markup=False)
            else:
                err.print(f"事实表未填写 {field}：drafter render 默认用第 0 条，--variant N 用第 N 条（超出时循环）。", markup=False)
        for n, s in enumerate(rows, 1):
            label = f"{s.variant}." if s.variant is not None else f"{n}."
            same = "（同文种）" if s.variant is None and s.same_genre else ""
            out.print(f"{label} {s.text}{same}", markup=False)
            out.print(f"   出处：{_sources(s.sources)}；次数：{s.count}", markup=False)


def _sources(sources) -> str:
    more = f" 等{len(sources)}处" if len(sources) > 3 else ""
    return "、".join(sources[:3]) + more


def _print_json(rows: list[dict]) -> None:
    import json
    import sys

    sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")


def _phrase_row(h) -> dict:
    return {"text": h.text, "role": h.role, "function": h.function, "genres": list(h.genres),
            "count": h.count, "sources": list(h.sources), "keywords": list(h.keywords), "pinyin": h.pinyin,
            "score": round(h.score, 2)}


def _suggestion_row(s) -> dict:
    row = {"text": s.raw, "filled": s.text, "role": s.role, "function": s.function,
           "genres": list(s.genres), "count": s.count, "sources": list(s.sources)}
    if s.variant is not None:
        row["variant"] = s.variant
    return row
