"""Findings: derived from failing items, edited, dropped or added by the team, linked to the head."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import update

from audit.db import db
from audit.domain.assessment import Assessment
from audit.domain.errors import N_, Conflict, DomainError
from audit.domain.findings import FindingSource, FindingStatus, Severity, default_deadline, derive_findings
from audit.domain.inspections import FINDINGS_EDITABLE, ensure_editable
from audit.models import Finding, HeadTenure, Inspection, Unit, User

from . import audit_log
from .inspections import CHANGED_MEANWHILE, evaluate, legal_register, previous_finalised
from .units import head_of

EDITABLE = ("responsible_official", "statement", "observation", "severity", "legal_basis", "requirement", "deadline")


def accountable_unit(unit: Unit) -> Unit:
    """Whose head answers for a finding (Directive 26): the legal person the unit belongs to — for a
    one-stop desk, its People's Committee; otherwise the unit itself (see ``Unit.accountable_body``)."""
    return unit.accountable_body


def head_for(inspection: Inspection) -> HeadTenure | None:
    """The head in office at the accountable unit on the inspection date."""
    return head_of(accountable_unit(inspection.unit), inspection.inspection_date)


def _failed_last_time(inspection: Inspection) -> set[str]:
    previous = previous_finalised(inspection)
    if previous is None:
        return set()
    return {f.item_id for f in previous.findings if f.item_id and f.status == FindingStatus.DRAFT.value}


def sync_findings(inspection: Inspection, assessment: Assessment | None = None, *, actor: User,
                  now: datetime) -> None:
    """Bring derived findings in line with the answers: add one for each newly failing item, bring the
    untouched ones up to date (the measured value may have changed), remove untouched ones whose item now
    passes. Findings a person edited, dropped or added stay as they are."""
    _check(inspection, actor)
    assessment = assessment or evaluate(inspection)
    notes = {a.item_id: a.note for a in inspection.answers if a.note}
    drafts = {d.item_id: d for d in derive_findings(assessment, notes, inspection.inspection_date,
                                                    _failed_last_time(inspection), register=legal_register())}
    existing = {f.item_id: f for f in inspection.findings if f.source == FindingSource.DERIVED.value}
    head = head_for(inspection)
    for item_id, finding in existing.items():
        if finding.edited or finding.status != FindingStatus.DRAFT.value:
            continue
        draft = drafts.get(item_id)
        if draft is None:
            inspection.findings.remove(finding)
            audit_log.record(actor, "finding.withdrawn", "inspection", inspection.id, now=now, item=item_id)
        elif (finding.statement, finding.requirement, finding.observation, finding.severity) != (
                draft.statement, draft.requirement, draft.observation, draft.severity.value):
            finding.statement, finding.requirement = draft.statement, draft.requirement
            finding.observation, finding.severity = draft.observation, draft.severity.value
            finding.formality_signal, finding.deadline = draft.formality_signal, draft.deadline
    for item_id, draft in drafts.items():
        if item_id in existing:
            continue
        inspection.findings.append(Finding(
            item_id=item_id, source=FindingSource.DERIVED.value, unit_id=inspection.unit_id, head=head,
            statement=draft.statement, observation=draft.observation, severity=draft.severity.value,
            formality_signal=draft.formality_signal, repeat=draft.repeat, legal_basis=draft.legal_basis,
            requirement=draft.requirement, deadline=draft.deadline, created_at=now))
        audit_log.record(actor, "finding.derive", "inspection", inspection.id, now=now, item=item_id,
                         after={"severity": draft.severity.value, "repeat": draft.repeat})
    db.session.flush()


def _check(inspection: Inspection, actor: User) -> None:
    ensure_editable(inspection.inspection_state, inspection.team_role_of(actor.id), findings=True)
    _claim(inspection)


def _claim(inspection: Inspection) -> None:
    """Findings change only while the inspection takes them: the row is claimed by a conditional update, so a
    change racing the lead's finalising waits for it and then loses (409) instead of changing a finalised
    inspection, whose findings the heads' kept figures (``head_totals``) already count."""
    editable = [s.value for s in FINDINGS_EDITABLE]
    done = db.session.execute(update(Inspection).where(Inspection.id == inspection.id, Inspection.state.in_(editable))
                              .values(state=Inspection.state).execution_options(synchronize_session=False))
    if done.rowcount != 1:
        raise Conflict(CHANGED_MEANWHILE)


def update_finding(finding: Finding, *, actor: User, now: datetime, **changes) -> None:
    """Edit a finding's statement, observation, severity, legal basis, requirement or deadline."""
    _check(finding.inspection, actor)
    if changes.get("deadline") and changes["deadline"] <= finding.inspection.inspection_date:
        raise DomainError(N_("The deadline must be after the inspection date."))
    before = {k: getattr(finding, k) for k in EDITABLE}
    for key, value in changes.items():
        if key not in EDITABLE:
            raise ValueError(key)
        setattr(finding, key, value.value if isinstance(value, Severity) else value)
    finding.edited = True
    audit_log.record(actor, "finding.edit", "finding", finding.id, now=now, before=before,
                     after={k: getattr(finding, k) for k in EDITABLE})


def drop_finding(finding: Finding, *, reason: str, actor: User, now: datetime) -> None:
    _check(finding.inspection, actor)
    if not reason.strip():
        raise DomainError(N_("Give the reason for dropping the finding."))
    finding.status, finding.drop_reason, finding.edited = FindingStatus.DROPPED.value, reason.strip(), True
    audit_log.record(actor, "finding.drop", "finding", finding.id, now=now, after={"reason": reason.strip()})


def restore_finding(finding: Finding, *, actor: User, now: datetime) -> None:
    _check(finding.inspection, actor)
    finding.status, finding.drop_reason = FindingStatus.DRAFT.value, None
    audit_log.record(actor, "finding.restore", "finding", finding.id, now=now)


def add_finding(inspection: Inspection, *, statement: str, observation: str, severity: Severity,
                legal_basis: str, requirement: str, deadline: date | None, responsible_official: str | None,
                actor: User, now: datetime) -> Finding:
    """A finding the team adds by hand (not tied to a checklist item)."""
    _check(inspection, actor)
    deadline = deadline or default_deadline(severity, inspection.inspection_date)
    if deadline <= inspection.inspection_date:
        raise DomainError(N_("The deadline must be after the inspection date."))
    finding = Finding(inspection=inspection, item_id=None, source=FindingSource.MANUAL.value,
                      unit_id=inspection.unit_id, head=head_for(inspection),
                      responsible_official=responsible_official or None, statement=statement.strip(),
                      observation=observation.strip(), severity=severity.value, legal_basis=legal_basis.strip(),
                      requirement=requirement.strip(), deadline=deadline, edited=True, created_at=now)
    db.session.add(finding)
    db.session.flush()
    audit_log.record(actor, "finding.add", "finding", finding.id, now=now,
                     after={"statement": finding.statement, "severity": severity.value})
    return finding
