"""Segmentation: every line of a document gets one or more skeleton roles.

Roles are decided sentence by sentence from cue phrases (opening formula,
thanks, shortcomings lead-in, targets, task lead-in, closing appeal) and from
part headings (工作回顾, 工作安排, 存在的问题, 对策…), with the position in the
document as the default: after the review heading a line is achievements,
after the plan heading it is plan_overview until the tasks begin.  A line
whose sentences carry different cues keeps all of them, in order.
"""
from __future__ import annotations

import re

from .model import Line, Section
from .numbering import parse_number
from ..gongwen.sentences import sentences

SALUTATION = re.compile(r"^(各位代表|尊敬的[^，。]{0,20}|同志们|各位领导|各位委员)([、，][^，。：]{0,16})?[：:！!]$")
OPENING = re.compile(
    r"现将.{0,30}?(汇报|报告|总结|介绍)(如下|以下)|现作.{0,6}(汇报|报告)如下|请予审议|请各位代表予以审议|请审议"
    r"|向大会(作|做)?.{0,10}(报告|汇报)|下面.{0,30}讲.{0,6}(意见|问题)|(这次|今天).{0,40}(会议|大会|座谈会|动员会)"
    r"|作.{0,6}汇报，不妥之处"
)
REVIEW_HEAD = re.compile(r"回顾|完成情况|主要做法|现状|主要成绩|取得的成(绩|效)|工作情况$|开展情况|主要工作$|经验和体会|经验与体会|基本情况")
PLAN_HEAD = re.compile(r"总体要求|政策取向|工作安排|打算|工作思路|主要任务|工作任务|工作计划|工作规划|工作要点|努力方向|奋斗目标|下一步|今后|设想|对策|建议|思考|工作措施|工作目标|工作重点")
SHORT_HEAD = re.compile(r"存在的?(主要)?问题|问题和不足|问题与不足|不足之处|困难和问题|问题和困难|主要差距")
OTHER_HEAD = re.compile(r"认识|意义|必要性|重要性")
THANKS = re.compile(r"(表示|致以)[^。！]{0,16}(感谢|敬意|问候)|衷心(的)?感谢|由衷(的)?感谢|成绩的取得|取得的成(就|绩)，是|正确领导的结果|这些成绩")
SHORT = re.compile(
    r"肯定成绩的同时|清醒地?(认识|看到)|还存在(着)?[^。]{0,8}(问题|不足|困难|差距)|存在以下.{0,6}问题|还有(较大|一定)?的?差距|存在(一定|较大)差距"
    r"|主要表现在|差距和不足|不足之处|问题和不足|工作中还存在"
)
SHORT_CLOSE = re.compile(r"加以解决|认真解决|逐步解决|全力改进工作|认真加以|切实加以")
TARGETS = re.compile(r"(预期目标|主要目标|主要指标|任务目标|发展目标|主要经济指标|奋斗目标)(是|为)|指标为|目标是[：:]")
OVERVIEW = re.compile(r"指导思想|总体要求|总体思路|工作思路|总的要求|总的指导|之年|关键一年|关键年|展望|形势|面临")
TASKS = re.compile(r"(做好|抓好|努力|着力|突出|重点).{0,14}以下|以下.{0,8}(方面|几项|件实事|工作)|实事|要着力|重点抓好|九个方面|做出努力")
CLOSING = re.compile(
    r"而(努力|共同)?奋斗|谢谢大家|以上汇报|不妥之处|批评指正|作出新的(更大)?贡献|做出(新的)?更大的?贡献|再上新台阶|让我们|不辜负|开创.{0,10}新局面[！!]"
)
BYLINE = re.compile(r"(镇长|乡长|书记|主任|主席|县长|市长|州长|省长|总理)\s*(\{NAME\}|[\u4e00-\u9fff]{2,3})?$|^——|^—在|^—")

def _heading_like(text: str) -> bool:
    s = text.strip()
    if not s or "：" in s[:-1]:
        return False
    if len(s) <= 40 and "。" not in s[:-1] and not s.endswith("：") or (len(s) <= 30 and s.endswith("。") and s.count("。") == 1):
        return True
    return False


def _heading_text(text: str) -> str:
    p = parse_number(text)
    if p:
        return p[2]
    return text.strip()


