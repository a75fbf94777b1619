"""The form's values written back into the clerk's YAML: comments, order and spelling kept."""
from __future__ import annotations

import copy
import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.web.yaml_merge import apply_data, patch_scalars, plain_data
from tests.web_helpers import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
GOV = ROOT / "examples" / "gov_work_report.yaml"


def changed_lines(a: str, b: str) -> list[str]:
    return [ln for ln in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
            if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_unchanged_values_give_the_same_bytes(path):
    text = path.read_text(encoding="utf-8")
    data = plain_data(text, path.name)
    assert apply_data(text, data, path.name) == text
    assert patch_scalars(text, data) == text


def test_a_changed_value_changes_only_its_line():
    text = GOV.read_text(encoding="utf-8")
    data = plain_data(text, "s.yaml")
    data["unit"]["name"] = "白沙镇"
    data["meeting"]["date"] = "2025-02-03"
    data["review"]["indicators"][0]["value"] = 80.5
    out = apply_data(text, data, "s.yaml")
    pairs = [(a, b) for a, b in zip(text.splitlines(), out.splitlines()) if a != b]
    assert len(text.splitlines()) == len(out.splitlines())
    assert pairs[:2] == [("  name: 青溪镇", "  name: 白沙镇"), ("  date: 2025-01-10", "  date: 2025-02-03")]
    assert len(pairs) == 3 and "73.1" in pairs[2][0] and pairs[2][1] == pairs[2][0].replace("73.1", "80.5")
    assert plain_data(out, "s.yaml") == data


def test_removed_field_keeps_the_next_fields_comment_and_added_field_goes_in_schema_order():
    from drafter import templates

    schema = templates.get("gov_work_report").schema
    text = GOV.read_text(encoding="utf-8")
    data = plain_data(text, "s.yaml")
    del data["unit"]["short"]
    data["period"]["type"] = "term"
    data["period"]["term_start"] = 2021
    data["period"]["plan_end"] = 2030
    data["shortcomings"]["items"].append("新增的一条不足")
    out = apply_data(text, data, "s.yaml", schema)
    assert plain_data(out, "s.yaml") == data
    lines = out.splitlines()
    # the comment that described `level` is still right above it
    assert lines[lines.index("  level: 镇") - 1].startswith("  # 行政级别")
    # term_start / plan_end sit in period, before the comment that introduces the next top-level key
    i = lines.index("  term_start: 2021")
    assert lines[i + 1] == "  plan_end: 2030" and lines[i - 1] == "  review: 2024"  # the schema's order
    assert lines[i + 2].startswith("  # 部署工作的年份") and lines[i + 3] == "  plan: 2025"
    assert not [ln for ln in lines if ln.strip().startswith(("# term_start:", "# plan_end:"))]  # hints gone
    nxt = next(ln for ln in lines[i + 2:] if not ln.startswith("  "))
    assert nxt.startswith("# 领导与监督关系")
    # every other comment of the original survives
    kept = {ln.strip() for ln in lines}
    hints = ("# term_start:", "# plan_end:")
    assert all(ln.strip() in kept for ln in text.splitlines() if ln.strip().startswith("#") and not ln.strip().startswith(hints))


def test_deleted_list_items_and_keys_keep_the_rest_byte_for_byte():
    text = GOV.read_text(encoding="utf-8")
    data = plain_data(text, "s.yaml")
    removed = data["review"]["sections"][1]["items"].pop()
    out = apply_data(text, data, "s.yaml")
    assert plain_data(out, "s.yaml") == data
    gone = changed_lines(text, out)
    assert all(ln.startswith("-") for ln in gone) and any(removed["text"] in ln for ln in gone)


SCALARS = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.sampled_from(["yes", "no", "null", "~", "12", "1e3", "0x10", "2025-01-01", "- a", "a: b", "#c", "'q'", '"d"',
                     "[x]", "{y}", "a, b", "*ref", "&anchor", "!tag", "|", ">", "%", "@", "`", " lead", "trail "]),
    st.integers(-10**6, 10**6),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False).map(lambda x: round(x, 6)),  # figures, not noise
)


@settings(max_examples=40, deadline=None)
@given(name=SCALARS, upper=SCALARS, text_item=SCALARS)
def test_any_value_reads_back_as_typed(name, upper, text_item):
    text = GOV.read_text(encoding="utf-8")
    data = plain_data(text, "s.yaml")
    new = copy.deepcopy(data)
    new["unit"]["name"] = name
    new["leadership"]["upper"][0] = upper  # inside a flow list [市委, 市政府]
    new["review"]["sections"][0]["items"][0]["text"] = text_item
    out = apply_data(text, new, "s.yaml")
    assert plain_data(out, "s.yaml") == new
    assert sum(1 for ln in out.splitlines() if ln.lstrip().startswith("#")) == \
        sum(1 for ln in text.splitlines() if ln.lstrip().startswith("#"))
