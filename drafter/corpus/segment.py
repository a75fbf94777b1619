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
from ..gongwen.numerals import cn_to_int
from ..gongwen import cues
from ..gongwen.sentences import sentences

SALUTATION = re.compile(r"^(各位代表|尊敬的[^，。]{0,20}|同志们|各位领导|各位委员)([、，][^，。：]{0,16})?[：:！!]$")
# 各位代表！ standing alone is an exclamation that leads the next paragraph (often the closing), not an address
EXCLAIM = re.compile(r"^(各位代表|同志们|各位委员)[！!]$")
OPENING = re.compile(
    cues.OPENING
    + r"|下面.{0,30}讲.{0,6}(意见|问题)|(这次|今天).{0,40}(会议|大会|座谈会|动员会)"
    r"|向[^，。]{0,12}人民代表大会[^，。]{0,6}(报告|汇报)|作.{0,6}汇报，不妥之处"
)
REVIEW_HEAD = re.compile(r"回顾|完成情况|主要做法|现状|主要成绩|取得的成(绩|效)|工作情况$|开展情况|主要工作$|经验和体会|经验与体会|基本情况"
                         r"|过去.{0,6}(工作|五年|一年|三年)|发展成就|主要成就|首先.{0,4}报告|报告[^，。]{0,8}(一年|去年|\d{4}年)的?工作")
PLAN_HEAD = re.compile(r"总体要求|政策取向|工作安排|打算|工作思路|主要任务|工作任务|工作计划|工作规划|工作要点|努力方向|奋斗目标|下一步|今后|设想|对策|建议|思考|工作措施|工作目标|工作重点"
                       r"|目标任务|主要目标|(重点|主要)(任务|工作)$|主要考虑|今年的?(主要|重点)?(工作|任务)|明年|规划纲要|五年规划|五年计划")
SHORT_HEAD = re.compile(r"存在的?(主要)?问题|问题和不足|问题与不足|不足之处|困难和问题|问题和困难|主要差距")
OTHER_HEAD = re.compile(r"认识|意义|必要性|重要性")
CLOSE_HEAD = re.compile(r"^(结束语|结语)[：:]?$")
THANKS = re.compile(r"(表示|致以)[^。！]{0,16}(感谢|敬意|问候)|衷心(的)?感谢|由衷(的)?感谢|成绩的取得|取得的成(就|绩)，是|正确领导的结果|这些成绩"
                    r"|成(绩|就)的取得|来之不易|根本在于|(这|这是|是)[^。]{0,40}坚强领导的结果")
SHORT = re.compile(
    r"肯定成绩的同时|清醒地?(认识|看到)|还存在(着)?[^。]{0,8}(问题|不足|困难|差距)|存在以下.{0,6}问题|还有(较大|一定)?的?差距|存在(一定|较大)差距"
    r"|主要表现在|差距和不足|不足之处|问题和不足|工作中还存在"
    r"|(看到|总结|回顾)成(绩|就)的同时|问题也不容忽视|存在的(突出|主要)?问题是|突出问题是|老问题、新挑战|问题不足和|(面临|存在)(一些|不少)(困难|矛盾|问题|挑战)"
)
SHORT_CLOSE = re.compile(r"加以解决|认真解决|逐步解决|全力改进工作|认真加以|切实加以")
TARGETS = re.compile(r"(预期目标|主要目标|主要指标|任务目标|发展目标|主要经济指标|奋斗目标)(是|为)|指标为|目标是[：:]")
OVERVIEW = re.compile(r"指导思想|总体要求|总体思路|工作思路|总的要求|总的指导|之年|关键一年|关键年|关键时期|重要时期|展望|形势|面临")
OVERVIEW_LEAD = re.compile(r"^[^。]{0,24}(总体要求|指导思想|总的要求|总体思路)(是|为)")
TASKS = re.compile(r"(做好|抓好|努力|着力|突出|重点).{0,14}以下|以下.{0,8}(方面|几项|件实事|工作)|^(办好|实施|抓好|兴办)[^。，]{0,8}实事|要着力|重点抓好|九个方面|做出努力")
CLOSING = re.compile(
    cues.CLOSING
    + r"|作出新的(更大)?贡献|做出(新的)?更大的?贡献|再上新台阶|让我们|不辜负|开创.{0,10}新局面[！!]"
    r"|更加紧密地团结|奋力谱写|团结一心[^。]{0,20}(奋斗|前进)"
)
BYLINE = re.compile(r"(镇长|乡长|书记|主任|主席|县长|市长|州长|省长|总理)\s*(\{NAME\}|[\u4e00-\u9fff]{2,3})?$|^——|^—在|^—")
FUTURE = re.compile(r"今后|下一步|明年|未来|展望|今年的?(主要|重点)")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_ERA = re.compile(r"十([一二三四五六七八九])个?五")
_CN_DIGIT = "一二三四五六七八九"


