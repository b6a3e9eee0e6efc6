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


def test_the_assessment_migration_keeps_and_renames_existing_data(database_url, tmp_path):
    """Data written by the previous release survives: old verdict codes get the new names, a finding's
    question-as-text columns become statement and requirement, conclusions confirmed the proposal."""
    from flask_migrate import downgrade
    from sqlalchemy import text

    app = make_app(database_url, tmp_path / "instance")
    with app.app_context():
        upgrade(revision="5582aac819ce")
        now = "2019-03-05 10:00:00"
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO units (id, code, name, kind, created_at) VALUES "
                              "(1, 'X', 'UBND xã X', 'commune', :now)"), {"now": now})
            conn.execute(text("INSERT INTO users (id, username, full_name, role, password_hash, active, "
                              "must_change_password, session_version, created_at) VALUES "
                              "(1, 'ct', 'Chủ tịch', 'chairman', 'x', true, false, 1, :now)"), {"now": now})
            for iid, verdict in ((1, "partial"), (2, "incomplete"), (3, "formal")):
                conn.execute(text(
                    "INSERT INTO inspections (id, unit_id, inspection_date, announced, decision_number, decision_date, "
                    "checklist_key, checklist_version, checklist_sha256, legal_regime, state, created_at, verdict, "
                    "formality_index, submitted_at, finalised_at) VALUES (:id, 1, '2019-03-05', false, '1', "
                    "'2019-03-01', 'one-stop-desk', 1, :sha, 'nd61_2018', 'finalised', :now, :verdict, 12.5, :now, "
                    ":now)"), {"id": iid, "sha": "a" * 64, "now": now, "verdict": verdict})
            conn.execute(text(
                "INSERT INTO findings (id, inspection_id, item_id, source, unit_id, requirement, observation, severity, "
                "formality_signal, repeat, legal_basis, remedy, deadline, status, edited, created_at) VALUES "
                "(1, 1, 'A04', 'derived', 1, 'Câu hỏi A04?', '', 'low', false, false, '', 'Khắc phục A04', "
                "'2019-04-19', 'draft', false, :now)"), {"now": now})
            conn.execute(text(
                "INSERT INTO conclusions (id, inspection_id, number, directives, responsibility_review, sha256, "
                "issued_by_id, issued_at) VALUES (1, 1, '01/TB-UBND', 'x', false, :sha, 1, :now)"),
                {"sha": "b" * 64, "now": now})
        upgrade()
        with db.engine.connect() as conn:
            verdicts = dict(conn.execute(text("SELECT id, verdict FROM inspections")).all())
            finding = conn.execute(text("SELECT statement, requirement FROM findings")).one()
            conclusion = conn.execute(text("SELECT proposed_verdict, final_verdict, verdict_reason FROM conclusions")).one()
        assert verdicts == {1: "partly_substantive", 2: "insufficient_evidence", 3: "formal"}
        assert tuple(finding) == ("Câu hỏi A04?", "Khắc phục A04")
        assert tuple(conclusion) == ("partly_substantive", "partly_substantive", None)
        downgrade(revision="5582aac819ce")
        with db.engine.connect() as conn:
            assert dict(conn.execute(text("SELECT id, verdict FROM inspections")).all())[1] == "partial"
            assert conn.execute(text("SELECT requirement, remedy FROM findings")).one()[1] == "Khắc phục A04"
        db.session.remove()
        db.engine.dispose()


