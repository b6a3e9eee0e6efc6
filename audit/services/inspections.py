"""Planning an inspection, scoring it, and moving it through its states."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from flask import current_app
from sqlalchemy import select, update

from audit.catalog import get_catalog, get_register
from audit.db import among, db, on_connection
from audit.domain.assessment import Assessment, ReportedRate, Source, assess
from audit.domain.checklist import Checklist
from audit.domain.errors import N_, Conflict, DomainError, InvalidInput
from audit.domain.inspections import Action, State, TeamRole, next_state
from audit.domain.legal import Register
from audit.domain.policy import TEAM_ROLES, Role
from audit.domain.sampling import SampledDossier
from audit.domain.stats_balance import on_time_rate
from audit.domain.verdicts import Verdict
from audit.models import Answer, DossierStatistic, Inspection, InspectionMember, SampledDossierRow, Unit, User

from . import audit_log, authorities, head_totals


def catalog():
    return get_catalog(Path(current_app.config["CHECKLISTS_DIR"]))


def legal_register() -> Register:
    """The register of legal documents beside the checklists."""
    return get_register(Path(current_app.config["CHECKLISTS_DIR"]))


def plannable_kinds() -> frozenset[str]:
    """The unit kinds some published checklist applies to (its ``applies_to``): the units a plan may name."""
    return frozenset(kind for c in catalog().versions if c.status == "published" for kind in c.extras["applies_to"])


def checklist_for(key: str, day: date, unit: Unit) -> Checklist:
    """The checklist version in force on ``day`` for ``unit``'s kind; :class:`DomainError` if none."""
    checklist = catalog().for_date(key, day)
    if checklist is None:
        raise DomainError(N_("No version of this checklist is in force on %(date)s."), date=day.strftime("%d/%m/%Y"))
    if unit.kind not in checklist.extras["applies_to"]:
        raise DomainError(N_("This checklist does not apply to this kind of unit."))
    return checklist


def checklist_of(inspection: Inspection) -> Checklist:
    """The exact version pinned to ``inspection`` (or the file a recorded amendment made of it); refuses a
    file whose sha256 has changed otherwise."""
    checklist = catalog().pinned(inspection.checklist_key, inspection.checklist_version, inspection.checklist_sha256)
    if checklist is None:
        raise DomainError(N_("The pinned checklist file has changed (sha256 differs); the inspection cannot use it."))
    return checklist


def plan_inspection(*, unit: Unit, inspection_date: date, announced: bool, decision_number: str,
                    decision_date: date, checklist_key: str, lead: User, members: list[User],
                    secretary: User | None, actor: User, now: datetime, plan_number: str = "",
                    plan_date: date | None = None) -> Inspection:
    """Plan an inspection, pinning the checklist version of the date's legal regime (key, version, sha256). The
    inspection plan it carries out (number and date, both or neither) is cited by the minutes."""
    if not unit.active_on(inspection_date):
        raise DomainError(N_("The unit does not exist on the inspection date."))
    if decision_date > inspection_date:
        raise DomainError(N_("The decision forming the team must precede the inspection."))
    plan_number = plan_number.strip()
    if bool(plan_number) != (plan_date is not None):
        raise InvalidInput(N_("Give both the number and the date of the inspection plan, or neither."))
    if plan_date is not None and plan_date > inspection_date:
        raise InvalidInput(N_("The inspection plan must precede the inspection."))
    team = [(lead, TeamRole.LEAD)] + [(m, TeamRole.MEMBER) for m in members if m.id != lead.id]
    if secretary is not None:
        if secretary.id in {u.id for u, _ in team}:
            raise DomainError(N_("The secretary must be another person than the lead and the members."))
        team.append((secretary, TeamRole.SECRETARY))
    for user, _ in team:
        if user.user_role not in TEAM_ROLES or not user.active:
            raise DomainError(N_("%(name)s cannot be on an inspection team."), name=user.full_name)
    # The inspection belongs to the lead's authority, which must inspect this unit on that date; the team
    # acts for it (an administrator may join any team).
    authority = lead.authority
    authorities.check_plan(authority, unit, inspection_date)
    for user, _ in [(actor, None)] + team:
        if user.user_role is not Role.ADMIN and user.authority_id != authority.id:
            raise DomainError(N_("%(name)s does not act for %(authority)s."), name=user.full_name,
                              authority=authority.unit.name)
    checklist = checklist_for(checklist_key, inspection_date, unit)
    inspection = Inspection(unit=unit, authority=authority, inspection_date=inspection_date, announced=announced,
                            decision_number=decision_number.strip(), decision_date=decision_date,
                            plan_number=plan_number or None, plan_date=plan_date,
                            checklist_key=checklist.key, checklist_version=checklist.version,
                            checklist_sha256=checklist.sha256, legal_regime=checklist.legal_regime,
                            state=State.PLANNED.value, created_by_id=actor.id, created_at=now)
    inspection.members = [InspectionMember(user=u, role=r.value) for u, r in team]
    db.session.add(inspection)
    db.session.flush()
    audit_log.record(actor, "inspection.plan", "inspection", inspection.id, now=now,
                     after={"unit": unit.code, "authority": authority.code, "date": inspection_date,
                            "announced": announced,
                            "decision": f"{decision_number} ({decision_date})",
                            "plan": f"{plan_number} ({plan_date})" if plan_number else None,
                            "checklist": f"{checklist.key} v{checklist.version}", "sha256": checklist.sha256,
                            "team": {u.username: r.value for u, r in team}})
    return inspection


