"""The dossier sample taken at the desk and the figures computed from it.

A dossier is late when it was returned after its due date, or is still not returned and
its due date has passed on the inspection date. A sample fills in the checklist items that
name one of its figures only once it is large enough (the checklist version states the
minimum, or the whole population when the desk received fewer dossiers): a handful of
dossiers proves nothing either way, so below the minimum those items lack a basis.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .checklist import Checklist, NaRule
from .errors import N_, InvalidInput
from .procedure_fields import FIRST_RELEASE
from .proportions import Interval, exact_interval
from .scoring import NA, na_refusal, number_of, round_score

FIELDS = FIRST_RELEASE  # the fields a sampled dossier may belong to


@dataclass(frozen=True)
class SampledDossier:
    code: str
    field: str
    received: date
    due: date
    returned: date | None
    in_register: bool
    in_system: bool
    control_slip_complete: bool
    apology_issued: bool

    def late(self, inspection_day: date) -> bool:
        if self.returned is not None:
            return self.returned > self.due
        return inspection_day > self.due


def check_dossier(d: SampledDossier, inspection_day: date) -> None:
    """Refuse impossible dates with :class:`DomainError`."""
    if d.field not in FIELDS:
        raise InvalidInput(N_("Unknown field of procedure."))
    if d.due < d.received:
        raise InvalidInput(N_("The due date cannot be before the date received."))
    if d.returned is not None and d.returned < d.received:
        raise InvalidInput(N_("The return date cannot be before the date received."))
    if d.received > inspection_day or (d.returned is not None and d.returned > inspection_day):
        raise InvalidInput(N_("A sampled dossier cannot be received or returned after the inspection date."))


def _share(part: int, whole: int) -> float | None:
    return round_score(100 * part / whole) if whole else None


def sample_metrics(sample: Sequence[SampledDossier], inspection_day: date) -> dict[str, float | None]:
    """Percentages computed from the sample (``None`` when there is nothing to compute them on).

    ``register_coverage``: found in the register (Mẫu 06) or in the electronic system;
    ``system_coverage``: found in the electronic system; ``control_slip_coverage``: Mẫu 05 complete;
    ``on_time_rate``: not late; ``apology_coverage``: late dossiers with an apology letter (Mẫu 04).
    """
    total = len(sample)
    late = [d for d in sample if d.late(inspection_day)]
    return {
        "register_coverage": _share(sum(d.in_register or d.in_system for d in sample), total),
        "system_coverage": _share(sum(d.in_system for d in sample), total),
        "control_slip_coverage": _share(sum(d.control_slip_complete for d in sample), total),
        "on_time_rate": _share(total - len(late), total),
        "apology_coverage": _share(sum(d.apology_issued for d in late), len(late)),
        "count": total,
        "late": len(late),
    }


def required_sample_size(checklist: Checklist, answers: Mapping[str, str]) -> int:
    """The minimum the version states, or the whole population when the desk received fewer dossiers."""
    rules = checklist.rules
    minimum = rules.sample_minimum if rules else 0
    if rules and rules.sample_population_item:
        population = number_of(answers.get(rules.sample_population_item))
        if population is not None and population >= 1:
            minimum = min(minimum, int(population))
    return minimum


def sample_inputs(checklist: Checklist) -> frozenset[str]:
    """Items whose answers change what the sample answers: the population (it may lower the minimum) and
    the items the sample-fed items' "not applicable" rules look at."""
    inputs = set()
    if checklist.rules and checklist.rules.sample_population_item:
        inputs.add(checklist.rules.sample_population_item)
    for item in checklist.items:
        if item.sample_metric:
            inputs.update(c.item for c in item.na.when if c.item)
    return frozenset(inputs)


@dataclass(frozen=True)
class SampleSummary:
    size: int
    required: int
    on_time: int
    late: int
    metrics: dict
    interval: Interval | None  # of the on-time share, at the version's confidence

    @property
    def enough(self) -> bool:
        return self.size > 0 and self.size >= self.required


def summarise(checklist: Checklist, sample: Sequence[SampledDossier], inspection_day: date,
              answers: Mapping[str, str]) -> SampleSummary:
    metrics = sample_metrics(sample, inspection_day)
    size, late = metrics["count"], metrics["late"]
    confidence = checklist.rules.confidence if checklist.rules else 0.95
    interval = exact_interval(size - late, size, confidence) if size else None
    return SampleSummary(size, required_sample_size(checklist, answers), size - late, late, metrics, interval)


def sample_answers(checklist: Checklist, summary: SampleSummary,
                   answers: Mapping[str, str] | None = None) -> dict[str, str]:
    """The answers the sample gives to the items that name a ``sample_metric`` — none below the minimum.

    A figure the sample cannot compute (apologies when no sampled dossier is late) answers N/A, but only
    where the item allows N/A given the inspector's ``answers`` (no late dossier in the period): otherwise
    the sample gives no answer and the inspector must.
    """
    if not summary.enough:
        return {}
    result = {}
    for item in checklist.items:
        if item.sample_metric:
            value = summary.metrics.get(item.sample_metric)
            result[item.id] = NA if value is None else f"{value:g}"
    return {k: v for k, v in result.items()
            if not (v == NA and (checklist.item(k).na.rule is NaRule.NEVER
                                 or na_refusal(checklist.item(k), {**result, **(answers or {})})))}
