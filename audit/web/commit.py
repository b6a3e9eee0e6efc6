"""Committing a request whose answer is already built."""

from __future__ import annotations

from flask import g

from audit.db import db


def commit_as_written() -> None:
    """Commit the request's transaction, leaving its objects as this transaction wrote them for the rest of
    the request. A commit otherwise expires every object, and the hooks that run after the view (security
    headers, the operations log) read the user back from the database only to learn what they already knew.
    For a view that has built its answer before committing; the objects are expired when the request ends."""
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True
    g.expire_when_done = True
