"""The dossier sample taken at the desk and the figures computed from it.

A dossier is late when it was returned after its due date, or is still not returned and
its due date has passed on the inspection date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .errors import N_, InvalidInput
from .scoring import round_score

FIELDS = ("dat_dai", "xay_dung", "quy_hoach", "ho_tich", "chung_thuc", "bao_tro_xa_hoi", "lao_dong",
          "kinh_doanh", "khac")


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
