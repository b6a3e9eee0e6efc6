"""Administration: create units, import units and heads, manage accounts."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from wtforms.fields.choices import SelectChoice

from audit.db import db, utcnow
from audit.domain import listing
from audit.domain.errors import ImportRejected
from audit.domain.policy import Permission, Role
from audit.domain.text import fold
from audit.domain.units import UnitKind
from audit.domain.vndate import short_date
from audit.models import Authority, Unit, User
from audit.services import authorities as authority_service
from audit.services import units as unit_service
from audit.services import users as user_service
from audit.web.authz import require
from audit.web.errors import translate
from audit.web.forms import read_upload, submit
from audit.web.labels import ROLE_LABELS

from .forms import ImportForm, UnitForm, UserEditForm, UserForm

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _unit_choices(empty_label: str):
    units = unit_service.unit_forest(unit_service.all_units())
    return [SelectChoice("", empty_label)] + [
        SelectChoice(str(u.id), "\u2003" * depth + f"{u.name} ({u.code})") for u, depth in units
    ]


# ---------------------------------------------------------------- units


@bp.route("/units/new", methods=["GET", "POST"])
@require(Permission.UNIT_MANAGE)
def new_unit():
    form = UnitForm()
    form.parent_id.choices = _unit_choices(_("— none (top level) —"))
    form.predecessor_ids.choices = [SelectChoice(str(u.id), f"{u.name} ({u.code})") for u in unit_service.all_units()]
    outcome = submit(form, lambda: unit_service.create_unit(
        code=form.code.data, name=form.name.data, kind=UnitKind(form.kind.data),
        parent=db.session.get(Unit, form.parent_id.data) if form.parent_id.data else None,
        valid_from=form.valid_from.data, valid_to=form.valid_to.data,
        predecessors=[db.session.get(Unit, i) for i in form.predecessor_ids.data],
        actor=current_user, now=utcnow()))
    if outcome.done:
        flash(_("Unit %(name)s has been created.", name=outcome.value.name), "success")
        return redirect(url_for("units.detail", unit_id=outcome.value.id))
    return render_template("admin/unit_form.html", form=form), outcome.status


@bp.route("/units/import", methods=["GET", "POST"])
@require(Permission.UNIT_MANAGE)
def import_units():
    form = ImportForm()
    problems, status = [], 200
    if form.is_submitted():
        status = 422
        if form.validate():
            data = read_upload(form.file.data, current_app.config["IMPORT_MAX_BYTES"])
            if data is None:
                form.file.errors = [_("The file is larger than %(size)d MB.",
                                      size=current_app.config["IMPORT_MAX_BYTES"] // (1024 * 1024))]
                status = 413
            else:
                try:
                    counts = unit_service.import_units_csv(data, actor=current_user, now=utcnow())
                except ImportRejected as err:
                    db.session.rollback()
                    problems = [(p.row, translate(p)) for p in err.problems]
                else:
                    db.session.commit()
                    flash(_("Imported %(units)d unit(s) and %(heads)d head(s) of unit.", units=counts["units"],
                            heads=counts["heads"]), "success")
                    return redirect(url_for("units.index"))
    return render_template("admin/import_units.html", form=form, problems=problems), status


# ---------------------------------------------------------------- users


@bp.get("/users")
@require(Permission.USER_MANAGE)
def users():
    accounts = db.session.scalars(select(User).options(selectinload(User.unit), selectinload(User.authority))
                                  .order_by(User.username)).all()
    spec = listing.Spec(
        text=lambda u: " ".join([u.username, u.full_name, u.email or "", u.job_title or "",
                                 u.unit.name if u.unit else "", u.authority.name if u.authority else ""]),
        search_hint=_("name, username, e-mail or unit"),
        filters=(
            listing.Filter("role", _("Role"), [(r.value, str(ROLE_LABELS[r])) for r in Role],
                           lambda u, v: u.role == v),
            listing.Filter("status", _("Status"), [("active", _("active")), ("inactive", _("deactivated"))],
                           lambda u, v: u.active is (v == "active")),
            listing.Filter("authority", _("Authority"),
                           listing.choices([(u.authority_id, u.authority.name) for u in accounts if u.authority]),
                           lambda u, v: str(u.authority_id) == v),
            listing.Filter("unit", _("Unit"), listing.choices([(u.unit_id, u.unit.name) for u in accounts if u.unit]),
                           lambda u, v: str(u.unit_id) == v),
        ),
        orders=(
            listing.Order("name", _("full name"), lambda u: (not u.active, fold(u.full_name))),
            listing.Order("username", _("username"), lambda u: u.username),
            listing.Order("role", _("role"), lambda u: ([r.value for r in Role].index(u.role), fold(u.full_name))),
        ),
    )
    return render_template("admin/users.html", listing=listing.apply(spec, accounts, request.args))


def _load_user(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def _unit_for(form) -> Unit | None:
    return db.session.get(Unit, form.unit_id.data) if form.unit_id.data else None


def _authority_for(form) -> Authority | None:
    return db.session.get(Authority, form.authority_id.data) if form.authority_id.data else None


def _authority_choices() -> list[SelectChoice]:
    return [SelectChoice("", _("— none (administrator, unit user) —"))] + [
        SelectChoice(str(a.id), f"{a.unit.name} ({short_date(a.valid_from) if a.valid_from else '…'} – "
                                f"{short_date(a.valid_to) if a.valid_to else '…'})")
        for a in authority_service.all_authorities()]


@bp.route("/users/new", methods=["GET", "POST"])
@require(Permission.USER_MANAGE)
def new_user():
    form = UserForm()
    form.unit_id.choices = _unit_choices(_("— no unit —"))
    form.authority_id.choices = _authority_choices()
    outcome = submit(form, lambda: user_service.create_user(
        username=form.username.data, full_name=form.full_name.data, job_title=form.job_title.data,
        email=form.email.data, role=Role(form.role.data), unit=_unit_for(form), password=form.password.data,
        authority=_authority_for(form), honorific=form.honorific.data or None,
        actor=current_user, now=utcnow()), refused_status=422)
    if outcome.done:
        flash(_("Account %(username)s has been created.", username=outcome.value.username), "success")
        return redirect(url_for("admin.users"))
    return render_template("admin/user_form.html", form=form, user=None), outcome.status


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@require(Permission.USER_MANAGE)
def edit_user(user_id: int):
    user = _load_user(user_id)
    form = UserEditForm(obj=user)
    form.unit_id.choices = _unit_choices(_("— no unit —"))
    form.authority_id.choices = _authority_choices()
    outcome = submit(form, lambda: user_service.update_user(
        user, full_name=form.full_name.data, job_title=form.job_title.data, role=Role(form.role.data),
        unit=_unit_for(form), email=form.email.data, authority=_authority_for(form),
        honorific=form.honorific.data or None, actor=current_user, now=utcnow()), refused_status=422)
    if outcome.done:
        flash(_("Account %(username)s has been updated.", username=user.username), "success")
        return redirect(url_for("admin.users"))
    return render_template("admin/user_form.html", form=form, user=user), outcome.status


@bp.post("/users/<int:user_id>/active")
@require(Permission.USER_MANAGE)
def toggle_active(user_id: int):
    user = _load_user(user_id)
    # A refused change raises DomainError: the app's handler rolls back and answers 409.
    user_service.set_active(user, not user.active, actor=current_user, now=utcnow())
    db.session.commit()
    if user.active:
        flash(_("Account %(username)s has been reactivated.", username=user.username), "success")
    else:
        flash(_("Account %(username)s has been deactivated.", username=user.username), "success")
    return redirect(url_for("admin.users"))


@bp.post("/users/<int:user_id>/reset-password")
@require(Permission.USER_MANAGE)
def reset_password(user_id: int):
    user = _load_user(user_id)
    temporary = user_service.reset_password(user, actor=current_user, now=utcnow())
    db.session.commit()
    return render_template("admin/password_reset.html", user=user, temporary=temporary)
