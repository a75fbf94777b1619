"""figure-contradiction: numbers that contradict their own words (and N14 self-comparisons)."""
from __future__ import annotations

import re

from ..finding import ERROR
from ..text import Doc, excerpt, sentences

RULE = "figure-contradiction"

_NUM = r"(\d+(?:\.\d+)?)"
_SIGNED_CHANGE = re.compile(
    r"(增长|增加|提高|上升|提升|下降|减少|降低|回落)(?:了|为|率为|幅度为|幅度达|达到|达)?\s*([-－−])\s*\d+(?:\.\d+)?\s*[%％‰个倍万亿]"
)
_SHARE = re.compile(
    r"(?:占[^，。；,;]{0,14}?的?|占比(?:为|达到|达)?|比重(?:为|达到|达)?|"
    r"(?:覆盖|参保|参合|入学|巩固|普及|合格|达标|知晓|就业|无害化处理|处理|上线|投票|参选|满意|出勤|到位|使用|利用|回收|持证|建档|签约|接种|入园|升学|通过)率"
    r"(?:为|达到|达|保持在|稳定在|提高到|提升到|提高至|提升至)?|满意度(?:为|达到|达)?)\s*"
    + _NUM + r"\s*[%％]"
)
_COMPLETION = re.compile(r"计划|任务|目标|预算|上年|去年|同期")
_TARGET = re.compile(r"(?:到|至|(?:力争|确保|计划|争取)(?:在|于)?)(20\d\d)年(?:底|末|前|年底)?")
_FUTURE = re.compile(r"力争|确保|计划|预计|目标|争取|规划|将要|要达到|要实现|拟")
_CLAUSE = re.compile(r"[^，,；;：:]+")
_SELF_RANGE = re.compile(r"((?:19|20)\d\d)\s*年?\s*(?:[-—–~～至到])\s*\1\s*年")
_SELF_RANGE_BARE = re.compile(r"[（(]\s*((?:19|20)\d\d)\s*[-—–~～至到]\s*\1\s*[)）]")
_COMPARE = re.compile(r"比((?:19|20)\d\d)年(?:同期)?(?:增|减|提高|下降|多|少|上升|降低|翻)")
# a year that is the subject of a sentence, not itself a comparison base (较2020年下降…、比2020年增加…)
_YEAR = re.compile(r"(?<![比较与同])((?:19|20)\d\d)\s*年")


def check(doc: Doc) -> None:
    for no, text in doc.lines:
        for m in _SIGNED_CHANGE.finditer(text):
            word = m.group(1)
            note = "“下降”后再用负数成了双重否定" if word in ("下降", "减少", "降低", "回落") else f"“{word}”后跟负数"
            doc.add(no, RULE, ERROR, f"数字与用语矛盾：{note}", excerpt(text, m.start(), m.end()))
        for m in _SHARE.finditer(text):
            if _COMPLETION.search(m.group()):
                continue  # 占年度计划的108%: a completion rate, not a share of a whole
            if float(m.group(1)) > 100:
                doc.add(no, RULE, ERROR, f"比重或比率超过100%：{m.group(1)}%", excerpt(text, m.start(), m.end()))
        for m in list(_SELF_RANGE.finditer(text)) + list(_SELF_RANGE_BARE.finditer(text)):
            doc.add(no, RULE, ERROR, f"起止年份相同：“{m.group().strip()}”（年份可能被改写）",
                    excerpt(text, m.start(), m.end()))
        for start, end, sent in sentences(text):
            _sentence(doc, no, text, start, sent)


def _sentence(doc: Doc, no: int, text: str, offset: int, sent: str) -> None:
    for m in _COMPARE.finditer(sent):
        before = _YEAR.findall(sent[: m.start()])
        if before and before[-1] == m.group(1):
            doc.add(no, RULE, ERROR, f"同一年份自相比较：{m.group(1)}年与{m.group(1)}年相比（年份可能被改写）",
                    excerpt(text, offset + m.start(), offset + m.end()))
    if doc.year is None:
        return
    for clause in _CLAUSE.finditer(sent):
        if not _FUTURE.search(clause.group()):
            continue
        for m in _TARGET.finditer(clause.group()):
            year = int(m.group(1))
            if year < doc.year:
                at = offset + clause.start() + m.start()
                doc.add(no, RULE, ERROR, f"目标年份{year}年早于报告年度{doc.year}年",
                        excerpt(text, at, at + len(m.group())))