def segment(lines: list[Line], genre: str = "other") -> list[Line]:
    """Fill `roles` of every line (in place) and return the lines."""
    if not lines:
        return lines
    n = len(lines)
    phase = "pre"  # pre, review, short, plan, other
    plan_sub = "overview"
    seen_body = False
    opening_done = False
    first = lines[0].text.strip()
    if is_body(first) and not re.search(r"\d{3,5}字$", first):
        i = 0  # a document that begins without a title (unmarked boundary)
    else:
        lines[0].roles = ["title"]
        i = 1
    # title block: repeated title, byline, "——在…讲话"
    while i < n and not seen_body:
        s = lines[i].text.strip()
        if SALUTATION.match(s) or OPENING.search(s) or parse_number(s):
            break
        if (_heading_like(s) and len(s) <= 45 and not REVIEW_HEAD.search(s) and not PLAN_HEAD.search(s)
                and not SHORT_HEAD.search(s) and (i == 1 or BYLINE.search(s))):
            lines[i].roles = ["title"]
            i += 1
            continue
        break
    speechlike = genre in ("other", "reflection", "survey_report")
    if genre == "work_plan":
        phase, plan_sub = "plan", "targets"
    for k in range(i, n):
        line = lines[k]
        s = line.text.strip()
        near_end = k >= n - 3
        if SALUTATION.match(s):
            line.roles = ["salutation"]
            continue
        numbered = parse_number(s)
        head = _heading_like(s) or (numbered is not None and len(_heading_text(s)) <= 40 and len(s) <= 60)
        htext = _heading_text(s) if head else ""
        if head and not OPENING.search(s):
            top = numbered is None or numbered[0] in ("cn",)
            if SHORT_HEAD.search(htext):
                phase = "short"
                line.roles = ["shortcomings"]
                continue
            if top and REVIEW_HEAD.search(htext) and not PLAN_HEAD.search(htext):
                phase = "review"
                line.roles = ["review_heading"]
                opening_done = True
                continue
            if top and PLAN_HEAD.search(htext) and not (phase == "plan" and numbered is not None and not re.search(r"思路|打算|安排|规划|计划|方向|目标和|措施|工作任务|主要任务", htext)):
                phase, plan_sub = "plan", "overview"
                line.roles = ["plan_heading"]
                opening_done = True
                continue
            if speechlike and numbered is not None and numbered[0] == "cn":
                if OTHER_HEAD.search(htext):
                    phase = "other"
                elif re.search(r"成绩|成效|作用|绩效|做法|进展|现状|动因", htext):
                    phase = "review"
                elif phase in ("pre", "other", "review") and re.search(r"要|加强|推进|做好|抓好|强化|切实|认真|严格|确保|把握|提高|实行|改进", htext):
                    phase = "plan"
                    plan_sub = "tasks"
        # sentence-level cues
        cue_roles: list[str] = []
        sent_roles: list[str | None] = []
        for sent in sentences(s):
            r = None
            if THANKS.search(sent) and phase not in ("pre",):
                r = "thanks"
            elif SHORT.search(sent) and phase in ("review", "short", "pre", "other") and not head:
                r = "shortcomings"
                phase = "short"
            elif phase == "short" and SHORT_CLOSE.search(sent):
                r = "shortcomings"
            elif CLOSING.search(sent) and (near_end or re.search(r"让我们|谢谢大家|以上汇报", sent)):
                r = "closing"
            elif OPENING.search(sent) and not opening_done and phase == "pre":
                r = "opening"
            elif phase == "plan" and TARGETS.search(sent):
                r = "targets"
                plan_sub = "targets"
            elif phase == "plan" and TASKS.search(sent):
                r = "tasks"
                plan_sub = "tasks"
            sent_roles.append(r)
            if r and r not in cue_roles:
                cue_roles.append(r)
        # default role from position
        if phase == "pre":
            if seen_body and not cue_roles and opening_done:
                phase = "review"
            default = "opening"
        elif phase == "review":
            default = "achievements"
        elif phase == "short":
            default = "shortcomings"
        elif phase == "other":
            default = "other"
        else:
            if numbered is not None and plan_sub == "overview":
                plan_sub = "tasks"
            if plan_sub == "overview":
                default = "plan_overview" if (OVERVIEW.search(s) or not head) else "tasks"
            elif plan_sub == "targets":
                default = "targets" if genre != "work_plan" or not head or numbered else "tasks"
                if genre != "work_plan" and not TARGETS.search(s):
                    default = "tasks"
                    plan_sub = "tasks"
            else:
                default = "tasks"
        if not cue_roles:
            roles = [default]
        else:
            roles = []
            for r in cue_roles:
                if r not in roles:
                    roles.append(r)
        line.roles = roles
        if phase == "pre" and ("opening" in roles):
            if re.search(r"如下[：:。]?$|请予审议|意见和建议。$|意见。$|讲.{0,6}(意见|问题)。$", s):
                opening_done = True
                phase = "review"
        if is_body(s):
            seen_body = True
        if phase == "pre" and seen_body and k > i + 1:
            phase = "review"
        if "shortcomings" in roles and SHORT_CLOSE.search(s):
            phase = "review"
    return lines


def is_body(text: str) -> bool:
    s = text.strip()
    return len(s) >= 25 and ("，" in s or "。" in s)


def build_sections(lines: list[Line]) -> list[Section]:
    """Runs of consecutive lines sharing a role; a two-role line extends both runs."""
    sections: list[Section] = []
    open_: dict[str, Section] = {}
    for line in lines:
        for role in list(open_):
            if role not in line.roles:
                del open_[role]
        for role in line.roles:
            if role in open_:
                open_[role].end_line = line.raw_end
            else:
                sec = Section(role, line.raw_no, line.raw_end)
                open_[role] = sec
                sections.append(sec)
    sections.sort(key=lambda s: (s.start_line, s.end_line))
    return sections
