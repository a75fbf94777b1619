"""Which year a draft is about: the year the rules compare era cues with.

Convention: the report year is the year the content reviews (the review year).
A 政府工作报告 delivered in January 2025 reviews 2024, so its year is 2024;
its plan part (2025) is covered by the rules reading 今年 as year or year+1.
Order of evidence: a review heading (2024年工作回顾), the opening formula
(向大会报告2024年政府工作), the meeting date line (2025年1月10日在…会议上:
January–March → the year before), the title (2024年度…; X年政府工作报告 → X-1).
"""
from __future__ import annotations

import re
from ..lazyre import lazy

_CN = "一二三四五六七八九十"
_REVIEW = lazy(
    rf"^\s*(?:[{_CN}]+、|[（(][{_CN}]+[）)])?\s*((?:19|20)\d\d)\s*年度?的?(?:政府|人大|全镇|全乡)?工作(?:回顾|总结|情况)"
)
_OPENING = lazy(r"报告((?:19|20)\d\d)年度?(?:的)?(?:政府|人大)?工作")
_MEETING = lazy(r"((?:19|20)\d\d)年(\d{1,2})月(?:\d{1,2}日)?在.{0,40}(?:会议|大会)")
_TITLE_YEAR = lazy(r"((?:19|20)\d\d)\s*(年度|年)?")
HEAD_LINES = 10


def detect_year(lines: list[tuple[int, str]]) -> int | None:
    """The review year of a draft, or None when nothing in it says."""
    texts = [t.strip() for _no, t in lines if t.strip()]
    for t in texts:
        m = _REVIEW.match(t)
        if m and len(t) <= 40:
            return int(m.group(1))
    head = texts[:HEAD_LINES]
    for t in head:
        m = _OPENING.search(t)
        if m:
            return int(m.group(1))
    for t in head:
        m = _MEETING.search(t)
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            return year - 1 if month <= 3 else year
    for t in texts[:3]:
        m = _TITLE_YEAR.search(t)
        if m and len(t) <= 60:
            year = int(m.group(1))
            if m.group(2) != "年度" and "政府工作报告" in t:
                return year - 1
            return year
    return None


def factsheet_year(data: object) -> int | None:
    """period.review, then year / period.year / period.years of a loaded fact sheet."""
    if not isinstance(data, dict):
        return None
    period = data.get("period") if isinstance(data.get("period"), dict) else {}
    for value in (period.get("review"), data.get("year"), period.get("year"), period.get("years")):
        m = re.search(r"(?:19|20)\d\d", str(value)) if value is not None else None
        if m:
            return int(m.group())
    return None
