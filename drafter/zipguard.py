"""Refuse a zip bomb before reading it: part sizes, total size and compression ratio from the central directory.

A .docx is a zip; python-docx inflates its parts into memory. A 2 MB file
whose document part inflates to 2 GB would take gigabytes. zipfile never
inflates a member past the size its directory entry declares, so checking the
declared sizes (and the ratio to the compressed size) before any part is read
bounds the memory a draft can take.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import InputError

MAX_PART = 64 * 1024 * 1024       # one part (document.xml of a 300-page report is ~5 MB)
MAX_TOTAL = 256 * 1024 * 1024     # all parts together
MAX_MEMBERS = 5000                # parts in the package
MAX_RATIO = 200                   # inflated / compressed, for parts above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024         # small parts may compress as well as they like
MAX_FILE = 128 * 1024 * 1024      # the .docx itself


def check_zip(path: Path | str, what: str = "Word 文档") -> None:
    """Raise InputError (Chinese, naming the file and the part) when the package could inflate out of bounds."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        from .fileio import os_message

        raise InputError(os_message(exc, path, "无法读取"))
    if size > MAX_FILE:
        raise InputError(f"{path}: {what}太大（{size // (1024 * 1024)} MB，上限 {MAX_FILE // (1024 * 1024)} MB）")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise InputError(f"{path}: 无法打开 {what}（文件损坏或不是 .docx 格式）") from None
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"{path}: {what}包含的部件过多（{len(infos)} 个），疑似压缩炸弹，已拒绝")
    total = 0
    for info in infos:
        if info.file_size > MAX_PART:
            raise InputError(f"{path}: {what}的部件 {info.filename} 解压后过大"
                             f"（{info.file_size // (1024 * 1024)} MB，上限 {MAX_PART // (1024 * 1024)} MB），疑似压缩炸弹，已拒绝")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(f"{path}: {what}的部件 {info.filename} 压缩比异常（{info.file_size // max(info.compress_size, 1)} 倍），"
                             "疑似压缩炸弹，已拒绝")
        total += info.file_size
    if total > MAX_TOTAL:
        raise InputError(f"{path}: {what}解压后总大小过大（{total // (1024 * 1024)} MB），疑似压缩炸弹，已拒绝")
