"""The outcomes of an assessment and their labels (one home for both).

Every checklist answers two questions apart — how well the unit does its job (performance)
and whether what it shows and reports is real (reality) — and combines them into one of four
levels. The checklist's scale names the levels: a one-stop desk is substantive, partly
substantive, weak or formal; a Directive 26 inspection finds good compliance, violations or
serious violations. "Insufficient evidence" stands apart: nothing may be concluded yet.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

from .checklist import Scale
from .errors import N_


class Verdict(StrEnum):
    SUBSTANTIVE = "substantive"  # thực chất
    PARTLY_SUBSTANTIVE = "partly_substantive"  # thực chất một phần
    WEAK = "weak"  # hoạt động thực nhưng yếu
    FORMAL = "formal"  # hình thức
    GOOD_COMPLIANCE = "good_compliance"  # chấp hành tốt
    VIOLATIONS = "violations"  # còn vi phạm
    SERIOUS_VIOLATIONS = "serious_violations"  # vi phạm nghiêm trọng
    INSUFFICIENT_EVIDENCE = "insufficient_evidence"  # chưa đủ căn cứ


VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.SUBSTANTIVE: N_("Substantive"),
    Verdict.PARTLY_SUBSTANTIVE: N_("Partly substantive"),
    Verdict.WEAK: N_("Weak (works, but poorly)"),
    Verdict.FORMAL: N_("Formal (on paper only)"),
    Verdict.GOOD_COMPLIANCE: N_("Good compliance"),
    Verdict.VIOLATIONS: N_("Violations remain"),
    Verdict.SERIOUS_VIOLATIONS: N_("Serious violations"),
    Verdict.INSUFFICIENT_EVIDENCE: N_("Insufficient evidence"),
}

#: Verdicts whose inspection counts as "formal" in the heads' table and period report.
NOT_REAL = frozenset({Verdict.FORMAL, Verdict.SERIOUS_VIOLATIONS})


class Level(IntEnum):
    """The combined level, worst first (a cap and a performance level combine by taking the lower)."""

    NOT_REAL = 1  # integrity failure or many signs of formality
    POOR = 2  # real, but performs poorly
    PARTIAL = 3
    GOOD = 4


SCALE_OUTCOMES: dict[Scale, dict[Level, Verdict]] = {
    Scale.ONE_STOP: {Level.GOOD: Verdict.SUBSTANTIVE, Level.PARTIAL: Verdict.PARTLY_SUBSTANTIVE,
                     Level.POOR: Verdict.WEAK, Level.NOT_REAL: Verdict.FORMAL},
    Scale.DIRECTIVE_26: {Level.GOOD: Verdict.GOOD_COMPLIANCE, Level.PARTIAL: Verdict.VIOLATIONS,
                         Level.POOR: Verdict.SERIOUS_VIOLATIONS, Level.NOT_REAL: Verdict.SERIOUS_VIOLATIONS},
}


def verdicts_of(scale: Scale) -> tuple[Verdict, ...]:
    """The outcomes a checklist of ``scale`` can reach, best first, then "insufficient evidence"."""
    outcomes = []
    for level in sorted(Level, reverse=True):
        verdict = SCALE_OUTCOMES[scale][level]
        if verdict not in outcomes:
            outcomes.append(verdict)
    return (*outcomes, Verdict.INSUFFICIENT_EVIDENCE)


def label(verdict: Verdict | str | None) -> str | None:
    """The untranslated label of a verdict code (``None`` for no verdict)."""
    return VERDICT_LABELS[Verdict(verdict)] if verdict else None
