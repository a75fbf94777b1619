"""Import a finished report into a fact sheet (`drafter import`).

Last year's report is often all a clerk has: drafter's own .docx, a Word
file a colleague wrote, or text pasted from a portal. The mining pipeline
(drafter/corpus: clean, split, segment) finds its parts; this module reads
the facts out of each part and places them in the template's fields. What it
cannot place goes into comments with its source line, never into a field by
guesswork, and a value is only ever copied, never made up: a required field
it cannot find reads 待填 (see drafter/app/carry.py), so `check` lists it.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from .carry import PENDING, _fill_required
from .workspace import Workspace

_NOTE = "_note"


@dataclass
class ImportResult:
    """The sheet's YAML text, what was placed, and the lines that found no field (with their line)."""

    text: str
    data: dict
    unplaced: list[tuple[int, str]] = field(default_factory=list)
    figures: list = field(default_factory=list)  # every indicator clause read, placed or not (gongwen.figures.Figure)
    genre: str | None = None


# --- reading the file ------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes, name: str) -> str:
    """The paragraphs of a .docx as lines (tabs and breaks kept as spaces)."""
    from xml.etree import ElementTree as ET

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = z.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError) as exc:
        raise InputError(f"{name}: 不是有效的 Word 文件（.docx），无法读取") from exc
    root = ET.fromstring(xml)
    lines = []
    for p in root.iter(f"{_W}p"):
        parts = []
        for node in p.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag in (f"{_W}tab", f"{_W}br"):
                parts.append(" ")
        lines.append("".join(parts))
    return "\n".join(lines)


def report_text(data: bytes, name: str) -> str:
    """Text of a report file: .docx paragraphs, or a text file in whatever encoding it came in."""
    from ..corpus.read import decode_bytes

    if data[:2] == b"PK" or name.lower().endswith(".docx"):
        return docx_text(data, name)
    if name.lower().endswith(".doc") and data[:4] == b"\xd0\xcf\x11\xe0":
        raise InputError(f"{name}: 旧版 Word 文件（.doc）无法读取，请在 Word 或 WPS 中另存为 .docx 后再导入")
    result = decode_bytes(data)
    if result.status != "ok":
        raise InputError(f"{name}: 无法识别为文字文件（{result.status}），请导入 .docx 或 .txt")
    return result.text


# --- small readers, one fact each ---------------------------------------------------------

_CN_DIGITS = "〇零一二三四五六七八九十百"


def _cn_int(text: str) -> int | None:
    from ..gongwen.numerals import cn_to_int

    return cn_to_int(text)


