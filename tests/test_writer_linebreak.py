"""Titles and bylines broken like a typesetter: between words, 梯形 or 菱形, no short tail."""
from __future__ import annotations

import sys
import subprocess

import pytest

from drafter.writers.linebreak import break_line, centred_capacity, width

TITLE = centred_capacity(20.1)  # 二号 title on a 156 mm line
BYLINE = centred_capacity(28)

# (title, words that must not be split) — titles no example carries
CASES = [
    ("青溪镇2025年农村人居环境整治提升和美丽乡村建设工作要点", ["人居环境", "美丽乡村", "工作要点", "2025年"]),
    ("青溪镇党委、政府领导班子党风廉政建设述职报告", ["领导班子", "党风廉政", "述职报告"]),
    ("关于进一步加强和改进新时代基层人大代表联络站建设工作的实施意见", ["新时代", "联络站", "实施意见"]),
    ("青溪镇人民政府关于2024年度法治政府建设情况的报告", ["2024年度", "法治政府", "人民政府"]),
    ("中共青溪镇委员会青溪镇人民政府关于印发青溪镇2025年工作要点的通知", ["委员会", "人民政府", "工作要点"]),
    ("青溪镇关于开展2025年度安全生产大检查和重大事故隐患专项排查整治行动的工作方案", ["安全生产", "事故隐患", "专项", "工作方案"]),
]


@pytest.mark.parametrize("title,words", CASES)
def test_long_titles_take_a_trapezoid_or_diamond_between_words(title, words):
    lines = break_line(title, TITLE, ("青溪镇",))
    assert "".join(lines) == title
    assert len(lines) >= 2 and all(width(ln) <= TITLE for ln in lines), lines
    w = [width(ln) for ln in lines]
    if len(w) == 2:
        assert w[0] <= w[1], f"inverted trapezoid: {lines}"
    else:
        assert w == sorted(w) or w[1] >= max(w[0], w[-1]), lines
    assert w[-1] >= 4, lines
    for a, b in zip(lines, lines[1:]):
        for word in [*words, "青溪镇"]:
            for cut in range(1, len(word)):
                assert not (a.endswith(word[:cut]) and b.startswith(word[cut:])), f"{word} split: {a} / {b}"


def test_a_title_that_fits_stays_on_one_line():
    assert break_line("青溪镇党委、政府领导班子述职报告", TITLE) == ["青溪镇党委、政府领导班子述职报告"]


@pytest.mark.parametrize("byline", [
    "——2025年1月10日在青溪镇第十八届人民代表大会第五次会议上",
    "——2025年1月8日在青溪镇第十八届人民代表大会第五次会议上",
    "——2025年12月28日在中共青溪镇第十五次代表大会第三次会议上的讲话",
])
def test_bylines_never_leave_a_two_or_three_character_tail(byline):
    lines = break_line(byline, BYLINE, ("青溪镇",))
    assert "".join(lines) == byline
    assert all(width(ln) <= BYLINE for ln in lines)
    assert all(len(ln) >= 4 for ln in lines), lines
    assert not any(ln in ("会议上", "议上", "上") for ln in lines)
    # the date stays whole
    assert any("1月10日" in ln or "1月8日" in ln or "12月28日" in ln for ln in lines)


def test_an_authors_break_mark_wins():
    assert break_line("青溪镇党委|政府工作报告", TITLE) == ["青溪镇党委", "政府工作报告"]


def test_numbers_are_never_split():
    for capacity in (6, 7, 8, 9):
        for line in break_line("青溪镇2025年第十八届人大第五次会议", capacity):
            assert not line[:1].isdigit() or line.startswith(("2025",)), line
            assert not line.startswith(("十八届", "八届", "五次", "025", "25")), line


def test_the_render_path_does_not_load_jieba():
    code = ("import sys; from drafter.writers.linebreak import break_line; break_line('青溪镇农村人居环境整治提升和美丽乡村建设工作要点', 19); "
            "print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
