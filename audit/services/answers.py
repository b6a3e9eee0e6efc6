"""Saving answers (autosave, offline replay, conflicts) and the dossier sample that feeds some of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from audit.db import db
from audit.domain.errors import N_, DomainError, InvalidInput
from audit.domain.inspections import ensure_editable
from audit.domain.sampling import (
    SampledDossier,
    SampleSummary,
    check_dossier,
    sample_answers,
    sample_inputs,
    sample_metrics,
    summarise,
)
from audit.domain.scoring import NA, na_refusal, normalise_answer
from audit.models import Answer, AnswerOperation, Inspection, SampledDossierRow, User

from . import audit_log
from .inspections import answers_of, checklist_of, dossiers_of, start_if_planned

MAX_NOTE = 2000


class AnswerConflict(DomainError):
    """Someone else changed the item since this client last saw it; ``current`` is what is stored now."""

    def __init__(self, current: Answer):
        self.current = current
        super().__init__(N_("%(item)s was changed by %(name)s meanwhile. Choose which answer to keep."),
                         item=current.item_id, name=current.updated_by.full_name if current.updated_by else "?")


@dataclass(frozen=True)
class Saved:
    answer: Answer
    duplicate: bool = False


def _answer(inspection: Inspection, item_id: str) -> Answer | None:
    return next((a for a in inspection.answers if a.item_id == item_id), None)


def save_answer(inspection: Inspection, *, item_id: str, value: str | None, note: str | None, base_version: int | None,
                op_id: str | None, actor: User, now: datetime) -> Saved:
    """Store one answer.

    ``op_id`` identifies the operation: the same id sent again returns the stored result and changes
    nothing. ``base_version`` is the version the client last saw (0 for none): if the stored answer moved
    on meanwhile and the new value differs, :class:`AnswerConflict` is raised and nothing is saved.
    ``value`` ``None`` keeps the stored value and changes only the note.
    """
    ensure_editable(inspection.inspection_state, inspection.team_role_of(actor.id))
    if op_id:
        seen = db.session.get(AnswerOperation, op_id)
        if seen is not None:
            if seen.inspection_id != inspection.id or seen.item_id != item_id:
                raise DomainError(N_("This operation id was already used for another answer."))
            return Saved(_answer(inspection, item_id), duplicate=True)
    checklist = checklist_of(inspection)
    try:
        item = checklist.item(item_id)
    except KeyError:
        raise InvalidInput(N_("Unknown checklist item %(item)s."), item=item_id) from None
    normal = normalise_answer(item, value) if value is not None else None
    if normal == NA:
        refused = na_refusal(item, {**answers_of(inspection), item_id: NA})
        if refused is not None:
            raise InvalidInput(N_("%(item)s cannot be “Not applicable” given the answer to %(other)s."),
                               item=item_id, other=refused.item)
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise InvalidInput(N_("The note is longer than %(max)d characters."), max=MAX_NOTE)
    current = _answer(inspection, item_id)
    if current is not None and base_version is not None and base_version != current.version:
        same = (normal is None or normal == current.value) and (note == current.note or value is not None)
        if not same:
            raise AnswerConflict(current)
    before = {"value": current.value, "note": current.note, "version": current.version} if current else None
    if current is None:
        current = Answer(inspection=inspection, item_id=item_id, value=normal, note=note, version=1,
                         updated_by_id=actor.id, updated_at=now, source="inspector")
        db.session.add(current)
    else:
        if normal is not None:
            current.value = normal
            current.source = "inspector"
        current.note = note
        current.version += 1
        current.updated_by_id = actor.id
        current.updated_at = now
    db.session.flush()
    db.session.refresh(current, ["updated_by"])
    if op_id:
        db.session.add(AnswerOperation(op_id=op_id, inspection_id=inspection.id, item_id=item_id, user_id=actor.id,
                                       version=current.version, at=now))
    start_if_planned(inspection, actor, now)
    audit_log.record(actor, "answer.save", "inspection", inspection.id, now=now, item=item_id, before=before,
                     after={"value": current.value, "note": current.note, "version": current.version},
                     op_id=op_id)
    if item_id in sample_inputs(checklist):
        refresh_sample_answers(inspection, actor=actor, now=now)  # what the sample answers may have changed
    return Saved(current)


def save_section(inspection: Inspection, entries: list[dict], *, actor: User, now: datetime) -> list[Saved]:
    """Save a whole section at once (pages without JavaScript). Any invalid answer or conflict refuses
    the whole section; the caller rolls back."""
    return [save_answer(inspection, actor=actor, now=now, **entry) for entry in entries]


# ---------------------------------------------------------------- dossier sample


def metrics_of(inspection: Inspection) -> dict:
    return sample_metrics(dossiers_of(inspection), inspection.inspection_date)


def sample_summary(inspection: Inspection) -> SampleSummary:
    """The sample's figures, the size it needs and its on-time interval, as the assessment sees them."""
    return summarise(checklist_of(inspection), dossiers_of(inspection), inspection.inspection_date,
                     answers_of(inspection))