def _byline(lines: list[str]) -> dict:
    """Meeting, unit and speaker from the title block: ——2025年1月10日在青溪镇第十八届人民代表大会第五次会议上 / 青溪镇镇长　林志远."""
    from ..gongwen.figures import normalise

    out: dict[str, Any] = {}
    head = [normalise(ln).strip() for ln in lines[:12]]
    for i, ln in enumerate(head):
        m = re.search(rf"(\d{{4}})年(\d{{1,2}})月(\d{{1,2}})日在(.+?)第([{_CN_DIGITS}\d]+)届人民代表大会第([{_CN_DIGITS}\d]+)次会议上", ln)
        if not m:
            continue
        term, session = _cn_int(m.group(5)), _cn_int(m.group(6))
        out["meeting"] = {k: v for k, v in (("term", term), ("session", session),
                                            ("date", f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"))
                          if v is not None}
        unit = m.group(4).strip()
        out["unit_name"] = unit
        out["line"] = i
        for nxt in head[i + 1:i + 3]:
            parts = [p for p in re.split(r"[\s　]+", nxt) if p]
            if len(parts) == 2 and parts[0].startswith(unit) and len(parts[1]) <= 4:
                post = parts[0][len(unit):]
                if post:
                    out["speaker"] = {"name": parts[1], "post": post}
                break
        break
    return out


def _level(unit_name: str) -> str | None:
    for level in ("民族乡", "镇", "乡"):
        if unit_name.endswith(level):
            return level
    return None


_LED = re.compile(r"在(?P<who>[^，。；]{2,40}?)的(?:正确|坚强)领导下")
_SUPERVISED = re.compile(r"在(?P<who>[^，。；]{2,20}?)的(?:监督支持|监督和支持|大力支持和监督)下")
_PARTY = re.compile(r"(?:党委|镇委|乡委|党工委)$")


def _leadership(text: str) -> dict | None:
    m = _LED.search(text)
    if not m:
        return None
    who = [w for w in re.split(r"[、和及]", m.group("who")) if w]
    party = [w for w in who if _PARTY.search(w)]
    upper = [w for w in who if w not in party]
    out: dict[str, Any] = {}
    if upper:
        out["upper"] = upper
    if party:
        out["party"] = party[-1]
    s = _SUPERVISED.search(text)
    if s:
        out["supervisor"] = s.group("who")
    return out if "party" in out else None


_ITEM_MARK = re.compile(r"(?:^|(?<=[。；;！：:]))\s*([一二三四五六七八九十]+是)")
_PAREN_HEAD = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]\s*")
_CN_HEAD = re.compile(r"^([一二三四五六七八九十]+)、\s*")
_NUM_ITEM = re.compile(r"^(\d+)[.．、]\s*")


def _strip_end(text: str) -> str:
    return text.strip().rstrip("。；;，, ").strip()


def _split_items(body: str) -> tuple[str, list[str]]:
    """'总述。一是……；二是……。' → ('总述', ['……', '……'])."""
    marks = list(_ITEM_MARK.finditer(body))
    if not marks:
        return body.strip(), []
    lead = body[:marks[0].start()].strip()
    items = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        items.append(_strip_end(body[m.end():end]))
    return lead, [i for i in items if i]


def _label_text(item: str) -> dict:
    """'项目建设提速增效。全年实施……' → {label, text}; a long or comma'd first sentence is no label."""
    first, dot, rest = item.partition("。")
    if dot and rest.strip() and len(first) <= 20 and not re.search(r"[，,！!？?：:]", first):
        return {"label": first.strip(), "text": _strip_end(rest)}
    return {"text": _strip_end(item)}


def _heading_line(text: str) -> tuple[str, str] | None:
    """'（一）标题。正文' or '（一）标题' → (heading, rest)."""
    m = _PAREN_HEAD.match(text)
    if not m:
        return None
    body = text[m.end():]
    head, dot, rest = body.partition("。")
    if not dot:
        return _strip_end(body), ""
    return head.strip(), rest.strip()


# --- target clauses: 生产总值增长6.5%左右 / 城镇登记失业率控制在3%以内 / 生产总值达到157亿元 --------

_TARGET_GROWTH = re.compile(r"^(?P<name>[^，,]{1,30}?)(?:年均)?(?:增长|增速)(?P<g>\d+(?:\.\d+)?)%(?P<q>左右|以上)?$")
_TARGET_LIMIT = re.compile(r"^(?P<name>[^，,]{1,30}?)控制在(?P<limit>\d+(?:\.\d+)?\s*[%‰])(?:以内|之内)$")
_TARGET_VALUE = re.compile(r"^(?P<name>[^，,]{1,30}?)(?P<verb>达到|突破)(?P<value>\d+(?:\.\d+)?)(?P<unit>[^\d，,]{1,4})$")


def _targets(text: str) -> tuple[list[dict], list[str]]:
    from ..gongwen.figures import normalise

    body = normalise(text).split("：", 1)[-1].split(":", 1)[-1]
    placed, left = [], []
    for clause in re.split(r"[，,；;、]", _strip_end(body)):
        clause = clause.strip()
        if not clause:
            continue
        m = _TARGET_GROWTH.match(clause)
        if m:
            t = {"name": _target_name(m.group("name")), "growth": _number(m.group("g"))}
            if m.group("q"):
                t["qualifier"] = m.group("q")
            placed.append(t)
            continue
        m = _TARGET_LIMIT.match(clause)
        if m:
            placed.append({"name": _target_name(m.group("name")), "limit": m.group("limit").replace(" ", "")})
            continue
        m = _TARGET_VALUE.match(clause)
        if m and m.group("verb") == "达到":
            placed.append({"name": _target_name(m.group("name")), "value": _number(m.group("value")), "unit": m.group("unit")})
            continue
        left.append(clause)
    return [t for t in placed if t["name"]], left


def _target_name(raw: str) -> str:
    """A target's name as the sheet gives it: the town's scope word the template adds is dropped."""
    return re.sub(r"^(?:今年|全年)?全(?:镇|乡)", "", raw.strip()) or raw.strip()


def _number(text: str):
    v = float(text)
    return int(v) if v.is_integer() and "." not in text else v


# --- the report, part by part ----------------------------------------------------------------

@dataclass
class _Part:
    role: str
    no: int     # line in the imported text (1-based)
    text: str


def _parts(text: str, name: str) -> tuple[list[_Part], str | None]:
    """The main document's lines with their roles, from the mining pipeline."""
    from ..corpus.pipeline import mine_text

    docs, _ = mine_text(text, name)
    if not docs:
        raise InputError(f"{name}: 没有读到报告正文")
    doc = max(docs, key=lambda d: len(d.text))
    parts = [_Part((ln.roles or ["other"])[-1] if len(ln.roles) == 1 else ln.roles[0], ln.raw_no, ln.text.strip())
             for ln in doc.lines if ln.text.strip()]
    return parts, doc.genre


_PERIOD_REVIEW = re.compile(r"(\d{4})年(上半年)?工作(?:回顾|总结)")
_PERIOD_PLAN = re.compile(r"(\d{4})年(下半年)?工作(?:安排|计划|打算|思路)")


def _period(parts: list[_Part], meeting: dict | None) -> dict:
    from ..gongwen.figures import normalise

    period: dict[str, Any] = {}
    heads = [normalise(p.text) for p in parts if p.role in ("review_heading", "plan_heading", "opening")]
    for h in heads:
        m = _PERIOD_REVIEW.search(h)
        if m and "review" not in period:
            period["review"] = int(m.group(1))
            if m.group(2):
                period["type"] = "half"
        m = _PERIOD_PLAN.search(h)
        if m and "plan" not in period:
            period["plan"] = int(m.group(1))
        if "本届政府工作回顾" in h or "过去五年" in h and "回顾" in h:
            period["type"] = "term"
        if "下半年" in h:
            period["type"] = "half"
    if period.get("type") == "half" and "review" in period:
        period.setdefault("plan", period["review"])
    if "review" not in period and "plan" in period:
        period["review"] = period["plan"] - (0 if period.get("type") == "half" else 1)
    if "plan" not in period and "review" in period:
        period["plan"] = period["review"] + (0 if period.get("type") == "half" else 1)
    year = int(meeting["date"][:4]) if meeting and meeting.get("date") else None
    if "review" not in period and year:
        period["review"], period["plan"] = year - 1, year  # the session in January reviews last year
    if period.get("type") == "term" and "review" in period:
        if year and "plan" not in period:
            period["plan"] = year
        period.setdefault("plan", period["review"] + 1)
        period["plan_end"] = period["plan"] + 4
        period["term_start"] = period["review"] - 4
    return period


class _Builder:
    """Places one report's parts into a gov_work_report-shaped sheet; records what found no place."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.unplaced: list[tuple[int, str]] = []
        self.figures: list = []
        self._opening_figures: list = []

    def leave(self, part: _Part, why: str = "") -> None:
        self.unplaced.append((part.no, part.text))

    # review ------------------------------------------------------------------------------
    def review(self, parts: list[_Part]) -> None:
        from ..gongwen.figures import read_figures

        review: dict[str, Any] = {}
        sections: list[dict] = []
        headline = None
        current: dict | None = None
        for part in parts:
            text = part.text
            self.figures += read_figures(text)
            head = _heading_line(text)
            if head:
                heading, rest = head
                current = {"heading": heading, "items": []}
                sections.append(current)
                lead, items = _split_items(rest)
                if lead:
                    current["summary"] = lead
                current["items"] += [_label_text(i) for i in items]
                continue
            if current is None:
                # before the first section: the year's character, overview and headline indicators
                self._opening_figures += read_figures(text)
                if headline is None:
                    for sentence in re.split(r"(?<=。)", text):
                        found = self._headline_in(sentence)
                        if found:
                            headline = found
                            break
                m = re.search(r"(\d{4})年是(.+?的一年)(?:，也是(.+?的一年))?。", text)
                if m:
                    review["year_character"] = [x for x in (m.group(2), m.group(3)) if x]
                honors = re.search(r"(?:被授予|先后荣获)(.+?)(?:等)?荣誉称号", text)
                if honors:
                    review["honors"] = [h for h in re.split(r"[、，]", honors.group(1)) if h]
                lead = _leadership(text)
                if lead:
                    self.data.setdefault("leadership", lead)
                prev = re.search(r"较好地完成了(.+?)确定的各项目标任务", text)
                if prev and not prev.group(1).startswith(("年初", "本届政府")):
                    self.data["previous_session"] = prev.group(1)
                if not (m or lead or headline or honors) and not re.search(r"主要做了以下工作|主要工作如下", text):
                    self.leave(part)
                continue
            lead, items = _split_items(text)
            if items:
                if lead and not current.get("summary") and not current["items"]:
                    current["summary"] = lead
                elif lead:
                    current["items"].append({"text": _strip_end(lead)})
                current["items"] += [_label_text(i) for i in items]
            elif not current.get("summary") and not current["items"]:
                current["summary"] = text
            else:
                current["items"].append(_label_text(text))
        if headline:
            review["indicators"] = headline
        elif self._opening_figures:
            # no headline sentence: the figures the paragraphs before the first section state
            review["indicators"] = [self._indicator(f) for f in self._opening_figures]
        else:
            # nor there: the first item that states figures
            for sec in sections:
                for it in [{"text": sec.get("summary", "")}] + sec["items"]:
                    figs = read_figures(it.get("text", ""))
                    if figs:
                        review["indicators"] = [self._indicator(f) for f in figs]
                        break
                if "indicators" in review:
                    break
        for sec in sections:
            if not sec["items"] and sec.get("summary"):
                sec["items"] = [{"text": _strip_end(sec.pop("summary"))}]
            for it in sec["items"]:
                it["text"] = _strip_end(it["text"])
        if sections:
            review["sections"] = sections
        self.data["review"] = review

    def _headline_in(self, sentence: str) -> list[dict] | None:
        from ..gongwen.figures import read_headline

        if not re.search(r"\d", sentence):
            return None
        # the figures follow the last lead-in comma before the first figure
        body = sentence.rstrip("。")
        for cut in [0] + [m.end() for m in re.finditer(r"[，,]", body)]:
            figs = read_headline(body[cut:])
            if figs:
                return [self._indicator(f) for f in figs]
            if re.match(r"[^，,]*\d", body[cut:]):
                break
        return None

    @staticmethod
    def _indicator(f) -> dict:
        item: dict[str, Any] = {"name": f.name, "value": f.value, "unit": f.unit}
        if f.change is not None:
            item["change"] = f.change
        if f.verb == "达到":
            item["verb"] = "达到"
        if f.basis and f.basis != "同比":
            item["basis"] = f.basis
        return item

    # thanks and shortcomings -------------------------------------------------------------
    def thanks(self, parts: list[_Part]) -> None:
        to: list[str] = []
        for part in parts:
            m = re.search(r"(?:在此，?)?(?:我代表[^，]*，)?(向.+?)(?:表示|致以)(?:衷心的|诚挚的|崇高的)", part.text)
            if m:
                to += [_strip_end(x) for x in re.split(r"[，,]?向", m.group(1)) if _strip_end(x)]
                lead = part.text[:m.start()].strip()
                if lead:
                    self.unplaced.append((part.no, lead))
            else:
                self.leave(part)
        if to:
            self.data["thanks"] = {"to": to}

    def shortcomings(self, parts: list[_Part]) -> None:
        items: list[str] = []
        for part in parts:
            lead, found = _split_items(part.text)
            numbered = _PAREN_HEAD.match(part.text) or _NUM_ITEM.match(part.text)
            if found:
                last, dot, closer = found[-1].partition("。")
                if dot and closer.strip():
                    found[-1] = last
                    self.unplaced.append((part.no, closer.strip()))
                items += found
            elif numbered:
                items.append(_strip_end(part.text[numbered.end():]))
            else:
                self.leave(part)
        if items:
            self.data["shortcomings"] = {"items": items}

    # plan ---------------------------------------------------------------------------------
    def plan(self, parts: list[_Part]) -> None:
        plan: dict[str, Any] = {}
        tasks: list[dict] = []
        task: dict | None = None
        projects: list[str] = []
        in_projects = False
        for part in parts:
            text = part.text
            req = re.search(r"总体要求是[：:](.+)$", text)
            if req:
                plan["general_requirement"] = _strip_end(req.group(1))
                continue
            if re.search(r"目标(?:是|为)[：:]", text) or (part.role == "targets" and re.search(r"增长\d", text)):
                targets, left = _targets(text)
                if targets:
                    plan["targets"] = targets
                for clause in left:
                    self.unplaced.append((part.no, clause))
                continue
            if re.search(r"办好以下.{0,4}件民生实事|民生实事[：:]$", text):
                in_projects = True
                continue
            num = _NUM_ITEM.match(text)
            if in_projects and num:
                projects.append(_strip_end(text[num.end():]))
                continue
            in_projects = False
            cn = _CN_HEAD.match(text)
            if cn:
                task = {"heading": _strip_end(text[cn.end():]), "sections": []}
                tasks.append(task)
                continue
            head = _heading_line(text)
            if head and task is not None:
                heading, rest = head
                lead, items = _split_items(rest)
                sec: dict[str, Any] = {"heading": heading}
                if lead:
                    sec["summary"] = lead
                if items:
                    sec["items"] = items
                task["sections"].append(sec)
                continue
            if task is not None and not task["sections"] and "summary" not in task:
                task["summary"] = text
                continue
            if task is None and part.role in ("plan_overview",) and not re.search(r"以下.{0,6}(方面|工作)", text):
                plan.setdefault("situation", []).append(text)
                continue
            self.leave(part)
        for t in tasks:
            if not t["sections"]:
                t["sections"] = [{"heading": t["heading"]}]  # a task with no sub-headings keeps its own
        if tasks:
            plan["tasks"] = tasks
        if projects:
            plan["practical_projects"] = projects
        if plan:
            self.data["plan"] = plan

    def closing(self, parts: list[_Part]) -> None:
        closing: dict[str, Any] = {}
        for part in parts:
            text = re.sub(r"^各位代表[！!]\s*", "", part.text)
            if re.fullmatch(r"谢谢(大家)?[！!]?", text):
                closing["thanks_line"] = True
                continue
            goal = re.search(r"(?:^|[，,])为([^，,！!]+?)而(?:努力|不懈|团结)?奋斗[！!]", text)
            before = text.split("让我们", 1)[0].strip() if "让我们" in text else ""
            if before and "outlook" not in closing:
                closing["outlook"] = before
            if goal:
                closing["goal"] = goal.group(1)
            if not goal and not before:
                self.leave(part)
        if closing:
            closing.setdefault("thanks_line", False)
            self.data["closing"] = closing


def _place(parts: list[_Part]) -> _Builder:
    b = _Builder()
    groups: dict[str, list[_Part]] = {}
    for part in parts:
        role = part.role
        if role == "review_heading" or role == "plan_heading" or role in ("title", "salutation"):
            continue
        if role == "opening":
            b.unplaced.append((part.no, part.text))
            continue
        key = {"achievements": "review", "thanks": "thanks", "shortcomings": "shortcomings",
               "plan_overview": "plan", "targets": "plan", "tasks": "plan", "closing": "closing"}.get(role)
        if key is None:
            b.leave(part)
            continue
        groups.setdefault(key, []).append(part)
    if "review" in groups:
        b.review(groups["review"])
    if "thanks" in groups:
        b.thanks(groups["thanks"])
    if "shortcomings" in groups:
        b.shortcomings(groups["shortcomings"])
    if "plan" in groups:
        b.plan(groups["plan"])
    if "closing" in groups:
        b.closing(groups["closing"])
    return b


# --- templates of other shapes: numbered parts onto the template's section fields, in order ------

@dataclass
class _Block:
    heading: str
    no: int
    paras: list = field(default_factory=list)
    role: str = ""


_ENDS_BLOCK = ("review_heading", "plan_heading", "thanks", "closing", "salutation", "title", "opening")


def _blocks(parts: list[_Part]) -> tuple[list[_Block], list[_Part]]:
    """The report's 一、… parts with their paragraphs; the paragraphs outside any part."""
    blocks: list[_Block] = []
    loose: list[_Part] = []
    current: _Block | None = None
    for part in parts:
        m = _CN_HEAD.match(part.text)
        if m and part.role not in ("title", "salutation", "closing"):
            current = _Block(_strip_end(part.text[m.end():]), part.no, role=part.role)
            blocks.append(current)
            continue
        if part.role in _ENDS_BLOCK or part.role == "shortcomings" and (current is None or "问题" not in current.heading
                                                                        and "不足" not in current.heading):
            current = None
        if current is None:
            loose.append(part)
        else:
            current.paras.append(part)
    return blocks, loose


def _slots(schema: dict, path: tuple = ()) -> list[tuple[str, tuple, dict]]:
    """Section fields of a template, in the schema's order: ('single'|'list', path, schema)."""
    out = []
    for key, sub in (schema.get("properties") or {}).items():
        here = path + (key,)
        if key in ("shortcomings", "unit", "meeting", "speaker", "period", "person", "leadership", "guidance"):
            continue
        props = sub.get("properties") or {}
        if sub.get("type") == "object" and isinstance(props.get("items"), dict) and props["items"].get("type") == "array":
            out.append(("single", here, sub))
        elif sub.get("type") == "array" and "heading" in ((sub.get("items") or {}).get("properties") or {}):
            out.append(("list", here, sub))
        elif sub.get("type") == "array" and "text" in ((sub.get("items") or {}).get("properties") or {}):
            out.append(("itemlist", here, sub))
        elif sub.get("type") == "object":
            out += _slots(sub, here)
    return out


def _item_text(item: dict) -> str:
    return f"{item['label']}。{item['text']}" if item.get("label") else item["text"]


def _section(block: _Block, schema: dict) -> dict:
    """One part as a {heading, summary, items} of the slot's shape."""
    props = schema.get("properties") or {}
    item_schema = (props.get("items") or {}).get("items") or {}
    as_strings = item_schema.get("type") == "string"
    out: dict[str, Any] = {"heading": block.heading} if "heading" in props else {}
    items: list[dict] = []
    for para in block.paras:
        text = para.text
        head = _heading_line(text)
        if head:
            label, rest = head
            items.append({"label": label, "text": _strip_end(rest)} if rest else {"text": label})
            continue
        lead, found = _split_items(text)
        if lead:
            if "summary" in props and "summary" not in out and not items:
                out["summary"] = _strip_end(lead)
            else:
                items.append({"text": _strip_end(lead)})
        items += [{"text": i} if as_strings else _label_text(i) for i in found]
    if items:
        out["items"] = [_item_text(i) if as_strings else i for i in items]
    elif out.get("summary") and "items" in (schema.get("required") or []):
        out["items"] = [out.pop("summary")] if as_strings else [{"text": out.pop("summary")}]
    return out


def _sub_sections(block: _Block, schema: dict) -> list[dict] | None:
    """A part made of （一）… paragraphs, each one element of a list field (a work plan's tasks).

    A （一） line's own text after its heading and the paragraphs up to the next one are its body.
    """
    if sum(1 for p in block.paras if _heading_line(p.text)) < 2:
        return None
    subs: list[_Block] = []
    for p in block.paras:
        head = _heading_line(p.text)
        if head:
            label, rest = head
            subs.append(_Block(label, p.no, [_Part(p.role, p.no, rest)] if rest else []))
        elif subs:
            subs[-1].paras.append(p)
    return [_section(sub, schema) for sub in subs]


def _set(data: dict, path: tuple, value: Any) -> None:
    node = data
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value


def _string_field(block: _Block, schema: dict) -> str | None:
    """A text field whose description names the part's heading (指导思想 → guiding)."""
    for key, sub in (schema.get("properties") or {}).items():
        desc = str(sub.get("description") or "")
        if sub.get("type") == "string" and block.heading and desc.startswith(block.heading):
            return key
    return None


def _congress_facts(block: _Block, section: dict, schema: dict) -> None:
    """Sessions held and motions raised, where the template asks for them (人大 reports)."""
    props = schema.get("properties") or {}
    text = "".join(p.text for p in block.paras)  # copied into fields as written: no normalising
    if "sessions" in props:
        sessions = []
        for m in re.finditer(rf"于(\d{{4}})年(\d{{1,2}})月(\d{{1,2}})日召开了[^。]*?第([{_CN_DIGITS}\d]+)届人民代表大会第([{_CN_DIGITS}\d]+)次会议。"
                             r"大会听取和审议了((?:《[^》]+》)+)(?:[，,]([^。]+))?。", text):
            s = {"date": f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}",
                 "term": _cn_int(m.group(4)), "session": _cn_int(m.group(5)),
                 "reviewed": re.findall(r"《([^》]+)》", m.group(6))}
            if m.group(7):
                s["results"] = m.group(7)
            sessions.append(s)
        if sessions:
            section["sessions"] = sessions
            section.pop("summary", None)
            section["items"] = [i for i in section.get("items", []) if "召开了" not in i.get("text", "")]
    if "session_name" in props:
        m = re.search(r"在([^，,。]+?)上[，,].{0,8}代表共提出(?:议案(\d+)件)?、?(?:建议、批评和意见(\d+)件)?", text)
        if m:
            section["session_name"] = m.group(1)
            section["motions"] = int(m.group(2) or 0)
            section["suggestions"] = int(m.group(3) or 0)
            section["items"] = [i for i in section.get("items", []) if "代表共提出" not in i.get("text", "")]


