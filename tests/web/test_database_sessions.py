"""How the app's database sessions are set up (issue 18): on PostgreSQL every statement is planned for its own
parameters, and the options a URL already carries are kept."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, text

from audit.db import db
from audit.domain.units import EveryUnit, subtree
from tests.conftest import make_app, statements_sent


def test_a_postgresql_session_plans_each_statement_for_its_parameters_and_keeps_the_urls_options(database_url, tmp_path):
    app = make_app(database_url, tmp_path / "instance")
    with app.app_context():
        if not database_url.startswith("postgresql"):  # sqlite3.connect takes no such option
            assert "connect_args" not in app.config["SQLALCHEMY_ENGINE_OPTIONS"]
            assert db.session.execute(text("SELECT 1")).scalar() == 1
            return
        assert db.session.execute(text("SHOW plan_cache_mode")).scalar() == "force_custom_plan"
        # the test database's own schema, given in the URL (?options=-csearch_path=…), is still the one used
        assert database_url.split("search_path%3D")[1] in db.session.execute(text("SHOW search_path")).scalar()
        db.session.remove()
        db.engine.dispose()


def test_a_list_of_units_stays_one_parameter_and_the_heads_table_one_statement(demo, database_url, tmp_path):
    """A chairman's scope (every unit of the province) reaches the database as one bound parameter, however many
    units, and the heads table is read in one statement; run a dozen times, past the point where psycopg prepares
    a statement, it gives the same rows."""
    from audit.models import Unit
    from audit.services import heads as heads_service

    app = make_app(database_url, tmp_path / "instance")
    with app.app_context():
        scope = frozenset(db.session.scalars(text("SELECT id FROM units")).all())
        assert len(scope) > 20
        with statements_sent(db.engine) as sent:
            first = heads_service.heads(None, today=date(2026, 11, 27), scope=scope)
        assert first and len(sent) == 1
        parameters = sent[0][1] if isinstance(sent[0][1], (tuple, list)) else list(sent[0][1].values())
        assert len(parameters) < 10, parameters  # the states, the day, the scope three times: never one per unit
        for _ in range(12):
            assert heads_service.heads(None, today=date(2026, 11, 27), scope=scope) == first
        # unconfined, the statement built once and kept: the same rows as every unit named
        assert heads_service.heads(None, today=date(2026, 11, 27), scope=None) == first
        assert heads_service.heads(None, today=date(2026, 11, 27), scope=EveryUnit(scope)) == first
        # a smaller scope (the first head's unit and the units below it) gives some of those heads, of that unit
        one = db.session.scalar(text("SELECT unit_id FROM head_tenures WHERE id = :id"), {"id": first[0].tenure_id})
        parent_of = dict(db.session.execute(text("SELECT id, parent_id FROM units")).all())
        narrowed = heads_service.heads(None, today=date(2026, 11, 27), scope=subtree(one, parent_of))
        assert first[0] in narrowed and set(narrowed) < set(first)
        assert {h.unit_name for h in narrowed} <= {u.name for u in db.session.scalars(
            select(Unit).where(Unit.id.in_(subtree(one, parent_of))))}
        db.session.remove()
        db.engine.dispose()

