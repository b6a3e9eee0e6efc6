"""Migrations create the schema on SQLite and PostgreSQL, with one head and no drift from the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import upgrade
from sqlalchemy import inspect

from audit.config import PROJECT_ROOT
from audit.db import db
from tests.conftest import make_app


def test_single_head():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(PROJECT_ROOT / "audit" / "migrations"))
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1


def test_upgrade_head_matches_models(database_url, tmp_path):
    app = make_app(database_url, tmp_path / "instance")
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True})
            assert compare_metadata(context, db.metadata) == []
            tables = set(inspect(conn).get_table_names())
        assert {"units", "head_tenures", "unit_successions", "users", "audit_log", "login_attempts",
                "alembic_version"} <= tables
        if database_url.startswith("sqlite"):
            with db.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        db.session.remove()
        db.engine.dispose()
