"""The produced .docx, read back from its XML, follows GB/T 9704-2012 (shared/GBT9704.md)."""
import pytest

from tests.conftest import run_cli
from tests.docx_helpers import NS, Docx, q


@pytest.fixture(scope="module")
def docx(tmp_path_factory, request):
    from tests.conftest import EXAMPLES

    out = tmp_path_factory.mktemp("docx") / "report.docx"
    r = run_cli("render", EXAMPLES / "gov_work_report.yaml", "-o", out)
    assert r.returncode == 0, r.stderr
    return Docx(out)


def _fonts(d: Docx, style_id: str) -> dict:
    el = d.style(style_id).xpath("w:rPr/w:rFonts", namespaces=NS)[0]
    return {k.split("}")[1]: v for k, v in el.attrib.items()}


def test_page_is_a4_with_gbt_margins(docx):
    sect = docx.document.xpath("//w:body/w:sectPr", namespaces=NS)[0]
    assert docx.attr(sect, "w:pgSz", "w") == "11906" and docx.attr(sect, "w:pgSz", "h") == "16838"
    mar = {k: docx.attr(sect, "w:pgMar", k) for k in ("top", "bottom", "left", "right", "footer")}
    assert mar == {"top": "2098", "bottom": "1984", "left": "1587", "right": "1474", "footer": "1446"}


def test_body_style_fixed_22_line_grid_and_two_char_indent(docx):
    normal = docx.style("Normal")
    assert docx.attr(normal, "w:pPr/w:spacing", "line") == "579"
    assert docx.attr(normal, "w:pPr/w:spacing", "lineRule") == "exact"
    assert docx.attr(normal, "w:pPr/w:spacing", "before") == "0" and docx.attr(normal, "w:pPr/w:spacing", "after") == "0"
    assert docx.attr(normal, "w:pPr/w:ind", "firstLineChars") == "200"
    assert docx.attr(normal, "w:pPr/w:ind", "firstLine") == "640"
    assert docx.attr(normal, "w:rPr/w:sz", "val") == "32"
    assert _fonts(docx, "Normal")["eastAsia"] == "仿宋_GB2312"
    assert _fonts(docx, "Normal")["ascii"] == "Times New Roman" and _fonts(docx, "Normal")["hAnsi"] == "Times New Roman"


def test_doc_defaults_are_chinese_not_the_japanese_theme(docx):
    rpr = docx.styles.xpath("w:docDefaults/w:rPrDefault/w:rPr", namespaces=NS)[0]
    assert docx.attr(rpr, "w:lang", "eastAsia") == "zh-CN"
    fonts = rpr.xpath("w:rFonts", namespaces=NS)[0]
    assert fonts.get(q("w:eastAsia")) == "仿宋_GB2312"
    assert fonts.get(q("w:eastAsiaTheme")) is None and fonts.get(q("w:asciiTheme")) is None
    ppr = docx.styles.xpath("w:docDefaults/w:pPrDefault/w:pPr", namespaces=NS)[0]
    assert docx.attr(ppr, "w:spacing", "after") == "0" and docx.attr(ppr, "w:spacing", "lineRule") == "exact"


@pytest.mark.parametrize("name,font,size,bold,centred", [
    ("公文标题", "方正小标宋简体", "44", "0", True),
    ("公文副标题", "楷体_GB2312", "32", "0", True),
    ("heading 1", "黑体", "32", "0", False),
    ("heading 2", "楷体_GB2312", "32", "0", False),
    ("heading 3", "仿宋_GB2312", "32", "0", False),
    ("heading 4", "仿宋_GB2312", "32", "0", False),
])
def test_every_used_style_names_its_east_asian_font(docx, name, font, size, bold, centred):
    sid = docx.style_id_by_name(name)
    st = docx.style(sid)
    fonts = _fonts(docx, sid)
    assert fonts["eastAsia"] == font
    assert fonts["ascii"] == "Times New Roman"
    assert not any(k.endswith("Theme") for k in fonts), fonts
    assert docx.attr(st, "w:rPr/w:sz", "val") == size
    assert docx.attr(st, "w:rPr/w:b", "val") == bold
    assert docx.attr(st, "w:rPr/w:lang", "eastAsia") == "zh-CN"
    assert (docx.attr(st, "w:pPr/w:jc", "val") == "center") == centred
    assert docx.attr(st, "w:rPr/w:color", "val") == "000000"


