"""stale-formula: era cues that do not fit the report year (N14 year rewriting, copied old reports).

Everything date-bound comes from drafter/data/eras.yaml. `doc.year` is the
year the report's content is about (its review year); relative words are
read generously because a report is delivered early in the following year:
今年 = year or year+1, 明年/来年/新的一年 = year+1 or year+2, 去年 = year-1 or year.
An explicit `2024年是…` in the same sentence is checked strictly against itself,
so it needs no report year at all.
"""
from __future__ import annotations

import re

from ...gongwen.eras import Eras, Span, load
from ..finding import ERROR, WARNING
from ..text import Doc, cn_to_int, excerpt, sentences

RULE = "stale-formula"

_NUM_CN = "一二三四五六七八九十"
_CONGRESS = re.compile(r"(?<![一二三四五六七八九十])(十[五六七八九]|二十)大(?!会|小|学|队|街|道|类|项|行动|工程|专项|重点)")
_PLENUMS = re.compile(
    r"(?<![一二三四五六七八九十])(十[五六七八九]|二十)届"
    r"((?:[一二三四五六七]中(?:全会)?[、，,和及与]?)*)全会"
)
_PLENUM_NO = re.compile(r"([一二三四五六七])中")
_PLAN = re.compile(r"(?<![一二三四五六七八九十])(十[一二三四五]五)(?![一二三四五六七八九十年届大])")
_SUBJECT = re.compile(r"(?:((?:19|20)\d\d)\s*年度?|(今年|明年|来年|去年|新的一年))[，,\s]?(?:既)?(?:是|为)")
_FIRST = re.compile(r"开局之年|开局年|起步之年|开篇之年|第一年|首年|开局的一年")
_LAST = re.compile(r"收官之年|收官年|最后一年|末年|收官的一年")
_NTH = re.compile(r"第([二三四五])年")
_PREPARE = re.compile(r"(?:谋划|编制|迎接|筹划|衔接|启动|开启|展望|谋篇|研究|起草)[“”\s]*$")
# “十五五”规划谋篇布局之年: the year before a plan prepares it
_PREPARE_AFTER = re.compile(r"^[”\s]*(?:规划|时期)?(?:的)?(?:谋篇布局|谋篇|谋划|编制|前期|起草|衔接|布局)")
# 过去五年 / 五年来 / “十四五”时期: the report reviews a whole term, so that term's campaigns are current
_TERM_REVIEW = re.compile(r"过去(?:的)?五年|近五年|这五年|五年来|五年间|本届(?:政府|人大)?(?:任期|以来)|"
                          r"(?<![一二三四五六七八九十])十[一二三四五]五”?(?:时期|期间|以来)")
_GUIDANCE = re.compile(r"为指导|为统领|为指针|旗帜|指导思想")
_STUDY = re.compile(r"精神|学习|贯彻|传达|召开|落实|为指导")
_HISTORY = re.compile(r"以来|成果|期间|回顾|历程|自从")
_ANNIV_NUM = r"(\d{1,3}|[一二三四五六七八九十百零]{1,5})"


def _q(name: str) -> str:
    """Quote a name unless it already carries its own quotes (“三严三实”专题教育)."""
    return name if name.startswith("“") else f"“{name}”"


def _relative(word: str, year: int) -> set[int]:
    return {"今年": {year, year + 1}, "去年": {year - 1, year}}.get(word, {year + 1, year + 2})


def _subject_years(sent: str, pos: int, year: int | None) -> tuple[set[int] | None, bool]:
    """Years the sentence says it is about (last `X年是` before pos); (None, False) if none."""
    found = None
    for m in _SUBJECT.finditer(sent[:pos]):
        found = m
    if found is None:
        return None, False
    if found.group(1):
        return {int(found.group(1))}, True
    if year is None:
        return None, False
    return _relative(found.group(2), year), True


