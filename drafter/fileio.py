"""Atomic, no-clobber writes: a failure never leaves a half-written file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputExistsError, UsageError


def check_writable(path: Path, force: bool) -> None:
    """Refuse before doing any work: missing folder (usage) or existing file without --force."""
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"{path}: 输出文件夹不存在：{parent}（请先创建该文件夹）")
    if path.exists() and not force:
        raise OutputExistsError(f"{path}: 文件已存在，未覆盖；如需覆盖请加 --force")


def write_atomic(path: Path, data: bytes, force: bool = False) -> None:
    """Write to a temp file in the same folder, then rename over the target."""
    check_writable(path, force)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if not force and path.exists():
            raise OutputExistsError(f"{path}: 文件已存在，未覆盖；如需覆盖请加 --force")
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_text_atomic(path: Path, text: str, force: bool = False) -> None:
    write_atomic(path, text.encode("utf-8"), force)
