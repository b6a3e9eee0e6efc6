"""Inspecting authorities over time (see :mod:`audit.domain.authorities`)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from audit.db import db
from audit.domain import authorities as rules

from .units import Unit


class Authority(db.Model):
    """A People's Committee that inspects the units below it, in force from ``valid_from`` to ``valid_to``.

    ``issuing_body`` is the issuing-body line of its documents as Decree 30 sets it ("ỦY BAN NHÂN DÂN" over
    "THÀNH PHỐ ĐÀ NẴNG"), ``place`` the place name before the date ("Đà Nẵng, ngày …"), ``chair_title`` the
    signer's title ("CHỦ TỊCH")."""

    __tablename__ = "authorities"
    __table_args__ = (
        CheckConstraint("valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from", name="validity_ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    successor_id: Mapped[int | None] = mapped_column(ForeignKey("authorities.id"))
    reads_predecessors: Mapped[bool] = mapped_column(Boolean, default=False)
    issuing_body: Mapped[str] = mapped_column(String(200))  # two lines separated by "\n"
    place: Mapped[str] = mapped_column(String(100))
    chair_title: Mapped[str] = mapped_column(String(100), default="CHỦ TỊCH")

    unit: Mapped[Unit] = relationship()
    successor: Mapped[Authority | None] = relationship(remote_side=[id])

    def to_domain(self) -> rules.Authority:
        return rules.Authority(id=self.id, code=self.code, name=self.name, unit_id=self.unit_id,
                               valid_from=self.valid_from, valid_to=self.valid_to, successor_id=self.successor_id,
                               reads_predecessors=self.reads_predecessors)

    def in_force_on(self, day: date) -> bool:
        return self.to_domain().in_force_on(day)

    @property
    def issuing_lines(self) -> tuple[str, ...]:
        return tuple(line for line in self.issuing_body.split("\n") if line)

    @property
    def short_name(self) -> str:
        """"UBND thành phố Đà Nẵng" — the unit's name, as lists show it."""
        return self.unit.name
