"""Write the form's values back into the clerk's YAML text, keeping comments, key order and quoting.

The page edits a plain JSON copy of the fact sheet; the YAML text stays the source of
truth. Merging the JSON into a ruamel round-trip document changes only the values that
differ, so `drafter render` on the saved file sees exactly what the page showed.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from ..errors import InputError, Location, Problem


_BLOCK_KEY = re.compile(r"^( *)[^\s#-][^:#]*:\s*(#.*)?$")
_DASH = re.compile(r"^( *)- ")


def dash_offset(text: str) -> int:
    """How far this file indents `- ` under its key (0 or 2): the file's own habit is kept."""
    key_indent = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        dash = _DASH.match(line)
        if dash and key_indent is not None:
            return 2 if len(dash.group(1)) > key_indent else 0
        m = _BLOCK_KEY.match(line)
        key_indent = len(m.group(1)) if m else None
    return 2


def _yaml(offset: int = 2):
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a clerk's long lines
    y.indent(mapping=2, sequence=2 + offset, offset=offset)
    return y


def load_roundtrip(text: str, source: str) -> Any:
    """The round-trip document; InputError with the YAML line when the text does not parse."""
    from ruamel.yaml.error import MarkedYAMLError

    try:
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        problem = Problem(Location(source, line, col), f"YAML 语法错误：{exc.problem or exc.context}")
        raise InputError(str(problem), [problem]) from exc


def to_plain(node: Any) -> Any:
    """ruamel's document as JSON-able values (dates as ISO text, as the fact sheet loader reads them)."""
    if isinstance(node, dict):
        return {str(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v) for v in node]
    if isinstance(node, (dt.date, dt.datetime)):
        return node.isoformat()
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


def plain_data(text: str, source: str) -> dict:
    doc = load_roundtrip(text, source)
    data = to_plain(doc)
    return data if isinstance(data, dict) else {}


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, (dt.date, dt.datetime)):
        return old.isoformat() == new
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return old == new and isinstance(old, float) == isinstance(new, float) or (old == new and not isinstance(new, float))
    if isinstance(old, str) and isinstance(new, str):
        return str(old) == new
    return False


def _scalar(old: Any, new: Any) -> Any:
    """The new value, in the old value's style (quoted stays quoted, a date stays a date)."""
    if isinstance(old, (dt.date, dt.datetime)) and isinstance(new, str):
        try:
            return dt.date.fromisoformat(new)
        except ValueError:
            return new
    if isinstance(old, str) and isinstance(new, str) and type(old) is not str:
        try:
            return type(old)(new)  # SingleQuoted/DoubleQuoted/Literal… keep their style
        except Exception:  # pragma: no cover - exotic scalar classes
            return new
    return new


