"""Use case `mine`: past reports → cleaned documents, index, phrase bank and draft templates, in one pass.

The corpus is read and segmented once, whatever outputs are asked for: each
file goes through the pure map (drafter.mine.mapreduce.map_file) — here, in a
process pool (`jobs`) or on a Dask cluster (`dask`) — and its contributions are
reduced in corpus order, so the outputs are byte-identical however it ran.
Nothing is printed: the caller gets a MineResult.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..corpus.pipeline import FileReport

REPORT_NAME = "清洗报告.md"
SKIP_REASONS = {"empty": "空文件", "binary": "二进制或无法识别的文件", "unreadable": "无法读取"}


@dataclass
class MineResult:
    """What a mining run produced (paths of files written, never their contents printed)."""

    files: int = 0  # corpus files seen
    documents: int = 0
    index: dict | None = None  # {"documents": [...]} when asked for (keep_index)
    reports: list[FileReport] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    phrase_counts: dict[str, int] = field(default_factory=dict)  # role → bank entries written
    templates: dict[str, int] = field(default_factory=dict)  # genre → documents it was induced from
    warnings: list[str] = field(default_factory=list)  # Chinese, one line each


def skip_reason(rep: FileReport) -> str:
    """Chinese reason a file gave no documents."""
    reason = SKIP_REASONS.get(rep.status, rep.status)
    return f"{reason}（{rep.error}）" if rep.error else reason


def cleaning_report(reports: list[FileReport]) -> str:
    """The 清洗报告.md text: per file, encoding, lines, documents and what cleaning did."""
    from ..corpus.clean import STEP_LABELS

    out = ["# 清洗报告", ""]
    for rep in reports:
        out.append(f"## {rep.source}")
        if rep.status != "ok":
            out.append(f"- 已跳过：{skip_reason(rep)}")
            out.append("")
            continue
        out.append(f"- 编码：{rep.encoding}；原始行数：{rep.raw_lines}；文档数：{rep.documents}")
        if rep.replaced:
            out.append(f"- 无法解码的字节（已替换）：{rep.replaced}")
        for name, count in rep.counts.items():
            label = STEP_LABELS.get(name, "未能修复的乱码行" if name == "mojibake_flagged" else name)
            out.append(f"- {label}（{name}）：{count}")
        out.append("")
    return "\n".join(out) + "\n"


def _tasks(files: list[tuple[Path, str]], phrases: bool, skeletons: bool) -> Iterator:
    """Read each file once, lazily (only a window of files is in memory at a time)."""
    from ..corpus.pipeline import read_corpus_file
    from ..mine.mapreduce import FileTask

    for path, label in files:
        data, why = read_corpus_file(path)
        yield FileTask(label, data, why, phrases, skeletons)


def _check_folder(path: Path, what: str) -> None:
    from ..errors import UsageError

    if path.exists() and not path.is_dir():
        raise UsageError(f"{path}: 已存在同名文件，不能用作{what}")


def mine(
    paths: Iterable[Path],
    *,
    output: Path | None = None,
    phrasebank: Path | None = None,
    templates: Path | None = None,
    force: bool = False,
    jobs: int = 1,
    dask: str | None = None,
    keep_index: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> MineResult:
    """Mine `paths` (files or folders of .txt) once and write every output asked for.

    output      folder for the cleaned documents, index.json and 清洗报告.md (all or nothing)
    phrasebank  folder for one <role>.yaml per role
    templates   folder for one <genre>/ draft template folder per genre
    jobs        processes for the map; dask: a scheduler address or 'local'
    keep_index  return the index in the result (costs memory proportional to the corpus)
    progress    called with (files done, files total)
    Bad files are reported in the result and skipped; an existing target without `force`
    stops the run before anything is written (OutputExistsError).
    """
    from ..corpus.index import DocumentFolder
    from ..corpus.pipeline import corpus_files
    from ..errors import OutputExistsError, UsageError
    from ..mine.mapreduce import MineReduce, map_file
    from ..mine.run import map_ordered

    paths = [Path(p) for p in paths]
    for p in paths:
        if not p.exists():
            raise UsageError(f"{p}: 文件或文件夹不存在")
    if jobs < 1:
        raise UsageError(f"--jobs {jobs}：进程数至少为 1")
    files = corpus_files(paths)
    if not files:
        raise UsageError("没有找到任何 .txt 语料文件：" + "、".join(str(p) for p in paths))
    for folder, what in ((output, "输出文件夹"), (phrasebank, "常用语库文件夹"), (templates, "模板输出文件夹")):
        if folder is not None:
            _check_folder(folder, what)
    if output is not None and not force:
        for name in ("index.json", REPORT_NAME):
            if (output / name).exists():
                raise OutputExistsError(f"{output / name}: 文件已存在，未覆盖；如需覆盖请加 --force")

    result = MineResult(files=len(files))
    reduce = MineReduce(phrases=phrasebank is not None, skeletons=templates is not None)
    entries: list[dict] | None = [] if keep_index else None
    staged = DocumentFolder(output, force) if output is not None else None
    try:
        mapped = map_ordered(map_file, _tasks(files, phrasebank is not None, templates is not None), jobs, dask)
        for done, mined in enumerate(mapped, 1):
            for md in reduce.add(mined):
                result.documents += 1
                if entries is not None:
                    entries.append(md.entry)
                if staged is not None:
                    staged.add(md.entry, md.text)
            if progress:
                progress(done, len(files))
        result.reports = reduce.reports
        for rep in reduce.reports:
            if rep.status != "ok":
                result.warnings.append(f"{rep.source}: 已跳过（{skip_reason(rep)}）")
            elif rep.replaced:
                result.warnings.append(f"{rep.source}: {rep.replaced} 个无法解码的字节已替换")

        bank = _finish_bank(reduce, phrasebank, force)
        planned = _finish_templates(reduce, templates, force, result)
        if staged is not None:
            result.written += staged.publish({REPORT_NAME: cleaning_report(reduce.reports)})
            staged = None
    finally:
        if staged is not None:
            staged.discard()
    if bank is not None:
        from ..mine.phrases_write import write_phrasebank

        result.written += write_phrasebank(phrasebank, bank, force=force)
        result.phrase_counts = {role: len(items) for role, items in sorted(bank.items())}
    if planned is not None:
        from ..mine.skeleton import write_templates

        result.written += write_templates(templates, planned, force=force)
    if entries is not None:
        result.index = {"documents": entries}
    return result


def _finish_bank(reduce, phrasebank: Path | None, force: bool) -> dict | None:
    """The bank's entries by role, after checking every role file can be written."""
    if phrasebank is None:
        return None
    from ..mine.phrases import bank_from_entries
    from ..mine.phrases_write import check_phrasebank

    bank = bank_from_entries(reduce.bank.finish())
    check_phrasebank(phrasebank, bank, force)
    return bank


def _finish_templates(reduce, templates: Path | None, force: bool, result: MineResult) -> dict | None:
    if templates is None:
        return None
    from ..mine.skeleton import check_templates

    planned, counts, skipped = reduce.skeletons.drafts()
    for genre, reason in skipped.items():
        result.warnings.append(f"{genre}: 未生成骨架：{reason}")
    check_templates(templates, planned, force)
    result.templates = counts
    return planned
