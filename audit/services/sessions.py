"""Sessions the server knows: started at login, ended at logout, by a password change or after an idle time
(an unattended tablet). The browser's cookie holds a random token; the database only its digest."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import and_, bindparam, select, update
from sqlalchemy.orm import joinedload

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


def user_and_session(user_id: int, token: str | None, *, now: datetime,
                     idle: timedelta) -> tuple[User | None, UserSession | None]:
    """The account ``user_id`` (with the authority it acts for, which the policy asks about on most requests) and
    the session of this token if it belongs to that account, has not ended and was used within ``idle``. One
    statement: every request of a logged-in user asks it first."""
    found = db.session.execute(_user_and_session(), {"user_id": user_id, "digest": _digest(token or "")}).first()
    if found is None:
        return None, None
    user, row = found
    if not token or row is None or row.ended_at is not None or row.last_seen_at < now - idle:
        return user, None
    return user, row


@cache
def _user_and_session():
    # built once: composing it cost about what running it does
    return (select(User, UserSession)
            .outerjoin(UserSession, and_(UserSession.token_sha256 == bindparam("digest"),
                                         UserSession.user_id == User.id))
            .where(User.id == bindparam("user_id"))
            .options(joinedload(User.authority)))


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
