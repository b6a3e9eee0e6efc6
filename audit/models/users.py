"""Accounts: one role each; a unit user belongs to exactly one unit."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from audit.db import UTCDateTime, db, enum_of, utcnow
from audit.domain.people import Honorific, addressed
from audit.domain.policy import Role

from .authorities import Authority
from .units import Unit


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role <> 'unit_user' OR unit_id IS NOT NULL", name="unit_user_has_unit"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    job_title: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_of(Role, "role_known", 20))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    # Chairmen, team leads and inspectors act for one inspecting authority, within its jurisdiction.
    authority_id: Mapped[int | None] = mapped_column(ForeignKey("authorities.id"), index=True)
    honorific: Mapped[Honorific | None] = mapped_column(enum_of(Honorific, "honorific_known", 10))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    must_change_password: Mapped[bool] = mapped_column(default=False)
    # Bumped on password change or deactivation: sessions carrying an older value end.
    session_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    unit: Mapped[Unit | None] = relationship()
    authority: Mapped[Authority | None] = relationship()

    @property
    def addressed_name(self) -> str:
        """"Bà Trần Thị Thu Hà" as documents name the person."""
        return addressed(self.honorific, self.full_name)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive accounts
        return self.active

    @property
    def user_role(self) -> Role:
        return Role(self.role)

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"
