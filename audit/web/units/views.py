"""The unit tree, a unit's page with its head history, and appointing a head."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from audit.db import utcnow
from audit.domain import listing
from audit.domain.policy import Permission
from audit.domain.text import fold
from audit.domain.units import UnitKind
from audit.domain.vndate import local_today, parse_date
from audit.models import Unit
from audit.services import units as unit_service
from audit.web.authz import current_actor, load_unit_scoped, require
from audit.web.forms import submit
from audit.web.labels import UNIT_KIND_LABELS

from .forms import AppointHeadForm

bp = Blueprint("units", __name__, url_prefix="/units")


def _date_arg(name: str):
    value = request.args.get(name, "").strip()
    if not value:
        return None, None
    try:
        return parse_date(value), None
    except ValueError:
        return None, _("Invalid date; use dd/mm/yyyy.")


@bp.get("")
@require(Permission.UNIT_VIEW)
def index():
    """The unit tree (or a flat list in another order), searched by name, code or head, filtered by kind and
    by the day the units were in operation, paged."""
    on, error = _date_arg("on")
    actor = current_actor()
    units = unit_service.all_units(successions=False)
    if actor.is_scoped:
        units = [u for u in units if u.id in actor.unit_scope]
    if on is not None:
        units = [u for u in units if u.active_on(on)]
    reference_day = on or local_today(utcnow())
    # a unit that has ended shows its last head (with the end of the tenure), never a head "today"
    rows = [(position, unit, depth, unit_service.head_of(unit, min(reference_day, unit.valid_to or reference_day)))
            for position, (unit, depth) in enumerate(unit_service.unit_forest(units))]
    spec = listing.Spec(
        text=lambda r: " ".join([r[1].name, r[1].code, r[3].person_name if r[3] else ""]),
        search_hint=_("name, code or head"),
        filters=(listing.Filter("kind", _("Kind"), [(k.value, str(UNIT_KIND_LABELS[k])) for k in UnitKind
                                                    if any(u.kind == k for u in units)],
                                lambda r, v: r[1].kind == v),),
        size=100,  # a tree is read by scrolling: a district and its communes, or a city's wards, on one page
        orders=(listing.Order("tree", _("the unit tree"), lambda r: r[0]),
                listing.Order("name", _("name"), lambda r: fold(r[1].name)),
                listing.Order("code", _("code"), lambda r: r[1].code)),
    )
    found = listing.apply(spec, rows, request.args)
    status = 400 if error else 200
    return render_template("units/index.html", listing=found, on=on, reference_day=reference_day,
                           date_error=error, keep={"on": on.strftime("%d/%m/%Y")} if on else {}), status


def _render_detail(unit: Unit, form: AppointHeadForm, status: int = 200):
    on, error = _date_arg("on")
    today = local_today(utcnow())
    return render_template(
        "units/detail.html", unit=unit, form=form, today=today, on=on, date_error=error,
        head_today=unit_service.head_of(unit, today),
        ended=not unit.active_on(today) and unit.valid_to is not None and unit.valid_to < today,
        last_head=unit_service.head_of(unit, unit.valid_to) if unit.valid_to else None,
        head_on=unit_service.head_of(unit, on) if on else None,
    ), (400 if error and status == 200 else status)


@bp.get("/<int:unit_id>")
@require(Permission.UNIT_VIEW)
def detail(unit_id: int):
    unit = load_unit_scoped(Unit, unit_id, Permission.UNIT_VIEW)
    return _render_detail(unit, AppointHeadForm())


@bp.post("/<int:unit_id>/heads")
@require(Permission.HEAD_APPOINT)
def appoint_head(unit_id: int):
    unit = load_unit_scoped(Unit, unit_id, Permission.UNIT_VIEW)
    form = AppointHeadForm()
    outcome = submit(form, lambda: unit_service.appoint_head(
        unit, person_name=form.person_name.data, title=form.title.data, start=form.start_date.data,
        end=form.end_date.data, actor=current_user, now=utcnow()))
    if not outcome.done:
        return _render_detail(unit, form, outcome.status)
    flash(_("%(name)s has been recorded as head of %(unit)s.", name=outcome.value.person_name, unit=unit.name),
          "success")
    return redirect(url_for("units.detail", unit_id=unit.id))
