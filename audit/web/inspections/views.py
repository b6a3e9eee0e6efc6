"""Inspections: the list, planning, the summary page and the state changes (submit, reopen, finalise)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import exists, or_, select
from sqlalchemy.orm import selectinload
from wtforms.fields.choices import SelectChoice

from audit.db import among, db, in_scope, utcnow
from audit.domain import listing
from audit.domain.inspections import STATE_LABELS as INSPECTION_STATE_LABELS
from audit.domain.inspections import State, may_edit
from audit.domain.policy import TEAM_ROLES, Permission
from audit.domain.units import UnitKind
from audit.domain.vndate import local_today
from audit.models import Inspection, InspectionMember, Unit, User
from audit.services import answers as answer_service
from audit.services import authorities, listing_sql
from audit.services import inspections as inspection_service
from audit.services.findings import head_for
from audit.services.units import all_units
from audit.web.authz import current_actor, require
from audit.web.forms import submit as submit_form
from audit.web.labels import UNIT_KIND_LABELS

from .common import load_inspection
from .forms import FinaliseForm, PlanForm

bp = Blueprint("inspections", __name__, url_prefix="/inspections")

STATE_ORDER = (State.PLANNED, State.IN_PROGRESS, State.SUBMITTED, State.FINALISED)


@bp.get("")
@require(Permission.INSPECTION_VIEW)
def index():
    """Every inspection the user may see, searched by unit or team, filtered by state, unit, year and team,
    sorted and paged by the database: a page loads its own rows only, whatever the province's size."""
    actor = current_actor()
    args = request.args.to_dict()
    if args.pop("mine", None) == "1":  # the older link "only my teams"
        args["team"] = "mine"
    found = listing_sql.apply(_inspection_list(actor), args, options=(
        selectinload(Inspection.unit), selectinload(Inspection.conclusion),
        selectinload(Inspection.members).selectinload(InspectionMember.user)))
    return render_template("inspections/index.html", listing=found)


def _inspection_list(actor) -> listing_sql.SqlList:
    scope = in_scope(Inspection.unit_id, actor.unit_scope)
    # the units in scope with an inspection, each found through the (unit, date) index: the scope tested once a
    # unit, not on every inspection of it (PostgreSQL hashed every inspection for the IN form, 15 ms; with the
    # scope inside the EXISTS, 11 ms; so, 2 ms on a province)
    units = db.session.execute(select(Unit.id, Unit.name, Unit.code).where(
        in_scope(Unit.id, actor.unit_scope), exists().where(Inspection.unit_id == Unit.id))).all()
    years = listing_sql.years_of(Inspection.inspection_date, scope)
    my_teams = select(InspectionMember.inspection_id).where(InspectionMember.user_id == actor.user_id)
    on_a_team = db.session.scalar(select(exists().where(InspectionMember.user_id == actor.user_id,
                                                        InspectionMember.inspection_id == Inspection.id, scope)))
    newest = (Inspection.inspection_date.desc(), Inspection.id.desc())

    people = []  # read once, at the first word of a search

    def search(word: str):
        """A word of the search begins a word of the unit's name or code, or of a team member's name."""
        if not people:
            people.extend(db.session.execute(select(User.id, User.full_name).where(
                User.id.in_(select(InspectionMember.user_id).distinct()))))
        unit_ids = [u.id for u in units if listing.matches(word, f"{u.name} {u.code}")]
        person_ids = [p.id for p in people if listing.matches(word, p.full_name)]
        teams = select(InspectionMember.inspection_id).where(among(InspectionMember.user_id, person_ids))
        return or_(among(Inspection.unit_id, unit_ids), Inspection.id.in_(teams))

    spec = listing.Spec(
        searched_by_database=True,
        search_hint=_("unit, code or team member"),
        filters=(
            listing.Filter("state", _("State"), [(s.value, _(INSPECTION_STATE_LABELS[s])) for s in STATE_ORDER]),
            listing.Filter("unit", _("Unit"), listing.choices([(u.id, u.name) for u in units])),
            listing.Filter("year", _("Year"), [(str(y), str(y)) for y in years]),
            # offered to whoever is on a team of the list (a chairman is on none)
            listing.Filter("team", _("Team"), [("mine", _("Only my teams"))] if on_a_team else [], always=True),
        ),
        orders=(
            listing.Order("newest", _("newest first"), None, descending=True),
            listing.Order("oldest", _("oldest first"), None),
            listing.Order("unit", _("unit name"), None),
            listing.Order("score", _("lowest score first"), None),
        ),
    )
    return listing_sql.SqlList(
        spec=spec,
        base=select(Inspection).where(scope),
        where={
            "state": lambda v: Inspection.state == v,
            "unit": lambda v: Inspection.unit_id == int(v),
            "year": lambda v: listing_sql.in_year(Inspection.inspection_date, v),
            "team": lambda v: Inspection.id.in_(my_teams),
        },
        order_by={
            "newest": newest,
            "oldest": (Inspection.inspection_date, Inspection.id),
            "unit": lambda: (listing_sql.name_rank(Inspection.unit_id, units), Inspection.inspection_date,
                             Inspection.id.desc()),
            "score": (Inspection.score.is_(None), Inspection.score, *newest),
        },
        search=search,
    )


