"""The assessment of one inspection: performance, reality, and the verdict they combine into.

The rule, with every threshold taken from the checklist version:

1. **Performance** is the weighted score of the answered items (0–100): good from ``good_from``,
   poor below ``poor_below``, in between partial.
2. **Reality** comes from signals the answers raise, each declared on its item in the data:
   an *integrity* failure (harassment, demanding money or papers, falsified or backdated
   records, dossiers kept outside the register and system) or a reported on-time rate that
   the dossier sample contradicts means what the desk shows is not real; a *serious* (prohibited)
   act rules out the best outcome; *reality* signs (an empty counter, an empty evaluation box,
   equipment for show…) add points: from ``partial_from_points`` the best outcome is ruled out,
   from ``formal_from_points`` what the desk shows is not real.
3. The verdict is the lower of the two levels, named by the checklist's scale. A poor but honest
   desk is therefore "weak", never "formal".
4. Nothing positive is concluded on gaps: an unanswered critical item, a coverage below
   ``min_coverage`` (sample-based items below the minimum sample count as unanswered) give
   "insufficient evidence" — unless what was found already shows the desk is not real.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from . import vnnumber
from .checklist import AnswerType, Checklist, Item, NaRule, SignalKind
from .errors import N_
from .sampling import SampledDossier, SampleSummary, sample_answers, summarise
from .scoring import NA, ScoreCard, holds, item_score, na_refusal, number_of, score
from .verdicts import SCALE_OUTCOMES, VERDICT_LABELS, Level, Verdict

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
#: The signal code of a reported on-time rate that the dossier sample contradicts.
REPORTED_RATE = "reported_rate"


class Source:
    INSPECTOR = "inspector"
    SAMPLE = "sample"


@dataclass(frozen=True)
class Reason:
    """One reason behind a verdict: an untranslated message id and its parameters (strings)."""

    code: str
    message: str
    params: dict = field(default_factory=dict, compare=False)

    def text(self, translate=lambda message: message) -> str:
        return render_reason(self.message, self.params, translate)


def render_reason(message: str, params: dict | None, translate=lambda message: message) -> str:
    """A reason in the reader's language: ``translate`` turns message ids into text (parameters whose
    name ends in ``_label`` are message ids too); the figures in the parameters are already formatted."""
    if not params:
        return translate(message)
    values = {k: (translate(v) if k.endswith("_label") else v) for k, v in params.items()}
    return translate(message) % values


@dataclass(frozen=True)
class Signal:
    code: str  # the item id, or REPORTED_RATE
    kind: SignalKind
    points: int
    item_id: str | None
    statement: str  # what was found, as the finding states it


@dataclass(frozen=True)
class ReportedRate:
    """An on-time rate (%) the unit reports, and where it comes from."""

    value: float
    source: str  # given | on_site | statistics


REPORTED_SOURCE_LABELS = {
    "given": N_("as given"),
    "on_site": N_("from the unit's system, noted at the inspection"),
    "statistics": N_("from the imported statistics"),
}


@dataclass(frozen=True)
class Comparison:
    """The reported on-time rate against the sample's interval."""

    reported: ReportedRate
    on_time: int
    size: int
    low: float  # %
    high: float  # %
    contradicts: bool


@dataclass(frozen=True)
class Assessment:
    checklist: Checklist
    verdict: Verdict
    card: ScoreCard
    answers: dict  # effective answers: the inspector's, then the sample's where the inspector gave none
    sources: dict  # item id → Source
    signals: tuple[Signal, ...]
    reasons: tuple[Reason, ...]
    missing_critical: tuple[str, ...]
    refused_na: tuple[str, ...]
    insufficient: tuple[str, ...]  # items the sample should answer but cannot yet (below the minimum)
    sample: SampleSummary | None
    comparison: Comparison | None
    performance: Level | None
    cap: Level | None
    reality_points: int

    @property
    def conclusive(self) -> bool:
        return self.verdict is not Verdict.INSUFFICIENT_EVIDENCE

    def signal_for(self, item_id: str) -> Signal | None:
        return next((s for s in self.signals if s.item_id == item_id), None)


# ---------------------------------------------------------------- formatting values into statements


