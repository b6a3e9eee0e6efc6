"""Inspections, their team, answers, photo evidence, the dossier sample and findings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from audit.db import UTCDateTime, db, enum_of, utcnow
from audit.domain.findings import FindingSource, FindingStatus, Severity
from audit.domain.inspections import State, TeamRole, may_be_concluded, may_edit_minutes, may_issue_minutes, next_steps
from audit.domain.verdicts import Verdict

from .authorities import Authority
from .units import HeadTenure, Unit
from .users import User


class Inspection(db.Model):
    __tablename__ = "inspections"
    __table_args__ = (
        CheckConstraint("(state = 'finalised') = (finalised_at IS NOT NULL)", name="finalised_has_time"),
        CheckConstraint("state NOT IN ('submitted', 'finalised') OR submitted_at IS NOT NULL", name="submitted_has_time"),
        Index("ix_inspections_unit_date", "unit_id", "inspection_date"),
        # the years that have inspections, each found by one probe (``listing_sql.years_of``)
        Index("ix_inspections_date_unit", "inspection_date", "unit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    # The inspecting authority the inspection belongs to (checked when planned).
    authority_id: Mapped[int] = mapped_column(ForeignKey("authorities.id"), index=True)
    inspection_date: Mapped[date] = mapped_column(Date)
    announced: Mapped[bool]
    decision_number: Mapped[str] = mapped_column(String(60))
    decision_date: Mapped[date] = mapped_column(Date)
    # The inspection plan the inspection carries out (Kế hoạch kiểm tra công vụ), cited by the minutes.
    plan_number: Mapped[str | None] = mapped_column(String(60))
    plan_date: Mapped[date | None] = mapped_column(Date)
    checklist_key: Mapped[str] = mapped_column(String(60))
    checklist_version: Mapped[int]
    checklist_sha256: Mapped[str] = mapped_column(String(64))
    legal_regime: Mapped[str] = mapped_column(String(30))
    state: Mapped[State] = mapped_column(enum_of(State, "state_known", 20), default=State.PLANNED)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finalised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finalised_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    incomplete_reason: Mapped[str | None] = mapped_column(Text)
    # The team's proposed assessment, written when the inspection is submitted or finalised (read by lists
    # and dashboards); the chairman's final verdict lives on the conclusion.
    score: Mapped[float | None] = mapped_column(Float)
    coverage: Mapped[float | None] = mapped_column(Float)
    na_share: Mapped[float | None] = mapped_column(Float)
    verdict: Mapped[Verdict | None] = mapped_column(enum_of(Verdict, "verdict_known", 30))
    verdict_reasons: Mapped[list | None] = mapped_column(JSON)
    section_scores: Mapped[dict | None] = mapped_column(JSON)
    # Grows with every change to the dossier sample: a tablet keeps the newest copy of the sample it has seen.
    sample_revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    unit: Mapped[Unit] = relationship()
    authority: Mapped[Authority] = relationship()
    members: Mapped[list[InspectionMember]] = relationship(back_populates="inspection", cascade="all, delete-orphan",
                                                           order_by="InspectionMember.id")
    answers: Mapped[list[Answer]] = relationship(back_populates="inspection", cascade="all, delete-orphan")
    evidence: Mapped[list[Evidence]] = relationship(back_populates="inspection", cascade="all, delete-orphan",
                                                    order_by="Evidence.id")
    dossiers: Mapped[list[SampledDossierRow]] = relationship(back_populates="inspection", cascade="all, delete-orphan",
                                                             order_by="SampledDossierRow.id")
    findings: Mapped[list[Finding]] = relationship(back_populates="inspection", cascade="all, delete-orphan",
                                                   order_by="Finding.id")

    @property
    def inspection_state(self) -> State:
        return State(self.state)

    @property
    def may_be_concluded(self) -> bool:
        return may_be_concluded(self.inspection_state)

    @property
    def finalised(self) -> bool:
        return self.inspection_state is State.FINALISED

    def next_steps_for(self, team_role: TeamRole | None) -> frozenset[str]:
        """The steps (action names) the inspection's page offers this team role now."""
        return frozenset(a.value for a in next_steps(self.inspection_state, team_role))

    def may_edit_minutes(self, team_role: TeamRole | None) -> bool:
        return may_edit_minutes(self.inspection_state, team_role)

    def may_issue_minutes(self, team_role: TeamRole | None) -> bool:
        return may_issue_minutes(self.inspection_state, team_role)

    def team_role_of(self, user_id: int | None) -> TeamRole | None:
        for member in self.members:
            if member.user_id == user_id:
                return TeamRole(member.role)
        return None

    def member_with(self, role: TeamRole) -> User | None:
        return next((m.user for m in self.members if m.role == role.value), None)

    @property
    def lead(self) -> User | None:
        return self.member_with(TeamRole.LEAD)

    @property
    def secretary(self) -> User | None:
        return self.member_with(TeamRole.SECRETARY)

    @property
    def team_members(self) -> list[User]:
        return [m.user for m in self.members if m.role == TeamRole.MEMBER.value]

    @property
    def active_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.status == FindingStatus.DRAFT.value]

    @property
    def final_verdict(self) -> str | None:
        """The chairman's verdict once the inspection is concluded, else the team's proposal."""
        conclusion = getattr(self, "conclusion", None)
        return conclusion.final_verdict if conclusion is not None else self.verdict

    @property
    def verdict_is_final(self) -> bool:
        return getattr(self, "conclusion", None) is not None


