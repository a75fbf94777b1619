"""Phrase mining on hand-built documents: slots, provenance, near-dup merge, holes."""
from __future__ import annotations

from drafter.corpus.model import Document, Line
from drafter.mine.phrases import add_keywords, has_hole, mine_phrases, pinyin_initials, slot


def _doc(source, lines, genre="gov_work_report", index=1, **flags):
    return Document(source=source, index=index, start_line=1, end_line=99, title="t", genre=genre,
                    lines=[Line(raw_no=n, text=t, roles=[r]) for n, t, r in lines], flags=dict(flags))


OPEN_A = "现在，我代表镇人民政府，向大会报告2023年政府工作，请予审议。"
OPEN_B = "现在，我代表镇人民政府，向大会报告2024年政府工作，请予审议。"


def test_slots():
    assert slot("2024年全镇实现生产总值73.1亿元") == "{年份}全镇实现生产总值{数字}亿元"
    assert slot("__镇第十一届人大第二次会议") == "{单位}镇{会议}"
    assert "{会议}" in slot("完成了镇第十六届人大六次会议确定的各项目标任务")


def test_place_and_leadership_slots():
    # the corpus's own towns become {单位}; places above the town become {地名}
    assert slot("为实现石排走上快速发展轨道而努力奋斗！") == "为实现{单位}走上快速发展轨道而努力奋斗！"
    assert slot("构建和谐新临清") == "构建和谐新{地名}"
    assert slot("九甸峡库区移民搬迁") == "{地名}库区移民搬迁"
    # the leadership chain is the unit's own, so it is a slot too
    assert slot("是县委、县政府和镇党委正确领导的结果") == "是{领导}正确领导的结果"
    assert slot("是市委、市人民政府和乡委正确领导的结果") == "是{领导}正确领导的结果"


def test_holes():
    for bad in ("全镇共有个行政村", "于月日召开", "同比增长。", "乱码\ufffd字", "F(xiàn）将工作汇报如下"):
        assert has_hole(bad), bad
    # a blank of unknown content in the cleaned line (not a number mined into a slot)
    assert has_hole("完成{数字}项", "完成{数字}项") and has_hole("交给{名称}办理", "交给{名称}办理")
    assert not has_hole("完成{数字}项", "完成12项")
    assert not has_hole("在肯定成绩的同时，我们也清醒地认识到，工作中还存在一些问题：")


def test_same_formula_two_years_is_one_entry_with_provenance():
    docs = [_doc("a.txt", [(5, OPEN_A, "opening")]), _doc("b.txt", [(12, OPEN_B, "opening")], genre="congress_work_report")]
    es = mine_phrases(docs, dup_flags=True)
    assert len(es) == 1
    e = es[0]
    # the town's own organ is a slot too: each fact sheet names its government itself
    assert e.text == "现在，我代表{政府}，向大会报告{年份}政府工作，请予审议。"
    assert e.role == "opening" and e.function == "开头"
    assert e.count == 2
    assert e.to_dict()["sources"] == ["a.txt:5", "b.txt:12"]
    assert e.genres == {"gov_work_report", "congress_work_report"}


def test_duplicate_document_counted_once_but_cited():
    docs = [_doc("a.txt", [(5, OPEN_A, "opening")]),
            _doc("b.txt", [(7, OPEN_A, "opening")], duplicate_of="a.txt#1")]
    (e,) = mine_phrases(docs, dup_flags=True)
    assert e.count == 1
    (e,) = mine_phrases(docs)  # the deterministic check finds the copy too
    assert e.count == 1
    assert e.to_dict()["sources"] == ["a.txt:5", "b.txt:7"]


def test_near_duplicates_merged():
    s1 = "在肯定成绩的同时，我们也清醒地认识到，工作中还存在一些问题和不足："
    s2 = "在肯定成绩的同时，我们也清醒地认识到，工作中还存在着一些问题和不足："
    docs = [_doc("a.txt", [(3, s1, "shortcomings")]), _doc("b.txt", [(4, s1, "shortcomings")]),
            _doc("c.txt", [(9, s2, "shortcomings")])]
    (e,) = mine_phrases(docs, dup_flags=True)
    assert e.text == s1 and e.count == 3
    assert e.to_dict()["sources"] == ["a.txt:3", "b.txt:4", "c.txt:9"]


def test_hole_rejected_and_heading_pattern():
    docs = [_doc("a.txt", [
        (1, "一年来，全镇共有个村圆满完成了各项目标任务。", "achievements"),
        (2, "（一）以发展为先，综合实力明显增强。全镇实现生产总值73.1亿元，同比增长7.5%；税收10亿元，增长9%。", "achievements"),
        (3, "以上汇报，不妥之处，请批评指正。", "closing"),
    ])]
    es = {(e.role, e.function): e for e in mine_phrases(docs)}
    assert not any("共有个" in e.text for e in es.values())
    head = es[("achievements", "标题")]
    assert head.text == "以发展为先，综合实力明显增强" and head.pattern == "以X为Y"
    assert es[("achievements", "数据引述")].text.startswith("全镇实现生产总值{数字}亿元")
    assert es[("closing", "表态")].text == "以上汇报，不妥之处，请批评指正。"


def test_keywords_keep_gongwen_terms_whole_and_pinyin():
    docs = [_doc("a.txt", [(1, "深入开展两学一做学习教育，严格落实三严三实要求，持续推进放管服改革，确保各项任务圆满完成。", "tasks")])]
    es = mine_phrases(docs)
    # not a task lead-in: nothing mined, so test keywords on a hand-made entry
    from drafter.mine.phrases import Entry
    e = Entry(text="深入开展两学一做学习教育，严格落实三严三实要求，持续推进放管服改革", role="tasks", function="标题")
    add_keywords([e])
    assert {"两学一做", "三严三实", "放管服"} <= set(e.keywords) | set()
    assert pinyin_initials("清醒认识") == "qxrs"
    assert isinstance(es, list)
