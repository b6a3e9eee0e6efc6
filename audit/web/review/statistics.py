"""Dossier statistics on the chairman's review: the figures by unit and field, and importing the provincial
system's export — upload, mapping, preview, confirm or discard (routes on the review blueprint)."""

from __future__ import annotations

import logging

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import StringField

from audit import jobs
from audit.db import db, utcnow
from audit.domain import listing, stats_import
from audit.domain.errors import N_, ImportRejected, InvalidInput, Problem
from audit.domain.inputs import record_number
from audit.domain.policy import Permission
from audit.domain.procedure_fields import FIELDS as PROCEDURE_FIELDS
from audit.domain.stats_import import COLUMN_LABELS, LEVEL_LABELS
from audit.domain.text import fold
from audit.models import StatisticsImport
from audit.services import review as review_service
from audit.services import statistics as statistics_service
from audit.web.authz import current_actor, require
from audit.web.errors import problem_text, translate
from audit.web.forms import max_length, optional, read_upload, submit

from .views import CURRENT, _period, _status, bp

log = logging.getLogger(__name__)


class StatisticsForm(FlaskForm):
    file = FileField(_l("Export file (CSV in UTF-8, or Excel .xlsx)"),
                     validators=[FileRequired(message=_l("Choose a file."))])
    source = StringField(_l("Source of the file (its mapping is remembered under this name)"),
                         validators=[optional(), max_length(100)])
    report_period = StringField(_l("Period, when the file has no period column (2019, 2019-Q1)"),
                                validators=[optional(), max_length(20)])


class ImportActionForm(FlaskForm):
    """The confirm, discard and mapping buttons of an import: the token only, the rest read as posted."""



