"""The page in a real browser: Debian's Chromium, headless, driven by Playwright (nothing downloaded).

Each step writes a screenshot into tests/artifacts/web/ (or $DRAFTER_SCREENSHOTS) so a person
can look at what a clerk would see.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.web_helpers import EXAMPLE, ROOT, app_layer, docx_parts

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TOKEN = "browser-test-token"
SHOTS = Path(os.environ.get("DRAFTER_SCREENSHOTS", ROOT / "tests" / "artifacts" / "web"))


class Server:
    """drafter's ASGI app under uvicorn in a thread, on a free 127.0.0.1 port."""

    def __init__(self, folder: Path, api=None):
        import uvicorn

        from drafter.web.server import create_app

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        app = create_app(folder, api=api or app_layer(), token=TOKEN, port=self.port)
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: apt-get install chromium chromium-driver (see .ci/run)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def folder(tmp_path):
    f = tmp_path / "sheets"
    f.mkdir()
    shutil.copy(EXAMPLE, f / "gov_work_report.yaml")
    return f


@pytest.fixture()
def page(browser, folder):
    ctx = browser.new_context(viewport={"width": 1500, "height": 1000}, accept_downloads=True, locale="zh-CN")
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # refusals (409, 422) are part of the tests; anything else logged as an error is a defect
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" and "Failed to load resource" not in m.text else None)
    with Server(folder) as server:
        pg.goto(f"{server.url}/?token={TOKEN}")
        pg.server = server  # type: ignore[attr-defined]
        yield pg
    ctx.close()
    assert not errors, errors


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"))


def preview_text(pg) -> str:
    return pg.locator("#preview").inner_text()


def wait_preview(pg, text: str, present: bool = True) -> None:
    pg.wait_for_function("([t, p]) => document.querySelector('#preview').innerText.includes(t) === p", arg=[text, present],
                         timeout=20000)


def field(pg, path: str):
    return pg.locator(f'[data-path="{path}"]')


