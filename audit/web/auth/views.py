"""Login, logout and changing one's own password."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf.csrf import generate_csrf

from audit.db import db, utcnow
from audit.domain.errors import DomainError, LoginThrottled
from audit.services import auth as auth_service
from audit.services import users as user_service
from audit.web.errors import translate
from audit.web.forms import submit

from .forms import ChangePasswordForm, LoginForm

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str | None:
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    status = 200
    if request.method == "POST":
        if not form.validate():
            status = 422
        else:
            try:
                user = auth_service.authenticate(form.username.data, form.password.data,
                                                 address=request.remote_addr or "?", now=utcnow())
            except LoginThrottled as err:
                db.session.commit()
                form.form_errors.append(translate(err))
                status = 429
            except DomainError as err:
                db.session.commit()  # the failed attempt must be kept for throttling
                form.form_errors.append(translate(err))
                status = 401
            else:
                db.session.commit()
                login_user(user)
                if user.must_change_password:
                    flash(_("Please choose a new password before you continue."), "warning")
                    return redirect(url_for("auth.change_password"))
                return redirect(_safe_next(request.args.get("next")) or url_for("main.home"))
    return render_template("auth/login.html", form=form), status


@bp.get("/auth/csrf")
def csrf_token():
    """A fresh security token for a tablet whose page (perhaps served from its offline copy) holds an old one.
    JSON only: 401 when the session has ended, so the tablet asks the inspector to log in again."""
    if not current_user.is_authenticated:
        return {"status": "login", "message": _("Please log in to open this page.")}, 401
    return {"status": "ok", "csrf_token": generate_csrf(), "user_id": current_user.id}


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    flash(_("You have logged out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    user = current_user._get_current_object()
    outcome = submit(form, lambda: user_service.change_password(
        user, current=form.current.data, new=form.new.data, now=utcnow()), refused_status=422)
    if outcome.done:
        login_user(user)  # the session version changed: renew this session, end the others
        flash(_("Your password has been changed."), "success")
        return redirect(url_for("main.home"))
    return render_template("auth/change_password.html", form=form), outcome.status