def format_value(item: Item, raw: str | None) -> str:
    """A measured value as a document writes it: "66,7 %", "1.147", "1/2"; "—" when there is none."""
    if raw is None or raw == NA:
        return "—"
    if item.answer_type is AnswerType.PERCENTAGE:
        return vnnumber.percent(number_of(raw))
    if item.answer_type is AnswerType.NUMBER:
        return vnnumber.number(number_of(raw), 0)
    if item.answer_type is AnswerType.RATING_0_2:
        return f"{raw}/2"
    return raw


def render(template: str, item: Item, checklist: Checklist, answers: Mapping[str, str]) -> str:
    """Fill ``{value}`` (this item's answer) and ``{A03}`` (another item's answer) in ``template``."""

    def value_of(match: re.Match) -> str:
        name = match.group(1)
        if name == "value":
            return format_value(item, answers.get(item.id))
        if checklist.has_item(name):
            return format_value(checklist.item(name), answers.get(name))
        return match.group(0)

    return PLACEHOLDER.sub(value_of, template)


# ---------------------------------------------------------------- the assessment


def _fires(item: Item, answers: Mapping[str, str]) -> bool:
    raw = answers.get(item.id)
    if item.signal is None or raw is None or raw == NA:
        return False
    if item.signal.when:
        return all(holds(c, item, answers) for c in item.signal.when)
    value = item_score(item, answers)
    return value is not None and value < 1


def reported_rate(checklist: Checklist, answers: Mapping[str, str], given: ReportedRate | None = None,
                  statistics: ReportedRate | None = None) -> ReportedRate | None:
    """Which reported on-time rate to hold against the sample: one given explicitly, else the figure
    noted on site from the unit's system (the item marked ``reported_metric``), else the imported
    statistics of the unit for the period."""
    if given is not None:
        return given
    holder = next((i for i in checklist.items if i.reported_metric == "on_time_rate"), None)
    value = number_of(answers.get(holder.id)) if holder else None
    if value is not None:
        return ReportedRate(value, "on_site")
    return statistics


def compare(summary: SampleSummary | None, reported: ReportedRate | None) -> Comparison | None:
    """The reported rate against the sample's interval; ``None`` while the sample is below its minimum.

    The sample contradicts the report only when the reported rate lies above the upper bound of the
    sample's exact interval at the version's confidence: a gap within chance is not a contradiction."""
    if reported is None or summary is None or not summary.enough or summary.interval is None:
        return None
    low, high = summary.interval.low * 100, summary.interval.high * 100
    return Comparison(reported, summary.on_time, summary.size, low, high, contradicts=reported.value > high)


def contradiction_statement(comparison: Comparison) -> str:
    """The finding a contradicted reported rate makes (Vietnamese, as documents print it)."""
    return (f"Tỷ lệ hồ sơ giải quyết đúng hạn đơn vị báo cáo là {vnnumber.percent(comparison.reported.value)}, "
            f"nhưng đối chiếu {comparison.size} hồ sơ mẫu chỉ có {comparison.on_time} hồ sơ đúng hạn "
            f"({vnnumber.percent(100 * comparison.on_time / comparison.size)}); với độ tin cậy 95 %, "
            f"tỷ lệ thực tế không vượt quá {vnnumber.percent(comparison.high)}: số liệu báo cáo không phản ánh "
            "đúng thực tế giải quyết hồ sơ.")


CONTRADICTION_REQUIREMENT = ("Rà soát toàn bộ ngày tiếp nhận, ngày hẹn trả và ngày trả kết quả trên hệ thống; "
                             "chấn chỉnh việc cập nhật lùi ngày; báo cáo số liệu giải quyết hồ sơ đúng thực tế.")


