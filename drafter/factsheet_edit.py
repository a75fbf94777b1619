"""Append a string to a list field of a YAML fact sheet by minimal textual insertion.

Everything outside the inserted line(s) stays byte-for-byte: comments, quoting,
blank lines and layout.  Positions come from PyYAML compose marks.
"""
from __future__ import annotations

import json
from pathlib import Path

from .errors import InputError


class FieldError(ValueError):
    """The dotted field is missing, not a list, or cannot be edited textually."""


def _quote(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars.
    return json.dumps(text, ensure_ascii=False)


def _last_end(node) -> int:
    """Character index just past the last content of a node (deepest last child)."""
    import yaml

    if isinstance(node, yaml.MappingNode) and node.value and node.flow_style is not True:
        return _last_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and node.flow_style is not True:
        return _last_end(node.value[-1])
    return node.end_mark.index


def _line_after(text: str, pos: int) -> tuple[str, int]:
    """(text, index of the start of the line after the one holding pos-1); adds a final newline if needed."""
    if pos > 0 and text[pos - 1] == "\n":
        return text, pos
    nl = text.find("\n", pos)
    if nl == -1:
        return text + "\n", len(text) + 1
    return text, nl + 1


def append_to_list(text: str, field: str, value: str) -> str:
    """Return text with `value` appended to the list at dotted path `field`.

    An absent last key under an existing block mapping is created as a new list.
    Flow lists on one line (`[a, b]`) get `, "value"` before the `]`.
    Raises FieldError when the path is missing, not a list, or not editable.
    """
    import yaml

    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise FieldError(f"不是合法的 YAML：{exc}") from exc
    parts = [p for p in field.split(".")]
    if not field or any(not p for p in parts):
        raise FieldError("字段路径为空或格式不对")
    node = root
    for depth, key in enumerate(parts):
        if not isinstance(node, yaml.MappingNode):
            raise FieldError(f"{'.'.join(parts[:depth]) or '顶层'} 不是键值对")
        found = None
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                found = v
        if found is None:
            if depth != len(parts) - 1:
                raise FieldError("字段不存在")
            return _create_list(text, node, key, value)
        node = found
    if not isinstance(node, yaml.SequenceNode):
        raise FieldError("字段不是列表")
    if node.flow_style:
        close = node.end_mark.index - 1
        if close < 0 or text[close] != "]":
            raise FieldError("无法定位流式列表的结尾“]”")
        inner = text[node.start_mark.index + 1 : close]
        sep = ", " if node.value else ""
        if node.value and inner.rstrip().endswith(","):
            sep = " "
        return text[:close] + sep + _quote(value) + text[close:]
    if not node.value:  # pragma: no cover - a block sequence always has items
        raise FieldError("字段不是列表")
    indent = node.start_mark.column
    text, at = _line_after(text, _last_end(node))
    return text[:at] + " " * indent + "- " + _quote(value) + "\n" + text[at:]


def _create_list(text: str, mapping, key: str, value: str) -> str:
    if mapping.flow_style:
        raise FieldError("上级是流式键值对（{…}），不能自动添加列表")
    if not mapping.value:
        raise FieldError("上级键值对为空，不能自动添加列表")
    indent = mapping.start_mark.column
    text, at = _line_after(text, _last_end(mapping))
    pad = " " * indent
    return text[:at] + f"{pad}{key}:\n{pad}  - {_quote(value)}\n" + text[at:]


def append_to_file(path: Path, field: str, value: str) -> None:
    """File wrapper: read, append, write atomically.  Errors are InputError (exit 1)."""
    from .fileio import write_text_atomic

    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: 事实表文件不存在")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: 不是 UTF-8 编码的文本：{exc}") from exc
    try:
        new = append_to_list(text, field, value)
    except FieldError as exc:
        raise InputError(f"{path}: 字段 {field} 无法追加：{exc}") from exc
    write_text_atomic(path, new, force=True)
