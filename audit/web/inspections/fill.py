"""Filling the checklist: one section per screen, autosave (JSON), offline replay, conflicts, photos."""

from __future__ import annotations

from flask import abort, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from audit.db import db, utcnow
from audit.domain.errors import InvalidInput
from audit.domain.inputs import record_number
from audit.domain.inspections import may_edit
from audit.domain.policy import Permission
from audit.models import Answer, Evidence
from audit.services import answers as answer_service
from audit.services import evidence as evidence_service
from audit.services import inspections as inspection_service
from audit.services.answers import AnswerConflict
from audit.web.authz import require
from audit.web.commit import commit_as_written
from audit.web.errors import translate
from audit.web.files import send_object, store

from .common import child_or_404, load_inspection
from .views import bp


def _answer_json(answer: Answer | None, item_id: str) -> dict:
    if answer is None:
        return {"item_id": item_id, "value": None, "note": "", "version": 0, "updated_by": None, "source": None}
    return {"item_id": answer.item_id, "value": answer.value, "note": answer.note, "version": answer.version,
            "updated_by": answer.updated_by.full_name if answer.updated_by else None, "source": answer.source}


def _progress(inspection) -> dict:
    checklist = inspection_service.checklist_of(inspection)
    answered = answer_service.answered_items(inspection)
    return {"answered": len(answered), "total": len(checklist.items),
            "sections": {s.key: sum(i.id in answered for i in s.items) for s in checklist.sections}}


@bp.get("/<int:inspection_id>/fill")
@require(Permission.INSPECTION_VIEW)
def fill_start(inspection_id: int):
    inspection = load_inspection(inspection_id)
    first = inspection_service.checklist_of(inspection).sections[0].key
    return redirect(url_for("inspections.fill_section", inspection_id=inspection.id, section_key=first))


def _render_section(inspection, section_key: str, *, status: int = 200, posted: dict | None = None,
                    conflicts: dict | None = None, errors: dict | None = None):
    checklist = inspection_service.checklist_of(inspection)
    sections = checklist.sections
    index = next((i for i, s in enumerate(sections) if s.key == section_key), None)
    if index is None:
        abort(404)
    answers = {a.item_id: a for a in inspection.answers}
    photos: dict[str, list[Evidence]] = {}
    for evidence in inspection.evidence:
        photos.setdefault(evidence.item_id, []).append(evidence)
    return render_template(
        "inspections/fill.html", inspection=inspection, checklist=checklist, section=sections[index],
        previous=sections[index - 1] if index else None,
        next=sections[index + 1] if index + 1 < len(sections) else None,
        answers=answers, photos=photos, progress=_progress(inspection), posted=posted or {},
        conflicts=conflicts or {}, errors=errors or {}, metrics=answer_service.metrics_of(inspection),
        sample=answer_service.sample_summary(inspection),
        my_role=inspection.team_role_of(current_user.id),
        editable=may_edit(inspection.inspection_state, inspection.team_role_of(current_user.id))), status


@bp.get("/<int:inspection_id>/fill/<section_key>")
@require(Permission.INSPECTION_VIEW)
def fill_section(inspection_id: int, section_key: str):
    return _render_section(load_inspection(inspection_id), section_key)


def _entries_from_form(section) -> tuple[list[dict], dict]:
    """One entry per item the form touched (pages without JavaScript)."""
    entries, posted = [], {}
    for item in section.items:
        value = request.form.get(f"value-{item.id}")
        if request.form.get(f"na-{item.id}"):
            value = "na"
        note = request.form.get(f"note-{item.id}", "")
        base = request.form.get(f"base-{item.id}", "0")
        posted[item.id] = {"value": value, "note": note}
        if (value is None or value == "") and not note.strip():
            continue
        base_version = record_number(base)
        if base_version is None:
            abort(400)
        entries.append({"item_id": item.id, "value": value if value not in (None, "") else None, "note": note,
                        "base_version": base_version, "op_id": None})
    return entries, posted


