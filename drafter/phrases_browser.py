"""Full-screen phrase-bank browser (`drafter phrases` without a subcommand).

A query line filters the list live (the bank's own search ranking: Chinese,
keywords or pinyin initials); Tab / Shift-Tab cycle the role; Up/Down move;
the preview pane shows the whole entry; Enter returns the chosen entry, Esc or
Ctrl-C returns None.  The screen is drawn on the terminal (/dev/tty), so
stdout stays free for the chosen text (`drafter phrases > out.txt` works).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

from .phrasebank import ROLES, Index, search

ROLE_NAMES = {
    "opening": "开头", "review_heading": "回顾标题", "achievements": "成绩", "thanks": "感谢",
    "shortcomings": "不足", "plan_heading": "计划标题", "plan_overview": "计划总述",
    "targets": "目标", "tasks": "任务", "closing": "结尾",
}
LIST_LIMIT = 300


def role_label(role: str | None) -> str:
    return "全部" if role is None else f"{ROLE_NAMES.get(role, role)} {role}"


def matches(index: Index, query: str, role: str | None, genre: str | None,
            limit: int = LIST_LIMIT) -> list[dict]:
    """Entries for the list: ranked search hits, or (empty query) the most frequent ones."""
    if query.strip():
        return [e for _, e in search(index, query, role=role, genre=genre, limit=limit)]
    rows = [
        e for e in index.entries
        if (role is None or e.get("role") == role) and (genre is None or genre in (e.get("genres") or ()))
    ]
    rows.sort(key=lambda e: -int(e.get("count", 0) or 0))
    return rows[:limit]


def _clip(line: str, width: int) -> str:
    """Cut a line to a display width (CJK counts 2) so wide characters never spill over."""
    from prompt_toolkit.utils import get_cwidth

    used, out = 0, []
    for ch in line:
        w = get_cwidth(ch)
        if used + w > width - 1:
            out.append("…")
            break
        out.append(ch)
        used += w
    return "".join(out)


def preview_text(e: dict | None) -> str:
    if e is None:
        return "（没有匹配的常用语）"
    srcs = e.get("sources") or []
    lines = [
        e["text"],
        "",
        f"角色：{role_label(e.get('role'))}",
        f"功能：{e.get('function') or '—'}",
        f"文种：{'、'.join(e.get('genres') or []) or '—'}",
        f"次数：{e.get('count', 0)}",
        "出处：",
    ]
    lines += [f"  {s}" for s in srcs] or ["  —"]
    return "\n".join(lines)


def terminal_available() -> bool:
    """True when stdin is a terminal and the controlling terminal can be opened."""
    if not sys.stdin.isatty():
        return False
    try:
        with open("/dev/tty", "w"):
            return True
    except OSError:
        return False


def browse(index: Index, role: str | None = None, genre: str | None = None) -> dict | None:
    """Run the full-screen browser; the chosen entry, or None when the user left."""
    from prompt_toolkit.application import Application, get_app
    from prompt_toolkit.buffer import Buffer
    from prompt_toolkit.data_structures import Point
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.layout import HSplit, Layout, VSplit, Window
    from prompt_toolkit.layout.controls import BufferControl, FormattedTextControl
    from prompt_toolkit.layout.dimension import Dimension
    from prompt_toolkit.output import create_output
    from prompt_toolkit.styles import Style

    roles: list[str | None] = [None, *ROLES]
    state = {"role": roles.index(role) if role in roles else 0, "sel": 0, "rows": []}

    def refresh(_=None) -> None:
        state["rows"] = matches(index, buf.text, roles[state["role"]], genre)
        state["sel"] = 0

    buf = Buffer(multiline=False, on_text_changed=refresh)

    def current() -> dict | None:
        rows = state["rows"]
        return rows[state["sel"]] if rows else None

    def header():
        g = f"　文种：{genre}" if genre else ""
        return [
            ("class:header", f" 角色：{role_label(roles[state['role']])}{g}　共 {len(state['rows'])} 条 "),
            ("class:hint", "  Tab/Shift-Tab 切换角色  ↑↓ 选择  Enter 选定  Esc 退出"),
        ]

    def list_lines():
        out = []
        for n, e in enumerate(state["rows"]):
            style = "class:selected" if n == state["sel"] else ""
            tag = f"[{e.get('role')}/{e.get('function') or '—'}] "
            line = _clip(("> " if n == state["sel"] else "  ") + tag + e["text"], list_width())
            out.append((style, line + "\n"))
        if not out:
            out.append(("class:hint", "  （没有匹配的常用语）"))
        return out

    def list_width() -> int:
        info = list_window.render_info
        if info is not None:
            return info.window_width
        return max(20, get_app().output.get_size().columns * 3 // 5 - 1)

    kb = KeyBindings()

    @kb.add("tab")
    def _next_role(event) -> None:
        state["role"] = (state["role"] + 1) % len(roles)
        refresh()

    @kb.add("s-tab")
    def _prev_role(event) -> None:
        state["role"] = (state["role"] - 1) % len(roles)
        refresh()

    @kb.add("down")
    @kb.add("c-n")
    def _down(event) -> None:
        if state["rows"]:
            state["sel"] = min(state["sel"] + 1, len(state["rows"]) - 1)

    @kb.add("up")
    @kb.add("c-p")
    def _up(event) -> None:
        state["sel"] = max(state["sel"] - 1, 0)

    @kb.add("pagedown")
    def _pgdown(event) -> None:
        if state["rows"]:
            state["sel"] = min(state["sel"] + 10, len(state["rows"]) - 1)

    @kb.add("pageup")
    def _pgup(event) -> None:
        state["sel"] = max(state["sel"] - 10, 0)

    @kb.add("enter")
    def _enter(event) -> None:
        e = current()
        if e is not None:
            event.app.exit(result=e)

    @kb.add("escape", eager=True)
    @kb.add("c-c")
    @kb.add("c-g")
    def _quit(event) -> None:
        event.app.exit(result=None)

    list_window = Window(
        FormattedTextControl(list_lines, get_cursor_position=lambda: Point(0, state["sel"])),
        wrap_lines=False,
        width=Dimension(weight=3),
    )
    preview = Window(
        FormattedTextControl(lambda: preview_text(current())),
        wrap_lines=True,
        width=Dimension(weight=2),
    )
    root = HSplit([
        Window(FormattedTextControl(header), height=1),
        VSplit([
            Window(FormattedTextControl([("class:prompt", " 检索> ")]), width=7, dont_extend_width=True),
            Window(BufferControl(buffer=buf), height=1),
        ]),
        Window(height=1, char="─", style="class:line"),
        VSplit([list_window, Window(width=1, char="│", style="class:line"), preview]),
    ])
    style = Style.from_dict({
        "header": "reverse bold", "hint": "#888888", "selected": "reverse",
        "prompt": "bold", "line": "#666666",
    })
    refresh()
    tty = open("/dev/tty", "w", encoding="utf-8")
    try:
        app = Application(
            layout=Layout(root, focused_element=buf), key_bindings=kb, style=style,
            full_screen=True, output=create_output(stdout=tty), mouse_support=False,
        )
        app.ttimeoutlen = 0.05
        return app.run()
    finally:
        tty.close()


def copy_to_clipboard(text: str) -> bool:
    """Best effort: wl-copy, xclip or pbcopy when present; silently False otherwise."""
    candidates = []
    if os.environ.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if os.environ.get("DISPLAY"):
        candidates.append(["xclip", "-selection", "clipboard"])
    if sys.platform == "darwin":
        candidates.append(["pbcopy"])
    for cmd in candidates:
        if shutil.which(cmd[0]) is None:
            continue
        try:
            subprocess.run(cmd, input=text.encode("utf-8"), stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=3, check=True)
            return True
        except (OSError, subprocess.SubprocessError):
            continue
    return False
