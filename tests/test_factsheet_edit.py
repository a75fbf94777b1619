"""drafter.factsheet_edit: minimal textual appends to fact-sheet lists."""
from __future__ import annotations

import pytest
import yaml

from drafter.errors import InputError
from drafter.factsheet_edit import FieldError, append_to_file, append_to_list

SHEET = """\
# 2025年报告事实表   （注释保留）
template: gov_work_report
shortcomings:
  lead: 在看到成绩的同时   # 行尾注释
  items:
    - 产业结构不优   # 第一条
    - '基础设施仍有短板'

    # 列表后的注释
plan:
  targets: [增长6%, 就业]
  empty: []
  nested:
      - a: 1
        b: 2
closing: 结束
"""


def _check(old: str, new: str, added: str) -> None:
    """new is old plus exactly the added line(s) somewhere, nothing else changed."""
    assert len(new) == len(old) + len(added)
    i = next(k for k in range(len(old) + 1) if old[k : k + 1] != new[k : k + 1] or k == len(old))
    while not new[i:].startswith(added):
        i -= 1
    assert new[:i] + new[i + len(added):] == old


def test_block_list_append_keeps_everything_else():
    new = append_to_list(SHEET, "shortcomings.items", "整改落实不到位")
    _check(SHEET, new, '    - "整改落实不到位"\n')
    assert yaml.safe_load(new)["shortcomings"]["items"][-1] == "整改落实不到位"
    assert new.index('- "整改落实不到位"') < new.index("# 列表后的注释")


def test_indentation_follows_the_list():
    new = append_to_list(SHEET, "plan.nested", "x")
    _check(SHEET, new, '      - "x"\n')
    assert yaml.safe_load(new)["plan"]["nested"] == [{"a": 1, "b": 2}, "x"]


def test_indentless_list_and_missing_final_newline():
    new = append_to_list("a:\n- x\n# c\nb: 1", "a", "y")
    assert new == 'a:\n- x\n- "y"\n# c\nb: 1'
    assert append_to_list("a:\n- x", "a", "y") == 'a:\n- x\n- "y"\n'


def test_flow_lists():
    new = append_to_list(SHEET, "plan.targets", "新")
    _check(SHEET, new, ', "新"')
    assert yaml.safe_load(new)["plan"]["targets"] == ["增长6%", "就业", "新"]
    new = append_to_list(SHEET, "plan.empty", "新")
    assert yaml.safe_load(new)["plan"]["empty"] == ["新"]


def test_create_missing_list_under_existing_mapping():
    new = append_to_list(SHEET, "shortcomings.reasons", "原因")
    _check(SHEET, new, 'reasons:\n    - "原因"\n'.rjust(len('  reasons:\n    - "原因"\n')))
    assert yaml.safe_load(new)["shortcomings"]["reasons"] == ["原因"]
    assert yaml.safe_load(new)["shortcomings"]["items"] == ["产业结构不优", "基础设施仍有短板"]


def test_quoting_survives_special_characters():
    text = 'x: "含有 \\"引号\\" 和 # 号：冒号"'
    new = append_to_list(SHEET, "shortcomings.items", text)
    assert yaml.safe_load(new)["shortcomings"]["items"][-1] == text


@pytest.mark.parametrize("field", ["nope.items", "shortcomings.lead", "closing", "closing.x", "plan", ""])
def test_refusals(field):
    with pytest.raises(FieldError):
        append_to_list(SHEET, field, "x")


def test_file_wrapper(tmp_path):
    p = tmp_path / "2025年报告.yaml"
    p.write_text(SHEET, encoding="utf-8")
    append_to_file(p, "shortcomings.items", "新问题")
    _check(SHEET, p.read_text(encoding="utf-8"), '    - "新问题"\n')
    with pytest.raises(InputError) as ei:
        append_to_file(p, "shortcomings.lead", "x")
    assert str(p) in ei.value.message and "shortcomings.lead" in ei.value.message
    with pytest.raises(InputError) as ei:
        append_to_file(tmp_path / "无.yaml", "a", "x")
    assert "无.yaml" in ei.value.message and "不存在" in ei.value.message
    assert not [q for q in tmp_path.iterdir() if q.name.startswith(".")]
