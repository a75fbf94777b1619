"""`drafter new`: a fact sheet a clerk can fill in, commented field by field in Chinese.

The values come from the template's example.yaml (realistic, from a real-looking
town); the comments from the schema's descriptions, so the two never drift.
Optional fields the example leaves out appear commented out, with their meaning.
"""
from __future__ import annotations

import json
import re
from typing import Any

import yaml

from .templates import Template

_INDENT = "  "


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text  # drafter reads dates as text; no quotes needed
    try:
        if text and text.strip() == text and yaml.safe_load(f"k: {text}") == {"k": text} and "#" not in text:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def _flow_ok(items: list) -> bool:
    if not all(isinstance(i, (str, int, float)) and not isinstance(i, bool) for i in items):
        return False
    text = ", ".join(_scalar(i) for i in items)
    if not (len(text) <= 60 and all("," not in str(i) and "[" not in str(i) for i in items)):
        return False
    try:  # flow context is stricter than block context ({…}, ], : inside an item)
        return yaml.safe_load(f"k: [{text}]") == {"k": list(items)}
    except yaml.YAMLError:
        return False


def _describe(schema: dict) -> str:
    desc = (schema.get("description") or "").strip()
    if "enum" in schema:
        desc += f"（可选值：{'、'.join(map(str, schema['enum']))}）"
    return desc


def _comment(lines: list[str], pad: str, schema: dict, required: bool) -> None:
    desc = _describe(schema)
    if not desc:
        return
    # a field some kinds of report require says so itself (……必填); never 必填（可不填）
    optional = not required and not any(w in desc for w in ("可选", "不填", "必填"))
    lines.append(f"{pad}# {desc}{'（可不填）' if optional else ''}")


def _emit_mapping(lines: list[str], data: dict, schema: dict, depth: int, first_prefix: str | None = None, comments: bool = True) -> None:
    pad = _INDENT * depth
    props: dict = schema.get("properties", {})
    required = set(schema.get("required", []))
    keys = [k for k in props if k in data] + [k for k in data if k not in props]
    first = True
    for key in keys:
        sub = props.get(key, {})
        value = data[key]
        lead = first_prefix if (first and first_prefix is not None) else pad
        if comments:
            _comment(lines, pad, sub, key in required)
        _emit_value(lines, key, value, sub, depth, lead, comments)
        first = False
    if comments:
        for key, sub in props.items():
            if key not in data and key != "output":
                lines.append(f"{pad}# {key}:    # {_describe(sub) or '可选'}")


def _emit_value(lines: list[str], key: str, value: Any, schema: dict, depth: int, lead: str, comments: bool) -> None:
    pad = _INDENT * depth
    if isinstance(value, dict):
        lines.append(f"{lead}{key}:")
        _emit_mapping(lines, value, schema, depth + 1, comments=comments)
    elif isinstance(value, list):
        if not value:
            lines.append(f"{lead}{key}: []")
        elif _flow_ok(value):
            lines.append(f"{lead}{key}: [{', '.join(_scalar(v) for v in value)}]")
        else:
            lines.append(f"{lead}{key}:")
            item_schema = schema.get("items", {})
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    _emit_item_mapping(lines, item, item_schema, depth + 1, comments and i == 0)
                else:
                    lines.append(f"{pad}{_INDENT}- {_scalar(item)}")
    else:
        lines.append(f"{lead}{key}: {_scalar(value)}")


def _emit_item_mapping(lines: list[str], item: dict, schema: dict, depth: int, comments: bool) -> None:
    """A list item that is a mapping: `- first: …` then the other keys aligned under it."""
    pad = _INDENT * depth
    start = len(lines)
    _emit_mapping(lines, item, schema, depth + 1, comments=comments)
    # turn the first non-comment line's indentation into "- "
    for i in range(start, len(lines)):
        if not lines[i].lstrip().startswith("#"):
            lines[i] = pad + "- " + lines[i][len(pad) + 2 :]
            # comments that stood above it move above the dash, same indentation as the dash
            for j in range(start, i):
                lines[j] = pad + lines[j].lstrip()
            break


def scaffold(template: Template, schema_ref: str | None) -> str:
    """The commented fact sheet text for a template."""
    example = template.example() or {}
    lines = []
    if schema_ref:
        lines.append(f"# yaml-language-server: $schema={schema_ref}")
    lines.append(f"# {template.name}事实表：只填写事实，套话和版式由 drafter 提供。")
    lines.append("# 填好后运行：drafter check 本文件  （检查）；drafter render 本文件  （生成 Word）")
    lines.append("")
    _emit_mapping(lines, example, template.schema, 0)
    return "\n".join(lines) + "\n"
