"""The page and font settings of the Word output: GB/T 9704 defaults, overridable per unit.

A unit's style file is checked against drafter/data/style_schema.yaml (type
and range of every key) and against the page's geometry (the text block must
keep room on the page), so a negative margin, a NaN or a zero page size is a
located Chinese message, never a crash or a file LibreOffice cannot lay out.
"""
from __future__ import annotations

import copy
import functools
from pathlib import Path

from . import yamlio
from .errors import DrafterError, InputError, Location, Problem
from .record import record
from .resources import data_file

MAX_STYLE_BYTES = 256 * 1024
MIN_TEXT_BLOCK_MM = 50  # the text block left between the margins


@record(frozen=True)
class Style:
    """Fonts, sizes and page of a document: the GB/T 9704 defaults, or a unit's own style file over them."""

    fonts: dict[str, str]
    sizes: dict[str, float]
    bold: dict[str, bool]
    page: dict[str, float]


_UNITS = {"size": "磅", "length": "毫米"}


@functools.lru_cache(maxsize=None)
def _defaults() -> tuple[dict, dict]:
    def data(loaded: yamlio.Loaded):
        return loaded.data

    base = yamlio.load_derived(data_file("style.yaml"), "style", data, error=DrafterError, what="样式文件")
    schema = yamlio.load_derived(data_file("style_schema.yaml"), "style-schema", data, error=DrafterError, what="样式文件")
    return base, schema


def _rule(schema: dict, section: str, key: str) -> dict:
    rules = schema.get(section, {})
    return rules.get(key) or rules.get("*") or {}


def _check(rule: dict, value) -> str | None:
    """Why a value breaks its rule (Chinese), or None."""
    kind = rule.get("kind")
    if kind == "font":
        if not isinstance(value, str):
            return f"应为字体名称（文字），现在是{yamlio.kind_zh(value)}"
        if not value.strip():
            return "字体名称不能为空"
        if len(value) > rule.get("max_chars", 64) or "\n" in value:
            return "字体名称过长或含有换行"
        return None
    if kind == "flag":
        return None if isinstance(value, bool) else f"应为 true 或 false，现在是{yamlio.kind_zh(value)}"
    if kind in ("size", "length"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"应为数字（{_UNITS[kind]}），现在是{yamlio.kind_zh(value)}"
        lo, hi = rule.get("min"), rule.get("max")
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            return f"取值 {value} 超出范围，应在 {lo}–{hi} {_UNITS[kind]}之间"
        return None
    return None


def _geometry(page: dict, sizes: dict) -> list[tuple[str, str]]:
    """(field, message) for settings each in range but impossible together."""
    out = []
    if page["width"] - page["left"] - page["right"] < MIN_TEXT_BLOCK_MM:
        out.append(("page.left", f"左右页边距之和过大：版心宽度不足 {MIN_TEXT_BLOCK_MM} 毫米"))
    if page["height"] - page["top"] - page["bottom"] < MIN_TEXT_BLOCK_MM:
        out.append(("page.top", f"上下页边距之和过大：版心高度不足 {MIN_TEXT_BLOCK_MM} 毫米"))
    if page["footer"] >= page["bottom"]:
        out.append(("page.footer", "页脚距离应小于下页边距（页码要落在页边距之内）"))
    if page["line_pitch"] < sizes["body"]:
        out.append(("page.line_pitch", f"行距 {page['line_pitch']} 磅小于正文字号 {sizes['body']} 磅，行会重叠"))
    return out


def load_style(path: Path | None = None) -> Style:
    """The default style, with a unit's style file (only the keys it sets) laid over it, validated."""
    base, schema = _defaults()
    base = copy.deepcopy(base)
    if path is not None:
        path = Path(path)
        loaded = yamlio.load_file(path, what="样式文件", limit=MAX_STYLE_BYTES)
        override = loaded.data
        if override is None:
            override = {}
        src = str(path)
        problems = list(loaded.problems)
        if not isinstance(override, dict):
            raise InputError(f"{path}: 样式文件顶层应为键值映射", [Problem(Location(src, 1, 1), "样式文件顶层应为键值映射")])
        for section, values in override.items():
            if section not in base:
                problems.append(Problem(loaded.locate((section,)), f"未知的样式分组，可选：{'、'.join(base)}"))
                continue
            if not isinstance(values, dict):
                problems.append(Problem(loaded.locate((section,)), f"应为键值映射，现在是{yamlio.kind_zh(values)}"))
                continue
            for key, value in values.items():
                if key not in base[section]:
                    problems.append(Problem(loaded.locate((section, key)), f"未知的样式项，可选：{'、'.join(base[section])}"))
                    continue
                why = _check(_rule(schema, section, key), value)
                if why:
                    problems.append(Problem(loaded.locate((section, key)), why))
                else:
                    base[section][key] = value
        if not problems:
            for field, message in _geometry(base["page"], base["sizes"]):
                section, key = field.split(".")
                loc = loaded.locate((section, key)) if (section, key) in loaded.key_positions else Location(src, None, None, field)
                problems.append(Problem(loc, message))
        if problems:
            problems.sort(key=lambda p: (p.location.line or 0, p.location.col or 0))
            raise InputError(f"{path}: 样式文件有误", problems)
    return Style(fonts=base["fonts"], sizes=base["sizes"], bold=base["bold"], page=base["page"])