@bp.route("/statistics", methods=["GET", "POST"])
@require(Permission.STATISTICS_IMPORT)
def statistics():
    period, period_text = _period(CURRENT)
    scope = current_actor().unit_scope
    form = StatisticsForm()
    if request.method == "GET":
        form.source.data = form.source.data or stats_import.DEFAULT_SOURCE
    problems, status = [], _status()
    if form.is_submitted():
        status = 422
        if form.validate():
            data = read_upload(form.file.data, current_app.config["IMPORT_MAX_BYTES"])
            try:
                if data is None:
                    status = 413
                    raise ImportRejected([Problem(0, N_("The file is larger than %(size)d MB."),
                                                  {"size": current_app.config["IMPORT_MAX_BYTES"] // (1024 * 1024)})])
                imp = statistics_service.draft(data, form.file.data.filename or "", source=form.source.data or "",
                                               period_text=form.report_period.data, actor=current_user,
                                               now=utcnow())
            except ImportRejected as err:
                db.session.rollback()
                problems = [(p.row, translate(p)) for p in err.problems]
            except InvalidInput as err:
                db.session.rollback()
                form.report_period.errors = [*form.report_period.errors, translate(err)]
            else:
                db.session.commit()
                return redirect(url_for("review.statistics_import", import_id=imp.id))
    read = review_service.unit_field_totals(period, scope)  # once, summed by unit and by field below
    by_unit = review_service.on_time_by_unit(period, scope, read)
    spec = listing.Spec(
        text=lambda r: f"{r.unit.name} {r.unit.code}", search_hint=_("unit name or code"),
        filters=(listing.Filter("show", _("Show"), [("contradicts", _("only where the sample contradicts the report")),
                                                     ("late", _("only units with late dossiers"))],
                                lambda r, v: r.contradicts if v == "contradicts" else bool(r.figures.late)),),
        orders=(listing.Order("tree", _("district desk first, then by code"), lambda r: 0),
                listing.Order("rate", _("lowest on-time share first"), lambda r: r.reported_rate),
                listing.Order("late", _("most late dossiers first"), lambda r: r.figures.late or 0, descending=True),
                listing.Order("name", _("unit name"), lambda r: fold(r.unit.name))),
    )
    return render_template("review/statistics.html", form=form, problems=problems, period=period,
                           period_text=period_text, by_unit=listing.apply(spec, by_unit, request.args),
                           by_field=review_service.on_time_by_field(period, scope, read),
                           imports=statistics_service.recent_imports(current_user),
                           sources=statistics_service.sources()), status


def _own_import(import_id: int) -> StatisticsImport:
    """An import its own author may see (a draft holds the whole file: nobody else's business)."""
    imp = db.session.get(StatisticsImport, record_number(import_id))
    if imp is None or imp.created_by_id != current_user.id:
        abort(404)
    return imp


IMPORT_JOB = "statistics_import"


def _hand_over(imp: StatisticsImport) -> bool:
    """With Redis: queue the writing of a ready draft (once: a second confirmation finds the job waiting). False
    when there is no Redis (or it does not answer) or the draft is not ready: the request then writes or refuses
    it itself, as without jobs."""
    url = current_app.config.get("REDIS_URL")
    if not url or not imp.may_commit:
        return False
    try:
        if not statistics_service.prepare(imp, scope=current_actor().unit_scope).ready:
            return False
    except ImportRejected:
        return False
    try:
        if (_job_state(imp) or ("",))[0] == "waiting":
            return True
        _forget_job(imp)  # an earlier job's answer (refused, failed) is replaced, expiry and all
        jobs.enqueue(url, "audit.jobs.commit_import", quick=True, job_id=jobs.import_job_id(imp.id),
                     result_ttl=24 * 3600, meta={"kind": IMPORT_JOB, "user_id": current_user.id},
                     import_id=imp.id, user_id=current_user.id)
        return True
    except Exception:  # noqa: BLE001 - Redis is down: the request writes the import itself
        log.exception("the import could not be handed to a job; written by the request")
        return False


def _forget_job(imp: StatisticsImport) -> None:
    """Drop what the import's last job said (a refusal is stale once the mapping changed)."""
    url = current_app.config.get("REDIS_URL")
    if not url:
        return
    try:
        job = jobs.fetch(url, jobs.import_job_id(imp.id), IMPORT_JOB)
        if job is not None and jobs.outcome(job)[0] != "waiting":
            job.delete()
    except Exception:  # noqa: BLE001 - nothing to forget when Redis is down
        log.warning("the answer of import %s's last job could not be dropped", imp.id)


def _job_state(imp: StatisticsImport) -> tuple[str, dict] | None:
    """What the import's job says, as :func:`audit.jobs.outcome` (("waiting", {}), ("refused", result),
    ("failed", {}), ("done", result)), or None: no job of this user, no Redis, Redis not answering, or an answer
    the page already shows itself (the import written or discarded). The page is then the page without jobs."""
    url = current_app.config.get("REDIS_URL")
    try:
        job = jobs.fetch(url, jobs.import_job_id(imp.id), IMPORT_JOB) if url else None
    except jobs.Unreachable:
        log.warning("the job server does not answer: import %s shown without its job's state", imp.id)
        return None
    if job is None or job.meta.get("user_id") != current_user.id:
        return None
    state, result = jobs.outcome(job)
    if state != "waiting" and not imp.may_commit:  # written (or discarded): the page says so itself
        return None
    return state, result


def _import_page(imp: StatisticsImport, status: int = 200, errors: list[str] | None = None):
    file_problems, row_problems, totals = [], [], {}
    state, result = _job_state(imp) or (None, {})
    errors = list(errors or [])
    if state == "refused":
        errors.append(_(result["refused"], **result.get("params", {})))
    elif state == "failed":
        errors.append(_("The import could not be written; nothing was changed. Confirm it again."))
    try:
        prepared = statistics_service.prepare(imp, scope=current_actor().unit_scope)
    except ImportRejected as err:
        prepared = None
        file_problems = [(p.row, translate(p)) for p in err.problems]
    if prepared is not None:
        row_problems = [(p.line, problem_text(p)) for p in prepared.preview.problems] + \
            [(p.row, translate(p)) for p in prepared.overlaps]
        by_level = prepared.preview.totals("level")
        totals = {"level": [(gettext(label), by_level[key]) for key, label in LEVEL_LABELS.items() if key in by_level],
                  "field": sorted(prepared.preview.totals("field").items()),
                  "unit": sorted(prepared.preview.totals("unit").items())}
    return render_template("review/statistics_import.html", imp=imp, prepared=prepared, file_problems=file_problems,
                           row_problems=row_problems, totals=totals, errors=errors, form=ImportActionForm(),
                           waiting=state == "waiting", refresh=jobs.WAITING_REFRESH,
                           columns=list(COLUMN_LABELS), fields=PROCEDURE_FIELDS), status


@bp.route("/statistics/imports/<int:import_id>")
@require(Permission.STATISTICS_IMPORT)
def statistics_import(import_id: int):
    return _import_page(_own_import(import_id))


@bp.route("/statistics/imports/<int:import_id>/mapping", methods=["POST"])
@require(Permission.STATISTICS_IMPORT)
def statistics_mapping(import_id: int):
    """The user's answers for columns, unit names and field labels, remembered for the import's source."""
    imp = _own_import(import_id)
    form = ImportActionForm()
    if not imp.may_commit:
        abort(409)
    prepared = statistics_service.prepare(imp, scope=current_actor().unit_scope)
    allowed_units = {c.id for c in prepared.units}
    columns, units, fields = {}, {}, {}
    for index in range(len(prepared.paths)):
        value = request.form.get(f"col-{index}")
        if value is not None:
            columns[prepared.header_of(index)] = value
    for key, value in request.form.items():
        if key.startswith("unit:") and value:
            unit_id = record_number(value)
            if unit_id not in allowed_units:
                abort(422, _("Choose a unit from the list."))
            units[key[len("unit:"):]] = unit_id
        elif key.startswith("field:") and value:
            fields[key[len("field:"):]] = value

    period_text = request.form.get("report_period")

    def save():
        if period_text is not None:
            statistics_service.set_period(imp, period_text, actor=current_user, now=utcnow())
        statistics_service.remember(imp.source, columns=columns, units=units, fields=fields, now=utcnow())

    outcome = submit(form, save, refused_status=422)
    if not outcome.done:
        return _import_page(imp, outcome.status, form.form_errors)
    _forget_job(imp)
    flash(_("The mapping is saved for “%(source)s” and used for its next files.", source=imp.source), "success")
    return redirect(url_for("review.statistics_import", import_id=imp.id))


@bp.route("/statistics/imports/<int:import_id>/confirm", methods=["POST"])
@require(Permission.STATISTICS_IMPORT)
def statistics_confirm(import_id: int):
    imp = _own_import(import_id)
    form = ImportActionForm()
    if form.is_submitted() and form.validate() and _hand_over(imp):
        return redirect(url_for("review.statistics_import", import_id=imp.id))  # its page waits for the job
    # not ready: refused with 422, and the page lists what is left to map or correct
    outcome = submit(form, lambda: statistics_service.commit(imp, actor=current_user, now=utcnow(),
                                                              scope=current_actor().unit_scope),
                     refused_status=422)
    if not outcome.done:
        return _import_page(imp, outcome.status, form.form_errors)
    result = outcome.value
    if result.unchanged:
        flash(_("These figures are already imported: nothing changed."), "info")
    else:
        flash(_("Imported %(count)d row(s) of dossier statistics; %(replaced)d earlier row(s) replaced.",
                count=result.rows, replaced=result.replaced), "success")
    return redirect(url_for("review.statistics_import", import_id=imp.id))


@bp.route("/statistics/imports/<int:import_id>/discard", methods=["POST"])
@require(Permission.STATISTICS_IMPORT)
def statistics_discard(import_id: int):
    imp = _own_import(import_id)
    form = ImportActionForm()
    outcome = submit(form, lambda: statistics_service.discard(imp, actor=current_user, now=utcnow()))
    if not outcome.done:
        return _import_page(imp, outcome.status, form.form_errors)
    flash(_("The file was discarded; nothing was imported."), "info")
    return redirect(url_for("review.statistics"))
