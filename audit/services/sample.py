"""The dossier sample: add, correct and remove sampled dossiers, from a form or from a tablet's queue.

A tablet names each dossier it adds (``client_id``), so it can correct or remove it before the add
has even reached the server; every operation is safe to send twice. Each change raises the
inspection's ``sample_revision`` and refreshes the answers the sample gives.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from audit.db import db
from audit.domain.errors import N_, DomainError, InvalidInput
from audit.domain.inspections import ensure_editable
from audit.domain.sampling import SampledDossier, check_dossier
from audit.domain.vndate import parse_date
from audit.models import Inspection, SampledDossierRow, User

from . import audit_log
from .answers import refresh_sample_answers
from .inspections import start_if_planned

FLAGS = ("in_register", "in_system", "control_slip_complete", "apology_issued")
MAX_CODE = 60


def dossier_from_json(data: dict) -> SampledDossier:
    """A dossier from a tablet's JSON (dates as dd/mm/yyyy or yyyy-mm-dd); :class:`InvalidInput` if it does
    not fit."""
    if not isinstance(data, dict):
        raise InvalidInput(N_("The data sent is not valid."))
    code = data.get("code")
    if not isinstance(code, str) or not code.strip() or len(code.strip()) > MAX_CODE:
        raise InvalidInput(N_("Give the dossier's code (at most %(max)d characters)."), max=MAX_CODE)

    def day(key: str, required: bool = True) -> date | None:
        raw = data.get(key)
        if raw in (None, "") and not required:
            return None
        try:
            return parse_date(str(raw))
        except (TypeError, ValueError):
            raise InvalidInput(N_("Invalid date “%(value)s” (use dd/mm/yyyy)."), value=str(raw)[:20]) from None

    return SampledDossier(code=code.strip(), field=str(data.get("field", "")), received=day("received"),
                          due=day("due"), returned=day("returned", required=False),
                          **{flag: data.get(flag) is True for flag in FLAGS})


@dataclass(frozen=True)
class SampleChange:
    row: SampledDossierRow | None
    duplicate: bool = False


def row_json(row: SampledDossierRow) -> dict:
    return {"id": row.id, "client_id": row.client_id, "code": row.code, "field": row.field,
            "received": row.received_date.isoformat(), "due": row.due_date.isoformat(),
            "returned": row.returned_date.isoformat() if row.returned_date else None,
            **{flag: getattr(row, flag) for flag in FLAGS}}


def by_client_id(inspection: Inspection, client_id: str) -> SampledDossierRow | None:
    return next((r for r in inspection.dossiers if r.client_id == client_id), None)


def find_dossier(inspection: Inspection, dossier_id: int) -> SampledDossierRow | None:
    return db.session.scalar(select(SampledDossierRow).where(SampledDossierRow.id == dossier_id,
                                                             SampledDossierRow.inspection_id == inspection.id))


def _check(inspection: Inspection, fields: SampledDossier, actor: User, keep: SampledDossierRow | None = None) -> None:
    ensure_editable(inspection.inspection_state, inspection.team_role_of(actor.id))
    check_dossier(fields, inspection.inspection_date)
    if any(r.code == fields.code and r is not keep for r in inspection.dossiers):
        raise InvalidInput(N_("Dossier %(code)s is already in the sample."), code=fields.code)


def _changed(inspection: Inspection, actor: User, now: datetime) -> None:
    inspection.sample_revision = (inspection.sample_revision or 0) + 1
    db.session.flush()
    start_if_planned(inspection, actor, now)
    refresh_sample_answers(inspection, actor=actor, now=now)


def _audit(fields: SampledDossier) -> dict:
    return {"code": fields.code, "field": fields.field, "received": fields.received, "due": fields.due,
            "returned": fields.returned, "register": fields.in_register, "system": fields.in_system,
            "slip": fields.control_slip_complete, "apology": fields.apology_issued}


def add_dossier(inspection: Inspection, *, code: str, field: str, received: date, due: date, returned: date | None,
                in_register: bool, in_system: bool, control_slip_complete: bool, apology_issued: bool,
                actor: User, now: datetime, client_id: str | None = None) -> SampledDossierRow:
    """Record one sampled dossier and refresh the checklist answers computed from the sample."""
    fields = SampledDossier(code.strip(), field, received, due, returned, in_register, in_system,
                            control_slip_complete, apology_issued)
    return apply(inspection, "add", client_id or uuid.uuid4().hex, fields, actor=actor, now=now).row


def edit_dossier(inspection: Inspection, row: SampledDossierRow, fields: SampledDossier, *, actor: User,
                 now: datetime) -> SampledDossierRow:
    return apply(inspection, "edit", row.client_id, fields, actor=actor, now=now).row


def remove_dossier(inspection: Inspection, row: SampledDossierRow, *, actor: User, now: datetime) -> None:
    apply(inspection, "remove", row.client_id, None, actor=actor, now=now)


def apply(inspection: Inspection, action: str, client_id: str, fields: SampledDossier | None, *, actor: User,
          now: datetime) -> SampleChange:
    """Add, correct or remove the dossier ``client_id``. Sent twice, an add or a removal is recognised
    (``duplicate``) and changes nothing; a correction simply applies its values again."""
    ensure_editable(inspection.inspection_state, inspection.team_role_of(actor.id))
    if not isinstance(client_id, str) or not 8 <= len(client_id) <= 64:
        raise InvalidInput(N_("The data sent is not valid."))
    row = by_client_id(inspection, client_id)
    if action == "add":
        if row is not None:
            return SampleChange(row, duplicate=True)
        _check(inspection, fields, actor)
        row = SampledDossierRow(inspection=inspection, client_id=client_id, code=fields.code, field=fields.field,
                                received_date=fields.received, due_date=fields.due, returned_date=fields.returned,
                                **{flag: getattr(fields, flag) for flag in FLAGS})
        db.session.add(row)
        db.session.flush()
        audit_log.record(actor, "dossier.add", "inspection", inspection.id, now=now, after=_audit(fields))
    elif action == "edit":
        if row is None:
            raise DomainError(N_("This dossier is no longer in the sample."))
        _check(inspection, fields, actor, keep=row)
        before = {"code": row.code}
        row.code, row.field, row.received_date, row.due_date, row.returned_date = (
            fields.code, fields.field, fields.received, fields.due, fields.returned)
        for flag in FLAGS:
            setattr(row, flag, getattr(fields, flag))
        audit_log.record(actor, "dossier.edit", "inspection", inspection.id, now=now, before=before,
                         after=_audit(fields))
    elif action == "remove":
        if row is None:
            return SampleChange(None, duplicate=True)
        audit_log.record(actor, "dossier.remove", "inspection", inspection.id, now=now, before={"code": row.code})
        inspection.dossiers.remove(row)
        row = None
    else:
        raise InvalidInput(N_("The data sent is not valid."))
    _changed(inspection, actor, now)
    return SampleChange(row)