def assess(checklist: Checklist, answers: Mapping[str, str], *, inspection_day: date,
           sample: Sequence[SampledDossier] = (), reported: ReportedRate | None = None,
           statistics: ReportedRate | None = None) -> Assessment:
    """Assess an inspection from the inspector's own answers (``answers``, already normalised), the
    dossier sample and the on-time rate the unit reports (see :func:`reported_rate` for which one).
    The sample fills in the items that name its figures where the inspector gave no answer, once it
    reaches the minimum. Deterministic; raises nothing for gaps — it reports them."""
    rules = checklist.rules
    manual = {k: v for k, v in answers.items() if v is not None}
    has_sample_items = any(i.sample_metric for i in checklist.items)
    summary = summarise(checklist, sample, inspection_day, manual) if (sample or has_sample_items) else None
    derived = sample_answers(checklist, summary, manual) if summary else {}
    effective = {**derived, **manual}
    sources = {k: (Source.INSPECTOR if k in manual else Source.SAMPLE) for k in effective}
    insufficient = tuple(i.id for i in checklist.items if i.sample_metric and i.id not in effective
                         and not (summary and summary.enough))
    refused = []
    for item in checklist.items:
        if effective.get(item.id) == NA and (item.na.rule is NaRule.NEVER or na_refusal(item, effective)):
            refused.append(item.id)
    counted = {k: v for k, v in effective.items() if k not in refused}
    card = score(checklist, counted)
    missing = tuple(i.id for i in checklist.items if i.critical and i.id not in counted)

    signals = []
    for item in checklist.items:
        if _fires(item, counted):
            signals.append(Signal(item.id, item.signal.kind, item.signal.points, item.id,
                                  render(item.finding, item, checklist, counted)))
    comparison = compare(summary, reported_rate(checklist, counted, reported, statistics))
    if comparison and comparison.contradicts:
        holder = next((i.id for i in checklist.items if i.reported_metric == "on_time_rate"), None)
        signals.append(Signal(REPORTED_RATE, SignalKind.DECISIVE, 0, holder, contradiction_statement(comparison)))

    points = sum(s.points for s in signals if s.kind is SignalKind.REALITY)
    cap = None
    if any(s.kind is SignalKind.DECISIVE for s in signals) or (rules and points >= rules.formal_from_points):
        cap = Level.NOT_REAL
    elif any(s.kind is SignalKind.LIMITING for s in signals) or (rules and points >= rules.partial_from_points):
        cap = Level.PARTIAL
    performance = None
    if rules and card.score is not None:
        performance = (Level.GOOD if card.score >= rules.good_from
                       else Level.POOR if card.score < rules.poor_below else Level.PARTIAL)

    gaps = bool(missing) or rules is None or card.coverage < rules.min_coverage or performance is None
    if cap is Level.NOT_REAL:
        verdict = SCALE_OUTCOMES[rules.scale][Level.NOT_REAL]
    elif gaps:
        verdict = Verdict.INSUFFICIENT_EVIDENCE
    else:
        level = min(performance, cap) if cap else performance
        verdict = SCALE_OUTCOMES[rules.scale][level]

    reasons = _reasons(checklist, card, signals, points, missing, refused, insufficient, summary, comparison,
                       verdict, cap, performance, counted)
    return Assessment(checklist, verdict, card, effective, sources, tuple(signals), tuple(reasons), missing,
                      tuple(refused), insufficient, summary, comparison, performance, cap, points)


def _pct(value: float) -> str:
    return vnnumber.percent(value)