@bp.post("/<int:inspection_id>/fill/<section_key>")
@require(Permission.INSPECTION_VIEW, to_change=Permission.INSPECTION_FILL)
def save_section(inspection_id: int, section_key: str):
    """Save a whole section in one go (works without JavaScript). All or nothing."""
    inspection = load_inspection(inspection_id)
    checklist = inspection_service.checklist_of(inspection)
    section = next((s for s in checklist.sections if s.key == section_key), None)
    if section is None:
        abort(404)
    entries, posted = _entries_from_form(section)
    conflicts, errors = {}, {}
    for entry in entries:
        # save_answer checks before it changes anything, so a refused entry leaves no trace;
        # if any entry is refused the whole section is rolled back below.
        try:
            answer_service.save_answer(inspection, actor=current_user, now=utcnow(), **entry)
        except AnswerConflict as err:
            conflicts[entry["item_id"]] = err.current
        except InvalidInput as err:
            errors[entry["item_id"]] = translate(err)
    if conflicts or errors:
        db.session.rollback()
        inspection = load_inspection(inspection_id)
        conflicts = {k: _answer_json(db.session.get(Answer, v.id), k) for k, v in conflicts.items()}
        return _render_section(inspection, section_key, status=409 if conflicts and not errors else 422,
                               posted=posted, conflicts=conflicts, errors=errors)
    db.session.commit()
    target = request.form.get("go")
    keys = [s.key for s in checklist.sections]
    if target == "next" and keys.index(section_key) + 1 < len(keys):
        return redirect(url_for("inspections.fill_section", inspection_id=inspection.id,
                                section_key=keys[keys.index(section_key) + 1]))
    if target == "summary":
        return redirect(url_for("inspections.summary", inspection_id=inspection.id))
    return redirect(url_for("inspections.fill_section", inspection_id=inspection.id, section_key=section_key))


@bp.post("/<int:inspection_id>/answers")
@require(Permission.INSPECTION_VIEW, to_change=Permission.INSPECTION_FILL)
def save_answer(inspection_id: int):
    """Autosave one answer (JSON). Idempotent by ``op_id``; 409 with the stored answer on a conflict."""
    inspection = load_inspection(inspection_id, one_record=True, with_team=True)
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("item_id"), str):
        return jsonify(status="invalid", message=_("The data sent is not valid.")), 400
    op_id = data.get("op_id")
    base_version = data.get("base_version")
    value = data.get("value")
    if (op_id is not None and (not isinstance(op_id, str) or not 8 <= len(op_id) <= 64)) or \
            (base_version is not None and record_number(base_version) is None) or \
            (value is not None and not isinstance(value, str | int | float)) or isinstance(value, bool) or \
            not isinstance(data.get("note", ""), str):
        return jsonify(status="invalid", message=_("The data sent is not valid.")), 400
    try:
        saved = answer_service.save_answer(
            inspection, item_id=data["item_id"], value=None if value is None else str(value),
            note=data.get("note", ""), base_version=base_version, op_id=op_id, actor=current_user, now=utcnow())
    except AnswerConflict as err:
        db.session.rollback()
        current = db.session.get(Answer, err.current.id)
        return jsonify(status="conflict", message=translate(err), current=_answer_json(current, current.item_id)), 409
    # the answer and the progress as this transaction leaves them, read before the commit expires them (reading
    # them after it cost the inspection, its team, the user and the answers once more)
    body = dict(status="duplicate" if saved.duplicate else "saved", answer=_answer_json(saved.answer, data["item_id"]),
                progress=_progress(inspection))
    commit_as_written()
    return jsonify(**body)


@bp.get("/<int:inspection_id>/answers")
@require(Permission.INSPECTION_VIEW)
def answers_state(inspection_id: int):
    """Every stored answer with its version (the browser reconciles its queue with it)."""
    inspection = load_inspection(inspection_id, one_record=True)
    return jsonify(answers=[_answer_json(a, a.item_id) for a in inspection.answers], progress=_progress(inspection),
                   state=inspection.state)


