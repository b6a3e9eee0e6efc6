"""Throttling of guesses: logins, the current password when changing it, and /verify.

Logins are counted per username *and* address: failures from one place delay only that place's further
attempts at that account (a growing delay), so nobody can lock a victim out from elsewhere. An address
that tries many accounts is slowed as a whole. Behind a reverse proxy the address is the client's
(ProxyFix with the configured number of trusted proxies), not the proxy's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class ThrottleRule:
    """``max_failures`` failures within ``window`` lock the key for ``lockout`` after the last one; with
    ``growing``, each further failure doubles the lockout, up to ``max_lockout``."""

    max_failures: int
    window: timedelta
    lockout: timedelta
    growing: bool = False
    max_lockout: timedelta | None = None


#: the same account from the same address: 5 failures, then 1, 2, 4, 8, 15 minutes
PER_PAIR = ThrottleRule(max_failures=5, window=timedelta(minutes=30), lockout=timedelta(minutes=1), growing=True,
                        max_lockout=timedelta(minutes=15))
#: one address trying many accounts
PER_ADDRESS = ThrottleRule(max_failures=30, window=timedelta(minutes=15), lockout=timedelta(minutes=15))
#: wrong current password in the change-password form, per account
PASSWORD_CHANGE = ThrottleRule(max_failures=5, window=timedelta(minutes=15), lockout=timedelta(minutes=15))
#: /verify: codes and files checked per address (a person checks a few documents, a script thousands)
VERIFY = ThrottleRule(max_failures=30, window=timedelta(minutes=1), lockout=timedelta(minutes=1))


def lockout_remaining(failures: Iterable[datetime], now: datetime, rule: ThrottleRule) -> timedelta | None:
    """Time left before another attempt is allowed, or ``None`` if attempts are allowed now.

    ``failures`` are the times of the failed attempts (since the last successful login, where that applies).
    """
    recent = sorted(t for t in failures if now - rule.window <= t <= now)
    if len(recent) < rule.max_failures:
        return None
    lockout = rule.lockout
    if rule.growing:
        lockout = min(rule.lockout * 2 ** (len(recent) - rule.max_failures), rule.max_lockout or rule.lockout)
    remaining = recent[-1] + lockout - now
    return remaining if remaining > timedelta(0) else None
