"""Report model → HTML with the look of a GB/T 9704 A4 page, for the browser and the web page's preview.

Same model, same line breaks of titles and bylines and the same signature
placement as the .docx; fonts are the standard ones with fallbacks a browser
on any machine has; the type area is 156 mm wide with 22 lines of 28.95 pt and
28 characters a line; no page numbers (a browser page has none).
"""
from __future__ import annotations

from html import escape

from ..report import Heading, ListBlock, Paragraph, Report, Salutation, Signature, list_marker
from . import BlockWriter, WriteOptions
from .linebreak import break_line, centred_capacity

SCOPE = "drafter-doc"

# What a browser falls back to when a standard font is missing (Windows, macOS, Linux names).
FALLBACKS = {
    "仿宋_GB2312": ["仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "serif"],
    "仿宋": ["仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "serif"],
    "楷体_GB2312": ["楷体_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", "serif"],
    "楷体": ["楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", "serif"],
    "黑体": ["黑体", "SimHei", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "sans-serif"],
    "方正小标宋简体": ["方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong",
                  "Noto Serif CJK SC", "Source Han Serif SC", "serif"],
    "宋体": ["宋体", "SimSun", "STSong", "Noto Serif CJK SC", "serif"],
}


def font_stack(name: str, latin: str = "") -> str:
    names = ([latin] if latin else []) + FALLBACKS.get(name, [name, "serif"])
    return ", ".join(n if n in ("serif", "sans-serif") else f'"{n}"' for n in dict.fromkeys(names))


class _Layout:
    def __init__(self, style):
        from .docx import Grid

        self.s = style
        self.grid = Grid.of(style)
        self.pitch = style.page["line_pitch"]


def css(style) -> str:
    """Styles scoped to .drafter-doc, so the preview can sit inside another page."""
    lay = _Layout(style)
    s, p, f = style, style.page, style.fonts
    latin = f["latin"]
    c = f".{SCOPE}"
    condense = lay.grid.condense / 20
    rules = [
        f"{c}{{box-sizing:border-box;width:{p['width']}mm;min-height:{p['height']}mm;margin:0 auto;"
        f"padding:{p['top']}mm {p['right']}mm {p['bottom']}mm {p['left']}mm;background:#fff;color:#000;"
        f"font-family:{font_stack(f['body'], latin)};font-size:{s.sizes['body']}pt;line-height:{lay.pitch}pt;"
        f"letter-spacing:{condense}pt;text-align:justify;font-kerning:none;"
        "box-shadow:0 0 6px rgba(0,0,0,.25)}",
        f"{c} p,{c} h1,{c} h2,{c} h3,{c} h4,{c} h5{{margin:0;font-size:{s.sizes['body']}pt;font-weight:normal;"
        f"line-height:{lay.pitch}pt;text-indent:2em}}",
        f"{c} .title{{font-family:{font_stack(f['title'], latin)};font-size:{s.sizes['title']}pt;text-align:center;"
        "text-indent:0;letter-spacing:0}",
        f"{c} .byline{{font-family:{font_stack(f['byline'], latin)};text-align:center;text-indent:0}}",
        f"{c} .first{{margin-top:{lay.pitch}pt}}",
        f"{c} .salutation{{text-indent:0}}",
        f"{c} .signature{{text-align:right;text-indent:0;white-space:nowrap}}",
        f"@media print{{@page{{size:A4;margin:{p['top']}mm {p['right']}mm {p['bottom']}mm {p['left']}mm}}"
        f"{c}{{width:auto;min-height:0;padding:0;box-shadow:none}}}}",
    ]
    for level in (1, 2, 3, 4):
        key = f"heading{level}"
        weight = "bold" if s.bold[key] else "normal"
        rules.append(f"{c} .h{level}{{font-family:{font_stack(f[key], latin)};font-weight:{weight}}}")
    return "\n".join(rules)


class _Html(BlockWriter):
    def __init__(self, grid):
        self.grid = grid

    def block_heading(self, block: Heading) -> str:
        tag = f"h{block.level + 1}"
        return f'<{tag} class="h{block.level}">{escape(block.text)}</{tag}>'

    def block_paragraph(self, block: Paragraph) -> str:
        lead = f'<span class="h{block.lead_level}">{escape(block.lead)}</span>' if block.lead else ""
        return f"<p>{lead}{escape(block.text)}</p>"

    def block_list_block(self, block: ListBlock) -> str:
        return "".join(f"<p>{escape(list_marker(i, block.ordered) + item)}</p>" for i, item in enumerate(block.items, 1))

    def block_salutation(self, block: Salutation) -> str:
        return f'<p class="salutation">{escape(block.text)}</p>'

    def block_signature(self, block: Signature) -> str:
        from .docx import signature_gap, signature_layout

        out = []
        for j, (line, right) in enumerate(signature_layout(block, self.grid.chars)):
            gap = f"margin-top:{signature_gap(block) * self.grid.pitch_twips / 20}pt;" if j == 0 else ""
            out.append(f'<p class="signature" style="{gap}padding-right:{right:g}em">{escape(line)}</p>')
        return "".join(out)


def body(report: Report, style, protect: tuple[str, ...] = ()) -> str:
    lay = _Layout(style)
    parts = []
    for line in report.title:
        parts.append(f'<h1 class="title">{"<br>".join(escape(t) for t in break_line(line, centred_capacity(lay.grid.title_chars), protect))}</h1>')
    for line in report.byline:
        parts.append(f'<p class="byline">{"<br>".join(escape(t) for t in break_line(line, centred_capacity(lay.grid.chars), protect))}</p>')
    w = _Html(lay.grid)
    for i, block in enumerate(report.blocks):
        html = w.block(block)
        # one blank line between the title block and the text
        parts.append(f'<div class="first">{html}</div>' if i == 0 and (report.title or report.byline) else html)
    return "\n".join(parts)


def preview_fragment(report: Report, style=None) -> str:
    """Body markup plus its scoped CSS, to place inside another page (the web page's preview)."""
    from ..style import load_style

    style = style or load_style()
    return f"<style>\n{css(style)}\n</style>\n<article class=\"{SCOPE}\" lang=\"zh-CN\">\n{body(report, style)}\n</article>"


def write(report: Report, options: WriteOptions) -> bytes:
    style = options.resolved_style()
    title = options.title or "".join(t.replace("|", "") for t in report.title)
    protect = (options.author,) if options.author else ()
    page = (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{escape(title)}</title>\n"
        + (f'<meta name="author" content="{escape(options.author)}">\n' if options.author else "")
        + f"<style>\nbody{{margin:0;padding:8mm 0;background:#e8e8e8}}\n{css(style)}\n"
        "@media print{body{background:none;padding:0}}\n</style>\n</head>\n<body>\n"
        f"<article class=\"{SCOPE}\">\n{body(report, style, protect)}\n</article>\n</body>\n</html>\n"
    )
    return page.encode("utf-8")
