"""Route-level authorisation: login, permission, and unit scope (404 outside one's scope)."""

from __future__ import annotations

from functools import wraps

from flask import abort, g
from flask_login import current_user, login_required

from audit.db import db
from audit.domain.policy import Actor, Permission, can
from audit.services.units import actor_for


def current_actor() -> Actor:
    """The acting user as the policy sees it, computed once per request (and per user: a test client may
    keep one application context across requests of several users)."""
    key = current_user.get_id() if current_user.is_authenticated else None
    if g.get("actor_key") != key or "actor" not in g:
        g.actor, g.actor_key = actor_for(current_user), key
    return g.actor


def require(permission: Permission):
    """Login required, then ``permission`` (403 without it)."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not can(current_actor(), permission):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def load_unit_scoped(model, object_id: int, permission: Permission, unit_id_of=lambda obj: obj.id):
    """The object, or 404 when it does not exist or lies outside the actor's unit scope.

    Outside one's scope answers 404, not 403, so a unit user guessing ids learns nothing.
    """
    obj = db.session.get(model, object_id)
    if obj is None or not can(current_actor(), permission, unit_id_of(obj)):
        abort(404)
    return obj


def can_do(permission: str, unit_id: int | None = None) -> bool:
    """For templates: whether to show a link or button."""
    if not current_user.is_authenticated:
        return False
    return can(current_actor(), Permission(permission), unit_id)
