"""Start from last year: a new fact sheet whose review answers last year's plan.

A clerk never starts from a blank page. Last year's targets become this
year's indicators (target kept, actual left 待填), last year's task sections
become this year's review sections (headings kept, items 待填), last year's
民生实事 become a completion list, and the meeting, years and people move on.

待填 ("to fill") is the one marker of a value the clerk still owes: `check`
lists each as unfinished (a warning, not a YAML error) and `render` refuses
until none is left. The helpers that find them live here so drafting.py only
calls them.
"""
from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..errors import InputError, Location, Problem, WARNING
from .workspace import Workspace
from ..lazyre import lazy

PENDING = "待填"
PENDING_RULE = "待填"
_NOTE = "_note"  # an emitted key turned into a comment line
_NOTE_LINE = lazy(r"^(\s*)(?:- )?" + _NOTE + r": ?(.*)$")

# What the clerk writes in place of 待填, by field name (trailing comment on the line).
_HINTS = {
    "value": "今年的实际数值",
    "change": "同比增减（%，下降写负数）",
    "unit": "单位，如 亿元、万元、元、%",
    "text": "写明今年实际做了什么、做到什么程度",
    "heading": "标题",
    "general_requirement": "今年的总体要求",
    "term_start": "本届政府的第一年",
}


# --- 待填 markers: check warns, render refuses ------------------------------------------

def is_pending(value: Any) -> bool:
    return isinstance(value, str) and value.strip().startswith(PENDING)


