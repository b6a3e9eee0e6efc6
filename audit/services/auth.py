"""Logging in, with throttling of repeated failures (per username and address, and per address), and the
throttles of the change-password form and /verify. Attempts are rows of the database, so every worker process
shares them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from audit.db import db
from audit.domain.errors import N_, DomainError, LoginThrottled
from audit.domain.throttle import PASSWORD_CHANGE, PER_ADDRESS, PER_PAIR, VERIFY, ThrottleRule, lockout_remaining
from audit.models import LoginAttempt, User

from .users import find_by_username, verify_password

LOGIN, PASSWORD, VERIFYING = "login", "password", "verify"


class InvalidLogin(DomainError):
    pass


def _failures(rule: ThrottleRule, now: datetime, *, kind: str, username: str | None = None,
              address: str | None = None, count_all: bool = False) -> list[datetime]:
    """Failed attempts of ``kind`` for the key (since the key's last success), or every attempt with
    ``count_all`` (a rate)."""
    key = [LoginAttempt.kind == kind]
    if username is not None:
        key.append(LoginAttempt.username == username)
    if address is not None:
        key.append(LoginAttempt.address == address)
    query = select(LoginAttempt.at).where(*key, LoginAttempt.at >= now - rule.window)
    if not count_all:
        query = query.where(LoginAttempt.succeeded.is_(False))
        last_success = db.session.scalar(select(func.max(LoginAttempt.at)).where(*key,
                                                                                 LoginAttempt.succeeded.is_(True)))
        if last_success is not None:
            query = query.where(LoginAttempt.at > last_success)
    return list(db.session.scalars(query))


def authenticate(username: str, password: str, *, address: str, now: datetime) -> User:
    """The user for these credentials, or :class:`InvalidLogin`; :class:`LoginThrottled` while this username
    from this address, or this address, is delayed after repeated failures. Every attempt is recorded; known
    and unknown usernames cost the same work (one password hash)."""
    username = (username or "").strip().lower()[:64]
    address = (address or "?")[:64]
    for rule, key in ((PER_PAIR, {"username": username, "address": address}), (PER_ADDRESS, {"address": address})):
        remaining = lockout_remaining(_failures(rule, now, kind=LOGIN, **key), now, rule)
        if remaining is not None:
            raise LoginThrottled(remaining)
    user = find_by_username(username)
    ok = verify_password(user, password) and user is not None and user.active
    db.session.add(LoginAttempt(kind=LOGIN, username=username, address=address, at=now, succeeded=ok))
    if not ok:
        raise InvalidLogin(N_("Wrong username or password, or the account is deactivated."))
    user.last_login_at = now
    return user


def check_password_guess(user: User, *, address: str, now: datetime) -> None:
    """:class:`LoginThrottled` while the account's change-password form is locked after wrong current
    passwords."""
    remaining = lockout_remaining(_failures(PASSWORD_CHANGE, now, kind=PASSWORD, username=user.username),
                                  now, PASSWORD_CHANGE)
    if remaining is not None:
        raise LoginThrottled(remaining)


def record_password_guess(user: User, *, address: str, now: datetime, succeeded: bool) -> None:
    db.session.add(LoginAttempt(kind=PASSWORD, username=user.username, address=(address or "?")[:64], at=now,
                                succeeded=succeeded))


def check_verify_rate(*, address: str, now: datetime) -> None:
    """Count one /verify check of ``address``; :class:`LoginThrottled` beyond the rate."""
    address = (address or "?")[:64]
    remaining = lockout_remaining(_failures(VERIFY, now, kind=VERIFYING, address=address, count_all=True), now,
                                  VERIFY)
    if remaining is not None:
        raise LoginThrottled(remaining)
    db.session.add(LoginAttempt(kind=VERIFYING, username="", address=address, at=now, succeeded=True))
