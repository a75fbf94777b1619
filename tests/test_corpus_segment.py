from drafter.corpus.model import Line
from drafter.corpus.numbering import build_outline, parse_number
from drafter.corpus.segment import build_sections, segment

B = "一年来，我们认真贯彻上级决策部署，各项工作取得新成效。"


def roles_of(texts, genre="gov_work_report"):
    lines = [Line(i, t) for i, t in enumerate(texts, 1)]
    segment(lines, genre)
    return [ln.roles for ln in lines]


def test_gov_skeleton_roles():
    texts = [
        "镇政府工作报告",
        "各位代表：",
        "现在，我代表镇人民政府，向大会报告工作，请予审议。",
        "2024年工作回顾",
        B,
        "（一）综合实力明显增强。" + B,
        "这些成绩的取得，离不开全镇干部群众的共同努力。在此，我代表镇政府表示衷心的感谢！",
        "在肯定成绩的同时，我们也清醒地认识到，发展中还存在不少问题。针对这些问题，我们将认真加以解决。",
        "2025年工作安排",
        "2025年是关键之年，今年政府工作的总体要求是：坚持稳中求进。",
        "主要预期目标是：生产总值增长6%。",
        "围绕以上目标要求，重点做好以下几方面工作：",
        "一、加大项目建设力度",
        "（一）抓好招商引资。" + B,
        "各位代表！让我们团结一心，为实现全镇高质量发展而努力奋斗！",
    ]
    assert roles_of(texts) == [
        ["title"], ["salutation"], ["opening"], ["review_heading"], ["achievements"], ["achievements"],
        ["thanks"], ["shortcomings"], ["plan_heading"], ["plan_overview"], ["targets"], ["tasks"],
        ["tasks"], ["tasks"], ["closing"],
    ]


def test_line_with_two_roles():
    texts = ["报告", "我受镇人大主席团委托，向大会报告工作，请予审议。", "过去一年工作回顾", B,
             "成绩的取得，得益于镇党委的正确领导。在此，我谨代表主席团表示衷心的感谢！在肯定成绩的同时，我们也应清醒看到，工作中还存在诸多不足。",
             "{年份}的主要工作任务", "一、加强自身建设"]
    roles = roles_of(texts, "congress_work_report")
    assert roles[4] == ["thanks", "shortcomings"]
    assert roles[5] == ["plan_heading"]


def test_sections_from_roles():
    lines = [Line(1, "a", roles=["title"]), Line(3, "b", roles=["achievements"]), Line(5, "c", 6, roles=["achievements", "thanks"]), Line(7, "d", roles=["thanks"])]
    secs = [(s.role, s.start_line, s.end_line) for s in build_sections(lines)]
    assert secs == [("title", 1, 1), ("achievements", 3, 6), ("thanks", 5, 7)]


def test_outline_levels_and_false_heading():
    texts = ["一、总体情况", "（一）经济建设", "1、招商引资", "2、项目建设", "一是加强企业招商。", "二、存在问题", "二、三产业产值分别为1亿元。"]
    outline = build_outline([Line(i, t) for i, t in enumerate(texts, 1)])
    assert [(o.level, o.number, o.line) for o in outline] == [(1, "一", 1), (2, "一", 2), (3, "1", 3), (3, "2", 4), (4, "一", 5), (1, "二", 6)]
    assert parse_number("二、三产业产值分别为1亿元。") is None


def test_outline_one_style_on_two_levels():
    texts = ["1、代表小组活动情况", "1、搭建平台", "2、落实制度", "3、坚持活动", "4、成效和问题", "2、后几个月工作打算", "1、继续开展活动", "3、几点建议"]
    outline = build_outline([Line(i, t) for i, t in enumerate(texts, 1)])
    assert [o.level for o in outline] == [1, 2, 2, 2, 2, 1, 2, 1]


def test_repeated_number_kept_same_level():
    outline = build_outline([Line(1, "五、精心组织"), Line(2, "六、建设代表工作站"), Line(3, "六、下一步工作计划")])
    assert [o.level for o in outline] == [1, 1, 1]
