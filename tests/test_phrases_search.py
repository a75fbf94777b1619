"""Phrase-bank search ranking on a hand-made bank."""
from __future__ import annotations

import pytest

from drafter.errors import UsageError
from drafter.phrasebank import Index, load_bank, search


def _e(text, role="opening", kws=(), pinyin="", genres=("gov_work_report",), count=1):
    return {"text": text, "role": role, "function": "开头", "genres": list(genres), "count": count,
            "sources": ["a.txt:1"], "keywords": list(kws), "pinyin": pinyin}


BANK = [
    _e("请予审议并提出意见和建议。", kws=["审议"]),
    _e("请予审议", kws=["审议"]),
    _e("我们也清醒地认识到存在问题", role="shortcomings", kws=["清醒", "认识"], pinyin="wmyqxdrsdczwt"),
    _e("请审议", role="closing"),
    _e("在镇委坚强领导下努力奋斗", role="closing", kws=["奋斗"], genres=("congress_work_report",)),
]


def test_exact_beats_substring_beats_fuzzy():
    idx = Index.build(BANK)
    hits = [e["text"] for _, e in search(idx, "请予审议", limit=10)]
    assert hits[0] == "请予审议"
    assert hits[1] == "请予审议并提出意见和建议。"
    assert "请审议" in hits and hits.index("请审议") > 1  # fuzzy only


def test_role_and_genre_filter():
    idx = Index.build(BANK)
    assert [e["role"] for _, e in search(idx, "审议", role="closing")] == ["closing"]
    assert [e["text"] for _, e in search(idx, "奋斗", genre="congress_work_report")] == ["在镇委坚强领导下努力奋斗"]
    assert search(idx, "奋斗", genre="work_plan") == []


def test_pinyin_initials_find_chinese():
    idx = Index.build(BANK)
    hits = search(idx, "qxrs")
    assert hits and hits[0][1]["text"] == "我们也清醒地认识到存在问题"


def test_bad_role_is_usage_error():
    with pytest.raises(UsageError) as exc:
        search(Index.build(BANK), "审议", role="nonsense")
    assert exc.value.exit_code == 2


def test_shipped_bank_loads_and_finds():
    idx = Index.build(load_bank())
    assert len(idx.entries) >= 250
    assert any("清醒" in e["text"] for _, e in search(idx, "qxrs"))
