"""Home page by role, and a health check for load balancers and benchmarks."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user, login_required
from sqlalchemy import func, select

from audit.db import db, utcnow
from audit.domain.policy import TEAM_ROLES, Role
from audit.domain.remediation import standing
from audit.domain.units import ONE_STOP_KINDS
from audit.domain.vndate import local_today
from audit.models import Unit, User
from audit.services import authorities as authority_service
from audit.services import inspections as inspection_service
from audit.services import review as review_service
from audit.services.remediation import visible_items
from audit.services.units import all_units, head_of
from audit.web.authz import current_actor

bp = Blueprint("main", __name__)


def _checks() -> dict[str, str]:
    """The database answers and the file store can be used: "ok", or what is wrong."""
    from audit.storage import StoreError
    from audit.web.files import store

    checks = {}
    try:
        db.session.execute(select(1))
        checks["database"] = "ok"
    except Exception as err:  # any driver error: the answer is "not healthy", never a 500
        db.session.rollback()
        checks["database"] = f"error: {type(err).__name__}"
    try:
        store().ping()
        checks["store"] = "ok"
    except StoreError as err:
        checks["store"] = f"error: {err}"
    return checks


@bp.get("/health")
def health():
    """The database and the file store: 200 when both answer, 503 with the one that does not."""
    from audit.web.files import store

    checks = _checks()
    healthy = all(value == "ok" for value in checks.values())
    body = {"status": "ok" if healthy else "unhealthy", **checks}
    waiting = len(store().pending())
    if waiting:  # files whose upload failed when their request committed: `flask files flush` sends them
        body["waiting_uploads"] = waiting
    return body, 200 if healthy else 503


@bp.get("/health/ready")
def ready():
    """For a load balancer: healthy, and the database schema is the one this code expects (a server started
    before `flask db upgrade` ran is not sent requests)."""
    from audit.migrations_state import schema_is_current

    checks = _checks()
    if checks["database"] == "ok":
        checks["schema"] = "ok" if schema_is_current() else "error: the database is not at the code's migration"
    ready_now = all(value == "ok" for value in checks.values())
    return {"status": "ready" if ready_now else "not ready", **checks}, 200 if ready_now else 503


@bp.get("/")
@login_required
def home():
    today = local_today(utcnow())
    role = current_user.user_role
    context = {"today": today}
    if role is Role.UNIT_USER:
        unit = current_user.unit
        items = visible_items(current_user)
        statuses = [standing(i.item_state, i.deadline, today) for i in items]
        ended = unit.valid_to is not None and unit.valid_to < today
        context.update(unit=unit, ended=ended, head=head_of(unit, unit.valid_to if ended else today),
                       children=[c for c in unit.children if c.active_on(today)],
                       items_open=sum(i.state != "accepted" for i in items),
                       items_overdue=sum(s.overdue for s in statuses),
                       items_due_soon=sum(s.due_soon for s in statuses))
    else:
        scope = current_actor().unit_scope  # a chairman, lead or inspector: their authority's desks only
        desks = [u for u in all_units(successions=False) if u.unit_kind in ONE_STOP_KINDS and u.active_on(today)
                 and (scope is None or u.id in scope)]
        context.update(desks=[(d, head_of(d, today)) for d in desks])
        if role is Role.CHAIRMAN:  # what waits for the chairman: inspections to conclude
            chaired = authority_service.chaired_today(current_user, today)
            context.update(to_conclude=review_service.awaiting_conclusion(chaired, scope))
        if role in TEAM_ROLES:  # an inspector's or lead's own work first: today, under way, awaiting review, next
            context.update(my_inspections=inspection_service.work_of(current_user))
        if role is Role.ADMIN:
            context.update(
                unit_count=db.session.scalar(select(func.count(Unit.id))),
                user_count=db.session.scalar(select(func.count(User.id)).where(User.active.is_(True))),
            )
    return render_template("main/home.html", role=role, **context)
