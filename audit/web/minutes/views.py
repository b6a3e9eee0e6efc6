"""Minutes: details, draft preview, issuing versions, downloads, signed scans; and the public /verify page."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from audit.db import db, utcnow
from audit.domain.errors import LoginThrottled
from audit.domain.inputs import record_number
from audit.domain.policy import Permission
from audit.extensions import csrf
from audit.models import Inspection, IssuedMinutes
from audit.services import auth as auth_service
from audit.services import documents as document_service
from audit.services import minutes as minutes_service
from audit.services import signing
from audit.services.remediation import can_see_inspection
from audit.web.authz import require
from audit.web.errors import translate
from audit.web.files import kept_pdfs, send_object, store
from audit.web.forms import submit
from audit.web.inspections.common import load_inspection
from reports import render_pdf_reusing

from .forms import DetailsForm, SignedScanForm, VerifyForm

bp = Blueprint("minutes", __name__)
VERIFY_MAX_BYTES = 20 * 1024 * 1024


def _pdf(data: bytes, filename: str, inline: bool = True) -> Response:
    response = Response(data, mimetype="application/pdf")
    disposition = "inline" if inline else "attachment"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response.headers["Content-Length"] = str(len(data))
    return response


def _render(inspection, form, scan_form=None, status=200):
    return render_template("minutes/index.html", inspection=inspection, form=form,
                           scan_form=scan_form or SignedScanForm(formdata=None),
                           versions=minutes_service.issued_versions(inspection),
                           details=minutes_service.details_of(inspection),
                           my_role=inspection.team_role_of(current_user.id)), status


@bp.route("/inspections/<int:inspection_id>/minutes", methods=["GET", "POST"])
@require(Permission.INSPECTION_VIEW, to_change=Permission.MINUTES_ISSUE)
def index(inspection_id: int):
    inspection = load_inspection(inspection_id)
    details = minutes_service.details_of(inspection)
    form = DetailsForm(data={"start_time": details.start_time, "end_time": details.end_time, "place": details.place,
                             "representatives": details.unit_representatives, "comments": details.unit_comments,
                             "copies": details.copies}) if request.method == "GET" else DetailsForm()
    outcome = submit(form, lambda: minutes_service.save_details(
        inspection, start_time=form.start_time.data.strip(), end_time=form.end_time.data.strip(),
        place=form.place.data, representatives=form.representatives.data or "", comments=form.comments.data or "",
        copies=form.copies.data, actor=current_user, now=utcnow()), refused_status=422)
    if outcome.done:
        flash(_("The details of the minutes have been saved (revision %(n)d).", n=outcome.value.revision), "success")
        return redirect(url_for("minutes.index", inspection_id=inspection.id))
    return _render(load_inspection(inspection_id), form, status=outcome.status)


@bp.get("/inspections/<int:inspection_id>/minutes/preview.pdf")
@require(Permission.INSPECTION_VIEW)
def preview(inspection_id: int):
    inspection = load_inspection(inspection_id)
    # opened again and again while the team writes: the same minutes are served from the kept PDFs
    return _pdf(render_pdf_reusing(minutes_service.preview_html(inspection), kept_pdfs()),
                f"bien-ban-du-thao-{inspection.id}.pdf")


@bp.post("/inspections/<int:inspection_id>/minutes/issue")
@require(Permission.INSPECTION_VIEW, to_change=Permission.MINUTES_ISSUE)
def issue(inspection_id: int):
    inspection = load_inspection(inspection_id)
    replaces = request.form.get("replaces_version", "")
    issued = minutes_service.issue(
        inspection, actor=current_user, now=utcnow(), verify_base_url=current_app.config.get("PUBLIC_URL"),
        replaces_version=record_number(replaces), reason=request.form.get("reason", ""),
        confirmed=request.form.get("confirm") == "y")
    db.session.commit()
    flash(_("Minutes %(number)s have been issued.", number=issued.number), "success")
    return redirect(url_for("minutes.index", inspection_id=inspection.id))


def _version(inspection, version: int) -> IssuedMinutes:
    issued = db.session.scalar(select(IssuedMinutes).where(IssuedMinutes.inspection_id == inspection.id,
                                                           IssuedMinutes.version == version))
    if issued is None:
        abort(404)
    return issued


def _issued_for_reader(inspection_id: int):
    """The inspection whose issued minutes the user may download: staff in scope, and the inspected unit's own
    officers, who keep copies of the minutes that concern them (404 for anything else)."""
    inspection = db.session.get(Inspection, inspection_id)
    if inspection is None or not can_see_inspection(inspection, current_user):
        abort(404)
    return inspection


@bp.get("/inspections/<int:inspection_id>/minutes/v<int:version>.pdf")
@require(Permission.REMEDIATION_VIEW)
def download(inspection_id: int, version: int):
    inspection = _issued_for_reader(inspection_id)
    issued = _version(inspection, version)
    return _pdf(issued.pdf, f"bien-ban-{inspection.id}-v{issued.version}.pdf", inline=False)


@bp.post("/inspections/<int:inspection_id>/minutes/v<int:version>/signed")
@require(Permission.INSPECTION_VIEW, to_change=Permission.MINUTES_ISSUE)
def upload_signed(inspection_id: int, version: int):
    inspection = load_inspection(inspection_id)
    issued = _version(inspection, version)
    form = SignedScanForm()
    outcome = submit(form, lambda: minutes_service.attach_signed_scan(
        issued, data=form.scan.data.stream, actor=current_user, now=utcnow(), storage=store()),
        refused_status=422)
    if outcome.done:
        flash(_("The signed copy has been attached."), "success")
        return redirect(url_for("minutes.index", inspection_id=inspection.id))
    return _render(load_inspection(inspection_id), DetailsForm(formdata=None), form, outcome.status)


@bp.get("/inspections/<int:inspection_id>/minutes/v<int:version>/signed")
@require(Permission.REMEDIATION_VIEW)
def download_signed(inspection_id: int, version: int):
    inspection = _issued_for_reader(inspection_id)
    issued = _version(inspection, version)
    if issued.signed_sha256 is None:
        abort(404)
    extension = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
    name = f"bien-ban-{inspection.id}-v{version}-da-ky.{extension[issued.signed_content_type]}"
    if issued.signed_scan is not None:  # attached before scans went to the file store
        response = Response(issued.signed_scan, mimetype=issued.signed_content_type)
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return send_object(issued.signed_sha256, mimetype=issued.signed_content_type, download_name=name,
                       as_attachment=True)


@bp.route("/verify", methods=["GET", "POST"])
@csrf.exempt  # public and read-only: it changes nothing and needs no session
def verify():
    """Anyone may check a code or a PDF file: the answer names only the document it matches (minutes by code
    or file; a conclusion notice or report by file) and, for a file, its digital signature."""
    form = VerifyForm(meta={"csrf": False})
    result, checked, status, signature, other = None, False, 200, None, None
    if request.method == "POST" or request.args.get("code"):
        # a person checks a few documents; a script guessing codes is slowed (counted per address, shared)
        try:
            auth_service.check_verify_rate(address=request.remote_addr or "?", now=utcnow())
            db.session.commit()
        except LoginThrottled as err:
            db.session.rollback()
            form.form_errors.append(translate(err))
            return render_template("minutes/verify.html", form=form, result=None, checked=False, other=None,
                                   signature=None), 429
    if request.method == "POST":
        if not form.validate():
            status = 422
        elif form.document.data:
            data = form.document.data.read(VERIFY_MAX_BYTES)
            result, checked = minutes_service.find_by_content(data), True
            other = None if result is not None else document_service.find_by_content(data)
            signature = signing.check_signature(data)
        elif form.code.data:
            result, checked = minutes_service.find_by_code(form.code.data), True
        else:
            form.form_errors.append(_("Enter a verification code or choose the PDF file."))
            status = 422
    elif request.args.get("code"):
        form.code.data = request.args["code"][:20]
        result, checked = minutes_service.find_by_code(form.code.data), True
    if checked and result is None and other is None:
        status = 404
    return render_template("minutes/verify.html", form=form, result=result, checked=checked,
                           signature=signature, other=other), status
