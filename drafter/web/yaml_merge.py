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


def float_text(value: float) -> str:
    """A float as YAML 1.1 (drafter's reader) reads it back: 0.000001, never 1e-06 (which it takes for text)."""
    from decimal import Decimal

    text = repr(float(value))
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text if "." in text else text + ".0"


def _yaml(offset: int = 2):
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.representer.add_representer(float, lambda rep, v: rep.represent_scalar("tag:yaml.org,2002:float", float_text(v)))
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
    """The values as drafter reads them (its one YAML loader, with its limits): what the form shows."""
    from ..yamlio import load_yaml

    data = load_yaml(text, source, positions=False).data
    return data if isinstance(data, dict) else {}


def _reader():
    """PyYAML's safe loader with dates kept as text, the way drafter's fact-sheet loader reads."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    global _READER
    if _READER is None:
        class Reader(base):  # type: ignore[misc, valid-type]
            pass

        Reader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
        _READER = Reader
    return _READER


_READER = None


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
    return _safe_str(new)


def _safe_str(value: Any) -> Any:
    """A text that drafter's YAML 1.1 reader would take for something else (yes, on, 0e0…) is quoted."""
    import yaml
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if type(value) is not str:
        return value
    try:
        same = yaml.load(value, Loader=_reader()) == value and not _PLAIN_BAD.search(value)
    except yaml.YAMLError:
        same = False
    return value if same else DoubleQuotedScalarString(value)


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
    return _safe_str(value)


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


def _forget_placeholder(mapping: Any, key: str) -> None:
    """Drop the scaffold's `# key:` hint lines wherever they sit among this mapping's comments."""
    for other in list(mapping.keys()):
        if other == key:
            continue
        entry, i = _tail_ref(mapping, other)
        if entry[i] is not None and key in entry[i].value:
            entry[i].value = _drop_placeholders(entry[i].value, {key})
    pre = mapping.ca.comment[1] if mapping.ca.comment and len(mapping.ca.comment) > 1 else None
    if pre:
        mapping.ca.comment[1] = [t for t in pre if not re.match(rf"^\s*#\s*{re.escape(key)}:", t.value)]


def _added(container: Any, prev: Any, k: Any) -> None:
    """A value was inserted right after container[prev]: the lines that followed prev now follow k."""
    from ruamel.yaml.comments import CommentedMap

    if isinstance(container, CommentedMap):
        _forget_placeholder(container, k)
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


# --- fast path: a keystroke changes scalars only -----------------------------------------------
# A round trip through ruamel costs ~80–200 ms on a report-sized sheet; typing in a field changes
# one scalar. Then the scalar's characters are replaced in place (positions from libyaml), and the
# result is parsed again to prove it says exactly what the form says; anything else (a key or an
# item added or removed, block scalars, anchors) goes the ruamel way.

_PLAIN_BAD = re.compile(r"[:#,\[\]{}&*!|>'\"%@`\n\r\t]|^[-?~\s]|\s$|^$|^[-+.0-9eE_]+$")  # numbers in any YAML


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\[\]{}]")  # YAML anchors and aliases: the slow, careful road


def _loader():
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _norm(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return value


def _scalar_text(value: Any, old_style: str | None) -> str | None:
    """YAML for one scalar that reads back as `value` (plain when safe, else quoted)."""
    import json

    import yaml

    if isinstance(value, bool) or value is None:
        return None  # rare in fact sheets; let ruamel decide
    if isinstance(value, float):
        return float_text(value)
    if isinstance(value, int):
        return json.dumps(value)
    if not isinstance(value, str):
        return None
    if not old_style and not _PLAIN_BAD.search(value):
        try:
            if yaml.load(value, Loader=_loader()) == value:
                return value
        except yaml.YAMLError:
            pass
    if old_style == "'" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)


def _same_value(old: Any, new: Any) -> bool:
    return type(old) is type(new) and old == new or (
        isinstance(old, (int, float)) and isinstance(new, (int, float)) and not isinstance(old, bool)
        and not isinstance(new, bool) and old == new and isinstance(old, float) == isinstance(new, float))


def _edits(node, old: Any, new: Any, out: list, seen: set | None = None) -> bool:
    import yaml

    seen = set() if seen is None else seen
    if id(node) in seen:
        return False  # an alias: shared content is not patched in place (and never walked twice)
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        if not isinstance(old, dict) or not isinstance(new, dict) or list(old) != list(new):
            return False
        keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        if len(keys) != len(node.value) or keys != list(old):
            return False  # duplicate or complex keys: not ours to patch
        return all(_edits(v, old[k.value], new[k.value], out, seen) for k, v in node.value)
    if isinstance(node, yaml.SequenceNode):
        if not isinstance(old, list) or not isinstance(new, list) or len(old) != len(new):
            return False
        return all(_edits(n, o, w, out, seen) for n, o, w in zip(node.value, old, new))
    if isinstance(node, yaml.ScalarNode):
        if isinstance(new, (dict, list)):
            return False
        if _same_value(old, new):
            return True
        if node.style in ("|", ">"):
            return False
        if node.tag.endswith(":timestamp") and isinstance(new, str) and _ISO_DATE.fullmatch(new):
            out.append((node.start_mark.index, node.end_mark.index, new))  # a date stays an unquoted date
            return True
        text = _scalar_text(new, node.style)
        if text is None:
            return False
        out.append((node.start_mark.index, node.end_mark.index, text))
        return True
    return False


def patch_scalars(text: str, data: dict) -> str | None:
    """`text` with changed scalar values replaced in place, or None when more than scalars changed."""
    import yaml

    if _ANCHOR.search(text):
        return None
    try:
        loader = _loader()(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            old = _norm(loader.construct_document(node))
        finally:
            loader.dispose()
    except yaml.YAMLError:
        return None
    edits: list = []
    if not _edits(node, old, data, edits):
        return None
    for start, end, new_text in sorted(edits, reverse=True):
        text = text[:start] + new_text + text[end:]
    try:
        if _norm(yaml.load(text, Loader=_reader())) != data:  # no anchors here, so no alias expansion
            return None
    except yaml.YAMLError:
        return None
    return text


def apply_data(text: str, data: dict, source: str, schema: dict | None = None) -> str:
    """The YAML text with the form's values; unchanged values keep their exact spelling."""
    fast = patch_scalars(text, data)
    if fast is not None:
        return fast
    doc = load_roundtrip(text, source)
    if not isinstance(doc, dict):
        from ruamel.yaml.comments import CommentedMap

        doc = CommentedMap()
    merge(doc, data, schema)
    buf = io.StringIO()
    _yaml(dash_offset(text)).dump(doc, buf)
    out = buf.getvalue()
    if plain_data(out, source) != data:  # never write what drafter would read differently
        raise InputError(f"{source}: 无法把表单中的值写回 YAML（请直接在文件中编辑）")
    return out


def field_lines(text: str) -> dict[int, str]:
    """YAML line → the field whose value sits there (review.sections[1].heading), for placing
    proofreading findings, which name a line but no field, next to their input."""
    import yaml

    try:
        root = yaml.compose(text, Loader=_loader())
    except yaml.YAMLError:
        return {}
    out: dict[int, str] = {}

    seen: set[int] = set()

    def walk(node, parts: tuple) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode):
                    walk(v, parts + (k.value,))
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, parts + (i,))
        elif isinstance(node, yaml.ScalarNode) and parts:
            path = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in parts).lstrip(".")
            for line in range(node.start_mark.line + 1, node.end_mark.line + 2):
                out.setdefault(line, path)

    if root is not None:
        walk(root, ())
    return out
