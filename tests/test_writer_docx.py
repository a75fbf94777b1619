"""The .docx package, read back from its XML, for every example: drafter's own base, not a library's template."""
from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, timedelta, timezone

import pytest
from lxml import etree

from drafter import render
from drafter.report import Report, Signature
from drafter.writers import WriteOptions, get
from drafter.writers.docx import Grid, signature_layout
from drafter.style import load_style
from tests.conftest import EXAMPLES
from tests.docx_helpers import NS, Docx, q

SHEETS = sorted(EXAMPLES.glob("*.yaml"))
REQUIRED = {"Normal", "Default Paragraph Font", "Normal Table", "No List"}
USED = {"公文标题", "公文副标题", "heading 1", "heading 2", "heading 3", "heading 4", "公文一级标题字符", "公文二级标题字符",
        "公文三级标题字符", "公文四级标题字符", "公文称谓", "公文落款", "公文页码"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("writer_docx")
    out = {}
    for sheet in SHEETS:
        checked = render.load(sheet)
        report = render.build_report(checked)
        unit = checked.sheet.data["unit"]["name"]
        path = tmp / f"{sheet.stem}.docx"
        path.write_bytes(get("docx").write(report, WriteOptions(title="".join(report.title), author=unit)))
        out[sheet.stem] = (report, unit, path)
    return out


@pytest.mark.parametrize("name", [s.stem for s in SHEETS])
def test_no_leftovers_of_a_library_template(built, name):
    _, _, path = built[name]
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        blob = b"".join(z.read(n) for n in names)
    assert not any(n.startswith(("customXml/", "docProps/thumbnail")) or n.endswith("stylesWithEffects.xml") for n in names), names
    assert b"python-docx" not in blob and b"Macintosh" not in blob and b"2013-12-23" not in blob
    assert "ＭＳ".encode() not in blob and b"Cambria" not in blob and b"Jpan" not in blob and b"ja-JP" not in blob


@pytest.mark.parametrize("name", [s.stem for s in SHEETS])
def test_theme_and_settings_are_chinese_and_current(built, name):
    d = Docx(built[name][2])
    lang = d.settings.xpath("w:themeFontLang", namespaces=NS)[0]
    assert lang.get(q("w:eastAsia")) == "zh-CN"
    mode = d.settings.xpath("w:compat/w:compatSetting[@w:name='compatibilityMode']/@w:val", namespaces=NS)
    assert mode == ["15"]
    theme = d.parts["word/theme/theme1.xml"].decode()
    assert 'script="Hans"' in theme and 'script="Jpan"' not in theme
    assert d.settings.xpath("w:evenAndOddHeaders", namespaces=NS)


@pytest.mark.parametrize("name", [s.stem for s in SHEETS])
def test_font_table_names_the_standard_fonts_with_fallbacks(built, name):
    d = Docx(built[name][2])
    table = etree.fromstring(d.parts["word/fontTable.xml"])
    fonts = {f.get(q("w:name")): f for f in table.xpath("w:font", namespaces=NS)}
    for font, alt in (("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("黑体", "SimHei"), ("方正小标宋简体", "宋体"), ("宋体", "SimSun")):
        assert font in fonts, font
        assert fonts[font].xpath("string(w:charset/@w:val)", namespaces=NS) == "86"
        assert fonts[font].xpath("string(w:altName/@w:val)", namespaces=NS) == alt
    assert "Times New Roman" in fonts


@pytest.mark.parametrize("name", [s.stem for s in SHEETS])
def test_only_used_and_required_styles(built, name):
    d = Docx(built[name][2])
    names = set(d.styles.xpath("w:style/w:name/@w:val", namespaces=NS))
    assert names == REQUIRED | USED, names ^ (REQUIRED | USED)
    assert not d.styles.xpath("//w:color[@w:val!='000000']", namespaces=NS)
    used = {p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) or "Normal"
            for p in d.document.xpath("//w:body/w:p", namespaces=NS)}
    ids = set(d.styles.xpath("w:style/@w:styleId", namespaces=NS))
    assert used <= ids


@pytest.mark.parametrize("name", [s.stem for s in SHEETS])
def test_core_properties_come_from_the_sheet(built, name):
    report, unit, path = built[name]
    with zipfile.ZipFile(path) as z:
        core = etree.fromstring(z.read("docProps/core.xml"))
        app = z.read("docProps/app.xml").decode()
    ns = {"dc": "http://purl.org/dc/elements/1.1/", "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
          "dcterms": "http://purl.org/dc/terms/"}
    assert core.xpath("string(dc:title)", namespaces=ns) == "".join(report.title)
    assert core.xpath("string(dc:creator)", namespaces=ns) == unit
    assert core.xpath("string(cp:lastModifiedBy)", namespaces=ns) == unit
    for tag in ("dcterms:created", "dcterms:modified"):
        stamp = datetime.strptime(core.xpath(f"string({tag})", namespaces=ns), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        assert abs(datetime.now(timezone.utc) - stamp) < timedelta(minutes=10)
    assert "<Application>drafter" in app


@pytest.mark.parametrize("name", [s.stem for s in SHEETS])
def test_28_characters_in_words_model(built, name):
    """Word and WPS lay body text at size + character spacing; 28 of them fit the type area, 29 do not."""
    d = Docx(built[name][2])
    sect = d.document.xpath("//w:body/w:sectPr", namespaces=NS)[0]
    width = int(d.attr(sect, "w:pgSz", "w")) - int(d.attr(sect, "w:pgMar", "left")) - int(d.attr(sect, "w:pgMar", "right"))
    rpr = d.styles.xpath("w:docDefaults/w:rPrDefault/w:rPr", namespaces=NS)[0]
    size = int(d.attr(rpr, "w:sz", "val")) * 10  # half-points → twips
    spacing = int(d.attr(rpr, "w:spacing", "val"))  # twentieths of a point = twips
    for sid in ("Normal", d.style_id_by_name("heading 1"), d.style_id_by_name("公文副标题")):
        st = d.style(sid)
        assert d.attr(st, "w:rPr/w:spacing", "val") == str(spacing)
    assert 28 * (size + spacing) <= width < 29 * (size + spacing)
    assert d.attr(sect, "w:docGrid", "linePitch") == "579"
    title = d.style(d.style_id_by_name("公文标题"))
    assert d.attr(title, "w:rPr/w:spacing", "val") is None  # a 22 pt title is not condensed
    assert d.attr(title, "w:pPr/w:snapToGrid", "val") == "0"
    # centred lines must not inherit the body's two-character indent (Word reads *Chars before twips)
    for name in ("公文标题", "公文副标题", "公文落款", "公文称谓"):
        assert d.attr(d.style(d.style_id_by_name(name)), "w:pPr/w:ind", "firstLineChars") == "0", name


@pytest.mark.parametrize("name", [s.stem for s in SHEETS])
def test_signature_keeps_with_the_last_text(built, name):
    report, _, path = built[name]
    d = Docx(path)
    sig_id = d.style_id_by_name("公文落款")
    paras = d.document.xpath("//w:body/w:p", namespaces=NS)
    sig = [i for i, p in enumerate(paras) if p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) == sig_id]
    if not any(isinstance(b, Signature) for b in report.blocks):
        assert not sig
        return
    first = sig[0]
    keep = lambda p: bool(p.xpath("w:pPr/w:keepNext[not(@w:val) or @w:val!='0']", namespaces=NS))
    assert keep(paras[first - 1]), "the last paragraph of text does not keep with the signature"
    assert all(keep(paras[i]) for i in sig[:-1]) and not keep(paras[sig[-1]])
    assert int(paras[first].xpath("string(w:pPr/w:spacing/@w:before)", namespaces=NS)) in (579, 2 * 579)


def test_title_lines_are_one_paragraph_with_breaks():
    report = Report(title=["青溪镇2025年农村人居环境整治提升和美丽乡村建设工作要点"], blocks=[])
    d = Docx(io.BytesIO(get("docx").write(report, WriteOptions(author="青溪镇"))))
    paras = d.document.xpath("//w:body/w:p", namespaces=NS)
    assert len(paras) == 1
    texts = paras[0].xpath("w:r/w:t/text()", namespaces=NS)
    assert len(paras[0].xpath(".//w:br", namespaces=NS)) == len(texts) - 1 >= 1
    assert "".join(texts) == report.title[0]
    assert len(texts[0]) <= len(texts[1])


def test_a_marked_break_is_kept():
    report = Report(title=["青溪镇关于|加强管理的通知"], blocks=[])
    d = Docx(io.BytesIO(get("docx").write(report, WriteOptions())))
    assert d.document.xpath("//w:body/w:p/w:r/w:t/text()", namespaces=NS) == ["青溪镇关于", "加强管理的通知"]


GRID = Grid.of(load_style())


@pytest.mark.parametrize("sig,expected", [
    # unsealed, organisation longer than the date: issuer 2 from the right, date 2 right of its first character
    (Signature(("中共青溪镇委员会青溪镇人民政府", "2025年1月15日")), [("中共青溪镇委员会青溪镇人民政府", 2.0), ("2025年1月15日", 8.5)]),
    # unsealed, date longer than issuer: date 2 from the right, issuer pushed left
    (Signature(("林志远", "2024年12月26日"), personal=True), [("林志远", 8.0), ("2024年12月26日", 2.0)]),
    # joint unsealed: the issuers share one left edge
    (Signature(("中共青溪镇委员会", "青溪镇人民政府", "2025年1月15日")),
     [("中共青溪镇委员会", 2.5), ("青溪镇人民政府", 3.5), ("2025年1月15日", 2.0)]),
    # sealed: date 4 from the right, issuer centred over it
    (Signature(("青溪镇人民政府", "2025年1月15日"), sealed=True), [("青溪镇人民政府", 3.75), ("2025年1月15日", 4.0)]),
])
def test_signature_positions_follow_gbt9704(sig, expected):
    assert signature_layout(sig, GRID.chars) == expected


def test_grid_numbers():
    assert GRID.chars == 28 and GRID.pitch_twips == 579 and GRID.condense == -5
    assert 20 <= GRID.title_chars < 21


def test_a_clerk_marks_a_title_break_in_the_fact_sheet():
    checked = render.load(EXAMPLES / "work_plan.yaml")
    checked.sheet.data["subject"] = "农村人居环境|整治提升"
    report = render.build_report(checked)
    d = Docx(io.BytesIO(get("docx").write(report, WriteOptions(author="青溪镇"))))
    first = d.document.xpath("//w:body/w:p", namespaces=NS)[0]
    assert first.xpath("w:r/w:t/text()", namespaces=NS) == ["青溪镇2025年农村人居环境", "整治提升工作要点"]
    assert "|" not in get("txt").write(report, WriteOptions()).decode()
