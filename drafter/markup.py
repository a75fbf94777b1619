"""Read the templates' light markup (a Markdown subset) into the report model.

The markup is a small CommonMark subset (headings, paragraphs, one level of
lists, block attributes, **bold** run-in leads, backslash escapes), read here
by a line parser of its own: markdown-it-py cost more to import than the whole
render. tests/test_markup_parity.py holds this parser to markdown-it-py's
reading of every shipped template's output.

    # 标题（each `#` line is one title line）
    {.byline}
    ——2025年1月10日在石排镇第十八届人民代表大会第五次会议上
    {.salutation}
    各位代表：
    ## 一级标题（一、）      ### 二级（（一））   #### 三级（1.）   ##### 四级（（1））
    **（一）加大项目建设力度。**其余正文……   ← run-in heading: a paragraph opening in bold
    1. 列表项            - 破折号项
    {.signature}              ← 不盖章的机关署名；{.signature .sealed} 盖章；.personal 个人署名
    石排镇人民政府
    2025年1月10日

A `|` in a title or byline line marks where the line breaks (otherwise the
writer breaks long lines between words, see writers/linebreak.py); a clerk
may put one in a fact that prints in the title. Elsewhere it is dropped.

Anything else is an error: the template author hears about it, the clerk never
sees broken output.
"""
from __future__ import annotations

import dataclasses
import re

from .errors import TemplateError
from .gongwen.numbering import heading_level as run_in_level
from .record import record
from .report import TITLE_BREAK, Block, Heading, ListBlock, Paragraph, Report, Salutation, Signature

_SIGNATURE_FORMS = {"sealed", "personal"}


_ATTRS = re.compile(r"^\{\s*((?:\.[\w-]+\s*)+)\}\s*$")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_ORDERED = re.compile(r"^( {0,3})(\d{1,9})([.)])(?:[ \t]+(.*)|$)")
_BULLET = re.compile(r"^( {0,3})([-+*])(?:[ \t]+(.*)|$)")
_QUOTE = re.compile(r"^ {0,3}>")
_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


_ESCAPE_OR_ENTITY = re.compile(r"\\([" + re.escape(_PUNCT) + r"])|" + _ENTITY.pattern)


def _unescape(text: str) -> str:
    """CommonMark backslash escapes and entity references of one line's text (an escaped & starts no entity)."""
    if "\\" not in text and "&" not in text:
        return text
    return _ESCAPE_OR_ENTITY.sub(_unescape_one, text)


def _unescape_one(m: re.Match) -> str:
    if m.group(1) is not None:  # a backslash escape: the facts of every report have them
        return m.group(1)
    import html  # an entity: rare, and html's table of 2,000 names is not free to load

    return html.unescape(m.group())


def _line_text(line: str) -> str:
    """A paragraph line's text: leading blanks, a hard-break backslash or trailing spaces dropped, escapes resolved."""
    s = line.strip(" \t")
    if s.endswith("\\") and not s.endswith("\\\\"):
        s = s[:-1]
    return _unescape(s)


def _punct(ch: str) -> bool:
    import unicodedata

    return ch in _PUNCT or unicodedata.category(ch).startswith("P")


def _closes(before: str, after: str) -> bool:
    """CommonMark's right-flanking rule for a closing `**`: after punctuation it must be followed by a
    space, punctuation or the end (so `**（一）标题。** 正文` closes, `**标题。**正文` does not)."""
    if before.isspace():
        return False
    return not _punct(before) or not after or after.isspace() or _punct(after)


def _lead(raw: str) -> tuple[str, str]:
    """(run-in lead, rest) when a paragraph opens with **bold** text, else ("", text)."""
    if raw.startswith("**") and len(raw) > 2 and not raw[2].isspace():
        i = 2
        while i < len(raw):
            if raw[i] == "\\":
                i += 2
                continue
            if raw.startswith("**", i) and i > 2 and _closes(raw[i - 1], raw[i + 2:i + 3]):
                return _unescape(raw[2:i]), _unescape(raw[i + 2:])
            i += 1
    return "", _unescape(raw)


@record
class _Block:
    """A run of markup lines that becomes one report block."""

    kind: str                     # "para" | "ordered" | "bullet"
    lines: list[str]              # source lines (para) or item texts (lists)
    classes: tuple[str, ...] = ()
    line_no: int = 0