def work_of(user: User) -> list[tuple[State, list[Inspection]]]:
    """A team member's own inspections that are not finished, by state in the order work goes (under way,
    awaiting review, planned): nearest date first."""
    from sqlalchemy.orm import selectinload

    rows = db.session.scalars(
        select(Inspection).join(InspectionMember, InspectionMember.inspection_id == Inspection.id)
        .where(InspectionMember.user_id == user.id, Inspection.state != State.FINALISED.value)
        .options(selectinload(Inspection.unit)).order_by(Inspection.inspection_date, Inspection.id)).all()
    order = (State.IN_PROGRESS, State.SUBMITTED, State.PLANNED)
    return [(state, [i for i in rows if i.state == state.value]) for state in order
            if any(i.state == state.value for i in rows)]


def answers_of(inspection: Inspection) -> dict[str, str]:
    """The inspectors' own answers (the sample's figures are derived again by the assessment)."""
    return {a.item_id: a.value for a in inspection.answers if a.value is not None and a.source != Source.SAMPLE}


def answers_by_inspection(inspection_ids: list[int], items: set[str] | None = None) -> dict[int, dict[str, str]]:
    """:func:`answers_of` for many inspections at once (only to ``items`` when given), read as columns: hundreds
    of inspections' answers as whole rows cost ten times more."""
    found: dict[int, dict[str, str]] = {i: {} for i in inspection_ids}
    query = select(Answer.inspection_id, Answer.item_id, Answer.value).where(
        among(Answer.inspection_id, inspection_ids), Answer.value.is_not(None), Answer.source != Source.SAMPLE)
    rows = on_connection(query if items is None else query.where(among(Answer.item_id, items)))
    for inspection_id, item_id, value in rows:
        found[inspection_id][item_id] = value
    return found


def dossiers_of(inspection: Inspection) -> list[SampledDossier]:
    return [dossier_of(r) for r in inspection.dossiers]


def dossiers_by_inspection(inspection_ids: list[int]) -> dict[int, list[SampledDossier]]:
    """:func:`dossiers_of` for many inspections at once, read as columns, in the same order."""
    found: dict[int, list[SampledDossier]] = {i: [] for i in inspection_ids}
    d = SampledDossierRow
    rows = on_connection(select(d.inspection_id, d.code, d.field, d.received_date, d.due_date, d.returned_date,
                                d.in_register, d.in_system, d.control_slip_complete, d.apology_issued)
                         .where(among(d.inspection_id, inspection_ids)).order_by(d.inspection_id, d.id))
    for row in rows:
        found[row.inspection_id].append(dossier_of(row))
    return found


def dossier_of(row: SampledDossierRow) -> SampledDossier:
    return SampledDossier(row.code, row.field, row.received_date, row.due_date, row.returned_date, row.in_register,
                          row.in_system, row.control_slip_complete, row.apology_issued)


def reported_statistics(inspection: Inspection) -> ReportedRate | None:
    """The on-time rate the unit's imported statistics report for the year of the inspection (the share of the
    dossiers handled that were handled early or on time)."""
    from sqlalchemy import func

    year_start = inspection.inspection_date.replace(month=1, day=1)
    year_end = inspection.inspection_date.replace(month=12, day=31)
    early, on_time, late = db.session.execute(
        select(func.sum(DossierStatistic.early), func.sum(DossierStatistic.on_time), func.sum(DossierStatistic.late))
        .where(DossierStatistic.unit_id == inspection.unit_id, DossierStatistic.period_start >= year_start,
               DossierStatistic.period_end <= year_end)).one()
    value = on_time_rate(int(early or 0), int(on_time or 0), int(late or 0))
    return ReportedRate(value, "statistics") if value is not None else None


def evaluate(inspection: Inspection) -> Assessment:
    """The assessment of ``inspection`` as it stands: answers, sample and reported figures, by the pinned
    checklist version's rules (the same function the ``verdict explain`` command calls)."""
    return assess(checklist_of(inspection), answers_of(inspection), inspection_day=inspection.inspection_date,
                  sample=dossiers_of(inspection), statistics=reported_statistics(inspection))


def _write_summary(inspection: Inspection, assessment: Assessment) -> None:
    card = assessment.card
    inspection.score = card.score
    inspection.coverage = card.coverage
    inspection.na_share = card.na_share
    inspection.verdict = assessment.verdict.value
    inspection.verdict_reasons = [{"code": r.code, "message": r.message, "params": r.params}
                                  for r in assessment.reasons]
    inspection.section_scores = {s.key: s.score for s in card.sections}


