"""Importing dossier statistics from the provincial system's CSV export: all rows or none."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from audit.db import db
from audit.domain import stats_import
from audit.domain.errors import N_, ImportRejected, Problem
from audit.models import DossierStatistic, Unit, User

from . import audit_log


def import_csv(data: bytes, *, actor: User | None, now: datetime, scope: frozenset[int] | None = None) -> int:
    """Store every row; rows already stored for the same unit, field and period, and rows of units outside
    the importer's ``scope``, are refused."""
    units = {u.code: u for u in db.session.scalars(select(Unit))}
    rows = stats_import.parse(data, units)
    problems = []
    for row in rows:
        if scope is not None and units[row.unit_code].id not in scope:
            problems.append(Problem(row.row, N_("%(code)s is outside the units you act for."),
                                    {"code": row.unit_code}))
            continue
        exists = db.session.scalar(select(DossierStatistic.id).where(
            DossierStatistic.unit_id == units[row.unit_code].id, DossierStatistic.field == row.field,
            DossierStatistic.period_start == row.period.start, DossierStatistic.period_end == row.period.end))
        if exists:
            problems.append(Problem(row.row, N_("Figures for %(code)s, %(field)s, %(period)s are already imported."),
                                    {"code": row.unit_code, "field": row.field, "period": row.period.label}))
    if problems:
        raise ImportRejected(problems)
    for row in rows:
        db.session.add(DossierStatistic(unit_id=units[row.unit_code].id, field=row.field,
                                        period_start=row.period.start, period_end=row.period.end,
                                        received=row.received, on_time=row.on_time, late=row.late,
                                        procedures=row.procedures, imported_at=now))
    db.session.flush()
    audit_log.record(actor, "statistics.import", "dossier_statistics", None, now=now, after={"rows": len(rows)})
    return len(rows)
