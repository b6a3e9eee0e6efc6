"""Bounds on what arrives from outside: record ids, versions, counts and free text.

A number that does not fit the database's integer, or text longer than any real entry, is refused here with a
message rather than reaching SQL (where it would overflow or break an index)."""

from __future__ import annotations

from .errors import N_, InvalidInput

MAX_RECORD_ID = 2**31 - 1  # every id and version column is a 32-bit integer on PostgreSQL
MAX_COUNT = 10_000_000  # dossiers of one unit, field and period: far above any real figure
MAX_REASON = 2000  # the reason given for replacing a document


def record_number(text: str | int | None) -> int | None:
    """A record id or version from a form or a JSON body: a whole number 0 … 2³¹−1, else ``None``."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int):
        return text if 0 <= text <= MAX_RECORD_ID else None
    text = (text or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 10:
        return None
    value = int(text)
    return value if value <= MAX_RECORD_ID else None


def reason_text(text: str | None) -> str:
    """A stated reason, trimmed; :class:`InvalidInput` when longer than :data:`MAX_REASON` characters."""
    text = (text or "").strip()
    if len(text) > MAX_REASON:
        raise InvalidInput(N_("The reason is longer than %(max)d characters."), max=MAX_REASON)
    return text
