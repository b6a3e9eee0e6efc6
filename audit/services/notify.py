"""The in-app inbox, and e-mail when SMTP is configured (``AUDIT_MAIL_SERVER``)."""

from __future__ import annotations

import smtplib
from datetime import datetime
from email.message import EmailMessage

from flask import current_app
from flask_babel import gettext
from sqlalchemy import select

from audit.db import db
from audit.domain.policy import Role
from audit.domain.units import subtree
from audit.models import Inspection, Notification, RemediationItem, Unit, User


def unit_users_for(unit_id: int) -> list[User]:
    """Active unit users whose scope covers ``unit_id`` (their unit or one above it)."""
    parent_of = {row.id: row.parent_id for row in db.session.execute(select(Unit.id, Unit.parent_id))}
    users = db.session.scalars(select(User).where(User.role == Role.UNIT_USER.value, User.active.is_(True))).all()
    return [u for u in users if unit_id in subtree(u.unit_id, parent_of)]


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


def mail_configured() -> bool:
    return bool(current_app.config.get("MAIL_SERVER"))


def send_mail(to: list[str], subject: str, body: str, cc: list[str] = ()) -> bool:
    """Send one message through the configured SMTP server; ``False`` when mail is not configured."""
    if not mail_configured() or not to:
        return False
    config = current_app.config
    message = EmailMessage()
    message["From"] = config.get("MAIL_FROM", "ktcv@localhost")
    message["To"] = ", ".join(to)
    if cc:
        message["Cc"] = ", ".join(cc)
    message["Subject"] = subject
    message.set_content(body)
    with smtplib.SMTP(config["MAIL_SERVER"], int(config.get("MAIL_PORT", 25)), timeout=20) as smtp:
        if config.get("MAIL_STARTTLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD", ""))
        smtp.send_message(message)
    return True


def email_notifications(notes: list[Notification], subject: str, now: datetime) -> None:
    """E-mail each notification to its user, when mail is configured and the user has an address."""
    if not mail_configured():
        return
    for note in notes:
        user = db.session.get(User, note.user_id)
        if user.email and send_mail([user.email], subject, text_of(note)):
            note.emailed_at = now
