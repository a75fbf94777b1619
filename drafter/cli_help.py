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
_SECTION_RE = lazy(r"^(\s*)(Options|Arguments|Commands):$", re.M)
_DEFAULT_RE = lazy(r"\[default: ([^\]]*)\]")


def to_chinese(text: str) -> str:
    """click/typer help text with its English frame words in Chinese."""
    for en, zh in _WORDS:
        text = text.replace(en, zh)
    text = _SECTION_RE.sub(lambda m: f"{m.group(1)}{_SECTIONS[m.group(2)]}：", text)
    return _DEFAULT_RE.sub(lambda m: f"[默认：{m.group(1)}]", text)


def install(context_class: type) -> None:
    """Make every help formatter of this click Context class (and its subclasses) speak Chinese."""
    base = context_class.formatter_class

    class ChineseHelpFormatter(base):  # type: ignore[misc, valid-type]
        def getvalue(self) -> str:
            return to_chinese(super().getvalue())

    context_class.formatter_class = ChineseHelpFormatter
