"""The raw corpus is a hunting ground: the N14 anachronisms of CORPUS-NOTES §2 must be found."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.lint import lint_lines, lint_path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
RUBY = re.compile(r"([\u4e00-\u9fff])\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)")


def corpus_file(prefix: str) -> Path:
    found = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    assert found, f"corpus file {prefix} missing"
    return found[0]


def simplified_lines(path: Path) -> list[tuple[int, str]]:
    import opencc
    text = RUBY.sub(r"\1", path.read_text(encoding="utf-8"))
    return list(enumerate(opencc.OpenCC("t2s").convert(text).split("\n"), 1))


def hits(findings, rule: str) -> list[tuple[int, str]]:
    return [(f.line, f.message + " — " + f.excerpt) for f in findings if f.rule == rule]


def has(found: list[tuple[int, str]], line: int, *needles: str) -> bool:
    return any(no == line and all(n in text for n in needles) for no, text in found)


def test_002_year_rewriting_anachronisms():
    path = corpus_file("002")
    stale = hits(lint_path(path, year=2024), "stale-formula")
    line = next(i for i, t in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
                if "2024年是“十三五”规划的开局之年" in t)
    assert has(stale, line, "十三五", "2016")
    line = next(i for i, t in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if "建国第60周年" in t)
    assert has(stale, line, "60周年", "2009")
    assert has(stale, line, "十一五")
    assert any("十二五" in text and "第一一年" in text for _no, text in stale)
    assert any("十七届五中全会" in text for _no, text in stale)
    assert any("以胡锦涛同志" in text for _no, text in stale)
    figures = hits(lint_path(path, year=2024), "figure-contradiction")
    assert any("(2024-2024)" in text for _no, text in figures)
    assert any("2024年至2024年" in text for _no, text in figures)


def test_002_explicit_year_sentences_need_no_year_option():
    stale = hits(lint_path(corpus_file("002")), "stale-formula")
    assert any("十三五" in text and "开局之年" in text for _no, text in stale)


def test_000_eighteenth_congress_plenums_in_a_2023_text():
    findings = lint_lines(simplified_lines(corpus_file("000")), "000", year=2023)
    stale = hits(findings, "stale-formula")
    assert has(stale, 2, "十八届三中、四中、六中全会")
    assert has(stale, 2, "十八大")
    assert has(stale, 2, "科学发展观", "习近平新时代中国特色社会主义思想")
    assert any("三严三实" in text for _no, text in stale)
    figures = hits(findings, "figure-contradiction")
    assert any("2023年与2023年" in text for _no, text in figures)
    numbering = hits(findings, "numbering")
    assert any("“六、”" in text and "重复" in text for _no, text in numbering)


def test_004_decimal_full_stop():
    punct = hits(lint_path(corpus_file("004")), "punctuation")
    assert any("98。9%" in text for _no, text in punct)
