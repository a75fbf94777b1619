"""Which of the standard 公文 fonts this machine has, and what LibreOffice lays out with instead.

The .docx always names the standard fonts (仿宋_GB2312 …), which is right for
the clerk's Windows PC; but a PDF made here, and the page counts a clerk sees
in a PDF, depend on what this machine substitutes. `drafter fonts` prints
this report. fontconfig decides LibreOffice's substitutes on Linux, so
`fc-match` with the script's language answers for it.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

ROLES = {
    "body": "正文", "title": "标题", "byline": "副标题、署名", "heading1": "一级标题", "heading2": "二级标题",
    "heading3": "三级标题", "heading4": "四级标题", "page_number": "页码", "latin": "西文与数字",
}


@dataclass(frozen=True)
class FontStatus:
    name: str  # the font the document names
    roles: tuple[str, ...]  # where it is used (正文, 标题 …)
    installed: bool
    substitute: str | None  # what LibreOffice uses when it is missing (None: unknown, fontconfig absent)

    def describe(self) -> str:
        """One line for `drafter fonts`."""
        where = "、".join(self.roles)
        if self.installed:
            return f"{self.name}（{where}）：已安装"
        if self.substitute:
            return f"{self.name}（{where}）：未安装，LibreOffice 将用 {self.substitute} 代替"
        return f"{self.name}（{where}）：未安装（本机没有 fontconfig，无法判断替代字体）"


def _is_cjk(name: str) -> bool:
    return any(ord(c) > 0x2E80 for c in name)


def _families(pattern: str) -> list[str]:
    res = subprocess.run(["fc-list", pattern, "family"], capture_output=True, text=True, timeout=30)
    names: list[str] = []
    for line in res.stdout.splitlines():
        names.extend(n.strip() for n in line.split(","))
    return names


def font_status(name: str, roles: tuple[str, ...] = ()) -> FontStatus:
    if not (shutil.which("fc-list") and shutil.which("fc-match")):
        return FontStatus(name, roles, False, None)
    installed = name in _families(f":family={name}")
    substitute = None
    if not installed:
        lang = "zh-cn" if _is_cjk(name) else "en"
        res = subprocess.run(["fc-match", "-f", "%{family[0]}", f"{name}:lang={lang}"],
                             capture_output=True, text=True, timeout=30)
        substitute = res.stdout.strip() or None
    return FontStatus(name, roles, installed, substitute)


def font_report(style=None) -> list[FontStatus]:
    """The fonts a style names (default: GB/T 9704's), each with its status on this machine."""
    from ..style import load_style

    style = style or load_style()
    uses: dict[str, list[str]] = {}
    for key, font in style.fonts.items():
        uses.setdefault(font, []).append(ROLES.get(key, key))
    return [font_status(font, tuple(roles)) for font, roles in uses.items()]
