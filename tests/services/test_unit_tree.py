"""The unit tree a process keeps between requests (``audit.services.units.unit_tree``) is the tree in the
database: every change of it, by the app or by any other writer, is seen by the next read; a change that rolled
back is not; anything else about a unit changes nothing and costs no second read of the tree."""

from datetime import UTC, datetime

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, delete, event, insert, select, text, update

from audit.db import db
from audit.domain.policy import Role
from audit.domain.units import UnitKind
from audit.models import Authority, Unit, UnitSuccession
from audit.models.units import TREE_STAMP_DDL, unit_tree_stamp
from audit.services import authorities as authority_service
from audit.services import units as unit_service
from audit.services.users import create_user
from tests.conftest import make_app, statements_sent

NOW = datetime(2026, 3, 2, 8, tzinfo=UTC)


def _token() -> str:
    return db.session.execute(select(unit_tree_stamp.c.token)).scalar_one()


def _province():
    """A province, two communes, a desk in the first; the province's authority reads history."""
    province = Unit(code="DN", name="UBND thành phố Đà Nẵng", kind=UnitKind.PROVINCE)
    communes = [Unit(code=f"DN-X{i}", name=f"UBND xã Thử {i}", kind=UnitKind.COMMUNE, parent=province)
                for i in (1, 2)]
    desk = Unit(code="DN-X1-MC", name="Bộ phận Một cửa xã Thử 1", kind=UnitKind.COMMUNE_DESK, parent=communes[0])
    authority = Authority(code="DN", name="Ủy ban nhân dân thành phố Đà Nẵng", unit=province,
                          issuing_body="ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG", place="Đà Nẵng", reads_predecessors=True)
    db.session.add_all([province, *communes, desk, authority])
    db.session.flush()
    commune_user = create_user(username="donvi-x1", full_name="Nguyễn Văn A", role=Role.UNIT_USER,
                               unit=communes[0], password="Thu-nghiem@2026", actor=None, now=NOW)
    db.session.commit()
    return province, communes, desk, authority, commune_user


def _other_writer():
    """A second connection to the same database, as another process (or a person with a SQL console) would
    write: nothing of this app's session or ORM."""
    return create_engine(db.engine.url)


def test_every_change_of_the_tree_draws_a_new_token_and_nothing_else_does(app):
    province, communes, desk, authority, _ = _province()
    seen = {_token()}

    def changed() -> bool:
        db.session.flush()
        token = _token()
        new = token not in seen
        seen.add(token)
        return new

    # what changes the tree, through the ORM and as plain SQL
    db.session.add(Unit(code="DN-X3", name="UBND xã Thử 3", kind=UnitKind.COMMUNE, parent=province))
    assert changed()
    desk.parent = communes[1]
    assert changed()
    db.session.execute(update(Unit).where(Unit.code == "DN-X3").values(parent_id=communes[0].id))
    assert changed()
    db.session.execute(insert(UnitSuccession).values(successor_id=communes[1].id, predecessor_id=communes[0].id))
    assert changed()
    db.session.execute(update(UnitSuccession).values(predecessor_id=province.id))
    assert changed()
    db.session.execute(delete(UnitSuccession))
    assert changed()
    db.session.execute(delete(Unit).where(Unit.code == "DN-X3"))
    assert changed()
    # what does not: a unit's name, kind or dates, a head, an authority
    db.session.execute(update(Unit).where(Unit.id == desk.id).values(name="Trung tâm PVHCC xã Thử 2",
                                                                      kind=UnitKind.COMMUNE_CENTRE))
    assert not changed()
    authority.name = "Ủy ban nhân dân thành phố Đà Nẵng (mới)"
    assert not changed()
    db.session.commit()