def _bigrams(text: str) -> set[str]:
    t = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


def _overlap(heading: str, description: str) -> int:
    return len(_bigrams(heading) & _bigrams(description))


def _describe_slot(schema: dict, path: tuple) -> str:
    """A field's description with its parents' (plan.tasks: 新一年人大工作思路 + 主要工作任务)."""
    out, node = [], schema
    for key in path:
        node = (node.get("properties") or {}).get(key) or {}
        out.append(str(node.get("description") or ""))
    return " ".join(out)


def _get(data: dict, path: tuple) -> Any:
    node: Any = data
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def _fill_slot(b: "_Builder", kind: str, path: tuple, sub: dict, blocks: list[_Block]) -> None:
    if kind == "single":
        section = _section(blocks[0], sub)
        _congress_facts(blocks[0], section, sub)
        _set(b.data, path, section)
        b.unplaced += [(blk.no, blk.heading) for blk in blocks[1:]]
    elif kind == "itemlist":
        element = sub.get("items") or {}
        items = []
        for blk in blocks:
            items += _section(blk, {"properties": {"items": {"type": "array", "items": element}}}).get("items", [])
        _set(b.data, path, items)
    else:
        element = sub.get("items") or {}
        expanded = _sub_sections(blocks[0], element) if len(blocks) == 1 else None
        _set(b.data, path, expanded or [_section(blk, element) for blk in blocks])


