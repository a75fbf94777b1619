"""Files for both front ends: read a fact sheet, decide where outputs go, publish them all or none."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError, Location, Problem, UsageError
from ..record import record
from .drafting import render_sheet
from .results import RenderOutput
from .workspace import Workspace


def read_sheet(path: Path) -> str:
    """A fact sheet's text, or InputError with its location (missing, folder, encoding)."""
    from ..factsheet import read_text

    return read_text(Path(path))


def _is_folder_arg(out: Path, raw: str) -> bool:
    return out.is_dir() or raw.endswith(("/", "\\", "/.", "\\."))


@record(frozen=True)
class OutputPlan:
    """Where a batch goes: a folder (names from the fact sheets) or, for one sheet, a file."""

    folder: Path | None = None
    file: Path | None = None


def plan_outputs(count: int, out: Path | None, raw: str | None, fmt: str) -> OutputPlan:
    """-o as the user meant it: a trailing slash, an existing folder or several sheets mean a folder."""
    from .. import writers

    if out is None:
        return OutputPlan()
    raw = raw if raw is not None else str(out)
    if count > 1 or _is_folder_arg(out, raw):
        if out.exists() and not out.is_dir():
            raise UsageError(f"{out}: 已有同名文件，不能作为输出文件夹")
        return OutputPlan(folder=out)
    suffix = out.suffix.lower().lstrip(".")
    if suffix not in writers.names():
        return OutputPlan(file=out.with_name(out.name + writers.get(fmt).suffix))
    if suffix != fmt:
        raise UsageError(f"{out}: 文件扩展名与 --format {fmt} 不一致")
    return OutputPlan(file=out)


def render_files(ws: Workspace, paths: list[Path], plan: OutputPlan, *, fmt: str = "docx",
                 variant: int = 0, lint: bool = False) -> list[RenderOutput]:
    """Render every sheet in memory first: one bad sheet means nothing is written (InputError lists all)."""
    problems: list[Problem] = []
    findings: list[Problem] = []
    outputs: list[RenderOutput] = []
    for path in paths:
        label = str(plan.file) if plan.file is not None else None
        try:
            out = render_sheet(ws, read_sheet(path), str(path), fmt=fmt, variant=variant, lint=lint, label=label)
        except InputError as exc:
            findings.extend(exc.findings)
            problems.extend(exc.problems or [Problem(Location(str(path)), exc.message)])
            continue
        folder = plan.folder if plan.folder is not None else path.parent
        target = plan.file if plan.file is not None else folder / out.name
        outputs.append(RenderOutput(out.name, out.data, out.problems, target))
    if problems:
        exc = InputError("事实表有误，未生成任何文件", problems, footer=True)
        exc.findings = findings
        raise exc
    seen: dict[Path, Path] = {}
    for out, src in zip(outputs, paths):
        key = out.target.resolve()
        if key in seen:
            raise UsageError(f"{src} 与 {seen[key]} 会写到同一个文件 {out.target}，请用 -o 或事实表中的 output 区分")
        seen[key] = src
    return outputs


def publish(outputs: list[tuple[Path, bytes]], *, force: bool = False) -> list[Path]:
    """Write every output or none: missing folders created, no overwrite without force, atomic renames."""
    from ..fileio import os_message, publish_all

    created: list[Path] = []
    try:
        for target, _ in outputs:
            missing = []
            parent = Path(target).parent
            while str(parent) not in ("", ".") and not parent.exists():
                missing.append(parent)
                parent = parent.parent
            for folder in reversed(missing):
                try:
                    folder.mkdir()
                except OSError as exc:
                    raise InputError(os_message(exc, folder, "无法创建输出文件夹")) from None
                created.append(folder)
        return publish_all(outputs, force=force)
    except BaseException:
        for folder in reversed(created):
            try:
                folder.rmdir()
            except OSError:
                pass
        raise
