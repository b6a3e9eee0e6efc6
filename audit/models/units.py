"""Units over time and their heads over time."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Column, Date, ForeignKey, Index, String, Table
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
