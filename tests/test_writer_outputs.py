"""PDF, HTML, the unit's reference .docx and the font report, each read back as its user would."""
from __future__ import annotations

import collections
import io
import os
import re
import shutil
import subprocess

import pytest
from lxml import html as lhtml

from drafter import render
from drafter.writers import WriteOptions, get
from drafter.writers.html import preview_fragment
from tests.conftest import EXAMPLES
from tests.docx_helpers import NS, Docx
from tests.office import body_lines_per_page, full_body_lines, needs_office, page_count, pdf_lines, to_pdf


def _report(name="gov_work_report"):
    checked = render.load(EXAMPLES / f"{name}.yaml")
    return render.build_report(checked), checked.sheet.data["unit"]["name"]


@needs_office
def test_pdf_writer_prints_the_docx_through_libreoffice(tmp_path):
    report, unit = _report("team_duty_report")
    pdf = get("pdf").write(report, WriteOptions(author=unit))
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    docx = tmp_path / "same.docx"
    docx.write_bytes(get("docx").write(report, WriteOptions(author=unit)))
    assert page_count(path) == page_count(to_pdf([docx], tmp_path)[docx])
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "述职报告" in text and "中共青溪镇委员会" in text
    lines = pdf_lines(path)
    assert collections.Counter(len(x.text) for x in full_body_lines(lines)).most_common(1)[0][0] == 28


def test_html_is_an_a4_page_with_the_standard_fonts_and_fallbacks():
    report, unit = _report()
    page = get("html").write(report, WriteOptions(author=unit)).decode()
    doc = lhtml.fromstring(page)
    assert doc.get("lang") == "zh-CN" and doc.findtext(".//title") == "政府工作报告"
    css = doc.findtext(".//style")
    assert "width:210mm" in css and "padding:37mm 26mm 35mm 28mm" in css
    assert "line-height:28.95pt" in css and "font-size:16pt" in css and "letter-spacing:-0.25pt" in css
    for font, fallback in (("仿宋_GB2312", "FangSong"), ("方正小标宋简体", "STZhongsong"), ("楷体_GB2312", "KaiTi"), ("黑体", "SimHei")):
        assert f'"{font}"' in css and f'"{fallback}"' in css
    assert "@page{size:A4" in css
    text = doc.text_content()
    assert not re.search(r"—\s*\d+\s*—", text)  # no page numbers
    title = doc.find_class("title")[0]
    assert title.text_content() == "政府工作报告"
    byline = doc.find_class("byline")[0]
    assert len(byline.findall("br")) == 1 and byline.text_content().endswith("第五次会议上")
    assert doc.find_class("h1") and doc.find_class("h2")


def test_html_signature_uses_the_same_placement_as_the_docx():
    report, unit = _report("team_duty_report")
    doc = lhtml.fromstring(get("html").write(report, WriteOptions(author=unit)))
    sig = doc.find_class("signature")
    assert [p.text_content() for p in sig] == ["中共青溪镇委员会", "青溪镇人民政府", "2025年1月15日"]
    assert [p.get("style").split("padding-right:")[1] for p in sig] == ["2.5em", "3.5em", "2em"]
    assert "margin-top:28.95pt" in sig[0].get("style")


def test_preview_fragment_is_scoped():
    report, _ = _report("work_plan")
    frag = preview_fragment(report)
    assert frag.startswith("<style>") and '<article class="drafter-doc" lang="zh-CN">' in frag
    css = frag.split("</style>")[0].removeprefix("<style>")
    for rule in re.findall(r"(?:^|\})\s*([^{}@]+)\{", css):
        for selector in rule.split(","):
            assert selector.strip().startswith(".drafter-doc"), selector
    assert "<html" not in frag and "<body" not in frag