def test_a_kept_tree_costs_one_small_statement_and_any_change_is_read_at_once(app):
    province, communes, desk, authority, commune_user = _province()
    assert unit_service.scope_of(commune_user) == {communes[0].id, desk.id}
    db.session.commit()

    kept = unit_service.unit_tree()
    with statements_sent(db.engine) as sent:  # unchanged: the token, and not the tree
        assert unit_service.unit_tree() is kept
    assert len(sent) == 1 and "unit_tree_stamp" in sent[0][0]
    assert unit_service.scope_of(commune_user) == {communes[0].id, desk.id}
    db.session.commit()

    # another writer moves the desk to the second commune and adds a unit under the first
    other = _other_writer()
    with other.begin() as conn:
        conn.execute(update(Unit).where(Unit.id == desk.id).values(parent_id=communes[1].id))
        conn.execute(insert(Unit).values(code="DN-X1-TT", name="Trung tâm xã Thử 1", kind="commune_centre",
                                         parent_id=communes[0].id, created_at=NOW))
    other.dispose()
    added = db.session.scalar(select(Unit.id).where(Unit.code == "DN-X1-TT"))
    assert unit_service.scope_of(commune_user) == {communes[0].id, added}
    assert desk.id in authority_service.readable_units(authority)
    db.session.commit()

    # a succession: the province's authority reads the predecessor's units from then on
    db.session.add(Unit(code="QN", name="UBND tỉnh Quảng Nam", kind=UnitKind.PROVINCE))
    db.session.commit()
    old = db.session.scalar(select(Unit.id).where(Unit.code == "QN"))
    assert old not in authority_service.readable_units(authority)
    db.session.commit()
    db.session.execute(insert(UnitSuccession).values(successor_id=province.id, predecessor_id=old))
    assert old in authority_service.readable_units(authority)  # this transaction's own change, before commit
    db.session.commit()
    assert old in authority_service.readable_units(authority)


def test_a_scope_is_worked_out_once_a_tree_and_follows_the_user_and_the_authority_at_once(app):
    """A scope is kept with the tree it was worked out from (a chairman's walks a province on every page), under
    everything else it depends on: a user moved to another unit, an authority moved or no longer reading history
    (none of them a change of the tree) get their new scope on the next read."""
    province, communes, desk, authority, commune_user = _province()
    first = unit_service.scope_of(commune_user)
    db.session.commit()
    assert unit_service.scope_of(commune_user) is first == {communes[0].id, desk.id}
    db.session.commit()

    commune_user.unit = communes[1]
    db.session.commit()
    assert unit_service.scope_of(commune_user) == {communes[1].id}
    db.session.commit()

    old = Unit(code="QN", name="UBND tỉnh Quảng Nam", kind=UnitKind.PROVINCE)
    db.session.add(old)
    db.session.flush()
    db.session.execute(insert(UnitSuccession).values(successor_id=province.id, predecessor_id=old.id))
    db.session.commit()
    everything = {province.id, *(c.id for c in communes), desk.id, old.id}
    assert authority_service.readable_units(authority) == everything
    db.session.commit()
    assert authority_service.readable_units(authority) is authority_service.readable_units(authority)
    db.session.commit()

    authority.reads_predecessors = False
    db.session.commit()
    assert authority_service.readable_units(authority) == everything - {old.id}
    assert authority_service.jurisdiction_units(authority) == everything - {old.id}
    db.session.commit()
    assert authority.unit_id == province.id  # loaded: the id below stays the old one until the session flushes
    authority.unit = communes[0]  # read before this transaction commits (or flushes) its change: the change
    assert authority_service.readable_units(authority) == {communes[0].id, desk.id}
    assert authority_service.jurisdiction_units(authority) == {communes[0].id, desk.id}
    db.session.commit()
    authority.reads_predecessors = True
    db.session.commit()
    assert authority_service.jurisdiction_units(authority) == {communes[0].id, desk.id}
    assert authority_service.readable_units(authority) == {communes[0].id, desk.id}  # nothing precedes it


def test_a_change_that_rolled_back_leaves_the_tree_as_it_was(app):
    province, communes, desk, _, commune_user = _province()
    before = unit_service.scope_of(commune_user)
    db.session.commit()
    desk.parent = communes[1]
    db.session.add(Unit(code="DN-X1-TT", name="Trung tâm xã Thử 1", kind=UnitKind.COMMUNE_CENTRE,
                        parent=communes[0]))
    during = unit_service.scope_of(commune_user)  # read inside the transaction: its own changes
    assert desk.id not in during and len(during) == 2
    db.session.rollback()
    assert unit_service.scope_of(commune_user) == before == {communes[0].id, desk.id}


