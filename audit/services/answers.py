"""Saving answers (autosave, offline replay, conflicts) and the answers the dossier sample gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import bindparam, inspect, select, update
from sqlalchemy.orm.attributes import set_committed_value

from audit.db import db, insert_or_ignore, on_connection
from audit.domain.checklist import Checklist
from audit.domain.errors import N_, DomainError, InvalidInput
from audit.domain.inspections import ANSWERS_EDITABLE, ensure_editable
from audit.domain.sampling import SampledDossier, SampleSummary, sample_answers, sample_inputs, sample_metrics, summarise
from audit.domain.scoring import NA, na_refusal, normalise_answer
from audit.models import Answer, AnswerOperation, Inspection, User

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
    """The inspection's answer to ``item_id``: from its answers when they are loaded, else that row alone (an
    autosave touches one item: reading the other answers of the inspection only to find it cost their rows)."""
    if not _answers_loaded(inspection):
        return db.session.scalar(select(Answer).where(Answer.inspection_id == inspection.id,
                                                      Answer.item_id == item_id))
    return next((a for a in inspection.answers if a.item_id == item_id), None)


def _answers_loaded(inspection: Inspection) -> bool:
    return "answers" not in inspect(inspection).unloaded


def _join(inspection: Inspection, answer: Answer) -> None:
    """Keep loaded answers in line with a row stored by a statement (unloaded ones are read from the database
    when they are first needed, the row with them)."""
    if _answers_loaded(inspection) and answer not in inspection.answers:
        inspection.answers.append(answer)


_answered = select(Answer.item_id).where(Answer.inspection_id == bindparam("inspection_id"), Answer.value.is_not(None))


def answered_items(inspection: Inspection) -> set[str]:
    """The items of ``inspection`` that hold a value, as this transaction leaves them (for the progress an
    autosave reports, without loading every answer)."""
    if _answers_loaded(inspection):
        return {a.item_id for a in inspection.answers if a.value is not None}
    return set(on_connection(_answered, {"inspection_id": inspection.id}).scalars())


def _stored(inspection: Inspection, item_id: str) -> Answer | None:
    """The row as the database holds it now (another request may have written it meanwhile)."""
    answer = db.session.scalar(select(Answer).where(Answer.inspection_id == inspection.id, Answer.item_id == item_id)
                               .execution_options(populate_existing=True))
    if answer is not None:
        db.session.refresh(answer, ["updated_by"])
    return answer


_operation = select(AnswerOperation.inspection_id, AnswerOperation.item_id).where(
    AnswerOperation.op_id == bindparam("op_id"))
# the stored answer to one item with the operation ``op_id`` if it was applied already (to any answer): an
# autosave's two reads in one statement
_answer_and_operation = (
    select(Answer, AnswerOperation.inspection_id, AnswerOperation.item_id)
    .outerjoin(AnswerOperation, AnswerOperation.op_id == bindparam("op_id"))
    .where(Answer.inspection_id == bindparam("inspection_id"), Answer.item_id == bindparam("item_id")))


def _seen(op_id: str | None, inspection: Inspection, item_id: str) -> Saved | None:
    """The stored result of an operation already applied (a resent one), else ``None``."""
    if not op_id:
        return None
    return _result_of(db.session.execute(_operation, {"op_id": op_id}).first(), inspection, item_id)


def _result_of(seen, inspection: Inspection, item_id: str) -> Saved | None:
    """What to answer for an operation found applied (``seen``: its inspection and item), ``None`` if not found."""
    if seen is None or seen.inspection_id is None:
        return None
    if seen.inspection_id != inspection.id or seen.item_id != item_id:
        raise DomainError(N_("This operation id was already used for another answer."))
    stored = _stored(inspection, item_id)
    if stored is not None:  # perhaps stored by a request that ran beside this one
        _join(inspection, stored)
    return Saved(stored, duplicate=True)


def _current_or_seen(op_id: str | None, inspection: Inspection, item_id: str) -> tuple[Answer | None, Saved | None]:
    """The stored answer to ``item_id`` and, when ``op_id`` was applied already, its stored result (see
    :func:`_seen`). One statement for an item already answered while the inspection's answers are not loaded
    (an autosave's usual case)."""
    if op_id and not _answers_loaded(inspection):
        row = db.session.execute(_answer_and_operation, {
            "op_id": op_id, "inspection_id": inspection.id, "item_id": item_id}).first()
        if row is None:  # no answer yet: only whether the operation stored another one is left to read
            return None, _seen(op_id, inspection, item_id)
        return row[0], _result_of(row, inspection, item_id)
    duplicate = _seen(op_id, inspection, item_id)
    return (None, duplicate) if duplicate else (_answer(inspection, item_id), None)


def save_answer(inspection: Inspection, *, item_id: str, value: str | None, note: str | None, base_version: int | None,
                op_id: str | None, actor: User, now: datetime) -> Saved:
    """Store one answer.

    ``op_id`` identifies the operation: the same id sent again returns the stored result and changes
    nothing. ``base_version`` is the version the client last saw (0 for none): if the stored answer moved
    on meanwhile and the new value or note differs, :class:`AnswerConflict` is raised and nothing is
    saved. ``value`` ``None`` keeps the stored value and changes only the note.

    The version check and the write are one statement (``UPDATE … WHERE version = :seen``, or an insert
    that yields to a row created meanwhile), so of two saves racing on one item exactly one is stored
    and the other is a conflict, on SQLite and PostgreSQL alike.
    """
    ensure_editable(inspection.inspection_state, inspection.team_role_of(actor.id))
    current, duplicate = _current_or_seen(op_id, inspection, item_id)
    if duplicate:
        return duplicate
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

    if current is None:
        inserted = insert_or_ignore(Answer, dict(
            inspection_id=inspection.id, item_id=item_id, value=normal, note=note, version=1, source="inspector",
            updated_by_id=actor.id, updated_at=now), ["inspection_id", "item_id"])
        current = _stored(inspection, item_id)
        _join(inspection, current)
        if inserted:
            _record(inspection, current, None, op_id, item_id, actor, now, checklist)
            return Saved(current)
        # another save created the row first: this one saw no answer, so it is judged against that row
        base_version = base_version or 0
    before = {"value": current.value, "note": current.note, "version": current.version}
    result = _update(inspection, current, normal, note, base_version, op_id, item_id, actor, now)
    if result.duplicate or current.version == before["version"]:
        return result
    _record(inspection, current, before, op_id, item_id, actor, now, checklist)
    return Saved(current)


def _unchanged(current: Answer, normal: str | None, note: str) -> bool:
    return (normal is None or normal == current.value) and note == current.note


def _update(inspection: Inspection, current: Answer, normal: str | None, note: str, base_version: int | None,
            op_id: str | None, item_id: str, actor: User, now: datetime) -> Saved:
    """Write ``current`` if it still has the version the client saw; a conflict otherwise."""
    if base_version is not None and base_version != current.version:
        duplicate = _seen(op_id, inspection, item_id)
        if duplicate:
            return duplicate  # the same operation, sent twice at once: the other copy was stored meanwhile
        if _unchanged(current, normal, note):
            return Saved(current)  # the same answer already stands: nothing to store
        raise AnswerConflict(current)
    if _unchanged(current, normal, note):
        return Saved(current)  # an unchanged answer is never stored as a new version
    seen = current.version
    values = {"note": note, "version": seen + 1, "updated_by_id": actor.id, "updated_at": now}
    if normal is not None:
        values.update(value=normal, source="inspector")
    written = on_connection(_write(frozenset(values)), {
        "answer_id": current.id, "seen": seen, "of_inspection": inspection.id,
        **{f"new_{key}": value for key, value in values.items()}}).rowcount
    if written != 1:
        fresh = _stored(inspection, item_id)
        duplicate = _seen(op_id, inspection, item_id)
        if duplicate:
            return duplicate  # the same operation, sent twice at once: the other copy was stored
        db.session.refresh(inspection, ["state"])
        ensure_editable(inspection.inspection_state, inspection.team_role_of(actor.id))
        raise AnswerConflict(fresh)
    # the row is what this statement wrote (its version check passed): the object takes those values as stored,
    # without reading the row back
    for key, value in values.items():
        set_committed_value(current, key, value)
    set_committed_value(current, "updated_by", actor)
    return Saved(current)


@cache
def _write(columns: frozenset[str]):
    """``UPDATE answers SET <columns> WHERE id = :answer_id AND version = :seen`` while its inspection takes
    answers: the version check and the write in one statement. Built once per set of columns (composing it
    cost more than running it); the new values are the parameters ``new_<column>``. A Core statement on the
    table, run on the session's connection: the caller sets the object's values itself (the ORM's bulk update
    path cost a save a tenth of its time)."""
    table = Answer.__table__
    editable = select(Inspection.id).where(Inspection.id == bindparam("of_inspection"),
                                           Inspection.state.in_([s.value for s in ANSWERS_EDITABLE]))
    return (update(table)
            .where(table.c.id == bindparam("answer_id"), table.c.version == bindparam("seen"),
                   table.c.inspection_id.in_(editable))
            .values({column: bindparam(f"new_{column}", type_=table.c[column].type) for column in sorted(columns)}))


def _record(inspection: Inspection, current: Answer, before: dict | None, op_id: str | None, item_id: str,
            actor: User, now: datetime, checklist) -> None:
    if op_id and not insert_or_ignore(AnswerOperation, dict(op_id=op_id, inspection_id=inspection.id, item_id=item_id,
                                                            user_id=actor.id, version=current.version, at=now),
                                      ["op_id"]):
        raise DomainError(N_("This operation id was already used for another answer."))
    start_if_planned(inspection, actor, now)
    audit_log.record(actor, "answer.save", "inspection", inspection.id, now=now, item=item_id, before=before,
                     after={"value": current.value, "note": current.note, "version": current.version},
                     op_id=op_id)
    if item_id in sample_inputs(checklist):
        refresh_sample_answers(inspection, actor=actor, now=now)  # what the sample answers may have changed


def save_section(inspection: Inspection, entries: list[dict], *, actor: User, now: datetime) -> list[Saved]:
    """Save a whole section at once (pages without JavaScript). Any invalid answer or conflict refuses
    the whole section; the caller rolls back."""
    return [save_answer(inspection, actor=actor, now=now, **entry) for entry in entries]


# ---------------------------------------------------------------- dossier sample


def metrics_of(inspection: Inspection) -> dict:
    return sample_metrics(dossiers_of(inspection), inspection.inspection_date)


def sample_summary(inspection: Inspection, answers: dict[str, str] | None = None,
                   checklist: Checklist | None = None, dossiers: list[SampledDossier] | None = None) -> SampleSummary:
    """The sample's figures, the size it needs and its on-time interval, as the assessment sees them; ``answers``,
    ``checklist`` and ``dossiers`` when the caller read them already (the answers: at least
    ``sampling.sample_inputs``); with all three, ``inspection`` need only give its date."""
    return summarise(checklist or checklist_of(inspection), dossiers_of(inspection) if dossiers is None else dossiers,
                     inspection.inspection_date, answers_of(inspection) if answers is None else answers)


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
