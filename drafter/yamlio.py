"""The one YAML loader: bytes → data with every value's position, or located Chinese problems.

Used for fact sheets, template meta and schemas, style files and the phrase
bank, so that `check`, `render`, `lint` and the web page all read YAML the
same way. It owns every defence against hostile input:

- reading: regular files only, with a size limit (fileio.read_regular);
- decoding: UTF-8 with or without BOM; UTF-16, UTF-32 and GBK are named and refused;
- depth: bounded by a text scan BEFORE parsing (no RecursionError, no segfault);
- aliases: the expanded size is bounded and self-reference refused (no alias bomb);
- numbers: non-finite, overlong or absurdly large numbers are refused;
- control characters, one rule for every string (keys and values, raw or escaped):
  CR, CR LF, VT (Word's Shift+Enter), FF, NEL, LS and PS are a line break ("\\n");
  every other control character, surrogate or non-character is refused;
- tags: only plain text, numbers, booleans, null, dates (kept as text), lists and mappings.

Every problem is a Problem at FILE:LINE:COL with the field path, in Chinese.
"""
from __future__ import annotations

import math
import re
from dataclasses import field
from pathlib import Path
from typing import Any, Callable

import yaml

from .errors import DrafterError, InputError, Location, Problem, TemplateError
from .record import record

FieldPath = tuple  # ("review", "sections", 0, "heading")

MAX_BYTES = 4 * 1024 * 1024  # a hand-written fact sheet is ~10 KB; the shipped phrase bank files < 100 KB
MAX_DEPTH = 64               # nesting levels (a fact sheet needs ~6)
MAX_ALIAS_NODES = 10_000     # nodes that aliases may add by repeating anchored content
MAX_SCALAR_DIGITS = 30       # a number literal longer than this is not a quantity
MAX_ABS_NUMBER = 10 ** 15    # larger than any figure a township report states

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10× faster, same marks

LINE_BREAKS = re.compile("\r\n|[\r\v\f\x85\u2028\u2029]")
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U000efffe\U000effff"
    "\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
SENTINEL = "\uf8f0"  # private-use stand-in for a raw VT/FF while libyaml reads the text (one char → positions kept)

_CHAR_NAMES = {"\x00": "空字符", "\x1b": "ESC", "\x7f": "DEL", "\ufeff": "BOM", "\ufffe": "非字符", "\uffff": "非字符"}


