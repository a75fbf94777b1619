"""drafter's own markup reader agrees with markdown-it-py (CommonMark) on everything the templates produce."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter import app, render
from drafter.markup import escape, parse_markup
from tests.conftest import EXAMPLES

import markdown_it  # noqa: F401  (test extra: the oracle must be there, never skipped)


def reference_parse(text: str):
    """The reading drafter used before: markdown-it-py with the block-attributes plugin."""
    from markdown_it import MarkdownIt
    from markdown_it.token import Token
    from mdit_py_plugins.attrs import attrs_block_plugin

    from drafter.gongwen.numbering import heading_level
    from drafter.report import Heading, ListBlock, Paragraph, Report, Salutation, Signature

    md = (MarkdownIt("commonmark", {"html": False})
          .disable(["code", "fence", "html_block", "html_inline", "image", "link", "lheading", "hr", "table"],
                   ignoreInvalid=True)
          .use(attrs_block_plugin))

    def inline(tok) -> str:
        return "".join(c.content if c.type in ("text", "code_inline") else "" for c in tok.children or [])

    def lines(tok) -> list[str]:
        out, cur = [], []
        for c in tok.children or []:
            if c.type in ("softbreak", "hardbreak"):
                out.append("".join(cur))
                cur = []
            elif c.type == "text":
                cur.append(c.content)
        out.append("".join(cur))
        return [ln for ln in out if ln.strip()]

    def lead(tok):
        kids = [k for k in tok.children or [] if not (k.type == "text" and not k.content)]
        if len(kids) >= 3 and kids[0].type == "strong_open":
            depth, parts = 0, []
            for i, k in enumerate(kids):
                depth += k.type == "strong_open"
                if k.type == "strong_close":
                    depth -= 1
                    if depth == 0:
                        break
                elif k.type == "text":
                    parts.append(k.content)
            return "".join(parts), inline(Token("inline", "", 0, children=kids[i + 1:]))
        return "", inline(tok)

    tokens = md.parse(text)
    report = Report()
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            level, content = int(tok.tag[1]), inline(tokens[i + 1]).strip()
            (report.title.append(content) if level == 1 else report.blocks.append(Heading(level - 1, content)))
            i += 3
        elif tok.type == "paragraph_open":
            classes = str((tok.attrs or {}).get("class", "")).split()
            cls, extra = (classes[0] if classes else ""), set(classes[1:])
            if cls == "byline":
                report.byline.extend(lines(tokens[i + 1]))
            elif cls == "salutation":
                report.blocks.append(Salutation(inline(tokens[i + 1]).strip()))
            elif cls == "signature":
                report.blocks.append(Signature(tuple(lines(tokens[i + 1])), sealed="sealed" in extra,
                                               personal="personal" in extra))
            else:
                ld, rest = lead(tokens[i + 1])
                ld, rest = ld.strip(), rest.strip()
                report.blocks.append(Paragraph(rest, ld, heading_level(ld)) if ld else Paragraph(rest))
            i += 3
        elif tok.type in ("ordered_list_open", "bullet_list_open"):
            items, j = [], i + 1
            while tokens[j].type not in ("ordered_list_close", "bullet_list_close"):
                if tokens[j].type == "inline":
                    items.append(inline(tokens[j]).strip())
                j += 1
            report.blocks.append(ListBlock(tuple(items), tok.type == "ordered_list_open"))
            i = j + 1
        else:
            i += 1
    return report


def _strip_breaks(report):
    from drafter.markup import _without_breaks

    report.blocks = [_without_breaks(b) for b in report.blocks]
    return report


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_reads_the_same_as_commonmark(path):
    from drafter import templates
    from drafter.formulas import fill

    ws = app.Workspace.default()
    checked = render.load(path, path.read_text(encoding="utf-8"), ws.template_dirs)
    data, _ = fill(checked, 0, ws.bank())
    markup = templates.render_markup(checked.template, data)
    assert parse_markup(markup) == _strip_breaks(reference_parse(markup))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("青溪镇一二（）、。：；1.0-*_#\\`&<>[]|{} \n") + ["&amp;", "**", "1. ", "- "]),
                max_size=30).map("".join))
def test_any_escaped_fact_prints_literally_as_in_commonmark(fact):
    for markup in ("开头" + escape(fact), escape(fact), "**（一）标题。**" + escape(fact)):
        assert parse_markup(markup) == _strip_breaks(reference_parse(markup)), markup