def _cn_or_int(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if s.startswith(("一百", "百")):
        rest = s.split("百", 1)[1].lstrip("零")
        return 100 + (cn_to_int(rest) or 0) if rest else 100
    return cn_to_int(s)


def review_start(doc: Doc) -> int | None:
    """First year the report reviews: its year, or four years earlier when it reviews a five-year term."""
    if doc.year is None:
        return None
    for _no, text in doc.lines:
        if _TERM_REVIEW.search(text):
            return doc.year - 4
    return doc.year


def check(doc: Doc) -> None:
    eras = load()
    since = review_start(doc)
    anniv = re.compile(
        "(" + "|".join(p for _n, pats, _b in eras.anniversaries for p in pats) + r")第?" + _ANNIV_NUM + "周年"
    )
    for no, text in doc.lines:
        said: set[str] = set()  # one finding per message per line (a paragraph may repeat a cue)
        for start, _end, sent in sentences(text):
            hit = _Hit(doc, no, text, start, sent, said)
            hit.since = since
            _plans(hit, eras)
            _anniversaries(hit, eras, anniv)
            if doc.year is not None:
                _congresses(hit, eras)
                _spans(hit, eras.campaigns, "集中教育", hit.since)
                _spans(hit, eras.leaders, "称谓")
                _theories(hit, eras)


class _Hit:
    """One sentence being checked, with a helper to report at a span of it."""

    def __init__(self, doc: Doc, no: int, text: str, offset: int, sent: str, said: set[str]):
        self.doc, self.no, self.text, self.offset, self.sent = doc, no, text, offset, sent
        self.year, self.said = doc.year, said
        self.since = doc.year

    def add(self, start: int, end: int, message: str, severity: str = ERROR) -> None:
        if message in self.said:
            return
        self.said.add(message)
        self.doc.add(self.no, RULE, severity, message,
                     excerpt(self.text, self.offset + start, self.offset + end))


def _congresses(hit: _Hit, eras: Eras) -> None:
    year = hit.year
    latest = max((c for c in eras.congresses if c.year <= year), key=lambda c: c.year, default=None)
    now = f"{year}年党的最近一次全国代表大会是{latest.name}（{latest.year}年）" if latest else ""
    mentions: list[tuple[int, int, int, list[int]]] = []
    for m in _PLENUMS.finditer(hit.sent):
        mentions.append((m.start(), m.end(), cn_to_int(m.group(1)), [cn_to_int(k) for k in _PLENUM_NO.findall(m.group(2))]))
    for m in _CONGRESS.finditer(hit.sent):
        mentions.append((m.start(), m.end(), cn_to_int(m.group(1)), []))
    for start, end, number, plenums in sorted(mentions):
        congress = eras.congress(number)
        if congress is None or _HISTORY.search(hit.sent[end:end + 3]) or not _STUDY.search(hit.sent):
            continue
        name = hit.sent[start:end]
        successor = eras.successor_year(number)
        if successor is not None and successor < (hit.since or year):  # a term review may cite its first years
            hit.add(start, end, f"时代用语过时：{year}年的文稿仍以“{name}”为当前精神；{now}")
            continue
        dates = [congress.plenums.get(k) for k in plenums] if plenums else [congress.date]
        future = [d for d in dates if d and int(d[:4]) > year + 1]
        if congress.year > year + 1 or future:
            when = future[0] if future else congress.date
            hit.add(start, end, f"时代用语超前：“{name}”召开于{when[:4]}年{int(when[5:7])}月，晚于报告年度{year}年")


def _plans(hit: _Hit, eras: Eras) -> None:
    by_name = {p.name: p for p in eras.plans}
    seen: set[str] = set()
    for m in _PLAN.finditer(hit.sent):
        plan = by_name.get(m.group(1))
        if plan is None or plan.name in seen:
            continue
        seen.add(plan.name)
        if _PREPARE.search(hit.sent[max(0, m.start() - 6):m.start()]) or _PREPARE_AFTER.search(hit.sent[m.end():]):
            continue  # 谋划“十五五”: preparing the next plan is normal in its run-up
        span = f"“{plan.name}”为{plan.start}—{plan.end}年"
        subject, explicit = _subject_years(hit.sent, m.start(), hit.year)
        if explicit and subject is not None:
            tail = hit.sent[m.end():]
            if _FIRST.search(tail):
                expected, what = {plan.start}, f"开局之年是{plan.start}年"
            elif _LAST.search(tail):
                expected, what = {plan.end}, f"收官之年是{plan.end}年"
            elif (nth := _NTH.search(tail)) is not None:
                n = cn_to_int(nth.group(1))
                expected, what = {plan.start + n - 1}, f"第{nth.group(1)}年是{plan.start + n - 1}年"
            else:
                expected, what = set(range(plan.start, plan.end + 1)), "不在该时期内"
            if not subject & expected:
                said = "、".join(str(y) for y in sorted(subject))
                hit.add(m.start(), m.end(), f"年份与规划时期不符：文中为{said}年，{span}，{what}")
        elif hit.year is not None and (plan.end < hit.year - 5 or plan.start > hit.year + 2):
            hit.add(m.start(), m.end(), f"规划时期与报告年度{hit.year}年相距太远：{span}", WARNING)


def _spans(hit: _Hit, spans: tuple[Span, ...], kind: str, since: int | None = None) -> None:
    """Stale when the span ended (plus grace) before the first reviewed year `since` (default: the year)."""
    year = hit.year
    since = year if since is None else since
    for span in spans:
        for pattern in span.patterns:
            at = hit.sent.find(pattern)
            if at < 0:
                continue
            clause = re.split(r"[，,；;]", hit.sent[at:])[0] + hit.sent[max(0, at - 8):at]
            if span.end is not None and since > span.end + span.grace and not _HISTORY.search(clause):
                hit.add(at, at + len(pattern),
                        f"时代用语过时：{kind}{_q(span.name)}（{span.start_text}—{span.end_text}）出现在{year}年的文稿中")
            elif span.start > year + 1:
                hit.add(at, at + len(pattern),
                        f"时代用语超前：{kind}{_q(span.name)}始于{span.start_text}，晚于报告年度{year}年")
            break


def _theories(hit: _Hit, eras: Eras) -> None:
    if not _GUIDANCE.search(hit.sent):
        return
    newest, where = -1, None
    for i, theory in enumerate(eras.theories):
        for pattern in theory.patterns:
            at = hit.sent.find(pattern)
            if at >= 0:
                newest, where = i, (at, at + len(pattern))
                first = theory.first if theory.first is not None else theory.start
                if first > hit.year + 1:
                    hit.add(at, at + len(pattern),
                            f"时代用语超前：{_q(theory.name)}{theory.first_text or theory.start_text}提出，晚于报告年度{hit.year}年")
    if where is None or newest + 1 >= len(eras.theories):
        return
    missing = [t for t in eras.theories[newest + 1:] if t.start < hit.year]
    if missing:
        names = "、".join(f"{_q(t.name)}（{t.start_text}）" for t in missing)
        hit.add(*where, f"指导思想表述过时：{hit.year}年的文稿以{_q(eras.theories[newest].name)}收尾，"
                        f"缺少此后写入党章的{names}")


def _anniversaries(hit: _Hit, eras: Eras, pattern: re.Pattern) -> None:
    bases = {p: (name, base) for name, pats, base in eras.anniversaries for p in pats}
    for m in pattern.finditer(hit.sent):
        n = _cn_or_int(m.group(2))
        if not n:
            continue
        name, base = bases[m.group(1)]
        expected = base + n
        subject, explicit = _subject_years(hit.sent, m.start(), hit.year)
        if not explicit:
            if hit.year is None:
                continue
            subject = {hit.year - 1, hit.year, hit.year + 1}
        if expected not in subject:
            said = "、".join(str(y) for y in sorted(subject)) if explicit else f"报告年度{hit.year}"
            hit.add(m.start(), m.end(), f"周年数与年份不符：{name}{n}周年是{expected}年，文中为{said}年")
