"""The heads table's figures kept per head, unit and quarter (``HeadQuarterTotal``).

An inspection counts against a head once it is finalised (its findings can no longer change) and its formal
verdict may change once more, when the chairman concludes or replaces the notice of conclusions. So the rows move
at two moments only, each in the transaction that makes the change: :func:`add` after finalising, and
:func:`remove` before / :func:`add` after concluding. Both are additive upserts, so two inspections of the same
desk finalised at once both count (the database serialises the row, no read-then-write). :func:`computed`
derives the same rows from the findings themselves; :func:`rebuild` replaces the stored ones with them.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select, text, true

from audit.db import db, dialect_insert
from audit.domain.review import HeadFacts, quarter_totals
from audit.models import Finding, HeadQuarterTotal, Inspection

from .heads import REPEATS, counted_against_heads
from .standing import FINAL_VERDICT, NOT_REAL_CODES

KEY = ("head_tenure_id", "unit_id", "quarter")
FIGURES = ("findings", "repeats", "formal")


def _facts(condition) -> list[HeadFacts]:
    """Per finalised inspection matching ``condition`` and head named by its findings in force: the figures."""
    rows = db.session.execute(
        counted_against_heads(Finding.head_tenure_id, Inspection.unit_id, Inspection.inspection_date, func.count(),
                              REPEATS, FINAL_VERDICT)
        .where(condition)
        .group_by(Finding.head_tenure_id, Inspection.id, Inspection.unit_id, Inspection.inspection_date,
                  FINAL_VERDICT))
    return [HeadFacts(tenure, unit, day, findings, int(repeats or 0), verdict in NOT_REAL_CODES)
            for tenure, unit, day, findings, repeats, verdict in rows]


def _upsert(totals: dict, sign: int) -> None:
    if not totals:
        return
    insert = dialect_insert(db.session.get_bind().dialect.name)
    # in key order, so that two transactions touching the same rows lock them in the same order
    statement = insert(HeadQuarterTotal).values([
        dict(zip(KEY, key, strict=True), **dict(zip(FIGURES, (sign * n for n in figures), strict=True)))
        for key, figures in sorted(totals.items())])
    db.session.execute(statement.on_conflict_do_update(
        index_elements=list(KEY),
        set_={name: getattr(HeadQuarterTotal, name) + getattr(statement.excluded, name) for name in FIGURES}))


def add(inspection: Inspection) -> None:
    """Count a finalised inspection (call after its state and findings are flushed)."""
    _upsert(quarter_totals(_facts(Inspection.id == inspection.id)), +1)


def remove(inspection: Inspection) -> None:
    """Take a finalised inspection out, with the verdict that stands now (before a notice replaces it)."""
    _upsert(quarter_totals(_facts(Inspection.id == inspection.id)), -1)


def computed() -> dict:
    """The rows as the findings give them now."""
    return quarter_totals(_facts(true()))


def stored() -> dict:
    """The rows as kept (a row whose figures are all zero counts nothing and is left out)."""
    rows = db.session.execute(select(*(getattr(HeadQuarterTotal, c) for c in KEY + FIGURES)))
    return {tuple(r[:3]): tuple(r[3:]) for r in rows if any(r[3:])}


def drift() -> dict:
    """Rows whose kept figures differ from the computed ones: key → (kept, computed); empty when all agree."""
    kept, now = stored(), computed()
    return {key: (kept.get(key), now.get(key)) for key in sorted(set(kept) | set(now)) if kept.get(key) != now.get(key)}


def rebuild() -> int:
    """Replace every stored row by the computed ones; returns how many there are. The table is locked first
    (SQLite: the delete takes the database's write lock), so an inspection finalised meanwhile is counted once:
    either before (it is in what is computed) or after (its upsert waits and adds to the rebuilt rows)."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("LOCK TABLE head_quarter_totals IN EXCLUSIVE MODE"))
    db.session.execute(delete(HeadQuarterTotal))
    totals = computed()
    rows = [dict(zip(KEY, key, strict=True), **dict(zip(FIGURES, figures, strict=True)))
            for key, figures in sorted(totals.items())]
    for i in range(0, len(rows), 5000):
        db.session.execute(HeadQuarterTotal.__table__.insert(), rows[i:i + 5000])
    return len(rows)
