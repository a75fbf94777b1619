"""The application layer: one function per use case, called by every front end.

The CLI (drafter/cli*.py) and the web page (drafter/web/) only parse, print
and serve; everything they do goes through here. Functions take text or bytes
plus a Workspace and return typed results (drafter/app/results.py); user
errors are DrafterError subclasses carrying located Problems.
"""
from __future__ import annotations

from .carry import carry_forward, pending_paths
from .drafting import (broken_templates, check_sheet, font_report, formula_fields, list_templates, preview, render_sheet, scaffold,
                       template_schema)
from .importer import ImportResult, import_report
from .files import OutputPlan, plan_outputs, publish, read_sheet, render_files
from .phrases import check_filters, check_insert_target, insert_phrase, search_phrases, suggest
from .proofread import lint_draft, lint_file
from .results import CheckResult, FormulaInfo, Phrase, Preview, RenderOutput, Suggestion, TemplateInfo
from .workspace import Workspace

__all__ = [
    "Workspace", "CheckResult", "FormulaInfo", "Phrase", "Preview", "RenderOutput", "Suggestion", "TemplateInfo",
    "OutputPlan", "check_sheet", "render_sheet", "render_files", "preview", "scaffold", "list_templates",
    "template_schema", "formula_fields", "broken_templates", "font_report", "plan_outputs", "publish", "read_sheet", "search_phrases", "suggest",
    "insert_phrase", "check_insert_target", "check_filters", "lint_file", "lint_draft",
    "carry_forward", "pending_paths", "import_report", "ImportResult",
]
