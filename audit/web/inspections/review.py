"""The dossier sample and the findings of an inspection."""

from __future__ import annotations

import json

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from audit.db import db, utcnow
from audit.domain import listing
from audit.domain.findings import SEVERITY_LABELS, Severity
from audit.domain.inspections import may_edit
from audit.domain.policy import Permission
from audit.services import answers as answer_service
from audit.services import findings as finding_service
from audit.services import sample as sample_service
from audit.web.authz import require
from audit.web.forms import submit

from .common import child_or_404, load_inspection
from .forms import FIELD_LABELS, DossierForm, DropForm, FindingForm
from .views import bp


def _render_dossiers(inspection, form, status=200):
    return render_template("inspections/dossiers.html", inspection=inspection, form=form,
                           editable=may_edit(inspection.inspection_state, inspection.team_role_of(current_user.id)),
                           metrics=answer_service.metrics_of(inspection), field_labels=FIELD_LABELS,
                           field_labels_json=json.dumps({k: str(v) for k, v in FIELD_LABELS.items()}, ensure_ascii=False),
                           sample=answer_service.sample_summary(inspection),
                           rows=[sample_service.row_json(r) for r in inspection.dossiers],
                           my_role=inspection.team_role_of(current_user.id)), status


def _dossier_call(form):
    return dict(code=form.code.data, field=form.field.data, received=form.received_date.data,
                due=form.due_date.data, returned=form.returned_date.data, in_register=form.in_register.data,
                in_system=form.in_system.data, control_slip_complete=form.control_slip_complete.data,
                apology_issued=form.apology_issued.data)


@bp.route("/<int:inspection_id>/dossiers", methods=["GET", "POST"])
@require(Permission.INSPECTION_VIEW, to_change=Permission.INSPECTION_FILL)
def dossiers(inspection_id: int):
    inspection = load_inspection(inspection_id)
    form = DossierForm()
    outcome = submit(form, lambda: sample_service.add_dossier(
        inspection, **_dossier_call(form), client_id=form.client_id.data or None, actor=current_user, now=utcnow()),
        refused_status=422)
    if outcome.done:
        flash(_("Dossier %(code)s has been added to the sample.", code=outcome.value.code), "success")
        return redirect(url_for("inspections.dossiers", inspection_id=inspection.id))
    return _render_dossiers(load_inspection(inspection_id), form, outcome.status)


@bp.route("/<int:inspection_id>/dossiers/<int:dossier_id>/edit", methods=["GET", "POST"])
@require(Permission.INSPECTION_VIEW, to_change=Permission.INSPECTION_FILL)
def edit_dossier(inspection_id: int, dossier_id: int):
    """Correct a sampled dossier (pages without JavaScript; tablets send the same change through the queue)."""
    inspection = load_inspection(inspection_id)
    row = child_or_404(inspection.dossiers, dossier_id)
    form = DossierForm(obj=row, received_date=row.received_date, due_date=row.due_date,
                       returned_date=row.returned_date)
    outcome = submit(form, lambda: sample_service.edit_dossier(
        inspection, row, sample_service.SampledDossier(**{**_dossier_call(form), "code": form.code.data.strip()}),
        actor=current_user, now=utcnow()), refused_status=422)
    if outcome.done:
        flash(_("Dossier %(code)s has been corrected.", code=row.code), "success")
        return redirect(url_for("inspections.dossiers", inspection_id=inspection.id))
    return render_template("inspections/dossier_edit.html", inspection=inspection, row=row, form=form,
                           field_labels=FIELD_LABELS), outcome.status


@bp.post("/<int:inspection_id>/dossiers/sync")
@require(Permission.INSPECTION_VIEW, to_change=Permission.INSPECTION_FILL)
def sync_dossier(inspection_id: int):
    """One queued change to the sample from a tablet (JSON): add, edit or remove, by the dossier's client id.
    Answers the whole sample as it now stands, so the tablet keeps the newest copy."""
    inspection = load_inspection(inspection_id)
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or data.get("action") not in ("add", "edit", "remove"):
        return jsonify(status="invalid", message=_("The data sent is not valid.")), 400
    fields = None if data["action"] == "remove" else sample_service.dossier_from_json(data.get("dossier"))
    change = sample_service.apply(inspection, data["action"], data.get("client_id"), fields, actor=current_user,
                                  now=utcnow())
    db.session.commit()
    inspection = load_inspection(inspection_id)
    return jsonify(status="duplicate" if change.duplicate else "saved",
                   dossier=sample_service.row_json(change.row) if change.row else None,
                   revision=inspection.sample_revision,
                   dossiers=[sample_service.row_json(r) for r in inspection.dossiers],
                   metrics=answer_service.metrics_of(inspection))


@bp.post("/<int:inspection_id>/dossiers/<int:dossier_id>/delete")
@require(Permission.INSPECTION_VIEW, to_change=Permission.INSPECTION_FILL)
def delete_dossier(inspection_id: int, dossier_id: int):
    inspection = load_inspection(inspection_id)
    row = child_or_404(inspection.dossiers, dossier_id)
    sample_service.remove_dossier(inspection, row, actor=current_user, now=utcnow())
    db.session.commit()
    flash(_("The dossier has been removed from the sample."), "success")
    return redirect(url_for("inspections.dossiers", inspection_id=inspection.id))


FINDING_KINDS = ("repeat", "formality", "team", "dropped")


def _finding_kind(finding, kind: str) -> bool:
    return {"repeat": finding.repeat, "formality": finding.formality_signal, "team": not finding.item_id,
            "dropped": finding.dropped}[kind]


