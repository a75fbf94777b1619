"""Regenerate the generated files of the shipped templates after a schema or example edit.

    python scripts/regen_shipped.py

Writes templates/<id>/schema.json (what `drafter schema <id>` prints) and
examples/<id>.yaml (the commented scaffold of templates/<id>/example.yaml).
tests/test_genre_templates.py checks both are current.
"""
from __future__ import annotations

import json
from pathlib import Path

from drafter import scaffold, templates
from drafter.resources import templates_dir

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    for tid, t in templates.available().items():
        if t.folder.parent != templates_dir():
            continue
        (t.folder / "schema.json").write_text(
            json.dumps(t.schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        (ROOT / "examples" / f"{tid}.yaml").write_text(
            scaffold.scaffold(t, f"../templates/{tid}/schema.json"), encoding="utf-8")
        print(f"{tid}: schema.json, examples/{tid}.yaml")


if __name__ == "__main__":
    main()
