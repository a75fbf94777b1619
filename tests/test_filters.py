import pytest

from drafter import filters as f


@pytest.mark.parametrize("n,want", [
    (0, "零"), (1, "一"), (2, "二"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"),
    (21, "二十一"), (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (115, "一百一十五"),
    (1000, "一千"), (1005, "一千零五"), (10000, "一万"), (10010, "一万零一十"), (120000, "十二万"),
])
def test_cn_number(n, want):
    assert f.cn_number(n) == want


def test_cn_number_rejects_non_integers():
    with pytest.raises(ValueError):
        f.cn_number(1.5)
    with pytest.raises(ValueError):
        f.cn_number(True)


@pytest.mark.parametrize("n,style,want", [
    (1, "paren", "（一）"), (12, "paren", "（十二）"), (3, "comma", "三、"), (4, "shi", "四是"),
    (10, "shi", "十是"), (2, "di", "第二"), (7, "arabic", "7."), (3, "arabic_paren", "（3）"),
])
def test_cn_ordinal(n, style, want):
    assert f.cn_ordinal(n, style) == want


def test_cn_ordinal_unknown_style():
    with pytest.raises(ValueError, match="未知样式"):
        f.cn_ordinal(1, "roman")


@pytest.mark.parametrize("change,want", [
    (7.5, "同比增长7.5%"), (-2.1, "同比下降2.1%"), (0, "与上年持平"), (0.0, "与上年持平"), (12, "同比增长12%"),
    ("3.50", "同比增长3.5%"),
])
def test_change_phrase(change, want):
    assert f.change_phrase(change) == want


def test_indicator_sentence():
    assert f.indicator({"name": "生产总值", "value": 73.1, "unit": "亿元", "change": 7.5}) == "实现生产总值73.1亿元，同比增长7.5%"
    # 实现 never leads a fall: the fall is stated plainly
    assert f.indicator({"name": "社会消费品零售总额", "value": 18.7, "unit": "亿元", "change": -2.1}) == "社会消费品零售总额18.7亿元，同比下降2.1%"
    # 达到 follows the name (全镇生产总值达到…, never 全镇达到生产总值…)
    assert f.indicator({"name": "生产总值", "value": 78.6, "unit": "亿元", "change": 7.2, "verb": "达到", "basis": "年均"}) == "生产总值达到78.6亿元，年均增长7.2%"
    assert f.indicator({"name": "财政收入", "value": 5, "unit": "亿元", "change": 0}) == "实现财政收入5亿元，与上年持平"
    assert f.indicator({"name": "人均收入", "value": 4200, "unit": "元"}) == "实现人均收入4200元"
    joined = f.indicators([
        {"name": "生产总值", "value": 73.1, "unit": "亿元", "change": 7.5},
        {"name": "规模以上工业增加值", "value": 30.08, "unit": "亿元", "change": 9.2},
    ])
    assert joined == "实现生产总值73.1亿元，同比增长7.5%；规模以上工业增加值30.08亿元，同比增长9.2%"


@pytest.mark.parametrize("value,unit,want", [
    (9300, "万元", "9300万元"), (123456, "万元", "12.35亿元"), (10000, "万元", "1亿元"),
    (5.5, "元", "5.5元"), (56000, "元", "5.6万元"), (1.2, "亿元", "1.2亿元"), (0.5, "亿元", "5000万元"),
])
def test_scale_amount(value, unit, want):
    assert f.scale_amount(value, unit) == want


def test_scale_amount_bad_unit():
    with pytest.raises(ValueError):
        f.scale_amount(1, "美元")


@pytest.mark.parametrize("value,want", [
    ("2025-01-10", "2025年1月10日"), ("2025-1-5", "2025年1月5日"), ("2025/10/01", "2025年10月1日"), ("2025-03", "2025年3月"),
])
def test_cn_date(value, want):
    assert f.cn_date(value) == want


def test_cn_date_objects_and_errors():
    import datetime as dt

    assert f.cn_date(dt.date(2025, 1, 10)) == "2025年1月10日"
    with pytest.raises(ValueError):
        f.cn_date("2025-02-30")
    with pytest.raises(ValueError):
        f.cn_date("明年春天")


def test_number_formatting_and_targets():
    assert f.fmt_number(73.10) == "73.1"
    assert f.fmt_number(9300) == "9300"
    assert f.target_phrase({"name": "地区生产总值", "growth": 8, "qualifier": "左右"}) == "地区生产总值增长8%左右"
    assert f.target_phrase({"name": "人口自然增长率", "limit": "6‰"}) == "人口自然增长率控制在6‰以内"
    assert f.target_phrase({"name": "固定资产投资", "value": 9685, "unit": "万元", "verb": "完成"}) == "固定资产投资完成9685万元"


def test_sentence_ends():
    assert f.end_sentence("成效明显") == "成效明显。"
    assert f.end_sentence("成效明显。") == "成效明显。"
    assert f.end_sentence("如下", "：") == "如下："
    assert f.strip_end("成效明显。") == "成效明显"
    assert f.join_cn(["市委", "市政府"]) == "市委、市政府"
    assert f.join_cn(["甲", "乙", "丙"], last="和") == "甲、乙和丙"


def test_cn_count_says_liang_for_two():
    assert [f.cn_count(n) for n in (1, 2, 10, 12, 22)] == ["一", "两", "十", "十二", "二十二"]


@pytest.mark.parametrize("changes,override,want", [
    ([7.5, 9.2, 6.3], None, "growth"),
    ([7.5, -2.1, 6.3], None, "mixed"),
    ([7.5, 9.2, 12, 6.3, -2.1, 6.8], None, "growth"),  # one minor fall among six: still a good year
    ([-3.4, 2.0, 1.0], None, "decline"),           # the headline (first) indicator fell
    ([3.0, -6.8, -13.1, 2.7], None, "decline"),     # half or more fell
    ([7.5, 9.2], "decline", "decline"),             # the sheet's override wins
    ([], None, "growth"),
])
def test_outcome_follows_the_figures(changes, override, want):
    items = [{"name": f"指标{i}", "value": 1, "unit": "亿元", "change": c} for i, c in enumerate(changes)]
    assert f.outcome(items, override) == want


def test_outcome_counts_a_missed_target_as_not_growth():
    items = [{"name": "生产总值", "value": 1, "change": 5.0, "target": 6.5}, {"name": "b", "value": 1, "change": 3}]
    assert f.outcome(items) == "mixed" and f.falling_names(items) == ["生产总值"]


@pytest.mark.parametrize("unit,short", [
    ({"name": "白岩彝族乡", "level": "民族乡"}, "白岩"), ({"name": "花溪苗族侗族乡"}, "花溪"),
    ({"name": "青溪镇"}, "青溪"), ({"name": "东关街道", "level": "街道"}, "东关"),
    ({"name": "青溪镇", "short": "青溪古镇"}, "青溪古镇"),
])
def test_unit_short_drops_level_and_nationality(unit, short):
    assert f.unit_short(unit) == short


def test_organs_by_level_and_from_the_sheet():
    street = f.organs({"name": "东关街道", "level": "街道"})
    assert (street["party"], street["gov"], street["congress"], street["scope"]) == ("街道党工委", "街道办事处", "", "全街道")
    xiang = f.organs({"name": "白岩彝族乡", "level": "民族乡"}, {"party": "乡党委", "supervisor": "乡人大"})
    assert (xiang["party"], xiang["gov"], xiang["we"], xiang["short"]) == ("乡党委", "乡人民政府", "我乡", "白岩")
    assert f.organs({"name": "石排镇"}, {"party": "镇委"})["party"] == "镇委"


@pytest.mark.parametrize("post,unit,want", [
    ("乡人大主席", "河口乡", "人大主席"), ("河口乡人大主席", "河口乡", "人大主席"), ("镇长", "青溪镇", "镇长"),
    ("东关街道党工委书记", "东关街道", "党工委书记"), ("党委副书记、镇长", "青溪镇", "党委副书记、镇长"),
])
def test_a_post_after_the_unit_name_is_never_doubled(post, unit, want):
    assert f.unit_post(post, {"name": unit}) == want
