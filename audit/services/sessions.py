"""Sessions the server knows: started at login, ended at logout, by a password change or after an idle time
(an unattended tablet). The browser's cookie holds a random token; the database only its digest."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select, update

from audit.db import db
from audit.models import User, UserSession


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(user: User, *, address: str, now: datetime) -> str:
    """A new session for ``user``; returns the token for the cookie."""
    token = secrets.token_urlsafe(32)
    db.session.add(UserSession(token_sha256=_digest(token), user_id=user.id, created_at=now, last_seen_at=now,
                               address=(address or "?")[:64]))
    return token


def active(token: str | None, user_id: int, *, now: datetime, idle: timedelta) -> UserSession | None:
    """The session of this token if it belongs to ``user_id``, has not ended and was used within ``idle``."""
    if not token:
        return None
    row = db.session.get(UserSession, _digest(token))
    if row is None or row.user_id != user_id or row.ended_at is not None or row.last_seen_at < now - idle:
        return None
    return row


def end(token: str | None, *, now: datetime) -> None:
    if token:
        db.session.execute(update(UserSession).where(UserSession.token_sha256 == _digest(token),
                                                     UserSession.ended_at.is_(None)).values(ended_at=now))


def end_all(user: User, *, now: datetime, keep: str | None = None) -> None:
    """End every session of ``user`` (a password change, an account deactivated), but ``keep``."""
    query = update(UserSession).where(UserSession.user_id == user.id, UserSession.ended_at.is_(None))
    if keep:
        query = query.where(UserSession.token_sha256 != _digest(keep))
    db.session.execute(query.values(ended_at=now))


def touch_statement(token: str, now: datetime):
    """The update that records the session's use (run after the request, on its own, at most once a minute)."""
    return (update(UserSession).where(UserSession.token_sha256 == _digest(token), UserSession.ended_at.is_(None),
                                      UserSession.last_seen_at < now - timedelta(minutes=1))
            .values(last_seen_at=now))


def open_sessions(user: User) -> list[UserSession]:
    return list(db.session.scalars(select(UserSession).where(UserSession.user_id == user.id,
                                                             UserSession.ended_at.is_(None))))
