"""Write the phrase bank folder: one YAML file per role (used by `drafter mine --phrasebank`)."""
from __future__ import annotations

from pathlib import Path


def check_phrasebank(out_dir: Path, bank: dict[str, list[dict]], force: bool = False) -> None:
    """Refuse (OutputExistsError) before anything is written if a role file exists and not `force`."""
    from ..errors import UsageError
    from ..fileio import check_writable

    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{out_dir}: 已存在同名文件，不能用作常用语库文件夹")
    if out_dir.is_dir():
        for role in bank:
            check_writable(out_dir / f"{role}.yaml", force)


def write_phrasebank(out_dir: Path, bank: dict[str, list[dict]], force: bool = False) -> list[Path]:
    """Write <role>.yaml files atomically into `out_dir` (created when missing); returns the files written.

    `bank` is {role: [entry dict, …]} (drafter.mine.phrases.build_bank / bank_from_entries).
    """
    from ..fileio import write_text_atomic
    from .phrases import dump_role

    out_dir = Path(out_dir)
    check_phrasebank(out_dir, bank, force)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for role, entries in sorted(bank.items()):
        write_text_atomic(out_dir / f"{role}.yaml", dump_role(entries), force=force)
        written.append(out_dir / f"{role}.yaml")
    return written
