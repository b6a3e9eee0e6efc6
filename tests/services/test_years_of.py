"""The year filter of a list offers exactly the years that have a row: none without one, none missing, each year
found on either side of a new year's day, on SQLite and PostgreSQL."""

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


def test_the_years_offered_are_those_with_an_inspection_and_only_those(app, demo):
    units = db.session.scalars(select(Inspection.unit_id).group_by(Inspection.unit_id).order_by(Inspection.unit_id)
                               ).all()
    assert len(units) >= 5
    a, b, c, d = units[:4]
    # every inspection on the last day of 2019; unit b's on the first day of 2021, unit c's in mid-2024, so that
    # 2020, 2022 and 2023 have none; unit d keeps its own in 2019 and
    # is given the fifth unit's, in 2021
    db.session.execute(update(Inspection).values(inspection_date=date(2019, 12, 31)))
    db.session.execute(update(Inspection).where(Inspection.unit_id == b).values(inspection_date=date(2021, 1, 1)))
    db.session.execute(update(Inspection).where(Inspection.unit_id == c).values(inspection_date=date(2024, 7, 1)))
    moved = db.session.scalar(select(func.max(Inspection.id)).where(Inspection.unit_id == units[4]))
    db.session.execute(update(Inspection).where(Inspection.id == moved).values(unit_id=d, inspection_date=date(2021, 1, 1)))
    head_totals.rebuild()  # the rows moved behind the services' back: the heads' kept figures follow them
    db.session.commit()

    assert _offered(None) == [2024, 2021, 2019]
    assert _offered(frozenset({a})) == [2019]
    assert _offered(frozenset({b})) == [2021]
    assert _offered(frozenset({c})) == [2024]
    assert _offered(frozenset({d})) == [2021, 2019]
    assert _offered(frozenset({a, c})) == [2024, 2019]
    for scope in (None, frozenset({a}), frozenset({b, c}), frozenset({d}), frozenset(units)):
        assert _offered(scope) == _years_by_reading_every_row(scope), scope
    assert _offered(frozenset()) == []  # nothing in reach: no year at all


def test_no_inspection_at_all_offers_no_year(app):
    assert db.session.scalar(select(Inspection.id).limit(1)) is None
    assert _offered(None) == []
