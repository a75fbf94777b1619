"""Where bundled data lives, whether installed from a wheel or run from a checkout."""
from __future__ import annotations

import os
from pathlib import Path

_PKG = Path(__file__).resolve().parent
_REPO = _PKG.parent


def _bundled(name: str) -> Path:
    installed = _PKG / "_bundled" / name
    if installed.is_dir():
        return installed
    return _REPO / name


def templates_dir() -> Path:
    """The shipped templates/ folder."""
    return _bundled("templates")


def phrasebank_dir() -> Path:
    """The shipped phrasebank/ folder (overridable with DRAFTER_PHRASEBANK)."""
    env = os.environ.get("DRAFTER_PHRASEBANK")
    return Path(env) if env else _bundled("phrasebank")


def user_templates_dirs() -> list[Path]:
    """Extra template folders a unit may add (DRAFTER_TEMPLATES, os.pathsep-separated)."""
    env = os.environ.get("DRAFTER_TEMPLATES", "")
    return [Path(p) for p in env.split(os.pathsep) if p]


def data_file(name: str) -> Path:
    """A data table shipped inside the package (drafter/data/)."""
    return _PKG / "data" / name