def _reasons(checklist, card, signals, points, missing, refused, insufficient, summary, comparison, verdict, cap,
             performance, answers) -> list[Reason]:
    rules = checklist.rules
    worst = VERDICT_LABELS[SCALE_OUTCOMES[rules.scale][Level.NOT_REAL]] if rules else ""
    partial = VERDICT_LABELS[SCALE_OUTCOMES[rules.scale][Level.PARTIAL]] if rules else ""
    reasons: list[Reason] = []
    weight = {SignalKind.DECISIVE: 0, SignalKind.LIMITING: 1, SignalKind.REALITY: 2}
    for s in sorted(signals, key=lambda s: (weight[s.kind], -s.points)):  # the weightiest first
        if s.code == REPORTED_RATE:
            reasons.append(Reason("reported_rate", N_(
                "The on-time rate the unit reports (%(reported)s, %(source_label)s) lies above what its dossier sample "
                "allows (%(on_time)d of %(size)d dossiers on time; 95%% interval %(low)s–%(high)s), so the reported "
                "figures do not reflect reality and the assessment is “%(outcome_label)s” whatever the score."), {
                "reported": _pct(comparison.reported.value),
                "source_label": REPORTED_SOURCE_LABELS[comparison.reported.source],
                "on_time": comparison.on_time, "size": comparison.size, "low": _pct(comparison.low),
                "high": _pct(comparison.high), "outcome_label": worst}))
        elif s.kind is SignalKind.DECISIVE:
            reasons.append(Reason("decisive", N_(
                "%(item)s — %(statement)s — on its own this makes the assessment “%(outcome_label)s”, whatever the "
                "score."), {"item": s.item_id, "statement": _clause(s.statement), "outcome_label": worst}))
        elif s.kind is SignalKind.LIMITING:
            reasons.append(Reason("limiting", N_(
                "%(item)s — %(statement)s — a prohibited act that on its own rules out an assessment better than "
                "“%(outcome_label)s”."), {"item": s.item_id, "statement": _clause(s.statement), "outcome_label": partial}))
        else:
            reasons.append(Reason("reality", N_("%(item)s — %(statement)s — a sign of formality worth %(points)d "
                                                "point(s)."),
                                  {"item": s.item_id, "statement": _clause(s.statement), "points": s.points}))
    if rules and points >= rules.formal_from_points:
        reasons.append(Reason("formal_points", N_(
            "The signs of formality add up to %(points)d points, %(limit)d or more, so what the unit shows does not "
            "reflect how it works."), {"points": points, "limit": rules.formal_from_points}))
    elif rules and points >= rules.partial_from_points:
        reasons.append(Reason("partial_points", N_(
            "The signs of formality add up to %(points)d points, %(limit)d or more, which rules out an assessment "
            "better than “%(outcome_label)s”."),
            {"points": points, "limit": rules.partial_from_points, "outcome_label": partial}))
    if missing:
        reasons.append(Reason("missing_critical", N_("Critical items without an answer: %(items)s."),
                              {"items": ", ".join(missing)}))
    if insufficient and summary is not None and not summary.enough:
        reasons.append(Reason("sample_too_small", N_(
            "The dossier sample holds %(size)d dossier(s), fewer than the %(required)d required, so %(items)s have no "
            "basis yet (chưa đủ căn cứ)."),
            {"size": summary.size, "required": summary.required, "items": ", ".join(insufficient)}))
    for item_id in refused:
        reasons.append(Reason("na_refused", N_(
            "%(item)s is marked “Not applicable”, which this item does not allow here, so it counts as unanswered."),
            {"item": item_id}))
    if rules and card.coverage < rules.min_coverage:
        reasons.append(Reason("coverage", N_(
            "Only %(coverage)s of the applicable items (by weight) are answered, and at least %(min)s are needed for a "
            "conclusion."), {"coverage": _pct(card.coverage * 100), "min": _pct(rules.min_coverage * 100)}))
    if card.score is not None and rules:
        reasons.append(Reason("performance", N_(
            "The performance score is %(score)s out of 100 (good from %(good)s, poor below %(poor)s)."),
            {"score": vnnumber.number(card.score), "good": vnnumber.number(rules.good_from),
             "poor": vnnumber.number(rules.poor_below)}))
    reasons.append(_conclusion(verdict, cap, performance))
    return reasons


def _clause(text: str) -> str:
    return text.strip().rstrip(".")


def _conclusion(verdict: Verdict, cap: Level | None, performance: Level | None) -> Reason:
    if verdict is Verdict.INSUFFICIENT_EVIDENCE:
        return Reason("conclusion", N_("Nothing can be concluded until the gaps above are filled."))
    if cap is Level.NOT_REAL:
        return Reason("conclusion", N_("What the unit shows or reports is not real, whatever its score."))
    if performance is Level.POOR:
        return Reason("conclusion", N_("The unit works for real, with no integrity failure and few signs of "
                                       "formality, but it performs poorly."))
    if cap is Level.PARTIAL and performance is Level.GOOD:
        return Reason("conclusion", N_("The score is good, but the violations or signs above rule out the best "
                                       "assessment."))
    if performance is Level.PARTIAL:
        return Reason("conclusion", N_("The unit works for real, and its performance is fair."))
    return Reason("conclusion", N_("There is no integrity failure, no prohibited act and few signs of formality, and "
                                   "the score is good."))
