"""The in-app inbox, and e-mail through the outbox when SMTP is configured (``AUDIT_MAIL_SERVER``)."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext
from sqlalchemy import bindparam, func, select, update

from audit.db import db, on_connection
from audit.domain.policy import Role
from audit.domain.units import lies_within
from audit.models import Inspection, Notification, RemediationItem, User

from . import outbox
from .units import unit_tree


def unit_users_for(unit_id: int) -> list[User]:
    """Active unit users whose scope covers ``unit_id`` (their unit or one above it): found by walking up from
    ``unit_id`` for each user, not by listing every user's subtree (a province has hundreds of unit users)."""
    parent_of = unit_tree().parent_of
    users = db.session.scalars(select(User).where(User.role == Role.UNIT_USER.value, User.active.is_(True))).all()
    return [u for u in users if lies_within(unit_id, u.unit_id, parent_of)]


#: a user's unread messages: the figure beside the menu's inbox link, on every page
_UNREAD = select(func.count()).select_from(Notification).where(Notification.user_id == bindparam("user_id"),
                                                               Notification.unread())


def unread_count(user_id: int) -> int:
    """How many messages in ``user_id``'s inbox are unread (after what this transaction wrote)."""
    return on_connection(_UNREAD, {"user_id": user_id}).scalar_one()


def mark_read(user_id: int, now: datetime, note_id: int | None = None) -> int:
    """Mark ``user_id``'s unread messages read (only ``note_id`` when given), as one conditional update: a message
    already read keeps the time it was first read, whoever marks it again at once. How many were marked."""
    statement = update(Notification).where(Notification.user_id == user_id, Notification.unread()) \
        .values(read_at=now).execution_options(synchronize_session=False)
    if note_id is not None:
        statement = statement.where(Notification.id == note_id)
    return on_connection(statement).rowcount


def team_of(inspection: Inspection) -> list[User]:
    return [m.user for m in inspection.members if m.user.active]


def text_of(notification: Notification) -> str:
    params = notification.params or {}
    return gettext(notification.message, **params) if params else gettext(notification.message)


def notify(users: list[User], *, kind: str, message: str, params: dict, item: RemediationItem | None,
           now: datetime) -> list[Notification]:
    """Put a message in each user's inbox (one per user, whoever appears twice)."""
    created, seen = [], set()
    for user in users:
        if user.id in seen:
            continue
        seen.add(user.id)
        note = Notification(user_id=user.id, kind=kind, item=item, message=message, params=params, created_at=now)
        db.session.add(note)
        created.append(note)
    db.session.flush()
    return created


def email_notifications(notes: list[Notification], subject: str, now: datetime) -> None:
    """E-mail each notification to its user who has an address: queued in the outbox, sent after commit."""
    for note in notes:
        user = db.session.get(User, note.user_id)
        if user.email:
            outbox.queue([user.email], subject, text_of(note), now=now, notification=note)
