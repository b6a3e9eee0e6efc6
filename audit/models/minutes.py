"""Inspection minutes (biên bản): the team's details for the document, and issued PDFs kept forever."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from audit.db import UTCDateTime, db

from .documents import OutgoingDocument
from .inspections import Inspection
from .users import User


class MinutesDetails(db.Model):
    """What the minutes say beyond the checklist: times, place, the unit's representatives and comments.

    Editable after the inspection is finalised (a correction); every change bumps ``revision`` and is
    in the audit log, and a re-issue records which revision it used.
    """

    __tablename__ = "minutes_details"
    __table_args__ = (CheckConstraint("copies BETWEEN 1 AND 9", name="copies_range"),)

    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True)
    revision: Mapped[int] = mapped_column(default=1)
    start_time: Mapped[str] = mapped_column(String(5))  # "13:40", local time
    end_time: Mapped[str] = mapped_column(String(5))
    place: Mapped[str] = mapped_column(String(300))
    unit_representatives: Mapped[str] = mapped_column(Text, default="")
    unit_comments: Mapped[str] = mapped_column(Text, default="")
    copies: Mapped[int] = mapped_column(default=2)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    inspection: Mapped[Inspection] = relationship()


class IssuedMinutes(db.Model):
    """One issued version of the minutes: the exact PDF bytes, their sha256 and a verification code.

    Never changed once written, except to mark it superseded or to attach the signed paper scan.
    """

    __tablename__ = "issued_minutes"
    __table_args__ = (
        UniqueConstraint("inspection_id", "version", name="one_per_version"),
        CheckConstraint("size > 0", name="not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"), index=True)
    version: Mapped[int]
    number: Mapped[str] = mapped_column(String(40))
    details_revision: Mapped[int]
    pdf: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    verification_code: Mapped[str] = mapped_column(String(20), unique=True)
    issued_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    signed_scan: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    signed_content_type: Mapped[str | None] = mapped_column(String(40))
    signed_sha256: Mapped[str | None] = mapped_column(String(64))
    signed_size: Mapped[int | None]
    signed_uploaded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    signed_uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Its own entry in the register of outgoing documents (a correction is a new document replacing this one)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("outgoing_documents.id"))
    # What the document says, without its number, date and codes: a correction must change it.
    content_sha256: Mapped[str | None] = mapped_column(String(64))

    inspection: Mapped[Inspection] = relationship()
    issued_by: Mapped[User] = relationship(foreign_keys=[issued_by_id])
    document: Mapped[OutgoingDocument | None] = relationship()

    @property
    def current(self) -> bool:
        return self.superseded_at is None
