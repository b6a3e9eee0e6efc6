"""The heads of units table (Directive 26 holds the head accountable): what counts against a head, and the
figures per head read from the rows kept per head and quarter (:mod:`.head_totals`) or, for a span that is not
whole quarters, counted from the findings."""

from __future__ import annotations

from datetime import date
from functools import cache

from sqlalchemy import Date, bindparam, case, distinct, func, literal_column, or_, select

from audit.db import on_connection, unconfined, within
from audit.domain.findings import FindingStatus
from audit.domain.inspections import State as InspectionState
from audit.domain.remediation import OPEN_STATES
from audit.domain.review import HeadStats, Period, attention_order
from audit.models import Conclusion, Finding, HeadQuarterTotal, HeadTenure, Inspection, RemediationItem, Unit

from .standing import CURRENT_CONCLUSION, FINAL_VERDICT, NOT_REAL_CODES

#: a head's figure where nothing is counted (written into the statement, not a parameter)
NOTHING_COUNTED = literal_column("0")
#: how many of a group of findings are repeats
REPEATS = func.sum(case((Finding.repeat.is_(True), 1), else_=0))


def heads(period: Period | None, *, today: date, scope: frozenset[int] | None = None) -> list[HeadStats]:
    """Per head of unit in ``scope``: findings during their tenure, repeats, formal verdicts and overdue
    items; the heads with none of these are left out. One statement: the figures and the overdue items per head
    joined to the heads (the columns shown, not whole rows), each row a :class:`HeadStats` as it comes."""
    span = span_of(period)
    query = _kept_statement(span) if unconfined(scope) else _statement(span, scope)
    params = {"today": today} | dates_of(period)
    # the columns alone, without the ORM, fetched at once: a province's heads table reads some hundreds of rows a
    # request (row by row cost 0.3 ms more on SQLite and 0.8 ms more on PostgreSQL, of 7–8 ms)
    return attention_order(list(map(HeadStats._make, on_connection(query, params).all())))


def span_of(period: Period | None) -> str:
    """How the heads' figures are read for ``period``: ``all`` time or whole ``quarters`` from the kept quarter
    rows, any other span of ``days`` from the findings."""
    return "all" if period is None else "quarters" if period.whole_quarters else "days"


def dates_of(period: Period | None) -> dict[str, date]:
    """The statement's date parameters for ``period``."""
    return {} if period is None else {"start": period.start, "end": period.end}


@cache
def _kept_statement(span: str):
    """:func:`_statement` for the unconfined, built once a span (composing it cost a tenth of the page)."""
    return _statement(span, None)


def _statement(span: str, scope: frozenset[int] | None):
    """The heads table's statement for a span (``all``, whole ``quarters`` or ``days``) within ``scope``, with the
    dates and today as parameters."""
    figures = _head_figures(span, scope).subquery("figures")
    owing = [s.value for s in OPEN_STATES]
    overdue = within(
        select(RemediationItem.head_tenure_id, func.count().label("overdue"))
        .where(RemediationItem.state.in_(owing), RemediationItem.deadline < bindparam("today"),
               RemediationItem.head_tenure_id.is_not(None)), RemediationItem.unit_id, scope) \
        .group_by(RemediationItem.head_tenure_id).subquery("overdue")
    query = (select(HeadTenure.id, HeadTenure.person_name, HeadTenure.title, Unit.name, HeadTenure.start_date,
                    HeadTenure.end_date, *(func.coalesce(figure, NOTHING_COUNTED) for figure in (
                        figures.c.findings, figures.c.repeats, overdue.c.overdue, figures.c.formal)))
             .join(Unit, Unit.id == HeadTenure.unit_id)
             .outerjoin(figures, figures.c.head_tenure_id == HeadTenure.id)
             .outerjoin(overdue, overdue.c.head_tenure_id == HeadTenure.id)
             .where(or_(figures.c.head_tenure_id.is_not(None), overdue.c.head_tenure_id.is_not(None))))
    return within(query, HeadTenure.unit_id, scope)


def _head_figures(span: str, scope: frozenset[int] | None):
    """Per head: findings, repeats, formal inspections. For all time or whole quarters (every period the pages
    offer) the sum of the kept quarter rows (``head_totals``); for any other span, counted from the findings."""
    start, end = bindparam("start", type_=Date), bindparam("end", type_=Date)
    if span != "days":
        t = HeadQuarterTotal
        query = select(t.head_tenure_id, func.sum(t.findings).label("findings"), func.sum(t.repeats).label("repeats"),
                       func.sum(t.formal).label("formal")).group_by(t.head_tenure_id)
        if span == "quarters":
            query = query.where(t.quarter.between(start, end))
        return within(query, t.unit_id, scope)
    query = (counted_against_heads(
        Finding.head_tenure_id, func.count().label("findings"), REPEATS.label("repeats"),
        func.count(distinct(case((FINAL_VERDICT.in_(NOT_REAL_CODES), Inspection.id)))).label("formal"))
             .where(Inspection.inspection_date.between(start, end))
             .group_by(Finding.head_tenure_id))
    return within(query, Inspection.unit_id, scope)


def counted_against_heads(*columns):
    """``columns`` over what counts against a head of unit: the findings in force (not withdrawn) that name a head,
    of finalised inspections, each with its inspection and the verdict that stands (``FINAL_VERDICT``). The one
    statement of the rule for the heads table's figures, whether counted here or kept per quarter
    (:mod:`.head_totals`)."""
    return (select(*columns)
            .select_from(Finding)
            .join(Inspection, Inspection.id == Finding.inspection_id)
            .outerjoin(Conclusion, CURRENT_CONCLUSION)
            .where(Inspection.state == InspectionState.FINALISED, Finding.status == FindingStatus.DRAFT,
                   Finding.head_tenure_id.is_not(None)))
