"""Jinja filters: small pure functions that turn fact-sheet values into 公文 wording.

Every number a template prints goes through one of these, so the template
itself never invents a figure.
"""
from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal, InvalidOperation

from .gongwen.levels import LEVEL_WORD
from .gongwen.numbering import format_marker
from .gongwen.numerals import count_cn, int_to_cn
from .lazyre import lazy


def cn_number(value: int) -> str:
    """Chinese numeral for counts and numbering: 1→一, 10→十, 11→十一, 21→二十一, 105→一百零五."""
    return int_to_cn(_as_int(value, "cn_number"))


def cn_count(value: int) -> str:
    """A count before a measure word: 2 → 两 (两个方面、两件), otherwise as cn_number (十、二十二)."""
    return count_cn(_as_int(value, "cn_count"))


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


# Verbs that may lead an indicator (实现生产总值…) and verbs that follow its name (生产总值达到…).
_LEADING_VERBS = ("实现", "完成")


def indicator(item: dict, verb: str = "实现") -> str:
    """Indicator clause from {name, value, unit, change}: 实现生产总值73.1亿元，同比增长7.5%.

    实现/完成 lead only a figure that did not fall (实现…同比下降 is a wrong
    collocation: a fall is stated plainly, 生产总值68.2亿元，同比下降3.4%);
    any other verb (达到) follows the name: 生产总值达到78.6亿元.
    """
    name = item["name"]
    value = item.get("value")
    unit = item.get("unit", "")
    parts = []
    lead = item.get("verb", verb) or ""
    change = item.get("change")
    falling = change is not None and _decimal(change) < 0
    if value is not None:
        if lead in _LEADING_VERBS:
            parts.append(f"{'' if falling else lead}{name}{fmt_number(value)}{unit}")
        else:
            parts.append(f"{name}{lead}{fmt_number(value)}{unit}")
    else:
        parts.append(f"{name}")
    if change is not None:
        parts.append(change_phrase(change, item.get("basis", "同比")))
    # --- target against actual (issue 16; wording in drafter/gongwen/targets.py) ---
    from .gongwen.targets import growth_against_target

    against = growth_against_target(change, item.get("target"), item.get("basis", "同比"))
    if against:
        parts.append(against)
    # --- end target against actual ---
    return "，".join(parts)


def indicators(items: list[dict], verb: str = "实现") -> str:
    """Indicator sentence (without the final 。): the verb leads only the first clause, as in
    实现生产总值73.1亿元，同比增长7.5%；规模以上工业增加值30.08亿元，同比增长9.2%."""
    out = []
    for n, i in enumerate(items):
        first = verb if n == 0 else ""
        # a verb the clerk gave for one indicator is kept there; 实现 is said once, at the start
        item = i if n == 0 or i.get("verb") not in _LEADING_VERBS else {k: v for k, v in i.items() if k != "verb"}
        out.append(indicator(item, first))
    return "；".join(out)


# --- the direction of the year, from the figures ------------------------------------
OUTCOMES = ("growth", "mixed", "decline")


def outcome(indicators: object, override: object = None) -> str:
    """growth / mixed / decline: how the year went, by the indicators' changes and targets.

    An explicit override (review.outcome in the sheet) wins. Otherwise: the
    first (headline) indicator fell, or half or more fell → decline; none
    missed its target and at most a quarter fell (one minor fall among six
    indicators) → growth; anything else → mixed.
    Without any change or target the sheet claims nothing bad → growth.
    """
    if isinstance(override, str) and override in OUTCOMES:
        return override
    items = [i for i in (indicators or []) if isinstance(i, dict)] if isinstance(indicators, list) else []
    judged = [i for i in items if i.get("change") is not None]
    if not judged:
        return "growth"
    falls = [i for i in judged if _decimal(i["change"]) < 0]
    misses = [i for i in judged if i.get("target") is not None and _decimal(i["change"]) < _decimal(i["target"])]
    headline_falls = items[0].get("change") is not None and _decimal(items[0]["change"]) < 0
    if headline_falls or 2 * len(falls) >= len(judged):
        return "decline"
    if not misses and 4 * len(falls) <= len(judged):
        return "growth"
    return "mixed"


def falling_names(indicators: object) -> list[str]:
    """Names of the indicators that fell or missed their target, in sheet order."""
    out = []
    for i in indicators if isinstance(indicators, list) else []:
        if not isinstance(i, dict) or i.get("change") is None:
            continue
        change = _decimal(i["change"])
        if change < 0 or (i.get("target") is not None and change < _decimal(i["target"])):
            out.append(str(i["name"]))
    return out


def target_phrase(item: dict, basis: str = "") -> str:
    """A planned target: 地区生产总值增长8%左右 / 人口自然增长率控制在6‰以内 / 完成固定资产投资9685万元.

    basis="年均" for a five-year target: 生产总值年均增长6.5%左右.
    """
    name = item["name"]
    if item.get("growth") is not None:
        tail = item.get("qualifier", "")
        basis = "" if str(name).endswith(basis) else basis
        return f"{name}{basis}增长{fmt_number(item['growth'])}%{tail}"
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


