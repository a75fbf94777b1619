"""Every shipped template says where it comes from, and the places exist in corpus/."""
import re

import pytest

from drafter import templates
from tests.conftest import ROOT


@pytest.mark.parametrize("tid", sorted(templates.available()))
def test_meta_names_real_corpus_documents(tid):
    meta = templates.get(tid).meta
    assert meta.get("name") and meta.get("description") and meta.get("genre")
    sources = meta.get("sources") or []
    assert sources, f"{tid}: meta.yaml lists no corpus documents"
    for src in sources:
        m = re.fullmatch(r"(corpus/[^:]+):(\d+)-(\d+)", src)
        assert m, src
        path = ROOT / m.group(1)
        assert path.is_file(), src
        first, last = int(m.group(2)), int(m.group(3))
        lines = path.read_text(encoding="utf-8").splitlines()
        assert 1 <= first < last <= len(lines), src
        assert lines[first - 1].strip(), f"{src}: starts on a blank line"
