"""Genres are data: a template folder alone adds a genre to every command (no Python)."""
from __future__ import annotations

from pathlib import Path

from docx import Document

from tests.conftest import ROOT, run_cli

GENRES = ROOT / "tests" / "fixtures" / "genres"
ENV = {"DRAFTER_TEMPLATES": str(GENRES)}


def test_a_new_genre_folder_is_listed_scaffolded_rendered_and_searchable(tmp_path):
    r = run_cli("templates", env=ENV)
    assert r.returncode == 0 and any(ln.startswith("meeting_notice") and "会议通知" in ln for ln in r.stdout.splitlines())
    assert "gov_work_report" in r.stdout  # the shipped ones are still there
    sheet = tmp_path / "通知.yaml"
    r = run_cli("new", "meeting_notice", "-o", sheet, env=ENV)
    assert r.returncode == 0, r.stderr
    text = sheet.read_text(encoding="utf-8")
    assert "template: meeting_notice" in text and "# 会议名称" in text
    r = run_cli("check", sheet, env=ENV)
    assert r.returncode == 0, r.stdout + r.stderr
    r = run_cli("render", sheet, "-o", str(tmp_path) + "/", env=ENV)
    assert r.returncode == 0, r.stderr
    docx = tmp_path / "青溪镇人民政府春季防汛工作会议通知.docx"
    paras = [p.text for p in Document(str(docx)).paragraphs]
    assert paras[0] == "关于召开春季防汛工作会议的通知"
    assert any("2025年3月6日在镇政府三楼会议室召开春季防汛工作会议" in p for p in paras)
    r = run_cli("phrases", "search", "会议", "--genre", "meeting_notice", env=ENV)
    assert r.returncode == 0, r.stderr
    r = run_cli("phrases", "search", "会议", "--genre", "meeting_notice")
    assert r.returncode == 2 and "未知的文种" in r.stderr


def test_registry_lists_template_genres_and_mining_only_genres():
    from drafter.gongwen.genres import registry
    from drafter.resources import templates_dir

    genres = registry([GENRES, templates_dir()])
    assert genres["meeting_notice"].has_template and genres["meeting_notice"].label == "会议通知"
    assert genres["gov_work_report"].has_template
    assert not genres["reflection"].has_template and not genres["other"].has_template
