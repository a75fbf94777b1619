"""Genre from structure and voice, never from the site title.

Who speaks (a government to the deputies, a presidium, one official of
himself, a reporter about a meeting, a meeting about a report), to whom, in
which tense (a review and a plan, or the year ahead only) and in which parts
decides the genre.  The cue phrases are data (drafter/data/genre_cues.yaml);
the order of the questions is here.  Works on fragments too: a page store's
first 800 characters carry the opening, which is where a document says what
it is.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import data_file
from .model import Line

_HEAD = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])?")
_SALUTATION = re.compile(r"^(各位代表|各位委员|各位领导|尊敬的|同志们)[^。]{0,24}[：:！!]$")
_DEPUTIES = re.compile(r"^各位代表[：:！!]", re.M)


@lru_cache(maxsize=1)
def cues() -> dict[str, re.Pattern]:
    """The compiled cue table."""
    import yaml

    with open(data_file("genre_cues.yaml"), encoding="utf-8") as fh:
        table = yaml.safe_load(fh) or {}
    return {name: re.compile(pattern, re.M) for name, pattern in table.items()}


def _headings(lines: list[Line]) -> list[str]:
    out = []
    for ln in lines:
        s = ln.text.strip()
        if len(s) <= 40 and not s.endswith("。") and "。" not in s:
            out.append(s)
        elif _HEAD.match(s).group(0):
            out.append(re.split(r"[。：]", s, maxsplit=1)[0])
    return out


def _is_title(text: str) -> bool:
    """A first line that names the document rather than opening it."""
    s = text.strip()
    return not _SALUTATION.match(s) and not (len(s) >= 25 and re.search(r"[，。]", s))


def _head(body: list[str], limit: int = 420) -> str:
    """The first lines of the body, up to about `limit` characters."""
    out, n = [], 0
    for s in body:
        out.append(s)
        n += len(s)
        if n >= limit or len(out) >= 6:
            break
    return "\n".join(out)


def detect_genre(lines: list[Line], title: str = "") -> str:
    """One of GENRES for a document's cleaned lines (the site or marker title is not evidence)."""
    c = cues()
    first_is_title = bool(lines) and _is_title(lines[0].text)
    body_lines = lines[1:] if first_is_title and len(lines) > 1 else lines
    body = [ln.text for ln in body_lines]
    text = "\n".join(body)
    head = _head(body)
    head3 = "\n".join(body[:3])
    heads = "\n".join(_headings(body_lines))
    n = max(len(text), 1)

    def dens(pattern: str) -> float:
        return len(re.findall(pattern, text)) * 1000 / n

    def count(name: str, where: str) -> int:
        return len(set(m.group(0) for m in c[name].finditer(where)))

    first_person = c["first_person"].search(head) is not None
    # news about a meeting: a dateline lead and reported speech, nobody reporting in the first person
    addressed = re.search(r"^(各位代表|各位委员|同志们|尊敬的)[^。\n]{0,24}[：:]", head, re.M) is not None
    if not first_person and not addressed and c["news_lead"].search(head3) and count("news_report", text) >= 1:
        return "other"
    # resolutions of a congress: the meeting approves a report, in the third person
    if not first_person and count("resolution", head) >= 2:
        return "other"
    # speeches and meeting addresses (a government or presidium reporting to the deputies is no speech)
    if not c["gov_open"].search(head) and not c["congress_open"].search(head) and re.search(r"(这次|今天).{0,30}(会议|大会|座谈会|动员会)", head) or re.search(r"^同志们[：:]", head, re.M):
        if re.search(r"讲话|讲几点|讲.{1,3}点意见|讲.{1,3}个问题|我完全同意|下面", text) or re.search(r"^同志们", head, re.M):
            return "other"
    # party congress reports and speeches are not people's-congress reports, whatever the salutation
    party = c["party_congress"].search(head3)
    if (party and c["party_speaker"].search(head)
            and not c["gov_open"].search(head) and not c["congress_open"].search(head)):
        return "other"
    # survey report
    if len(set(re.findall(r"调查问卷|课题组|关键词|调查研究的对象|问卷调查|抽样|调查对象", text))) >= 2:
        return "survey_report"
    strong = re.search(r"现状|对策|经验|思考|做法|动因", heads)
    reflective = len(re.findall(r"现状|对策|建议|经验|体会|思考|做法|动因|设想|存在的问题|问题和不足|启示", heads))
    if strong and reflective >= 2 and not re.search(r"各位代表|现将.{0,20}如下", head):
        return "reflection"
    # a research report speaks of its 调研 in its opening, whatever its subject (人大 included)
    if c["research"].search(head) and not _DEPUTIES.search(head):
        return "reflection"
    personal = len(re.findall(c["personal"].pattern, text))
    duty = c["duty"].search(head + "\n" + heads) is not None
    integrity = dens(r"廉政|反腐|廉洁|纪律|违纪") > 2.5 and re.search(r"党风廉政", text) is not None
    if integrity and (duty or re.search(r"领导班子|述职", text)) and personal < 3:
        return "integrity_duty_report"
    if (duty or personal >= 3) and personal >= 2 and not _DEPUTIES.search(head):
        return "personal_duty_report"
    if re.search(r"我(团结)?带领[^，。]{0,10}班子|本人[^，。]{0,8}(担任|分管)", head) and not _DEPUTIES.search(head):
        return "personal_duty_report"  # one official's own summary, even in a fragment
    if re.search(r"领导班子", head) and re.search(r"述职", text):
        return "team_duty_report"
    congress_open = c["congress_open"].search(head)
    gov_open = c["gov_open"].search(head)
    if gov_open and not congress_open:
        return "gov_work_report"
    if congress_open or (c["congress_voice"].search(text) and dens(r"人大") > 3):
        return "congress_work_report"
    # a work plan: the year ahead in the future tense, no review part
    reviewing = c["review_voice"].search(head) or re.search(r"回顾|总结", heads)
    if not reviewing and count("plan_voice", head + "\n" + heads) >= 2 and not _DEPUTIES.search(head):
        return "work_plan"
    # a situation report of some body (现将…情况报告如下), unless it is built as a reflection
    if c["situation_report"].search(head) and not strong and not re.search(r"打算|安排|规划|计划|思路|下一步|今后", heads):
        return "other"
    # reflection / research: 现状 / 问题 / 对策 / 经验 / 思考 structure
    if reflective >= 2 or re.search(r"调研中|调研发现", text):
        return "reflection"
    if re.search(r"(工作目标|目标任务|确保完成|工作措施|工作要点)", heads) and not re.search(r"回顾", heads):
        return "work_plan"
    people_congress = dens(r"人大") > 4 and re.search(r"(今年|一年|本届|五年)(以)?来", head)
    if people_congress:
        return "congress_work_report"
    gov_like = re.search(r"(工作回顾|工作打算|工作安排|工作规划)", heads) and re.search(r"(党委|政府)", text)
    if gov_like or _DEPUTIES.search(head):
        return "gov_work_report"
    if re.search(r"今年(以来|来|我)|一年来", "\n".join(body[:3])):
        return "other"  # a work summary of another body
    if dens(r"要") > 3:
        return "reflection"
    # nothing in the voice decides: the document's own title (a marker's, never a site's series label) may
    return _GENRE_BY_TITLE.get(next((k for k in _GENRE_BY_TITLE if re.search(k, title or "")), ""), "other")


_GENRE_BY_TITLE = {r"调研报告|调查报告|调研": "reflection", r"工作要点|工作计划|工作安排": "work_plan", r"述职": "personal_duty_report"}
