"""Remediation: the unit's portal and the team's verification, the inbox, evidence files, the report."""

from __future__ import annotations

import uuid

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import String, cast, exists, extract, or_, select
from sqlalchemy.orm import selectinload

from audit.db import among, db, in_scope, utcnow
from audit.domain import listing
from audit.domain.inputs import record_number
from audit.domain.inspections import TeamRole
from audit.domain.policy import Permission, can
from audit.domain.remediation import (
    DONE_MESSAGES,
    GROUP_LABELS,
    GROUPS,
    STEP_PERMISSION,
    Action,
    available_actions,
    standing,
)
from audit.domain.vndate import local_today
from audit.models import Inspection, Notification, RemediationFile, RemediationItem, Unit
from audit.services import listing_sql, notify
from audit.services import remediation as remediation_service
from audit.web.authz import check_write, current_actor, require
from audit.web.errors import translate
from audit.web.files import send_object, store

from .forms import ActionForm

bp = Blueprint("remediation", __name__)
ACTIONS = {a.value: a for a in Action}
MAX_REQUEST_FILES = remediation_service.MAX_FILES + 1


def load_item(item_id: int) -> RemediationItem:
    item = db.session.get(RemediationItem, item_id)
    if item is None or not remediation_service.can_see(item, current_user):
        abort(404)  # another unit's item: the same answer as a missing one
    check_write()
    return item


@bp.get("/remediation")
@require(Permission.REMEDIATION_VIEW)
def index():
    """The items the user may see, grouped by where they stand (overdue first), searched by words of the
    requirement or unit, filtered by unit and year of the inspection, sorted, one group and one page at a
    time, each group with its count. The database filters, counts, sorts and pages: a page loads its own rows."""
    today = local_today(utcnow())
    found, counts, group = listing_sql.apply_tabbed(
        _remediation_list(), request.args, remediation_service.group_column(today), GROUPS,
        request.args.get("group"),
        options=(selectinload(RemediationItem.unit).selectinload(Unit.parent),))
    # a unit's officer sees only their own unit's items: a column of its name in every row says nothing
    many_units = found.spec.filters[0].offered
    return render_template("remediation/index.html", counts=counts, group=group, listing=found, today=today,
                           many_units=many_units, labels=GROUP_LABELS)


def _remediation_list() -> listing_sql.SqlList:
    scope = current_actor().unit_scope  # read once a request
    visible = remediation_service.visible_query(scope)
    # the units in scope with an item, each found through the (unit, state) index: the scope tested once a unit
    units = db.session.execute(select(Unit.id, Unit.name).where(
        in_scope(Unit.id, scope), exists().where(RemediationItem.unit_id == Unit.id))
    ).all()
    year = extract("year", Inspection.inspection_date)
    of_items = select(year).where(Inspection.id.in_(
        visible.with_only_columns(RemediationItem.inspection_id).distinct().scalar_subquery())).distinct()
    years = sorted({int(y) for y in db.session.scalars(of_items)}, reverse=True)
    requirements: list[str] = []  # read once, at the first word of a search

    def search(word: str):
        """A word of the search begins a word of the requirement or of the unit's name, or the item's number."""
        if not requirements:
            requirements.extend(db.session.scalars(visible.with_only_columns(RemediationItem.requirement).distinct()))
        said = [r for r in requirements if listing.matches(word, r)]
        unit_ids = [u.id for u in units if listing.matches(word, u.name)]
        found = [among(RemediationItem.requirement, said), among(RemediationItem.unit_id, unit_ids)]
        if word.isdigit():
            found.append(cast(RemediationItem.id, String).startswith(word))
        return or_(*found)

    spec = listing.Spec(
        searched_by_database=True,
        search_hint=_("words of the requirement or the unit"),
        filters=(
            listing.Filter("unit", _("Unit"), listing.choices([(u.id, u.name) for u in units])),
            listing.Filter("year", _("Year of the inspection"), [(str(y), str(y)) for y in years]),
        ),
        orders=(
            listing.Order("deadline", _("earliest deadline first"), None),
            listing.Order("newest", _("newest first"), None, descending=True),
            listing.Order("unit", _("unit name"), None),
        ),
    )
    return listing_sql.SqlList(
        spec=spec,
        base=visible,
        where={
            "unit": lambda v: RemediationItem.unit_id == int(v),
            "year": lambda v: RemediationItem.inspection_id.in_(
                select(Inspection.id).where(listing_sql.in_year(Inspection.inspection_date, v))),
        },
        order_by={
            "deadline": (RemediationItem.deadline, RemediationItem.id),
            "newest": (RemediationItem.id.desc(),),
            "unit": lambda: (listing_sql.name_rank(RemediationItem.unit_id, units), RemediationItem.deadline,
                             RemediationItem.id),
        },
        search=search,
    )


def _render_item(item: RemediationItem, form: ActionForm | None = None, failed: str | None = None, status=200):
    today = local_today(utcnow())
    parties = remediation_service.parties(item, current_user)
    form = form or ActionForm(formdata=None, data={"submission_id": uuid.uuid4().hex})
    if failed:
        form.submission_id.data = uuid.uuid4().hex
    actions = {a.value for a in available_actions(item.item_state, parties, item.extension_requested)}
    from audit.models import OutgoingDocument

    reports = db.session.scalars(select(OutgoingDocument).where(
        OutgoingDocument.inspection_id == item.inspection_id, OutgoingDocument.kind == "remediation_report",
        OutgoingDocument.pdf.is_not(None)).order_by(OutgoingDocument.id)).all()
    current_report = next((r for r in reversed(reports) if r.current), None)
    return render_template("remediation/item.html", item=item, form=form, failed=failed, parties=parties,
                           actions=actions, reports=reports, current_report=current_report,
                           issues_report=item.inspection.team_role_of(current_user.id) is TeamRole.LEAD,
                           standing=standing(item.item_state, item.deadline, today), today=today), status


