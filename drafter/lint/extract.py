"""Any draft → numbered text lines: (line number, text) pairs the rules read.

Line numbers are what a clerk can find again: the source line for .txt/.md,
the paragraph number (1-based, over document.paragraphs) for .docx, and the
YAML line of each string value for a fact sheet.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
DOCX_SUFFIXES = {".docx"}
YAML_SUFFIXES = {".yaml", ".yml"}
SUPPORTED = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | DOCX_SUFFIXES | YAML_SUFFIXES


def _check_file(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path}: 文件不存在")
    if not path.is_file():
        raise InputError(f"{path}: 不是文件（是文件夹或特殊文件）")
    if path.suffix.lower() not in SUPPORTED:
        raise InputError(
            f"{path}: 不支持的文件类型“{path.suffix or '（无扩展名）'}”；"
            "可检查 .docx、.md、.txt 文稿和 .yaml/.yml 事实表"
        )


MAX_DRAFT_BYTES = 64 * 1024 * 1024  # a draft is well under 1 MB; bigger is a mistake, not a report


def read_text(path: Path) -> str:
    """Decode a text file: UTF-8 (with or without BOM), else GB18030; else an InputError."""
    from ..fileio import read_regular  # regular files only, size-limited (a FIFO or /dev/zero never hangs)

    data = read_regular(path, MAX_DRAFT_BYTES, "文稿")
    if b"\x00" in data:
        raise InputError(f"{path}: 无法解码为文本（像是二进制文件；请另存为 UTF-8 编码的纯文本）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: 无法解码为文本（既不是 UTF-8 也不是 GBK/GB18030 编码）")


def text_lines(text: str) -> list[tuple[int, str]]:
    """Every line of a plain text, numbered from 1 (blank lines kept as "")."""
    return [(i, line.rstrip("\r")) for i, line in enumerate(text.split("\n"), 1)]


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_HEADING_CLOSE = re.compile(r"\s+#+\s*$")
_MD_BULLET = re.compile(r"^\s*(?:[-*+]|>+)\s+")
_MD_EMPHASIS = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_CODE = re.compile(r"`([^`]*)`")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")


def markdown_lines(text: str) -> list[tuple[int, str]]:
    """Markdown with minimal markup stripped: heading #s, bullets, *emphasis*, links, code.

    Underscores are left alone on purpose: in a Chinese draft `__` is far more
    often a placeholder (`__镇`) than emphasis, and the placeholder rule must see it.
    Fenced code blocks and front matter are blanked, keeping line numbers.
    """
    out: list[tuple[int, str]] = []
    fenced = False
    lines = text_lines(text)
    front = bool(lines) and lines[0][1].strip() == "---"
    for no, line in lines:
        if front:
            out.append((no, ""))
            if no > 1 and line.strip() in ("---", "..."):
                front = False
            continue
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            out.append((no, ""))
            continue
        if fenced or _MD_RULE.match(line):
            out.append((no, ""))
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            line = _MD_HEADING_CLOSE.sub("", line[heading.end():])
        line = _MD_BULLET.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_CODE.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        out.append((no, line.rstrip()))
    return out


def docx_lines(path: Path) -> list[tuple[int, str]]:
    """The paragraphs of a Word file, numbered 1.. over document.paragraphs."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from ..zipguard import check_zip

    check_zip(path)  # part sizes and compression ratio before anything is inflated
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path}: 无法打开 Word 文档（文件损坏或不是 .docx 格式）") from exc
    except Exception as exc:  # lxml errors inside a damaged package
        raise InputError(f"{path}: 无法打开 Word 文档（{type(exc).__name__}：文件可能已损坏）") from exc
    return [(i, p.text) for i, p in enumerate(document.paragraphs, 1)]


def yaml_values(path: Path) -> tuple[list[tuple[int, str]], object]:
    """The string values of a fact sheet as numbered lines, plus the loaded data.

    Each scalar string is placed at its YAML line (from compose() node marks);
    a block scalar (`|`, `>`) contributes one line per text line, starting on
    the line after its indicator. Keys, numbers, dates and booleans are skipped.
    """
    from .. import yamlio

    try:  # the one loader's reading rules: regular files, size limit, encodings named
        text = yamlio.decode(yamlio.read_bytes(path, yamlio.MAX_BYTES, "事实表"), str(path))
    except yamlio.YamlProblems as exc:
        raise InputError(str(exc.problems[0]), exc.problems) from None
    return yaml_text_values(text, str(path))


def yaml_text_values(text: str, source: str) -> tuple[list[tuple[int, str]], object]:
    """yaml_values for a fact sheet's text already in memory (the web page, `check`)."""
    import yaml

    from .. import yamlio

    path = source
    try:  # the one loader: the same rules (characters, numbers, depth, aliases) as check and render
        data = yamlio.load_yaml(text, path, positions=False).data
        root = yaml.compose(yamlio.prepare_text(text, str(path)), Loader=yamlio.Loader)
    except InputError as exc:
        first = exc.problems[0] if exc.problems else None
        why = (first.message if first else exc.message).replace("YAML 语法错误：", "")
        raise InputError(f"{first.location.prefix() if first else path}: YAML 格式错误（{why}）") from None
    lines: list[tuple[int, str]] = []

    def walk(node) -> None:
        if isinstance(node, yaml.MappingNode):
            for _key, value in node.value:
                walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
            first = node.start_mark.line + 1
            node.value = yamlio.LINE_BREAKS.sub("\n", node.value.replace(yamlio.SENTINEL, "\n"))
            if node.style in ("|", ">"):
                for i, part in enumerate(node.value.split("\n")):
                    if part.strip():
                        lines.append((first + 1 + i, part))
            elif node.value.strip():
                lines.append((first, node.value))

    if root is not None:
        walk(root)
    lines.sort(key=lambda pair: pair[0])
    return lines, data


def path_lines(path: Path) -> list[tuple[int, str]]:
    """Dispatch on the extension: .docx, .md, .txt (fact sheets go through yaml_values)."""
    _check_file(path)
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES:
        return docx_lines(path)
    if suffix in MARKDOWN_SUFFIXES:
        return markdown_lines(read_text(path))
    if suffix in YAML_SUFFIXES:
        return yaml_values(path)[0]
    return text_lines(read_text(path))