def _blocks(text: str) -> list[tuple[str, object, int]]:
    """Block structure of the markup: ("heading", (level, text)), ("para", _Block), ("list", _Block)."""
    out: list[tuple[str, object, int]] = []
    para: _Block | None = None
    lst: _Block | None = None
    attrs: tuple[str, ...] = ()
    for no, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            para = None
            if lst is not None:
                lst.lines.append("")  # a blank line: the list goes on only if another item follows
            continue
        if _QUOTE.match(line):
            raise TemplateError("模板标记：不支持引用块（>），署名请用 {.byline}")
        m = _ATTRS.match(line)
        if m and para is None:
            attrs = tuple(c.lstrip(".") for c in m.group(1).split())
            lst = None
            continue
        h = _HEADING.match(line)
        o, b = _ORDERED.match(line), _BULLET.match(line)
        item = (o and (o.group(4) or "").strip(), "ordered", o) if o else ((b.group(3) or "").strip(), "bullet", b) if b else None
        if h:
            para = lst = None
            out.append(("heading", (len(h.group(1)), _unescape((h.group(2) or "").strip())), no))
            attrs = ()
            continue
        if item is not None and lst is not None and len(item[2].group(1)) >= 2:
            raise TemplateError("模板标记：不支持嵌套列表")
        if item is not None and item[2] and not (para is not None and (item[1] == "ordered" and int(o.group(2)) != 1 or not item[0])):
            body, kind, _m = item
            if lst is not None and lst.kind == kind:
                while lst.lines and lst.lines[-1] == "":
                    lst.lines.pop()
                lst.lines.append(body)
            else:
                lst = _Block(kind, [body], attrs, no)
                out.append(("list", lst, no))
            para, attrs = None, ()
            continue
        if lst is not None and (line.startswith("  ") or lst.lines[-1] != ""):
            stripped = line.strip()
            if _ORDERED.match(stripped) or _BULLET.match(stripped):
                raise TemplateError("模板标记：不支持嵌套列表")
            if lst.lines[-1] == "":
                lst = None
            else:
                lst.lines[-1] += stripped  # lazy continuation of the item
                continue
        lst = None
        if para is None:
            para = _Block("para", [line], attrs, no)
            out.append(("para", para, no))
            attrs = ()
        else:
            para.lines.append(line)
    for kind, blk, _no in out:
        if kind == "list":
            while blk.lines and blk.lines[-1] == "":
                blk.lines.pop()
    return out


def parse_markup(text: str) -> Report:
    """Markup text → Report."""
    report = Report()
    seen_body = False
    for kind, value, no in _blocks(text):
        if kind == "heading":
            level, content = value
            if level == 1:
                if seen_body:
                    raise TemplateError(f"模板标记第 {no} 行：标题（#）只能出现在正文之前")
                report.title.append(content)
            else:
                seen_body = True
                report.blocks.append(Heading(level - 1, content))
            continue
        if kind == "list":
            seen_body = True
            report.blocks.append(ListBlock(tuple(_unescape(t.strip()) for t in value.lines), value.kind == "ordered"))
            continue
        classes = value.classes
        cls = classes[0] if classes else ""
        extra = set(classes[1:])
        if extra and (cls != "signature" or extra - _SIGNATURE_FORMS):
            raise TemplateError(f"模板标记：段落类型 .{cls} 不能带 {' '.join('.' + c for c in sorted(extra))}"
                                f"（只有 .signature 可加 .sealed、.personal）")
        lines = [_line_text(ln) for ln in value.lines]
        block: Block | None
        if cls == "byline":
            report.byline.extend(ln for ln in lines if ln.strip())
            block = None
        elif cls == "salutation":
            block = Salutation("".join(lines).strip())
        elif cls == "signature":
            block = Signature(tuple(ln for ln in lines if ln.strip()), sealed="sealed" in extra, personal="personal" in extra)
        elif cls:
            raise TemplateError(f"模板标记：未知的段落类型 .{cls}")
        else:
            raw = "".join(ln.strip(" \t").removesuffix("\\") if not ln.rstrip().endswith("\\\\") else ln.strip(" \t")
                          for ln in value.lines)
            lead, rest = _lead(raw)
            lead, rest = lead.strip(), rest.strip()
            block = Paragraph(rest, lead, run_in_level(lead)) if lead else Paragraph(rest)
        if block is not None:
            seen_body = True
            report.blocks.append(block)
    report.blocks = [_without_breaks(b) for b in report.blocks]
    return report


def _without_breaks(block: Block) -> Block:
    """A break mark only means something in a title or byline; a fact carrying one may also print in the text."""
    changes = {}
    for f in dataclasses.fields(block):
        value = getattr(block, f.name)
        if isinstance(value, str) and TITLE_BREAK in value:
            changes[f.name] = value.replace(TITLE_BREAK, "")
        elif isinstance(value, tuple) and any(isinstance(v, str) and TITLE_BREAK in v for v in value):
            changes[f.name] = tuple(v.replace(TITLE_BREAK, "") for v in value)
    return dataclasses.replace(block, **changes) if changes else block


_ESCAPE_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!<>&|~^=\"'$%])")


def escape(text: str) -> str:
    """Backslash-escape Markdown punctuation so a fact prints literally, and fold line breaks."""
    text = re.sub(r"\s*\n\s*", "", text.strip())
    return _ESCAPE_RE.sub(r"\\\1", text)
