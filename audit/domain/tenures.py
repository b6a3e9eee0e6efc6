"""Heads of units over time (Directive 26: the head is personally accountable).

A tenure runs from ``start`` to ``end`` inclusive; ``end`` is ``None`` while the head is
still in office. Tenures of one unit never overlap, so "who headed this unit on date D?"
has at most one answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
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


def within_unit(new: Tenure, unit_from: date | None, unit_to: date | None) -> Tenure:
    """``new`` bounded by the unit's existence: a tenure cannot start before the unit nor outlive it. An
    open tenure of a unit that has ended ends with the unit; anything else outside it is refused."""
    if unit_from is not None and new.start < unit_from:
        raise TenureConflict(N_("The unit exists only from %(date)s: a head cannot take office before."),
                             date=unit_from.strftime("%d/%m/%Y"))
    if unit_to is not None:
        if new.start > unit_to:
            raise TenureConflict(N_("The unit ended on %(date)s: it can have no head after that day."),
                                 date=unit_to.strftime("%d/%m/%Y"))
        if new.end is None:
            return Tenure(new.person_name, new.title, new.start, unit_to, new.id)
        if new.end > unit_to:
            raise TenureConflict(N_("The unit ended on %(date)s: a tenure cannot outlive it."),
                                 date=unit_to.strftime("%d/%m/%Y"))
    return new


def plan_appointment(existing: Sequence[Tenure], new: Tenure, unit_from: date | None = None,
                     unit_to: date | None = None) -> AppointmentPlan:
    """Plan the appointment of ``new`` next to the unit's ``existing`` tenures, within the unit's existence
    (``unit_from`` – ``unit_to``, see :func:`within_unit`): a tenure that runs to the unit's end counts as
    the open one.

    Appointing a current head (``new.end`` is ``None``) ends the open tenure that started
    before ``new.start`` on the day before it. Any other overlap is refused with
    :class:`TenureConflict` naming the tenure in the way; so is an end before the start.
    Existing tenures never overlap each other, so shortening the open one creates no overlap.
    """
    if new.end is not None and new.end < new.start:
        raise TenureConflict(N_("The end date cannot be before the start date."))
    bounded = within_unit(new, unit_from, unit_to)
    closes: Tenure | None = None
    for tenure in existing:
        # "until the unit ended" is the open tenure of a unit that has ended
        seen = replace(tenure, end=None) if unit_to is not None and tenure.end == unit_to else tenure
        if new.end is None and seen.end is None and seen.start < new.start:
            closes = tenure
        elif seen.overlaps(new):
            raise _overlap_error(tenure)
    if closes is None:
        return AppointmentPlan(closes=None, closes_on=None, new=bounded)
    return AppointmentPlan(closes=closes, closes_on=new.start - timedelta(days=1), new=bounded)


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