def _time_rank(text: str) -> int:
    """The latest time a heading names: a year, or a five-year period (十四五 → 2021)."""
    ranks = [int(y) for y in _YEAR.findall(text)]
    ranks += [2006 + 5 * _CN_DIGIT.index(d) for d in _ERA.findall(text)]  # 十一五 → 2006, 十五五 → 2026
    return max(ranks) if ranks else 0


def part_of_heading(htext: str, last_review_rank: int = 0) -> str | None:
    """'review', 'plan', 'short' or None for a part heading, from its words and the time it names.

    `三、2026年主要工作` after `一、2025年…回顾` is the plan; `一、2025年和“十四五”时期工作回顾`
    is the review; a heading naming both a review and a plan is the plan when the plan comes last.
    """
    if SHORT_HEAD.search(htext):
        return "short"
    rank = _time_rank(htext)
    if re.search(r"(主要|重点)(工作|任务)$", htext) and not re.search(r"回顾|今年|明年|今后|下一步", htext):
        # 2026年主要工作 / 2024年主要工作: the year decides (later than the review's → the plan)
        if rank and last_review_rank:
            return "plan" if rank > last_review_rank else "review"
        return "plan" if re.search(r"任务$|抓好|做好|推进|着力|落实|突出", htext) else "review"
    past = REVIEW_HEAD.search(htext)
    plan = PLAN_HEAD.search(htext) or FUTURE.search(htext)
    if past and plan:
        return "review+plan" if plan.start() > past.start() else "review"
    if plan:
        return "plan"
    if past:
        return "review"
    return None


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


def _news_like(lines: list[Line], start: int) -> bool:
    """A report about a meeting (dateline lead, no speaker): its body has no skeleton roles."""
    from .genre import cues

    c = cues()
    if start < len(lines) and SALUTATION.match(lines[start].text.strip()):
        return False  # a speech to the deputies, not a report about their meeting
    head = "\n".join(ln.text for ln in lines[start : start + 3])
    return c["news_lead"].search(head) is not None and c["first_person"].search(head) is None


