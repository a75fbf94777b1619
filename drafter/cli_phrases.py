"""CLI commands for 'phrases': search the mined phrase bank."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    phrases = typer.Typer(
        help="常用语库：检索从往年报告中挖掘出的常用表述；不带子命令时在终端中打开全屏浏览器。",
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

        from .errors import InputError, UsageError
        from .phrasebank import Index, check_filters, load_bank
        from .phrases_browser import browse, copy_to_clipboard, terminal_available

        check_filters(role, genre)
        target = None
        if into is not None:
            from .factsheet_edit import FieldError, append_to_list

            file_s, sep, field = into.rpartition(":")
            if not sep or not file_s or not field:
                raise UsageError(f"--into 的格式应为 文件:字段，如 2025年报告.yaml:shortcomings.items（收到：{into}）")
            target = (Path(file_s), field)
            if not target[0].is_file():
                raise InputError(f"{target[0]}: 事实表文件不存在")
            try:  # refuse a bad field before the user picks anything
                append_to_list(target[0].read_text(encoding="utf-8"), field, "")
            except FieldError as exc:
                raise InputError(f"{target[0]}: 字段 {field} 无法追加：{exc}") from exc
            except UnicodeDecodeError as exc:
                raise InputError(f"{target[0]}: 不是 UTF-8 编码的文本：{exc}") from exc
        if not terminal_available():
            raise UsageError("常用语浏览器需要在终端中交互使用；在脚本或管道中请用 drafter phrases search 检索词。")
        index = Index.build(load_bank(bank))
        chosen = browse(index, role=role, genre=genre)
        if chosen is None:
            raise typer.Exit(1)
        text = chosen["text"]
        if target is not None:
            from .factsheet_edit import append_to_file

            append_to_file(target[0], target[1], text)
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
        copy_to_clipboard(text)
        if target is not None:
            from .console import err

            err.print(f"已追加到 {target[0]} 的 {target[1]}。", markup=False)

    @phrases.command("search", help="按关键词、子串、模糊匹配或拼音首字母（如 qxrs）检索常用语。")
    def search_cmd(
        query: str = typer.Argument(..., help="检索词：汉字、关键词或拼音首字母", show_default=False),
        role: Optional[str] = typer.Option(None, "--role", help="只看某一角色，如 opening、thanks、closing"),
        genre: Optional[str] = typer.Option(None, "--genre", help="只看某一文种，如 gov_work_report"),
        limit: int = typer.Option(10, "-n", help="最多显示几条"),
        as_json: bool = typer.Option(False, "--json", help="以 JSON 列表输出全部字段"),
        bank: Optional[Path] = typer.Option(None, "--bank", help="常用语库文件夹（默认为随程序提供的 phrasebank/）"),
    ) -> None:
        from .phrasebank import Index, check_filters, load_bank, search

        check_filters(role, genre)
        hits = search(Index.build(load_bank(bank)), query, role=role, genre=genre, limit=limit)
        if as_json:
            import json
            import sys

            rows = [dict(e, score=round(s, 2)) for s, e in hits]
            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
            return
        from .console import err, out

        if not hits:
            err.print(f"没有找到与“{query}”相关的常用语。", markup=False)
            return
        for n, (s, e) in enumerate(hits, 1):
            srcs = e.get("sources") or []
            more = f" 等{len(srcs)}处" if len(srcs) > 3 else ""
            out.print(f"{n}. [{e.get('role')}/{e.get('function')}] {e['text']}", markup=False)
            out.print(f"   出处：{'、'.join(srcs[:3])}{more}；次数：{e.get('count', 0)}", markup=False)

    @app.command("suggest", help="为事实表中的套话字段（如 shortcomings.lead）列出常用语库中的候选表述。")
    def suggest_cmd(
        file: Path = typer.Argument(..., help="YAML 事实表", show_default=False),
        field: str = typer.Argument(..., help="字段路径，如 shortcomings.lead、closing.outlook", show_default=False),
        limit: int = typer.Option(10, "-n", help="最多显示几条"),
        as_json: bool = typer.Option(False, "--json", help="以 JSON 列表输出全部字段"),
        bank: Optional[Path] = typer.Option(None, "--bank", help="常用语库文件夹（默认为随程序提供的 phrasebank/）"),
    ) -> None:
        from .phrasebank import FORMULA_FIELDS, factsheet_genre, load_bank, suggest

        if field not in FORMULA_FIELDS:
            suggest([], field)  # raises the usage error with the valid fields
        genre = factsheet_genre(file)
        rows = suggest(load_bank(bank), field, genre=genre, limit=limit)
        if as_json:
            import json
            import sys

            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
            return
        from .console import err, out

        if not rows:
            err.print(f"常用语库中没有适合字段 {field} 的表述。", markup=False)
            return
        for n, e in enumerate(rows, 1):
            srcs = e.get("sources") or []
            same = "（同文种）" if genre in (e.get("genres") or ()) else ""
            out.print(f"{n}. {e['text']}{same}", markup=False)
            out.print(f"   出处：{'、'.join(srcs[:3])}{' 等%d处' % len(srcs) if len(srcs) > 3 else ''}；次数：{e.get('count', 0)}", markup=False)
