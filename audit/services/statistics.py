"""Dossier statistics from the provincial system's export: the file kept as a draft, read through the column
map (the one recognised from its header, corrected by what the user said for the source), its units and fields
matched, its rows checked against the form; then committed all at once, replacing what an earlier import
stored for the same period and units — never adding to it."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, or_, select, update

from audit.db import db, within
from audit.domain import stats_import
from audit.domain.errors import N_, Conflict, ImportRejected, InvalidInput, Problem
from audit.domain.procedure_fields import FIELDS
from audit.domain.review import Period, parse_period
from audit.domain.stats_columns import Column, ColumnMap, header_paths, map_columns
from audit.domain.stats_import import ImportState, header_key
from audit.domain.stats_preview import Preview, build
from audit.domain.stats_units import Candidate, UnitMatcher
from audit.domain.units import ONE_STOP_KINDS, UnitKind
from audit.models import DossierStatistic, StatisticsImport, StatisticsMapping, Unit, User

from . import audit_log
from .tables import Table, read_table

_KEPT = ("carried_over", "received", "received_online", "received_in_person", "received_post", "early", "on_time",
         "late", "pending", "pending_within", "pending_overdue", "returned", "procedures")


@dataclass
class Prepared:
    """Everything the mapping screen and the confirmation show for one draft."""

    imp: StatisticsImport
    table: Table
    paths: list[tuple[str, ...]]
    recognised: ColumnMap
    columns: dict[int, Column]
    preview: Preview
    period: Period | None
    units: list[Candidate]
    overlaps: list[Problem] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return self.preview.ready and not self.overlaps and not self.repeated

    @property
    def repeated(self) -> list[tuple[Column, tuple[int, ...]]]:
        """Figures that two columns claim (the user must say which is which)."""
        by: dict[Column, list[int]] = {}
        for index, column in self.columns.items():
            by.setdefault(column, []).append(index)
        return [(c, tuple(ix)) for c, ix in by.items() if len(ix) > 1]

    @property
    def choices(self) -> list[Candidate]:
        """Each unit once, under its desk's name, for the user to map a name to."""
        seen: dict[int, Candidate] = {}
        for unit in self.units:
            seen.setdefault(unit.id, unit)
        return list(seen.values())

    def desk_name(self, unit_id: int) -> str:
        return next((c.name for c in self.choices if c.id == unit_id), "")

    def header_of(self, index: int) -> str:
        return header_key(self.paths[index])


@dataclass(frozen=True)
class Outcome:
    rows: int
    replaced: int  # rows of earlier imports replaced
    unchanged: bool


def mapping_of(source: str) -> StatisticsMapping | None:
    return db.session.scalar(select(StatisticsMapping).where(StatisticsMapping.source == source))


def candidates(period: Period | None, scope: frozenset[int] | None) -> list[Candidate]:
    """The one-stop desks of the period (in ``scope``), each also under the name and code of the committee it
    serves: an export names "UBND xã La Êê" where the figures are its desk's."""
    query = select(Unit).where(Unit.kind.in_([k.value for k in ONE_STOP_KINDS]))
    if period is not None:
        query = query.where(or_(Unit.valid_from.is_(None), Unit.valid_from <= period.end),
                            or_(Unit.valid_to.is_(None), Unit.valid_to >= period.start))
    query = within(query, Unit.id, scope)
    found = []
    for desk in db.session.scalars(query.order_by(Unit.code)):
        level = "district" if desk.kind == UnitKind.DISTRICT_DESK.value else "commune"
        found.append(Candidate(desk.id, desk.code, desk.name, level))
        if desk.parent is not None:
            found.append(Candidate(desk.id, desk.parent.code, desk.parent.name, level))
    return found


def _period_of(text: str | None) -> Period | None:
    return parse_period(text) if text else None


def draft(data: bytes, filename: str, *, source: str, period_text: str | None, actor: User | None,
          now: datetime) -> StatisticsImport:
    """Keep an uploaded export as a draft; a file that cannot be read as a table is refused here."""
    read_table(data, filename)
    source = " ".join(source.split())[:100] or stats_import.DEFAULT_SOURCE
    if period_text:
        period_text = parse_period(period_text.strip()) and period_text.strip()
    imp = StatisticsImport(source=source, filename=(filename or "export")[-200:], data=data,
                           sha256=hashlib.sha256(data).hexdigest(), period_text=period_text or None,
                           state=ImportState.DRAFT.value, created_by_id=actor.id if actor else None, created_at=now)
    db.session.add(imp)
    db.session.flush()
    audit_log.record(actor, "statistics.draft", "statistics_imports", imp.id, now=now,
                     after={"source": source, "filename": imp.filename, "sha256": imp.sha256})
    return imp