def _place_sections(b: "_Builder", parts: list[_Part], schema: dict) -> None:
    """Numbered parts, in order, onto the template's section fields, in the schema's order."""
    blocks, _ = _blocks(parts)
    slots = _slots(schema)
    rest: list[_Block] = []
    for block in blocks:
        if "问题" in block.heading or "不足" in block.heading:
            b.shortcomings(block.paras)
            continue
        key = _string_field(block, schema)
        if key and block.paras:
            b.data[key] = _strip_end("".join(p.text for p in block.paras))
            continue
        if any(re.search(r"目标(?:是|为)[：:]", p.text) for p in block.paras) and "targets" in (schema.get("properties") or {}):
            for p in block.paras:
                targets, left = _targets(p.text)
                if targets:
                    b.data["targets"] = targets
                b.unplaced += [(p.no, c) for c in left]
            continue
        rest.append(block)
    # a part whose heading the template's own description of a field names goes there
    assigned: dict[int, list[_Block]] = {}
    ordered: list[_Block] = []
    plan_roles = ("plan_heading", "plan_overview", "targets", "tasks")
    for block in rest:
        side = "plan" if block.role in plan_roles else "review" if block.role == "achievements" else None
        scores = [(_overlap(block.heading, _describe_slot(schema, path)), n) for n, (_, path, _) in enumerate(slots)
                  if side is None or path[0] not in ("review", "plan") or path[0] == side]
        best = max(scores, default=(0, -1))
        taken_single = best[1] in assigned and slots[best[1]][0] == "single"
        if best[0] >= 3 and [sc for sc, _ in scores].count(best[0]) == 1 and not taken_single:
            assigned.setdefault(best[1], []).append(block)
        else:
            ordered.append(block)
    for n, blocks_here in assigned.items():
        kind, path, sub = slots[n]
        _fill_slot(b, kind, path, sub, blocks_here)
    slots = [slot for n, slot in enumerate(slots) if n not in assigned or slot[0] == "list"]
    slots = [slot for slot in slots if not (slot[0] == "list" and _get(b.data, slot[1]))]
    rest = ordered
    i = 0
    for n, (kind, path, sub) in enumerate(slots):
        if i >= len(rest):
            break
        if kind == "itemlist":
            continue  # only by its description: a list of one-paragraph items has no numbered part of its own
        singles_after = sum(1 for k, _, _ in slots[n + 1:] if k == "single")
        if kind == "single":
            section = _section(rest[i], sub)
            _congress_facts(rest[i], section, sub)
            _set(b.data, path, section)
            i += 1
            continue
        element = sub.get("items") or {}
        take = max(1, len(rest) - i - singles_after)
        expanded = _sub_sections(rest[i], element) if take == 1 else None
        if expanded:
            _set(b.data, path, expanded)
            i += 1
            continue
        _set(b.data, path, [_section(blk, element) for blk in rest[i:i + take]])
        i += take
    for blk in rest[i:]:
        b.unplaced.append((blk.no, blk.heading))
        b.unplaced += [(p.no, p.text) for p in blk.paras]


