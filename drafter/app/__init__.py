"""The application layer: one function per use case, called by every front end.

The CLI (drafter/cli*.py) and the web page (drafter/web/) only parse, print
and serve; everything they do goes through here. Functions take text or bytes
plus a Workspace and return typed results (drafter/app/results.py); user
errors are DrafterError subclasses carrying located Problems.

Each use case lives in its own module and is imported when first used, so a
`drafter render` never pays for importing, carrying forward or mining.
"""
from __future__ import annotations

import importlib

_WHERE = {
    "Workspace": "workspace",
    "CheckResult": "results", "FormulaInfo": "results", "Phrase": "results", "Preview": "results",
    "RenderOutput": "results", "Suggestion": "results", "TemplateInfo": "results",
    "broken_templates": "drafting", "check_sheet": "drafting", "font_report": "drafting",
    "formula_fields": "drafting", "list_templates": "drafting", "preview": "drafting",
    "render_sheet": "drafting", "scaffold": "drafting", "template_schema": "drafting",
    "OutputPlan": "files", "plan_outputs": "files", "publish": "files", "read_sheet": "files",
    "render_files": "files",
    "check_filters": "phrases", "check_insert_target": "phrases", "insert_phrase": "phrases",
    "search_phrases": "phrases", "suggest": "phrases", "fitting": "phrases", "NeedsConfirmation": "phrases",
    "lint_draft": "proofread", "lint_file": "proofread",
    "carry_forward": "carry", "pending_paths": "carry",
    "ImportResult": "importer", "import_report": "importer",
    "mine": "mine", "MineResult": "mine",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
