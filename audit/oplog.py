"""The operations log: one structured line per operation (who, what, which object, outcome), for the people who
run KTCV. It stands beside the audit log, which stays the record of what changed, in the database.

Settings (``AUDIT_LOG_LEVEL``, ``AUDIT_LOG_FORMAT`` in the environment):

- ``LOG_LEVEL``: ``INFO`` (default) logs every change (POST…), every refusal (4xx) and every failure (5xx);
  ``DEBUG`` also every page read; ``WARNING`` only refusals and failures.
- ``LOG_FORMAT``: ``text`` (default, ``key=value`` pairs, one line) or ``json`` (one JSON object per line, for a
  log collector).

Lines go to the standard error stream, which gunicorn and systemd collect.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

LOGGER = logging.getLogger("ktcv.operations")
FORMATS = ("text", "json")


def _value(value: Any) -> str:
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if (not text or any(c in text for c in ' "=\n')) else text


class _Formatter(logging.Formatter):
    def __init__(self, style: str):
        super().__init__()
        self.style_name = style

    def format(self, record: logging.LogRecord) -> str:
        fields = {"time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
                  "level": record.levelname, **getattr(record, "operation", {"message": record.getMessage()})}
        if self.style_name == "json":
            return json.dumps(fields, ensure_ascii=False, default=str)
        return " ".join(f"{key}={_value(value)}" for key, value in fields.items() if value not in (None, "", [], {}))


def configure(level: str | int = "INFO", style: str = "text", stream=None) -> None:
    """Set the level and the format of the operations log (called once per app; the last call wins)."""
    if style not in FORMATS:
        raise ValueError(f"AUDIT_LOG_FORMAT must be one of {', '.join(FORMATS)}, not {style!r}")
    resolved = logging.getLevelName(level.upper()) if isinstance(level, str) else level
    if not isinstance(resolved, int):
        raise ValueError(f"AUDIT_LOG_LEVEL is not a logging level: {level!r}")
    for handler in list(LOGGER.handlers):
        LOGGER.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(_Formatter(style))
    LOGGER.addHandler(handler)
    LOGGER.setLevel(resolved)
    LOGGER.propagate = False
    LOGGER.disabled = False  # a logging.config.fileConfig elsewhere (Alembic's) disables existing loggers


def level_of(method: str, status: int) -> int:
    """How loud a request's line is: failures are errors, refusals warnings, changes information, reads detail."""
    if status >= 500:
        return logging.ERROR
    if status >= 400:
        return logging.WARNING
    if method not in ("GET", "HEAD", "OPTIONS"):
        return logging.INFO
    return logging.DEBUG


def outcome_of(status: int) -> str:
    if status >= 500:
        return "failed"
    if status == 409:
        return "conflict"
    if status in (401, 403):
        return "denied"
    if status >= 400:
        return "refused"
    return "done"


def operation(level: int, **fields: Any) -> None:
    """Write one line (``fields``: who, what, object, outcome… in that order)."""
    if LOGGER.isEnabledFor(level):
        LOGGER.log(level, fields.get("what", "operation"), extra={"operation": fields})