def _title_block(lines: list[Line]) -> int:
    """Index of the first line after the title block (title, byline, `——在…会议上`, date, name).

    A document whose first line is a salutation (各位代表：) or running text has no title.
    Every short line before the salutation, the opening formula or the first body
    line belongs to the title block, whatever its wording.
    """
    first = lines[0].text.strip()
    titled = len(first) <= 60 and "。" not in first and re.search(r"(报告|总结|讲话|计划|要点|规划|方案|汇报|发言)(\s*[-—]{2}|$)", first)
    if SALUTATION.match(first) or (is_body(first) and not titled and not re.search(r"\d{3,5}字$", first)):
        return 0
    numbered = parse_number(first)
    if numbered is not None and numbered[0] == "cn" and numbered[1] != "一":
        return 0  # a page that begins inside a report, at its part 六、…
    lines[0].roles = ["title"]
    i = 1
    while i < len(lines):
        s = lines[i].text.strip()
        if SALUTATION.match(s) or EXCLAIM.match(s) or OPENING.search(s) or parse_number(s) or is_body(s):
            break
        if (len(s) > 60 or s.endswith(("。", "！", "：", ":")) or REVIEW_HEAD.search(s) or PLAN_HEAD.search(s)
                or SHORT_HEAD.search(s)):
            break
        # only up to a salutation or an opening: a short line followed by running text is a heading, not a title
        nxt = next((ln.text.strip() for ln in lines[i + 1 : i + 2]), "")
        if not (SALUTATION.match(nxt) or OPENING.search(nxt) or EXCLAIM.match(nxt) or BYLINE.search(s)
                or i == 1 or lines[i - 1].roles == ["title"] and len(s) <= 30 and not is_body(nxt)
                or lines[i - 1].roles == ["title"] and re.search(r"(会议|大会|报告|讲话|发言)上?$|^——|^在", s)):
            break
        lines[i].roles = ["title"]
        i += 1
    return i


