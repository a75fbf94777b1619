"""stale-term: slogans of a past period and lists of plenary sessions that the year has overtaken.

- a slogan whose period is over (drafter/data/eras.yaml `formulas`): 贯彻落实科学发展观
  as the current task, 又好又快, 新常态 — in a draft about a later year;
- a list of the Central Committee's plenary sessions studied as the current spirit
  (党的二十大和二十届二中、三中全会精神) when a later session of the same Committee had
  already been held: before the report year → error; during it → warning (a plan
  written at the start of that year could still be right).
The report year is the year the draft is about (doc.year), as for stale-formula.
"""
from __future__ import annotations

import re

from ...gongwen.eras import load
from ...gongwen.numerals import cn_to_int
from ..finding import ERROR, WARNING
from ..text import Doc, excerpt, sentences

RULE = "stale-term"

_PLENUM_LIST = re.compile(
    r"(?<![一二三四五六七八九十])(十[五六七八九]|二十)届((?:[一二三四五六七]中(?:全会)?[、，,和及与]?)+)全会"
)
_PLENUM_NO = re.compile(r"([一二三四五六七])中")
_CURRENT = re.compile(r"贯彻|学习|落实|领会|精神")
_HISTORY = re.compile(r"以来|期间|回顾|历程|自从|当年|那时|曾")


def check(doc: Doc) -> None:
    if doc.year is None:
        return
    year = doc.year
    eras = load()
    for no, text in doc.lines:
        for start, _end, sent in sentences(text):
            _slogans(doc, no, text, start, sent, year)
            _plenum_lists(doc, no, text, start, sent, year, eras)


def _slogans(doc: Doc, no: int, text: str, offset: int, sent: str, year: int) -> None:
    for span in load().formulas:
        for pattern in span.patterns:
            at = sent.find(pattern)
            if at < 0:
                continue
            before = sent[max(0, at - 10):at]
            if span.end is not None and year > span.end + span.grace and not _HISTORY.search(before):
                doc.add(no, RULE, ERROR,
                        f"时代用语过时：“{pattern}”是{span.start_text}至{span.end_text}前后的提法，不宜出现在{year}年的文稿中",
                        excerpt(text, offset + at, offset + at + len(pattern)))
            elif span.start > year + 1:
                doc.add(no, RULE, ERROR, f"时代用语超前：“{pattern}”始于{span.start_text}，晚于报告年度{year}年",
                        excerpt(text, offset + at, offset + at + len(pattern)))
            break


def _plenum_lists(doc: Doc, no: int, text: str, offset: int, sent: str, year: int, eras) -> None:
    for m in _PLENUM_LIST.finditer(sent):
        congress = eras.congress(cn_to_int(m.group(1)) or 0)
        listed = [cn_to_int(k) for k in _PLENUM_NO.findall(m.group(2))]
        if congress is None or not listed or not _CURRENT.search(sent[max(0, m.start() - 20):m.end() + 4]):
            continue
        if _HISTORY.search(sent[max(0, m.start() - 8):m.start()] + sent[m.end():m.end() + 3]):
            continue
        # only a list studied as the current spirit: 二十届二中、三中全会精神 / 二十大和二十届三中全会精神
        if len(listed) < 2 and not re.search(r"大和(?:党的)?$", sent[max(0, m.start() - 4):m.start()]):
            continue
        later = [(k, d) for k, d in congress.plenums.items() if k > max(listed) and k > 1 and int(d[:4]) <= year]
        if not later:
            continue
        k, date = min(later)
        held = f"{date[:4]}年{int(date[5:7])}月"
        name = f"{m.group(1)}届{'一二三四五六七'[k - 1]}中全会"
        severity = ERROR if int(date[:4]) < year else WARNING
        doc.add(no, RULE, severity, f"全会精神的列举已过时：{name}已于{held}召开，{year}年的文稿仍写“{m.group(0)}”",
                excerpt(text, offset + m.start(), offset + m.end()))
