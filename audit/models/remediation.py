"""Remediation items (one per finding of a finalised inspection), their event history, evidence files,
the in-app inbox and the log of reminders sent."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from audit.db import UTCDateTime, db, enum_of
from audit.domain.remediation import State

from .inspections import Finding, Inspection
from .units import HeadTenure, Unit
from .users import User


class RemediationItem(db.Model):
    __tablename__ = "remediation_items"
    __table_args__ = (
        CheckConstraint("(state = 'accepted') = (closed_at IS NOT NULL)", name="closed_has_time"),
        CheckConstraint("extension_requested OR extension_until IS NULL", name="extension_pending_has_date"),
        Index("ix_remediation_items_unit_state", "unit_id", "state"),
        # overdue items per head (the heads table) of the units in reach, read from the index alone
        Index("ix_remediation_items_state_deadline", "state", "deadline", "head_tenure_id", "unit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"), index=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id"), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    head_tenure_id: Mapped[int | None] = mapped_column(ForeignKey("head_tenures.id"))
    requirement: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date] = mapped_column(Date)
    original_deadline: Mapped[date] = mapped_column(Date)
    state: Mapped[State] = mapped_column(enum_of(State, "state_known", 12), default=State.OPEN)
    extension_requested: Mapped[bool] = mapped_column(default=False)
    extension_until: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    inspection: Mapped[Inspection] = relationship()
    finding: Mapped[Finding] = relationship()
    unit: Mapped[Unit] = relationship()
    head: Mapped[HeadTenure | None] = relationship()
    events: Mapped[list[RemediationEvent]] = relationship(back_populates="item", order_by="RemediationEvent.id")

    @property
    def item_state(self) -> State:
        return State(self.state)


class RemediationEvent(db.Model):
    """One step in an item's history (append-only): who, when, what, the text and the files."""

    __tablename__ = "remediation_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("remediation_items.id"), index=True)
    action: Mapped[str] = mapped_column(String(24))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(Text, default="")
    old_deadline: Mapped[date | None] = mapped_column(Date)
    new_deadline: Mapped[date | None] = mapped_column(Date)
    # The form's one-time id: a form sent twice is recognised and refused.
    submission_id: Mapped[str | None] = mapped_column(String(64), unique=True)

    item: Mapped[RemediationItem] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()
    files: Mapped[list[RemediationFile]] = relationship(back_populates="event", order_by="RemediationFile.id")


class RemediationFile(db.Model):
    __tablename__ = "remediation_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("remediation_events.id"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))

    event: Mapped[RemediationEvent] = relationship(back_populates="files")


class Notification(db.Model):
    """One message in a user's inbox; ``message`` is a message id translated when shown."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(24))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("remediation_items.id"))
    message: Mapped[str] = mapped_column(Text)
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    emailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    item: Mapped[RemediationItem | None] = relationship()

    @classmethod
    def unread(cls):
        """The one rule for a message not yet read, as a condition of a statement (the menu's count, the inbox's
        filter, marking read); ``~Notification.unread()`` for one already read."""
        return cls.read_at.is_(None)


class ReminderLog(db.Model):
    """A reminder sent for an item on a (Viet Nam) day: at most one per item per day."""

    __tablename__ = "reminder_log"
    __table_args__ = (UniqueConstraint("item_id", "day", name="one_per_item_per_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("remediation_items.id"))
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(12))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