def _checklist_choice(versions) -> str:
    """The checklist's newest title and the kinds of unit any of its versions applies to."""
    kinds = sorted({kind for v in versions for kind in v.extras["applies_to"]}, key=lambda k: list(UnitKind).index(k))
    return _("%(title)s — for: %(kinds)s", title=versions[-1].title,
             kinds=", ".join(str(UNIT_KIND_LABELS[UnitKind(k)]) for k in kinds))


def _plan_choices(form: PlanForm) -> None:
    today = local_today(utcnow())
    kinds = inspection_service.plannable_kinds()  # from the checklists' applies_to, not a list of our own
    authority = current_user.authority
    inspectable = authorities.jurisdiction_units(authority) if authority is not None else None
    units = [u for u in all_units(successions=False) if u.kind in kinds and (inspectable is None or u.id in inspectable)]
    form.unit_id.choices = [SelectChoice("", _("— choose a unit —"))] + [
        SelectChoice(str(u.id), _("%(name)s (%(code)s)", name=u.name, code=u.code) if u.active_on(today) else
                     _("%(name)s (%(code)s) — until %(date)s", name=u.name, code=u.code,
                       date=u.valid_to.strftime("%d/%m/%Y")))
        for u in units]
    keys = inspection_service.catalog().keys()
    form.checklist_key.choices = [SelectChoice(k, _checklist_choice(inspection_service.catalog().versions_of(k)))
                                  for k in keys]
    query = select(User).where(User.active.is_(True), User.role.in_([r.value for r in TEAM_ROLES]))
    if authority is not None:  # the team acts for the planner's authority
        query = query.where(User.authority_id == authority.id)
    people = db.session.scalars(query.order_by(User.full_name)).all()
    choices = [SelectChoice(str(u.id), f"{u.full_name} ({u.username})") for u in people]
    form.lead_id.choices = [SelectChoice("", _("— choose —"))] + choices
    form.member_ids.choices = choices
    form.secretary_id.choices = [SelectChoice("", _("— none —"))] + choices


@bp.route("/new", methods=["GET", "POST"])
@require(Permission.INSPECTION_PLAN)
def plan():
    form = PlanForm()
    if not form.is_submitted():
        form.lead_id.data = current_user.id
    _plan_choices(form)
    get = db.session.get
    outcome = submit_form(form, lambda: inspection_service.plan_inspection(
        unit=get(Unit, form.unit_id.data), inspection_date=form.inspection_date.data,
        announced=form.announced.data == "1", decision_number=form.decision_number.data,
        decision_date=form.decision_date.data, plan_number=form.plan_number.data or "",
        plan_date=form.plan_date.data, checklist_key=form.checklist_key.data, lead=get(User, form.lead_id.data),
        members=[get(User, i) for i in form.member_ids.data],
        secretary=get(User, form.secretary_id.data) if form.secretary_id.data else None,
        actor=current_user, now=utcnow()), refused_status=422)
    if outcome.done:
        flash(_("The inspection has been planned with the checklist “%(title)s”.",
                title=inspection_service.checklist_of(outcome.value).title), "success")
        return redirect(url_for("inspections.summary", inspection_id=outcome.value.id))
    return render_template("inspections/plan.html", form=form), outcome.status


def _render_summary(inspection: Inspection, finalise_form: FinaliseForm, status: int = 200):
    assessment = inspection_service.evaluate(inspection)
    return render_template(
        "inspections/summary.html", inspection=inspection, assessment=assessment,
        proposal=inspection_service.proposal_of(inspection, assessment), head=head_for(inspection),
        metrics=answer_service.metrics_of(inspection), my_role=inspection.team_role_of(current_user.id),
        editable=may_edit(inspection.inspection_state, inspection.team_role_of(current_user.id)),
        finalise_form=finalise_form), status


@bp.get("/<int:inspection_id>")
@require(Permission.INSPECTION_VIEW)
def summary(inspection_id: int):
    return _render_summary(load_inspection(inspection_id), FinaliseForm())


def _state_change(inspection_id: int, change, message: str):
    inspection = load_inspection(inspection_id)
    change(inspection)
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("inspections.summary", inspection_id=inspection.id))


@bp.post("/<int:inspection_id>/submit")
@require(Permission.INSPECTION_VIEW, to_change=Permission.INSPECTION_SUBMIT)
def submit(inspection_id: int):
    return _state_change(inspection_id, lambda i: inspection_service.submit(i, actor=current_user, now=utcnow()),
                         _("The inspection has been submitted to the team lead."))


@bp.post("/<int:inspection_id>/reopen")
@require(Permission.INSPECTION_VIEW, to_change=Permission.INSPECTION_FINALISE)
def reopen(inspection_id: int):
    return _state_change(inspection_id, lambda i: inspection_service.reopen(i, actor=current_user, now=utcnow()),
                         _("The inspection has been reopened for changes."))


@bp.post("/<int:inspection_id>/finalise")
@require(Permission.INSPECTION_VIEW, to_change=Permission.INSPECTION_FINALISE)
def finalise(inspection_id: int):
    form = FinaliseForm()
    if not form.validate():
        return _render_summary(load_inspection(inspection_id), form, 422)
    return _state_change(
        inspection_id,
        lambda i: inspection_service.finalise(i, actor=current_user, now=utcnow(),
                                              incomplete_reason=form.incomplete_reason.data),
        _("The inspection has been finalised. It can no longer be changed."))