def test_paragraphs_use_the_right_styles_in_order(docx):
    paras = docx.paragraphs()
    names = {docx.style_id_by_name(n): n for n in ("公文标题", "公文副标题", "heading 1", "heading 2", "公文称谓")}
    first = [(names.get(sid, sid), "".join(t for _, t in runs)) for sid, runs in paras[:5]]
    assert first[0] == ("公文标题", "政府工作报告")
    assert first[1][0] == "公文副标题" and first[1][1].startswith("——2025年1月10日在青溪镇第十八届人民代表大会第五次会议上")
    assert first[2] == ("公文副标题", "青溪镇镇长\u3000林志远")
    assert first[3] == ("公文称谓", "各位代表：")
    h1 = [("".join(t for _, t in runs)) for sid, runs in paras if names.get(sid) == "heading 1"]
    assert h1[:3] == ["2024年工作回顾", "2025年工作安排", "一、坚持创新驱动，推进产业结构调整升级"]
    h2 = [("".join(t for _, t in runs)) for sid, runs in paras if names.get(sid) == "heading 2"]
    assert h2[0] == "（一）以发展为先，推动高质量发展，综合实力明显增强" and len(h2) == 6


def test_run_in_headings_keep_the_rest_in_body_font(docx):
    kai = docx.style_id_by_name("公文二级标题字符")
    fonts = _fonts(docx, kai)
    assert fonts["eastAsia"] == "楷体_GB2312"
    run_in = [runs for sid, runs in docx.paragraphs() if runs and runs[0][0] == kai]
    assert run_in, "no run-in heading found"
    lead, rest = run_in[0][0], run_in[0][1]
    assert lead[1] == "（一）加大重大项目建设力度。"
    assert rest[0] == "" and rest[1].startswith("树立“抓项目就是抓发展”的理念")


def test_page_numbers_odd_right_even_left_with_dashes(docx):
    assert docx.settings.xpath("w:evenAndOddHeaders", namespaces=NS)
    for kind, align, side in (("default", "right", "right"), ("even", "left", "left")):
        footer = docx.footer_xml(kind)
        p = footer.xpath("w:p", namespaces=NS)[0]
        assert p.xpath("string(w:pPr/w:jc/@w:val)", namespaces=NS) == align
        assert p.xpath(f"string(w:pPr/w:ind/@w:{side})", namespaces=NS) == "280"  # one 14 pt character
        assert "PAGE" in "".join(p.xpath(".//w:instrText/text()", namespaces=NS))
        kinds = p.xpath(".//w:fldChar/@w:fldCharType", namespaces=NS)
        assert kinds == ["begin", "separate", "end"]
        text = "".join(p.xpath(".//w:t/text()", namespaces=NS))
        assert text == "— 1 —"
        sid = p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)
        assert _fonts(docx, sid)["eastAsia"] == "宋体" and docx.attr(docx.style(sid), "w:rPr/w:sz", "val") == "28"


def test_unit_style_file_overrides_fonts_and_emphasis(tmp_path):
    from tests.conftest import EXAMPLES

    style = tmp_path / "单位样式.yaml"
    style.write_text("fonts:\n  body: 宋体\n  heading1: 方正黑体_GBK\nbold:\n  heading3: true\n", encoding="utf-8")
    out = tmp_path / "r.docx"
    r = run_cli("render", EXAMPLES / "gov_work_report.yaml", "-o", out, "--style", style)
    assert r.returncode == 0, r.stderr
    d = Docx(out)
    assert _fonts(d, "Normal")["eastAsia"] == "宋体"
    assert _fonts(d, d.style_id_by_name("heading 1"))["eastAsia"] == "方正黑体_GBK"
    assert d.attr(d.style(d.style_id_by_name("heading 3")), "w:rPr/w:b", "val") == "1"
    assert _fonts(d, d.style_id_by_name("heading 2"))["eastAsia"] == "楷体_GB2312"  # untouched keys keep defaults


def test_bad_style_file_is_reported_with_the_field(tmp_path):
    from tests.conftest import EXAMPLES

    style = tmp_path / "s.yaml"
    style.write_text("fonts:\n  bodyy: 宋体\nsizes:\n  body: 大\n", encoding="utf-8")
    r = run_cli("render", EXAMPLES / "gov_work_report.yaml", "-o", tmp_path / "r.docx", "--style", style)
    assert r.returncode == 1
    assert "fonts.bodyy" in r.stdout + r.stderr and "sizes.body" in r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "r.docx").exists()
