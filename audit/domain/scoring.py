"""Scoring a checklist: item scores, section scores, overall score, coverage, formality index
and critical failures. Every threshold comes from the checklist version's data.

Answers are raw strings as stored: ``"yes"``, ``"no"``, ``"na"`` for pass/fail items,
a decimal number for numbers and percentages, ``"0"``–``"2"`` for ratings, free text for
text items; ``"na"`` marks any item not applicable. A missing key means unanswered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .checklist import AnswerType, Checklist, Condition, Item
from .errors import N_, InvalidInput

NA = "na"
PERCENT_MAX = Decimal(100)
NUMBER_MAX = Decimal(10**9)


def round_score(value: float | Decimal) -> float:
    """The one rounding rule: half up to one decimal (79.95 → 80.0, 79.94 → 79.9)."""
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def normalise_answer(item: Item, raw: str | None) -> str:
    """The canonical stored form of an answer, or :class:`DomainError` if it does not fit the item.

    Accepts a decimal comma ("95,5"). Percentages lie in 0–100, numbers are ≥ 0, ratings 0, 1 or 2.
    """
    text = (raw or "").strip()
    if not text:
        raise InvalidInput(N_("The answer to %(item)s is empty."), item=item.id)
    if item.answer_type is AnswerType.TEXT:
        if len(text) > 5000:
            raise InvalidInput(N_("The answer to %(item)s is longer than 5000 characters."), item=item.id)
        return text
    lowered = text.lower()
    if lowered == NA:
        return NA
    if item.answer_type is AnswerType.YES_NO_NA:
        if lowered not in ("yes", "no"):
            raise InvalidInput(N_("%(item)s takes Pass, Fail or Not applicable."), item=item.id)
        return lowered
    try:
        number = Decimal(text.replace(",", "."))
    except ArithmeticError:
        number = None
    if number is None or not number.is_finite():
        raise InvalidInput(N_("%(item)s needs a number."), item=item.id)
    if item.answer_type is AnswerType.RATING_0_2:
        if number not in (0, 1, 2):
            raise InvalidInput(N_("%(item)s takes a rating of 0, 1 or 2."), item=item.id)
        return str(int(number))
    if item.answer_type is AnswerType.PERCENTAGE and not (0 <= number <= PERCENT_MAX):
        raise InvalidInput(N_("%(item)s takes a percentage between 0 and 100."), item=item.id)
    if item.answer_type is AnswerType.NUMBER and not (0 <= number <= NUMBER_MAX and number == number.to_integral()):
        raise InvalidInput(N_("%(item)s takes a whole number of at least 0."), item=item.id)
    normal = number.normalize()
    return format(normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal, "f")


def _number(value: str | None) -> float | None:
    if value is None or value == NA:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _threshold(value: float, pass_at: float, partial_at: float, better: str) -> float:
    if better == "lower":
        return 1.0 if value <= pass_at else 0.5 if value <= partial_at else 0.0
    return 1.0 if value >= pass_at else 0.5 if value >= partial_at else 0.0


def item_score(item: Item, answers: Mapping[str, str]) -> float | None:
    """Score in [0, 1], or ``None`` when the item is not scored (weight 0, input, text, N/A, unanswered)."""
    if not item.scored:
        return None
    raw = answers.get(item.id)
    if raw is None or raw == NA:
        return None
    rule = item.scoring
    if rule.type == "yes_no_na":
        return 1.0 if raw == "yes" else 0.0
    value = _number(raw)
    if value is None:
        return None
    if rule.type == "rating_0_2":
        return value / 2
    if rule.type == "ratio":
        denominator = _number(answers.get(rule.denominator))
        if not denominator:
            return None  # nothing to compare with: not applicable
        value = 100 * value / denominator
    return _threshold(value, rule.pass_at, rule.partial_at, rule.better)


def _holds(condition: Condition, item: Item, answers: Mapping[str, str]) -> bool:
    raw = answers.get(condition.item or item.id)
    if raw is None or raw == NA:
        return False
    if isinstance(condition.value, str):
        left, right = raw, condition.value
    else:
        left, right = _number(raw), float(condition.value)
        if left is None:
            return False
    return {
        "eq": left == right, "ne": left != right, "lt": left < right,
        "le": left <= right, "gt": left > right, "ge": left >= right,
    }[condition.op]


def critical_failure(item: Item, answers: Mapping[str, str]) -> bool:
    """A critical item fails when every condition of its ``fails_when`` holds."""
    return item.critical and bool(item.fails_when) and all(_holds(c, item, answers) for c in item.fails_when)


@dataclass(frozen=True)
class SectionScore:
    key: str
    title: str
    score: float | None  # None: nothing scored in the section (all N/A or unanswered)
    answered: int
    total: int
    scored_weight: float
    applicable_weight: float


@dataclass(frozen=True)
class ScoreCard:
    sections: tuple[SectionScore, ...]
    score: float | None
    coverage: float  # 0–1
    formality_index: float | None
    critical_failures: tuple[str, ...]
    item_scores: dict = field(default_factory=dict, compare=False)
    answered: int = 0
    total: int = 0

    def section(self, key: str) -> SectionScore:
        return next(s for s in self.sections if s.key == key)


def _weighted(pairs: list[tuple[float, float]]) -> float | None:
    total = sum(weight for weight, _ in pairs)
    if not total:
        return None
    return round_score(100 * sum(weight * score for weight, score in pairs) / total)


def score(checklist: Checklist, answers: Mapping[str, str]) -> ScoreCard:
    """Score ``answers`` against ``checklist``.

    Section and overall score: 100 × Σ(weight × score) / Σ weight over scored items.
    Coverage: scored weight / applicable weight (applicable = weighted and not N/A; unanswered counts).
    Formality index: 100 × Σ(weight × (1 − score)) / Σ weight over scored formality-signal items.
    """
    item_scores: dict[str, float | None] = {}
    sections = []
    all_scored: list[tuple[float, float]] = []
    formality: list[tuple[float, float]] = []
    applicable_total = 0.0
    answered_total = 0
    for section in checklist.sections:
        scored: list[tuple[float, float]] = []
        applicable = 0.0
        answered = 0
        for item in section.items:
            value = item_score(item, answers)
            item_scores[item.id] = value
            if item.id in answers:
                answered += 1
            if item.scored and answers.get(item.id) != NA:
                if item.scoring.type == "ratio" and item.id in answers and value is None:
                    continue  # nothing to compare with: counts as not applicable
                applicable += item.weight
            if value is not None:
                scored.append((item.weight, value))
                if item.formality_signal:
                    formality.append((item.weight, 1 - value))
        sections.append(SectionScore(section.key, section.title, _weighted(scored), answered, len(section.items),
                                     sum(w for w, _ in scored), applicable))
        all_scored.extend(scored)
        applicable_total += applicable
        answered_total += answered
    scored_weight = sum(w for w, _ in all_scored)
    coverage = scored_weight / applicable_total if applicable_total else 0.0
    failures = tuple(item.id for item in checklist.items if critical_failure(item, answers))
    return ScoreCard(
        sections=tuple(sections),
        score=_weighted(all_scored),
        coverage=round(coverage, 4),
        formality_index=_weighted(formality),
        critical_failures=failures,
        item_scores=item_scores,
        answered=answered_total,
        total=len(checklist.items),
    )
