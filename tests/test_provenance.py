"""Every fixed sentence of every shipped template is attested in the corpus or the phrase bank."""
from __future__ import annotations

import functools

import pytest
import yaml

from drafter.mine import provenance as pv

from .conftest import ROOT

TEMPLATE_FILES = sorted((ROOT / "templates").glob("*/template.md.j2")) + [ROOT / "templates" / "_shared" / "macros.j2"]


@functools.lru_cache(maxsize=1)
def _hay() -> str:
    from drafter.corpus.pipeline import mine_paths
    from drafter.phrasebank import load_bank

    docs = list(mine_paths([ROOT / "corpus"]))
    return pv.haystack([d.text for d in docs], [e["text"] for e in load_bank(ROOT / "phrasebank")])


def _exceptions(path) -> dict[str, str]:
    """Wording a template's meta.yaml declares unattested on purpose, with the reason."""
    meta = path.parent / "meta.yaml"
    data = yaml.safe_load(meta.read_text(encoding="utf-8")) if meta.is_file() else {}
    return (data or {}).get("provenance_exceptions") or {}


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_fixed_sentence_is_attested(path):
    pieces = pv.fixed_sentences(path)
    assert len(pieces) >= 3, "a template prints some fixed wording"
    missing = pv.unattested(pieces, _hay())
    allowed = _exceptions(path)
    for shown, reason in allowed.items():
        # an exception must be real: used by the template, unattested, and explained
        assert any(p.shown() == shown for p in missing), f"stale provenance exception: {shown}"
        assert len(reason) > 20
    missing = [p for p in missing if p.shown() not in allowed]
    assert not missing, "not attested in corpus/ or phrasebank/:\n" + "\n".join(
        f"  {p.file}:{p.line}: {p.shown()}" for p in missing)


def _pieces(tmp_path, text):
    f = tmp_path / "template.md.j2"
    f.write_text(text, encoding="utf-8")
    return pv.fixed_sentences(f)


def test_an_invented_sentence_is_named_with_its_line(tmp_path):
    pieces = _pieces(tmp_path, "# 政府工作报告\n\n{{ year }}年工作回顾\n\n我们要大力弘扬新时代{{ unit.short }}精神，奋力开创工作新局面。\n")
    missing = pv.unattested(pieces, _hay())
    assert [(p.line, p.shown()) for p in missing] == [(5, "我们要大力弘扬新时代……精神，奋力开创工作新局面。")]


def test_slots_generalise_facts_but_not_wording(tmp_path):
    hay = _hay()
    ok = _pieces(tmp_path, "在{{ a }}的正确领导下，在{{ b }}的大力支持下，本人{{ c }}，较好地完成{{ d }}下达的各项任务。")
    assert pv.unattested(ok, hay) == []
    # one changed word in the fixed text is caught
    bad = _pieces(tmp_path, "在{{ a }}的正确领导下，在{{ b }}的大力支持下，本人{{ c }}，圆满地完成{{ d }}下达的各项任务。")
    assert len(pv.unattested(bad, hay)) == 1


def test_string_literals_inside_expressions_are_checked(tmp_path):
    pieces = _pieces(tmp_path, '{{ m.work_section(x, 1, "抓好学习这个根本前提") }}\n{{ y | default("全力打造宇宙第一强镇") }}\n')
    assert [p.text for p in pv.unattested(pieces, _hay())] == ["全力打造宇宙第一强镇"]


def test_control_tags_split_pieces_and_comments_are_not_text(tmp_path):
    pieces = _pieces(tmp_path, "{# 这是给模板作者的注释，不是正文 #}\n{% if a %}过去一年，我们在困难与挑战中携手并肩、奋勇前行{% endif %}，各方面工作取得了积极成效。\n")
    texts = [p.text for p in pieces]
    assert "过去一年，我们在困难与挑战中携手并肩、奋勇前行" in texts and not any("注释" in t for t in texts)
    assert pv.unattested(pieces, _hay()) == []
