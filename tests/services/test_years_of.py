"""The year filter of a list offers exactly the years that have a row: none without one, none missing, whether a
year's only row lies on its 1 January, late in a year followed by one early in the next, or after a year with
none; on SQLite and PostgreSQL."""

from datetime import date

from sqlalchemy import func, select, update

from audit.db import db, in_scope
from audit.models import Inspection
from audit.services import head_totals
from audit.services.listing_sql import years_of


def _offered(scope) -> list[int]:
    return years_of(Inspection.inspection_date, in_scope(Inspection.unit_id, scope))


def _years_by_reading_every_row(scope) -> list[int]:
    dates = db.session.scalars(select(Inspection.inspection_date).where(in_scope(Inspection.unit_id, scope)))
    return sorted({d.year for d in dates}, reverse=True)


def _dated(condition, day: date) -> None:
    db.session.execute(update(Inspection).where(condition).values(inspection_date=day))


def test_the_years_offered_are_those_with_an_inspection_and_only_those(app, demo):
    twice = db.session.scalar(select(Inspection.unit_id).group_by(Inspection.unit_id)
                              .having(func.count() >= 2).order_by(Inspection.unit_id))
    assert twice is not None, "the demo has a unit inspected twice"
    early, late = db.session.scalars(select(Inspection.id).where(Inspection.unit_id == twice)
                                     .order_by(Inspection.id).limit(2)).all()
    others = db.session.scalars(select(Inspection.unit_id).where(Inspection.unit_id != twice)
                                .group_by(Inspection.unit_id).order_by(Inspection.unit_id)).all()
    assert len(others) >= 4
    a, b, c, d = others[:4]
    # every inspection in March 2019. Unit b's only on 1 January 2020 (found only by a probe from that very day);
    # unit c's late in 2022 and unit d's early in 2023 (a probe a year on from the date, not from 1 January,
    # would jump over it); the twice-inspected unit on 31 December 2024 and 1 January 2025. 2021 has none.
    _dated(Inspection.id.is_not(None), date(2019, 3, 1))
    _dated(Inspection.unit_id == b, date(2020, 1, 1))
    _dated(Inspection.unit_id == c, date(2022, 11, 30))
    _dated(Inspection.unit_id == d, date(2023, 2, 1))
    _dated(Inspection.id == early, date(2024, 12, 31))
    _dated(Inspection.id == late, date(2025, 1, 1))
    head_totals.rebuild()  # the dates moved behind the services' back: the heads' kept figures follow them
    db.session.commit()

    assert _offered(None) == [2025, 2024, 2023, 2022, 2020, 2019]
    assert _offered(frozenset({a})) == [2019]
    assert _offered(frozenset({b})) == [2020]
    assert _offered(frozenset({c, d})) == [2023, 2022]
    assert _offered(frozenset({twice})) == [2025, 2024]
    assert _offered(frozenset({a, b})) == [2020, 2019]
    for scope in (None, frozenset({a}), frozenset({b, c}), frozenset({d, twice}), frozenset(others)):
        assert _offered(scope) == _years_by_reading_every_row(scope), scope
    assert _offered(frozenset()) == []  # nothing in reach: no year at all


def test_no_inspection_at_all_offers_no_year(app):
    assert db.session.scalar(select(Inspection.id).limit(1)) is None
    assert _offered(None) == []
