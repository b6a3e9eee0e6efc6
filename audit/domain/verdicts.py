"""The verdict on a desk — thực chất, thực chất một phần, hình thức, chưa đủ dữ liệu — with its reasons.

The rule (a KTCV proposal, thresholds from the checklist version):
1. coverage below ``min_coverage`` → not enough data;
2. any critical failure → formal;
3. score below ``formal_below_score`` or formality index at or above ``formal_from_formality`` → formal;
4. score at or above ``substantive_from_score`` and formality index at most
   ``substantive_up_to_formality`` → substantive;
5. otherwise → partially substantive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .checklist import VerdictRules
from .errors import N_
from .scoring import ScoreCard


class Verdict(StrEnum):
    SUBSTANTIVE = "substantive"
    PARTIAL = "partial"
    FORMAL = "formal"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class Reason:
    """One reason behind a verdict: an untranslated message id and its parameters."""

    code: str
    message: str
    params: dict = field(default_factory=dict, compare=False)

    def text(self) -> str:
        return self.message % self.params if self.params else self.message


@dataclass(frozen=True)
class VerdictResult:
    verdict: Verdict
    reasons: tuple[Reason, ...]


def _pct(value: float) -> str:
    return f"{value:g}"


def decide(card: ScoreCard, rules: VerdictRules) -> VerdictResult:
    """Apply the verdict rule to ``card``; every branch states why it was taken."""
    if card.coverage < rules.min_coverage:
        return VerdictResult(Verdict.INCOMPLETE, (Reason(
            "coverage", N_("Only %(coverage)s%% of the applicable items (by weight) are answered; at least %(min)s%% "
                           "are needed for a conclusion."),
            {"coverage": _pct(round(card.coverage * 100, 1)), "min": _pct(rules.min_coverage * 100)}),))
    reasons: list[Reason] = []
    for item_id in card.critical_failures:
        reasons.append(Reason("critical", N_("Critical item %(item)s failed."), {"item": item_id}))
    score = card.score if card.score is not None else 0.0
    formality = card.formality_index if card.formality_index is not None else 0.0
    if score < rules.formal_below_score:
        reasons.append(Reason("low_score", N_("The overall score %(score)s is below %(limit)s."),
                              {"score": _pct(score), "limit": _pct(rules.formal_below_score)}))
    if formality >= rules.formal_from_formality:
        reasons.append(Reason("high_formality", N_("The formality index %(index)s is at or above %(limit)s."),
                              {"index": _pct(formality), "limit": _pct(rules.formal_from_formality)}))
    if reasons:
        return VerdictResult(Verdict.FORMAL, tuple(reasons))
    if score >= rules.substantive_from_score and formality <= rules.substantive_up_to_formality:
        return VerdictResult(Verdict.SUBSTANTIVE, (Reason(
            "substantive", N_("Score %(score)s ≥ %(limit)s and formality index %(index)s ≤ %(fmax)s, "
                              "with no critical failure."),
            {"score": _pct(score), "limit": _pct(rules.substantive_from_score), "index": _pct(formality),
             "fmax": _pct(rules.substantive_up_to_formality)}),))
    if score < rules.substantive_from_score:
        reasons.append(Reason("partial_score", N_("The overall score %(score)s is below %(limit)s."),
                              {"score": _pct(score), "limit": _pct(rules.substantive_from_score)}))
    if formality > rules.substantive_up_to_formality:
        reasons.append(Reason("partial_formality", N_("The formality index %(index)s is above %(limit)s."),
                              {"index": _pct(formality), "limit": _pct(rules.substantive_up_to_formality)}))
    return VerdictResult(Verdict.PARTIAL, tuple(reasons))
