"""The workspace a use case runs in: template folders, phrase bank, style — instead of globals.

Both front ends build one (the CLI from its options, the web page once per
server) and pass it to every app function; nothing below reads environment
variables on its own account.
"""
from __future__ import annotations

import functools
from pathlib import Path

from ..record import record


@record(frozen=True)
class Workspace:
    """Where templates, phrases and styles come from for one run."""

    template_dirs: tuple[Path, ...]
    phrasebank: Path
    style_path: Path | None = None
    reference_doc: Path | None = None

    @classmethod
    def default(cls, *, phrasebank: Path | None = None, style: Path | None = None,
                reference_doc: Path | None = None, template_dirs: tuple[Path, ...] | None = None) -> "Workspace":
        """The unit's templates (DRAFTER_TEMPLATES) over the shipped ones, the shipped bank (or DRAFTER_PHRASEBANK)."""
        from .. import templates
        from ..resources import phrasebank_dir

        return cls(
            template_dirs=tuple(template_dirs) if template_dirs is not None else templates.default_dirs(),
            phrasebank=Path(phrasebank) if phrasebank is not None else phrasebank_dir(),
            style_path=Path(style) if style is not None else None,
            reference_doc=Path(reference_doc) if reference_doc is not None else None,
        )

    # --- derived, read once per workspace --------------------------------------------------

    def templates(self) -> dict:
        from .. import templates

        return templates.available(self.template_dirs)

    def template(self, template_id: str):
        from .. import templates

        return templates.get(template_id, self.template_dirs)

    @functools.cached_property
    def style(self):
        from ..style import load_style

        return load_style(self.style_path)

    @functools.cached_property
    def reference_bytes(self) -> bytes | None:
        if self.reference_doc is None:
            return None
        from ..errors import InputError

        try:
            return self.reference_doc.read_bytes()
        except OSError as exc:
            raise InputError(f"{self.reference_doc}: 无法读取本单位模板文件（{exc.strerror or exc}）") from exc

    def bank(self, roles: tuple[str, ...] | None = None) -> list[dict]:
        """Phrase-bank entries (all roles, or some), read once per process per folder."""
        from ..formulas import bank_entries

        if roles == ():
            return []  # a template without formula fields never needs the bank
        return bank_entries(self.phrasebank, roles)

    def genres(self) -> dict:
        from ..gongwen.genres import registry

        return registry(self.template_dirs)
