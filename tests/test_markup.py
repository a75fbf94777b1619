import pytest

from drafter.errors import TemplateError
from drafter.markup import escape, parse_markup, run_in_level
from drafter.report import Heading, ListBlock, Paragraph, Salutation, Signature

DOC = """# 政府工作报告

{.byline}
——2025年1月10日在青溪镇第十八届人民代表大会第五次会议上\\
镇长　林志远

{.salutation}
各位代表：

现在，我代表镇人民政府，向大会报告工作，请予审议。

## 2024年工作回顾

### （一）综合实力明显增强

一是项目建设提速。

**（一）加大重大项目建设力度。** 一是整合招商资源。

#### 1.三级标题

##### （1）四级标题

1. 建成青溪中学扩建工程。
2. 完成农村公路提档升级。

- 生产总值增长

{.signature}
青溪镇人民政府
2025年1月10日
"""


def test_parse_every_block_kind():
    r = parse_markup(DOC)
    assert r.title == ["政府工作报告"]
    assert r.byline == ["——2025年1月10日在青溪镇第十八届人民代表大会第五次会议上", "镇长　林志远"]
    kinds = [type(b) for b in r.blocks]
    assert kinds == [Salutation, Paragraph, Heading, Heading, Paragraph, Paragraph, Heading, Heading, ListBlock, ListBlock, Signature]
    assert r.blocks[2] == Heading(1, "2024年工作回顾")
    assert r.blocks[3] == Heading(2, "（一）综合实力明显增强")
    assert r.blocks[5] == Paragraph("一是整合招商资源。", "（一）加大重大项目建设力度。", 2)
    assert r.blocks[6] == Heading(3, "1.三级标题") and r.blocks[7] == Heading(4, "（1）四级标题")
    assert r.blocks[8] == ListBlock(("建成青溪中学扩建工程。", "完成农村公路提档升级。"), True)
    assert r.blocks[9].ordered is False
    assert r.blocks[10] == Signature(("青溪镇人民政府", "2025年1月10日"))


@pytest.mark.parametrize("lead,level", [("一、坚持创新", 1), ("（三）加大力度。", 2), ("3.抓好", 3), ("（2）落实", 4), ("注重学习。", 2)])
def test_run_in_level(lead, level):
    assert run_in_level(lead) == level


@pytest.mark.parametrize("text", ["增长*7.5%*", "a_b_c", "# 标题", "<b>粗</b> & 更多", "1. 不是列表", "- 不是列表", "[链接](x)", "反斜杠\\\\", "`代码`"])
def test_escape_round_trips_literally(text):
    r = parse_markup("开头" + escape(text))
    assert r.blocks == [Paragraph("开头" + text)]
    r = parse_markup(escape(text))
    assert r.blocks == [Paragraph(text)]


def test_escape_folds_line_breaks():
    assert parse_markup(escape("第一行\n\n第二行")).blocks == [Paragraph("第一行第二行")]


def test_unknown_block_class_and_late_title_are_template_errors():
    with pytest.raises(TemplateError, match="未知的段落类型"):
        parse_markup("{.foo}\n文字\n")
    with pytest.raises(TemplateError, match="标题"):
        parse_markup("正文\n\n# 迟到的标题\n")
    with pytest.raises(TemplateError, match="嵌套"):
        parse_markup("1. 一\n   1. 二\n")
