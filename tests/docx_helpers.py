"""Read back a produced .docx: its XML parts and its paragraphs, as a checker would."""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    prefix, local = tag.split(":")
    return f"{{{W}}}{local}"


class Docx:
    def __init__(self, path: Path):
        with zipfile.ZipFile(path) as z:
            self.names = z.namelist()
            self.parts = {n: z.read(n) for n in self.names if n.endswith((".xml", ".rels"))}
        self.document = etree.fromstring(self.parts["word/document.xml"])
        self.styles = etree.fromstring(self.parts["word/styles.xml"])
        self.settings = etree.fromstring(self.parts["word/settings.xml"])

    def style(self, style_id: str):
        found = self.styles.xpath(f"w:style[@w:styleId='{style_id}']", namespaces=NS)
        assert found, f"style {style_id} missing"
        return found[0]

    def style_id_by_name(self, name: str) -> str:
        found = self.styles.xpath(f"w:style[w:name/@w:val='{name}']/@w:styleId", namespaces=NS)
        assert found, f"style named {name} missing"
        return found[0]

    def attr(self, el, path: str, name: str):
        found = el.xpath(path, namespaces=NS)
        return found[0].get(q(f"w:{name}")) if found else None

    def paragraphs(self):
        """(style id, [(run style id, text)]) for every body paragraph."""
        out = []
        for p in self.document.xpath("//w:body/w:p", namespaces=NS):
            sid = p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) or "Normal"
            runs = [(r.xpath("string(w:rPr/w:rStyle/@w:val)", namespaces=NS), "".join(r.xpath("w:t/text()", namespaces=NS)))
                    for r in p.xpath("w:r", namespaces=NS)]
            out.append((sid, runs))
        return out

    def text(self) -> str:
        return "\n".join("".join(t for _, t in runs) for _, runs in self.paragraphs())

    def footer_xml(self, kind: str):
        rels = etree.fromstring(self.parts["word/_rels/document.xml.rels"])
        sect = self.document.xpath("//w:body/w:sectPr", namespaces=NS)[0]
        ref = sect.xpath(f"w:footerReference[@w:type='{kind}']", namespaces=NS)
        assert ref, f"no {kind} footer"
        rid = ref[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        target = rels.xpath(f"//*[@Id='{rid}']/@Target")[0]
        return etree.fromstring(self.parts["word/" + target])


def assert_in_order(text: str, needles: list[str], label: str = "") -> None:
    """Each needle occurs in `text` after the previous one: a report's skeleton, read top to bottom."""
    pos = -1
    for needle in needles:
        found = text.find(needle, pos + 1)
        assert found > pos, f"{label}: {needle!r} missing or out of order"
        pos = found