# --- the unit and its organs -------------------------------------------------------
# A 民族乡 is a 乡; a 街道 is the 区/县 government's agency: an 办事处 under a 党工委, with no
# 人民政府 and no 人民代表大会 of its own.
_ORGANS = {
    "镇": {"party": "镇党委", "gov": "镇人民政府", "gov_short": "镇政府", "congress": "镇人大"},
    "乡": {"party": "乡党委", "gov": "乡人民政府", "gov_short": "乡政府", "congress": "乡人大"},
    "街道": {"party": "街道党工委", "gov": "街道办事处", "gov_short": "街道办事处", "congress": ""},
}
# The 55 minority nationalities' names as they appear in 民族乡 names (白岩彝族乡, 苗族侗族乡).
_ETHNIC = (
    "鄂伦春 达斡尔 柯尔克孜 乌孜别克 塔吉克 塔塔尔 维吾尔 哈萨克 俄罗斯 鄂温克 土家 布依 哈尼 傈僳 纳西 仡佬 拉祜 "
    "朝鲜 锡伯 撒拉 东乡 保安 裕固 景颇 独龙 普米 阿昌 基诺 德昂 布朗 毛南 仫佬 赫哲 门巴 珞巴 高山 蒙古 "
    "彝 回 满 苗 瑶 侗 壮 藏 畲 白 傣 黎 羌 水 佤 京 怒 土"
).split()
_UNIT_SUFFIX = lazy("(?:(?:" + "|".join(_ETHNIC) + ")族(?:、)?)*(?:民族乡|街道|镇|乡)$")
_ORGAN_AFTER_LEVEL = lazy(r"^(?:镇|乡|街道)(?=人大|党委|党工委|人民政府|政府|纪委|办事处|人民代表大会)")


def level_word(unit: object) -> str:
    """镇 / 乡 / 街道: the word in 全镇, 镇人大, 我乡 (a 民族乡 says 乡)."""
    level = unit.get("level") if isinstance(unit, dict) else None
    return LEVEL_WORD.get(str(level or "镇"), "镇")


def unit_short(unit: object) -> str:
    """The unit's short name: unit.short, else the name without level and nationality (白岩彝族乡 → 白岩)."""
    if not isinstance(unit, dict):
        return str(unit or "")
    if unit.get("short"):
        return str(unit["short"])
    name = str(unit.get("name") or "")
    short = _UNIT_SUFFIX.sub("", name)
    return short if len(short) >= 2 else name


def organs(unit: object, leadership: object = None) -> dict:
    """The unit's organs by level, the sheet's own names first (leadership.party, .supervisor).

    Keys: level (镇), scope (全镇), we (我镇), party (镇党委), gov (镇人民政府),
    gov_short (镇政府), congress (镇人大; empty for a 街道), short (青溪).
    """
    lv = level_word(unit)
    out = dict(_ORGANS[lv])
    ld = leadership if isinstance(leadership, dict) else {}
    if ld.get("party"):
        out["party"] = str(ld["party"])
    if ld.get("supervisor"):
        out["congress"] = str(ld["supervisor"])
    out.update(level=lv, scope=f"全{lv}", we=f"我{lv}", short=unit_short(unit))
    return out


def unit_post(post: object, unit: object) -> str:
    """A post to print after the unit's name, without doubling it: 河口乡 + 乡人大主席 → 人大主席.

    镇长 stays (青溪镇镇长 is the corpus's byline); only a level word naming an
    organ (乡人大、街道党工委) or the unit's own name is dropped.
    """
    text = str(post or "")
    name = str(unit.get("name") or "") if isinstance(unit, dict) else ""
    if name and text.startswith(name):
        text = text[len(name):]
    return _ORGAN_AFTER_LEVEL.sub("", text) if name.endswith(("镇", "乡", "街道")) else text


def local_body(text: object, unit: object) -> str:
    """A body's name said from inside the unit: 东关街道党工委 → 街道党工委, so a title adds the name once."""
    t = str(text or "")
    name = str(unit.get("name") or "") if isinstance(unit, dict) else ""
    return level_word(unit) + t[len(name):] if name and t.startswith(name) else t


def with_speaker_post(speaker: object, unit: object) -> object:
    """The speaker block with its post ready to follow the unit's name (see unit_post)."""
    if not isinstance(speaker, dict) or not speaker.get("post"):
        return speaker
    return {**speaker, "post": unit_post(speaker["post"], unit)}


def not_in_year_end(date: object, review: object) -> bool:
    """True when a meeting is held after the reviewed year (so 今年底 would name the wrong year)."""
    try:
        return year(date) > int(review)
    except (TypeError, ValueError):
        return False


def plan_starting(value: object) -> str:
    """The five-year plan that opens in this year (“十五五” for 2026), or "" (none, or no year given)."""
    from .gongwen import eras

    try:
        return eras.load().plan_starting(int(value))
    except (TypeError, ValueError):
        return ""


FILTERS = {
    "plan_starting": plan_starting,
    "cn_number": cn_number,
    "cn_ordinal": cn_ordinal,
    "cn_count": cn_count,
    "outcome": outcome,
    "falling_names": falling_names,
    "organs": organs,
    "level_word": level_word,
    "unit_short": unit_short,
    "unit_post": unit_post,
    "local_body": local_body,
    "with_speaker_post": with_speaker_post,
    "after_year": not_in_year_end,
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
