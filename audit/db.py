"""The one database handle (Flask-SQLAlchemy over SQLAlchemy 2.x typed models).

SQLite connections get WAL, foreign keys and a busy timeout; datetimes are stored as
UTC and always come back timezone-aware.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from functools import cache, lru_cache

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import DateTime, MetaData, event
from sqlalchemy import Enum as SQLEnum
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from audit.domain.units import EveryUnit

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)


def enum_of(enum: type, constraint: str, length: int) -> SQLEnum:
    """The column type of a value from one of the domain's enums: stored as its text (VARCHAR(``length``), the
    same on SQLite and PostgreSQL), checked by the database against the enum's values (the CHECK constraint
    ``ck_<table>_<constraint>``), read back as the enum's member. A string that is not one of the values may
    still be compared in a query (it matches nothing); storing it is refused by the constraint."""
    return SQLEnum(enum, native_enum=False, create_constraint=True, length=length, name=constraint,
                   values_callable=lambda members: [m.value for m in members], validate_strings=False)


class UTCDateTime(TypeDecorator):
    """A timestamp stored as naive UTC and returned as an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; pass an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()


def on_connection(statement, parameters: dict | None = None):
    """``statement`` run as Core on the session's connection, after flushing what this transaction changed
    through the session (a Core statement does not flush it): column rows without the ORM's handling of results,
    which costs more than a small statement itself."""
    db.session.flush()
    return db.session.connection().execute(statement, parameters)


def insert_or_ignore(model, values: dict, conflict_columns: list[str]) -> bool:
    """``INSERT … ON CONFLICT DO NOTHING`` on SQLite and PostgreSQL; whether the row was inserted.

    Two requests racing to create the same row (the first answer to an item, one operation id sent
    twice) then never raise: the loser learns it lost and reads the winner's row.
    """
    statement = _insert_or_ignore(db.session.get_bind().dialect.name, model.__table__, tuple(conflict_columns))
    # Core on the session's connection, not an ORM bulk insert: the ORM path reports no row count on
    # PostgreSQL, and RETURNING says plainly whether this statement made the row. The values are the
    # statement's parameters (its VALUES name the columns given).
    return db.session.connection().execute(statement, values).first() is not None


def dialect_insert(dialect: str):
    """The ``insert`` of ``dialect`` (PostgreSQL's or SQLite's, the two with ``on_conflict_do_*``), importing that
    dialect only: a process on SQLite never loads PostgreSQL's (a fiftieth of a second of a cold command)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


@cache
def _insert_or_ignore(dialect: str, table, conflict_columns: tuple[str, ...]):
    # built once per table (an autosave makes one or two of these; composing one cost more than running it)
    insert = dialect_insert(dialect)
    return (insert(table).on_conflict_do_nothing(index_elements=list(conflict_columns))
            .returning(table.c[conflict_columns[0]]))


def lock_row(obj) -> None:
    """Take ``obj``'s row lock now and read it afresh: the step that follows (issuing a document on it) sees what
    a concurrent request committed meanwhile instead of doing the same work twice.

    A no-op ``UPDATE … SET id = id`` locks the row on PostgreSQL and takes the write lock on SQLite, waiting for
    a writer in progress; pending changes are flushed first and nothing of ``obj`` is lost.
    """
    from sqlalchemy import update

    db.session.flush()
    model = type(obj)
    db.session.execute(update(model).where(model.id == obj.id).values(id=model.id)
                       .execution_options(synchronize_session=False))
    db.session.expire(obj)


def among(column, values):
    """``column IN values`` bound as one parameter however many values there are (a province's 500 units, the
    thousands of texts a search word matches): PostgreSQL compares with ``= ANY`` of an array of the column's
    type, SQLite reads a JSON array through ``json_each``. SQLAlchemy's own ``IN`` writes one placeholder (or one
    literal) per value on every execution, which cost a list page more than its query, and past some tens of
    thousands of parameters SQLite and psycopg refuse a statement."""
    from sqlalchemy import bindparam, func, literal_column, select

    if db.session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import ARRAY

        return column == func.any(bindparam(None, _sorted(values), type_=ARRAY(column.type)))
    return column.in_(select(literal_column("value")).select_from(func.json_each(bindparam(None, _as_json(values)))))


def in_scope(column, scope):
    """``column`` within ``scope``, a user's unit scope (``None``: not confined, every row; ``EveryUnit``: every
    unit there is, so no condition either)."""
    from sqlalchemy import true

    return true() if unconfined(scope) else among(column, scope)


def within(query, column, scope):
    """``query`` limited to rows whose ``column`` lies in ``scope`` (:func:`in_scope`); unconfined (``None``, or a
    scope holding every unit): the query as it is, without a condition that is always true."""
    return query if unconfined(scope) else query.where(among(column, scope))


def unconfined(scope) -> bool:
    """Whether ``scope`` lets every row through: the administrator's (``None``) or one holding every unit."""
    return scope is None or isinstance(scope, EveryUnit)


def _sorted(values) -> list:
    """``values`` in order; a scope (a frozenset, which several statements of one page filter by) sorted once."""
    return list(_sorted_scope(values)) if isinstance(values, frozenset) else sorted(values)


def _as_json(values) -> str:
    if isinstance(values, frozenset):
        return _scope_json(values)
    import json

    return json.dumps(sorted(values))


@lru_cache(maxsize=64)
def _sorted_scope(values: frozenset) -> tuple:
    return tuple(sorted(values))


@lru_cache(maxsize=64)
def _scope_json(values: frozenset) -> str:
    import json

    return json.dumps(_sorted_scope(values))


def gather_statistics(engine: Engine) -> None:
    """What autovacuum does after a bulk load or a restore, done now rather than whenever it comes round (a server
    may run without it, as the one the benchmarks ran on does): the planner's statistics of every table, which a
    load leaves none of (planned blind, a province's dashboard took a bitmap scan of every inspection per desk, two
    and a half times as long), and the tables' visibility maps, without which an index-only scan still reads
    the table. PostgreSQL only: SQLite plans without statistics unless it is asked to keep them."""
    if engine.dialect.name != "postgresql":
        return
    from sqlalchemy import text

    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM (ANALYZE)"))
