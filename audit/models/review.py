"""The chairman's conclusions and the dossier statistics imported from the provincial system."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint, and_, text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from audit.db import UTCDateTime, db

from .documents import OutgoingDocument
from .inspections import Inspection
from .units import HeadTenure, Unit
from .users import User


class Conclusion(db.Model):
    """Thông báo kết luận kiểm tra: the chairman's conclusions and directives, frozen as a PDF."""

    __tablename__ = "conclusions"
    __table_args__ = (
        CheckConstraint("NOT responsibility_review OR review_reason IS NOT NULL", name="flag_has_reason"),
        CheckConstraint("final_verdict = proposed_verdict OR verdict_reason IS NOT NULL", name="change_has_reason"),
        # one notice in force per inspection; a replaced one stays, marked (Decree 30: corrections replace)
        Index("one_current_conclusion", "inspection_id", unique=True, sqlite_where=text("superseded_at IS NULL"),
              postgresql_where=text("superseded_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"))
    number: Mapped[str] = mapped_column(String(40))
    directives: Mapped[str] = mapped_column(Text)
    strengths: Mapped[str | None] = mapped_column(Text)  # what the unit does well
    causes: Mapped[str | None] = mapped_column(Text)  # why the shortcomings arose
    # The team proposed (the inspection's verdict when it was concluded); the chairman decided.
    proposed_verdict: Mapped[str] = mapped_column(String(30))
    final_verdict: Mapped[str] = mapped_column(String(30))
    verdict_reason: Mapped[str | None] = mapped_column(Text)
    responsibility_review: Mapped[bool] = mapped_column(default=False)
    head_tenure_id: Mapped[int | None] = mapped_column(ForeignKey("head_tenures.id"))
    review_reason: Mapped[str | None] = mapped_column(Text)
    pdf: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    issued_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("outgoing_documents.id"))
    # set once, when a replacing notice is issued
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    inspection: Mapped[Inspection] = relationship()
    head: Mapped[HeadTenure | None] = relationship()
    issued_by: Mapped[User] = relationship()
    document: Mapped[OutgoingDocument | None] = relationship()

    @property
    def current(self) -> bool:
        return self.superseded_at is None

    @property
    def verdict_changed(self) -> bool:
        return self.final_verdict != self.proposed_verdict


class DossierStatistic(db.Model):
    """Dossiers received, on time and late, per unit, field and period (from the provincial system)."""

    __tablename__ = "dossier_statistics"
    __table_args__ = (
        UniqueConstraint("unit_id", "field", "period_start", "period_end", name="one_per_unit_field_period"),
        CheckConstraint("received = on_time + late", name="received_adds_up"),
        CheckConstraint("on_time >= 0 AND late >= 0", name="not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    field: Mapped[str] = mapped_column(String(30))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    received: Mapped[int]
    on_time: Mapped[int]
    late: Mapped[int]
    procedures: Mapped[int | None]
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)

    unit: Mapped[Unit] = relationship()


# the notice in force, as ``inspection.conclusion`` (read-only)
Inspection.conclusion = relationship(Conclusion, uselist=False, viewonly=True,
                                     primaryjoin=and_(Conclusion.inspection_id == Inspection.id,
                                                      Conclusion.superseded_at.is_(None)))