def add_dossier(inspection: Inspection, *, code: str, field: str, received: date, due: date, returned: date | None,
                in_register: bool, in_system: bool, control_slip_complete: bool, apology_issued: bool,
                actor: User, now: datetime) -> SampledDossierRow:
    """Record one sampled dossier and refresh the checklist answers computed from the sample."""
    ensure_editable(inspection.inspection_state, inspection.team_role_of(actor.id))
    code = code.strip()
    dossier = SampledDossier(code, field, received, due, returned, in_register, in_system, control_slip_complete,
                             apology_issued)
    check_dossier(dossier, inspection.inspection_date)
    if any(r.code == code for r in inspection.dossiers):
        raise DomainError(N_("Dossier %(code)s is already in the sample."), code=code)
    row = SampledDossierRow(inspection=inspection, code=code, field=field, received_date=received, due_date=due,
                            returned_date=returned, in_register=in_register, in_system=in_system,
                            control_slip_complete=control_slip_complete, apology_issued=apology_issued)
    db.session.add(row)
    db.session.flush()
    audit_log.record(actor, "dossier.add", "inspection", inspection.id, now=now,
                     after={"code": code, "field": field, "received": received, "due": due, "returned": returned,
                            "register": in_register, "system": in_system, "slip": control_slip_complete,
                            "apology": apology_issued})
    start_if_planned(inspection, actor, now)
    refresh_sample_answers(inspection, actor=actor, now=now)
    return row


def remove_dossier(inspection: Inspection, row: SampledDossierRow, *, actor: User, now: datetime) -> None:
    ensure_editable(inspection.inspection_state, inspection.team_role_of(actor.id))
    audit_log.record(actor, "dossier.remove", "inspection", inspection.id, now=now, before={"code": row.code})
    inspection.dossiers.remove(row)
    db.session.flush()
    refresh_sample_answers(inspection, actor=actor, now=now)


def refresh_sample_answers(inspection: Inspection, *, actor: User, now: datetime) -> None:
    """Keep the stored copies of the sample's figures in line with the sample (for the fill page and the
    progress count): the items that name a ``sample_metric`` get the sample's answer once the sample reaches
    its minimum, and lose it below; an item an inspector answered by hand is left alone."""
    checklist = checklist_of(inspection)
    summary = sample_summary(inspection)
    figures = sample_answers(checklist, summary, answers_of(inspection))
    for item in checklist.items:
        if not item.sample_metric:
            continue
        new_value = figures.get(item.id)
        current = _answer(inspection, item.id)
        if current is not None and current.source != "sample":
            continue
        if (current.value if current else None) == new_value:
            continue
        if current is None:
            db.session.add(Answer(inspection=inspection, item_id=item.id, value=new_value, note="", source="sample",
                                  version=1, updated_by_id=actor.id, updated_at=now))
        elif new_value is None and not current.note:
            inspection.answers.remove(current)
        else:  # a note written on the item stays, even when the sample no longer answers it
            current.value, current.version = new_value, current.version + 1
            current.updated_by_id, current.updated_at = actor.id, now
        audit_log.record(actor, "answer.sample", "inspection", inspection.id, now=now, item=item.id,
                         after={"value": new_value, "metric": item.sample_metric, "sample": summary.size,
                                "required": summary.required})
    db.session.flush()


def find_dossier(inspection: Inspection, dossier_id: int) -> SampledDossierRow | None:
    return db.session.scalar(select(SampledDossierRow).where(SampledDossierRow.id == dossier_id,
                                                             SampledDossierRow.inspection_id == inspection.id))
