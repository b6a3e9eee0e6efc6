"""The chairman's review: dashboard, heads of units, conclusions, dossier statistics, period reports."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice

from audit.db import db, utcnow
from audit.domain import listing
from audit.domain.errors import DomainError, InvalidInput, NotAllowed
from audit.domain.inputs import record_number
from audit.domain.inspections import ONE_STOP_REGIMES
from audit.domain.policy import Permission
from audit.domain.review import desk_attention, parse_period
from audit.domain.text import fold
from audit.domain.units import ONE_STOP_KINDS
from audit.domain.verdicts import Verdict
from audit.domain.vndate import local_today
from audit.models import Inspection
from audit.services import authorities as authority_service
from audit.services import conclusions as conclusion_service
from audit.services import heads as heads_service
from audit.services import review as review_service
from audit.services.remediation import can_see_inspection
from audit.web.authz import current_actor, require
from audit.web.errors import translate
from audit.web.files import kept_pdfs
from audit.web.filters import verdict_label
from audit.web.forms import max_length, optional, submit
from audit.web.inspections.common import load_inspection
from reports import render_pdf_reusing
from reports.review import period_parts, period_workbook

bp = Blueprint("review", __name__)


class ConcludeForm(FlaskForm):
    final_verdict = SelectField(_l("Final verdict"), validators=[optional()])
    verdict_reason = TextAreaField(_l("Reason, when the verdict differs from the team's proposal"),
                                   validators=[optional(), max_length(2000)])
    strengths = TextAreaField(_l("Strengths"), validators=[optional(), max_length(4000)])
    causes = TextAreaField(_l("Causes of the shortcomings"), validators=[optional(), max_length(4000)])
    directives = TextAreaField(_l("Conclusions and directives (one per line)"),
                               validators=[optional(), max_length(6000)])
    responsibility_review = BooleanField(_l("Ask for a review of the head's responsibility"))
    review_reason = TextAreaField(_l("Reason for the review"), validators=[optional(), max_length(2000)])


DESKS_PER_PAGE = 50  # a district's desks on one page; a province's in a few
CURRENT = "current"  # the default period of a page: this year, never a year of the demo


def _period(default: str | None = None, *, page: bool = True):
    """The period asked for (``?period=2019``, ``2019-Q1``), else ``default`` (``CURRENT``: this year). A period
    that is no period is a 400: on a page, the page itself with the reason above it and the default period; for
    a file, the error page."""
    if default == CURRENT:
        default = str(local_today(utcnow()).year)
    text = request.args.get("period", default or "")
    if not text:
        return None, ""
    try:
        return parse_period(text), text
    except InvalidInput as err:
        if not page:
            abort(400, translate(err))
        flash(translate(err), "error")
        g.period_refused = True
        return (parse_period(default), default) if default else (None, "")


def _status() -> int:
    """400 when the period asked for was refused (the page shows the default instead), else 200."""
    return 400 if g.get("period_refused") else 200


@bp.get("/dashboard")
@require(Permission.DASHBOARD_VIEW)
def dashboard():
    period, period_text = _period()
    kind = request.args.get("kind") or None
    if kind and kind not in {k.value for k in ONE_STOP_KINDS}:
        abort(400)
    regime = request.args.get("regime") or None
    if regime and regime not in ONE_STOP_REGIMES:
        abort(400)
    today = local_today(utcnow())
    rows = review_service.desks(period, kind, regime, today=today, scope=current_actor().unit_scope)
    # each figure above the table opens the desks behind it
    subsets = {"formal": [r for r in rows if r.not_real], "never": [r for r in rows if not r.latest],
               "overdue": [r for r in rows if r.overdue_items]}
    show = request.args.get("show") if request.args.get("show") in subsets else None
    spec = listing.Spec(
        text=lambda row: f"{row.unit.name} {row.unit.code}",
        search_hint=_("name or code of the desk"),
        orders=(listing.Order("tree", _("the unit tree"), lambda row: row.unit.code),
                listing.Order("attention", _("those needing attention first"),
                              lambda row: desk_attention(row.not_real, row.overdue_items, bool(row.latest),
                                                         row.latest["score"] if row.latest else None, row.unit.code)),
                listing.Order("name", _("name"), lambda row: (fold(row.unit.name), row.unit.code))),
        size=DESKS_PER_PAGE,
    )
    found = listing.apply(spec, subsets[show] if show else rows, request.args)
    review_service.with_trends(found.page.rows, period, regime)
    return render_template("review/dashboard.html", listing=found, period=period,
                           period_text=period_text, kind=kind, regime=regime, show=show, all_rows=rows,
                           kinds=sorted(k.value for k in ONE_STOP_KINDS), regimes=ONE_STOP_REGIMES,
                           verdict_codes=[v.value for v in Verdict], subsets=subsets,
                           concludes=authority_service.chaired_today(current_user, today)), _status()


@bp.get("/dashboard/heads")
@require(Permission.DASHBOARD_VIEW)
def heads():
    """The heads of units in reach, those needing attention first (or by name), searched by the head's or the
    unit's name, a page at a time."""
    period, period_text = _period()
    heads = heads_service.heads(period, today=local_today(utcnow()), scope=current_actor().unit_scope)
    spec = listing.Spec(
        text=lambda row: f"{row[1].person_name} {row[1].unit_name}",
        search_hint=_("name of the head or of the unit"),
        orders=(listing.Order("attention", _("those needing attention first"), lambda row: row[0]),
                listing.Order("name", _("name"), lambda row: (fold(row[1].person_name), row[0]))),
    )
    found = listing.apply(spec, list(enumerate(heads)), request.args)
    return render_template("review/heads.html", listing=found, period=period, period_text=period_text), _status()


