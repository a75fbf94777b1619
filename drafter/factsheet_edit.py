"""Append a string to a list field of a YAML fact sheet by minimal textual insertion.

Everything outside the inserted line(s) stays byte-for-byte: comments, quoting,
blank lines and layout.  Positions come from PyYAML compose marks.
"""
from __future__ import annotations

import json
import re
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


def _line_after(text: str, pos: int) -> tuple[int, str]:
    """(insertion index at the start of the line after the one holding pos-1, prefix needed there)."""
    if pos > 0 and text[pos - 1] == "\n":
        return pos, ""
    nl = text.find("\n", pos)
    if nl == -1:
        return len(text), "\n"
    return nl + 1, ""


def _compose(text: str):
    """The node tree of a sheet's LF-normalised text, through the loader's defences (depth, characters)."""
    import yaml

    from . import yamlio

    try:
        prepared = yamlio.prepare_text(text, "<事实表>")
    except yamlio.YamlProblems as exc:
        raise FieldError(exc.problems[0].message) from None
    try:
        return yaml.compose(prepared, Loader=yamlio.Loader)
    except yaml.YAMLError as exc:
        raise FieldError(yamlio.yaml_message(exc, prepared)) from exc


def _walk(root, field: str):
    """(the mapping holding the field's last key, that key, the field's node or None when only the key is missing)."""
    import yaml

    parts = field.split(".")
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
            return node, key, None
        if depth == len(parts) - 1:
            return node, key, found
        node = found
    raise FieldError("字段不存在")  # pragma: no cover - the loop always returns


def _insertion(text: str, field: str, value: str) -> tuple[int, str]:
    """Where (index into LF-normalised text) and what to insert to append `value` to the list at `field`."""
    import yaml

    mapping, key, node = _walk(_compose(text), field)
    if node is None:
        return _create_list(text, mapping, key, value)
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
        return close, sep + _quote(value)
    if not node.value:  # pragma: no cover - a block sequence always has items
        raise FieldError("字段不是列表")
    indent = node.start_mark.column
    at, prefix = _line_after(text, _last_end(node))
    return at, prefix + " " * indent + "- " + _quote(value) + "\n"


def _create_list(text: str, mapping, key: str, value: str) -> tuple[int, str]:
    if mapping.flow_style:
        raise FieldError("上级是流式键值对（{…}），不能自动添加列表")
    if not mapping.value:
        raise FieldError("上级键值对为空，不能自动添加列表")
    indent = mapping.start_mark.column
    at, prefix = _line_after(text, _last_end(mapping))
    pad = " " * indent
    return at, prefix + f"{pad}{key}:\n{pad}  - {_quote(value)}\n"


_BREAK = re.compile(r"\r\n|\r|\n")


def append_to_list(text: str, field: str, value: str) -> str:
    """Return text with `value` appended to the list at dotted path `field`.

    An absent last key under an existing block mapping is created as a new list.
    Flow lists on one line (`[a, b]`) get `, "value"` before the `]`.
    The inserted lines use the file's own line ending (CRLF stays CRLF);
    everything else is kept byte for byte.
    Raises FieldError when the path is missing, not a list, or not editable.
    """
    norm = text.replace("\r\n", "\n").replace("\r", "\n")
    at, inserted = _insertion(norm, field, value)
    if norm == text:
        return text[:at] + inserted + text[at:]
    # map the index in the normalised text back to the original, line by line
    line = norm.count("\n", 0, at)
    col = at - (norm.rfind("\n", 0, at) + 1)
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    endings = [m.group() for m in _BREAK.finditer(text)]
    crlf = endings.count("\r\n")
    nl = "\r\n" if crlf * 2 >= len(endings) else ("\r" if endings.count("\r") * 2 > len(endings) else "\n")
    orig = starts[line] + col if line < len(starts) else len(text)
    return text[:orig] + inserted.replace("\n", nl) + text[orig:]


def _original_index(text: str, norm: str, at: int) -> int:
    """An index into the LF-normalised text, mapped back to the original (CRLF/CR) text."""
    if norm == text:
        return at
    line = norm.count("\n", 0, at)
    col = at - (norm.rfind("\n", 0, at) + 1)
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    return starts[line] + col if line < len(starts) else len(text)