@needs_office
@pytest.mark.skipif(not shutil.which("chromium") and not os.environ.get("CI"), reason="chromium not installed (CI installs it and never skips)")
def test_html_printed_by_a_browser_keeps_28_characters_and_22_lines(tmp_path):
    report, unit = _report()
    page = tmp_path / "r.html"
    page.write_bytes(get("html").write(report, WriteOptions(author=unit)))
    pdf = tmp_path / "r.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=120, check=True)
    lines = pdf_lines(pdf)
    counts = collections.Counter(len(x.text) for x in full_body_lines(lines))
    assert counts.most_common(1)[0][0] == 28, counts
    per_page = body_lines_per_page(lines)
    # full pages hold 22 lines; a page may end one short where a heading moves on with its paragraph
    full = list(per_page.values())[:-1]
    assert max(per_page.values()) == 22 and sum(n == 22 for n in full) * 2 >= len(full), per_page


def _reference(tmp_path) -> bytes:
    """A unit's own template: other margins, its own body size, its own heading 1 and sample text."""
    from docx import Document
    from docx.shared import Mm, Pt, RGBColor

    d = Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height, sec.top_margin, sec.left_margin = Mm(210), Mm(297), Mm(30), Mm(25)
    d.styles["Normal"].font.size = Pt(15)
    d.styles["Heading 1"].font.color.rgb = RGBColor(0xC0, 0, 0)
    d.add_paragraph("本单位模板的示例文字，不应出现在报告里")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_reference_doc_gives_page_setup_and_styles_and_drafter_adds_only_what_it_lacks(tmp_path):
    report, unit = _report("team_duty_report")
    out = tmp_path / "r.docx"
    out.write_bytes(get("docx").write(report, WriteOptions(reference_doc=_reference(tmp_path), author=unit)))
    d = Docx(out)
    sect = d.document.xpath("//w:body/w:sectPr", namespaces=NS)[0]
    assert d.attr(sect, "w:pgMar", "top") == str(round(30 * 1440 / 25.4)) and d.attr(sect, "w:pgMar", "left") == str(round(25 * 1440 / 25.4))
    assert d.attr(d.style("Normal"), "w:rPr/w:sz", "val") == "30"  # the unit's body size kept
    assert d.attr(d.style(d.style_id_by_name("heading 1")), "w:rPr/w:color", "val") == "C00000"
    for added in ("公文标题", "公文落款", "公文页码", "公文二级标题字符"):
        d.style_id_by_name(added)
    assert "本单位模板的示例文字" not in d.text() and "述职报告" in d.text()
    assert d.footer_xml("default") is not None and d.footer_xml("even") is not None
    from lxml import etree

    fonts = etree.fromstring(d.parts["word/fontTable.xml"]).xpath("//w:font/@w:name", namespaces=NS)
    assert "仿宋_GB2312" in fonts and "Calibri" in fonts  # ours added, the unit's kept


def test_reference_doc_that_is_not_a_docx_is_a_clear_error():
    from drafter.errors import InputError

    report, _ = _report("work_plan")
    with pytest.raises(InputError) as exc:
        get("docx").write(report, WriteOptions(reference_doc=b"not a zip"))
    assert "参考文档" in exc.value.message


@pytest.mark.skipif(not shutil.which("fc-match") and not os.environ.get("CI"), reason="fontconfig not installed (CI installs it with the fonts and never skips)")
def test_font_report_names_every_standard_font_and_its_substitute():
    from drafter.writers.fonts import font_report

    report = {f.name: f for f in font_report()}
    assert {"仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体", "Times New Roman"} <= set(report)
    assert "正文" in report["仿宋_GB2312"].roles and "标题" in report["方正小标宋简体"].roles
    for status in report.values():
        listed = subprocess.run(["fc-list", f":family={status.name}", "family"], capture_output=True, text=True).stdout
        assert status.installed == bool(listed.strip())
        if not status.installed:
            expected = subprocess.run(["fc-match", "-f", "%{family[0]}", f"{status.name}:lang=zh-cn" if status.name != "Times New Roman"
                                       else f"{status.name}:lang=en"], capture_output=True, text=True).stdout
            assert status.substitute == expected and status.substitute in status.describe()