def _span(table: Table, position: int | None) -> Period | None:
    """The span of the periods a file's period column names (its units are those of that span)."""
    if position is None:
        return None
    periods = []
    for _line, cells in table.rows:
        try:
            periods.append(parse_period(cells[position]))
        except (InvalidInput, IndexError):
            continue
    if not periods:
        return None
    return Period(min(p.start for p in periods), max(p.end for p in periods), "")


def prepare(imp: StatisticsImport, *, scope: frozenset[int] | None) -> Prepared:
    table = read_table(imp.data, imp.filename)
    paths = header_paths(table.header)
    recognised = map_columns(paths)
    remembered = mapping_of(imp.source)
    columns = dict(recognised.columns)
    if remembered is not None:
        for index, path in enumerate(paths):
            said = remembered.columns.get(header_key(path))
            if said is None:
                continue
            if said == "":
                columns.pop(index, None)
            else:
                columns[index] = Column(said)
    period = _period_of(imp.period_text)
    where = {c: i for i, c in columns.items()}
    span = period if period is not None else _span(table, where.get(Column.PERIOD))
    units = candidates(span, scope)
    matcher = UnitMatcher(units, {k: int(v) for k, v in (remembered.units if remembered else {}).items()})
    use_period = period if Column.PERIOD not in where else None
    preview = build(table.rows, columns, matcher, period=use_period,
                    field_mapping=remembered.fields if remembered else None)
    prepared = Prepared(imp, table, paths, recognised, columns, preview, period, units)
    prepared.overlaps = _overlaps(preview)
    return prepared


def _overlaps(preview: Preview) -> list[Problem]:
    """Rows whose unit already has figures for a period that overlaps the row's without being it (a quarter
    stored, the year imported): summing both would count dossiers twice."""
    problems = []
    for row in preview.rows:
        clash = db.session.execute(
            select(DossierStatistic.period_start, DossierStatistic.period_end).where(
                DossierStatistic.unit_id == row.unit.id, DossierStatistic.period_start <= row.period.end,
                DossierStatistic.period_end >= row.period.start,
                or_(DossierStatistic.period_start != row.period.start,
                    DossierStatistic.period_end != row.period.end)).limit(1)).first()
        if clash:
            problems.append(Problem(row.line, N_("Figures of %(unit)s are already stored for %(start)s–%(end)s, "
                                                 "which overlaps this row's period: they would be counted twice."),
                                    {"unit": row.unit.name, "start": clash[0].strftime("%d/%m/%Y"),
                                     "end": clash[1].strftime("%d/%m/%Y")}))
    return problems


def remember(source: str, *, columns: Mapping[str, str] | None = None, units: Mapping[str, int] | None = None,
             fields: Mapping[str, str] | None = None, now: datetime) -> StatisticsMapping:
    """Add what the user said to the source's mapping (an answer replaces an earlier one for the same text)."""
    valid_columns = {c.value for c in Column} | {""}
    valid_fields = {f.key for f in FIELDS}
    for value in (columns or {}).values():
        if value not in valid_columns:
            raise InvalidInput(N_("Unknown column meaning “%(value)s”."), value=value[:30])
    for value in (fields or {}).values():
        if value not in valid_fields:
            raise InvalidInput(N_("Unknown field “%(value)s”."), value=value[:30])
    mapping = mapping_of(source)
    if mapping is None:
        mapping = StatisticsMapping(source=source, columns={}, units={}, fields={}, updated_at=now)
        db.session.add(mapping)
    # JSON columns are replaced, never mutated in place (the ORM would not see the change)
    mapping.columns = {**mapping.columns, **(columns or {})}
    mapping.units = {**mapping.units, **{k: int(v) for k, v in (units or {}).items()}}
    mapping.fields = {**mapping.fields, **(fields or {})}
    mapping.updated_at = now
    mapping.version = (mapping.version or 0) + 1
    db.session.flush()
    return mapping


def set_period(imp: StatisticsImport, text: str, *, actor: User | None, now: datetime) -> None:
    """The period of a draft whose file has no period column, as the user gives it on the import screen."""
    if not stats_import.may_commit(imp.import_state):
        raise Conflict(N_("This import has already been confirmed or discarded."))
    text = " ".join(text.split())[:20]
    if text:
        parse_period(text)
    if (text or None) != imp.period_text:
        audit_log.record(actor, "statistics.period", "statistics_imports", imp.id, now=now,
                         before={"period": imp.period_text}, after={"period": text or None})
        imp.period_text = text or None
        db.session.flush()


