"""drafter's own empty .docx package, written part by part (not python-docx's default template).

What a clerk's Word or WPS reads before any text: a Chinese theme and font
table (so a missing 仿宋_GB2312 is replaced by 仿宋, not by a Japanese Mincho),
compatibility mode 15 (no 兼容模式 in the title bar), Word's four required
styles and nothing else, two empty footers (odd and even pages), and document
properties that name the unit, not a library. The writer (docx.py) opens this
package with python-docx and adds the styles it uses and the text.
"""
from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone


def escape(text: str) -> str:
    """XML character data (xml.sax.saxutils pulls in urllib.request: too slow to import on the render path)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """An XML attribute value with its double quotes."""
    return '"' + escape(text).replace('"', "&quot;") + '"'

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"

# Fonts of GB/T 9704 and what Word/WPS should fall back to when they are missing
# (altName), with the GB2312 charset (86) so the substitute is a Chinese font.
KNOWN_FONTS: dict[str, dict[str, str]] = {
    "仿宋_GB2312": {"alt": "仿宋", "panose": "02010609030101010101", "charset": "86", "family": "modern", "pitch": "fixed"},
    "楷体_GB2312": {"alt": "楷体", "panose": "02010609030101010101", "charset": "86", "family": "modern", "pitch": "fixed"},
    "黑体": {"alt": "SimHei", "panose": "02010609060101010101", "charset": "86", "family": "modern", "pitch": "fixed"},
    "方正小标宋简体": {"alt": "宋体", "panose": "02000000000000000000", "charset": "86", "family": "auto", "pitch": "variable"},
    "宋体": {"alt": "SimSun", "panose": "02010600030101010101", "charset": "86", "family": "auto", "pitch": "variable"},
    "仿宋": {"alt": "FangSong", "panose": "02010609060101010101", "charset": "86", "family": "modern", "pitch": "fixed"},
    "楷体": {"alt": "KaiTi", "panose": "02010609060101010101", "charset": "86", "family": "modern", "pitch": "fixed"},
    "Times New Roman": {"alt": "", "panose": "02020603050405020304", "charset": "00", "family": "roman", "pitch": "variable"},
}
STANDARD_FONTS = ("仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体")


def font_entry(name: str) -> str:
    """One w:font of the font table; an unknown Chinese-named font still gets charset 86."""
    info = KNOWN_FONTS.get(name)
    if info is None:
        cjk = any(ord(c) > 0x2E80 for c in name)
        info = {"alt": "", "panose": "", "charset": "86" if cjk else "00",
                "family": "auto" if cjk else "roman", "pitch": "variable"}
    parts = [f"<w:font w:name={quoteattr(name)}>"]
    if info["alt"]:
        parts.append(f"<w:altName w:val={quoteattr(info['alt'])}/>")
    if info["panose"]:
        parts.append(f'<w:panose1 w:val="{info["panose"]}"/>')
    parts.append(f'<w:charset w:val="{info["charset"]}"/><w:family w:val="{info["family"]}"/>'
                 f'<w:pitch w:val="{info["pitch"]}"/></w:font>')
    return "".join(parts)


def font_table(names: list[str]) -> str:
    seen = list(dict.fromkeys([*names, *STANDARD_FONTS, "Times New Roman"]))
    return f'{_HEAD}<w:fonts xmlns:w="{W_NS}" xmlns:r="{R_NS}">{"".join(font_entry(n) for n in seen)}</w:fonts>'


CONTENT_TYPES = (
    _HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_CT}.wordprocessingml.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_CT}.wordprocessingml.styles+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{_CT}.wordprocessingml.settings+xml"/>'
    f'<Override PartName="/word/fontTable.xml" ContentType="{_CT}.wordprocessingml.fontTable+xml"/>'
    f'<Override PartName="/word/theme/theme1.xml" ContentType="{_CT}.theme+xml"/>'
    f'<Override PartName="/word/footer1.xml" ContentType="{_CT}.wordprocessingml.footer+xml"/>'
    f'<Override PartName="/word/footer2.xml" ContentType="{_CT}.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    f'<Override PartName="/docProps/app.xml" ContentType="{_CT}.extended-properties+xml"/>'
    "</Types>"
)

PACKAGE_RELS = (
    _HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)

DOCUMENT_RELS = (
    _HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/fontTable" Target="fontTable.xml"/>'
    f'<Relationship Id="rId4" Type="{_REL}/theme" Target="theme/theme1.xml"/>'
    f'<Relationship Id="rId5" Type="{_REL}/footer" Target="footer1.xml"/>'
    f'<Relationship Id="rId6" Type="{_REL}/footer" Target="footer2.xml"/>'
    "</Relationships>"
)

DOCUMENT = (
    _HEAD + f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body><w:sectPr>'
    '<w:footerReference w:type="even" r:id="rId6"/><w:footerReference w:type="default" r:id="rId5"/>'
    '<w:pgSz w:w="11906" w:h="16838"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="579"/>'
    "</w:sectPr></w:body></w:document>"
)

FOOTER = _HEAD + f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p/></w:ftr>'

# Only what the schema requires of settings, plus the Chinese-layout choices.
SETTINGS = (
    _HEAD + f'<w:settings xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    "<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/>"
    "<w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>"
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
    '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    '<w:compatSetting w:name="differentiateMultirowTableHeaders" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    "</w:compat>"
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
    '<w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" w:accent1="accent1" w:accent2="accent2" '
    'w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" w:hyperlink="hyperlink" '
    'w:followedHyperlink="followedHyperlink"/>'
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
    "</w:settings>"
)

# Word's four required styles; the writer adds the ones a report uses.
STYLES = (
    _HEAD + f'<w:styles xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
    "<w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>'
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>'
    '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
    '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/>'
    "<w:semiHidden/><w:unhideWhenUsed/></w:style>"
    "</w:styles>"
)


def _theme(east_asia: str) -> str:
    """A complete Office theme whose East-Asian fonts are Chinese (script Hans), no Japanese entries."""
    colors = [("dk1", '<a:sysClr val="windowText" lastClr="000000"/>'), ("lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'),
              ("dk2", '<a:srgbClr val="44546A"/>'), ("lt2", '<a:srgbClr val="E7E6E6"/>'),
              ("accent1", '<a:srgbClr val="4472C4"/>'), ("accent2", '<a:srgbClr val="ED7D31"/>'),
              ("accent3", '<a:srgbClr val="A5A5A5"/>'), ("accent4", '<a:srgbClr val="FFC000"/>'),
              ("accent5", '<a:srgbClr val="5B9BD5"/>'), ("accent6", '<a:srgbClr val="70AD47"/>'),
              ("hlink", '<a:srgbClr val="0563C1"/>'), ("folHlink", '<a:srgbClr val="954F72"/>')]
    clr = "".join(f"<a:{n}>{v}</a:{n}>" for n, v in colors)
    ea = quoteattr(east_asia)

    def font(latin: str) -> str:
        return (f'<a:latin typeface="{latin}"/><a:ea typeface=""/><a:cs typeface=""/>'
                f'<a:font script="Hans" typeface={ea}/>')

    solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = '<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>'
    return (
        _HEAD + '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="drafter">'
        f'<a:themeElements><a:clrScheme name="drafter">{clr}</a:clrScheme>'
        f'<a:fontScheme name="drafter"><a:majorFont>{font("Times New Roman")}</a:majorFont>'
        f'<a:minorFont>{font("Times New Roman")}</a:minorFont></a:fontScheme>'
        f'<a:fmtScheme name="drafter"><a:fillStyleLst>{solid * 3}</a:fillStyleLst>'
        f'<a:lnStyleLst>{line.format(w=6350)}{line.format(w=12700)}{line.format(w=19050)}</a:lnStyleLst>'
        "<a:effectStyleLst>" + "<a:effectStyle><a:effectLst/></a:effectStyle>" * 3 + "</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{solid * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements>"
        "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    )


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def core_properties(title: str, author: str, moment: datetime) -> str:
    stamp = _iso(moment)
    return (
        _HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>"
        f"<cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy><cp:revision>1</cp:revision><dc:language>zh-CN</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def app_properties() -> str:
    from .. import __version__

    return (
        _HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>drafter {escape(__version__)}</Application><DocSecurity>0</DocSecurity>"
        "<LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion>"
        "</Properties>"
    )


def base_package(fonts: list[str], theme_east_asia: str) -> bytes:
    """The empty package; core/app properties are placeholders the writer fills per report."""
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/document.xml": DOCUMENT,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": STYLES,
        "word/settings.xml": SETTINGS,
        "word/fontTable.xml": font_table(fonts),
        "word/theme/theme1.xml": _theme(theme_east_asia),
        "word/footer1.xml": FOOTER,
        "word/footer2.xml": FOOTER,
        "docProps/core.xml": core_properties("", "", datetime(2000, 1, 1, tzinfo=timezone.utc)),
        "docProps/app.xml": app_properties(),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))
    return buf.getvalue()
