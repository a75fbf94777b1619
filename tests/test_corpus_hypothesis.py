"""No exception escapes reading, cleaning, splitting or segmenting arbitrary input."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.corpus.clean import clean_text
from drafter.corpus.pipeline import mine_text
from drafter.corpus.read import decode_bytes

CJKISH = st.text(
    alphabet=st.sampled_from(list("各位代表：现在我代表镇人民政府向大会报告工作请予审议一二三、（）()?,F;篇第范文感悟是年__XX20xx鎮(zhèn)。！\n 1进步展开活动其中")) | st.characters(),
    max_size=400,
)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=2000))
def test_decode_never_crashes(data):
    r = decode_bytes(data)
    assert r.status in ("ok", "empty", "binary")
    assert isinstance(r.text, str)


@FAST
@given(CJKISH)
def test_clean_never_crashes_and_keeps_line_numbers(text):
    """(hypothesis once found '\\ud800': a lone surrogate crashed OpenCC; see test below)"""
    lines, counts = clean_text(text)
    n_raw = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for ln in lines:
        assert 1 <= ln.raw_no <= ln.raw_end <= n_raw
    assert all(v >= 0 for v in counts.values())


@FAST
@given(CJKISH)
def test_mining_never_crashes(text):
    docs, _ = mine_text(text, "x.txt")
    for d in docs:
        assert d.start_line <= d.end_line
        assert all(ln.roles for ln in d.lines)


def test_lone_surrogates_do_not_crash_traditional_to_simplified():
    lines, _ = clean_text("鎮\udc80長工作報告")
    assert "\udc80" not in "".join(ln.text for ln in lines)