def _finding_spec() -> listing.Spec:
    severities = (Severity.HIGH, Severity.MEDIUM, Severity.LOW)
    return listing.Spec(
        text=lambda f: " ".join([f.statement, f.observation or "", f.requirement or "", f.legal_basis or "",
                                 f.item_id or "", f.responsible_official or ""]),
        search_hint=_("words of the finding, requirement or legal basis"),
        filters=(
            listing.Filter("severity", _("Severity"), [(s.value, _(SEVERITY_LABELS[s])) for s in severities],
                           lambda f, v: f.severity == v),
            listing.Filter("kind", _("Show"), list(zip(FINDING_KINDS, (
                _("repeats only"), _("formality signs only"), _("added by the team"), _("dropped only")), strict=True)),
                           _finding_kind),
        ),
        orders=(
            listing.Order("checklist", _("checklist order"), lambda f: f.id),
            listing.Order("severity", _("most serious first"),
                          lambda f: ([s.value for s in severities].index(f.severity), f.id)),
            listing.Order("deadline", _("earliest deadline first"), lambda f: f.deadline),
        ),
    )


def _render_findings(inspection, form, status=200, drop_forms=None):
    role = inspection.team_role_of(current_user.id)
    found = listing.apply(_finding_spec(), inspection.findings, request.args)
    return render_template("inspections/findings.html", inspection=inspection, form=form, listing=found,
                           editable=may_edit(inspection.inspection_state, role, findings=True),
                           head=finding_service.head_for(inspection),
                           my_role=inspection.team_role_of(current_user.id), drop_forms=drop_forms or {}), status


@bp.get("/<int:inspection_id>/findings")
@require(Permission.INSPECTION_VIEW)
def findings(inspection_id: int):
    return _render_findings(load_inspection(inspection_id), FindingForm(formdata=None))


@bp.post("/<int:inspection_id>/findings/sync")
@require(Permission.INSPECTION_VIEW, to_change=Permission.INSPECTION_FILL)
def sync_findings(inspection_id: int):
    inspection = load_inspection(inspection_id)
    finding_service.sync_findings(inspection, actor=current_user, now=utcnow())
    db.session.commit()
    flash(_("The findings have been brought up to date with the answers."), "success")
    return redirect(url_for("inspections.findings", inspection_id=inspection.id))


@bp.post("/<int:inspection_id>/findings/new")
@require(Permission.INSPECTION_VIEW, to_change=Permission.INSPECTION_FILL)
def add_finding(inspection_id: int):
    inspection = load_inspection(inspection_id)
    form = FindingForm()
    outcome = submit(form, lambda: finding_service.add_finding(
        inspection, statement=form.statement.data, observation=form.observation.data or "",
        severity=Severity(form.severity.data), legal_basis=form.legal_basis.data or "", requirement=form.requirement.data,
        deadline=form.deadline.data, responsible_official=form.responsible_official.data,
        actor=current_user, now=utcnow()), refused_status=422)
    if outcome.done:
        flash(_("The finding has been added."), "success")
        return redirect(url_for("inspections.findings", inspection_id=inspection.id))
    return _render_findings(load_inspection(inspection_id), form, outcome.status)


@bp.route("/<int:inspection_id>/findings/<int:finding_id>", methods=["GET", "POST"])
@require(Permission.INSPECTION_VIEW, to_change=Permission.INSPECTION_FILL)
def edit_finding(inspection_id: int, finding_id: int):
    inspection = load_inspection(inspection_id)
    finding = child_or_404(inspection.findings, finding_id)
    form = FindingForm(obj=finding)
    outcome = submit(form, lambda: finding_service.update_finding(
        finding, actor=current_user, now=utcnow(), statement=form.statement.data.strip(),
        observation=(form.observation.data or "").strip(), severity=Severity(form.severity.data),
        responsible_official=(form.responsible_official.data or "").strip() or None,
        legal_basis=(form.legal_basis.data or "").strip(), requirement=form.requirement.data.strip(),
        deadline=form.deadline.data or finding.deadline), refused_status=422)
    if outcome.done:
        flash(_("The finding has been updated."), "success")
        # the page of the list (in its first order) that holds the finding
        page = [f.id for f in inspection.findings].index(finding.id) // _finding_spec().size + 1
        return redirect(url_for("inspections.findings", inspection_id=inspection.id, page=page if page > 1 else None)
                        + f"#finding-{finding.id}")
    return render_template("inspections/finding_edit.html", inspection=inspection, finding=finding, form=form,
                           drop_form=DropForm(formdata=None)), outcome.status


@bp.post("/<int:inspection_id>/findings/<int:finding_id>/drop")
@require(Permission.INSPECTION_VIEW, to_change=Permission.INSPECTION_FILL)
def drop_finding(inspection_id: int, finding_id: int):
    inspection = load_inspection(inspection_id)
    finding = child_or_404(inspection.findings, finding_id)
    form = DropForm()
    outcome = submit(form, lambda: finding_service.drop_finding(finding, reason=form.reason.data,
                                                                actor=current_user, now=utcnow()), refused_status=422)
    if outcome.done:
        flash(_("The finding has been dropped."), "success")
        return redirect(url_for("inspections.findings", inspection_id=inspection.id))
    return render_template("inspections/finding_edit.html", inspection=inspection, finding=finding,
                           form=FindingForm(obj=finding, formdata=None), drop_form=form), outcome.status


@bp.post("/<int:inspection_id>/findings/<int:finding_id>/restore")
@require(Permission.INSPECTION_VIEW, to_change=Permission.INSPECTION_FILL)
def restore_finding(inspection_id: int, finding_id: int):
    inspection = load_inspection(inspection_id)
    finding = child_or_404(inspection.findings, finding_id)
    finding_service.restore_finding(finding, actor=current_user, now=utcnow())
    db.session.commit()
    flash(_("The finding has been restored."), "success")
    return redirect(url_for("inspections.findings", inspection_id=inspection.id))