@bp.get("/remediation/<int:item_id>")
@require(Permission.REMEDIATION_VIEW)
def item(item_id: int):
    return _render_item(load_item(item_id))


@bp.post("/remediation/<int:item_id>/<action>")
@require(Permission.REMEDIATION_VIEW)
def act(item_id: int, action: str):
    item = load_item(item_id)
    step = ACTIONS.get(action)
    if step is None:
        abort(404)
    if not can(current_actor(), STEP_PERMISSION[step]):
        abort(403)
    form = ActionForm()
    uploads = [f for f in request.files.getlist("files") if f and f.filename]
    if len(uploads) > MAX_REQUEST_FILES or not form.validate():
        return _render_item(item, form, failed=action, status=422)
    files = [(f.filename, f.stream) for f in uploads]  # spooled in chunks by the service, never read whole
    try:
        remediation_service.act(item, step, actor=current_user, now=utcnow(), text=form.text.data or "",
                                files=files, new_deadline=form.new_deadline.data,
                                submission_id=form.submission_id.data or None, storage=store())
    except remediation_service.InvalidInput as err:
        db.session.rollback()
        form.form_errors.append(translate(err))
        return _render_item(load_item(item_id), form, failed=action, status=422)
    db.session.commit()
    flash(_(DONE_MESSAGES[step], date=item.deadline.strftime("%d/%m/%Y")), "success")
    return redirect(url_for("remediation.item", item_id=item.id))


@bp.get("/remediation/files/<int:file_id>")
@require(Permission.REMEDIATION_VIEW)
def download_file(file_id: int):
    file = db.session.get(RemediationFile, file_id)
    if file is None:
        abort(404)
    load_item(file.event.item_id)
    return send_object(file.sha256, mimetype=file.content_type, download_name=file.filename, as_attachment=True)


@bp.get("/inbox")
@login_required
def inbox():
    """The user's messages, newest first, searched by their words and filtered read or unread, paged by the
    database."""
    mine = select(Notification).where(Notification.user_id == current_user.id)
    texts: list[tuple[int, str]] = []  # read once, at the first word of a search: (id, the message as shown)

    def search(word: str):
        """A word of the search begins a word of the message as the user reads it."""
        if not texts:
            texts.extend((n.id, notify.text_of(n)) for n in db.session.execute(
                select(Notification.id, Notification.message, Notification.params)
                .where(Notification.user_id == current_user.id)))
        return among(Notification.id, [i for i, said in texts if listing.matches(word, said)])

    spec = listing.Spec(
        searched_by_database=True, search_hint=_("words of the message"),
        filters=(listing.Filter("read", _("State"), [("unread", _("unread")), ("read", _("read"))]),),
        orders=(listing.Order("newest", _("newest first"), None, descending=True),
                listing.Order("oldest", _("oldest first"), None)),
    )
    found = listing_sql.apply(listing_sql.SqlList(
        spec=spec, base=mine,
        where={"read": lambda v: Notification.unread() if v == "unread" else ~Notification.unread()},
        order_by={"newest": (Notification.id.desc(),), "oldest": (Notification.id,)},
        search=search,
    ), request.args, options=(selectinload(Notification.item).selectinload(RemediationItem.unit),))
    return render_template("remediation/inbox.html", listing=found, text_of=notify.text_of)


@bp.post("/inbox/read")
@login_required
def mark_read():
    notify.mark_read(current_user.id, utcnow())
    db.session.commit()
    return redirect(url_for("remediation.inbox"))


@bp.get("/inbox/<int:note_id>")
@login_required
def open_note(note_id: int):
    note = db.session.get(Notification, note_id)
    if note is None or note.user_id != current_user.id:
        abort(404)
    if notify.mark_read(current_user.id, utcnow(), note_id=note.id):
        db.session.commit()
    if note.item_id:
        return redirect(url_for("remediation.item", item_id=note.item_id))
    return redirect(url_for("remediation.inbox"))


@bp.get("/inspections/<int:inspection_id>/remediation-report.pdf")
@require(Permission.REMEDIATION_VIEW)
def report(inspection_id: int):
    inspection = db.session.get(Inspection, inspection_id)
    if inspection is None:
        abort(404)
    its_items = remediation_service.visible_query(current_actor().unit_scope).where(
        RemediationItem.inspection_id == inspection.id)
    if not db.session.scalar(select(its_items.exists())) and \
            not remediation_service.can_see_inspection(inspection, current_user):
        abort(404)
    from audit.services.remediation_report import report_pdf

    data = report_pdf(inspection, now=utcnow())
    response = current_app.response_class(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="bao-cao-khac-phuc-du-thao-{inspection.id}.pdf"'
    return response


@bp.post("/inspections/<int:inspection_id>/remediation-report/issue")
@require(Permission.INSPECTION_VIEW, to_change=Permission.REMEDIATION_REPORT)
def issue_report(inspection_id: int):
    """The team lead issues the remediation report: numbered, signed, kept in the register."""
    from audit.services import remediation_report
    from audit.web.inspections.common import load_inspection

    inspection = load_inspection(inspection_id)
    replaces = request.form.get("replaces_id", "")
    document = remediation_report.issue(inspection, actor=current_user, now=utcnow(),
                                        replaces_id=record_number(replaces),
                                        reason=request.form.get("reason", ""),
                                        confirmed=request.form.get("confirm") == "y")
    db.session.commit()
    flash(_("Report %(number)s has been issued.", number=document.number), "success")
    return redirect(url_for("review.document_pdf", document_id=document.id))
