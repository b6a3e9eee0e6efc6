"""Logging in, with throttling of repeated failures per username and per address."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from audit.db import db
from audit.domain.errors import N_, DomainError, LoginThrottled
from audit.domain.throttle import PER_ADDRESS, PER_USERNAME, ThrottleRule, lockout_remaining
from audit.models import LoginAttempt, User

from .users import find_by_username, verify_password


class InvalidLogin(DomainError):
    pass


def _failures(column, value: str, rule: ThrottleRule, now: datetime) -> list[datetime]:
    since = now - rule.window
    last_success = db.session.scalar(
        select(func.max(LoginAttempt.at)).where(column == value, LoginAttempt.succeeded.is_(True))
    )
    query = select(LoginAttempt.at).where(column == value, LoginAttempt.succeeded.is_(False),
                                          LoginAttempt.at >= since)
    if last_success is not None and column is LoginAttempt.username:
        query = query.where(LoginAttempt.at > last_success)
    return list(db.session.scalars(query))


def authenticate(username: str, password: str, *, address: str, now: datetime) -> User:
    """The user for these credentials, or :class:`InvalidLogin`; :class:`LoginThrottled` while the
    username or the address is locked after repeated failures. Every attempt is recorded."""
    username = (username or "").strip().lower()[:64]
    address = (address or "?")[:64]
    for column, value, rule in ((LoginAttempt.username, username, PER_USERNAME),
                                (LoginAttempt.address, address, PER_ADDRESS)):
        remaining = lockout_remaining(_failures(column, value, rule, now), now, rule)
        if remaining is not None:
            raise LoginThrottled(remaining)
    user = find_by_username(username)
    ok = verify_password(user, password) and user is not None and user.active
    db.session.add(LoginAttempt(username=username, address=address, at=now, succeeded=ok))
    if not ok:
        raise InvalidLogin(N_("Wrong username or password, or the account is deactivated."))
    user.last_login_at = now
    return user
