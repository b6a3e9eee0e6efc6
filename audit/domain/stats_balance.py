"""The arithmetic of one row of the reporting form, as the form itself sets it out.

Dossiers to handle in the period are those carried over plus those newly received; each is by the end of the
period either handled (early, on time or late) or still in progress (within its deadline or overdue):

    carried over + received = handled + in progress
    received in all = carried over + received           (the form's "Tổng số" of dossiers to handle)
    handled = early + on time + late
    in progress = within deadline + overdue
    received = online + in person + by post          (when the export gives the ways)

A figure the export leaves out is not checked; a total it gives must equal its parts. Dossiers returned or
withdrawn are reported beside, in no sum (the form's notes count them differently from province to province).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .errors import N_
from .inputs import MAX_COUNT


@dataclass(frozen=True)
class Figures:
    carried_over: int | None = None
    received: int | None = None  # newly received in the period
    received_total: int | None = None  # carried over + newly received
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
    procedures: int | None = None  # in no sum

    def handled_total(self) -> int | None:
        """Handled, given or as the sum of its parts."""
        if self.handled is not None:
            return self.handled
        parts = (self.early, self.on_time, self.late)
        return None if all(p is None for p in parts) else sum(p or 0 for p in parts)

    def new_received(self) -> int | None:
        """Newly received in the period: given, or the total less what was carried over, or the sum of the
        ways it came."""
        if self.received is not None:
            return self.received
        if self.received_total is not None:
            return self.received_total - (self.carried_over or 0)
        ways = (self.received_online, self.received_in_person, self.received_post)
        return None if all(w is None for w in ways) else sum(w or 0 for w in ways)

    def to_handle(self) -> int | None:
        """Dossiers to handle in the period: carried over and newly received."""
        new = self.new_received()
        return None if new is None else (self.carried_over or 0) + new

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
        _sum_rule(f.received if f.received is not None else f.new_received() if f.received_total is not None else None,
                  (f.received_online, f.received_in_person, f.received_post),
                  N_("Received (%(received)d) must equal online + in person + by post (%(parts)d)."), "received"),
    )
    found.extend(r for r in rules if r is not None)
    if f.received_total is not None and f.carried_over is not None and f.received_total < f.carried_over:
        found.append(Broken(N_("Received in all (%(total)d) cannot be less than carried over (%(carried)d)."),
                            {"total": f.received_total, "carried": f.carried_over}))
    if None not in (f.received_total, f.received):
        if f.received_total != (f.carried_over or 0) + f.received:
            found.append(Broken(N_("Received in all (%(total)d) must equal carried over + newly received "
                                   "(%(parts)d)."), {"total": f.received_total,
                                                     "parts": (f.carried_over or 0) + f.received}))
    handled, pending, to_handle = f.handled_total(), f.pending_total(), f.to_handle()
    if None not in (to_handle, handled, pending):
        if to_handle != handled + pending:
            found.append(Broken(N_("Carried over + received (%(to_handle)d) must equal handled + in progress "
                                   "(%(done)d)."), {"to_handle": to_handle, "done": handled + pending}))
    return found


def on_time_rate(early: int, on_time: int, late: int) -> float | None:
    """The share, in per cent to one decimal, of dossiers handled in the period that were handled early or on
    time: (early + on time) / handled. No definition in the reporting form or its circular was found; this is
    how provincial reports state it ("… hồ sơ đã được giải quyết … trước hạn đạt 48,2%; … đúng hạn đạt
    51,2%"). Unconfirmed alternatives exist: a transcription of the QĐ 766/QĐ-TTg index guide counts dossiers
    "đã và đang xử lý đúng hạn hoặc trong hạn" over all dossiers received (in progress included), and one
    provincial portal counts late ones over all dossiers to handle. ``None`` when nothing was handled."""
    handled = early + on_time + late
    return round(100 * (early + on_time) / handled, 1) if handled else None


@dataclass(frozen=True)
class Stored:
    """A row's figures as they are kept: every total derived once, the optional breakdowns as given."""

    carried_over: int
    received: int
    received_online: int | None
    received_in_person: int | None
    received_post: int | None
    early: int
    on_time: int
    late: int
    pending: int | None
    pending_within: int | None
    pending_overdue: int | None
    returned: int | None
    procedures: int | None = None

    @property
    def handled(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def rate(self) -> float | None:
        return on_time_rate(self.early, self.on_time, self.late)


def stored(f: Figures) -> Stored | Broken:
    """The figures to keep, or what is missing to keep them (a row that breaks a rule never gets here)."""
    received = f.new_received()
    if received is None:
        return Broken(N_("The row gives no number of dossiers received."), {})
    if received < 0:
        return Broken(N_("Received in all (%(total)d) cannot be less than carried over (%(carried)d)."),
                      {"total": f.received_total, "carried": f.carried_over})
    if f.on_time is None and f.late is None and f.early is None:
        return Broken(N_("The row gives no dossiers handled early, on time or late."), {})
    parts = (f.early or 0, f.on_time or 0, f.late or 0)
    if f.handled is not None and f.on_time is None and f.handled != sum(parts):
        return Broken(N_("The on-time figure is missing: handled (%(handled)d) is more than early + late."),
                      {"handled": f.handled})
    return Stored(f.carried_over or 0, received, f.received_online, f.received_in_person, f.received_post,
                  parts[0], parts[1], parts[2], f.pending_total(), f.pending_within, f.pending_overdue, f.returned,
                  f.procedures)


@dataclass(frozen=True)
class DossierTotals:
    """Dossier figures summed over a unit, a field or a level, as the reporting form counts them."""

    key: str | int
    carried_over: int = 0
    received: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    pending: int | None = None  # None: no row of the sum gave it
    pending_overdue: int | None = None
    returned: int | None = None
    procedures: int | None = None

    @property
    def to_handle(self) -> int:
        return self.carried_over + self.received

    @property
    def handled(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def in_time(self) -> int:
        """Handled early or on time."""
        return self.early + self.on_time

    @property
    def rate(self) -> float | None:
        return on_time_rate(self.early, self.on_time, self.late)

    @classmethod
    def add(cls, key: str | int, parts: Sequence[DossierTotals]) -> DossierTotals:
        """One total from several; a breakdown stays unknown only when no part gave it."""
        return cls(key, sum(p.carried_over for p in parts), sum(p.received for p in parts),
                   sum(p.early for p in parts), sum(p.on_time for p in parts), sum(p.late for p in parts),
                   _sum_known([p.pending for p in parts]), _sum_known([p.pending_overdue for p in parts]),
                   _sum_known([p.returned for p in parts]), _sum_known([p.procedures for p in parts]))


def _sum_known(values: list[int | None]) -> int | None:
    """The sum of the values given; None when none was (a page of such sums is thousands of calls: kept plain)."""
    given = [v for v in values if v is not None]
    return sum(given) if given else None
