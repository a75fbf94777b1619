"""genre-formula: the fixed formulas a genre must carry (opening 请予审议, closing appeal)."""
from __future__ import annotations

import re

from ..finding import WARNING
from ..text import Doc
from ...gongwen import cues

RULE = "genre-formula"

GOV = "gov_work_report"
CONGRESS = "congress_work_report"
REPORT_GENRES = {GOV, CONGRESS, "personal_duty_report", "team_duty_report", "integrity_duty_report"}

_GOV_TITLE = re.compile(r"政府工作报告")
_GOV_OPENING = re.compile(r"向大会(?:作|做)?(?:政府)?(?:工作)?报告")
_CONGRESS_TITLE = re.compile(r"主席团工作报告|人大工作报告")
_REVIEW_REQUEST = re.compile(r"审议")
_CLOSING = re.compile(
    cues.CLOSING + "|"
    r"[作做]出(?:新的|更大的?|积极的?|应有的)*贡献|再创新辉煌|谱写.{0,20}新篇章|新局面|新台阶|新的更大"
)
OPENING_LINES = 8
CLOSING_LINES = 3
# The signature block (issuers, the date) carries no punctuation; the closing is the text above it.
_UNPUNCTUATED = re.compile(r"^[^，。！？；：、,.!?;:（）()“”]{1,40}$")
SIGNATURE_LINES = 4


def detect(lines: list[tuple[int, str]]) -> str | None:
    """gov_work_report / congress_work_report from the title or the opening formula, else None.

    Only a report delivered to a meeting is detected (title or 向大会报告), so
    its opening must ask for 审议; a genre hint alone does not ask for it.
    """
    head = [t for _no, t in lines if t.strip()][:OPENING_LINES]
    title = "".join(head[:3])
    if _CONGRESS_TITLE.search(title):
        return CONGRESS
    if _GOV_TITLE.search(title) or any(_GOV_OPENING.search(t) for t in head):
        return GOV
    return None


def check(doc: Doc) -> None:
    delivered = detect(doc.lines)
    genre = delivered or doc.genre
    text_lines = [(no, t) for no, t in doc.lines if t.strip()]
    if genre not in REPORT_GENRES or len(text_lines) < 4:
        return
    name = {GOV: "政府工作报告", CONGRESS: "人大工作报告"}.get(genre, "报告")
    if delivered:
        opening = text_lines[:OPENING_LINES]
        if not any(_REVIEW_REQUEST.search(t) for _no, t in opening):
            no, t = opening[min(2, len(opening) - 1)]
            doc.add(no, RULE, WARNING, f"{name}开头缺少提请审议的用语（如“请予审议”）", t.strip()[:40])
    body = list(text_lines)
    for _ in range(SIGNATURE_LINES):
        if len(body) > CLOSING_LINES and _UNPUNCTUATED.match(body[-1][1].strip()):
            body.pop()
    closing = body[-CLOSING_LINES:]
    if not any(_CLOSING.search(t) for _no, t in closing):
        no, t = closing[-1]
        doc.add(no, RULE, WARNING,
                f"{name}结尾缺少号召或结束语（如“……而努力奋斗！”“谢谢大家！”“请批评指正”）", t.strip()[-40:])
