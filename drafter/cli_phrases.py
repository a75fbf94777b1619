"""CLI commands for 'phrases': search the mined phrase bank."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    phrases = typer.Typer(help="常用语库：检索从往年报告中挖掘出的常用表述。", no_args_is_help=True)
    app.add_typer(phrases, name="phrases")

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
