"""Derived data kept between runs: what drafter builds from its own files, never the clerk's facts.

Reading the phrase bank, the era table or a template's schema, and building the
styled empty .docx, cost more than rendering a report; the result depends only
on the bytes it was built from. So it is kept in the user's own cache folder
(created private, 0700; a folder another user owns or can write to is not
trusted and nothing is kept), keyed by those bytes plus drafter's and Python's
versions: an edited file is simply built afresh. One file per (kind, name), so
the folder does not grow with edits. Any failure to read or write the cache is
silent — the data is then built as if there were no cache.

Values are stored with `marshal` (plain dicts, lists, strings and numbers only),
the format Python uses for its own bytecode cache.
"""
from __future__ import annotations

import functools
import hashlib
import marshal
import os
import stat
import sys
import threading
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

DISABLE = "DRAFTER_NO_CACHE"  # set (to anything) to build everything afresh, e.g. while timing a cold start


@functools.lru_cache(maxsize=None)
def folder(name: str) -> Path | None:
    """~/.cache/drafter/<name> (or under XDG_CACHE_HOME), created private; None when it cannot be trusted."""
    if os.environ.get(DISABLE):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "drafter" / name
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        for part in (path.parent, path):
            info = part.stat()
            if (hasattr(os, "getuid") and info.st_uid != os.getuid()) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
    except OSError:
        return None
    return path


def _entry(where: Path, kind: str, name: str) -> Path:
    """The one file of a (kind, name): overwritten when its sources change."""
    return where / f"{kind}-{hashlib.blake2b(name.encode('utf-8'), digest_size=10).hexdigest()}.marshal"


def _key(kind: str, sources: bytes) -> bytes:
    from . import __version__

    h = hashlib.blake2b(digest_size=20)
    for part in (kind, __version__, sys.version):
        h.update(part.encode("utf-8") + b"\0")
    h.update(sources)
    return h.digest()


def derived(kind: str, name: str, sources: bytes, build: Callable[[], T]) -> T:
    """`build()`, or what it returned last time for the same `sources` bytes.

    `name` tells apart the files of one kind (a path, a style); `sources` must hold
    every byte the result depends on.
    """
    where = folder("data")
    if where is None:
        return build()
    key = _key(kind, sources)
    path = _entry(where, kind, name)
    try:
        stored_key, value = marshal.loads(path.read_bytes())
        if stored_key == key:
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        payload = marshal.dumps((key, value))
    except ValueError:  # not plain data: never cached
        return value
    _store(path, payload)
    return value


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def derived_from_files(kind: str, name: str, build: Callable[[], tuple[T, list[Path]]]) -> T:
    """Like `derived`, for a result whose inputs are found while building (a schema and the files it $refs).

    `build()` returns (value, every file it read); the entry records each file's digest,
    and is used only while every one of them still has those bytes.
    """
    where = folder("data")
    if where is None:
        return build()[0]
    key = _key(kind, name.encode("utf-8"))
    path = _entry(where, kind, name)
    try:
        stored_key, files, value = marshal.loads(path.read_bytes())
        if stored_key == key and all(_digest(Path(f).read_bytes()) == d for f, d in files):
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value, read = build()
    try:
        files = [(str(f), _digest(Path(f).read_bytes())) for f in read]
        payload = marshal.dumps((key, files, value))
    except (OSError, ValueError):
        return value
    _store(path, payload)
    return value


def _store(path: Path, payload: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        tmp.write_bytes(payload)
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass
