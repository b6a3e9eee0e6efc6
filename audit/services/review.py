"""Read side of the chairman's review: the desks dashboard and the period report's figures (the heads table is
:mod:`.heads`).

Each screen is a handful of aggregate queries over the per-inspection summary columns (score,
verdict) written at finalisation; nothing joins the answers table per request.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from sqlalchemy import and_, bindparam, case, func, or_, select, true
from sqlalchemy.orm import aliased, selectinload

from audit.db import among, db, on_connection, within
from audit.domain import vnnumber
from audit.domain.checklist import Checklist
from audit.domain.findings import FindingStatus
from audit.domain.inspections import State as InspectionState
from audit.domain.remediation import OPEN_STATES, State
from audit.domain.review import Period, sparkline
from audit.domain.stats_balance import DossierTotals
from audit.domain.units import ONE_STOP_KINDS, UnitKind
from audit.models import Conclusion, DossierStatistic, Finding, Inspection, RemediationItem, Unit

from .heads import heads
from .standing import CURRENT_CONCLUSION, FINAL_VERDICT, NOT_REAL_CODES

TREND_LENGTH = 8
COMMUNE_DESKS = (UnitKind.COMMUNE_DESK.value, UnitKind.COMMUNE_CENTRE.value)


@dataclass(frozen=True)
class DeskUnit:
    """What the dashboard and the period report show of a desk (a full unit row costs ten times more to load, for
    hundreds of desks)."""

    id: int
    code: str
    name: str
    kind: str


@dataclass
class DeskRow:
    unit: DeskUnit
    latest: dict | None = None  # id, date, score, verdict (final where concluded), final (bool)
    scores: list[float] = field(default_factory=list)
    open_items: int = 0
    overdue_items: int = 0

    @property
    def trend_points(self) -> str:
        return sparkline(self.scores)

    @property
    def scores_text(self) -> str:
        """The scores of the trend, oldest first, as read out (the sparkline's text alternative)."""
        return "; ".join(vnnumber.number(score) for score in self.scores)

    @property
    def not_real(self) -> bool:
        """The desk's latest verdict says what it shows is not real (formal)."""
        return bool(self.latest) and self.latest["verdict"] in NOT_REAL_CODES


def _active_in(query, period: Period | None):
    if period is None:
        return query
    return query.where(or_(Unit.valid_from.is_(None), Unit.valid_from <= period.end),
                       or_(Unit.valid_to.is_(None), Unit.valid_to >= period.start))


def desks(period: Period | None, kind: str | None = None, regime: str | None = None, *, today: date,
          scope: frozenset[int] | None = None) -> list[DeskRow]:
    """Every one-stop desk (or units of ``kind``) in the period and in ``scope``, with its latest verdict and its
    remediation items; the trend of the desks shown is read by :func:`with_trends`."""
    kinds = [kind] if kind else [k.value for k in ONE_STOP_KINDS]
    units = db.session.execute(within(_active_in(select(Unit.id, Unit.code, Unit.name, Unit.kind)
                                                 .where(Unit.kind.in_(kinds)), period), Unit.id, scope)
                               .order_by(Unit.code)).all()
    rows = {u.id: DeskRow(DeskUnit(*u)) for u in units}
    for r in _recent(rows, period, regime, 1):
        rows[r.unit_id].latest = {"id": r.id, "date": r.inspection_date, "score": r.score, "verdict": r.verdict,
                                  "final": bool(r.final), "authority_id": r.authority_id}
    open_states = [s.value for s in (State.OPEN, State.RETURNED, State.RESPONDED)]
    owing = [s.value for s in OPEN_STATES]
    # counted for every unit in scope and kept for the desks listed: naming the desks (hundreds of ids) cost more
    # than the counts of the few other units with items
    counts = db.session.execute(within(
        select(RemediationItem.unit_id, func.count(),
               func.sum(case((and_(RemediationItem.state.in_(owing), RemediationItem.deadline < today), 1), else_=0)))
        .where(RemediationItem.state.in_(open_states)), RemediationItem.unit_id, scope)
        .group_by(RemediationItem.unit_id)).all() if rows else []
    for unit_id, open_count, overdue in counts:
        if unit_id in rows:
            rows[unit_id].open_items, rows[unit_id].overdue_items = open_count, int(overdue or 0)
    return list(rows.values())


def with_trends(rows: list[DeskRow], period: Period | None, regime: str | None = None) -> list[DeskRow]:
    """``rows`` (the desks a page shows) with the scores of their latest ``TREND_LENGTH`` finalised inspections,
    oldest first."""
    by_unit = {row.unit.id: row for row in rows}
    for row in rows:
        row.scores = []
    for r in sorted(_recent(by_unit, period, regime, TREND_LENGTH), key=lambda r: (r.inspection_date, r.id)):
        if r.score is not None:
            by_unit[r.unit_id].scores.append(r.score)
    return rows


def _recent(units, period: Period | None, regime: str | None, count: int):
    """The latest ``count`` finalised inspections (in the period, of the regime) of each of ``units``."""
    if not units:
        return []
    statement = _recent_statement(db.session.get_bind().dialect.name, period is not None, bool(regime), count)
    params = ({"regime": regime} if regime else {}) | ({"start": period.start, "end": period.end} if period else {})
    return db.session.execute(statement.where(among(Unit.id, units)), params).all()


@cache
def _recent_statement(dialect: str, in_period: bool, of_regime: bool, count: int):
    """The latest ``count`` finalised inspections of each unit the caller names, with the verdict that stands and
    the checklist version pinned to each, found through the (unit, date) index unit by unit in the statement that
    reads them (a window over every inspection of the province cost 20 times more). PostgreSQL takes the list as a
    LATERAL join; SQLite, which has none, as a correlated IN. Built once per form: composing it cost a dashboard
    more than running it."""
    newest = aliased(Inspection)
    latest = select(newest.id.label("id")).where(newest.unit_id == Unit.id,
                                                 newest.state == InspectionState.FINALISED)
    if in_period:
        latest = latest.where(newest.inspection_date.between(bindparam("start"), bindparam("end")))
    if of_regime:
        latest = latest.where(newest.legal_regime == bindparam("regime"))
    latest = latest.order_by(newest.inspection_date.desc(), newest.id.desc()).limit(count).correlate(Unit)
    read = select(Unit.id.label("unit_id"), Inspection.id, Inspection.authority_id, Inspection.inspection_date,
                  Inspection.score, FINAL_VERDICT.label("verdict"), Conclusion.id.is_not(None).label("final"),
                  Inspection.checklist_key, Inspection.checklist_version, Inspection.checklist_sha256)
    if dialect == "postgresql":
        listed = latest.lateral("latest")
        read = read.select_from(Unit).join(listed, true()).join(Inspection, Inspection.id == listed.c.id)
    elif count == 1:
        read = read.select_from(Unit).join(Inspection, Inspection.id == latest.scalar_subquery())
    else:
        read = read.select_from(Unit).join(Inspection, Inspection.id.in_(latest.scalar_subquery()))
    return read.outerjoin(Conclusion, CURRENT_CONCLUSION)


def awaiting_conclusion(authority_ids: frozenset[int], scope: frozenset[int] | None = None) -> list[Inspection]:
    """Finalised inspections of the authorities a chairman concludes for, with no notice of conclusions yet:
    the chairman's work, oldest first."""
    if not authority_ids:
        return []
    query = select(Inspection).outerjoin(Conclusion, CURRENT_CONCLUSION).options(selectinload(Inspection.unit)) \
        .where(Inspection.state == InspectionState.FINALISED, Inspection.authority_id.in_(authority_ids),
               Conclusion.id.is_(None)) \
        .order_by(Inspection.inspection_date, Inspection.id)
    return list(db.session.scalars(within(query, Inspection.unit_id, scope)))


@dataclass(frozen=True)
class UnitFieldTotals:
    """One unit's figures in one field over the period's stored periods (:func:`unit_field_totals`)."""

    unit_id: int
    kind: str
    field: str
    totals: DossierTotals


def unit_field_totals(period: Period, scope: frozenset[int] | None = None) -> list[UnitFieldTotals]:
    """Imported figures of the period per unit and field, each unit's field taken over the periods stored inside
    the window as the reporting form counts a longer period: four quarters make a year without counting a
    quarter's pending dossiers again as the next one's carried over.

    - carried over into the window: the earliest period's;
    - received, handled early, on time and late, returned: summed;
    - still being handled at the end (pending, of which overdue): the latest period's;
    - procedures: the largest number any period gives;
    - a breakdown no period gave stays unknown (``None``), which SQL's ``SUM`` and ``MAX`` of nulls also say.

    One statement chains them (the database sums a province's rows; reading every quarter's row into Python cost
    the statistics page three times as much). A page that sums them several ways reads them once."""
    s = DossierStatistic
    chain = (s.unit_id, s.field)
    rows = within(select(s.unit_id, s.field, s.period_start, s.period_end, s.carried_over, s.received, s.early,
                         s.on_time, s.late, s.pending, s.pending_overdue, s.returned, s.procedures,
                         func.min(s.period_start).over(partition_by=chain).label("first"),
                         func.max(s.period_end).over(partition_by=chain).label("last"))
                  .where(s.period_start >= period.start, s.period_end <= period.end), s.unit_id, scope).subquery()
    c = rows.c
    at_end = c.period_end == c.last
    query = select(Unit.kind, c.unit_id, c.field,
                   func.sum(case((c.period_start == c.first, c.carried_over), else_=0)), func.sum(c.received),
                   func.sum(c.early), func.sum(c.on_time), func.sum(c.late), func.sum(case((at_end, c.pending))),
                   func.sum(case((at_end, c.pending_overdue))), func.sum(c.returned), func.max(c.procedures)) \
        .join(Unit, Unit.id == c.unit_id).group_by(Unit.kind, c.unit_id, c.field)
    # the sums and maximum of integer columns are integers on both databases (PostgreSQL's SUM of an integer is a
    # bigint), or None where no period gave the figure
    return [UnitFieldTotals(unit_id, kind, name, DossierTotals(name, *figures))
            for kind, unit_id, name, *figures in on_connection(query)]


#: what :func:`dossier_totals` can sum by
BY_UNIT, BY_FIELD, BY_KIND = "unit_id", "field", "kind"


def dossier_totals(period: Period, by: str, scope: frozenset[int] | None = None,
                   read: list[UnitFieldTotals] | None = None) -> list[DossierTotals]:
    """Imported figures of the period summed by ``by`` (``BY_UNIT``, ``BY_FIELD``, ``BY_KIND``), from ``read``
    (:func:`unit_field_totals`) when the caller has them already."""
    by_key: dict = defaultdict(list)
    for row in unit_field_totals(period, scope) if read is None else read:
        by_key[getattr(row, by)].append(row.totals)
    return [DossierTotals.add(key, parts) for key, parts in by_key.items()]


@dataclass
class UnitRates:
    unit: Unit
    figures: DossierTotals
    reported_rate: float | None
    sample_rate: float | None
    sample_size: int
    contradicts: bool


def on_time_by_unit(period: Period, scope: frozenset[int] | None = None,
                    read: list[UnitFieldTotals] | None = None) -> list[UnitRates]:
    """Reported on-time shares per unit, against the dossier sample of the unit's latest inspection in the
    period: a contradiction only when the sample is large enough and the reported share lies above its
    95 % interval (the same rule as the inspection's assessment)."""
    from audit.domain.assessment import ReportedRate, compare
    from audit.domain.sampling import sample_inputs

    from .answers import sample_summary
    from .inspections import answers_by_inspection, checklist_of, dossiers_by_inspection

    totals = {t.key: t for t in dossier_totals(period, BY_UNIT, scope, read)}
    units = sorted(db.session.scalars(select(Unit).where(among(Unit.id, totals))).all() if totals else [],
                   key=lambda u: (u.kind != UnitKind.DISTRICT_DESK.value, u.code))  # the district's desk first
    # each unit's latest finalised inspection in the period (as the dashboard finds it), read as columns with its
    # sample: hundreds of inspections and their dossiers as whole rows cost the statistics page a quarter of its time
    latest = {r.unit_id: r for r in _recent(list(totals), period, None, 1)} if totals else {}
    # the sample's summary reads the answers that change it (the population, which may lower the minimum)
    pinned: dict[tuple, Checklist] = {}  # each pinned version looked up once, not once a desk
    checklists: dict[int, Checklist] = {}
    for inspection in latest.values():
        version = (inspection.checklist_key, inspection.checklist_version, inspection.checklist_sha256)
        if version not in pinned:
            pinned[version] = checklist_of(inspection)
        checklists[inspection.id] = pinned[version]
    inputs = set().union(*(sample_inputs(c) for c in pinned.values()))
    ids = [i.id for i in latest.values()]
    answers = answers_by_inspection(ids, inputs) if latest else {}
    dossiers = dossiers_by_inspection(ids) if latest else {}
    result = []
    for unit in units:
        figures = totals[unit.id]
        inspection = latest.get(unit.id)
        summary = sample_summary(inspection, answers[inspection.id], checklists[inspection.id],
                                 dossiers[inspection.id]) if inspection else None
        reported = figures.rate
        comparison = compare(summary, ReportedRate(reported, "statistics")) if reported is not None else None
        result.append(UnitRates(unit, figures, reported,
                                summary.metrics["on_time_rate"] if summary else None, summary.size if summary else 0,
                                bool(comparison and comparison.contradicts)))
    return result


def on_time_by_field(period: Period, scope: frozenset[int] | None = None,
                     read: list[UnitFieldTotals] | None = None) -> list[DossierTotals]:
    """Figures by field, the most late dossiers first."""
    return sorted(dossier_totals(period, BY_FIELD, scope, read), key=lambda t: (-t.late, str(t.key)))


@dataclass
class PeriodFigures:
    period: Period
    desks_total: dict = field(default_factory=dict)  # level → count of desks active in the period
    desks_inspected: dict = field(default_factory=dict)
    verdicts: dict = field(default_factory=dict)  # verdict → count (latest per desk)
    dossiers: dict = field(default_factory=dict)  # level → DossierTotals
    by_unit: list = field(default_factory=list)  # UnitRates of every unit with figures
    late_by_field: list = field(default_factory=list)
    findings_by_section: list = field(default_factory=list)
    remediation: dict = field(default_factory=dict)
    repeat_heads: list = field(default_factory=list)
    contradictions: list = field(default_factory=list)
    desk_rows: list = field(default_factory=list)  # every desk of the period: its latest verdict, score, items


def findings_by_section(period: Period, scope: frozenset[int] | None = None) -> list[tuple[str | None, int]]:
    """Findings of the period's finalised inspections by section of the checklist version each inspection
    pinned, titled as that version titles them (a Directive 26 "A" is working hours, a one-stop "A" is staff):
    (title, count) in checklist order; ``None`` for the findings the team added outside the checklist."""
    from .inspections import catalog

    section = func.coalesce(func.substr(Finding.item_id, 1, 1), "+")
    rows = db.session.execute(within(
        select(Inspection.checklist_key, Inspection.checklist_version, section, func.count())
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .where(Inspection.state == InspectionState.FINALISED, Finding.status == FindingStatus.DRAFT,
               Inspection.inspection_date.between(period.start, period.end)), Inspection.unit_id, scope)
        .group_by(Inspection.checklist_key, Inspection.checklist_version, section)).all()
    counts: dict[tuple, int] = defaultdict(int)
    for key, version, letter, count in rows:
        title, position = None, (2, "", 0)  # added by the team: last
        if letter != "+":
            checklist = catalog().get(key, version)
            index, found = next(((i, sec) for i, sec in enumerate(checklist.sections) if sec.key == letter),
                                (len(checklist.sections), None))
            title, position = (found.title if found else letter), (1, key, index)
        counts[(position, title)] += count
    merged: dict[str | None, int] = {}
    for (_, title), count in sorted(counts.items(), key=lambda pair: pair[0][0]):
        merged[title] = merged.get(title, 0) + count
    return list(merged.items())


def _level(kind: str) -> str:
    return "district" if kind == UnitKind.DISTRICT_DESK.value else "commune"


def period_figures(period: Period, *, today: date, scope: frozenset[int] | None = None) -> PeriodFigures:
    """The period report's figures for the units in ``scope``."""
    figures = PeriodFigures(period)
    rows = desks(period, today=today, scope=scope)
    figures.desk_rows = rows
    for level in ("district", "commune"):
        at_level = [r for r in rows if _level(r.unit.kind) == level]
        figures.desks_total[level] = len(at_level)
        figures.desks_inspected[level] = sum(1 for r in at_level if r.latest)
    verdicts: dict[str, int] = defaultdict(int)  # the final verdict where concluded
    for row in rows:
        if row.latest:
            verdicts[row.latest["verdict"]] += 1
    figures.verdicts = dict(verdicts)
    by_level: dict[str, list[DossierTotals]] = {"district": [], "commune": []}
    read = unit_field_totals(period, scope)
    for totals in dossier_totals(period, BY_KIND, scope, read):
        by_level[_level(totals.key)].append(totals)
    figures.dossiers = {level: DossierTotals.add(level, parts) for level, parts in by_level.items()}
    figures.late_by_field = [row for row in on_time_by_field(period, scope, read) if row.late]
    figures.by_unit = on_time_by_unit(period, scope, read)
    figures.findings_by_section = findings_by_section(period, scope)
    owing = [s.value for s in OPEN_STATES]
    by_state = db.session.execute(within(
        select(RemediationItem.state, func.count(),
               func.sum(case((and_(RemediationItem.state.in_(owing), RemediationItem.deadline < today), 1), else_=0)))
        .join(Inspection, Inspection.id == RemediationItem.inspection_id)
        .where(Inspection.inspection_date.between(period.start, period.end)), RemediationItem.unit_id, scope)
        .group_by(RemediationItem.state)).all()
    figures.remediation = {state: count for state, count, _ in by_state}
    figures.remediation["overdue"] = sum(int(overdue or 0) for _, _, overdue in by_state)
    figures.repeat_heads = [h for h in heads(period, today=today, scope=scope) if h.repeats]
    figures.contradictions = [r for r in figures.by_unit if r.contradicts]
    return figures
