"""`drafter mine --templates DIR`: skeleton induction and draft templates (issue 5 item 1)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"



def _mine(out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "drafter", "mine", str(CORPUS), "--templates", str(out), *extra],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("drafts")
    proc = _mine(out)
    assert proc.returncode == 0, proc.stderr
    return out, proc


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_skeletons_parse_and_skips_are_reported(drafts):
    out, proc = drafts
    genres = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert "gov_work_report" in genres
    for g in genres:
        skel = yaml.safe_load((out / g / "skeleton.yaml").read_text(encoding="utf-8"))
        assert skel["genre"] == g and skel["documents"] >= 2
        assert len(skel["sources"]) == skel["documents"]
        assert all(re.fullmatch(r".+\.txt:\d+-\d+", s) for s in skel["sources"])
        assert all(0 < r["share"] <= 1 for r in skel["roles"])
        assert skel["outline"]["levels"]
    assert "other" not in genres
    assert "未生成骨架" in proc.stderr  # genres with too few documents are named on stderr


def test_gov_work_report_role_order(drafts):
    out, _ = drafts
    skel = yaml.safe_load((out / "gov_work_report" / "skeleton.yaml").read_text(encoding="utf-8"))
    order = [r["role"] for r in skel["roles"]]
    expected = ["salutation", "opening", "review_heading", "achievements", "thanks", "shortcomings", "plan_heading", "closing"]
    positions = [order.index(r) for r in expected]
    assert positions == sorted(positions), order
    assert order.index("tasks") > order.index("plan_heading")
    assert skel["outline"]["levels"][0]["typical"] == "cn"  # 一、
    assert skel["outline"]["levels"][1]["typical"] == "paren_cn"  # （一）
    assert skel["outline"]["numbering"].startswith("一、→（一）")
    assert skel["sections_per_part"] >= 1 and skel["sections_per_role"]["achievements"] >= 1


def test_drafts_render_with_drafter_templates(drafts, monkeypatch):
    from drafter import templates
    from drafter.markup import parse_markup
    from drafter.report import Heading, Salutation

    out, _ = drafts

    def text_of(genre: str) -> str:
        tpl = templates.get(genre)
        return templates.render_markup(tpl, tpl.example())

    monkeypatch.setenv("DRAFTER_TEMPLATES", str(out))
    templates._scan.cache_clear()
    try:
        genres = sorted(p.name for p in out.iterdir() if p.is_dir())
        for g in genres:
            tpl = templates.get(g)
            assert tpl.folder == out / g
            assert tpl.meta["draft"] is True and tpl.meta["genre"] == g and tpl.meta["sources"]
            example = tpl.example()
            try:
                import jsonschema
            except ImportError:  # pragma: no cover
                jsonschema = None
            if jsonschema is not None:
                jsonschema.validate(example, yaml.safe_load((out / g / "schema.yaml").read_text(encoding="utf-8")))
            text = templates.render_markup(tpl, example)
            report = parse_markup(text)
            assert any(isinstance(b, Heading) for b in report.blocks), g
            skel = yaml.safe_load((out / g / "skeleton.yaml").read_text(encoding="utf-8"))
            if any(r["role"] == "salutation" and r["share"] >= 0.5 for r in skel["roles"]):
                assert any(isinstance(b, Salutation) for b in report.blocks), g
            body = re.sub(r"(?m)^\{\.[a-z]+\}$", "", text)  # block attributes such as {.salutation}
            assert not re.search(r"\{[^{}]*\}", body), g  # no raw slot like {年份}
            assert "__" not in text and "XX" not in text.upper() and "＿" not in text, g
            assert "一是" in text, g  # list-fed role blocks rendered
            assert "镇镇" not in text and "乡乡" not in text, g  # {单位}镇 → unit.name carries its 镇
        assert "（一）第一方面工作的小标题" in text_of("gov_work_report")
        assert any(isinstance(b, Salutation) for b in parse_markup(text_of("gov_work_report")).blocks)
    finally:
        templates._scan.cache_clear()


def test_refuses_to_overwrite_without_force(drafts, tmp_path):
    out, _ = drafts
    before = _files(out)
    proc = _mine(out)
    assert proc.returncode != 0
    assert "--force" in proc.stderr
    assert _files(out) == before
    # a single existing target is enough to stop every write
    (tmp_path / "gov_work_report").mkdir()
    (tmp_path / "gov_work_report" / "meta.yaml").write_text("keep\n", encoding="utf-8")
    proc = _mine(tmp_path)
    assert proc.returncode != 0
    assert _files(tmp_path) == {"gov_work_report/meta.yaml": b"keep\n"}
    proc = _mine(tmp_path, "--force")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "gov_work_report" / "meta.yaml").read_text(encoding="utf-8") != "keep\n"


def test_deterministic(drafts, tmp_path):
    out, _ = drafts
    proc = _mine(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert _files(tmp_path) == _files(out)
    assert not list(tmp_path.rglob(".*.tmp"))


def test_missing_folder_is_created(tmp_path):
    # issue 10: `mine --templates 草稿/` creates the folder instead of refusing
    proc = _mine(tmp_path / "草稿" / "新建")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "草稿" / "新建" / "gov_work_report" / "template.md.j2").is_file()


def test_a_file_in_place_of_the_folder_is_a_usage_error(tmp_path):
    (tmp_path / "草稿").write_text("x", encoding="utf-8")
    proc = _mine(tmp_path / "草稿")
    assert proc.returncode == 2 and "同名文件" in proc.stderr and "Traceback" not in proc.stderr


def test_pure_functions_on_few_documents():
    from drafter.corpus.model import Document, Line, Section
    from drafter.mine.skeleton import induce_skeletons

    def doc(i: int, genre: str) -> Document:
        return Document(source="x.txt", index=i, start_line=i * 10, end_line=i * 10 + 5, title="t", genre=genre,
                        lines=[Line(i * 10, f"第{i}篇独有的内容{'甲乙丙丁戊己庚辛'[i] * 20}")],
                        sections=[Section("opening", i * 10, i * 10)])

    done, skipped = induce_skeletons([doc(1, "work_plan"), doc(2, "work_plan"), doc(3, "reflection")])
    assert list(done) == ["work_plan"] and done["work_plan"][0]["documents"] == 2
    assert "reflection" in skipped and "1 篇" in skipped["reflection"]