def segment(lines: list[Line], genre: str = "other") -> list[Line]:
    """Fill `roles` of every line (in place) and return the lines."""
    if not lines:
        return lines
    n = len(lines)
    phase = "pre"  # pre, review, short, plan, other, closing
    plan_sub = "overview"
    seen_body = False
    opening_done = False
    review_rank = 0  # latest year / period a review heading named
    review_cn = 0  # number of the cn-numbered review heading (一、…回顾), 0 if none
    tasks_numbered = False
    pending_plan = 0  # time rank of the plan announced by a combined review-and-plan heading
    seen_review = False
    end = _main_text_end(lines)
    i = _title_block(lines)
    addressed = any(SALUTATION.match(ln.text.strip()) for ln in lines[: i + 3])  # 各位代表： — a report to a congress
    speechlike = genre in ("other", "reflection", "survey_report")
    reporting = genre in ("gov_work_report", "congress_work_report")
    if genre == "work_plan":
        phase, plan_sub = "plan", "targets"
    if genre == "other" and _news_like(lines, i):
        for ln in lines[i:]:
            ln.roles = ["other"]
        return lines
    for k in range(i, n):
        line = lines[k]
        s = line.text.strip()
        near_end = end - 3 <= k < end
        if SALUTATION.match(s) and not EXCLAIM.match(s):
            line.roles = ["salutation"]
            continue
        if EXCLAIM.match(s):
            # at the very start it addresses the deputies; later it leads the paragraph after it (below)
            line.roles = ["salutation"] if k == i and phase == "pre" else []
            continue
        numbered = parse_number(s)
        head = _heading_like(s) or (numbered is not None and len(_heading_text(s)) <= 40 and len(s) <= 60)
        htext = _heading_text(s) if head else ""
        head_strict = head and (numbered is not None or ("，" not in s and not s.endswith("。")))  # a short sentence is no heading
        if CLOSE_HEAD.match(s):
            phase = "closing"
            line.roles = ["closing"]
            continue
        if head_strict and not OPENING.search(s) and phase != "closing":
            top = numbered is None or numbered[0] in ("cn",)
            part = part_of_heading(htext, review_rank) if top else ("short" if SHORT_HEAD.search(htext) else None)
            if (part is None and reporting and review_cn and numbered is not None and numbered[0] == "cn"
                    and cn_to_int(numbered[1]) == review_cn + 1 and phase in ("review", "short")
                    and not _speaks_of_past(lines, k) and (phase == "short" or _speaks_of_future(lines, k))):
                part = "plan"  # 一、…回顾 then 二、<anything but a review, not looking back>: the plan half begins
            if (part is None and reporting and numbered is not None and numbered[0] == "cn" and numbered[1] == "一"
                    and phase in ("pre", "review") and not seen_review and addressed and _speaks_of_past(lines, k)):
                part = "review"  # 一、一年接着一年干…: a slogan heading whose paragraphs look back
            if (part is None and reporting and phase == "plan" and numbered is not None and numbered[0] == "cn"
                    and _new_plan_part(htext)):
                part = "plan"  # 三、一鼓作气勇争先，全力推动“十五五”开好局: a slogan naming the period ahead
            if part == "short":
                phase = "short"
                line.roles = ["shortcomings"]
                continue
            if part == "review" and phase == "plan" and not REVIEW_HEAD.search(htext):
                part = None  # 主要工作 inside the plan half is one of its tasks
            if part == "review+plan":
                # 二、“十四五”时期发展成就和“十五五”时期主要目标任务: the review first, the plan from the
                # first paragraph that speaks of the later period
                phase = "review"
                pending_plan = _time_rank(htext) or 1
                review_rank = max(review_rank, _time_rank(htext[: REVIEW_HEAD.search(htext).end()]))
                line.roles = ["review_heading", "plan_heading"]
                seen_review = True
                opening_done = True
                continue
            if part == "review" and not (phase == "plan" and numbered is not None and numbered[0] != "cn"):
                phase = "review"
                review_rank = max(review_rank, _time_rank(htext))
                review_cn = cn_to_int(numbered[1]) or 0 if numbered is not None and numbered[0] == "cn" else review_cn
                line.roles = ["review_heading"]
                seen_review = True
                opening_done = True
                continue
            if part == "plan" and not (phase == "plan" and numbered is not None and not _new_plan_part(htext)):
                phase, plan_sub = "plan", "overview"
                tasks_numbered = False
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
        after_short = k > i and "shortcomings" in lines[k - 1].roles
        if (phase == "short" or after_short) and reporting and not head_strict and _opens_the_year(s, review_rank):
            phase, plan_sub = "plan", "overview"  # 2002年是…/今年是…: after the shortcomings the plan begins
        if pending_plan and phase in ("review", "short") and not head_strict:
            if _time_rank(s[:16]) >= pending_plan or FUTURE.search(s[:8]):
                phase, plan_sub, pending_plan = "plan", "overview", 0
        if phase == "plan" and numbered is not None and re.search(r"(发展|主要|预期|奋斗)目标[。]?$|^.{0,12}目标[。]?$", htext or _heading_text(s)):
            plan_sub = "targets"
            line.roles = ["targets"]
            continue
        # sentence-level cues
        cue_roles: list[str] = []
        for sent in sentences(s):
            r = None
            if phase == "closing":
                r = "closing"
            elif THANKS.search(sent) and phase not in ("pre", "plan"):
                r = "thanks"
            elif SHORT.search(sent) and phase in ("review", "short", "pre", "other") and not head_strict:
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
            elif phase == "plan" and OVERVIEW_LEAD.search(sent) and not tasks_numbered:
                r = "plan_overview"
                plan_sub = "overview"
            elif phase == "plan" and TASKS.search(sent):
                r = "tasks"
                plan_sub = "tasks"
            elif phase == "plan" and plan_sub == "overview" and OVERVIEW.search(sent):
                r = "plan_overview"
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
        elif phase == "closing":
            default = "closing"
        else:
            if numbered is not None and plan_sub in ("overview", "targets") and genre != "work_plan":
                plan_sub = "tasks"
            if numbered is not None:
                tasks_numbered = True
            if plan_sub == "overview":
                default = "plan_overview" if (OVERVIEW.search(s) or not head_strict) else "tasks"
            elif plan_sub == "targets":
                default = "targets" if genre != "work_plan" or not head or numbered else "tasks"
                if genre != "work_plan" and not (TARGETS.search(s) or re.search(r"目标", s)):
                    default = "tasks"
                    plan_sub = "tasks"
            else:
                default = "tasks"
        line.roles = cue_roles or [default]
        if phase == "pre" and "opening" in line.roles:
            if re.search(r"如下[：:。]?$|请予审议|请予审查|意见和建议。$|意见。$|讲.{0,6}(意见|问题)。$", s):
                opening_done = True
                phase = "review"
        if is_body(s):
            seen_body = True
        nxt_opens = k + 1 < n and OPENING.search(lines[k + 1].text) is not None
        if phase == "pre" and seen_body and (k > i + 1 or (k == i and "opening" in line.roles and not OPENING.search(s) and not nxt_opens)):
            phase = "review"  # an opening paragraph without a formula is one paragraph
        if "shortcomings" in line.roles and SHORT_CLOSE.search(s):
            phase = "review"
    _close_and_lead(lines[:end], i, reporting)
    _close_and_lead(lines, end, False)
    return lines


