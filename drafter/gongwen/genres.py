"""The genre and role registry: genres are data.

A genre is a template folder (templates/<id>/meta.yaml names its `genre`) or
one of the few genres mining recognises without a template
(drafter/data/genres.yaml). A unit's own template folder therefore adds a
genre everywhere — `drafter templates`, `new`, `render`, `phrases --genre`,
mining — without a line of Python.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import yaml

from ..resources import data_file

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Genre:
    """One genre: its id, its Chinese label, and whether a template drafts it."""

    id: str
    label: str
    has_template: bool


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    return yaml.load(data_file("genres.yaml").read_text(encoding="utf-8"), Loader=_Loader) or {}


def roles() -> dict[str, str]:
    """Skeleton roles in their usual order, with Chinese labels."""
    return dict(_table().get("roles") or {})


ROLE_IDS: tuple[str, ...] = tuple(roles())


def _template_genres(template_dirs: Iterable[Path]) -> dict[str, Genre]:
    found: dict[str, Genre] = {}
    for root in template_dirs:
        root = Path(root)
        if not root.is_dir():
            continue
        for folder in sorted(root.iterdir()):
            meta_path = folder / "meta.yaml"
            if folder.name.startswith(("_", ".")) or not meta_path.is_file():
                continue
            try:
                meta = yaml.load(meta_path.read_text(encoding="utf-8"), Loader=_Loader) or {}
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                continue  # a broken unit template is reported where it is used, never here
            if not isinstance(meta, dict):
                continue
            gid = meta.get("genre") if isinstance(meta.get("genre"), str) else folder.name
            label = meta.get("name") if isinstance(meta.get("name"), str) else gid
            found.setdefault(gid, Genre(gid, label, True))
    return found


def registry(template_dirs: Iterable[Path] = ()) -> dict[str, Genre]:
    """Every genre: those of the template folders (first folder wins), then the template-less ones."""
    genres = _template_genres(template_dirs)
    for gid, label in (_table().get("genres") or {}).items():
        genres.setdefault(gid, Genre(gid, str(label), False))
    return genres


def default_registry() -> dict[str, Genre]:
    """The registry for the shipped templates plus a unit's (DRAFTER_TEMPLATES)."""
    from ..resources import templates_dir, user_templates_dirs

    return registry([*user_templates_dirs(), templates_dir()])
