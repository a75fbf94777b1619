"""Target against actual, in the words real reports use.

A review that reports an indicator beside the target set for it must say how
the two compare, and never with success wording over a missed target. Every
phrase here is attested (corpus/devset_target_wording.txt keeps the devset sentences
with their sources):

- growth above the target rate: 增速高于预期目标 (2026 广西 report);
- growth at the target rate: 达到预期目标 (2000 State Council report);
- growth below it: 未达年初预期 (2026 江西 report); a five-year target missed:
  没有达到规划预期 (same report);
- an amount against a planned amount: 完成年度计划的106.74% (corpus 002).
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

ABOVE = "增速高于预期目标"
MET = "达到预期目标"
MISSED = "未达年初预期"
MISSED_PLAN = "没有达到规划预期"
SHARE_OF_PLAN = "完成年度计划的{share}%"

PHRASES = (ABOVE, MET, MISSED, MISSED_PLAN, SHARE_OF_PLAN.format(share="106.74"))


def _dec(value: object) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value).strip().rstrip("%"))
    except InvalidOperation:
        return None


def _plain(d: Decimal) -> str:
    text = format(d.quantize(Decimal("0.01")), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def target_met(change: object, target: object) -> bool | None:
    """Whether a growth rate reached its target rate (None when either is missing)."""
    c, t = _dec(change), _dec(target)
    if c is None or t is None:
        return None
    return c >= t


def growth_against_target(change: object, target: object, basis: str = "同比") -> str:
    """How an actual growth rate compares with the target rate: '' when either is missing.

    basis 年均 (a term report's five-year averages) words a miss against the plan period.
    """
    c, t = _dec(change), _dec(target)
    if c is None or t is None:
        return ""
    if c > t:
        return ABOVE
    if c == t:
        return MET
    return MISSED_PLAN if basis == "年均" else MISSED


def share_of_plan(value: object, planned: object) -> str:
    """An amount against its planned amount: 完成年度计划的103%; '' when it cannot be said.

    The share is stated as it is, above or below 100, so a shortfall reads as one.
    """
    v, p = _dec(value), _dec(planned)
    if v is None or p is None or p <= 0:
        return ""
    return SHARE_OF_PLAN.format(share=_plain(v * 100 / p))