def _fresh(value: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        m = CommentedMap()
        for k, v in value.items():
            m[k] = _fresh(v)
        return m
    if isinstance(value, list):
        s = CommentedSeq(_fresh(v) for v in value)
        if value and all(isinstance(v, str) and len(v) <= 12 for v in value) and len(value) <= 6:
            s.fa.set_flow_style()  # short word lists read best as [市委, 市政府], like the scaffold writes them
        return s
    return value


def _insert_at(order: list[str] | None, mapping: Any, key: str) -> int:
    """Where a new key goes: after the last present key that comes before it in the schema's order."""
    keys = list(mapping.keys())
    if not order or key not in order:
        return len(keys)
    before = set(order[: order.index(key)])
    pos = 0
    for i, k in enumerate(keys):
        if k in before:
            pos = i + 1
    return pos


# --- comments -------------------------------------------------------------------------------
# ruamel keeps the comment lines that follow a value (usually the description of the NEXT
# field, as `drafter new` writes them) on that value. Removing a field or appending one must
# move those lines along, or the next field's description would vanish or sit above the wrong key.

def _is_block(v: Any) -> bool:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    return isinstance(v, (CommentedMap, CommentedSeq)) and len(v) > 0 and not v.fa.flow_style()


def _tail_ref(container: Any, k: Any) -> tuple[list, int]:
    """The slot (list, index) holding the comment lines after container[k]."""
    from ruamel.yaml.comments import CommentedSeq

    v = container[k]
    if _is_block(v):
        return _tail_ref(v, len(v) - 1 if isinstance(v, CommentedSeq) else list(v.keys())[-1])
    if isinstance(container, CommentedSeq):
        entry = container.ca.items.setdefault(k, [None, None])
        return entry, 0
    entry = container.ca.items.setdefault(k, [None, None, None, None])
    return entry, 2


def _take_tail(container: Any, k: Any):
    entry, i = _tail_ref(container, k)
    tok, entry[i] = entry[i], None
    return tok


def _drop_placeholders(value: str, present: set) -> str:
    """`# term_start:    # …` hints (the scaffold's optional fields) go once the field is filled in."""
    keep = []
    for line in value.split("\n"):
        m = re.match(r"^\s*#\s*([A-Za-z_][\w-]*):", line)
        if not (m and m.group(1) in present):
            keep.append(line)
    return "\n".join(keep)


def _put_tail(container: Any, k: Any, tok) -> None:
    """Append comment lines after container[k] (joined to what is already there)."""
    if tok is None:
        return
    entry, i = _tail_ref(container, k)
    if entry[i] is None:
        entry[i] = tok
    else:
        extra = tok.value[1:] if tok.value.startswith("\n") else tok.value
        entry[i].value = entry[i].value.rstrip("\n") + "\n" + extra if entry[i].value.strip() else entry[i].value + extra


def _delete(container: Any, k: Any, keys: list) -> None:
    """Delete container[k] and give its trailing comment to what precedes it."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not isinstance(container, (CommentedMap, CommentedSeq)):
        del container[k]
        return
    tok = _take_tail(container, k)
    pos = keys.index(k)
    del container[k]
    if tok is None:
        return
    if pos > 0:
        _put_tail(container, keys[pos - 1], tok)
    elif len(container):
        from ruamel.yaml.error import CommentMark
        from ruamel.yaml.tokens import CommentToken

        lines = tok.value[1:] if tok.value.startswith("\n") else tok.value
        if lines.strip():
            container.ca.comment = container.ca.comment or [None, []]
            if container.ca.comment[1] is None:
                container.ca.comment[1] = []
            container.ca.comment[1].append(CommentToken(lines.lstrip(" "), CommentMark(tok.column)))


def _added(container: Any, prev: Any, k: Any) -> None:
    """A value was inserted right after container[prev]: the lines that followed prev now follow k."""
    from ruamel.yaml.comments import CommentedMap

    if prev is None:
        return
    tok = _take_tail(container, prev)
    if tok is None:
        return
    if isinstance(container, CommentedMap):
        tok.value = _drop_placeholders(tok.value, set(container.keys()))
        if not tok.value.strip():
            return
    _put_tail(container, k, tok)


def merge(node: Any, new: Any, schema: dict | None = None) -> Any:
    """Update `node` in place to equal `new`; returns the (possibly replaced) node."""
    schema = schema or {}
    if isinstance(node, dict) and isinstance(new, dict):
        props = schema.get("properties", {}) if isinstance(schema, dict) else {}
        for key in [k for k in node if k not in new]:
            _delete(node, key, list(node.keys()))
        order = list(props)
        for key, value in new.items():
            sub = props.get(key, {})
            if key in node:
                old = node[key]
                if isinstance(old, (dict, list)) and type(value) is type({} if isinstance(old, dict) else []):
                    merge(old, value, sub)
                elif not _same(old, value):
                    node[key] = _scalar(old, value) if not isinstance(value, (dict, list)) else _fresh(value)
            else:
                pos = _insert_at(order, node, key)
                prev = list(node.keys())[pos - 1] if pos > 0 else None
                node.insert(pos, key, _fresh(value))
                _added(node, prev, key)
        return node
    if isinstance(node, list) and isinstance(new, list):
        items = schema.get("items", {}) if isinstance(schema, dict) else {}
        while len(node) > len(new):
            _delete(node, len(node) - 1, list(range(len(node))))
        for i, value in enumerate(new):
            if i < len(node):
                old = node[i]
                if isinstance(old, (dict, list)) and type(value) is type({} if isinstance(old, dict) else []):
                    merge(old, value, items)
                elif not _same(old, value):
                    node[i] = _scalar(old, value) if not isinstance(value, (dict, list)) else _fresh(value)
            else:
                node.append(_fresh(value))
                _added(node, len(node) - 2 if len(node) > 1 else None, len(node) - 1)
        return node
    return _fresh(new)


def apply_data(text: str, data: dict, source: str, schema: dict | None = None) -> str:
    """The YAML text with the form's values; unchanged values keep their exact spelling."""
    doc = load_roundtrip(text, source)
    if not isinstance(doc, dict):
        from ruamel.yaml.comments import CommentedMap

        doc = CommentedMap()
    merge(doc, data, schema)
    buf = io.StringIO()
    _yaml(dash_offset(text)).dump(doc, buf)
    return buf.getvalue()
