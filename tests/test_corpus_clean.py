from drafter.corpus.clean import (
    STEPS,
    clean_text,
    cut_injected_spans,
    despin,
    drop_chrome,
    fix_spaces,
    fullwidth_punct,
    join_broken_lines,
    normalize_placeholders,
    repair_mojibake,
    restore_deletions,
    restore_numerals,
    strip_ruby,
    to_simplified,
)
from drafter.corpus.model import Line


def L(*texts):
    return [Line(i, t) for i, t in enumerate(texts, 1)]


def texts(lines):
    return [ln.text for ln in lines]


def test_drop_chrome_lines():
    lines, n = drop_chrome(L("发布时间:2024-11-09 热度:55", "一、加强学习", "本文章共2页,当前在第2页 上一页", "發(fā)布時(shí)間:2020-07-07 來源: 黨課講稿 點(diǎn)擊:"))
    assert texts(lines) == ["一、加强学习"] and n == 3
    assert lines[0].raw_no == 2


def test_cut_injected_span_keeps_rest():
    lines, n = cut_injected_spans(L("认真履行职责作出>:请记住我站域名/贡献。"))
    assert n == 1 and "请记住" not in lines[0].text and lines[0].text.endswith("贡献。")


def test_repair_mojibake_byte_shift():
    lines, n = repair_mojibake(L("起到了積極作用?,F(xiàn)將一年來的工作匯報如下:", "三、加強日?;顒娱_展,提升人大工作水平", "作用。作用。日常日常"))
    assert n == 2
    assert "作用。現(xiàn)將" in lines[0].text
    assert "日常活動開展" in lines[1].text


def test_strip_ruby_and_t2s():
    lines, n = strip_ruby(L("鄉(xiāng)鎮(zhèn)人大工作匯報(bào)"))
    assert texts(lines) == ["鄉鎮人大工作匯報"] and n == 3
    lines, n = to_simplified(lines)
    assert texts(lines) == ["乡镇人大工作汇报"] and n > 0


def test_restore_numerals():
    lines, n = restore_numerals(L("1 是开展学习培训活动，进 1 步贴近群众", "召开好镇 105 届人大 4 次会议", "安排 1⑵次业务培训"))
    assert texts(lines) == ["一是开展学习培训活动，进一步贴近群众", "召开好镇 十五届人大 四次会议", "安排 一两次业务培训"]
    assert n == 5


def test_despin_in_collocations_only():
    lines, n = despin(L("代表展开活动的载体，我们苏醒地认识到不足", "展开双臂"))
    assert texts(lines) == ["代表开展活动的载体，我们清醒地认识到不足", "展开双臂"] and n == 2


def test_fix_spaces_and_fullwidth():
    lines, _ = fix_spaces(L("  组织部 分区镇人大代表和 50 名代表 ，", "Word 文档 GDP"))
    assert lines[0].text == "组织部分区镇人大代表和50名代表，"
    lines, _ = fullwidth_punct(L("一年来,我们(镇政府)做到:增长98。9%,gdp增长"))
    assert lines[0].text == "一年来，我们（镇政府）做到：增长98.9%，GDP增长"


def test_join_broken_lines_keeps_raw_numbers():
    lines, n = join_broken_lines([Line(11, "坚持接待选民日制度，镇人大确定原则上每个月15"), Line(12, "日为代表接待选民日。"), Line(13, "一、加强学习")])
    assert n == 1 and lines[0].text.endswith("每个月15日为代表接待选民日。")
    assert (lines[0].raw_no, lines[0].raw_end) == (11, 12) and lines[1].raw_no == 13


def test_false_heading_joined():
    lines, n = join_broken_lines(L("第一产业产值为2亿元，其中", "一、", "二、三产业产值分别为1亿元和3亿元。"))
    assert n >= 1 and any("一、二、三产业" in t for t in texts(lines))


def test_headings_not_joined():
    lines, n = join_broken_lines(L("2024年工作回顾", "一年来，我们主要做了以下工作："))
    assert n == 0 and len(lines) == 2


def test_placeholders_become_typed_slots():
    lines, n = normalize_placeholders(L("20__年，__镇完成投资_万元，XX县×××委，刘xx"))
    assert lines[0].text == "{年份}，{单位}镇完成投资{数字}万元，{单位}县{名称}委，刘{名称}"
    assert n == 6


def test_known_deletions():
    lines, n = restore_deletions(L("县人大会领导，人民利益，享有广泛的民利", "反腐__思想防线"))
    assert texts(lines) == ["县人大常委会领导，人民利益，享有广泛的民主权利", "反腐倡廉思想防线"] and n == 3


def test_pipeline_counts_every_step():
    lines, counts = clean_text("發布時間:2020-07-07 熱度:5\n\n鄉(xiāng)鎮(zhèn)人大 1 是展開活動,進 1 步加強\n")
    assert set(name for name, _ in STEPS) <= set(counts)
    assert texts(lines) == ["乡镇人大一是开展活动，进一步加强"]
    assert lines[0].raw_no == 3
