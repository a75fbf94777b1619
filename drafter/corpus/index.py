"""The index JSON: documents with line ranges, genre, role sections and outline."""
from __future__ import annotations

import json
from typing import Iterable

from .model import Document


def document_entry(doc: Document) -> dict:
    """One document as an index entry (all line numbers are raw 1-based lines)."""
    entry = {
        "source": doc.source,
        "index": doc.index,
        "start_line": doc.start_line,
        "end_line": doc.end_line,
        "title": doc.title,
        "genre": doc.genre,
        "sections": [{"role": s.role, "start_line": s.start_line, "end_line": s.end_line} for s in doc.sections],
        "outline": [{"level": o.level, "number": o.number, "text": o.text, "line": o.line} for o in doc.outline],
    }
    if doc.flags:
        entry["flags"] = {k: v for k, v in doc.flags.items()}
    return entry


def build_index(docs: Iterable[Document]) -> dict:
    return {"documents": [document_entry(d) for d in docs]}


def dumps(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, indent=2) + "\n"


def document_filename(source: str, index: int) -> str:
    """Output path (relative, '/'-separated) of one cleaned document: `a/report.txt` #1 → `a/report_01.txt`.

    Source labels are unique (drafter.corpus.pipeline.corpus_files), so names never collide.
    """
    folder, _, name = source.rpartition("/")
    stem = name[:-4] if name.lower().endswith(".txt") else name
    stem = stem.replace("#", "_")
    return (folder + "/" if folder else "") + f"{stem}_{index:02d}.txt"


class DocumentFolder:
    """The `mine -o DIR` output, all or nothing: documents and index.json appear together or not at all.

    Documents and the index are written into a hidden staging folder inside DIR
    as they stream in (memory stays flat); `publish()` checks every target, then
    moves them into place, index.json last, undoing the moves if one fails.
    `discard()` (on any abort) removes the staging folder.
    """

    STAGE_PREFIX = ".drafter-mine-"

    def __init__(self, out_dir, force: bool = False):
        import tempfile
        from pathlib import Path

        import os

        self.out_dir = Path(out_dir)
        self.force = force
        self.created = not self.out_dir.exists()
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.remove_stale(self.out_dir)
        self.stage = Path(tempfile.mkdtemp(prefix=f"{self.STAGE_PREFIX}{os.getpid()}-", suffix=".tmp", dir=self.out_dir))
        self.names: list[str] = []
        self._index = open(self.stage / ".index.part", "w", encoding="utf-8")
        self._count = 0

    @classmethod
    def remove_stale(cls, out_dir) -> None:
        """Remove staging folders left by a run that was killed (its process no longer exists)."""
        import os
        import shutil

        for stage in out_dir.glob(f"{cls.STAGE_PREFIX}*.tmp"):
            pid = stage.name[len(cls.STAGE_PREFIX):].split("-", 1)[0]
            if not pid.isdigit():
                continue
            try:
                os.kill(int(pid), 0)
            except ProcessLookupError:
                shutil.rmtree(stage, ignore_errors=True)
            except OSError:
                pass  # alive, owned by someone else

    def add(self, entry: dict, text: str) -> str:
        """Stage one document and its index entry; returns its output name."""
        name = document_filename(entry["source"], entry["index"])
        target = self.stage / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            raise RuntimeError(f"duplicate output name {name}")  # labels are unique: cannot happen
        target.write_text(text + "\n", encoding="utf-8")
        self.names.append(name)
        self._index.write((",\n" if self._count else "") + _indent(json.dumps(entry, ensure_ascii=False, indent=2), 4))
        self._count += 1
        return name

    def publish(self, extra: dict[str, str]) -> list:
        """Move the staged documents, then `extra` files ({name: text}, e.g. the cleaning report), then index.json."""
        import os

        from ..errors import OutputExistsError

        import shutil

        self._index.close()
        with open(self.stage / "index.json", "w", encoding="utf-8") as index, \
                open(self.stage / ".index.part", encoding="utf-8") as body:
            if self._count:  # streamed: the same bytes as dumps(index), never the whole index in memory
                index.write('{\n  "documents": [\n')
                shutil.copyfileobj(body, index)
                index.write("\n  ]\n}\n")
            else:
                index.write('{\n  "documents": []\n}\n')
        (self.stage / ".index.part").unlink()
        for name, text in extra.items():
            (self.stage / name).write_text(text, encoding="utf-8")
        order = self.names + list(extra) + ["index.json"]
        if not self.force:
            taken = [n for n in order if (self.out_dir / n).exists()]
            if taken:
                shown = "、".join(taken[:5]) + ("等" if len(taken) > 5 else "")
                raise OutputExistsError(f"{self.out_dir}: {len(taken)} 个输出文件已存在（{shown}），未覆盖；如需覆盖请加 --force")
        moved: list = []
        try:
            for name in order:
                src, dst = self.stage / name, self.out_dir / name
                dst.parent.mkdir(parents=True, exist_ok=True)
                if not self.force and dst.exists():
                    raise OutputExistsError(f"{dst}: 文件已存在，未覆盖；如需覆盖请加 --force")
                backup = None
                if dst.exists():
                    backup = self.stage / (".old-" + str(len(moved)))
                    os.replace(dst, backup)
                os.replace(src, dst)
                moved.append((dst, backup))
        except BaseException:
            for dst, backup in reversed(moved):  # roll back: nothing half-published
                if backup is not None:
                    os.replace(backup, dst)
                else:
                    dst.unlink(missing_ok=True)
            raise
        self.discard()
        return [dst for dst, _b in moved]

    def discard(self) -> None:
        """Remove the staging folder (and DIR itself if this run created it and nothing else is there)."""
        import shutil

        if not self._index.closed:
            self._index.close()
        shutil.rmtree(self.stage, ignore_errors=True)
        if self.created:
            try:
                self.out_dir.rmdir()  # only succeeds when empty
            except OSError:
                pass


def _indent(text: str, n: int) -> str:
    pad = " " * n
    return "\n".join(pad + line for line in text.split("\n"))
