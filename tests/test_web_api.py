"""The page's server: what each route does with the folder, through the application layer."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.web_helpers import EXAMPLE, client, docx_parts, make_folder

NAME = "gov_work_report.yaml"


@pytest.fixture()
def folder(tmp_path):
    return make_folder(tmp_path)


@pytest.fixture()
def c(folder):
    return client(folder)


def test_home_lists_sheets_and_templates(c, folder):
    (folder / "broken.yaml").write_text("template: gov_work_report\nunit: [\n", encoding="utf-8")
    (folder / "notes.txt").write_text("不是事实表", encoding="utf-8")
    rows = {r["name"]: r for r in c.get("/api/sheets").json()}
    assert set(rows) == {NAME, "broken.yaml"}
    good = rows[NAME]
    assert (good["template"], good["unit"], good["year"], good["errors"]) == ("gov_work_report", "青溪镇", 2024, 0)
    assert good["modified"] == pytest.approx((folder / NAME).stat().st_mtime)
    assert rows["broken.yaml"]["errors"] >= 1
    ids = {t["id"] for t in c.get("/api/templates").json()}
    assert {"gov_work_report", "congress_work_report", "work_plan"} <= ids


def test_new_writes_the_scaffold_and_never_overwrites(c, folder):
    r = c.post("/api/new", json={"template": "work_plan", "name": "2026年工作要点"})
    assert r.status_code == 200 and r.json()["name"] == "2026年工作要点.yaml"
    made = (folder / "2026年工作要点.yaml").read_text(encoding="utf-8")
    out = folder.parent / "cli.yaml"
    subprocess.run([sys.executable, "-m", "drafter", "new", "work_plan", "-o", str(out)], check=True, capture_output=True)
    strip = lambda t: [ln for ln in t.splitlines() if "yaml-language-server" not in ln]  # noqa: E731
    assert strip(made) == strip(out.read_text(encoding="utf-8"))
    before = (folder / NAME).read_bytes()
    r = c.post("/api/new", json={"template": "work_plan", "name": NAME})
    assert r.status_code == 409 and "已存在" in r.json()["error"]
    assert (folder / NAME).read_bytes() == before
    assert c.post("/api/new", json={"template": "no_such", "name": "x.yaml"}).status_code == 400


def test_open_gives_text_data_schema_and_formula_fields(c):
    s = c.get("/api/sheet", params={"name": NAME}).json()
    assert s["text"] == EXAMPLE.read_text(encoding="utf-8")
    assert s["data"]["unit"]["name"] == "青溪镇" and s["data"]["meeting"]["date"] == "2025-01-10"
    assert s["template"] == "gov_work_report"
    assert s["schema"]["properties"]["period"]["properties"]["type"]["enum"] == ["annual", "term", "half"]
    assert "shortcomings.lead" in s["formulas"] and s["formulas"]["shortcomings.lead"]["role"] == "shortcomings"
    assert len(s["version"]) == 64
    assert c.get("/api/sheet", params={"name": "missing.yaml"}).status_code == 422


def test_preview_merges_form_values_and_places_problems(c):
    s = c.get("/api/sheet", params={"name": NAME}).json()
    data = s["data"]
    data["unit"]["name"] = "白沙镇"
    r = c.post("/api/preview", json={"name": NAME, "text": s["text"], "data": data}).json()
    assert r["ok"] and "白沙镇" in r["html"] and "青溪镇" not in r["html"].replace("青溪镇域", "")
    assert "name: 白沙镇" in r["text"] and "# 乡镇全称，如“青溪镇”" in r["text"]
    data["period"]["type"] = "term"  # a term report needs term_start and plan_end
    r = c.post("/api/preview", json={"name": NAME, "text": s["text"], "data": data}).json()
    assert not r["ok"]
    fields = {p["field"] for p in r["problems"] if p["severity"] == "error"}
    assert {"period.term_start", "period.plan_end"} <= fields
    line = next(p for p in r["problems"] if p["field"] == "period.term_start")
    assert line["text"].startswith(f"{NAME}:{line['line']}:") and "必填" in line["message"]
    data["period"].update(term_start=2021, plan_end=2030)
    r = c.post("/api/preview", json={"name": NAME, "text": s["text"], "data": data}).json()
    assert not [p for p in r["problems"] if p["field"] and p["field"].startswith("period.")]


def test_problem_lines_are_the_clis(c, folder):
    bad = EXAMPLE.read_text(encoding="utf-8").replace("  term: 18\n", "  term: 第十八届\n")
    (folder / "bad.yaml").write_text(bad, encoding="utf-8")
    r = c.post("/api/preview", json={"name": "bad.yaml", "text": bad}).json()
    cli = subprocess.run([sys.executable, "-m", "drafter", "check", "bad.yaml"], cwd=folder, capture_output=True, text=True)
    assert cli.returncode == 1
    web = [p["text"] for p in r["problems"] if p["severity"] == "error"]
    assert web and all(line in cli.stdout.splitlines() for line in web)


def test_save_keeps_comments_writes_a_backup_and_refuses_a_changed_file(c, folder):
    original = (folder / NAME).read_text(encoding="utf-8")
    s = c.get("/api/sheet", params={"name": NAME}).json()
    data = s["data"]
    data["speaker"]["name"] = "王晓东"
    del data["unit"]["short"]
    r = c.post("/api/save", json={"name": NAME, "text": s["text"], "data": data, "version": s["version"]})
    assert r.status_code == 200
    saved = (folder / NAME).read_text(encoding="utf-8")
    assert "name: 王晓东" in saved and "short:" not in saved
    # every comment line of the original is still there, in order
    comments = [ln.strip() for ln in original.splitlines() if ln.strip().startswith("#")]
    kept = [ln.strip() for ln in saved.splitlines() if ln.strip().startswith("#")]
    assert [x for x in comments if x in kept] == comments
    changed = [a for a, b in zip(original.splitlines(), saved.splitlines()) if a != b]
    assert len(original.splitlines()) - len(saved.splitlines()) == 1 and changed
    assert (folder / ".gov_work_report.yaml.bak").read_text(encoding="utf-8") == original
    # someone else edits the file: the page's save is refused and their edit stays
    (folder / NAME).write_text(saved + "# 另一个编辑器的修改\n", encoding="utf-8")
    data["speaker"]["name"] = "赵强"
    r = c.post("/api/save", json={"name": NAME, "text": saved, "data": data, "version": r.json()["version"]})
    assert r.status_code == 409 and "已被其他程序修改" in r.json()["error"]
    assert (folder / NAME).read_text(encoding="utf-8").endswith("# 另一个编辑器的修改\n")


def test_save_then_render_downloads_what_drafter_render_writes(c, folder):
    s = c.get("/api/sheet", params={"name": NAME}).json()
    data = s["data"]
    data["review"]["honors"] = ["全国文明村镇"]
    r = c.post("/api/save", json={"name": NAME, "text": s["text"], "data": data, "version": s["version"]}).json()
    web = c.post("/api/render", json={"name": NAME, "text": r["text"]})
    assert web.status_code == 200
    assert "青溪镇2025年政府工作报告.docx" in __import__("urllib.parse").parse.unquote(web.headers["content-disposition"])
    out = folder.parent / "cli.docx"
    subprocess.run([sys.executable, "-m", "drafter", "render", NAME, "-o", str(out)], cwd=folder, check=True,
                   capture_output=True)
    assert docx_parts(web.content) == docx_parts(out.read_bytes())
    import io

    import docx

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(web.content)).paragraphs)
    assert "全国文明村镇" in text


def test_render_is_refused_like_the_cli(c, folder):
    bad = EXAMPLE.read_text(encoding="utf-8").replace("  name: 林志远\n", "")
    r = c.post("/api/render", json={"name": NAME, "text": bad})
    assert r.status_code == 422
    assert any(p["field"] == "speaker.name" for p in r.json()["problems"])


def test_suggest_lists_candidates_numbered_as_variant(c):
    s = c.get("/api/sheet", params={"name": NAME}).json()
    data = s["data"]
    data["shortcomings"].pop("lead", None)
    r = c.post("/api/suggest", json={"name": NAME, "text": s["text"], "data": data, "field": "shortcomings.lead"})
    cands = r.json()["candidates"]
    assert len(cands) >= 2 and [x["variant"] for x in cands] == list(range(len(cands)))
    assert all(x["sources"] for x in cands)
    # candidate N is what --variant N renders into the empty field
    pick = cands[1]
    p1 = c.post("/api/preview", json={"name": NAME, "text": s["text"], "data": data, "variant": 1}).json()
    assert pick["text"].rstrip("。：:，,")[:20] in p1["html"]


def test_insert_only_a_fitting_phrase_filled_for_the_sheet(c):
    from drafter import app

    s = c.get("/api/sheet", params={"name": NAME}).json()
    fit = app.fitting(app.Workspace.default(), s["text"], NAME, "thanks.lead")[0]
    r = c.post("/api/insert", json={"name": NAME, "text": s["text"], "field": "thanks.lead",
                                     "phrase": fit.candidate.entry["text"]})
    assert r.status_code == 200, r.text
    assert r.json()["data"]["thanks"]["lead"] == fit.text and "{" not in fit.text
    assert r.json()["text"].startswith(s["text"].split("\n", 1)[0])
    # a phrase that does not fit the field (a lead-in into the list of problems) is refused
    r = c.post("/api/insert", json={"name": NAME, "text": s["text"], "field": "shortcomings.items",
                                     "phrase": "群众反映强烈的问题还没有完全解决"})
    assert r.status_code in (400, 422)
    r = c.post("/api/insert", json={"name": NAME, "text": s["text"], "field": "unit.name.x", "phrase": "x"})
    assert r.status_code in (400, 422)


def test_phrase_search_by_pinyin_initials_role_and_genre(c):
    rows = c.get("/api/phrases", params={"q": "zqld", "limit": "50"}).json()["phrases"]
    assert rows and all(r["sources"] for r in rows)
    assert any("正确领导" in r["text"] for r in rows)
    thanks = c.get("/api/phrases", params={"q": "正确领导", "role": "thanks"}).json()["phrases"]
    assert thanks and {r["role"] for r in thanks} == {"thanks"}
    gov = c.get("/api/phrases", params={"q": "正确领导", "genre": "congress_work_report"}).json()["phrases"]
    assert all("congress_work_report" in r["genres"] for r in gov)
    assert c.get("/api/phrases", params={"q": "x", "role": "nope"}).status_code == 400
    facets = c.get("/api/phrase_facets").json()
    assert {"id": "thanks", "label": "致谢"} in facets["roles"]


def test_cli_serve_prints_the_address_answers_and_stops_on_ctrl_c(folder):
    import re
    import signal
    import time
    import urllib.request

    proc = subprocess.Popen([sys.executable, "-m", "drafter", "serve", str(folder), "--no-browser"],
                            stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]+)", line)
        assert m, line
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with opener.open(m.group(0), timeout=10) as resp:
            assert resp.status == 200 and b"drafter" in resp.read()
        with opener.open(f"http://127.0.0.1:{m.group(1)}/api/sheets", timeout=10) as resp:
            assert b"gov_work_report.yaml" in resp.read()
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{m.group(1)}/api/sheets", timeout=10)
            raise AssertionError("answered without the token")
        except urllib.error.HTTPError as exc:
            assert exc.code == 403
    finally:
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err
    assert "已停止" in err and "Traceback" not in err


def test_cli_serve_refuses_a_missing_folder_and_a_taken_port(tmp_path):
    r = subprocess.run([sys.executable, "-m", "drafter", "serve", str(tmp_path / "nope"), "--no-browser"],
                       capture_output=True, text=True, timeout=30)
    assert r.returncode == 2 and "文件夹不存在" in r.stderr and "Traceback" not in r.stderr
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(1)
    try:
        r = subprocess.run([sys.executable, "-m", "drafter", "serve", str(tmp_path), "--no-browser", "--port",
                            str(s.getsockname()[1])], capture_output=True, text=True, timeout=30)
    finally:
        s.close()
    assert r.returncode == 2 and "无法使用" in r.stderr


def test_pdf_download_when_libreoffice_is_present(c):
    import shutil

    assert c.get("/api/info").json()["pdf"] == (shutil.which("soffice") is not None or shutil.which("libreoffice") is not None)
    s = c.get("/api/sheet", params={"name": NAME}).json()
    r = c.post("/api/render", json={"name": NAME, "text": s["text"], "format": "pdf"})
    assert r.status_code == 200, r.text
    assert r.content.startswith(b"%PDF") and r.headers["content-type"] == "application/pdf"
    assert "青溪镇2025年政府工作报告.pdf" in __import__("urllib.parse").parse.unquote(r.headers["content-disposition"])


def test_a_sheet_that_does_not_parse_opens_as_text_with_its_problem(c, folder):
    (folder / "broken.yaml").write_text("template: gov_work_report\nunit:\n\tname: 青溪镇\n", encoding="utf-8")
    s = c.get("/api/sheet", params={"name": "broken.yaml"}).json()
    assert s["data"] is None and "schema" not in s and s["text"].startswith("template:")
    r = c.post("/api/preview", json={"name": "broken.yaml", "text": s["text"]}).json()
    assert r["data"] is None and not r["ok"]
    assert r["problems"][0]["line"] == 3 and r["problems"][0]["text"].startswith("broken.yaml:3:")
    t = c.get("/api/template", params={"id": "gov_work_report"}).json()
    assert t["template"] == "gov_work_report" and "shortcomings.lead" in t["formulas"]
    assert c.get("/api/template", params={"id": "nope"}).status_code == 400


def test_proofreading_findings_on_values_are_placed_at_their_field(c):
    s = c.get("/api/sheet", params={"name": NAME}).json()
    data = s["data"]
    data["review"]["overview"] = "全年实现生产总值73.1亿元,同比增长7.5％"
    r = c.post("/api/preview", json={"name": NAME, "text": s["text"], "data": data}).json()
    found = [p for p in r["problems"] if p["rule"] == "punctuation" and p["file"] == NAME]
    assert found and found[0]["field"] == "review.overview"
    line = r["text"].splitlines()[found[0]["line"] - 1]
    assert line.strip().startswith("overview:") and "73.1亿元," in line
    assert found[0]["text"].startswith(f"{NAME}:{found[0]['line']} punctuation:")
