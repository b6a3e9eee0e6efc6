"""Accounts: create, change role and unit, deactivate, reset and change passwords."""

from __future__ import annotations

import re
import secrets
from datetime import datetime

from flask import current_app
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from audit.db import db
from audit.domain.accounts import password_problem, username_problem
from audit.domain.errors import N_, DomainError
from audit.domain.people import Honorific
from audit.domain.policy import Role, role_needs_authority, role_needs_unit
from audit.models import Authority, Unit, User

from . import audit_log

# A hash to compare against when the username is unknown, so both paths cost the same.
_DUMMY_HASH: dict[str, str] = {}


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def verify_password(user: User | None, password: str) -> bool:
    """Constant-work check: an unknown user still costs one hash comparison."""
    if user is None:
        method = current_app.config["PASSWORD_HASH_METHOD"]
        if method not in _DUMMY_HASH:  # made once per process, not on every call (the work must be equal)
            _DUMMY_HASH[method] = generate_password_hash("x" * 16, method=method)
        check_password_hash(_DUMMY_HASH[method], password)
        return False
    return check_password_hash(user.password_hash, password)


def _check_role_unit(role: Role, unit: Unit | None, authority: Authority | None = None) -> None:
    if role_needs_unit(role) and unit is None:
        raise DomainError(N_("A unit user must belong to a unit."))
    if role_needs_authority(role) and authority is None:
        raise DomainError(N_("A chairman, team lead or inspector acts for an inspecting authority: choose it."))
    if not role_needs_authority(role) and authority is not None:
        raise DomainError(N_("Only a chairman, team lead or inspector acts for an inspecting authority."))


def _honorific(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return Honorific(value).value
    except ValueError:
        raise DomainError(N_("Choose Ông or Bà.")) from None


EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _email(value: str | None) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if not EMAIL_RE.match(value) or len(value) > 200:
        raise DomainError(N_("The e-mail address is not valid."))
    return value


def find_by_username(username: str) -> User | None:
    return db.session.scalar(select(User).where(User.username == username.strip().lower()))


def create_user(*, username: str, full_name: str, role: Role, unit: Unit | None, password: str,
                job_title: str | None = None, email: str | None = None, must_change_password: bool = True,
                authority: Authority | None = None, honorific: str | None = None,
                actor: User | None, now: datetime) -> User:
    """Create an account; raises :class:`DomainError` for a taken or malformed username, a weak
    password, or a unit user without a unit."""
    username = username.strip().lower()
    problem = username_problem(username) or password_problem(password, username)
    if problem:
        raise DomainError(problem)
    if find_by_username(username) is not None:
        raise DomainError(N_("The username %(username)s is already taken."), username=username)
    _check_role_unit(role, unit, authority)
    user = User(username=username, full_name=full_name.strip(), job_title=(job_title or "").strip() or None,
                email=_email(email), role=role.value, unit=unit, authority=authority, honorific=_honorific(honorific),
                password_hash=hash_password(password), must_change_password=must_change_password, created_at=now)
    db.session.add(user)
    db.session.flush()
    audit_log.record(actor, "user.create", "user", user.id, now=now,
                     after={"username": username, "role": role.value, "unit": unit.code if unit else None,
                            "authority": authority.code if authority else None})
    return user


def update_user(user: User, *, full_name: str, job_title: str | None, role: Role, unit: Unit | None,
                actor: User, now: datetime, email: str | None = None, authority: Authority | None = None,
                honorific: str | None = None) -> None:
    """Change name, title, role, unit and authority. An admin cannot remove their own admin role."""
    if user.id == actor.id and role is not Role.ADMIN:
        raise DomainError(N_("You cannot remove your own administrator role."))
    _check_role_unit(role, unit, authority)
    before = {"full_name": user.full_name, "job_title": user.job_title, "role": user.role,
              "unit": user.unit.code if user.unit else None, "authority": user.authority.code if user.authority else None}
    scope_changed = (user.role, user.unit_id, user.authority_id) != (role.value, unit.id if unit else None,
                                                                     authority.id if authority else None)
    user.full_name = full_name.strip()
    user.job_title = (job_title or "").strip() or None
    user.email = _email(email)
    user.role = role.value
    user.unit = unit
    user.authority = authority
    user.honorific = _honorific(honorific)
    if scope_changed:
        user.session_version += 1  # rights changed: open sessions must log in again
    after = {"full_name": user.full_name, "job_title": user.job_title, "role": role.value,
             "unit": unit.code if unit else None, "authority": authority.code if authority else None}
    audit_log.record(actor, "user.update", "user", user.id, now=now, before=before, after=after)


def set_active(user: User, active: bool, *, actor: User, now: datetime) -> None:
    """Activate or deactivate; deactivating ends the user's sessions. Nobody deactivates themself."""
    if user.id == actor.id and not active:
        raise DomainError(N_("You cannot deactivate your own account."))
    if user.active == active:
        return
    user.active = active
    user.session_version += 1
    audit_log.record(actor, "user.activate" if active else "user.deactivate", "user", user.id, now=now,
                     before={"active": not active}, after={"active": active})


def reset_password(user: User, *, actor: User, now: datetime) -> str:
    """Give ``user`` a random temporary password (returned once) that must be changed at next login."""
    temporary = secrets.token_urlsafe(9)
    user.password_hash = hash_password(temporary)
    user.must_change_password = True
    user.session_version += 1
    audit_log.record(actor, "user.reset_password", "user", user.id, now=now)
    return temporary


def change_password(user: User, *, current: str, new: str, now: datetime) -> None:
    """The user's own change; raises :class:`DomainError` if ``current`` is wrong or ``new`` is weak."""
    if not verify_password(user, current):
        raise DomainError(N_("The current password is wrong."))
    problem = password_problem(new, user.username)
    if problem:
        raise DomainError(problem)
    if current == new:
        raise DomainError(N_("The new password must differ from the current one."))
    user.password_hash = hash_password(new)
    user.must_change_password = False
    user.session_version += 1
    audit_log.record(user, "user.change_password", "user", user.id, now=now)
