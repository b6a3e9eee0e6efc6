"""Nam Giang's 2019 dossier figures, close to the district's published ones: 1,147 dossiers at
district level over 266 district procedures, 42,518 at commune level, more than 95% on time, the late
ones concentrated in land, construction and planning."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from audit.db import db
from audit.models import DossierStatistic, Unit

YEAR_START, YEAR_END = date(2019, 1, 1), date(2019, 12, 31)
# field: (received, late, procedures) at the district desk — 1,147 dossiers over 266 procedures.
DISTRICT = {"dat_dai": (420, 31, 96), "xay_dung": (180, 14, 40), "quy_hoach": (60, 6, 18), "kinh_doanh": (150, 1, 30),
            "ho_tich": (120, 0, 22), "khac": (217, 2, 60)}
# Commune desks: each commune's share of the 42,518 dossiers, and the split by field.
COMMUNE_SHARE = {"THANHMY": 14, "CADY": 9, "CHAVAL": 7, "CHOCHUN": 6, "DACPRE": 7, "DACPRING": 7, "DACTOI": 6,
                 "LADEE": 8, "LAEE": 9, "TABHING": 9, "TAPOO": 8, "ZUOIH": 10}
FIELD_SHARE = {"chung_thuc": 0.55, "ho_tich": 0.30, "dat_dai": 0.08, "xay_dung": 0.02, "bao_tro_xa_hoi": 0.03,
               "khac": 0.02}
LATE_SHARE = {"dat_dai": 0.12, "xay_dung": 0.10, "chung_thuc": 0.002, "ho_tich": 0.003, "bao_tro_xa_hoi": 0.01,
              "khac": 0.01}
COMMUNE_TOTAL = 42_518


def commune_figures() -> dict[str, dict[str, tuple[int, int]]]:
    """Per commune and field: (received, late), adding up exactly to 42,518."""
    total_share = sum(COMMUNE_SHARE.values())
    per_commune = {c: COMMUNE_TOTAL * s // total_share for c, s in COMMUNE_SHARE.items()}
    per_commune["THANHMY"] += COMMUNE_TOTAL - sum(per_commune.values())
    figures = {}
    for commune, received in per_commune.items():
        fields = {f: int(received * share) for f, share in FIELD_SHARE.items()}
        fields["chung_thuc"] += received - sum(fields.values())
        figures[commune] = {f: (n, round(n * LATE_SHARE[f])) for f, n in fields.items()}
    return figures


def seed() -> None:
    now = datetime(2020, 1, 10, 2, 0, tzinfo=UTC)
    unit = lambda code: db.session.scalar(select(Unit).where(Unit.code == code))  # noqa: E731
    rows = [("NG-MC", field, received, late, procedures) for field, (received, late, procedures) in DISTRICT.items()]
    for commune, fields in commune_figures().items():
        rows += [(f"NG-{commune}-MC", field, received, late, None) for field, (received, late) in fields.items()]
    for code, field, received, late, procedures in rows:
        db.session.add(DossierStatistic(unit_id=unit(code).id, field=field, period_start=YEAR_START,
                                        period_end=YEAR_END, received=received, on_time=received - late, late=late, pending=0,
                                        procedures=procedures, imported_at=now))
    db.session.flush()
