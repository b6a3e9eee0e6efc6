"""Files a request writes reach the store only when its transaction commits: they are written to a spool file
now, handed to the store after the commit and removed after a rollback, so a refused or failed request leaves no
object behind and no record points to nothing.

Should the store refuse an upload after the commit (S3 unreachable, a disk full), the file is not dropped: it
waits in the store's ``spool/pending`` folder, named by its key, until ``flask files flush`` (or the next flush)
sends it; /health reports how many wait, and this server serves them meanwhile."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from audit.db import db
from audit.storage import Store, StoreError

_KEY = "staged_files"
log = logging.getLogger(__name__)


def stage(store: Store, key: str, data: bytes) -> None:
    """Keep ``data`` for ``key``; it reaches ``store`` at commit. Objects already there are left alone (the
    same bytes have the same name)."""
    if store.has(key):
        return
    store.spool.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix="staged-", dir=store.spool)
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    db.session().info.setdefault(_KEY, []).append((store, key, Path(name)))


@event.listens_for(Session, "after_commit")
def _publish(session: Session) -> None:
    for store, key, spooled in session.info.pop(_KEY, []):
        try:
            store.put_file(key, spooled)
        except (StoreError, OSError):  # the record is committed: keep the bytes for a later flush
            log.exception("the store refused %s after the commit; kept in %s/pending", key, store.spool)
            try:
                store.keep_pending(key, spooled)
            except OSError:
                log.exception("%s could not be kept for a later flush", key)
            continue
        spooled.unlink(missing_ok=True)


@event.listens_for(Session, "after_rollback")
def _discard(session: Session) -> None:
    for _store, _key, spooled in session.info.pop(_KEY, []):
        spooled.unlink(missing_ok=True)
