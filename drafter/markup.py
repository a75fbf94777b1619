"""Read the templates' light markup (a Markdown subset) into the report model.

The markup, parsed with markdown-it-py (CommonMark) and its block-attributes
plugin:

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

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin

from .errors import TemplateError
from .gongwen.numbering import heading_level as run_in_level
from .report import TITLE_BREAK, Block, Heading, ListBlock, Paragraph, Report, Salutation, Signature

_md = (
    MarkdownIt("commonmark", {"html": False})
    .disable(["code", "fence", "html_block", "html_inline", "image", "link", "lheading", "hr", "table"], ignoreInvalid=True)
    .use(attrs_block_plugin)
)

_SIGNATURE_FORMS = {"sealed", "personal"}


def _inline_text(tok: Token) -> str:
    """Plain text of an inline token; soft breaks join lines (Chinese has no spaces)."""
    out = []
    for child in tok.children or []:
        if child.type == "text":
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("")
        elif child.type in ("strong_open", "strong_close", "em_open", "em_close"):
            continue
        elif child.type == "code_inline":
            out.append(child.content)
        else:
            raise TemplateError(f"模板标记中不支持的行内元素：{child.type}")
    return "".join(out)


def _split_lead(tok: Token) -> tuple[str, str]:
    """(run-in lead, rest) when the paragraph opens with **bold** text, else ("", text)."""
    kids = [k for k in tok.children or [] if not (k.type == "text" and not k.content)]
    if len(kids) >= 3 and kids[0].type == "strong_open":
        depth, i = 0, 0
        lead_parts = []
        for i, k in enumerate(kids):
            if k.type == "strong_open":
                depth += 1
            elif k.type == "strong_close":
                depth -= 1
                if depth == 0:
                    break
            elif k.type == "text":
                lead_parts.append(k.content)
        rest = Token("inline", "", 0, children=kids[i + 1 :])
        return "".join(lead_parts), _inline_text(rest)
    return "", _inline_text(tok)


def _paragraph_lines(tok: Token) -> list[str]:
    """A paragraph's source lines, each a separate line (bylines, signatures)."""
    lines, cur = [], []
    for child in tok.children or []:
        if child.type in ("softbreak", "hardbreak"):
            lines.append("".join(cur))
            cur = []
        elif child.type == "text":
            cur.append(child.content)
    lines.append("".join(cur))
    return [ln for ln in lines if ln.strip()]


def parse_markup(text: str) -> Report:
    """Markup text → Report."""
    tokens = _md.parse(text)
    report = Report()
    i = 0
    seen_body = False
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            level = int(tok.tag[1])
            content = _inline_text(tokens[i + 1]).strip()
            if level == 1:
                if seen_body:
                    raise TemplateError(f"模板标记第 {tok.map[0] + 1 if tok.map else '?'} 行：标题（#）只能出现在正文之前")
                report.title.append(content)
            else:
                seen_body = True
                report.blocks.append(Heading(level - 1, content))
            i += 3
            continue
        if tok.type == "paragraph_open":
            classes = str((tok.attrs or {}).get("class", "")).split()
            cls = classes[0] if classes else ""
            extra = set(classes[1:])
            inline = tokens[i + 1]
            block: Block | None
            if extra and (cls != "signature" or extra - _SIGNATURE_FORMS):
                raise TemplateError(f"模板标记：段落类型 .{cls} 不能带 {' '.join('.' + c for c in sorted(extra))}"
                                    f"（只有 .signature 可加 .sealed、.personal）")
            if cls == "byline":
                report.byline.extend(_paragraph_lines(inline))
                block = None
            elif cls == "salutation":
                block = Salutation(_inline_text(inline).strip())
            elif cls == "signature":
                block = Signature(tuple(_paragraph_lines(inline)), sealed="sealed" in extra, personal="personal" in extra)
            elif cls:
                raise TemplateError(f"模板标记：未知的段落类型 .{cls}")
            else:
                lead, rest = _split_lead(inline)
                lead, rest = lead.strip(), rest.strip()
                block = Paragraph(rest, lead, run_in_level(lead)) if lead else Paragraph(rest)
            if block is not None:
                seen_body = True
                report.blocks.append(block)
            i += 3
            continue
        if tok.type in ("ordered_list_open", "bullet_list_open"):
            ordered = tok.type == "ordered_list_open"
            items, depth, j = [], 0, i
            while True:
                t = tokens[j]
                if t.type in ("ordered_list_open", "bullet_list_open"):
                    depth += 1
                    if depth > 1:
                        raise TemplateError("模板标记：不支持嵌套列表")
                elif t.type in ("ordered_list_close", "bullet_list_close"):
                    depth -= 1
                    if depth == 0:
                        break
                elif t.type == "inline":
                    items.append(_inline_text(t).strip())
                j += 1
            seen_body = True
            report.blocks.append(ListBlock(tuple(items), ordered))
            i = j + 1
            continue
        if tok.type == "blockquote_open":
            raise TemplateError("模板标记：不支持引用块（>），署名请用 {.byline}")
        i += 1
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