_ANNEX = re.compile(r"^附件\s*[\d一二三四五六七八九十]*[：:]?$")


def _main_text_end(lines: list[Line]) -> int:
    """Index after the main text: annexes (附件1 …) after the closing are not the report's end."""
    for k in range(len(lines) // 2, len(lines)):
        if _ANNEX.match(lines[k].text.strip()):
            return k
    return len(lines)


def _speaks_of_past(lines: list[Line], k: int) -> bool:
    """The paragraph after a heading looks back (一年来 / 过去 / 2025年是… / 取得…)."""
    nxt = next((ln.text for ln in lines[k + 1 : k + 4] if is_body(ln.text)), "")
    return re.search(r"一年来|五年来|过去|回顾|取得|完成了|\d{4}年是|刚刚过去|这一年|去年|上一次"
                     r"|(进行|开展|组织|召开|实现|推进|落实|举办|建成|发放|制定)了", nxt[:80]) is not None


def _speaks_of_future(lines: list[Line], k: int) -> bool:
    """The paragraphs after a heading look ahead (今年 / 今后 / 要 / 将 / 计划 / 目标)."""
    nxt = "".join(ln.text[:80] for ln in lines[k + 1 : k + 4] if is_body(ln.text))
    return re.search(r"今年|明年|今后|未来|将要|计划|要求|目标|开好局|必须|应当|要[^求]", nxt) is not None


def _opens_the_year(text: str, review_rank: int) -> bool:
    """`今年是…` / `2002年是…`: a paragraph that opens the year ahead."""
    if re.match(r"^(今年|明年|今后|未来)(?!以来)", text):
        return True
    m = re.match(r"^(\d{4})年是", text)
    return bool(m and review_rank and int(m.group(1)) > review_rank)


def _new_plan_part(htext: str) -> bool:
    """Inside the plan, a numbered heading opens a new plan part only when it names a period or a plan."""
    if re.search(r"思路|打算|安排|规划|计划|方向|目标和|措施", htext):
        return True
    return bool((_time_rank(htext) or FUTURE.search(htext)) and re.search(r"任务|工作|目标|开好局|起好步|开局|谋划|部署", htext))


def _close_and_lead(lines: list[Line], start: int, reporting: bool) -> None:
    """Closing and exclamations: the paragraphs after the last 各位代表！ near the end close the report;
    a standalone 各位代表！ takes the role of the paragraph it leads."""
    n = len(lines)
    if reporting:
        for j in range(n - 1, max(start, n - 4) - 1, -1):
            t = lines[j].text.strip()
            if EXCLAIM.match(t) or re.match(r"^(各位代表|同志们)[！!]", t) or (SALUTATION.match(t) and j > start + 5):
                if j == n - 1 or EXCLAIM.match(t) or CLOSING.search(" ".join(ln.text for ln in lines[j:])):
                    for ln in lines[j:]:
                        ln.roles = ["closing"]
                break
    for j in range(n - 1, start - 1, -1):
        if not lines[j].roles:
            nxt = lines[j + 1].roles if j + 1 < n else []
            lines[j].roles = [nxt[0]] if nxt else ["other"]


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