def test_the_statistics_migration_keeps_first_release_rows_and_goes_back(database_url, tmp_path):
    """Rows of the first release (received = on time + late) become rows of the form with nothing carried over
    or pending; going back keeps what the first release can hold and drops what it cannot, without failing."""
    from flask_migrate import downgrade
    from sqlalchemy import text

    app = make_app(database_url, tmp_path / "instance")
    with app.app_context():
        upgrade(revision="e5c1f7a3b924")
        now = "2020-01-10 02:00:00"
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO units (id, code, name, kind, created_at) VALUES "
                              "(1, 'X-MC', 'Bộ phận Một cửa xã X', 'commune_desk', :now)"), {"now": now})
            conn.execute(text("INSERT INTO dossier_statistics (id, unit_id, field, period_start, period_end, received, "
                              "on_time, late, procedures, imported_at) VALUES (1, 1, 'dat_dai', '2019-01-01', "
                              "'2019-12-31', 420, 389, 31, 96, :now)"), {"now": now})
        upgrade()
        with db.engine.begin() as conn:
            row = conn.execute(text("SELECT carried_over, received, early, on_time, late, pending "
                                    "FROM dossier_statistics")).one()
            assert tuple(row) == (0, 420, 0, 389, 31, 0)
            # the form's figures the first release cannot hold: carried over and still being handled
            conn.execute(text("INSERT INTO dossier_statistics (id, unit_id, field, period_start, period_end, "
                              "carried_over, received, early, on_time, late, pending, imported_at) VALUES "
                              "(2, 1, 'ho_tich', '2020-01-01', '2020-12-31', 3, 7, 2, 8, 0, 0, :now), "
                              "(3, 1, 'xay_dung', '2020-01-01', '2020-12-31', 0, 10, 1, 6, 1, 2, :now)"), {"now": now})
        downgrade(revision="e5c1f7a3b924")
        with db.engine.connect() as conn:
            kept = conn.execute(text("SELECT id, received, on_time, late FROM dossier_statistics ORDER BY id")).all()
        assert [tuple(r) for r in kept] == [(1, 420, 389, 31)]
        db.session.remove()
        db.engine.dispose()


def test_every_enum_column_is_checked_by_the_database_under_the_name_the_models_give(database_url, tmp_path):
    """The typed enum columns (audit.db.enum_of) and the migrated schema agree: each column's CHECK constraint
    exists with the model's name, and the database itself refuses a value outside the enum."""
    import pytest
    from sqlalchemy import Enum as SQLEnum
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    app = make_app(database_url, tmp_path / "instance")
    with app.app_context():
        upgrade()
        enum_columns = [(table.name, column.name, column.type) for table in db.metadata.sorted_tables
                        for column in table.columns if isinstance(column.type, SQLEnum)]
        assert {(t, c) for t, c, _ in enum_columns} >= {
            ("inspections", "state"), ("inspections", "verdict"), ("findings", "severity"), ("findings", "status"),
            ("findings", "source"), ("remediation_items", "state"), ("units", "kind"), ("users", "role"),
            ("head_tenures", "honorific"), ("users", "honorific"), ("outgoing_documents", "kind"),
            ("statistics_imports", "state")}
        with db.engine.connect() as conn:
            found = inspect(conn)
            for table, column, kind in enum_columns:
                names = {c["name"] for c in found.get_check_constraints(table)}
                assert f"ck_{table}_{kind.name}" in names, (table, column, names)
        with db.engine.connect() as conn:
            insert = "INSERT INTO units (code, name, kind, created_at) VALUES ('X', 'X', '{}', CURRENT_TIMESTAMP)"
            conn.execute(text(insert.format("commune")))  # a kind the enum has: stored
            with pytest.raises(IntegrityError) as refused:
                conn.execute(text(insert.replace("'X'", "'Y'").format("kingdom")))
            assert "kind_known" in str(refused.value)
            conn.rollback()
        db.session.remove()
        db.engine.dispose()


def test_the_head_totals_migration_fills_the_rows_the_services_keep(database_url, tmp_path):
    """On a database with inspections already finalised and concluded (the demo, seeded through the services),
    dropping the kept totals and upgrading again fills them with what the findings give."""
    from flask_migrate import downgrade

    from audit import demo as demo_module
    from audit.services import head_totals

    app = make_app(database_url, tmp_path / "instance")
    with app.app_context():
        upgrade()
        demo_module.seed()
        db.session.commit()
        kept = head_totals.stored()
        assert kept and kept == head_totals.computed()
        db.session.remove()  # its transaction would hold the table the downgrade drops (PostgreSQL waits for it)
        downgrade(revision="b8f4d0e6a257")
        upgrade()
        assert head_totals.stored() == kept
        db.session.remove()
        db.engine.dispose()