class InspectionMember(db.Model):
    __tablename__ = "inspection_members"
    __table_args__ = (UniqueConstraint("inspection_id", "user_id", name="one_role_per_member"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)  # "my teams" at province scale
    role: Mapped[str] = mapped_column(String(20))

    inspection: Mapped[Inspection] = relationship(back_populates="members")
    user: Mapped[User] = relationship()


class Answer(db.Model):
    """The current answer to one item; ``version`` grows with every change (optimistic concurrency)."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("inspection_id", "item_id", name="one_per_item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(String(8))
    value: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(10), default="inspector")  # inspector | sample
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    inspection: Mapped[Inspection] = relationship(back_populates="answers")
    updated_by: Mapped[User | None] = relationship()


class AnswerOperation(db.Model):
    """Every answer operation sent by a browser, by its id: a resent operation is recognised, not applied twice."""

    __tablename__ = "answer_operations"

    op_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(String(8))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    version: Mapped[int]
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class Evidence(db.Model):
    """A photo attached to an item; the file lives under instance/evidence/ by its sha256."""

    __tablename__ = "evidence"
    __table_args__ = (CheckConstraint("size > 0", name="not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The tablet's operation id: a photo sent again after a lost answer is recognised, not stored twice.
    op_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(String(8))
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    width: Mapped[int]
    height: Mapped[int]
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime)

    inspection: Mapped[Inspection] = relationship(back_populates="evidence")


class SampledDossierRow(db.Model):
    __tablename__ = "sampled_dossiers"
    __table_args__ = (
        UniqueConstraint("inspection_id", "code", name="one_per_code"),
        UniqueConstraint("inspection_id", "client_id", name="one_per_client_id"),
        CheckConstraint("due_date >= received_date", name="due_after_received"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    # Named by the tablet that added it (or by the server), so a tablet can edit or remove it offline.
    client_id: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(60))
    field: Mapped[str] = mapped_column(String(30))
    received_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    returned_date: Mapped[date | None] = mapped_column(Date)
    in_register: Mapped[bool]
    in_system: Mapped[bool]
    control_slip_complete: Mapped[bool]
    apology_issued: Mapped[bool]

    inspection: Mapped[Inspection] = relationship(back_populates="dossiers")


class Finding(db.Model):
    """A finding against the unit and the head in office on the inspection date."""

    __tablename__ = "findings"
    __table_args__ = (
        CheckConstraint("status <> 'dropped' OR drop_reason IS NOT NULL", name="dropped_has_reason"),
        Index("ix_findings_unit_item", "unit_id", "item_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str | None] = mapped_column(String(8))
    source: Mapped[FindingSource] = mapped_column(enum_of(FindingSource, "source_known", 10))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    head_tenure_id: Mapped[int | None] = mapped_column(ForeignKey("head_tenures.id"))
    responsible_official: Mapped[str | None] = mapped_column(String(200))
    statement: Mapped[str] = mapped_column(Text)  # what is wrong, with the measured value
    observation: Mapped[str] = mapped_column(Text, default="")  # what the inspector noted
    severity: Mapped[Severity] = mapped_column(enum_of(Severity, "severity_known", 10))
    formality_signal: Mapped[bool] = mapped_column(default=False)
    repeat: Mapped[bool] = mapped_column(default=False)
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    requirement: Mapped[str] = mapped_column(Text)  # what the unit must do
    deadline: Mapped[date] = mapped_column(Date)
    status: Mapped[FindingStatus] = mapped_column(enum_of(FindingStatus, "status_known", 10),
                                                  default=FindingStatus.DRAFT)
    drop_reason: Mapped[str | None] = mapped_column(Text)
    edited: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    inspection: Mapped[Inspection] = relationship(back_populates="findings")
    unit: Mapped[Unit] = relationship()
    head: Mapped[HeadTenure | None] = relationship()

    @property
    def dropped(self) -> bool:
        return self.status == FindingStatus.DROPPED.value
