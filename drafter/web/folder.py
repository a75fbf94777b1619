"""The one folder the page works in: names in, paths inside FOLDER out, nothing else reachable."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError

SHEET_SUFFIXES = (".yaml", ".yml")


def version_of(data: bytes) -> str:
    """What the page remembers of the file it opened, to notice edits made elsewhere."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Folder:
    root: Path

    @classmethod
    def open(cls, path: Path) -> "Folder":
        path = Path(path)
        if not path.is_dir():
            raise UsageError(f"{path}: 文件夹不存在")
        return cls(path.resolve())

    def path(self, name: str) -> Path:
        """The file `name` directly in the folder; UsageError for anything else (…/, absolute, links out)."""
        if (not isinstance(name, str) or not name or name != name.strip() or name.startswith(".")
                or any(c in name for c in "/\\\x00:") or len(name.encode("utf-8")) > 200):
            raise UsageError(f"文件名“{name}”无效：只能是本文件夹中的事实表文件名")
        if not name.lower().endswith(SHEET_SUFFIXES):
            raise UsageError(f"文件名“{name}”无效：事实表文件名应以 .yaml 结尾")
        path = self.root / name
        if path.resolve().parent != self.root:
            raise UsageError(f"“{name}”指向文件夹以外的位置，不能打开")
        return path

    def sheets(self) -> list[str]:
        """Fact-sheet file names in the folder (regular files, or links that stay inside it)."""
        names = []
        for entry in sorted(os.scandir(self.root), key=lambda e: e.name):
            if entry.name.startswith(".") or not entry.name.lower().endswith(SHEET_SUFFIXES):
                continue
            try:
                path = self.path(entry.name)
            except UsageError:
                continue
            if path.is_file():
                names.append(entry.name)
        return names

    def backup_path(self, name: str) -> Path:
        return self.root / f".{name}.bak"
