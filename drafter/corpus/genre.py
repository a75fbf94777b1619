"""Genre from content, never from the site title.

The decision reads the document's opening lines (who speaks, to whom, with
which formula), its part headings and its vocabulary; the marker title and
site series labels are ignored.
"""
from __future__ import annotations

import re

from .model import Line

_HEAD = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])?")


def _headings(lines: list[Line]) -> list[str]:
    out = []
    for ln in lines:
        s = ln.text.strip()
        if len(s) <= 40 and not s.endswith("。") and "。" not in s:
            out.append(s)
        elif _HEAD.match(s).group(0):
            out.append(re.split(r"[。：]", s, maxsplit=1)[0])
    return out


def detect_genre(lines: list[Line], title: str = "") -> str:
    """One of GENRES for a document's cleaned lines (title is not used as evidence)."""
    body = [ln.text for ln in lines[1:]] if len(lines) > 1 else [ln.text for ln in lines]
    text = "\n".join(body)
    head = "\n".join(body[:4])
    heads = "\n".join(_headings(lines[1:]))
    n = max(len(text), 1)

    def dens(pattern: str) -> float:
        return len(re.findall(pattern, text)) * 1000 / n

    # speeches and meeting addresses
    if re.search(r"(这次|今天).{0,30}(会议|大会|座谈会|动员会)", head) or re.search(r"^同志们[：:]", head, re.M):
        if re.search(r"讲话|讲几点|讲.{1,3}点意见|讲.{1,3}个问题|我完全同意|下面", text) or re.search(r"^同志们", head, re.M):
            return "other"
    # survey report
    if len(set(re.findall(r"调查问卷|课题组|关键词|调查研究的对象|问卷调查|抽样|调查对象", text))) >= 2:
        return "survey_report"
    strong = re.search(r"现状|对策|经验|思考|做法|动因", heads)
    reflective = len(re.findall(r"现状|对策|建议|经验|体会|思考|做法|动因|设想|存在的问题|问题和不足|启示", heads))
    if strong and reflective >= 2 and not re.search(r"各位代表|现将.{0,20}如下", head):
        return "reflection"
    personal = len(re.findall(r"本人|我始终|我坚持|我将|自己", text))
    duty = re.search(r"述职|尊敬的各位领导|履行职责.{0,10}情况|履职情况", head + heads) is not None
    integrity = dens(r"廉政|反腐|廉洁|纪律|违纪") > 2.5 and re.search(r"党风廉政", text) is not None
    if integrity and (duty or re.search(r"领导班子|述职", text)) and personal < 3:
        return "integrity_duty_report"
    if (duty or personal >= 3) and personal >= 2 and not re.search(r"各位代表[：:]", head):
        return "personal_duty_report"
    if re.search(r"领导班子", head) and re.search(r"述职", text):
        return "team_duty_report"
    congress_open = re.search(
        r"受.{0,10}人大主席团委托|人大(主席团)?(的)?工作.{0,60}(现将|如下)|^.{0,20}人大.{0,80}(领导|指导)下|人大换届选举工作情况",
        head,
        re.M,
    )
    gov_open = re.search(r"代表.{0,8}人民政府.{0,6}向大会|受.{0,6}人民政府委托|向大会(作|做)?(政府)?工作报告|政府工作报告", head)
    if gov_open and not congress_open:
        return "gov_work_report"
    if congress_open:
        return "congress_work_report"
    # reflection / research: 现状 / 问题 / 对策 / 经验 / 思考 structure
    if reflective >= 2 or re.search(r"调研中|调研发现", text):
        return "reflection"
    if re.search(r"(工作目标|目标任务|确保完成|工作措施|工作要点)", heads) and not re.search(r"回顾", heads):
        return "work_plan"
    people_congress = dens(r"人大") > 4 and re.search(r"(今年|一年)(以)?来", head)
    if people_congress:
        return "congress_work_report"
    gov_like = re.search(r"(工作回顾|工作打算|工作安排|工作规划)", heads) and re.search(r"(党委|政府)", text)
    if gov_like or re.search(r"各位代表[：:]", head):
        return "gov_work_report"
    if re.search(r"今年(以来|来|我)|一年来", "\n".join(body[:3])):
        return "other"  # a work summary of another body
    if dens(r"要") > 3:
        return "reflection"
    return "other"
