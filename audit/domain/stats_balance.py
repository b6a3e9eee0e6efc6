"""The arithmetic of one row of the reporting form, as the form itself sets it out.

Dossiers to handle in the period are those carried over plus those newly received; each is by the end of the
period either handled (early, on time or late) or still in progress (within its deadline or overdue):

    carried over + received = handled + in progress
    handled = early + on time + late
    in progress = within deadline + overdue
    received = online + in person + by post          (when the export gives the ways)

A figure the export leaves out is not checked; a total it gives must equal its parts. Dossiers returned or
withdrawn are reported beside, in no sum (the form's notes count them differently from province to province).
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import N_
from .inputs import MAX_COUNT


@dataclass(frozen=True)
class Figures:
    carried_over: int | None = None
    received: int | None = None  # newly received in the period
    received_online: int | None = None
    received_in_person: int | None = None
    received_post: int | None = None
    handled: int | None = None
    early: int | None = None
    on_time: int | None = None
    late: int | None = None
    pending: int | None = None
    pending_within: int | None = None
    pending_overdue: int | None = None
    returned: int | None = None

    def handled_total(self) -> int | None:
        """Handled, given or as the sum of its parts."""
        if self.handled is not None:
            return self.handled
        parts = (self.early, self.on_time, self.late)
        return None if all(p is None for p in parts) else sum(p or 0 for p in parts)

    def pending_total(self) -> int | None:
        if self.pending is not None:
            return self.pending
        parts = (self.pending_within, self.pending_overdue)
        return None if all(p is None for p in parts) else sum(p or 0 for p in parts)


@dataclass(frozen=True)
class Broken:
    """One rule a row breaks: a message id and its figures (shown with the row's line number)."""

    message: str
    params: dict


def _sum_rule(total: int | None, parts: tuple[int | None, ...], message: str, name: str) -> Broken | None:
    if total is None or all(p is None for p in parts):
        return None
    given = sum(p or 0 for p in parts)
    return None if given == total else Broken(message, {name: total, "parts": given})


def problems(f: Figures) -> list[Broken]:
    """Every rule of the form the row breaks (none: the row adds up)."""
    found: list[Broken] = []
    for name, value in vars(f).items():
        if value is not None and not 0 <= value <= MAX_COUNT:
            found.append(Broken(N_("%(column)s must lie between 0 and %(max)s."),
                                {"column": name, "max": f"{MAX_COUNT:,}".replace(",", ".")}))
    if found:
        return found
    rules = (
        _sum_rule(f.handled, (f.early, f.on_time, f.late),
                  N_("Handled (%(handled)d) must equal early + on time + late (%(parts)d)."), "handled"),
        _sum_rule(f.pending, (f.pending_within, f.pending_overdue),
                  N_("In progress (%(pending)d) must equal within deadline + overdue (%(parts)d)."), "pending"),
        _sum_rule(f.received, (f.received_online, f.received_in_person, f.received_post),
                  N_("Received (%(received)d) must equal online + in person + by post (%(parts)d)."), "received"),
    )
    found.extend(r for r in rules if r is not None)
    handled, pending = f.handled_total(), f.pending_total()
    if None not in (f.received, handled, pending):
        to_handle = (f.carried_over or 0) + f.received
        if to_handle != handled + pending:
            found.append(Broken(N_("Carried over + received (%(to_handle)d) must equal handled + in progress "
                                   "(%(done)d)."), {"to_handle": to_handle, "done": handled + pending}))
    return found
