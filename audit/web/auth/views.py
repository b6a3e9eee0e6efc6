"""Login, logout and changing one's own password."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf.csrf import generate_csrf

from audit.db import db, utcnow
from audit.domain.errors import DomainError, LoginThrottled
from audit.services import auth as auth_service
from audit.services import sessions as session_service
from audit.services import users as user_service
from audit.web.errors import translate
from audit.web.forms import submit

from .forms import ChangePasswordForm, LoginForm

bp = Blueprint("auth", __name__)


def _new_session(user, token: str) -> None:
    """Start the browser's session afresh: nothing kept from before (a new CSRF token), the user, the token."""
    session.clear()
    g.pop(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), None)  # the token of the old session
    login_user(user)
    session["sid"] = token


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
                token = session_service.start(user, address=request.remote_addr or "?", now=utcnow())
                db.session.commit()
                _new_session(user, token)
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
    session_service.end(session.get("sid"), now=utcnow())  # a copy of the cookie opens nothing any more
    db.session.commit()
    logout_user()
    session.clear()
    flash(_("You have logged out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    user = current_user._get_current_object()

    def change():
        # every session of the account ends (its version changes too); this one goes on under a new token
        user_service.change_password(user, current=form.current.data, new=form.new.data, now=utcnow())
        session_service.end_all(user, now=utcnow())
        return session_service.start(user, address=request.remote_addr or "?", now=utcnow())

    if form.is_submitted() and form.validate():
        # guesses of the current password are counted (and kept when the change is refused)
        now, address = utcnow(), request.remote_addr or "?"
        try:
            auth_service.check_password_guess(user, address=address, now=now)
        except LoginThrottled as err:
            form.form_errors.append(translate(err))
            return render_template("auth/change_password.html", form=form), 429
        if not user_service.verify_password(user, form.current.data or ""):
            auth_service.record_password_guess(user, address=address, now=now, succeeded=False)
            db.session.commit()
    outcome = submit(form, change, refused_status=422)
    if outcome.done:
        _new_session(user, outcome.value)
        flash(_("Your password has been changed."), "success")
        return redirect(url_for("main.home"))
    return render_template("auth/change_password.html", form=form), outcome.status
