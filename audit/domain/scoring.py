"""The performance score of a checklist: item scores, section scores, overall score, coverage and
the share of "not applicable" answers. Every threshold comes from the checklist version's data.

Answers are raw strings as stored: ``"yes"``, ``"no"``, ``"na"`` for pass/fail items,
a decimal number for numbers and percentages, ``"0"``–``"2"`` for ratings, free text for
text items; ``"na"`` marks any item not applicable. A missing key means unanswered.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .checklist import AnswerType, Checklist, Condition, Item, NaRule
from .errors import N_, InvalidInput

NA = "na"
PERCENT_MAX = Decimal(100)
NUMBER_MAX = Decimal(10**9)
MAX_NUMBER_TEXT = 32


def round_score(value: float | Decimal) -> float:
    """The one rounding rule: half up to one decimal (79.95 → 80.0, 79.94 → 79.9)."""
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def normalise_answer(item: Item, raw: str | None) -> str:
    """The canonical stored form of an answer, or :class:`InvalidInput` if it does not fit the item.

    Accepts a decimal comma ("95,5"). Percentages lie in 0–100, numbers are whole and ≥ 0, ratings
    0, 1 or 2. "Not applicable" is refused on an item that never allows it (see :func:`na_refusal`
    for the items that allow it only in some circumstances).
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
        if item.na.rule is NaRule.NEVER:
            raise InvalidInput(N_("%(item)s can always be checked: “Not applicable” is not accepted."), item=item.id)
        return NA
    if item.answer_type is AnswerType.YES_NO_NA:
        if lowered not in ("yes", "no"):
            raise InvalidInput(N_("%(item)s takes Pass, Fail or Not applicable."), item=item.id)
        return lowered
    number = None
    if len(text) <= MAX_NUMBER_TEXT:
        try:
            number = Decimal(text.replace(",", "."))
        except ArithmeticError:
            number = None
    if number is None or not number.is_finite() or (number != 0 and abs(number.adjusted()) > 12):
        raise InvalidInput(N_("%(item)s needs a number."), item=item.id)
    number = number if number != 0 else Decimal(0)
    if item.answer_type is AnswerType.RATING_0_2:
        if number not in (0, 1, 2):
            raise InvalidInput(N_("%(item)s takes a rating of 0, 1 or 2."), item=item.id)
        return str(int(number))
    if item.answer_type is AnswerType.PERCENTAGE and not (0 <= number <= PERCENT_MAX):
        raise InvalidInput(N_("%(item)s takes a percentage between 0 and 100."), item=item.id)
    if item.answer_type is AnswerType.NUMBER and not (0 <= number <= NUMBER_MAX and number == number.to_integral()):
        raise InvalidInput(N_("%(item)s takes a whole number of at least 0."), item=item.id)
    normal = number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    return format(normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal, "f")


def number_of(value: str | None) -> float | None:
    """The numeric value of a stored answer, ``None`` for N/A, text or no answer."""
    if value is None or value == NA:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def holds(condition: Condition, item: Item, answers: Mapping[str, str]) -> bool:
    """Whether ``condition`` holds on the answers; an unanswered or N/A operand never holds."""
    raw = answers.get(condition.item or item.id)
    if raw is None or raw == NA:
        return False
    if isinstance(condition.value, str):
        left, right = raw, condition.value
    else:
        left, right = number_of(raw), float(condition.value)
        if left is None:
            return False
    return {
        "eq": left == right, "ne": left != right, "lt": left < right,
        "le": left <= right, "gt": left > right, "ge": left >= right,
    }[condition.op]


def na_refusal(item: Item, answers: Mapping[str, str]) -> Condition | None:
    """For an item answered N/A whose policy allows it only in some circumstances: the first
    condition that the other answers show to be false (``None`` while nothing contradicts it)."""
    if answers.get(item.id) != NA or item.na.rule is not NaRule.WHEN:
        return None
    for condition in item.na.when:
        if condition.item and condition.item in answers and not holds(condition, item, answers):
            return condition
    return None


def _linear(value: float, full_at: float, zero_at: float) -> float:
    share = (value - zero_at) / (full_at - zero_at)
    return min(1.0, max(0.0, share))


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
    value = number_of(raw)
    if value is None:
        return None
    if rule.type == "rating_0_2":
        return value / 2
    if rule.type == "ratio":
        denominator = number_of(answers.get(rule.denominator))
        if not denominator:
            return None  # nothing to compare with: not applicable
        value = 100 * value / denominator
    return _linear(value, rule.full_at, rule.zero_at)


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
    coverage: float  # 0–1: answered weight / applicable weight
    na_share: float  # 0–1: weight answered "not applicable" / weight of all scored items
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


def score(checklist: Checklist, answers: Mapping[str, str], not_applicable: Collection[str] = ()) -> ScoreCard:
    """Score ``answers`` against ``checklist``.

    Section and overall score: 100 × Σ(weight × score) / Σ weight over scored items.
    Coverage: scored weight / applicable weight (applicable = weighted and not N/A; unanswered counts).
    ``not_applicable``: items to treat as N/A whatever the answers say (a ratio without a denominator).
    """
    item_scores: dict[str, float | None] = {}
    sections = []
    all_scored: list[tuple[float, float]] = []
    applicable_total = 0.0
    na_weight = 0.0
    weight_total = 0.0
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
            if not item.scored:
                continue
            weight_total += item.weight
            is_na = answers.get(item.id) == NA or item.id in not_applicable or (
                item.scoring.type == "ratio" and item.id in answers and value is None)
            if is_na:
                na_weight += item.weight
                continue
            applicable += item.weight
            if value is not None:
                scored.append((item.weight, value))
        sections.append(SectionScore(section.key, section.title, _weighted(scored), answered, len(section.items),
                                     sum(w for w, _ in scored), applicable))
        all_scored.extend(scored)
        applicable_total += applicable
        answered_total += answered
    scored_weight = sum(w for w, _ in all_scored)
    return ScoreCard(
        sections=tuple(sections),
        score=_weighted(all_scored),
        coverage=round(scored_weight / applicable_total, 4) if applicable_total else 0.0,
        na_share=round(na_weight / weight_total, 4) if weight_total else 0.0,
        item_scores=item_scores,
        answered=answered_total,
        total=len(checklist.items),
    )
