"""Files a request writes reach the store only when its transaction commits: they are written to a spool file
now, handed to the store after the commit and removed after a rollback, so a refused or failed request leaves no
object behind and no record points to a missing one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from audit.db import db
from audit.storage import Store

_KEY = "staged_files"


def stage(store: Store, key: str, data: bytes) -> None:
    """Keep ``data`` for ``key``; it reaches ``store`` at commit. Objects already there are left alone (the
    same bytes have the same name)."""
    if store.has(key):
        return
    handle, name = tempfile.mkstemp(prefix="ktcv-spool-")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    db.session().info.setdefault(_KEY, []).append((store, key, Path(name)))


@event.listens_for(Session, "after_commit")
def _publish(session: Session) -> None:
    for store, key, spooled in session.info.pop(_KEY, []):
        try:
            store.put_file(key, spooled)
        finally:
            spooled.unlink(missing_ok=True)


@event.listens_for(Session, "after_rollback")
def _discard(session: Session) -> None:
    for _store, _key, spooled in session.info.pop(_KEY, []):
        spooled.unlink(missing_ok=True)
