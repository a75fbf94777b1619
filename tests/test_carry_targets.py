"""Target against actual in the words real reports use, never success over a miss (issue 16)."""
from __future__ import annotations

import functools

from drafter.filters import indicators
from drafter.gongwen import targets as tg
from drafter.mine import provenance as pv

from .conftest import ROOT


def test_growth_against_target():
    assert tg.growth_against_target(7.5, 6.5) == "增速高于预期目标"
    assert tg.growth_against_target(6.5, 6.5) == "达到预期目标"
    assert tg.growth_against_target(5.2, 6.5) == "未达年初预期"
    assert tg.growth_against_target(-1, 6.5) == "未达年初预期"
    assert tg.growth_against_target(5.2, 6.5, "年均") == "没有达到规划预期"
    assert tg.growth_against_target(None, 6.5) == "" and tg.growth_against_target(5, None) == ""
    assert tg.target_met(5.2, 6.5) is False and tg.target_met(7, 6.5) is True


def test_share_of_plan_states_shortfalls_too():
    assert tg.share_of_plan(15.2, 14.07) == "完成年度计划的108.03%"
    assert tg.share_of_plan(103, 100) == "完成年度计划的103%"
    assert tg.share_of_plan(92, 100) == "完成年度计划的92%"
    assert tg.share_of_plan(5, 0) == "" and tg.share_of_plan(None, 5) == ""


def test_indicator_sentence_says_how_each_compares():
    text = indicators([
        {"name": "生产总值", "value": 73.1, "unit": "亿元", "change": 7.5, "target": 6.5},
        {"name": "一般公共预算收入", "value": 5.6, "unit": "亿元", "change": 3, "target": 6},
        {"name": "社会消费品零售总额", "value": 18.7, "unit": "亿元", "change": -2.1, "target": 5},
        {"name": "固定资产投资", "value": 21.4, "unit": "亿元", "change": 6.3},
    ])
    assert text == ("实现生产总值73.1亿元，同比增长7.5%，增速高于预期目标；一般公共预算收入5.6亿元，同比增长3%，未达年初预期；"
                    "社会消费品零售总额18.7亿元，同比下降2.1%，未达年初预期；固定资产投资21.4亿元，同比增长6.3%")


@functools.lru_cache(maxsize=1)
def _hay() -> str:
    from drafter.corpus.pipeline import mine_paths
    from drafter.phrasebank import load_bank

    return pv.haystack([d.text for d in mine_paths([ROOT / "corpus"])], [e["text"] for e in load_bank(ROOT / "phrasebank")])


def test_every_wording_is_attested_in_the_corpus():
    hay = _hay()
    pieces = [pv.Fixed("drafter/gongwen/targets.py", 0, p) for p in (tg.ABOVE, tg.MET, tg.MISSED, tg.MISSED_PLAN)]
    pieces.append(pv.Fixed("drafter/gongwen/targets.py", 0, tg.SHARE_OF_PLAN.format(share=pv.SLOT)))
    assert pv.unattested(pieces, hay) == []
    # and the check can fail: an invented wording is not attested
    assert pv.unattested([pv.Fixed("x", 0, "圆满超额完成年度宏伟目标")], hay)
