"""Route-level authorisation: login, permission, and unit scope (404 outside one's scope)."""

from __future__ import annotations

from functools import wraps

from flask import abort, g, request
from flask_login import current_user, login_required

from audit.db import db
from audit.domain.policy import Actor, Permission, can
from audit.services.units import actor_for, actor_for_unit


def current_actor() -> Actor:
    """The acting user as the policy sees it, computed once per request (and per user: a test client may
    keep one application context across requests of several users)."""
    key = current_user.get_id() if current_user.is_authenticated else None
    if g.get("actor_key") != key or "actor" not in g:
        g.actor, g.actor_key = actor_for(current_user), key
    return g.actor


def _role() -> Actor:
    """The acting user's role alone: enough for the policy asked without a unit (whether the role holds a
    permission at all), so the unit scope is computed only where a unit is asked about."""
    return Actor(role=current_user.user_role)


def require(permission: Permission, *, to_change: Permission | None = None):
    """Login required, then ``permission`` (403 without it). A change (a POST) also needs ``to_change``,
    checked once the record is loaded (:func:`load_unit_scoped`): outside one's scope a record answers 404
    before anything else, then a role without the write permission 403, then the record's own rules."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not can(_role(), permission):
                abort(403)
            if to_change is not None and request.method == "POST":
                g.write_permission = to_change
            try:
                return view(*args, **kwargs)
            finally:  # never carried into another request that shares the application context
                g.pop("write_permission", None)

        return wrapped

    return decorator


def load_unit_scoped(model, object_id: int, permission: Permission, unit_id_of=lambda obj: obj.id, *,
                     one_record: bool = False, options=()):
    """The object, or 404 when it does not exist or lies outside the actor's unit scope.

    Outside one's scope answers 404, not 403, so a unit user guessing ids learns nothing. With ``one_record``
    (a request that touches this record only, such as an autosave) the scope is checked for the record's unit
    alone, walking up the unit tree from it, instead of computing every unit the actor reaches; a page that
    will ask the policy again (buttons, lists) leaves it false and computes the scope once. ``options`` are the
    loader options of the object's statement (what the request reads of it in the same statement).
    """
    obj = db.session.get(model, object_id, options=options)
    if obj is None:
        abort(404)
    unit_id = unit_id_of(obj)
    key = current_user.get_id()
    actor = current_actor() if not one_record or (g.get("actor_key") == key and "actor" in g) else \
        actor_for_unit(current_user, unit_id)
    if not can(actor, permission, unit_id):
        abort(404)
    check_write()
    return obj


def check_write() -> None:
    """403 unless the actor's role holds the write permission the route asked for (see :func:`require`)."""
    needed = g.pop("write_permission", None)
    if needed is not None and not can(_role(), needed):
        abort(403)


def can_do(permission: str, unit_id: int | None = None) -> bool:
    """For templates: whether to show a link or button."""
    if not current_user.is_authenticated:
        return False
    return can(current_actor(), Permission(permission), unit_id)
