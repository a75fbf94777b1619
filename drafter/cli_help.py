"""Help texts wholly in Chinese: the one place where click's English help words are translated.

typer builds help with click's HelpFormatter; every formatter a Context makes
is a `ChineseHelpFormatter`, which translates the fixed words (Usage, Options,
Arguments, Commands, the help option, [required], [default: …], type metavars)
when the text is taken. Command and option texts are already Chinese.
"""
from __future__ import annotations

import re
from .lazyre import lazy

# Whole words and fixed phrases click and typer print around our Chinese texts.
_WORDS: tuple[tuple[str, str], ...] = (
    ("Show this message and exit.", "显示本帮助并退出。"),
    ("Show the version and exit.", "显示版本号并退出。"),
    ("Usage:", "用法："),
    ("[OPTIONS]", "[选项]"),
    ("[COMMAND] [ARGS]...", "[命令] [参数]…"),
    ("COMMAND [ARGS]...", "命令 [参数]…"),
    ("[required]", "[必填]"),
    ("FILE:FIELD", "文件:字段"),
    ("<list[Path]>", "<路径…>"),
    ("<list[str]>", "<文字…>"),
    ("<path>", "<路径>"),
    ("<str>", "<文字>"),
    ("<int>", "<整数>"),
    ("<float>", "<数字>"),
    ("<text>", "<文字>"),
    ("<integer>", "<整数>"),
    ("}...", "}…"),
    ("]...", "]…"),
)
_SECTIONS = {"Options": "选项", "Arguments": "参数", "Commands": "命令"}
# click's type names, shown after options (-o, --output PATH)
_METAVARS = {"PATH": "路径", "TEXT": "文字", "INTEGER": "整数", "FLOAT": "数字", "FILENAME": "文件名",
             "FILE": "文件", "DIRECTORY": "文件夹", "BOOLEAN": "是/否"}
_METAVAR_RE = lazy(r"(?<![A-Za-z_./-])(" + "|".join(sorted(_METAVARS, key=len, reverse=True)) + r")(?![A-Za-z_./-])")
# a line never starts with closing punctuation (the line-breaking rule of Chinese typesetting)
_NO_LINE_START = frozenset("，。、；：？！）》」』”’…%")
_TOKEN = lazy(r"[!-~]+ *| +|.")  # a run of ASCII (a word, a path, an option) with its spaces, or one character
_SECTION_RE = lazy(r"^(\s*)(Options|Arguments|Commands):$", re.M)
_DEFAULT_RE = lazy(r"\[default: ([^\]]*)\]")


def to_chinese(text: str) -> str:
    """click/typer help text with its English frame words in Chinese."""
    for en, zh in _WORDS:
        text = text.replace(en, zh)
    text = _SECTION_RE.sub(lambda m: f"{m.group(1)}{_SECTIONS[m.group(2)]}：", text)
    text = _METAVAR_RE.sub(lambda m: _METAVARS[m.group(1)], text)
    return _DEFAULT_RE.sub(lambda m: f"[默认：{m.group(1)}]", text)


def display_width(text: str) -> int:
    """Columns a terminal gives the text: two for each Chinese character."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns, broken between characters (Chinese) or words (ASCII)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line, used = "", 0
        for token in _TOKEN.findall(paragraph):
            size = display_width(token.rstrip())
            if line and used + size > width and token[0] not in _NO_LINE_START:
                lines.append(line.rstrip())
                line, used, token = "", 0, token.lstrip()
            line += token
            used += display_width(token)
        lines.append(line.rstrip())
    return lines


def install(context_class: type) -> None:
    """Make every help formatter of this click Context class (and its subclasses) speak Chinese."""
    base = context_class.formatter_class

    class ChineseHelpFormatter(base):  # type: ignore[misc, valid-type]
        def getvalue(self) -> str:
            return to_chinese(super().getvalue())

        def write_text(self, text: str) -> None:
            """A command's description, wrapped in terminal columns like the table below it."""
            indent = " " * self.current_indent
            paragraphs = [p for p in to_chinese(text).split("\n\n")]
            self.write("\n\n".join("\n".join(indent + line for line in wrap(p, max(self.width - self.current_indent, 11)))
                                   for p in paragraphs) + "\n")

        def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
            """click's option and command table, measured in terminal columns (click counts characters,
            so a Chinese metavar pushed its row out of line and Chinese texts ran past the window)."""
            rows = [(to_chinese(first), to_chinese(second)) for first, second, *_ in rows]
            column = min(max((display_width(first) for first, _ in rows), default=0), col_max) + col_spacing
            indent = " " * self.current_indent
            for first, second in rows:
                self.write(indent + first)
                if not second:
                    self.write("\n")
                    continue
                used = display_width(first)
                self.write(" " * (column - used) if used <= column - col_spacing else "\n" + indent + " " * column)
                lines = wrap(second, max(self.width - column - 2, 10))
                self.write(("\n" + indent + " " * column).join(lines) + "\n")

    context_class.formatter_class = ChineseHelpFormatter
