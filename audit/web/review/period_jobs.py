"""A period report issued by a background job (with ``AUDIT_REDIS_URL``): the chairman's request is checked and
handed over, and a page waits for the job, then opens the signed report — or shows the form again, filled with
what was written, when the job was refused (a report issued meanwhile) or failed."""

from __future__ import annotations

import logging

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from audit import jobs
from audit.db import utcnow
from audit.domain.errors import InvalidInput
from audit.domain.inputs import record_number
from audit.domain.policy import Permission
from audit.domain.review import parse_period
from audit.web.authz import require

from .views import PeriodReportForm, bp

log = logging.getLogger(__name__)

#: the jobs of this page (``meta["kind"]``)
KIND = "period_report"
REFRESH = jobs.WAITING_REFRESH
#: seconds the job's outcome stays for its page (a chairman who closed the tablet finds it the same day)
RESULT_KEPT = 24 * 3600


def hand_over(form, period_text: str, replaces: str) -> str | None:
    """Queue the issuing of the report the form asks for; the job's id. None when there is no Redis (or it does
    not answer, or the form lacks a part): the request then issues it itself, or refuses it, as without jobs."""
    from flask import request

    from audit.services import period_report as period_service

    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    try:
        recipient, narrative = period_service.written_parts(
            form.recipient.data or "", {k: getattr(form, k).data for k in period_service.NARRATIVE})
    except InvalidInput:
        return None  # refused by the request, with the same message
    try:
        return jobs.enqueue(url, "audit.jobs.issue_period_report", quick=True, result_ttl=RESULT_KEPT,
                            meta={"kind": KIND, "user_id": current_user.id, "period": period_text},
                            user_id=current_user.id, period=period_text, recipient=recipient, narrative=narrative,
                            replaces_id=record_number(replaces), reason=request.form.get("reason", ""),
                            confirmed=request.form.get("confirm") == "y")
    except Exception:  # noqa: BLE001 - Redis is down: the request issues the report itself
        log.exception("the period report could not be handed to a job; issued by the request")
        return None


@bp.get("/reports/period/jobs/<job_id>")
@require(Permission.INSPECTION_CONCLUDE)
def period_job(job_id: str):
    """The chairman's report being made: a page that looks again every few seconds; the report once signed."""
    from audit.services import period_report as period_service

    url = current_app.config.get("REDIS_URL")
    try:
        job = jobs.fetch(url, job_id, KIND) if url else None
    except jobs.Unreachable:  # the report may be under way: say so, and look again
        return render_template("review/period_waiting.html", period_text="", refresh=REFRESH * 5,
                               unreachable=True), 503
    if job is None or job.meta.get("user_id") != current_user.id:  # only its own requester sees a job
        abort(404)
    period_text = job.meta.get("period", "")
    state, result = jobs.outcome(job)
    if state == "waiting":
        return render_template("review/period_waiting.html", period_text=period_text, refresh=REFRESH,
                               unreachable=False), 202
    if state == "done":
        flash(_("Report %(number)s has been issued.", number=result["number"]), "success")
        return redirect(url_for("review.document_pdf", document_id=result["document_id"]))
    if state == "refused":
        message, code = _(result["refused"], **result.get("params", {})), result.get("status", 409)
    else:
        message, code = _("The report could not be made. What you wrote is below: issue it again."), 503
    asked = job.kwargs
    form = PeriodReportForm(formdata=None)
    form.recipient.data = asked.get("recipient", "")
    for key in period_service.NARRATIVE:
        getattr(form, key).data = asked.get("narrative", {}).get(key, "")
    form.form_errors.append(message)
    current = period_service.current_report(parse_period(period_text), actor=current_user, now=utcnow())
    return render_template("review/period_report.html", form=form, period_text=period_text, current=current,
                           reason=asked.get("reason", "")), code
