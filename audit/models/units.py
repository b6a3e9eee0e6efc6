"""Units over time and their heads over time."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Column, Date, ForeignKey, Index, Integer, String, Table, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from audit.db import UTCDateTime, db, enum_of, utcnow
from audit.domain.people import Honorific, addressed
from audit.domain.tenures import Tenure
from audit.domain.units import ONE_STOP_KINDS, UnitKind, UnitRef, answers_for_itself

unit_successions = Table(
    "unit_successions",
    db.metadata,
    Column("successor_id", ForeignKey("units.id", ondelete="CASCADE"), primary_key=True),
    Column("predecessor_id", ForeignKey("units.id", ondelete="CASCADE"), primary_key=True),
)
UnitSuccession = unit_successions

#: One row whose token the database changes to a new random value whenever the unit tree changes (a unit added,
#: removed or moved, a succession added or removed), in the same transaction, by the triggers below: a process
#: keeps the tree it read under the token it read with it (``audit.services.units.unit_tree``). What bypasses
#: triggers (PostgreSQL's ``session_replication_role = replica``, triggers disabled by hand) bypasses the stamp,
#: and so does a migration that rebuilds ``units`` or ``unit_successions`` on SQLite (a batch copy drops their
#: triggers): it must make them again (``tests/migrations`` compares the triggers at head with these).
unit_tree_stamp = Table(
    "unit_tree_stamp",
    db.metadata,
    Column("id", Integer, primary_key=True),
    Column("token", String(40), nullable=False),
)

_SQLITE_NEW_TOKEN = "BEGIN UPDATE unit_tree_stamp SET token = lower(hex(randomblob(16))); END"

#: the statements that make the stamp's row and its triggers, on each database, once the tables exist
TREE_STAMP_DDL = {
    # one function run once per statement; it updates the stamp of the schema its trigger fired in (not whatever
    # the search path says)
    "postgresql": [
        "INSERT INTO unit_tree_stamp (id, token) VALUES (1, gen_random_uuid()::text)",
        "CREATE OR REPLACE FUNCTION unit_tree_touched() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "EXECUTE 'UPDATE ' || quote_ident(TG_TABLE_SCHEMA) || '.unit_tree_stamp SET token = gen_random_uuid()::text'; "
        "RETURN NULL; END $$",
        "CREATE TRIGGER unit_tree_touched AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF id, parent_id ON units "
        "FOR EACH STATEMENT EXECUTE FUNCTION unit_tree_touched()",
        "CREATE TRIGGER unit_tree_touched AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON unit_successions "
        "FOR EACH STATEMENT EXECUTE FUNCTION unit_tree_touched()",
    ],
    # a trigger per table and change, each row; a unit's update only when its id (rowid included) or parent moved
    "sqlite": [
        "INSERT INTO unit_tree_stamp (id, token) VALUES (1, lower(hex(randomblob(16))))",
        f"CREATE TRIGGER units_tree_insert AFTER INSERT ON units {_SQLITE_NEW_TOKEN}",
        f"CREATE TRIGGER units_tree_delete AFTER DELETE ON units {_SQLITE_NEW_TOKEN}",
        "CREATE TRIGGER units_tree_update AFTER UPDATE ON units "
        f"WHEN OLD.id IS NOT NEW.id OR OLD.parent_id IS NOT NEW.parent_id {_SQLITE_NEW_TOKEN}",
        f"CREATE TRIGGER unit_successions_tree_insert AFTER INSERT ON unit_successions {_SQLITE_NEW_TOKEN}",
        f"CREATE TRIGGER unit_successions_tree_delete AFTER DELETE ON unit_successions {_SQLITE_NEW_TOKEN}",
        f"CREATE TRIGGER unit_successions_tree_update AFTER UPDATE ON unit_successions {_SQLITE_NEW_TOKEN}",
    ],
}


@event.listens_for(db.metadata, "after_create")
def _stamp_created(metadata, connection, tables=(), **_) -> None:
    if unit_tree_stamp in tables:  # made now: give it its row and the triggers
        for statement in TREE_STAMP_DDL[connection.dialect.name]:
            connection.exec_driver_sql(statement)


@event.listens_for(db.metadata, "after_drop")
def _stamp_dropped(metadata, connection, tables=(), **_) -> None:
    if unit_tree_stamp in tables and connection.dialect.name == "postgresql":  # the triggers went with the tables
        connection.exec_driver_sql("DROP FUNCTION IF EXISTS unit_tree_touched()")


class Unit(db.Model):
    __tablename__ = "units"
    __table_args__ = (
        CheckConstraint("valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from", name="validity_ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[UnitKind] = mapped_column(enum_of(UnitKind, "kind_known", 20))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    parent: Mapped[Unit | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Unit]] = relationship(back_populates="parent", order_by="Unit.code")
    predecessors: Mapped[list[Unit]] = relationship(
        secondary=unit_successions,
        primaryjoin=lambda: Unit.id == unit_successions.c.successor_id,
        secondaryjoin=lambda: Unit.id == unit_successions.c.predecessor_id,
        back_populates="successors",
        order_by="Unit.code",
    )
    successors: Mapped[list[Unit]] = relationship(
        secondary=unit_successions,
        primaryjoin=lambda: Unit.id == unit_successions.c.predecessor_id,
        secondaryjoin=lambda: Unit.id == unit_successions.c.successor_id,
        back_populates="predecessors",
        order_by="Unit.code",
    )
    tenures: Mapped[list[HeadTenure]] = relationship(
        back_populates="unit", order_by="HeadTenure.start_date.desc()", cascade="all, delete-orphan"
    )

    @property
    def unit_kind(self) -> UnitKind:
        return UnitKind(self.kind)

    @property
    def is_one_stop_desk(self) -> bool:
        return self.unit_kind in ONE_STOP_KINDS

    @property
    def accountable_body(self) -> Unit:
        """The legal person that answers for this unit's findings: itself, or for a one-stop desk the
        People's Committee above it."""
        if not answers_for_itself(self.unit_kind) and self.parent is not None:
            return self.parent
        return self

    def active_on(self, day: date) -> bool:
        return self.ref().active_on(day)

    def ref(self) -> UnitRef:
        return UnitRef(
            code=self.code,
            kind=self.unit_kind,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            parent_code=self.parent.code if self.parent else None,
        )


class HeadTenure(db.Model):
    """Who headed a unit from ``start_date`` to ``end_date`` (inclusive; open while in office)."""

    __tablename__ = "head_tenures"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_ordered"),
        Index("ix_head_tenures_unit_start", "unit_id", "start_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    person_name: Mapped[str] = mapped_column(String(200))
    honorific: Mapped[Honorific | None] = mapped_column(enum_of(Honorific, "honorific_known", 10))
    title: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    unit: Mapped[Unit] = relationship(back_populates="tenures")

    def covers(self, day: date) -> bool:
        return self.to_domain().covers(day)

    @property
    def addressed_name(self) -> str:
        return addressed(self.honorific, self.person_name)

    def to_domain(self) -> Tenure:
        return Tenure(self.person_name, self.title, self.start_date, self.end_date, self.id)
