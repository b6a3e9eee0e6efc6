"""Domain errors.

A domain error carries an English message id marked with :func:`N_` and its
parameters; the web and CLI layers translate it (Flask-Babel, Vietnamese by
default). Keeping the catalogue out of this package keeps it standard-library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta


def N_(message: str) -> str:
    """Mark ``message`` for extraction into the translation catalogue without translating it."""
    return message


class DomainError(Exception):
    """A domain rule refused an operation.

    ``message`` is an untranslated message id with ``%(name)s`` placeholders; ``params``
    fills them. ``str(err)`` gives the untranslated text (for logs and tests).
    """

    def __init__(self, message: str, **params: object):
        self.message = message
        self.params = params
        super().__init__(message % params if params else message)


class NotAllowed(DomainError):
    """The actor may not perform this operation (answers 403)."""


class Conflict(DomainError):
    """The request was overtaken by another one (a double click, a second tab): answers 409."""


class InvalidInput(DomainError):
    """The data sent does not fit (wrong type, out of range, not an image…; answers 422)."""


class TenureConflict(DomainError):
    """A head-of-unit tenure would overlap an existing one."""


class ChecklistError(DomainError):
    """A checklist definition is invalid."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in an import file. ``row`` 0 means the file as a whole."""

    row: int
    message: str
    params: dict = field(default_factory=dict, compare=False)

    def text(self) -> str:
        return self.message % self.params if self.params else self.message


class ImportRejected(DomainError):
    """An import file was refused as a whole; ``problems`` lists every problem found, by row."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(N_("The file was refused: %(count)d problem(s)."), count=len(self.problems))


class LoginThrottled(DomainError):
    """Too many recent failed logins; ``retry_after`` says how long to wait."""

    def __init__(self, retry_after: timedelta):
        self.retry_after = retry_after
        minutes = max(1, -(-int(retry_after.total_seconds()) // 60))
        super().__init__(
            N_("Too many failed login attempts. Please try again in %(minutes)d minute(s)."),
            minutes=minutes,
        )
