"""The register of outgoing documents (sổ đăng ký văn bản đi), one numbering per issuing body and year."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from audit.db import UTCDateTime, db, enum_of
from audit.domain.documents import DocumentKind

from .authorities import Authority
from .inspections import Inspection
from .users import User


class DocumentCounter(db.Model):
    """The last number given by an issuing body in a year: raised by one conditional update per document."""

    __tablename__ = "document_counters"

    authority_id: Mapped[int] = mapped_column(ForeignKey("authorities.id"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(default=0)


class OutgoingDocument(db.Model):
    """One numbered document, as the register of outgoing documents lists it. Never reused, never deleted."""

    __tablename__ = "outgoing_documents"
    __table_args__ = (
        UniqueConstraint("authority_id", "year", "seq", name="one_number_per_body_and_year"),
        CheckConstraint("seq > 0", name="seq_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    authority_id: Mapped[int] = mapped_column(ForeignKey("authorities.id"), index=True)
    year: Mapped[int]
    seq: Mapped[int]
    number: Mapped[str] = mapped_column(String(40))  # "03/BB-ĐKT"
    kind: Mapped[DocumentKind] = mapped_column(enum_of(DocumentKind, "kind_known", 30))
    summary: Mapped[str] = mapped_column(String(400))  # trích yếu
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspections.id"), index=True)
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("outgoing_documents.id"))
    reason: Mapped[str | None] = mapped_column(Text)  # why it replaces the earlier one
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The signed PDF, for the documents kept here (reports); minutes and conclusions keep theirs on their own rows.
    pdf: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    sha256: Mapped[str | None] = mapped_column(String(64))
    recipient: Mapped[str | None] = mapped_column(String(300))  # Kính gửi
    # What the document is about ("period_report:2019" for an authority, "remediation_report:12"): a second
    # document on the same subject replaces the current one (Decree 30: own number, naming the replaced one).
    subject: Mapped[str | None] = mapped_column(String(120), index=True)
    # What it says, without number, date and signature: a replacement must change it.
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The parts its authors wrote in the app (the period report's narrative), to correct rather than retype.
    narrative: Mapped[dict | None] = mapped_column(JSON)
    # The background job that issued it: a job run again after its worker died finds its document by this.
    request_key: Mapped[str | None] = mapped_column(String(64), unique=True)

    authority: Mapped[Authority] = relationship()
    issued_by: Mapped[User | None] = relationship()
    replaces: Mapped[OutgoingDocument | None] = relationship(remote_side=[id])
    inspection: Mapped[Inspection | None] = relationship()

    @property
    def current(self) -> bool:
        return self.superseded_at is None
