"""Rules for accounts: usernames and passwords."""

from __future__ import annotations

import re

from .errors import N_

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
MIN_PASSWORD = 10
MAX_PASSWORD = 128


def username_problem(username: str) -> str | None:
    """Untranslated message if ``username`` is not acceptable (lower-case ASCII, 3–64 chars)."""
    if not USERNAME_RE.match(username):
        return N_("A username has 3–64 characters: lower-case letters without diacritics, digits, dot, dash or underscore.")
    return None


def password_problem(password: str, username: str) -> str | None:
    """Untranslated message if ``password`` is too weak for an account named ``username``."""
    if len(password) < MIN_PASSWORD:
        return N_("The password must have at least 10 characters.")
    if len(password) > MAX_PASSWORD:
        return N_("The password must have at most 128 characters.")
    if username and username.lower() in password.lower():
        return N_("The password must not contain the username.")
    if len(set(password)) < 4:
        return N_("The password is too simple.")
    return None
