"""Findings: derived from failing items, edited, dropped or added by the team, linked to the head."""

from __future__ import annotations

from datetime import date, datetime

from audit.db import db
from audit.domain.errors import N_, DomainError
from audit.domain.findings import Severity, default_deadline, derive_findings
from audit.domain.inspections import ensure_editable
from audit.domain.units import ONE_STOP_KINDS, UnitKind
from audit.models import Finding, HeadTenure, Inspection, Unit, User

from . import audit_log
from .inspections import Evaluation, evaluate, previous_finalised
from .units import head_of

EDITABLE = ("responsible_official", "requirement", "observation", "severity", "legal_basis", "remedy", "deadline")


def accountable_unit(unit: Unit) -> Unit:
    """Whose head answers for a finding (Directive 26): for a one-stop desk, the People's Committee it
    belongs to; otherwise the unit itself."""
    if UnitKind(unit.kind) in ONE_STOP_KINDS and unit.parent is not None:
        return unit.parent
    return unit


def head_for(inspection: Inspection) -> HeadTenure | None:
    """The head in office at the accountable unit on the inspection date."""
    return head_of(accountable_unit(inspection.unit), inspection.inspection_date)


def _failed_last_time(inspection: Inspection) -> set[str]:
    previous = previous_finalised(inspection)
    if previous is None:
        return set()
    return {f.item_id for f in previous.findings if f.item_id and f.status == "draft"}


def sync_findings(inspection: Inspection, evaluation: Evaluation | None = None, *, actor: User,
                  now: datetime) -> None:
    """Bring derived findings in line with the answers: add one for each newly failing item, remove
    untouched ones whose item now passes. Findings a person edited, dropped or added stay."""
    ensure_editable(inspection.inspection_state, inspection.team_role_of(actor.id), findings=True)
    evaluation = evaluation or evaluate(inspection)
    notes = {a.item_id: a.note for a in inspection.answers if a.note}
    drafts = {d.item_id: d for d in derive_findings(evaluation.checklist, evaluation.card, notes,
                                                    inspection.inspection_date, _failed_last_time(inspection))}
    existing = {f.item_id: f for f in inspection.findings if f.source == "derived"}
    head = head_for(inspection)
    for item_id, finding in existing.items():
        if item_id not in drafts and not finding.edited and finding.status == "draft":
            inspection.findings.remove(finding)
            audit_log.record(actor, "finding.withdrawn", "inspection", inspection.id, now=now, item=item_id)
    for item_id, draft in drafts.items():
        if item_id in existing:
            continue
        inspection.findings.append(Finding(
            item_id=item_id, source="derived", unit_id=inspection.unit_id, head=head,
            requirement=draft.requirement, observation=draft.observation, severity=draft.severity.value,
            formality_signal=draft.formality_signal, repeat=draft.repeat, legal_basis=draft.legal_basis,
            remedy=draft.remedy, deadline=draft.deadline, created_at=now))
        audit_log.record(actor, "finding.derive", "inspection", inspection.id, now=now, item=item_id,
                         after={"severity": draft.severity.value, "repeat": draft.repeat})
    db.session.flush()


def _check(inspection: Inspection, actor: User) -> None:
    ensure_editable(inspection.inspection_state, inspection.team_role_of(actor.id), findings=True)


def update_finding(finding: Finding, *, actor: User, now: datetime, **changes) -> None:
    """Edit a finding's text, severity, legal basis, remedy or deadline."""
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
    finding.status, finding.drop_reason, finding.edited = "dropped", reason.strip(), True
    audit_log.record(actor, "finding.drop", "finding", finding.id, now=now, after={"reason": reason.strip()})


def restore_finding(finding: Finding, *, actor: User, now: datetime) -> None:
    _check(finding.inspection, actor)
    finding.status, finding.drop_reason = "draft", None
    audit_log.record(actor, "finding.restore", "finding", finding.id, now=now)


def add_finding(inspection: Inspection, *, requirement: str, observation: str, severity: Severity,
                legal_basis: str, remedy: str, deadline: date | None, responsible_official: str | None,
                actor: User, now: datetime) -> Finding:
    """A finding the team adds by hand (not tied to a checklist item)."""
    _check(inspection, actor)
    deadline = deadline or default_deadline(severity, inspection.inspection_date)
    if deadline <= inspection.inspection_date:
        raise DomainError(N_("The deadline must be after the inspection date."))
    finding = Finding(inspection=inspection, item_id=None, source="manual", unit_id=inspection.unit_id,
                      head=head_for(inspection), responsible_official=responsible_official or None,
                      requirement=requirement.strip(), observation=observation.strip(), severity=severity.value,
                      legal_basis=legal_basis.strip(), remedy=remedy.strip(), deadline=deadline, edited=True,
                      created_at=now)
    db.session.add(finding)
    db.session.flush()
    audit_log.record(actor, "finding.add", "finding", finding.id, now=now,
                     after={"requirement": finding.requirement, "severity": severity.value})
    return finding