def _require_critical(assessment: Assessment) -> None:
    if assessment.missing_critical:
        raise DomainError(N_("These critical items need an answer first: %(items)s."),
                          items=", ".join(assessment.missing_critical))
    if assessment.refused_na:
        raise DomainError(N_("“Not applicable” is not allowed here for: %(items)s. Answer these items first."),
                          items=", ".join(assessment.refused_na))


CHANGED_MEANWHILE = N_("This inspection was changed meanwhile (a second tap, another tab or tablet); reload the page "
                       "to see where it stands.")


def _transition(inspection: Inspection, action: Action, actor: User, now: datetime, **payload) -> None:
    """Move to the next state, claiming the row first with a conditional update (``… WHERE state = :seen``,
    which waits for a concurrent writer's commit): of two requests doing the same step at once, one moves the
    inspection and the other is a :class:`Conflict`."""
    before = inspection.state
    after = next_state(inspection.inspection_state, action, inspection.team_role_of(actor.id)).value
    done = db.session.execute(update(Inspection).where(Inspection.id == inspection.id, Inspection.state == before)
                              .values(state=before).execution_options(synchronize_session=False))
    if done.rowcount != 1:
        raise Conflict(CHANGED_MEANWHILE)
    inspection.state = after
    audit_log.record(actor, f"inspection.{action.value}", "inspection", inspection.id, now=now,
                     before={"state": before}, after={"state": inspection.state, **payload})


def start_if_planned(inspection: Inspection, actor: User, now: datetime) -> None:
    if inspection.inspection_state is State.PLANNED:
        _transition(inspection, Action.START, actor, now)


def submit(inspection: Inspection, *, actor: User, now: datetime) -> Assessment:
    """A team member hands the inspection to the lead: refused while a critical item is unanswered (or
    answered "not applicable" where that is not allowed); findings are brought up to date, the
    proposed assessment recorded."""
    from .findings import sync_findings

    planned = inspection.inspection_state is State.PLANNED  # answered offline and submitted: started and submitted
    state = State.IN_PROGRESS if planned else inspection.inspection_state
    next_state(state, Action.SUBMIT, inspection.team_role_of(actor.id))  # check first
    assessment = evaluate(inspection)
    _require_critical(assessment)
    sync_findings(inspection, assessment, actor=actor, now=now)
    if planned:
        _transition(inspection, Action.START, actor, now)
    _transition(inspection, Action.SUBMIT, actor, now)
    inspection.submitted_at = now
    _write_summary(inspection, assessment)
    return assessment


def reopen(inspection: Inspection, *, actor: User, now: datetime) -> None:
    _transition(inspection, Action.REOPEN, actor, now)


def finalise(inspection: Inspection, *, actor: User, now: datetime, incomplete_reason: str | None = None) -> Assessment:
    """The lead closes the inspection for good, with the team's proposed assessment. Critical items must
    be answered; with too little data otherwise the lead must say why."""
    next_state(inspection.inspection_state, Action.FINALISE, inspection.team_role_of(actor.id))  # check first
    evaluation = evaluate(inspection)
    _require_critical(evaluation)
    if evaluation.verdict is Verdict.INSUFFICIENT_EVIDENCE and not (incomplete_reason or "").strip():
        raise DomainError(N_("Too few items are answered for a conclusion: state why the inspection is finalised "
                             "anyway, or reopen it."))
    _transition(inspection, Action.FINALISE, actor, now, verdict=evaluation.verdict.value,
                score=evaluation.card.score)
    _write_summary(inspection, evaluation)
    inspection.incomplete_reason = (incomplete_reason or "").strip() or None
    inspection.finalised_at = now
    inspection.finalised_by_id = actor.id
    from .remediation import open_items  # remediation builds on inspections

    open_items(inspection, actor=actor, now=now)
    db.session.flush()
    head_totals.add(inspection)
    return evaluation


def previous_finalised(inspection: Inspection) -> Inspection | None:
    """The unit's latest finalised inspection before this one (for repeat findings)."""
    return db.session.scalar(
        select(Inspection)
        .where(Inspection.unit_id == inspection.unit_id, Inspection.state == State.FINALISED.value,
               Inspection.inspection_date < inspection.inspection_date, Inspection.id != inspection.id)
        .order_by(Inspection.inspection_date.desc(), Inspection.id.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class Proposal:
    """The team's proposed assessment as it stands: frozen at finalisation, computed live before."""

    verdict: str | None
    reasons: list
    frozen: bool


def proposal_of(inspection: Inspection, assessment: Assessment) -> Proposal:
    if inspection.inspection_state is State.FINALISED and inspection.verdict:
        return Proposal(inspection.verdict, list(inspection.verdict_reasons or []), True)
    return Proposal(assessment.verdict.value, list(assessment.reasons), False)
