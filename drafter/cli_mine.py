"""CLI command `drafter mine`: parse the options, run drafter.app.mine.mine, print what it did.

The mining modules are imported inside the command so that other commands do
not pay for them at start-up.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer


def register(app: typer.Typer) -> None:
    """Add the `mine` command to the app."""

    @app.command("mine", help="从往年报告语料中清洗、切分文档，判断文种，标注每行的结构角色；语料只读一遍，同时写出常用语库和草稿模板。",
                 short_help="从往年报告挖掘文档、常用语和骨架")
    def mine(
        paths: List[Path] = typer.Argument(..., metavar="语料…", help="语料文件或包含 .txt 文件的文件夹（可多个）", show_default=False),
        output: Optional[Path] = typer.Option(None, "-o", "--output", help="输出文件夹（不存在时自动创建）：写入清洗后的文档、index.json 和清洗报告"),
        as_json: bool = typer.Option(False, "--json", help="在标准输出打印索引 JSON（其他信息写到标准错误）"),
        force: bool = typer.Option(False, "--force", help="覆盖已存在的输出文件"),
        phrasebank: Optional[Path] = typer.Option(None, "--phrasebank", help="常用语库文件夹：按角色写入挖掘出的常用表述（YAML，带出处）"),
        templates: Optional[Path] = typer.Option(None, "--templates", help="草稿模板文件夹：按文种写入归纳出的骨架 skeleton.yaml 和草稿模板"),
        jobs: int = typer.Option(1, "--jobs", "-j", metavar="<进程数>", help="并行处理语料的进程数；结果与单进程完全相同"),
        dask: Optional[str] = typer.Option(None, "--dask", metavar="<地址>", help="在 Dask 集群上处理语料，地址为调度器地址或 local（在本机启动一个临时集群）；需先 pip install \"drafter[dask]\""),
    ) -> None:
        from .app.mine import mine as run
        from .console import err, out, rich_stderr

        listing = as_json or output is None and phrasebank is None and templates is None
        with _terminate_cleanly(), _progress(rich_stderr, enabled=not as_json) as progress:
            result = run(paths, output=output, phrasebank=phrasebank, templates=templates, force=force,
                         jobs=jobs, dask=dask, keep_index=listing, progress=progress)
        for line in result.warnings:
            err.print(line, markup=False)
        if output is not None:
            err.print(f"已写入 {result.documents} 篇文档、index.json 和 清洗报告.md 到 {output}", markup=False)
        if phrasebank is not None:
            counts = "，".join(f"{r} {n}" for r, n in result.phrase_counts.items())
            err.print(f"已写入常用语库 {sum(result.phrase_counts.values())} 条到 {phrasebank}：{counts}", markup=False)
        if templates is not None:
            done = "，".join(f"{g}（{n} 篇）" for g, n in result.templates.items())
            err.print(f"已写入草稿模板到 {templates}：{done}", markup=False)
        if as_json:
            _print_json(result.index)
        elif listing:
            for e in result.index["documents"]:
                out.print(f"{e['source']}#{e['index']}\t{e['start_line']}-{e['end_line']}\t{e['genre']}\t{e['title']}", markup=False)


def _print_json(index: dict) -> None:
    import sys

    from .corpus.index import dumps

    sys.stdout.write(dumps(index))
    sys.stdout.flush()


class _terminate_cleanly:
    """SIGTERM unwinds like Ctrl-C, so a killed run removes its staging folder (nothing half-written)."""

    def __enter__(self):
        import signal

        def stop(signum, frame):
            raise SystemExit(128 + signum)

        try:
            self.old = signal.signal(signal.SIGTERM, stop)
        except ValueError:  # not the main thread
            self.old = None
        return self

    def __exit__(self, *exc) -> None:
        import signal

        if self.old is not None:
            signal.signal(signal.SIGTERM, self.old)


class _progress:
    """A progress bar on stderr for runs of 20 files or more; yields the callback for app.mine."""

    def __init__(self, console, enabled: bool):
        self.console, self.enabled, self.bar, self.task = console, enabled, None, None

    def __enter__(self):
        return self.update

    def update(self, done: int, total: int) -> None:
        if not self.enabled or total < 20:
            return
        if self.bar is None:
            from rich.progress import Progress

            self.bar = Progress(console=self.console(), transient=True)  # a rich console, made only when drawn
            self.bar.start()
            self.task = self.bar.add_task("挖掘语料", total=total)
        self.bar.update(self.task, completed=done)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