def _tablet_time(raw: str | None):
    """The time a tablet says it took a photo (ISO 8601 with its offset); ``None`` when absent or unreadable."""
    from datetime import datetime

    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


@bp.post("/<int:inspection_id>/items/<item_id>/photos")
@require(Permission.INSPECTION_VIEW, to_change=Permission.INSPECTION_FILL)
def upload_photo(inspection_id: int, item_id: str):
    inspection = load_inspection(inspection_id)
    wants = request.accept_mimetypes.best == "application/json"
    upload = request.files.get("photo")
    if upload is None or not upload.filename:
        if wants:
            return jsonify(status="invalid", message=_("Choose a photo.")), 422
        abort(422)
    op_id = request.form.get("op_id") or None
    if op_id is not None and not 8 <= len(op_id) <= 64:
        return jsonify(status="invalid", message=_("The data sent is not valid.")), 400
    added = evidence_service.add_photo_once(inspection, item_id=item_id, filename=upload.filename, data=upload.stream,
                                            storage=store(), actor=current_user, now=utcnow(), op_id=op_id,
                                            taken_on_tablet=_tablet_time(request.form.get("taken_at")))
    db.session.commit()
    evidence = added.evidence
    if wants:
        return jsonify(status="duplicate" if added.duplicate else "saved", id=evidence.id, sha256=evidence.sha256,
                       thumb=url_for("inspections.evidence_file", inspection_id=inspection.id, evidence_id=evidence.id,
                                     thumb=1),
                       url=url_for("inspections.evidence_file", inspection_id=inspection.id, evidence_id=evidence.id))
    section = item_id[0]
    return redirect(url_for("inspections.fill_section", inspection_id=inspection.id, section_key=section)
                    + f"#item-{item_id}")


@bp.get("/<int:inspection_id>/evidence/<int:evidence_id>")
@require(Permission.INSPECTION_VIEW)
def evidence_file(inspection_id: int, evidence_id: int):
    inspection = load_inspection(inspection_id)
    evidence = child_or_404(inspection.evidence, evidence_id)
    thumb = request.args.get("thumb") == "1"
    return send_object(evidence_service.evidence_key(evidence, thumbnail=thumb),
                       mimetype="image/jpeg" if thumb else evidence.content_type, max_age=0,
                       download_name=None if thumb else evidence.filename)


@bp.get("/<int:inspection_id>/offline.json")
@require(Permission.INSPECTION_VIEW)
def offline_manifest(inspection_id: int):
    """What a tablet stores to work on this inspection without a network: the pages of every section, the
    sample, the findings and the summary, with the answers and the sample as they stand now."""
    from audit.services import sample as sample_service

    inspection = load_inspection(inspection_id)
    checklist = inspection_service.checklist_of(inspection)
    first = checklist.sections[0].key
    pages = [url_for("inspections.summary", inspection_id=inspection.id)]
    pages += [url_for("inspections.fill_section", inspection_id=inspection.id, section_key=s.key)
              for s in checklist.sections]
    pages += [url_for("inspections.dossiers", inspection_id=inspection.id),
              url_for("inspections.findings", inspection_id=inspection.id)]
    photos = [url_for("inspections.evidence_file", inspection_id=inspection.id, evidence_id=e.id, thumb=1)
              for e in inspection.evidence]
    return jsonify(
        inspection={"id": inspection.id, "unit": inspection.unit.name, "date": inspection.inspection_date.isoformat(),
                    "checklist": checklist.title, "items": len(checklist.items)},
        user_id=current_user.id, pages=pages,
        aliases={url_for("inspections.fill_start", inspection_id=inspection.id):
                 url_for("inspections.fill_section", inspection_id=inspection.id, section_key=first)},
        photos=photos, answers=[_answer_json(a, a.item_id) for a in inspection.answers],
        sample={"revision": inspection.sample_revision,
                "rows": [sample_service.row_json(r) for r in inspection.dossiers]},
        editable=may_edit(inspection.inspection_state, inspection.team_role_of(current_user.id)))
