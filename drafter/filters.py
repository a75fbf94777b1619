"""Jinja filters: small pure functions that turn fact-sheet values into 公文 wording.

Every number a template prints goes through one of these, so the template
itself never invents a figure.
"""
from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal, InvalidOperation

from .gongwen.numbering import format_marker
from .gongwen.numerals import int_to_cn


def cn_number(value: int) -> str:
    """Chinese numeral for counts and numbering: 1→一, 10→十, 11→十一, 21→二十一, 105→一百零五."""
    return int_to_cn(_as_int(value, "cn_number"))


def _as_int(value: object, name: str) -> int:
    if isinstance(value, bool):
        raise ValueError(f"{name}: 需要整数，得到布尔值")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value.strip())
    raise ValueError(f"{name}: 需要整数，得到 {value!r}")


def cn_ordinal(value: int, style: str = "paren") -> str:
    """Heading ordinals: paren → （一）, comma → 一、, shi → 一是, di → 第一, arabic → 1., arabic_paren → （1）."""
    n = _as_int(value, "cn_ordinal")
    if style == "di":
        return f"第{int_to_cn(n)}"
    try:
        return format_marker(n, style)
    except ValueError as exc:
        raise ValueError(f"cn_ordinal: {exc}") from exc


def _decimal(value: object) -> Decimal:
    if isinstance(value, bool):
        raise ValueError("需要数值，得到布尔值")
    try:
        return Decimal(str(value).strip().rstrip("%"))
    except (InvalidOperation, AttributeError) as exc:
        raise ValueError(f"需要数值，得到 {value!r}") from exc


def fmt_number(value: object, digits: int | None = None) -> str:
    """Plain figure without trailing zeros or exponent: 73.10 → 73.1, 9300 → 9300."""
    d = _decimal(value)
    if digits is not None:
        d = d.quantize(Decimal(1).scaleb(-digits))
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def scale_amount(value: object, unit: str = "万元", digits: int = 2) -> str:
    """Amount in 元/万元 scaled to the unit a report would use: ≥1亿元 → X亿元, ≥1万元 → X万元.

    `unit` says what the input is measured in (元, 万元 or 亿元).
    """
    factors = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
    if unit not in factors:
        raise ValueError(f"scale_amount: 单位须为 元、万元 或 亿元，得到 {unit!r}")
    yuan = _decimal(value) * factors[unit]
    if abs(yuan) >= factors["亿元"]:
        return fmt_number(yuan / factors["亿元"], digits) + "亿元"
    if abs(yuan) >= factors["万元"]:
        return fmt_number(yuan / factors["万元"], digits) + "万元"
    return fmt_number(yuan, digits) + "元"


def change_phrase(change: object, basis: str = "同比") -> str:
    """A year-on-year change in words: 7.5 → 同比增长7.5%, -2.1 → 同比下降2.1%, 0 → 与上年持平."""
    d = _decimal(change)
    if d == 0:
        return "与上年持平"
    verb = "增长" if d > 0 else "下降"
    return f"{basis}{verb}{fmt_number(abs(d))}%"


def indicator(item: dict, verb: str = "实现") -> str:
    """Indicator clause from {name, value, unit, change}: 实现生产总值73.1亿元，同比增长7.5%."""
    name = item["name"]
    value = item.get("value")
    unit = item.get("unit", "")
    parts = []
    lead = item.get("verb", verb)
    if value is not None:
        parts.append(f"{lead}{name}{fmt_number(value)}{unit}")
    else:
        parts.append(f"{name}")
    if item.get("change") is not None:
        parts.append(change_phrase(item["change"], item.get("basis", "同比")))
    return "，".join(parts)


def indicators(items: list[dict], verb: str = "实现") -> str:
    """Indicator sentence (without the final 。): the verb leads only the first clause, as in
    实现生产总值73.1亿元，同比增长7.5%；规模以上工业增加值30.08亿元，同比增长9.2%."""
    return "；".join(indicator(i, verb if n == 0 else "") for n, i in enumerate(items))


def target_phrase(item: dict) -> str:
    """A planned target: 地区生产总值增长8%左右 / 人口自然增长率控制在6‰以内 / 完成固定资产投资9685万元."""
    name = item["name"]
    if item.get("growth") is not None:
        tail = item.get("qualifier", "")
        return f"{name}增长{fmt_number(item['growth'])}%{tail}"
    if item.get("limit") is not None:
        return f"{name}控制在{item['limit']}以内"
    if item.get("value") is not None:
        return f"{name}{item.get('verb', '达到')}{fmt_number(item['value'])}{item.get('unit', '')}"
    if item.get("text"):
        return f"{name}{item['text']}"
    return str(name)


def cn_date(value: object) -> str:
    """Date as 2025年1月10日 (no zero padding); accepts date objects and 2025-01-10 strings."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", text)
    if m:
        y, mo, d = (int(x) for x in m.groups())
        _dt.date(y, mo, d)  # validates, raising ValueError on 2025-02-30
        return f"{y}年{mo}月{d}日"
    m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})月?", text)
    if m:
        return f"{int(m.group(1))}年{int(m.group(2))}月"
    raise ValueError(f"cn_date: 无法识别的日期 {value!r}（应写作 2025-01-10）")


def year(value: object) -> int:
    """The year of a date value or a year string, as an integer."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.year
    m = re.match(r"\s*(\d{4})", str(value))
    if not m:
        raise ValueError(f"year: 无法识别的年份 {value!r}")
    return int(m.group(1))


def join_cn(items: list, sep: str = "、", last: str | None = None) -> str:
    """Join with 、 (optionally a different last joiner: 和/及)."""
    words = [str(i) for i in items]
    if last and len(words) > 1:
        return sep.join(words[:-1]) + last + words[-1]
    return sep.join(words)


def end_sentence(text: object, mark: str = "。") -> str:
    """Ensure one closing punctuation mark: clerks type facts with or without it."""
    s = str(text).rstrip()
    if not s:
        return s
    if s[-1] in "。！？；：!?;:…":
        return s
    return s + mark


def strip_end(text: object) -> str:
    """Drop trailing sentence punctuation, for a fact used inside a longer sentence."""
    return str(text).rstrip().rstrip("。！？；，、,.;!?")


FILTERS = {
    "cn_number": cn_number,
    "cn_ordinal": cn_ordinal,
    "num": fmt_number,
    "amount": scale_amount,
    "change": change_phrase,
    "indicator": indicator,
    "indicators": indicators,
    "target": target_phrase,
    "cn_date": cn_date,
    "year": year,
    "join_cn": join_cn,
    "end": end_sentence,
    "strip_end": strip_end,
}