def test_clerk_creates_fills_picks_fixes_saves_reopens_and_downloads(page, folder, tmp_path):
    pg = page
    # home: the folder's sheet and 新建 for each template
    pg.wait_for_selector("#sheets tr[data-name='gov_work_report.yaml']")
    row = pg.locator("#sheets tr[data-name='gov_work_report.yaml']").inner_text()
    assert "青溪镇" in row and "2024" in row and "乡镇政府工作报告" in row
    assert pg.locator(".card").count() >= 6
    shot(pg, "01-home")

    # 新建: the scaffold opens in the editor with its preview
    card = pg.locator('.card[data-template="gov_work_report"]')
    card.locator("input.new-name").fill("2025年政府工作报告")
    card.locator("button.new").click()
    pg.wait_for_selector("#preview .drafter-doc")
    assert (folder / "2025年政府工作报告.yaml").is_file()
    assert "政府工作报告" in preview_text(pg)
    shot(pg, "02-new")

    # fill fields: the preview follows
    field(pg, "unit.name").locator("textarea").fill("白沙镇")
    wait_preview(pg, "白沙镇")
    field(pg, "speaker.name").locator("textarea").fill("周文华")
    wait_preview(pg, "周文华")
    honors = field(pg, "review.honors")
    honors.locator("button.add").click()
    honors.locator(".array-item textarea").last.fill("省级卫生镇")
    wait_preview(pg, "省级卫生镇")
    shot(pg, "03-filled")

    # conditional fields: a term report asks for its first and last year
    assert field(pg, "period.term_start").is_hidden()
    field(pg, "period.type").locator("select").select_option("term")
    field(pg, "period.term_start").wait_for(state="visible")
    field(pg, "period.term_start").locator(".problem.error").wait_for()
    field(pg, "period.type").locator("select").select_option("annual")
    field(pg, "period.term_start").wait_for(state="hidden")

    # pick a formula: candidates numbered as --variant takes them, with sources
    lead = field(pg, "shortcomings.lead")
    lead.locator("textarea").fill("")
    lead.locator("button.pick").click()
    lead.locator(".candidates li").nth(1).wait_for()
    first = lead.locator(".candidates li").first
    assert first.locator(".variant").inner_text() == "0 号"
    assert "出处" in first.locator(".sources").inner_text()
    chosen = lead.locator(".candidates li").nth(1)
    chosen_text = chosen.locator(".cand-text").inner_text()
    shot(pg, "04-formula-picker")
    chosen.locator("button.use").click()
    pg.wait_for_function("t => document.querySelector('[data-path=\"shortcomings.lead\"] textarea').value === t",
                         arg=chosen_text)
    wait_preview(pg, chosen_text[:12])
    shot(pg, "05-formula-used")

    # a problem appears at its field (with the YAML line) and in the summary, and goes when fixed
    speaker = field(pg, "speaker.name")
    speaker.locator("textarea").fill("")
    problem = speaker.locator(".field-problems .problem.error")
    problem.wait_for()
    assert "缺少必填字段" in problem.inner_text() and re.search(r"第 \d+ 行", problem.inner_text())
    assert "speaker.name" in pg.locator("#summary").inner_text()
    speaker.scroll_into_view_if_needed()
    shot(pg, "06-problem")
    speaker.locator("textarea").fill("周文华")
    problem.wait_for(state="detached")
    pg.wait_for_function("() => document.querySelector('#summary-head').innerText.includes('没有发现问题')")
    shot(pg, "07-fixed")

    # save (Ctrl+S as in any editor): YAML keeps its comments; status says saved
    pg.keyboard.press("Control+s")
    pg.wait_for_function("() => document.querySelector('#save-status').innerText === '已保存'")
    saved = (folder / "2025年政府工作报告.yaml").read_text(encoding="utf-8")
    assert "name: 白沙镇" in saved and "省级卫生镇" in saved and chosen_text in saved
    assert "# 乡镇全称，如“青溪镇”" in saved
    assert (folder / ".2025年政府工作报告.yaml.bak").is_file()

    # reopen from the home page
    pg.click("#nav-home")
    pg.wait_for_selector("#sheets tr[data-name='2025年政府工作报告.yaml']")
    assert "白沙镇" in pg.locator("#sheets tr[data-name='2025年政府工作报告.yaml']").inner_text()
    shot(pg, "08-home-after-save")
    pg.click("#sheets tr[data-name='2025年政府工作报告.yaml'] a")
    pg.wait_for_selector("#preview .drafter-doc")
    assert field(pg, "unit.name").locator("textarea").input_value() == "白沙镇"
    assert field(pg, "shortcomings.lead").locator("textarea").input_value() == chosen_text
    wait_preview(pg, "白沙镇")

    # 生成 Word: the bytes drafter render writes, openable by python-docx
    with pg.expect_download() as dl:
        pg.click("#render-docx")
    target = tmp_path / dl.value.suggested_filename
    dl.value.save_as(target)
    assert target.name == "白沙镇2025年政府工作报告.docx"
    import docx

    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "白沙镇" in text and "省级卫生镇" in text and chosen_text[:12] in text
    cli_out = tmp_path / "cli.docx"
    r = subprocess.run([sys.executable, "-m", "drafter", "render", "2025年政府工作报告.yaml", "-o", str(cli_out)],
                       cwd=folder, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert docx_parts(target.read_bytes()) == docx_parts(cli_out.read_bytes())
    shot(pg, "09-downloaded")


def test_array_items_move_and_remove_in_the_yaml(page, folder):
    pg = page
    pg.click("#sheets tr[data-name='gov_work_report.yaml'] a")
    pg.wait_for_selector("#preview .drafter-doc")
    upper = field(pg, "leadership.upper")
    assert [upper.locator("textarea").nth(i).input_value() for i in range(2)] == ["市委", "市政府"]
    upper.locator(".array-item").nth(1).locator("button[aria-label='上移']").click()
    assert [upper.locator("textarea").nth(i).input_value() for i in range(2)] == ["市政府", "市委"]
    wait_preview(pg, "在市政府、市委")
    upper.locator(".array-item").nth(1).locator("button[aria-label='删除']").click()
    assert upper.locator(".array-item").count() == 1
    wait_preview(pg, "在市政府、市委", present=False)
    shot(pg, "10-array-moved")
    pg.click("#save")
    pg.wait_for_function("() => document.querySelector('#save-status').innerText === '已保存'")
    saved = (folder / "gov_work_report.yaml").read_text(encoding="utf-8")
    assert "upper: [市政府]" in saved
    original = EXAMPLE.read_text(encoding="utf-8").splitlines()
    assert [a for a, b in zip(original, saved.splitlines()) if a != b] == ["  upper: [市委, 市政府]"]


def test_phrase_page_filters_and_inserts_into_the_open_sheet(page, folder):
    pg = page
    pg.click("#sheets tr[data-name='gov_work_report.yaml'] a")
    pg.wait_for_selector("#preview .drafter-doc")
    before = field(pg, "shortcomings.items").locator(".array-item").count()
    pg.click("#nav-phrases")
    pg.wait_for_selector("#phrase-query")
    pg.fill("#phrase-query", "zqld")
    pg.wait_for_selector("#phrase-list[data-shown='zqld||'] li")
    assert "正确领导" in pg.locator("#phrase-list").inner_text()
    pg.select_option("#phrase-role", "shortcomings")
    pg.fill("#phrase-query", "问题")
    pg.wait_for_selector("#phrase-list[data-shown='问题|shortcomings|'] li")
    tags = pg.locator("#phrase-list li .tag:first-child").all_inner_texts()
    assert tags and set(tags) == {"问题与不足"}
    assert "出处" in pg.locator("#phrase-list li").first.inner_text()
    shot(pg, "11-phrases")
    # a phrase that fits a field goes in filled for this sheet (the fit rules of phrases --into)
    pg.select_option("#phrase-role", "thanks")
    pg.fill("#phrase-query", "成绩的取得")
    pg.wait_for_selector("#phrase-list[data-shown='成绩的取得|thanks|'] li")
    pg.select_option("#phrase-field", "thanks.lead")
    asked = []
    pg.once("dialog", lambda d: (asked.append(d.message), d.accept()))  # replacing a sentence asks first
    pg.locator("#phrase-list li button.insert").first.click()
    pg.wait_for_selector("#preview .drafter-doc")
    lead = field(pg, "thanks.lead").locator("textarea").first.input_value()
    assert "成绩的取得" in lead and "{" not in lead
    assert asked and "替换" in asked[0]
    assert field(pg, "shortcomings.items").locator(".array-item").count() == before
    shot(pg, "12-phrase-inserted")


def test_saving_over_an_edit_made_elsewhere_is_refused(page, folder):
    pg = page
    pg.click("#sheets tr[data-name='gov_work_report.yaml'] a")
    pg.wait_for_selector("#preview .drafter-doc")
    field(pg, "speaker.post").locator("textarea").fill("代镇长")
    wait_preview(pg, "代镇长")
    other = (folder / "gov_work_report.yaml").read_text(encoding="utf-8") + "# 在记事本里加的一行\n"
    (folder / "gov_work_report.yaml").write_text(other, encoding="utf-8")
    pg.click("#save")
    toast = pg.locator(".toast.error")
    toast.wait_for()
    assert "已被其他程序修改" in toast.inner_text()
    shot(pg, "13-save-conflict")
    assert (folder / "gov_work_report.yaml").read_text(encoding="utf-8") == other


def test_word_is_refused_while_the_sheet_has_errors(page, folder):
    pg = page
    pg.click("#sheets tr[data-name='gov_work_report.yaml'] a")
    pg.wait_for_selector("#preview .drafter-doc")
    field(pg, "meeting.date").locator("input").fill("")
    field(pg, "meeting.date").locator(".problem.error").wait_for()
    pg.click("#render-docx")
    pg.locator(".toast.error").wait_for()
    assert pg.locator("#preview.refused").count() == 1
    shot(pg, "14-refused")


def test_a_sheet_with_broken_yaml_opens_as_text_and_is_fixed_there(page, folder):
    pg = page
    good = EXAMPLE.read_text(encoding="utf-8")
    broken = good.replace("  name: 林志远\n", "  name: 林志远\n\tpost: 镇长\n", 1).replace("  post: 镇长\n", "", 1)
    (folder / "broken.yaml").write_text(broken, encoding="utf-8")
    pg.reload()
    pg.wait_for_selector("#sheets tr[data-name='broken.yaml']")
    pg.click("#sheets tr[data-name='broken.yaml'] a")
    pg.wait_for_selector("#yaml-text")
    head = pg.locator("#summary")
    head.locator("li").first.wait_for()
    assert "broken.yaml:" in head.inner_text() and "Tab" in head.inner_text()
    shot(pg, "15-broken-yaml")
    pg.locator("#yaml-text").fill(good)
    pg.wait_for_function("() => document.querySelector('#summary-head').innerText.includes('没有发现问题')")
    pg.wait_for_selector("#preview .drafter-doc")
    pg.click("#toggle-yaml")
    field(pg, "speaker.post").wait_for()
    assert field(pg, "speaker.post").locator("textarea").input_value() == "镇长"
    pg.click("#save")
    pg.wait_for_function("() => document.querySelector('#save-status').innerText === '已保存'")
    assert (folder / "broken.yaml").read_text(encoding="utf-8") == good
    assert (folder / ".broken.yaml.bak").read_text(encoding="utf-8") == broken


def test_home_starts_from_last_year_and_imports_an_old_report(browser, folder, tmp_path):
    """The page's part of issue 16: the two buttons next to 新建 hand the right inputs to the app layer."""
    from tests.test_web_carry_import import WithCarryAndImport

    api = WithCarryAndImport()
    ctx = browser.new_context(viewport={"width": 1500, "height": 1000}, locale="zh-CN")
    pg = ctx.new_page()
    with Server(folder, api) as server:
        pg.goto(f"{server.url}/?token={TOKEN}")
        card = pg.locator('.card[data-template="gov_work_report"]')
        card.locator("select.carry-from").wait_for()
        shot(pg, "16-home-carry-import")
        card.locator("input.new-name").fill("2026年政府工作报告")
        card.locator("input.carry-new-term").check()
        card.locator("button.carry-go").click()
        pg.wait_for_selector("#preview .drafter-doc")
        assert pg.locator(".toolbar h1").inner_text() == "2026年政府工作报告.yaml"
        assert api.calls[0][0] == "carry" and api.calls[0][3] == "gov_work_report.yaml" and api.calls[0][4] is True
        report = tmp_path / "2024年报告.txt"
        report.write_text("各位代表：\n现在，我代表镇人民政府，向大会报告工作。\n", encoding="utf-8")
        pg.click("#nav-home")
        card = pg.locator('.card[data-template="gov_work_report"]')
        card.locator("input.new-name").fill("导入的报告")
        card.locator("input.import-file").set_input_files(str(report))
        assert card.locator(".chosen").inner_text() == "2024年报告.txt"
        card.locator("button.import-go").click()
        pg.wait_for_selector("#preview .drafter-doc")
        assert pg.locator(".toolbar h1").inner_text() == "导入的报告.yaml"
        assert api.calls[1] == ("import", report.read_bytes(), "2024年报告.txt", "gov_work_report")
        assert (folder / "导入的报告.yaml").is_file() and (folder / "2026年政府工作报告.yaml").is_file()
    ctx.close()
