"""Login throttling: how long a username or an address must wait after repeated failures."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class ThrottleRule:
    """``max_failures`` failures within ``window`` lock the key for ``lockout`` after the last one."""

    max_failures: int
    window: timedelta
    lockout: timedelta


PER_USERNAME = ThrottleRule(max_failures=5, window=timedelta(minutes=15), lockout=timedelta(minutes=15))
PER_ADDRESS = ThrottleRule(max_failures=20, window=timedelta(minutes=15), lockout=timedelta(minutes=15))


def lockout_remaining(
    failures: Iterable[datetime], now: datetime, rule: ThrottleRule
) -> timedelta | None:
    """Time left before another attempt is allowed, or ``None`` if attempts are allowed now.

    ``failures`` are the times of failed attempts since the last successful login.
    """
    recent = sorted(t for t in failures if now - rule.window <= t <= now)
    if len(recent) < rule.max_failures:
        return None
    remaining = recent[-1] + rule.lockout - now
    return remaining if remaining > timedelta(0) else None
