"""A template's meta.yaml, validated: a typo or a wrong type is a located TemplateError, never a traceback.

The meta is read by several modules (the template list, output names, the
formula fields of formulas.py, provenance tests); checking it once when the
template is found keeps each of them free of defensive code. Keys that are
not known but look like no known key are kept (a newer drafter may read
them); a key that looks like a misspelt known key is an error.
"""
from __future__ import annotations

import difflib
import re
from typing import Any

from . import yamlio
from .errors import TemplateError

STR = "文字"
STR_LIST = "文字列表"
STR_MAP = "“键: 文字”映射"
REGEX = "正则表达式"

# top-level keys and what they hold
TOP: dict[str, str] = {
    "name": STR,
    "description": STR,
    "genre": STR,
    "output_name": STR,
    "sources": STR_LIST,
    "formula_genres": STR_LIST,
    "formulas": "formulas",
    "provenance_exceptions": STR_MAP,
}
REQUIRED_TOP = ("name",)

# one formula field (formulas.Slot); `role` is required
SLOT: dict[str, str] = {
    "role": STR, "function": STR, "shape": REGEX, "avoid": REGEX, "prefer": STR, "years": STR_LIST,
    "count": STR, "span": STR, "voice": STR, "leadership": STR, "unless": STR,
    "avoid_by_type": STR_MAP, "shape_by_type": STR_MAP, "types": STR_LIST, "genres": STR_LIST,
}


def _fail(loaded: yamlio.Loaded, path: tuple, message: str) -> TemplateError:
    return yamlio.template_error(loaded, path, message)


def _check_value(loaded: yamlio.Loaded, path: tuple, value: Any, kind: str) -> None:
    if kind in (STR, REGEX):
        if not isinstance(value, str):
            raise _fail(loaded, path, f"应为{STR}，现在是{yamlio.kind_zh(value)}")
        if kind == REGEX:
            try:
                re.compile(value)
            except re.error as exc:
                raise _fail(loaded, path, f"不是有效的正则表达式（{exc.msg}）") from None
    elif kind == STR_LIST:
        if not isinstance(value, list):
            raise _fail(loaded, path, f"应为{STR_LIST}（每项以“- ”开头），现在是{yamlio.kind_zh(value)}")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise _fail(loaded, path + (i,), f"应为{STR}，现在是{yamlio.kind_zh(item)}")
    elif kind == STR_MAP:
        if not isinstance(value, dict):
            raise _fail(loaded, path, f"应为{STR_MAP}，现在是{yamlio.kind_zh(value)}")
        for k, v in value.items():
            if not isinstance(v, str):
                raise _fail(loaded, path + (k,), f"应为{STR}，现在是{yamlio.kind_zh(v)}")
            if path[-1].endswith("_by_type"):
                _check_value(loaded, path + (k,), v, REGEX)


def _check_keys(loaded: yamlio.Loaded, path: tuple, mapping: dict, known: dict[str, str], strict: bool) -> None:
    for key in mapping:
        if key in known:
            continue
        near = difflib.get_close_matches(str(key), list(known), n=1, cutoff=0.75)
        if strict or near:
            hint = f"，是不是“{near[0]}”？" if near else f"；可用：{'、'.join(known)}"
            raise _fail(loaded, path + (key,), f"未知字段{hint}")


def validate_meta(loaded: yamlio.Loaded) -> dict:
    """The meta mapping, checked; TemplateError at `meta.yaml:LINE:COL 字段: 说明` otherwise."""
    meta = loaded.data
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise _fail(loaded, (), f"meta.yaml 的顶层应为“字段: 值”的映射，现在是{yamlio.kind_zh(meta)}")
    for problem in loaded.problems:  # duplicate keys are errors in a template file
        raise TemplateError(str(problem), [problem])
    _check_keys(loaded, (), meta, TOP, strict=False)
    for key in REQUIRED_TOP:
        if key not in meta:
            raise _fail(loaded, (), f"缺少必填字段 {key}")
    for key, kind in TOP.items():
        if key not in meta or kind == "formulas":
            continue
        _check_value(loaded, (key,), meta[key], kind)
    formulas = meta.get("formulas")
    if formulas is not None:
        if not isinstance(formulas, dict):
            raise _fail(loaded, ("formulas",), f"应为映射（字段路径: 设置），现在是{yamlio.kind_zh(formulas)}")
        for name, spec in formulas.items():
            at = ("formulas", name)
            if not isinstance(spec, dict):
                raise _fail(loaded, at, f"应为映射（role、shape 等设置），现在是{yamlio.kind_zh(spec)}")
            _check_keys(loaded, at, spec, SLOT, strict=True)
            if "role" not in spec:
                raise _fail(loaded, at, "缺少必填字段 role（常用语库中的角色，如 opening）")
            for key, value in spec.items():
                _check_value(loaded, at + (key,), value, SLOT[key])
    return meta