def _fit(data: dict, schema: dict) -> tuple[dict, list[str]]:
    """Only the fields the template has; the rest goes back as comment lines."""
    props = schema.get("properties", {})
    out, dropped = {}, []
    for k, v in data.items():
        if k in props:
            sub = props[k]
            if isinstance(v, dict) and sub.get("type") == "object" and sub.get("properties"):
                inner, more = _fit(v, sub)
                out[k] = inner
                dropped += [f"{k}.{m}" for m in more]
            else:
                out[k] = v
        else:
            dropped.append(f"{k}: {v}")
    return out, dropped


def import_report(ws: Workspace, data: bytes, name: str, template_id: str) -> ImportResult:
    """A fact sheet of `template_id` filled from a finished report (.docx, .txt or pasted text)."""
    from ..scaffold import _emit_mapping
    from .carry import _annotate
    from .drafting import schema_ref

    template = ws.template(template_id)
    if not data.strip():
        raise InputError(f"{name}: 文件是空的")
    text = report_text(data, name)
    if not text.strip():
        raise InputError(f"{name}: 文件是空的")
    raw_lines = text.splitlines()
    parts, genre = _parts(text, name)
    review_props = (template.schema.get("properties", {}).get("review") or {}).get("properties") or {}
    if "sections" in review_props:
        b = _place(parts)
    else:
        b = _Builder()
        _place_sections(b, parts, template.schema)
        if "shortcomings" not in b.data:
            loose = [p for p in _blocks(parts)[1] if p.role == "shortcomings"]
            if loose:
                b.shortcomings(loose)
        rest = [p for p in parts if p.role in ("thanks", "closing", "opening")]
        b.unplaced += [(p.no, p.text) for p in rest]
        lead = next((_leadership(p.text) for p in parts if _leadership(p.text)), None)
        if lead:
            b.data.setdefault("leadership", lead)
    sheet: dict[str, Any] = {"template": template_id}
    by = _byline(raw_lines)
    if by.get("unit_name"):
        unit = {"name": by["unit_name"]}
        if _level(by["unit_name"]):
            unit["level"] = _level(by["unit_name"])
        sheet["unit"] = unit
    if by.get("meeting"):
        sheet["meeting"] = by["meeting"]
    if by.get("speaker"):
        sheet["speaker"] = by["speaker"]
    period = _period(parts, by.get("meeting"))
    if period:
        sheet["period"] = period
    sheet.update(b.data)
    fitted, dropped = _fit(sheet, template.schema)
    _fill_required(fitted, template.schema)
    _pending_unit_level(fitted)
    lines = []
    ref = schema_ref(template)
    if ref:
        lines.append(f"# yaml-language-server: $schema={ref}")
    lines.append(f"# {template.name}事实表，由 {Path(name).name} 导入：事实按原文摘出，没有的写“{PENDING}”，请核对后填写。")
    lines.append("# 没能放进字段的原文列在最后（带原文行号），需要时请手工放入。")
    lines.append("")
    body: list[str] = []
    _emit_mapping(body, fitted, template.schema, 0)
    body = _annotate(body)
    tail = []
    if b.unplaced or dropped:
        tail.append("")
        tail.append("# —— 以下原文未能放入本模板的字段（第几行：原文）——")
        for no, t in sorted(b.unplaced):
            tail.append(f"# 第{no}行：{t}")
        for d in dropped:
            tail.append(f"# 本模板没有的字段：{d}")
    yaml_text = "\n".join(lines + body + tail) + "\n"
    return ImportResult(yaml_text, fitted, sorted(b.unplaced), b.figures, genre)


def _pending_unit_level(data: dict) -> None:
    """A town's name the byline did not give stays 待填 (the schema asks for it)."""
    unit = data.get("unit")
    if isinstance(unit, dict) and not unit.get("name"):
        unit["name"] = PENDING