def replace_scalar(text: str, field: str, value: str) -> str:
    """Return text with the one-sentence field at dotted path `field` set to `value`.

    The old value (plain, quoted or a block scalar) is replaced by a double-quoted
    scalar in place; an absent last key under an existing block mapping is added.
    Everything else — comments, other values, line endings — is kept byte for byte.
    Raises FieldError when the path is missing or the field is not a single value.
    """
    import yaml

    norm = text.replace("\r\n", "\n").replace("\r", "\n")
    mapping, key, node = _walk(_compose(norm), field)
    if node is None:
        if mapping.flow_style or not mapping.value:
            raise FieldError("字段不存在")
        at, prefix = _line_after(norm, _last_end(mapping))
        inserted = prefix + " " * mapping.start_mark.column + f"{key}: {_quote(value)}\n"
        orig = _original_index(text, norm, at)
        nl = "\r\n" if "\r\n" in text else "\n"
        return text[:orig] + inserted.replace("\n", nl) + text[orig:]
    if not isinstance(node, yaml.ScalarNode):
        raise FieldError("字段不是一句话（是列表或键值对）")
    start, end = node.start_mark.index, node.end_mark.index
    tail = "\n" if node.style in ("|", ">") and norm[start:end].endswith("\n") else ""
    a, b = _original_index(text, norm, start), _original_index(text, norm, end)
    nl = "\r\n" if "\r\n" in text[a:b] else "\n"
    return text[:a] + _quote(value) + tail.replace("\n", nl) + text[b:]


def check_target(path: Path, field: str) -> None:
    """Refuse before the user picks anything: unreadable, read-only, undecodable sheet or a field that cannot take a list item."""
    path = Path(path)
    text, _ = _read(path)
    _writable(path)
    try:
        append_to_list(text, field, "")
    except FieldError as exc:
        raise InputError(f"{path}: 字段 {field} 无法追加：{exc}") from exc


def _read(path: Path) -> tuple[str, bool]:
    """(text, had a BOM): the sheet through the loader's reader (regular file, size limit, UTF-8)."""
    from . import yamlio

    raw = yamlio.read_bytes(path, yamlio.MAX_BYTES, "事实表")
    try:
        text = yamlio.decode(raw, str(path))
    except yamlio.YamlProblems as exc:
        raise InputError(str(exc.problems[0]), exc.problems) from None
    return text, raw.startswith(b"\xef\xbb\xbf")


def _writable(path: Path) -> None:
    import os
    import stat

    real = os.path.realpath(path)
    st = os.stat(real)
    if not os.access(real, os.W_OK) or not st.st_mode & 0o222:
        raise InputError(f"{path}: 事实表是只读的，未改写（请先取消只读属性）")


def edit_file(path: Path, edit) -> None:
    """Read a sheet, apply `edit(text) -> text`, write it back respecting the file.

    A symlinked sheet is written through to its target (the link stays), the file's mode
    is kept, a read-only sheet is refused, line endings and a BOM are kept.
    """
    from .fileio import rewrite_in_place

    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: 事实表文件不存在")
    text, bom = _read(path)
    _writable(path)
    rewrite_in_place(path, (b"\xef\xbb\xbf" if bom else b"") + edit(text).encode("utf-8"))


def ensure_editable(path: Path) -> None:
    """Refuse an unreadable or read-only sheet before the user picks anything."""
    _read(Path(path))
    _writable(Path(path))


def read_sheet_text(path: Path) -> str:
    """A sheet's text as `edit_file` reads it (checked reading, BOM dropped)."""
    return _read(Path(path))[0]


def append_to_file(path: Path, field: str, value: str) -> None:
    """File wrapper: read, append, write back respecting the file.  Errors are InputError (exit 1).

    A symlinked sheet is written through to its target (the link stays), the
    file's mode is kept, a read-only sheet is refused, line endings and a BOM are kept.
    """
    from .fileio import rewrite_in_place

    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: 事实表文件不存在")
    text, bom = _read(path)
    _writable(path)
    try:
        new = append_to_list(text, field, value)
    except FieldError as exc:
        raise InputError(f"{path}: 字段 {field} 无法追加：{exc}") from exc
    rewrite_in_place(path, (b"\xef\xbb\xbf" if bom else b"") + new.encode("utf-8"))