def _conclude_form(inspection) -> ConcludeForm:
    form = ConcludeForm()
    form.final_verdict.choices = [SelectChoice(v.value, verdict_label(v.value))
                                  for v in conclusion_service.verdict_choices(inspection)]
    return form


def _written(form) -> dict:
    """What the chairman wrote in the conclusion form, as the service takes it."""
    return dict(directives=form.directives.data or "", strengths=form.strengths.data or "",
                causes=form.causes.data or "", responsibility_review=form.responsibility_review.data,
                review_reason=form.review_reason.data or "", final_verdict=form.final_verdict.data,
                verdict_reason=form.verdict_reason.data or "")


def _render_conclude(inspection, form, status):
    return render_template("review/conclude.html", inspection=inspection, form=form,
                           conclusion=conclusion_service.conclusion_of(inspection), reason=request.form.get("reason", ""),
                           head=conclusion_service.head_for(inspection)), status


@bp.route("/inspections/<int:inspection_id>/conclude", methods=["GET", "POST"])
@require(Permission.INSPECTION_CONCLUDE)
def conclude(inspection_id: int):
    inspection = load_inspection(inspection_id)
    authority_service.ensure_chairs(current_user, inspection, local_today(utcnow()))
    form = _conclude_form(inspection)
    conclusion = conclusion_service.conclusion_of(inspection)
    if not form.is_submitted():
        form.final_verdict.data = inspection.verdict
        if conclusion is not None:  # a correction starts from the notice in force
            form.process(data={"final_verdict": conclusion.final_verdict, "verdict_reason": conclusion.verdict_reason,
                               "strengths": conclusion.strengths, "causes": conclusion.causes,
                               "directives": conclusion.directives,
                               "responsibility_review": conclusion.responsibility_review,
                               "review_reason": conclusion.review_reason})
    replaces = request.form.get("replaces_id", "")
    outcome = submit(form, lambda: conclusion_service.conclude(
        inspection, **_written(form), actor=current_user, now=utcnow(),
        replaces_id=record_number(replaces), reason=request.form.get("reason", ""),
        confirmed=request.form.get("confirm") == "y"), refused_status=422)
    if outcome.done:
        flash(_("The inspection has been concluded (%(number)s).", number=outcome.value.number), "success")
        return redirect(url_for("review.conclude", inspection_id=inspection.id))
    return _render_conclude(load_inspection(inspection_id), form, outcome.status)