def _claim(imp: StatisticsImport, to: ImportState) -> None:
    """Move a draft on, once: the loser of two confirmations gets :class:`Conflict`."""
    claimed = db.session.execute(update(StatisticsImport).where(StatisticsImport.id == imp.id,
                                                                StatisticsImport.state == ImportState.DRAFT.value)
                                 .values(state=to.value)).rowcount
    if claimed != 1:
        raise Conflict(N_("This import has already been confirmed or discarded."))
    db.session.refresh(imp)


def _figures(stat) -> tuple:
    return tuple(getattr(stat, name) for name in _KEPT)


def commit(imp: StatisticsImport, *, actor: User | None, now: datetime, scope: frozenset[int] | None) -> Outcome:
    """Store every row of a ready draft, replacing the earlier figures of its units and periods."""
    if not stats_import.may_commit(imp.import_state):
        raise Conflict(N_("This import has already been confirmed or discarded."))
    prepared = prepare(imp, scope=scope)
    if not prepared.ready:
        raise ImportRejected(prepared.overlaps or [Problem(0, N_("The import is not ready: map every column, "
                                                                 "unit and field and correct every row first."))])
    rows = prepared.preview.rows
    _claim(imp, ImportState.COMMITTED)  # the draft is ours from here: a second confirmation gets Conflict
    covered = {(r.unit.id, r.period.start, r.period.end) for r in rows}
    unit_ids = sorted({u for u, _s, _e in covered})
    # the units' rows locked (PostgreSQL; SQLite's write lock is already held by the claim), then what is stored
    # read afresh: two imports of the same units never both keep their rows
    db.session.execute(select(Unit.id).where(Unit.id.in_(unit_ids)).order_by(Unit.id).with_for_update())
    earlier = [s for s in db.session.scalars(select(DossierStatistic).where(DossierStatistic.unit_id.in_(unit_ids))
                                             .execution_options(populate_existing=True))
               if (s.unit_id, s.period_start, s.period_end) in covered]
    before = {(s.unit_id, s.field, s.period_start, s.period_end): _figures(s) for s in earlier}
    after = {(r.unit.id, r.field.key, r.period.start, r.period.end): tuple(getattr(r.kept, n) for n in _KEPT)
             for r in rows}
    if before == after:
        imp.state = ImportState.UNCHANGED.value
        imp.rows, imp.replaced_rows, imp.committed_at = len(rows), 0, now
        db.session.flush()
        audit_log.record(actor, "statistics.unchanged", "statistics_imports", imp.id, now=now,
                         after={"rows": len(rows), "sha256": imp.sha256})
        return Outcome(len(rows), 0, True)
    earlier_imports = {s.import_id for s in earlier if s.import_id is not None}
    if earlier:
        db.session.execute(delete(DossierStatistic).where(DossierStatistic.id.in_([s.id for s in earlier])))
    for row in rows:
        db.session.add(DossierStatistic(unit_id=row.unit.id, field=row.field.key, period_start=row.period.start,
                                        period_end=row.period.end, imported_at=now, import_id=imp.id,
                                        **{name: getattr(row.kept, name) for name in _KEPT}))
    imp.rows, imp.replaced_rows, imp.committed_at = len(rows), len(earlier), now
    db.session.flush()
    for earlier_id in sorted(earlier_imports):
        # an earlier import none of whose rows remain is replaced
        if db.session.scalar(select(DossierStatistic.id).where(DossierStatistic.import_id == earlier_id).limit(1)) \
                is None:
            db.session.execute(update(StatisticsImport).where(StatisticsImport.id == earlier_id)
                               .values(state=ImportState.REPLACED.value))
    audit_log.record(actor, "statistics.import", "statistics_imports", imp.id, now=now,
                     before={"rows": len(earlier), "imports": sorted(earlier_imports),
                             "received": sum(v[1] for v in before.values())},
                     after={"rows": len(rows), "received": sum(v[1] for v in after.values()), "sha256": imp.sha256})
    return Outcome(len(rows), len(earlier), False)


def discard(imp: StatisticsImport, *, actor: User | None, now: datetime) -> None:
    if not stats_import.may_discard(imp.import_state):
        raise Conflict(N_("This import has already been confirmed or discarded."))
    _claim(imp, ImportState.DISCARDED)
    audit_log.record(actor, "statistics.discard", "statistics_imports", imp.id, now=now)


def recent_imports(actor: User, limit: int = 10) -> list[StatisticsImport]:
    return list(db.session.scalars(select(StatisticsImport).where(StatisticsImport.created_by_id == actor.id)
                                   .order_by(StatisticsImport.created_at.desc(), StatisticsImport.id.desc())
                                   .limit(limit)))


def sources() -> list[str]:
    """The sources a mapping is remembered for (offered when uploading)."""
    return list(db.session.scalars(select(StatisticsMapping.source).order_by(StatisticsMapping.source)))
