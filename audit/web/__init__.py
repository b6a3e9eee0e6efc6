"""Flask glue: blueprints, login manager, error pages, filters, security headers."""

from __future__ import annotations

import re
import time
import uuid
from datetime import timedelta

from flask import Flask, flash, g, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.routing import IntegerConverter

from audit import oplog
from audit.db import db, utcnow
from audit.extensions import login_manager
from audit.services.audit_log import AUDITED

from .collector import CollectorHeld
from .errors import register_error_handlers
from .filters import register_filters

# Pages a user who must change their password may still open.
_OPEN_WHEN_PASSWORD_EXPIRED = {"auth.change_password", "auth.logout", "auth.csrf_token", "static", "main.health", "main.ready",
                               "minutes.verify", "pwa.service_worker", "pwa.manifest", "pwa.favicon", "pwa.offline"}

REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

CSP = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
)


class RecordId(IntegerConverter):
    """``<int:…>`` in every route: a record id fits the database's integer, so /inspections/99999999999999999999
    is a 404 like any missing record, not an overflow."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(url_map, *args, **kwargs)


def init_web(app: Flask) -> None:
    app.url_map.converters["int"] = RecordId  # before any route is registered
    from .admin.views import bp as admin_bp
    from .auth.views import bp as auth_bp
    from .checklists.views import bp as checklists_bp
    from .inspections import fill, review  # noqa: F401  (routes on the inspections blueprint)
    from .inspections.views import bp as inspections_bp
    from .main.views import bp as main_bp
    from .minutes.views import bp as minutes_bp
    from .pwa import bp as pwa_bp
    from .remediation.views import bp as remediation_bp
    from .review import period_jobs, statistics  # noqa: F401  (routes on the review blueprint)
    from .review.views import bp as review_bp
    from .units.views import bp as units_bp

    for blueprint in (auth_bp, main_bp, units_bp, admin_bp, checklists_bp, inspections_bp, minutes_bp,
                      remediation_bp, review_bp, pwa_bp):
        app.register_blueprint(blueprint)
    app.wsgi_app = CollectorHeld(app.wsgi_app)  # outermost: held until the server closes the response

    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to open this page.")
    login_manager.login_message_category = "warning"
    login_manager.session_protection = "basic"

    @login_manager.unauthorized_handler
    def unauthorized():
        from .errors import wants_json

        if wants_json():
            return {"status": "login", "message": str(login_manager.login_message)}, 401
        flash(login_manager.login_message, login_manager.login_message_category)
        return redirect(url_for(login_manager.login_view, next=request.full_path.rstrip("?")))

    @login_manager.user_loader
    def load_user(user_id: str):
        from audit.services import sessions as session_service

        token, now = session.get("sid"), utcnow()
        try:
            raw_id, version = user_id.split(":")
            # the server must know the session: ended at logout, by a password change, or after an idle time
            user, known = session_service.user_and_session(int(raw_id), token, now=now,
                                                           idle=app.config["SESSION_IDLE_TIMEOUT"])
        except (ValueError, TypeError):
            return None
        if user is None or str(user.session_version) != version or not user.active or known is None:
            return None
        if known.last_seen_at < now - timedelta(minutes=1):
            # its use is recorded at most once a minute, in its own transaction, before the request does anything
            db.session.execute(session_service.touch_statement(token, now))
            db.session.commit()
        return user

    @app.before_request
    def force_password_change():
        if (current_user.is_authenticated and current_user.must_change_password
                and request.endpoint not in _OPEN_WHEN_PASSWORD_EXPIRED):
            return redirect(url_for("auth.change_password"))
        return None

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if current_user.is_authenticated and request.endpoint != "static" and request.blueprint != "pwa":
            # nothing a logged-in user sees (pages, photos, PDFs) stays in a shared or disk cache
            response.headers["Cache-Control"] = "no-store"
            response.headers.pop("Expires", None)
        if (app.config.get("PUBLIC_URL") or "").startswith("https://"):
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response

    @app.before_request
    def start_clock():
        g.started = time.perf_counter()
        # a proxy's request id is kept when it looks like one; anything else gets our own
        given = request.headers.get("X-Request-ID") or ""
        g.request_id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex[:16]

    @app.after_request
    def log_operation(response):
        """One line per request in the operations log: who, what, which object, the outcome."""
        level = oplog.level_of(request.method, response.status_code)
        if request.endpoint == "static" and response.status_code < 400:
            return response
        response.headers.setdefault("X-Request-ID", g.get("request_id", ""))
        if oplog.LOGGER.isEnabledFor(level):
            user = current_user if current_user.is_authenticated else None
            oplog.operation(
                level, request_id=g.get("request_id"), user=user.username if user else None,
                role=user.role if user else None, what=f"{request.method} {request.endpoint or request.path}",
                object=",".join(f"{k}={v}" for k, v in (request.view_args or {}).items()) or None,
                actions=",".join(db.session.info.get(AUDITED, [])) or None,
                outcome=oplog.outcome_of(response.status_code), status=response.status_code,
                ms=round((time.perf_counter() - g.get("started", time.perf_counter())) * 1000, 1),
                address=request.remote_addr)
        return response

    @app.teardown_request
    def rollback_unfinished(exc):
        if exc is not None:
            db.session.rollback()
        if g.pop("expire_when_done", False):  # see audit.web.commit: nothing outlives the request unexpired
            db.session.expire_all()

    @app.context_processor
    def inbox_count():
        if not current_user.is_authenticated:
            return {"unread_count": 0}
        from audit.services.notify import unread_count

        return {"unread_count": unread_count(current_user.id)}

    register_error_handlers(app)
    register_filters(app)