def test_a_tree_read_while_another_writer_changed_it_is_never_kept_under_the_token_before(app):
    """The change commits between the token's read and the tree's (on PostgreSQL each statement sees the latest
    commit): whatever tree is kept must be the tree of the token it is kept under."""
    province, communes, desk, _, _ = _province()
    db.session.add(Unit(code="DN-X3", name="UBND xã Thử 3", kind=UnitKind.COMMUNE, parent=province))
    db.session.commit()  # a new token: the next read is not served from what is kept
    before = _token()
    db.session.commit()
    other = _other_writer()
    moved = []

    def move_the_desk(conn, cursor, statement, parameters, context, executemany):
        if not moved and statement.lstrip().startswith("SELECT units.id, units.parent_id"):
            moved.append(True)
            with other.begin() as writer:
                writer.execute(update(Unit).where(Unit.id == desk.id).values(parent_id=communes[1].id))

    event.listen(db.engine, "before_cursor_execute", move_the_desk)
    try:
        tree = unit_service.unit_tree()
    finally:
        event.remove(db.engine, "before_cursor_execute", move_the_desk)
        other.dispose()
    assert moved
    kept = unit_service._kept_trees.get(db.engine)
    if kept is not None:
        assert kept[1].parent_of[desk.id] == (communes[0].id if kept[0] == before else communes[1].id)
    db.session.commit()
    assert unit_service.unit_tree().parent_of[desk.id] == communes[1].id  # a new transaction: the move is read
    assert tree.parent_of[desk.id] in (communes[0].id, communes[1].id)


def test_the_tree_handed_out_cannot_be_changed_by_its_reader(app):
    _province()
    tree = unit_service.unit_tree()
    with pytest.raises(TypeError):
        tree.parent_of[12345] = None  # type: ignore[index]


def test_a_migrated_database_redraws_the_token_and_a_downgrade_leaves_units_writable(database_url, tmp_path):
    app = make_app(database_url, tmp_path / "instance")
    with app.app_context():
        upgrade()
        with db.engine.begin() as conn:
            assert _triggers(conn) == _made_by_models(conn.dialect.name)  # the migration's, as create_all makes
            first = conn.execute(text("SELECT token FROM unit_tree_stamp")).scalar_one()
            conn.execute(text("INSERT INTO units (code, name, kind, created_at) VALUES ('X', 'UBND xã X', "
                              "'commune', '2026-03-02 08:00:00')"))
            assert conn.execute(text("SELECT token FROM unit_tree_stamp")).scalar_one() != first
        downgrade(revision="e2c7a3b9d058")
        with db.engine.begin() as conn:  # no trigger is left behind to write into a table that is gone
            assert _triggers(conn) == set()
            if conn.dialect.name == "postgresql":
                assert conn.execute(text("SELECT count(*) FROM pg_proc WHERE proname = 'unit_tree_touched' "
                                         "AND pronamespace = current_schema()::regnamespace")).scalar_one() == 0
            conn.execute(text("INSERT INTO units (code, name, kind, created_at) VALUES ('Y', 'UBND xã Y', "
                              "'commune', '2026-03-02 08:00:00')"))
            conn.execute(text("UPDATE units SET parent_id = (SELECT id FROM units WHERE code = 'X') "
                              "WHERE code = 'Y'"))
        upgrade()
        db.session.remove()
        db.engine.dispose()


def _triggers(conn) -> set[tuple]:
    """The triggers of this database (its current schema): on SQLite each one's statement as written, on
    PostgreSQL each one's name and table."""
    if conn.dialect.name == "sqlite":
        return set(conn.execute(text("SELECT sql FROM sqlite_master WHERE type = 'trigger'")).scalars())
    return set(map(tuple, conn.execute(text(
        "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace")).all()))


def _made_by_models(dialect: str) -> set[tuple]:
    """What :func:`_triggers` reads in a database made by ``create_all`` (``TREE_STAMP_DDL``)."""
    made = {statement for statement in TREE_STAMP_DDL[dialect] if statement.startswith("CREATE TRIGGER")}
    if dialect == "sqlite":
        return made
    return {(statement.split()[2], statement.split(" ON ")[1].split()[0]) for statement in made}


def test_create_all_makes_the_triggers_that_redraw_the_token(app):
    with db.engine.connect() as conn:
        assert _triggers(conn) == _made_by_models(conn.dialect.name)
        assert len(_triggers(conn)) == (6 if conn.dialect.name == "sqlite" else 2)
