"""Load a fact sheet keeping every value's position, and check it against a template's schema.

Every problem is collected (not just the first), each with FILE:LINE:COL and
the dotted field path, in Chinese, so a clerk can fix them all in one pass.
Reading and parsing (encodings, size, depth, aliases, numbers, control
characters) is drafter.yamlio's job: check, render and lint read alike.
"""
from __future__ import annotations

import difflib
from dataclasses import field
from pathlib import Path
from typing import Any

from . import yamlio
from .errors import InputError, Location, Problem
from .record import record
from .yamlio import format_path

Path_ = tuple  # a field path: ("review", "sections", 0, "heading")

MAX_BYTES = yamlio.MAX_BYTES


@record
class FactSheet:
    """A parsed fact sheet and where each field sits, so every problem can name its line."""

    path: Path
    data: dict
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    @property
    def template_id(self) -> str | None:
        value = self.data.get("template")
        return value if isinstance(value, str) else None

    def locate(self, path: Path_, prefer_key: bool = True) -> Location:
        """The best position for a field: its key, else its value, else the nearest parent."""
        return yamlio.Loaded(str(self.path), self.data, self.positions, self.key_positions).locate(path, prefer_key)


def read_text(path: Path) -> str:
    """The fact sheet's text; InputError (with one located Problem) when it cannot be read or decoded."""
    raw = yamlio.read_bytes(path, MAX_BYTES, "事实表")
    try:
        return yamlio.decode(raw, str(path))
    except yamlio.YamlProblems as exc:
        raise InputError(str(exc.problems[0]), exc.problems) from None


def _blank(text: str) -> bool:
    return not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines())


def parse_factsheet(path: Path, text: str | None = None) -> tuple[FactSheet | None, list[Problem]]:
    """Read and parse; returns the fact sheet (None when unreadable) and structural problems."""
    path = Path(path)
    try:
        if text is None:
            text = read_text(path)
        if _blank(text):
            return None, [Problem(Location(str(path), 1, 1), "文件是空的，请用 drafter new 生成事实表后填写")]
        loaded = yamlio.load_yaml(text, path)
    except InputError as exc:
        return None, exc.problems or [Problem(Location(str(path)), exc.message)]
    data = loaded.data
    if not isinstance(data, dict):
        return None, [Problem(Location(str(path), 1, 1), f"顶层应为“字段: 值”的映射，现在是{yamlio.kind_zh(data)}")]
    fs = FactSheet(path, data, loaded.positions, loaded.key_positions)
    return fs, list(loaded.problems)


_TYPE_ZH = {"string": "文字", "integer": "整数", "number": "数字", "boolean": "是/否（true/false）",
            "array": "列表（每项以“- ”开头）", "object": "映射（字段: 值）", "null": "空"}


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def _schema_at(schema: dict, path: tuple) -> dict:
    node = schema
    for part in path:
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(part, {})
    return node


def _validator(schema: dict):
    """One compiled validator per schema object (templates cache their schema)."""
    from jsonschema import Draft202012Validator

    key = id(schema)
    cached = _VALIDATORS.get(key)
    if cached is None or cached[0] is not schema:
        cached = (schema, Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER))
        _VALIDATORS[key] = cached
    return cached[1]


_VALIDATORS: dict[int, tuple] = {}


def _schema_problems(fs: FactSheet, schema: dict) -> list[Problem]:
    validator = _validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(fs.data), key=lambda e: [str(p) for p in e.absolute_path]):
        path = tuple(error.absolute_path)
        v = error.validator
        if v == "required":
            missing = error.message.split("'")[1]
            desc = _schema_at(schema, path).get("properties", {}).get(missing, {}).get("description", "")
            loc = fs.locate(path, prefer_key=True)
            loc = Location(loc.file, loc.line, loc.col, format_path(path + (missing,)))
            hint = f"（{desc.splitlines()[0]}）" if desc else ""
            problems.append(Problem(loc, f"缺少必填字段{hint}"))
        elif v == "additionalProperties":
            allowed = list(_schema_at(schema, path).get("properties", {}))
            extras = [k for k in error.instance if k not in allowed]
            for extra in extras:
                near = difflib.get_close_matches(str(extra), allowed, n=1, cutoff=0.5)
                hint = f"，是不是“{near[0]}”？" if near else f"；可用字段：{'、'.join(allowed)}"
                problems.append(Problem(fs.locate(path + (extra,)), f"未知字段{hint}"))
        elif v == "type":
            want = error.validator_value
            wants = want if isinstance(want, list) else [want]
            problems.append(Problem(fs.locate(path), f"类型不对：应为{'或'.join(_TYPE_ZH.get(w, w) for w in wants)}，"
                                                      f"现在是{_TYPE_ZH[_type_of(error.instance)]}"))
        elif v == "enum":
            problems.append(Problem(fs.locate(path), f"取值“{error.instance}”无效，应为：{'、'.join(map(str, error.validator_value))}"))
        elif v == "const":
            problems.append(Problem(fs.locate(path), f"取值应为“{error.validator_value}”"))
        elif v in ("minItems", "maxItems"):
            n = error.validator_value
            word = "至少" if v == "minItems" else "至多"
            problems.append(Problem(fs.locate(path), f"列表{word}要有 {n} 项，现在有 {len(error.instance)} 项"))
        elif v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            word = {"minimum": "不能小于", "maximum": "不能大于", "exclusiveMinimum": "应大于", "exclusiveMaximum": "应小于"}[v]
            problems.append(Problem(fs.locate(path), f"数值{word} {error.validator_value}"))
        elif v == "minLength":
            problems.append(Problem(fs.locate(path), "不能为空"))
        elif v == "pattern":
            desc = _schema_at(schema, path).get("x-pattern-hint", f"格式应符合 {error.validator_value}")
            problems.append(Problem(fs.locate(path), f"格式不对：{desc}，现在是“{error.instance}”"))
        elif v == "format":
            problems.append(Problem(fs.locate(path), f"格式不对：应为 {error.validator_value}（如 2025-01-10），现在是“{error.instance}”"))
        elif v == "dependentRequired":
            # {a: [b]}: a was given, so b must be given too
            given = next((k for k, needs in error.validator_value.items()
                          if k in error.instance and any(n not in error.instance for n in needs)), "")
            missing = [n for n in error.validator_value.get(given, []) if n not in error.instance]
            loc = fs.locate(path + (given,)) if given else fs.locate(path)
            problems.append(Problem(Location(loc.file, loc.line, loc.col, format_path(path + (given,))),
                                    f"填了 {given} 就要同时填 {'、'.join(missing)}"))
        elif v in ("anyOf", "oneOf"):
            problems.append(Problem(fs.locate(path), "取值不符合要求：" + _schema_at(schema, path).get("x-hint", "请对照 drafter schema 查看允许的写法")))
        else:
            problems.append(Problem(fs.locate(path), f"不符合要求（{v}）"))
    return problems


def validate(fs: FactSheet, schema: dict) -> list[Problem]:
    """All schema problems of a parsed fact sheet, in file order."""
    from .schema_fast import instance_is_valid

    if instance_is_valid(schema, fs.data):
        return []
    problems = _schema_problems(fs, schema)
    return sorted(problems, key=lambda p: (p.location.line or 0, p.location.col or 0))
