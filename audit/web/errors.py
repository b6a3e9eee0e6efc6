"""Error pages in Vietnamese and the translation of domain errors."""

from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import HTTPException

from audit.db import db
from audit.domain.errors import DomainError, InvalidInput, NotAllowed, Problem

MESSAGES = {
    400: _l("The request could not be understood."),
    401: _l("Please log in."),
    403: _l("You do not have permission to do this."),
    404: _l("The page or record does not exist, or you may not see it."),
    405: _l("This action is not allowed here."),
    409: _l("The change conflicts with the current state of the record."),
    413: _l("The file is too large."),
    422: _l("The data sent is not valid."),
    429: _l("Too many requests. Please wait and try again."),
    500: _l("An unexpected error occurred. Nothing was saved; please try again."),
}


def translate(err: DomainError | Problem) -> str:
    """The error's message in the user's language."""
    params = err.params or {}
    return gettext(err.message, **params) if params else gettext(err.message)


def problem_text(problem) -> str:
    """A problem of a statistics row in the user's language; a figure it names is named as the import screen
    names its column, never by its attribute."""
    from audit.domain.stats_import import COLUMN_LABELS
    from audit.domain.stats_preview import FIGURE_COLUMNS

    params = dict(problem.params or {})
    if params.get("column") in FIGURE_COLUMNS:
        params["column"] = gettext(COLUMN_LABELS[FIGURE_COLUMNS[params["column"]]])
    return gettext(problem.message, **params) if params else gettext(problem.message)


def domain_status(err: DomainError) -> int:
    """403 for a refusal by role or team, 422 for bad input, 409 for a conflict with the current state."""
    if isinstance(err, NotAllowed):
        return 403
    if isinstance(err, InvalidInput):
        return 422
    return 409


def wants_json() -> bool:
    return request.is_json or request.accept_mimetypes.best == "application/json"


def render_error(status: int, message: str | None = None):
    return render_template("errors/error.html", status=status,
                           message=message or MESSAGES.get(status, MESSAGES[400])), status


def register_error_handlers(app) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(err):
        db.session.rollback()
        if wants_json():
            # A tablet that kept working offline holds an old token: it asks for a new one and resends.
            return {"status": "csrf", "message": str(_l("The security token has expired. Log in again if asked; "
                                                        "nothing you entered is lost."))}, 401
        return render_error(400, _l("The form has expired or is not valid (security token). "
                                    "Reload the page and try again."))

    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException):
        db.session.rollback()
        if err.response is not None:  # a view's own answer (a JSON refusal built where the reason is known)
            return err.response
        if wants_json():
            return {"status": "error", "message": str(MESSAGES.get(err.code, MESSAGES[400]))}, err.code or 500
        return render_error(err.code or 500)

    @app.errorhandler(DomainError)
    def domain_error(err: DomainError):
        db.session.rollback()
        status = domain_status(err)
        if wants_json():
            return {"status": "conflict" if status == 409 else "error", "message": translate(err)}, status
        return render_error(status, translate(err))

    @app.errorhandler(IntegrityError)
    def lost_race(err: IntegrityError):
        # two requests at once (a double click, two tabs): the database's constraints let one through; the
        # other is told, never a 500, and nothing of it is kept
        db.session.rollback()
        app.logger.info("conflict refused by a constraint: %s", err.orig)
        message = _l("Another request changed this record at the same moment; nothing of yours was saved twice. "
                     "Reload the page to see where it stands.")
        if wants_json():
            return {"status": "conflict", "message": str(message)}, 409
        return render_error(409, message)

    @app.errorhandler(Exception)
    def unexpected(err: Exception):
        db.session.rollback()
        app.logger.exception("unhandled error")
        if wants_json():
            return {"status": "error", "message": str(MESSAGES[500])}, 500
        return render_error(500)
