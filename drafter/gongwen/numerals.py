"""Chinese numerals both ways, written once.

`int_to_cn` is what a template prints (counts, ordinals, 第十八届);
`cn_to_int` is what a reader parses (一是, 第十四条, 二十届). `count_cn` is the
form before a measure word: 两个, 两件 — never 二个.
"""
from __future__ import annotations

import re

_DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ["", "十", "百", "千"]
_BIG_UNITS = ["", "万", "亿", "万亿"]
_VALUE = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}
CN_DIGITS = "一二三四五六七八九十"
_CN_NUMBER = re.compile(r"^[〇零一二两三四五六七八九十百千]+$")


def _below_10000(n: int) -> str:
    out: list[str] = []
    zero = False
    for pos in range(3, -1, -1):
        d = (n // 10**pos) % 10
        if d == 0:
            if out:
                zero = True
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_DIGITS[d] + _SMALL_UNITS[pos])
    return "".join(out)


def int_to_cn(n: int) -> str:
    """1→一, 10→十, 11→十一, 21→二十一, 105→一百零五, 20000→二万."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise ValueError(f"需要整数，得到 {n!r}")
    if n < 0:
        return "负" + int_to_cn(-n)
    if n == 0:
        return "零"
    groups: list[int] = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    parts: list[str] = []
    need_zero = False
    for idx in range(len(groups) - 1, -1, -1):
        g = groups[idx]
        if g == 0:
            need_zero = bool(parts)
            continue
        if parts and (need_zero or g < 1000):
            parts.append("零")
        parts.append(_below_10000(g) + _BIG_UNITS[idx])
        need_zero = False
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


def count_cn(n: int) -> str:
    """A count before a measure word: 2 → 两 (两个、两件、两项), otherwise as int_to_cn."""
    return "两" if n == 2 else int_to_cn(n)


def cn_to_int(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105, Arabic digits too; None when not a number."""
    s = s.strip()
    if s.isdigit() and s.isascii():
        return int(s)
    if not s or not _CN_NUMBER.match(s):
        return None
    if len(s) == 1 and s in _VALUE:
        return _VALUE[s]
    total, digit, last_unit = 0, None, 10_000
    for ch in s:
        if ch in _VALUE:
            if digit is not None and _VALUE[ch] != 0:
                return None  # two digits in a row: 二三 is not a number
            digit = _VALUE[ch] if _VALUE[ch] else None
        else:
            unit = _UNIT[ch]
            if unit >= last_unit:
                return None
            total += (digit if digit is not None else 1) * unit
            digit, last_unit = None, unit
    return total + (digit or 0)
