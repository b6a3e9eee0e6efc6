"""The chairman's conclusions and the dossier statistics imported from the provincial system."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint, and_, text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from audit.db import UTCDateTime, db, enum_of
from audit.domain.stats_balance import on_time_rate
from audit.domain.stats_import import ImportState, may_commit

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


class StatisticsMapping(db.Model):
    """What the user said about one source's exports, remembered for the next file: the column each header
    holds, the unit each name means, the field each label means."""

    __tablename__ = "statistics_mappings"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(100), unique=True)
    columns: Mapped[dict] = mapped_column(JSON, default=dict)  # header as read → column key ("" = ignore)
    units: Mapped[dict] = mapped_column(JSON, default=dict)  # name as written → unit id
    fields: Mapped[dict] = mapped_column(JSON, default=dict)  # label as written → field key
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(default=1)


class StatisticsImport(db.Model):
    """One uploaded export, from its preview to its commit (or its replacement by a later import of the same
    period and units). The file is kept: what was imported can be shown again."""

    __tablename__ = "statistics_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(100))
    filename: Mapped[str] = mapped_column(String(200))
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    period_text: Mapped[str | None] = mapped_column(String(20))  # when the file has no period column
    state: Mapped[ImportState] = mapped_column(enum_of(ImportState, "state_known", 20), default=ImportState.DRAFT)
    rows: Mapped[int | None]  # rows kept when committed
    replaced_rows: Mapped[int | None]  # rows of earlier imports it replaced
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    committed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    scope: Mapped[list | None] = mapped_column(JSON)  # the unit ids the importer acted for (None: all)

    created_by: Mapped[User | None] = relationship()

    @property
    def import_state(self) -> ImportState:
        return ImportState(self.state)

    @property
    def may_commit(self) -> bool:
        """Still a draft: its mapping can be corrected, and it can be confirmed or discarded."""
        return may_commit(self.import_state)


class DossierStatistic(db.Model):
    """One unit's dossiers of one field in one period, as the reporting form gives them (see
    :mod:`audit.domain.stats_balance`): carried over and received; handled early, on time or late; in
    progress; returned. Figures of a commune or district committee are kept on its one-stop desk."""

    __tablename__ = "dossier_statistics"
    __table_args__ = (
        UniqueConstraint("unit_id", "field", "period_start", "period_end", name="one_per_unit_field_period"),
        CheckConstraint("carried_over + received = early + on_time + late + pending OR pending IS NULL",
                        name="to_handle_adds_up"),
        CheckConstraint("carried_over >= 0 AND received >= 0 AND early >= 0 AND on_time >= 0 AND late >= 0",
                        name="not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    field: Mapped[str] = mapped_column(String(30))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    carried_over: Mapped[int] = mapped_column(default=0)
    received: Mapped[int]  # newly received in the period
    received_online: Mapped[int | None]
    received_in_person: Mapped[int | None]
    received_post: Mapped[int | None]
    early: Mapped[int] = mapped_column(default=0)
    on_time: Mapped[int]
    late: Mapped[int]
    pending: Mapped[int | None]
    pending_within: Mapped[int | None]
    pending_overdue: Mapped[int | None]
    returned: Mapped[int | None]
    procedures: Mapped[int | None]
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("statistics_imports.id"), index=True)

    unit: Mapped[Unit] = relationship()

    @property
    def handled(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def rate(self) -> float | None:
        return on_time_rate(self.early, self.on_time, self.late)


class HeadQuarterTotal(db.Model):
    """Per head of unit, inspected unit and calendar quarter: the findings in force of finalised inspections that
    name the head, their repeats, and how many of those inspections stand as formal (the chairman's verdict where
    concluded). Written by ``services.head_totals`` when an inspection is finalised or concluded; the heads table
    sums these rows instead of every finding of the province. ``head_totals.rebuild`` recomputes them."""

    __tablename__ = "head_quarter_totals"

    head_tenure_id: Mapped[int] = mapped_column(ForeignKey("head_tenures.id"), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), primary_key=True)
    quarter: Mapped[date] = mapped_column(Date, primary_key=True)  # its first day
    findings: Mapped[int]
    repeats: Mapped[int]
    formal: Mapped[int]


# the notice in force, as ``inspection.conclusion`` (read-only)
Inspection.conclusion = relationship(Conclusion, uselist=False, viewonly=True,
                                     primaryjoin=and_(Conclusion.inspection_id == Inspection.id,
                                                      Conclusion.superseded_at.is_(None)))
