"""Heads of units over time (Directive 26: the head is personally accountable).

A tenure runs from ``start`` to ``end`` inclusive; ``end`` is ``None`` while the head is
still in office. Tenures of one unit never overlap, so "who headed this unit on date D?"
has at most one answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from .errors import N_, TenureConflict


@dataclass(frozen=True)
class Tenure:
    """One person's term as head of one unit."""

    person_name: str
    title: str
    start: date
    end: date | None = None
    id: int | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, other: Tenure) -> bool:
        self_end = self.end or date.max
        other_end = other.end or date.max
        return self.start <= other_end and other.start <= self_end


T = TypeVar("T", bound=Tenure)


def head_on(tenures: Iterable[T], day: date) -> T | None:
    """The tenure covering ``day``, or ``None`` when the unit had no recorded head then."""
    for tenure in tenures:
        if tenure.covers(day):
            return tenure
    return None


@dataclass(frozen=True)
class AppointmentPlan:
    """What appointing a head changes: the tenure to close (if any) and the new tenure."""

    closes: Tenure | None
    closes_on: date | None
    new: Tenure


def plan_appointment(existing: Sequence[Tenure], new: Tenure) -> AppointmentPlan:
    """Plan the appointment of ``new`` next to the unit's ``existing`` tenures.

    Appointing a current head (``new.end`` is ``None``) ends the open tenure that started
    before ``new.start`` on the day before it. Any other overlap is refused with
    :class:`TenureConflict` naming the tenure in the way; so is an end before the start.
    Existing tenures never overlap each other, so shortening the open one creates no overlap.
    """
    if new.end is not None and new.end < new.start:
        raise TenureConflict(N_("The end date cannot be before the start date."))
    closes: Tenure | None = None
    for tenure in existing:
        if new.end is None and tenure.end is None and tenure.start < new.start:
            closes = tenure
        elif tenure.overlaps(new):
            raise _overlap_error(tenure)
    if closes is None:
        return AppointmentPlan(closes=None, closes_on=None, new=new)
    return AppointmentPlan(closes=closes, closes_on=new.start - timedelta(days=1), new=new)


def _overlap_error(tenure: Tenure) -> TenureConflict:
    return TenureConflict(
        N_(
            "This tenure overlaps the tenure of %(name)s (%(start)s – %(end)s). "
            "Tenures of one unit may not overlap."
        ),
        name=tenure.person_name,
        start=tenure.start.strftime("%d/%m/%Y"),
        end=tenure.end.strftime("%d/%m/%Y") if tenure.end else "…",
    )


def check_no_overlap(tenures: Sequence[Tenure]) -> list[tuple[Tenure, Tenure]]:
    """Every overlapping pair among ``tenures`` (used to validate imports)."""
    ordered = sorted(tenures, key=lambda t: t.start)
    return [
        (a, b)
        for i, a in enumerate(ordered)
        for b in ordered[i + 1 :]
        if a.overlaps(b)
    ]
