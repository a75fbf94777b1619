"""Write the phrase bank folder: one YAML file per role (used by `drafter mine --phrasebank`)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable


def write_phrasebank(out_dir: Path, files: Iterable[Path], force: bool = False) -> dict[str, int]:
    """Mine `files`, write <role>.yaml files atomically into `out_dir`; returns counts per role.

    Refuses (OutputExistsError) to overwrite any existing role file unless `force`.
    """
    from ..corpus.pipeline import mine_paths
    from ..errors import UsageError
    from ..fileio import check_writable, write_text_atomic
    from .phrases import build_bank, dump_role

    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise UsageError(f"{out_dir}: 常用语库文件夹不存在（请先创建该文件夹）")
    bank = build_bank(mine_paths(list(files)))
    for role in bank:
        check_writable(out_dir / f"{role}.yaml", force)
    for role, entries in sorted(bank.items()):
        write_text_atomic(out_dir / f"{role}.yaml", dump_role(entries), force=force)
    return {role: len(entries) for role, entries in sorted(bank.items())}
