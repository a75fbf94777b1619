"""Load a fact sheet keeping every value's position, and check it against a template's schema.

Every problem is collected (not just the first), each with FILE:LINE:COL and
the dotted field path, in Chinese, so a clerk can fix them all in one pass.
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Location, Problem

Path_ = tuple  # a field path: ("review", "sections", 0, "heading")


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10× faster, same marks


class _SafeLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that keeps dates as text (the schema and filters read ISO strings)."""


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


@dataclass
class FactSheet:
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
        p = tuple(path)
        while True:
            pos = (self.key_positions.get(p) if prefer_key else None) or self.positions.get(p)
            if pos or not p:
                break
            p = p[:-1]
        line, col = pos or (1, 1)
        return Location(str(self.path), line, col, format_path(path) or None)


def format_path(path: Path_) -> str:
    """("review", "sections", 0, "heading") → review.sections[1].heading (items counted from 1)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


_YAML_PROBLEMS = {
    "found character '\\t' that cannot start any token": "用了制表符（Tab）缩进或分隔，YAML 只能用空格",
    "mapping values are not allowed here": "此处不能出现“: ”（值里有冒号时请给整个值加引号，或检查缩进）",
    "could not find expected ':'": "缺少“: ”（键和值之间要有英文冒号加空格）",
    "did not find expected key": "缩进不一致或缺少“- ”",
    "did not find expected '-' indicator": "列表项缩进不一致，或缺少“- ”",
    "found undefined alias": "引用了未定义的锚点（*名称）",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合）",
    "found unknown escape character": "双引号字符串里有无效的转义符（\\），请改用单引号",
    "expected <block end>, but found '<block mapping start>'": "缩进不一致",
    "expected <block end>, but found '<block sequence start>'": "缩进不一致",
    "expected <block end>, but found '-'": "列表项缩进不一致",
    "expected <block end>, but found '<scalar>'": "缩进不一致，或一行写了两个值",
    "found duplicate anchor": "锚点名称重复",
    "expected the node content": "此处缺少内容（括号或引号没有闭合，或文件意外结束）",
    "did not find expected node content": "此处缺少内容（括号或引号没有闭合，或文件意外结束）",
    "mapping values are not allowed in this context": "此处不能出现“: ”（值里有冒号时请给整个值加引号，或检查缩进）",
    "found character that cannot start any token": "此处有不能作为开头的字符（如 Tab、@、`），请改用空格或给值加引号",
    "did not find expected ',' or ']'": "方括号列表没有闭合，或缺少逗号",
    "did not find expected ',' or '}'": "花括号映射没有闭合，或缺少逗号",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合）",
    "expected ',' or ']'": "方括号列表没有闭合，或缺少逗号",
    "expected ',' or '}'": "花括号映射没有闭合，或缺少逗号",
    "found unexpected ':'": "冒号位置不对（值里有冒号时请给整个值加引号）",
    "found character '@' that cannot start any token": "值不能以 @ 开头，请加引号",
    "found character '`' that cannot start any token": "值不能以 ` 开头，请加引号",
}


def _yaml_message(exc: yaml.YAMLError, text: str = "") -> str:
    problem = getattr(exc, "problem", None) or str(exc)
    mark = getattr(exc, "problem_mark", None)
    if mark is not None and "\t" in (text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else "")[: mark.column + 1]:
        return "YAML 语法错误：用了制表符（Tab）缩进或分隔，YAML 只能用空格"
    if isinstance(exc, yaml.constructor.ConstructorError) and "could not determine a constructor" in problem:
        tag = problem.split("'")[1] if problem.count("'") >= 2 else problem
        tag = tag.replace("tag:yaml.org,2002:", "!!")
        return f"不允许的 YAML 标签 {tag}（事实表只能写普通的文字、数字、列表和映射）"
    for key, zh in _YAML_PROBLEMS.items():
        if problem.startswith(key):
            return f"YAML 语法错误：{zh}"
    return f"YAML 语法错误：{problem}"


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        raise _bad(path, 1, 1, "文件是 UTF-16 编码，请另存为 UTF-8")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        try:
            raw.decode("gb18030")
            hint = "看起来是 GBK/GB18030 编码（Windows 记事本的 ANSI），请另存为 UTF-8"
        except UnicodeDecodeError:
            hint = "不是 UTF-8 编码的文本，请另存为 UTF-8"
        raise _bad(path, line, col, f"文件{hint}")


def _bad(path: Path, line: int | None, col: int | None, message: str) -> InputError:
    problem = Problem(Location(str(path), line, col), message)
    return InputError(str(problem), [problem])


def read_text(path: Path) -> str:
    """The fact sheet's text; InputError (with one located Problem) when it cannot be read."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise _bad(path, None, None, "文件不存在")
    except IsADirectoryError:
        raise _bad(path, None, None, "这是文件夹，不是事实表文件")
    except OSError as exc:
        raise _bad(path, None, None, f"无法读取（{exc.strerror}）")
    return _decode(Path(path), raw)


def _walk(node: yaml.Node, path: tuple, fs: FactSheet, problems: list[Problem]) -> None:
    fs.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                problems.append(Problem(Location(str(fs.path), key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                                 format_path(path) or None), "键必须是简单文字"))
                continue
            if key in seen:
                first = seen[key].start_mark.line + 1
                problems.append(Problem(Location(str(fs.path), key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                                 format_path(path + (key,))),
                                        f"字段重复（第 {first} 行已写过），YAML 只会保留后一个，请删去或合并其中一个"))
                continue
            seen[key] = key_node
            fs.key_positions[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _walk(value_node, path + (key,), fs, problems)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), fs, problems)


def _normalise(value: Any) -> Any:
    """YAML dates → ISO text; everything else unchanged."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    return value


def parse_factsheet(path: Path, text: str | None = None) -> tuple[FactSheet | None, list[Problem]]:
    """Read and parse; returns the fact sheet (None when unreadable) and structural problems."""
    path = Path(path)
    if text is None:
        try:
            text = read_text(path)
        except InputError as exc:
            return None, exc.problems
    fs = FactSheet(path, {})
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [Problem(Location(str(path), 1, 1), "文件是空的，请用 drafter new 生成事实表后填写")]
    try:
        loader = _SafeLoader(text)
        try:
            node = loader.get_single_node()
            problems: list[Problem] = []
            if node is not None:
                _walk(node, (), fs, problems)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        loc = Location(str(path), mark.line + 1 if mark else 1, mark.column + 1 if mark else 1)
        return None, [Problem(loc, _yaml_message(exc, text))]
    if not isinstance(data, dict):
        kind = {list: "列表", str: "一段文字", int: "数字", float: "数字"}.get(type(data), type(data).__name__)
        return None, [Problem(Location(str(path), 1, 1), f"顶层应为“字段: 值”的映射，现在是{kind}")]
    fs.data = _normalise(data)
    return fs, problems


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
    problems = _schema_problems(fs, schema)
    return sorted(problems, key=lambda p: (p.location.line or 0, p.location.col or 0))