def char_name(ch: str) -> str:
    """U+001F (控制字符) — how a clerk can find and delete it."""
    code = ord(ch)
    kind = _CHAR_NAMES.get(ch) or ("代理码位" if 0xD800 <= code <= 0xDFFF else "非字符" if (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF
                                   else "控制字符")
    return f"U+{code:04X}（{kind}）"


@record
class Loaded:
    """Parsed YAML and where each value and key sits (1-based line, column)."""

    source: str
    data: Any
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # non-fatal (duplicate keys)

    def locate(self, path: FieldPath, prefer_key: bool = True) -> Location:
        """The best position for a field: its key, else its value, else the nearest parent."""
        p = tuple(path)
        while True:
            pos = (self.key_positions.get(p) if prefer_key else None) or self.positions.get(p)
            if pos or not p:
                break
            p = p[:-1]
        line, col = pos or (1, 1)
        return Location(self.source, line, col, format_path(path) or None)


def format_path(path: FieldPath) -> str:
    """("review", "sections", 0, "heading") → review.sections[1].heading (items counted from 1)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class YamlProblems(Exception):
    """Fatal problems found while loading (internal: load_yaml turns them into the caller's error class)."""

    def __init__(self, problems: list[Problem]):
        super().__init__(str(problems[0]))
        self.problems = problems


def _problem(source: str, line: int | None, col: int | None, message: str, path: FieldPath = ()) -> Problem:
    return Problem(Location(source, line, col, format_path(path) or None), message)


# --- reading and decoding --------------------------------------------------------

def read_bytes(path: Path | str, limit: int = MAX_BYTES, what: str = "文件") -> bytes:
    """A regular file's bytes, at most `limit` (InputError naming the path otherwise)."""
    from .fileio import read_regular

    return read_regular(path, limit, what)


def _line_col(raw: bytes | str, index: int) -> tuple[int, int]:
    nl = b"\n" if isinstance(raw, bytes) else "\n"
    line = raw.count(nl, 0, index) + 1
    col = index - (raw.rfind(nl, 0, index) + 1) + 1
    return line, col


def decode(raw: bytes, source: str) -> str:
    """UTF-8 text (BOM dropped); other encodings are named, at the first byte that is not UTF-8."""
    def bad(line, col, message):
        return YamlProblems([_problem(source, line, col, message)])

    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise bad(1, 1, "文件是 UTF-32 编码，请另存为 UTF-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise bad(1, 1, "文件是 UTF-16 编码，请另存为 UTF-8")
    if b"\x00" in raw[:4096]:
        sample = raw[:4096]
        if len(sample) >= 8 and sample[1::4].count(0) + sample[2::4].count(0) + sample[3::4].count(0) > 0.7 * 3 * (len(sample) // 4) \
                or len(sample) >= 8 and sample[0::4].count(0) + sample[1::4].count(0) + sample[2::4].count(0) > 0.7 * 3 * (len(sample) // 4):
            raise bad(1, 1, "文件是 UTF-32 编码，请另存为 UTF-8")
        if sample[0::2].count(0) > 0.3 * len(sample) / 2 or sample[1::2].count(0) > 0.3 * len(sample) / 2:
            raise bad(1, 1, "文件是 UTF-16 编码，请另存为 UTF-8")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        try:
            raw.decode("gb18030")
            hint = "看起来是 GBK/GB18030 编码（Windows 记事本的 ANSI），请另存为 UTF-8"
        except UnicodeDecodeError:
            hint = "不是 UTF-8 编码的文本（可能是二进制文件），请另存为 UTF-8"
        raise bad(line, col, f"文件{hint}")


# --- before parsing: characters and depth ------------------------------------------

def prepare_text(text: str, source: str) -> str:
    """Line breaks normalised, raw VT/FF kept as a one-char sentinel, forbidden characters located."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems = []
    for m in _FORBIDDEN.finditer(text):
        line, col = _line_col(text, m.start())
        problems.append(_problem(source, line, col, f"有不可见的 {char_name(m.group())}，请删去"))
        if len(problems) >= 20:
            break
    if "\ufeff" in text:
        line, col = _line_col(text, text.index("\ufeff"))
        problems.append(_problem(source, line, col, "文件中间有不可见的 BOM 字符（U+FEFF），请删去"))
    if problems:
        raise YamlProblems(problems)
    depth, line, col = depth_bound(text)
    if depth > MAX_DEPTH:
        raise YamlProblems([_problem(source, line, col, f"嵌套层数太多（超过 {MAX_DEPTH // 2} 层缩进或 {MAX_DEPTH} 层括号），不需要这么深")])
    if "\v" in text or "\f" in text:
        if SENTINEL in text:
            at = min(i for i in (text.find("\v"), text.find("\f")) if i >= 0)
            line, col = _line_col(text, at)
            raise YamlProblems([_problem(source, line, col, "有垂直制表符或换页符（Word 的软回车），请改为换行")])
        text = text.replace("\v", SENTINEL).replace("\f", SENTINEL)
    return text


_FLOW_TOKEN = re.compile(r"""[\[\]{}"'#]""")


def depth_bound(text: str) -> tuple[int, int, int]:
    """An upper bound of the nesting depth, from the text alone, and where it is reached (line, col).

    Block nesting: one level per indentation step or `- `/`? ` indicator (a
    mapping may hold a same-column list: two levels per step); flow nesting:
    brackets at the start of a token, outside quotes and comments. Cheap
    (no parser, no recursion), so it runs before libyaml sees the text.
    """
    stack: list[int] = []
    flow = 0
    best, where = 0, (1, 1)
    for no, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip(" ")
        if flow == 0:
            if not stripped or stripped.startswith("#"):
                continue
            indent = len(line) - len(stripped)
            cols = [indent]
            rest = stripped
            while rest[:2] in ("- ", "? ") or rest in ("-", "?"):
                pad = len(rest) - len(rest[1:].lstrip(" "))
                indent += pad
                rest = rest[pad:]
                if rest:
                    cols.append(indent)
            while stack and stack[-1] >= cols[0]:
                stack.pop()
            stack.extend(cols)
            block = 2 * len(stack)
        if "[" in line or "{" in line or flow:
            quote = ""
            prev = " "
            i = 0
            n = len(line)
            while i < n:
                m = _FLOW_TOKEN.search(line, i)
                if not m:
                    break
                ch, i = m.group(), m.start()
                prev = line[i - 1] if i else " "
                if ch == "#":
                    if prev in " \t":
                        break
                elif ch in "\"'":
                    if prev in " \t[{,:-?" or i == 0:
                        end = i + 1
                        while True:
                            end = line.find(ch, end)
                            if end == -1:
                                end = n
                                break
                            if ch == '"' and line[end - 1] == "\\" and (end - len(line[:end].rstrip("\\"))) % 2:
                                end += 1
                                continue
                            if ch == "'" and line[end + 1: end + 2] == "'":
                                end += 2
                                continue
                            break
                        i = end
                elif ch in "[{":
                    if flow or prev in " \t:-,?[{" or i == 0:
                        flow += 1
                        if block + flow > best:
                            best, where = block + flow, (no, i + 1)
                elif flow:
                    flow -= 1
                i += 1
        if block + flow > best:
            best, where = block + flow, (no, 1)
    return best, where[0], where[1]


# --- parsing ------------------------------------------------------------------------

class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader: dates stay text, numbers and strings pass the rules above, other tags are refused."""


Loader = _Loader  # for callers that need the node tree (factsheet_edit): compose only after prepare_text


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Refused(yaml.constructor.ConstructorError):
    def __init__(self, node: yaml.Node, message: str):
        super().__init__(None, None, message, node.start_mark)
        self.zh = message


def _construct_str(loader, node):
    value = loader.construct_scalar(node)
    if SENTINEL in value:
        value = value.replace(SENTINEL, "\n")
    bad = _FORBIDDEN.search(value)
    if bad:
        raise _Refused(node, f"文字中有不可见的 {char_name(bad.group())}（第 {bad.start() + 1} 个字符），请删去")
    if LINE_BREAKS.search(value):
        value = LINE_BREAKS.sub("\n", value)
    return value


def _number_text(loader, node) -> str:
    text = loader.construct_scalar(node)
    if len(text.replace("_", "")) > MAX_SCALAR_DIGITS:
        raise _Refused(node, f"数字太长（{len(text)} 位），如果是编号请加引号写成文字")
    return text


def _construct_int(loader, node):
    _number_text(loader, node)
    value = yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)
    if abs(value) > MAX_ABS_NUMBER:
        raise _Refused(node, "数字大得不合常理（超过 10^15），如果是编号请加引号写成文字")
    return value


def _construct_float(loader, node):
    _number_text(loader, node)
    value = yaml.constructor.SafeConstructor.construct_yaml_float(loader, node)
    if not math.isfinite(value):
        raise _Refused(node, "不是有限的数字（.nan、.inf 或超出范围），请写出具体数值")
    if abs(value) > MAX_ABS_NUMBER:
        raise _Refused(node, "数字大得不合常理（超过 10^15），请检查")
    return value


def _refuse_tag(loader, node):
    tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
    raise _Refused(node, f"不允许的 YAML 标签 {tag}（只能写普通的文字、数字、列表和映射）")


_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: _construct_str(loader, node))
for _tag in ("binary", "set", "omap", "pairs"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)
_Loader.add_constructor(None, _refuse_tag)


_YAML_PROBLEMS = {
    "found character '\\t' that cannot start any token": "用了制表符（Tab）缩进或分隔，YAML 只能用空格",
    "mapping values are not allowed here": "此处不能出现“: ”（值里有冒号时请给整个值加引号，或检查缩进）",
    "mapping values are not allowed in this context": "此处不能出现“: ”（值里有冒号时请给整个值加引号，或检查缩进）",
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
    "expected <block end>": "缩进不一致",
    "found duplicate anchor": "锚点名称重复（&名称 只能定义一次）",
    "expected the node content": "此处缺少内容（括号或引号没有闭合，或文件意外结束）",
    "did not find expected node content": "此处缺少内容（括号或引号没有闭合，或文件意外结束）",
    "found character '@' that cannot start any token": "值不能以 @ 开头，请加引号",
    "found character '`' that cannot start any token": "值不能以 ` 开头，请加引号",
    "found character that cannot start any token": "此处有不能作为开头的字符（如 Tab、@、`），请改用空格或给值加引号",
    "did not find expected ',' or ']'": "方括号列表没有闭合，或缺少逗号",
    "did not find expected ',' or '}'": "花括号映射没有闭合，或缺少逗号",
    "expected ',' or ']'": "方括号列表没有闭合，或缺少逗号",
    "expected ',' or '}'": "花括号映射没有闭合，或缺少逗号",
    "found unexpected ':'": "冒号位置不对（值里有冒号时请给整个值加引号）",
    "found a tab character where an indentation space is expected": "用了制表符（Tab）缩进，YAML 只能用空格",
    "found a tab character that violates indentation": "用了制表符（Tab）缩进，YAML 只能用空格",
    "found unhashable key": "键不能是列表或映射",
    "found unacceptable key": "键不能是列表或映射",
    "expected a single document": "文件里有多个文档（“---”分隔），只能有一个",
    "but found another document": "文件里有多个文档（“---”分隔），只能有一个",
    "found incompatible YAML document": "YAML 版本声明不兼容，请删去 %YAML 行",
    "found duplicate YAML directive": "YAML 版本声明重复",
    "found unknown directive": "未知的 % 指令，请删去",
    "found unexpected document separator": "文档分隔符位置不对",
    "while scanning a quoted scalar": "引号没有闭合",
    "found invalid Unicode character escape code": "双引号字符串里有无效的 \\u 转义",
    "expected escape sequence of": "双引号字符串里有无效的转义",
    "found a document separator": "双引号字符串里出现了文档分隔符（---）",
    "unacceptable character": "有不可见的控制字符，请删去",
    "could not determine a constructor": "不允许的 YAML 标签",
    "found undefined tag handle": "未定义的标签前缀（!名称!）",
    "expected alphabetic or numeric character": "锚点或别名（&、*）后面要有名称",
    "while parsing a block collection": "列表或映射缩进不一致",
    "while scanning a simple key": "缺少“: ”（键和值之间要有英文冒号加空格）",
    "while scanning a block scalar": "多行文字（| 或 >）的写法有误",
    "found a comment without": "注释“#”前要有空格",
    "found mapping key": "键的写法有误",
}


def yaml_message(exc: yaml.YAMLError, text: str = "") -> str:
    """A PyYAML/libyaml error in Chinese (never English: unknown ones get a general Chinese sentence)."""
    if isinstance(exc, _Refused):
        return exc.zh
    problem = getattr(exc, "problem", None) or ""
    context = getattr(exc, "context", None) or ""
    mark = getattr(exc, "problem_mark", None)
    lines = text.split("\n") if text else []
    if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1] or "'\\t'" in problem:
        return "YAML 语法错误：用了制表符（Tab）缩进或分隔，YAML 只能用空格"
    if "could not determine a constructor" in problem:
        tag = problem.split("'")[1] if problem.count("'") >= 2 else problem
        return f"不允许的 YAML 标签 {tag.replace('tag:yaml.org,2002:', '!!')}（只能写普通的文字、数字、列表和映射）"
    for text_en in (problem, context):
        for key, zh in _YAML_PROBLEMS.items():
            if text_en.startswith(key) or (key in text_en and len(key) > 20):
                return f"YAML 语法错误：{zh}"
    return "YAML 语法错误：此处写法不符合 YAML 格式（检查缩进、冒号后的空格和引号是否成对）"


def _error_location(exc: yaml.YAMLError) -> tuple[int, int]:
    if isinstance(exc, yaml.reader.ReaderError):
        return 0, 0
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _expanded_size(root: yaml.Node, source: str) -> int:
    """Nodes the document has once aliases are expanded (memoised on node identity); refuses cycles."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            children = node.value if isinstance(node, yaml.SequenceNode) else [n for kv in node.value for n in kv]
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            continue
        if key in sizes:
            continue
        if key in on_path:
            line, col = _mark(node)
            raise YamlProblems([_problem(source, line, col, "锚点引用了它自身（循环引用），请展开写出")])
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        on_path.add(key)
        stack.append((node, True))
        children = node.value if isinstance(node, yaml.SequenceNode) else [n for kv in node.value for n in kv]
        for child in children:
            if id(child) in on_path:
                line, col = _mark(child)
                raise YamlProblems([_problem(source, line, col, "锚点引用了它自身（循环引用），请展开写出")])
            stack.append((child, False))
    return sizes[id(root)]


def _distinct_nodes(root: yaml.Node) -> int:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack.extend((k, v))
    return len(seen)


def _walk(root: yaml.Node, loaded: Loaded) -> None:
    """Positions of every value and key; duplicate and non-scalar keys become problems."""
    stack: list[tuple[yaml.Node, tuple]] = [(root, ())]
    src = loaded.source
    while stack:
        node, path = stack.pop()
        loaded.positions[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, yaml.Node] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    line, col = _mark(key_node)
                    loaded.problems.append(_problem(src, line, col, "键必须是简单文字", path))
                    continue
                key = key_node.value
                if key == "<<" and key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                if key in seen:
                    first = seen[key].start_mark.line + 1
                    line, col = _mark(key_node)
                    loaded.problems.append(_problem(src, line, col,
                                                    f"字段重复（第 {first} 行已写过），YAML 只会保留后一个，请删去或合并其中一个", path + (key,)))
                    continue
                seen[key] = key_node
                loaded.key_positions[path + (key,)] = _mark(key_node)
                stack.append((value_node, path + (key,)))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in reversed(list(enumerate(node.value))):
                stack.append((item, path + (i,)))


def _parse(text: str, source: str, positions: bool) -> Loaded:
    text = prepare_text(text, source)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        loaded = Loaded(source, None)
        if node is not None:
            # an alias needs an anchor (&name): text without "&" has no alias to bomb or to loop
            if "&" in text and _expanded_size(node, source) > _distinct_nodes(node) + MAX_ALIAS_NODES:
                anchor = _first_alias(node)
                line, col = _mark(anchor) if anchor is not None else (1, 1)
                raise YamlProblems([_problem(source, line, col,
                                             f"锚点与别名（&、*）展开后过大（超过 {MAX_ALIAS_NODES} 项），请直接写出内容")])
            if positions:
                _walk(node, loaded)
            loaded.data = loader.construct_document(node)
        return loaded
    except yaml.YAMLError as exc:
        line, col = _error_location(exc)
        if isinstance(exc, yaml.reader.ReaderError):
            line, col = _line_col(text, exc.position)
        raise YamlProblems([_problem(source, line, col, yaml_message(exc, text))])
    except RecursionError:
        raise YamlProblems([_problem(source, 1, 1, f"嵌套层数太多，事实表不需要这么深")])
    finally:
        loader.dispose()


def _first_alias(root: yaml.Node) -> yaml.Node | None:
    """The first node reached twice (an alias target), for the location of an alias-bomb message."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return node
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            for k, v in reversed(node.value):
                stack.extend((v, k))
    return None


def load_yaml(text_or_bytes: str | bytes, source: str | Path, *, positions: bool = True,
              error: type[DrafterError] = InputError, limit: int = MAX_BYTES) -> Loaded:
    """Parse YAML text or bytes; raises `error` (InputError, or TemplateError for template files) with located Problems.

    Non-fatal problems (duplicate keys) are in `Loaded.problems`; the caller decides.
    An empty document loads as data None.
    """
    source = str(source)
    try:
        text = decode(text_or_bytes, source) if isinstance(text_or_bytes, (bytes, bytearray)) else text_or_bytes
        if len(text) > limit:
            raise YamlProblems([_problem(source, None, None, f"文件太大（超过 {limit / (1024 * 1024):g} MB）")])
        return _parse(text, source, positions)
    except YamlProblems as exc:
        raise error("\n".join(str(p) for p in exc.problems), exc.problems) from None


def read_file(path: Path | str, *, error: type[DrafterError] = InputError, what: str = "文件",
              limit: int = MAX_BYTES) -> bytes:
    """read_bytes, failing with `error` (TemplateError for drafter's own files)."""
    try:
        return read_bytes(path, limit, what)
    except InputError as exc:
        if error is InputError:
            raise
        raise error(exc.message, exc.problems) from None


def load_file(path: Path | str, *, positions: bool = True, error: type[DrafterError] = InputError,
              what: str = "文件", limit: int = MAX_BYTES) -> Loaded:
    """read_file + load_yaml: the whole road from a path to located data."""
    raw = read_file(path, error=error, what=what, limit=limit)
    return load_yaml(raw, path, positions=positions, error=error, limit=limit)


def load_derived(path: Path | str, kind: str, build: Callable[["Loaded"], Any], *,
                 error: type[DrafterError] = TemplateError, what: str = "文件", limit: int = MAX_BYTES) -> Any:
    """`build(load_file(path))` for drafter's own data files, kept between runs by the file's bytes (drafter.cache).

    Only plain data that built without error is kept, so a broken file is reported
    with its positions every time.
    """
    from . import cache

    raw = read_file(path, error=error, what=what, limit=limit)
    return cache.derived(kind, str(Path(path).resolve()), raw,
                         lambda: build(load_yaml(raw, path, error=error, limit=limit)))


# --- typed views for YAML that is configuration (template meta, styles) ------------

Check = Callable[[Any], "str | None"]


def kind_zh(value: Any) -> str:
    """What a value is, in the words of the messages (never a Python type name)."""
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "是/否"
    if isinstance(value, (int, float)):
        return "数字"
    if isinstance(value, str):
        return "文字"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "映射"
    return "其他"


def template_error(loaded: Loaded, path: FieldPath, message: str) -> TemplateError:
    """A TemplateError at a field of a template file: `file:line:col 字段: 说明`."""
    problem = Problem(loaded.locate(path), message)
    return TemplateError(str(problem), [problem])