def pending_paths(data: Any, path: tuple = ()) -> list[tuple]:
    """Paths of every value still marked 待填, in document order."""
    if is_pending(data):
        return [path]
    found: list[tuple] = []
    if isinstance(data, dict):
        for k, v in data.items():
            found += pending_paths(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found += pending_paths(v, path + (i,))
    return found


def pending_problems(sheet) -> list[Problem]:
    """One warning per 待填 value of a parsed sheet, at its line: unfinished, not wrong."""
    from ..factsheet import format_path

    out = []
    for path in pending_paths(sheet.data):
        loc = sheet.locate(path, prefer_key=False)
        out.append(Problem(Location(loc.file, loc.line, loc.col, format_path(path)),
                           "尚未填写（待填）：请填上今年的实际情况，填完前 render 不会生成报告",
                           severity=WARNING))
    return out


def _schema_at(schema: dict, path: tuple) -> dict:
    node = schema
    for part in path:
        node = node.get("items", {}) if isinstance(part, int) else node.get("properties", {}).get(part, {})
    return node


def with_stand_ins(ws: Workspace, sheet):
    """A copy of the sheet whose numeric 待填 values read 0, so the rest of it can be checked.

    The warnings from `pending_problems` still say what is unfinished; the stand-ins
    only let the schema, formula fill and dry render look at everything else.
    """
    try:
        schema = ws.template(sheet.template_id or "").schema
    except Exception:  # unknown template: check reports it; nothing to stand in for
        return sheet
    data = copy.deepcopy(sheet.data)
    meeting = data.get("meeting") if isinstance(data.get("meeting"), dict) else {}
    some_date = next((v for v in (meeting.get("date"), data.get("date")) if isinstance(v, str) and not is_pending(v)),
                     dt.date.today().isoformat())
    for path in pending_paths(data):
        node = data
        for part in path[:-1]:
            node = node[part]
        sub = _schema_at(schema, path)
        if sub.get("type") in ("number", "integer"):
            node[path[-1]] = sub.get("minimum", 0)
        elif sub.get("format") == "date" or path[-1] == "date":
            node[path[-1]] = some_date
    return type(sheet)(sheet.path, data, sheet.positions, sheet.key_positions)


def refuse_pending(sheet, source: str) -> None:
    """InputError listing every 待填 value of a parsed sheet, when any is left (render's rule)."""
    problems = [Problem(p.location, p.message) for p in pending_problems(sheet)]
    if problems:
        raise InputError(f"{source}: 还有 {len(problems)} 处待填，填完后再生成报告", problems, footer=True)


# --- moving a sheet on by one period ----------------------------------------------------

def _next_date(value: Any, years: int) -> Any:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", str(value or ""))
    if not m:
        return value
    y, mo, d = int(m.group(1)) + years, int(m.group(2)), int(m.group(3))
    while d > 28:
        try:
            dt.date(y, mo, d)
            break
        except ValueError:
            d -= 1
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _session_name(unit: Any, meeting: dict) -> str | None:
    """镇第十八届人大第五次会议: the session that set last year's plan, named as reports do."""
    from ..gongwen.numerals import int_to_cn

    term, session = meeting.get("term"), meeting.get("session")
    if not isinstance(term, int) or not isinstance(session, int):
        return None
    level = str(unit.get("level") or "镇") if isinstance(unit, dict) else "镇"
    level = "乡" if level.endswith("乡") else level
    return f"{level}第{int_to_cn(term)}届人大第{int_to_cn(session)}次会议"


def _shift_period(period: dict, new_term: bool) -> tuple[dict, int]:
    """The period one report later and by how many years it moved (a term report: five)."""
    p = dict(period)
    kind = p.get("type", "annual")
    if kind == "term":
        span = 5
        if isinstance(p.get("review"), int):
            p["term_start"] = p["review"] + 1
        for key in ("review", "plan", "plan_end"):
            if isinstance(p.get(key), int):
                p[key] += span
        return p, span
    for key in ("review", "plan", "year"):
        if isinstance(p.get(key), int):
            p[key] += 1
    if new_term and "review" in p and "plan" in p:
        p["type"] = "term"
        p["term_start"] = PENDING
        if isinstance(p.get("plan"), int):
            p["plan_end"] = p["plan"] + 4
    return p, 1


def _next_meeting(meeting: dict, years: int, new_term: bool) -> dict:
    m = dict(meeting)
    if isinstance(m.get("term"), int) and isinstance(m.get("session"), int):
        if new_term or years > 1:
            m["term"], m["session"] = m["term"] + 1, 1
        else:
            m["session"] += 1
    if "date" in m:
        m["date"] = _next_date(m["date"], years)
    return m


# --- last year's plan → this year's review ------------------------------------------------

def _unit_of_limit(limit: Any) -> str:
    m = re.search(r"(%|‰|[^\d.\s]+)\s*$", str(limit or ""))
    return m.group(1) if m else PENDING


def _indicators_from_targets(targets: list, last_indicators: list, basis: str | None) -> list[dict]:
    from ..filters import target_phrase

    units = {str(i.get("name")): i.get("unit") for i in last_indicators if isinstance(i, dict)}
    out = []
    for t in targets:
        if not isinstance(t, dict) or not t.get("name"):
            continue
        name = str(t["name"])
        item: dict[str, Any] = {"name": name, "value": PENDING}
        if t.get("growth") is not None:
            item["unit"] = units.get(name) or PENDING
            item["change"] = PENDING
            item["target"] = t["growth"]
        elif t.get("limit") is not None:
            item["unit"] = _unit_of_limit(t["limit"])
        elif t.get("value") is not None:
            item["unit"] = t.get("unit") or units.get(name) or PENDING
            item["change"] = PENDING
        else:
            item["unit"] = units.get(name) or PENDING
            item["change"] = PENDING
        if basis and "change" in item:
            item["basis"] = basis
        item[_NOTE] = f"去年确定的目标：{target_phrase(t, '年均' if basis == '年均' else '')}"
        out.append(item)
    return out


def _indicators_again(last_indicators: list, basis: str | None) -> list[dict]:
    """Without targets, the indicators reported last year, values to fill."""
    out = []
    for i in last_indicators:
        if isinstance(i, dict) and i.get("name"):
            item: dict[str, Any] = {"name": i["name"], "value": PENDING, "unit": i.get("unit") or PENDING}
            if "change" in i:
                item["change"] = PENDING
            if basis:
                item["basis"] = basis
            out.append(item)
    return out


def _sections_from_tasks(tasks: list) -> list[dict]:
    out = []
    for task in tasks:
        if not isinstance(task, dict) or not task.get("heading"):
            continue
        items = []
        for sub in task.get("sections") or []:
            if not isinstance(sub, dict) or not sub.get("heading"):
                continue
            item: dict[str, Any] = {"label": sub["heading"], "text": PENDING}
            done = [str(x) for x in sub.get("items") or [] if x] or ([sub["summary"]] if sub.get("summary") else [])
            if done:
                item[_NOTE] = "去年部署：" + "；".join(done)
            items.append(item)
        for x in task.get("items") or []:  # congress-style tasks: heading + items
            label = x.get("label") if isinstance(x, dict) else None
            items.append({"label": label, "text": PENDING} if label else {"text": PENDING,
                                                                           _NOTE: f"去年部署：{x.get('text') if isinstance(x, dict) else x}"})
        out.append({"heading": task["heading"], "items": items or [{"text": PENDING}]})
    return out


def _projects_section(projects: list) -> dict | None:
    items = [{"label": str(p), "text": PENDING} for p in projects if isinstance(p, str) and p.strip()]
    if not items:
        return None
    return {"heading": "民生实事", _NOTE: (f"去年确定的{len(items)}件民生实事：每件写明已完成、未完成或正在推进，"
                                        "以及实际做了什么（未完成的如实写，不写“全部完成”）"), "items": items}


# --- a blank of the schema's shape, for what last year cannot supply ---------------------

def _blank(schema: dict) -> Any:
    if "const" in schema:
        return schema["const"]
    kind = schema.get("type")
    if kind == "object":
        props = schema.get("properties", {})
        keys = schema.get("required") or list(props)[:1]
        return {k: _blank(props.get(k, {})) for k in keys}
    if kind == "array":
        n = int(schema.get("minItems", 0))
        return [_blank(schema.get("items", {})) for _ in range(max(n, 1))]
    if kind == "boolean":
        return True
    if "enum" in schema:
        return schema["enum"][0]
    return PENDING


def _fill_required(data: dict, schema: dict) -> None:
    """Required fields still missing get a 待填 blank of their shape (recursively)."""
    for key in schema.get("required", []):
        sub = schema.get("properties", {}).get(key, {})
        if key not in data:
            data[key] = _blank(sub)
        elif isinstance(data[key], dict) and sub.get("type") == "object":
            _fill_required(data[key], sub)


def _fill_conditional(data: dict, schema: dict) -> None:
    """Fields the schema asks for on a condition (if/then): a 待填 blank of their shape."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema)
    for _ in range(4):
        missing = [e for e in validator.iter_errors(data) if e.validator in ("required", "dependentRequired")]
        if not missing:
            return
        for error in missing:
            node: Any = data
            for part in error.absolute_path:
                node = node[part]
            if not isinstance(node, dict):
                continue
            if error.validator == "required":
                keys = [error.message.split("'")[1]]
            else:
                keys = [k for given, needs in error.validator_value.items() if given in node for k in needs]
            for key in keys:
                if key not in node:
                    node[key] = _blank(_schema_at(schema, tuple(error.absolute_path) + (key,)))


def _no_empty_objects(data: Any) -> Any:
    """Empty mappings dropped (an emitted `key:` would read as nothing, not as {})."""
    if isinstance(data, dict):
        return {k: _no_empty_objects(v) for k, v in data.items() if not (isinstance(v, dict) and not v)}
    if isinstance(data, list):
        return [_no_empty_objects(v) for v in data]
    return data


# Identity and standing wording: the same next year.
_CARRIED = ("unit", "speaker", "person", "leadership", "guidance", "body", "upper", "party", "theory", "issuer")
_CARRIED_AS_IS = ("thanks", "closing")


def _carried(last: dict, schema: dict, new_term: bool) -> tuple[dict, list[str]]:
    """The new sheet's data and the comment lines for the clerk (last year's shortcomings …)."""
    props = schema.get("properties", {})
    data: dict[str, Any] = {"template": props.get("template", {}).get("const") or last.get("template")}
    for key in _CARRIED + _CARRIED_AS_IS:
        if key in last and key in props:
            data[key] = copy.deepcopy(last[key])
    years = 1
    if isinstance(last.get("period"), dict) and "period" in props:
        data["period"], years = _shift_period(last["period"], new_term)
    if isinstance(last.get("year"), int) and "year" in props:
        data["year"] = last["year"] + 1
    if isinstance(last.get("meeting"), dict) and "meeting" in props:
        data["meeting"] = _next_meeting(last["meeting"], years, new_term)
        if "previous_session" in props and years == 1 and not new_term:
            name = _session_name(last.get("unit"), last["meeting"])
            if name:
                data["previous_session"] = name
    if isinstance(last.get("date"), str) and "date" in props:
        data["date"] = _next_date(last["date"], years)

    plan = last.get("plan") if isinstance(last.get("plan"), dict) else {}
    last_review = last.get("review") if isinstance(last.get("review"), dict) else {}
    review_props = props.get("review", {}).get("properties", {})
    term = isinstance(data.get("period"), dict) and data["period"].get("type") == "term"
    basis = "年均" if term else None
    review: dict[str, Any] = {}
    if "indicators" in review_props:
        targets = plan.get("targets") or []
        last_ind = last_review.get("indicators") or []
        review["indicators"] = (_indicators_from_targets(targets, last_ind, basis) if targets
                                else _indicators_again(last_ind, basis))
    if "sections" in review_props:
        sections = _sections_from_tasks(plan.get("tasks") or [])
        projects = _projects_section(plan.get("practical_projects") or [])
        if projects:
            sections.append(projects)
        if sections:
            review["sections"] = sections
    if review and "review" in props:
        data["review"] = review

    review_props = props.get("review", {}).get("properties", {})
    held = last.get("meeting") if isinstance(last.get("meeting"), dict) else None
    if held and "congress" in review_props and years == 1:
        # last year's sheet was read at the session held in this year's review year
        session = {k: held[k] for k in ("date", "term", "session") if k in held}
        session["reviewed"] = [PENDING]
        data.setdefault("review", {}).setdefault("congress", {})["sessions"] = [session]
        name = _session_name(last.get("unit"), held)
        if name and "motions" in review_props:
            data["review"].setdefault("motions", {})["session_name"] = name
    for key, sub in props.items():  # parts last year's sheet had that the template asks for on a condition
        if key in last and key not in data and sub.get("type") in ("object", "array") and key != "review":
            data[key] = _blank(sub)
            if isinstance(data[key], dict):
                _fill_required(data[key], sub)

    notes: list[str] = []
    old = (last.get("shortcomings") or {}).get("items") if isinstance(last.get("shortcomings"), dict) else None
    if old:
        notes.append("去年报告指出的问题和不足（请对照今年的改进情况重新填写 shortcomings）：")
        notes += [f"  {i}. {s}" for i, s in enumerate(old, 1)]
    for key in ("next_steps",):  # duty reports: last year's plans are this year's yardstick
        steps = last.get(key)
        if isinstance(steps, dict) and steps.get("items"):
            notes.append("去年的下一步打算（今年的工作可对照述写）：")
            notes += [f"  {i}. {(s.get('label') or '') + ('：' if s.get('label') else '') + str(s.get('text') or '')}"
                      for i, s in enumerate(steps["items"], 1) if isinstance(s, dict)]
    data = _no_empty_objects(data)
    _fill_required(data, schema)
    _fill_conditional(data, schema)
    return data, notes


# --- the sheet's text ----------------------------------------------------------------------

def _annotate(lines: list[str]) -> list[str]:
    """_note keys → comment lines; 待填 values get what to write as a trailing comment."""
    out = []
    for line in lines:
        m = _NOTE_LINE.match(line)
        if m:
            body = m.group(2).strip()
            if body.startswith('"') and body.endswith('"'):
                import json

                body = json.loads(body)
            indent = m.group(1)
            at = len(out)  # a note of a list item stands above the item's first line
            dash = indent[:-2] + "- " if len(indent) >= 2 else None
            for j in range(len(out) - 1, -1, -1):
                if dash and out[j].startswith(dash):
                    at = j
                    break
                if out[j].strip() and not out[j].startswith(indent) and not out[j].startswith(indent[:-2] + "- "):
                    break
            out.insert(at, f"{indent[:-2] if at < len(out) else indent}# {body}")
            continue
        k = re.match(r"^\s*(?:- )?([A-Za-z_]+): 待填$", line)
        if k:
            out.append(f"{line}    # {PENDING}：{_HINTS.get(k.group(1), '今年的实际情况')}")
        elif re.match(r"^\s*- 待填$", line):
            out.append(f"{line}    # {PENDING}")
        else:
            out.append(line)
    return out


def carry_forward(ws: Workspace, template_id: str, last_text: str, last_source: str, *,
                  new_term: bool = False) -> str:
    """This year's commented fact sheet, started from last year's (`drafter new --from`).

    `new_term`: this year's meeting opens a new term (换届): the first session of the next term.
    """
    from ..factsheet import parse_factsheet
    from ..scaffold import _emit_mapping
    from .drafting import schema_ref

    template = ws.template(template_id)
    sheet, problems = parse_factsheet(Path(last_source), last_text)
    if sheet is None:
        raise InputError(f"{last_source}: 去年的事实表无法读取", problems)
    data, notes = _carried(sheet.data, template.schema, new_term)
    lines = []
    ref = schema_ref(template)
    if ref:
        lines.append(f"# yaml-language-server: $schema={ref}")
    lines.append(f"# {template.name}事实表，由去年的事实表 {Path(last_source).name} 结转：年份顺延，会议为下一次会议，")
    lines.append("# 去年的预期目标成了今年要报告的指标，去年的重点工作成了今年的工作回顾。")
    lines.append(f"# 标“{PENDING}”的是今年的实际情况，请逐项填写；drafter check 会列出尚未填写的项，填完前 drafter render 不会生成报告。")
    lines.append("")
    body: list[str] = []
    _emit_mapping(body, data, template.schema, 0)
    body = _annotate(body)
    if notes:
        at = next((i for i, ln in enumerate(body) if ln.startswith("shortcomings:")), None)
        if at is not None:
            while at > 0 and body[at - 1].startswith("#"):
                at -= 1
        block = [f"# {n}" for n in notes]
        body = body[:at] + block + body[at:] if at is not None else body + block
    return "\n".join(lines + body) + "\n"
