"""Database-side guarantees the ORM enforces on every flush, whoever calls it.

* The audit log is append-only: entries are never updated or deleted.
* A finalised inspection and everything attached to it never change again.
"""

from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from audit.domain.errors import N_, DomainError
from audit.domain.inspections import InspectionLocked, State

from .audit_log import AuditLogEntry
from .inspections import Answer, AnswerOperation, Evidence, Finding, Inspection, InspectionMember, SampledDossierRow
from .minutes import IssuedMinutes
from .remediation import RemediationEvent, RemediationFile
from .review import Conclusion

#: The only columns of an issued minutes that may still be written, each once.
_ISSUED_WRITABLE_ONCE = {"superseded_at", "signed_scan", "signed_content_type", "signed_sha256", "signed_size",
                         "signed_uploaded_at", "signed_uploaded_by_id"}

_CHILDREN = (Answer, AnswerOperation, Evidence, Finding, InspectionMember, SampledDossierRow)


def _was_finalised(inspection: Inspection) -> bool:
    state = inspect(inspection)
    if state.transient or state.pending:
        return False
    previous = state.committed_state.get("state", inspection.state)
    return previous == State.FINALISED.value


def _locked():
    return InspectionLocked(N_("This inspection is finalised and can no longer be changed."))


def _check_issued(session: Session, minutes: IssuedMinutes) -> None:
    if minutes in session.deleted:
        raise DomainError(N_("Issued minutes cannot be deleted."))
    state = inspect(minutes)
    for name, attr in state.attrs.items():
        history = attr.history
        if not history.has_changes():
            continue
        if name not in _ISSUED_WRITABLE_ONCE or any(v is not None for v in history.deleted):
            raise DomainError(N_("Issued minutes cannot be changed; issue a new version instead."))


def _check_conclusion(session: Session, conclusion: Conclusion) -> None:
    """An issued notice never changes; it is only marked replaced, once."""
    if conclusion not in session.deleted:
        changed = {name: attr.history for name, attr in inspect(conclusion).attrs.items() if attr.history.has_changes()}
        if set(changed) == {"superseded_at"} and not any(v is not None for v in changed["superseded_at"].deleted):
            return
    raise DomainError(N_("An issued conclusion cannot be changed."))


@event.listens_for(Session, "before_flush")
def _guard(session: Session, flush_context, instances) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, (AuditLogEntry, RemediationEvent, RemediationFile)):
            raise DomainError(N_("The audit log cannot be changed."))
        if isinstance(obj, IssuedMinutes):
            _check_issued(session, obj)
        if isinstance(obj, Conclusion) and (obj in session.deleted or session.is_modified(obj)):
            _check_conclusion(session, obj)
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        if isinstance(obj, Inspection):
            if (obj in session.deleted or session.is_modified(obj)) and _was_finalised(obj):
                raise _locked()
        elif isinstance(obj, _CHILDREN):
            if obj in session.dirty and not session.is_modified(obj):
                continue
            inspection = obj.inspection if not isinstance(obj, AnswerOperation) else None
            if inspection is None and obj.inspection_id is not None:
                inspection = session.get(Inspection, obj.inspection_id)
            if inspection is not None and _was_finalised(inspection):
                raise _locked()
