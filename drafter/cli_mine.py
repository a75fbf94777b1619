"""CLI command `drafter mine`: noisy past reports → clean, segmented documents.

Pipeline modules are imported inside the command so that other commands do not
pay for them at start-up.  Later options (--phrasebank DIR, --templates DIR)
will be added here by their own issues.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer


def _doc_filename(source: str, index: int) -> str:
    stem = Path(source).stem
    return f"{stem}_{index:02d}.txt"


def _report_text(reports, labels: dict[str, str]) -> str:
    out = ["# 清洗报告", ""]
    for rep in reports:
        out.append(f"## {rep.source}")
        if rep.status != "ok":
            reason = "空文件" if rep.status == "empty" else "二进制或无法识别的文件"
            out.append(f"- 已跳过：{reason}")
            out.append("")
            continue
        out.append(f"- 编码：{rep.encoding}；原始行数：{rep.raw_lines}；文档数：{rep.documents}")
        if rep.replaced:
            out.append(f"- 无法解码的字节（已替换）：{rep.replaced}")
        for name, count in rep.counts.items():
            label = labels.get(name, "未能修复的乱码行" if name == "mojibake_flagged" else name)
            out.append(f"- {label}（{name}）：{count}")
        out.append("")
    return "\n".join(out)


def register(app: typer.Typer) -> None:
    """Add the `mine` command to the app."""

    @app.command("mine", help="从往年报告语料中清洗、切分文档，判断文种，标注每行的结构角色。")
    def mine(
        paths: List[Path] = typer.Argument(..., metavar="语料…", help="语料文件或包含 .txt 文件的文件夹（可多个）", show_default=False),
        output: Optional[Path] = typer.Option(None, "-o", "--output", help="输出文件夹：写入清洗后的文档、index.json 和清洗报告"),
        as_json: bool = typer.Option(False, "--json", help="在标准输出打印索引 JSON（其他信息写到标准错误）"),
        force: bool = typer.Option(False, "--force", help="覆盖已存在的输出文件"),
        phrasebank: Optional[Path] = typer.Option(None, "--phrasebank", help="常用语库文件夹：按角色写入挖掘出的常用表述（YAML，带出处）"),
        templates: Optional[Path] = typer.Option(None, "--templates", help="草稿模板文件夹：按文种写入归纳出的骨架 skeleton.yaml 和草稿模板"),
    ) -> None:
        from .console import err, out, rich_stderr
        from .corpus.clean import STEP_LABELS
        from .corpus.index import document_entry, dumps
        from .corpus.pipeline import FileReport, iter_files, mine_paths
        from .errors import UsageError
        from .fileio import check_writable, write_text_atomic

        for p in paths:
            if not p.exists():
                raise UsageError(f"{p}: 文件或文件夹不存在")
        files = list(iter_files(paths))
        if not files:
            raise UsageError("没有找到任何 .txt 语料文件：" + "、".join(str(p) for p in paths))
        if output is not None:
            if not output.is_dir():
                raise UsageError(f"{output}: 输出文件夹不存在（请先创建该文件夹）")
            check_writable(output / "index.json", force)
            check_writable(output / "清洗报告.md", force)

        reports: list[FileReport] = []
        entries: list[dict] = []
        written = 0

        def consume(doc) -> None:
            nonlocal written
            entries.append(document_entry(doc))
            if output is not None:
                write_text_atomic(output / _doc_filename(doc.source, doc.index), doc.text + "\n", force=force)
                written += 1

        if len(files) >= 20 and not as_json:
            from rich.progress import Progress

            with Progress(console=rich_stderr(), transient=True) as progress:
                task = progress.add_task("挖掘语料", total=len(files))
                for path in files:
                    for doc in mine_paths([path], reports):
                        consume(doc)
                    progress.advance(task)
        else:
            for doc in mine_paths(files, reports):
                consume(doc)

        index = {"documents": entries}
        for rep in reports:
            if rep.status != "ok":
                reason = "空文件" if rep.status == "empty" else "二进制或无法识别的文件"
                err.print(f"{rep.source}: 已跳过（{reason}）", markup=False)
            elif rep.replaced:
                err.print(f"{rep.source}: {rep.replaced} 个无法解码的字节已替换", markup=False)
        if output is not None:
            write_text_atomic(output / "index.json", dumps(index), force=force)
            write_text_atomic(output / "清洗报告.md", _report_text(reports, STEP_LABELS) + "\n", force=force)
            err.print(f"已写入 {written} 篇文档、index.json 和 清洗报告.md 到 {output}", markup=False)
        if phrasebank is not None:
            from .mine.phrases_write import write_phrasebank

            counts = write_phrasebank(phrasebank, files, force=force)
            err.print(f"已写入常用语库 {sum(counts.values())} 条到 {phrasebank}：" + "，".join(f"{r} {n}" for r, n in counts.items()), markup=False)
        if templates is not None:
            from .mine.skeleton import write_templates

            done = write_templates(templates, files, force=force, warn=lambda m: err.print(m, markup=False))
            err.print(f"已写入草稿模板到 {templates}：" + "，".join(f"{g}（{n} 篇）" for g, n in done.items()), markup=False)
        if as_json:
            import sys

            sys.stdout.write(dumps(index))
            sys.stdout.flush()
        elif output is None:
            for e in entries:
                out.print(f"{e['source']}#{e['index']}\t{e['start_line']}-{e['end_line']}\t{e['genre']}\t{e['title']}", markup=False)