@bp.post("/inspections/<int:inspection_id>/conclude/preview")
@require(Permission.INSPECTION_CONCLUDE)
def conclude_preview(inspection_id: int):
    """The notice as the form would issue it, marked DỰ THẢO and without a number: nothing is stored. A form
    the notice could not be issued from comes back with its reasons, as the issue would answer."""
    inspection = load_inspection(inspection_id)
    authority_service.ensure_chairs(current_user, inspection, local_today(utcnow()))
    form = _conclude_form(inspection)
    if not form.validate():
        return _render_conclude(inspection, form, 422)
    try:
        pdf = conclusion_service.preview(inspection, **_written(form), actor=current_user, now=utcnow(),
                                         reason=request.form.get("reason", ""))
    except NotAllowed:
        raise  # the error page's 403
    except DomainError as err:
        form.form_errors.append(translate(err))
        return _render_conclude(inspection, form, 422)
    response = current_app.response_class(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="du-thao-thong-bao-ket-luan-{inspection.id}.pdf"'
    return response


@bp.get("/inspections/<int:inspection_id>/conclusion.pdf")
@require(Permission.REMEDIATION_VIEW)
def conclusion_pdf(inspection_id: int):
    inspection = db.session.get(Inspection, inspection_id)
    if inspection is None or not can_see_inspection(inspection, current_user):
        abort(404)
    conclusion = conclusion_service.conclusion_of(inspection)
    if conclusion is None:
        abort(404)
    response = current_app.response_class(conclusion.pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="thong-bao-ket-luan-{inspection.id}.pdf"'
    return response


def _report_context(period):
    from audit.services import period_report

    return period_report.context(period, actor=current_user, now=utcnow(), scope=current_actor().unit_scope)


class PeriodReportForm(FlaskForm):
    recipient = TextAreaField(_l("Addressee (Kính gửi)"), validators=[optional(), max_length(300)])
    assessment = TextAreaField(_l("General assessment"), validators=[optional(), max_length(6000)])
    shortcomings = TextAreaField(_l("Shortcomings"), validators=[optional(), max_length(6000)])
    causes = TextAreaField(_l("Causes"), validators=[optional(), max_length(6000)])
    recommendations = TextAreaField(_l("Recommendations and tasks"), validators=[optional(), max_length(6000)])


@bp.route("/reports/period", methods=["GET", "POST"])
@require(Permission.INSPECTION_CONCLUDE)
def period_report():
    """The chairman's staff write the narrative; the figures are filled in; issuing numbers and signs it. Issuing
    again on the same period replaces the report in force (reason and confirmation)."""
    from audit.services import period_report as period_service

    period, text = _period(CURRENT, page=request.method == "GET")  # never issued for a period not asked for
    form = PeriodReportForm()
    replaces = request.form.get("replaces_id", "")
    if form.is_submitted() and form.validate():
        from .period_jobs import hand_over

        job_id = hand_over(form, text, replaces)  # with Redis: rendered and signed by a job while this page waits
        if job_id:
            return redirect(url_for("review.period_job", job_id=job_id))
    outcome = submit(form, lambda: period_service.issue(
        period, recipient=form.recipient.data or "", actor=current_user, now=utcnow(),
        scope=current_actor().unit_scope,
        narrative={k: getattr(form, k).data for k in period_service.NARRATIVE},
        replaces_id=record_number(replaces), reason=request.form.get("reason", ""),
        confirmed=request.form.get("confirm") == "y"), refused_status=422)
    if outcome.done:
        flash(_("Report %(number)s has been issued.", number=outcome.value.number), "success")
        return redirect(url_for("review.document_pdf", document_id=outcome.value.id))
    current = period_service.current_report(period, actor=current_user, now=utcnow())
    if current is not None and not form.is_submitted():
        # the narrative of the report in force, to correct rather than retype
        form.recipient.data = current.recipient
        for key, written in (current.narrative or {}).items():
            if key in period_service.NARRATIVE:
                getattr(form, key).data = written
    return render_template("review/period_report.html", form=form, period_text=text, current=current,
                           reason=request.form.get("reason", "")), \
        outcome.status if outcome.status != 200 else _status()


@bp.get("/documents/<int:document_id>.pdf")
@require(Permission.REMEDIATION_VIEW)
def document_pdf(document_id: int):
    """An issued document of the register (replaced ones too): for the people of its issuing body's scope, and
    the inspected unit for the documents of its own inspections."""
    from audit.models import OutgoingDocument
    from audit.services import documents as document_service

    document = db.session.get(OutgoingDocument, document_id)
    scope = current_actor().unit_scope
    visible = document is not None and (
        scope is None or document.authority.unit_id in scope
        or (document.inspection_id is not None and can_see_inspection(document.inspection, current_user)))
    data = document_service.pdf_of(document) if visible else None
    if data is None:
        abort(404)
    response = current_app.response_class(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="van-ban-{document.year}-{document.seq:02d}.pdf"'
    return response


@bp.get("/reports/period.pdf")
@require(Permission.DASHBOARD_VIEW)
def period_pdf():
    period, text = _period(CURRENT, page=False)
    # the same figures make the same file: a report downloaded again (by the chairman, by each office) is served
    # from the instance's cache instead of laid out again
    pdf = render_pdf_reusing(period_parts(_report_context(period)), kept_pdfs())
    response = current_app.response_class(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="bao-cao-kiem-tra-cong-vu-{text}.pdf"'
    return response


@bp.get("/reports/period.xlsx")
@require(Permission.DASHBOARD_VIEW)
def period_xlsx():
    period, text = _period(CURRENT, page=False)
    response = current_app.response_class(
        period_workbook(_report_context(period)),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response.headers["Content-Disposition"] = f'attachment; filename="bao-cao-kiem-tra-cong-vu-{text}.xlsx"'
    return response


@bp.get("/documents")
@require(Permission.INSPECTION_VIEW)
def documents():
    """The register of outgoing documents of the authorities in the reader's scope (sổ đăng ký văn bản đi)."""
    from audit.domain.documents import KIND_NAMES, DocumentKind
    from audit.services import documents as document_service

    year = request.args.get("year", "")
    if year and not (year.isdigit() and len(year) == 4):
        abort(400, _("Write the year with four digits, for example 2026."))
    rows = document_service.listing(current_actor().unit_scope, int(year) if year else None)
    return render_template("review/documents.html", rows=rows, year=year,
                           replaced_by=document_service.replaced_by(rows),
                           kind_names={k.value: KIND_NAMES[k] for k in DocumentKind})
