"""Placeholders and slots: one vocabulary for blanks in past reports and variable parts of formulas.

Past reports carry template blanks (`__`, `XX`, `20xx`, `×××`); cleaning
turns them into typed slots, mining turns the variable parts of formulas into
the same slots, and drafting fills them from the fact sheet. Lint reports any
slot or blank left in a draft.
"""
from __future__ import annotations

import re

# slot name → what fills it (drafting) / what it stood for (mining)
SLOTS: dict[str, str] = {
    "年份": "a year with 年 (2024年), from period.review / period.plan",
    "数字": "a number (count, amount, rate)",
    "单位": "the town itself (unit.name or its short form)",
    "名称": "any other name left blank",
    "会议": "the session (第十八届人大第五次会议)",
    "领导": "the leadership chain (县委、县政府和镇党委)",
    "地名": "a place above the town (county, city) — never filled: entries with it do not fit",
}
SLOT_RE = re.compile(r"\{(" + "|".join(SLOTS) + r")\}")
ANY_SLOT_RE = re.compile(r"\{[^{}\s]{1,8}\}")

# A template blank: underscores, XX, ×× (not inside Latin words).
BLANK = r"(?:_+|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|×{2,}|＿+)"
BLANK_RE = re.compile(BLANK)
# Blanks typed by what follows or precedes them, first match wins.
TYPED_BLANKS: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"20(?:_+|[Xx]{2}|×{2})\s*年?"), "{年份}"),
    (re.compile(BLANK + r"\s*年"), "{年份}"),
    (re.compile(BLANK + r"\s*(?=[镇乡村县市州区省])"), "{单位}"),
    (re.compile(BLANK + r"(?=\s*[%‰万亿元个人户名条件项公里米吨家所次届大千百])"), "{数字}"),
    (re.compile(r"(?<=[\d.增长达到为约共计完成投资])" + BLANK), "{数字}"),
    (BLANK_RE, "{名称}"),
)


def type_blanks(text: str) -> tuple[str, int]:
    """Template blanks → typed slots; returns the text and how many were replaced."""
    n = 0
    for pattern, slot in TYPED_BLANKS:
        text, k = pattern.subn(slot, text)
        n += k
    text = re.sub(r"(\{[^{}]+\})\s+(?=\{)", r"\1", text)
    return text, n
