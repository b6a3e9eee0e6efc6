"""Files a request writes appear under their name only when its transaction commits: they are written under
a temporary name, moved into place after the commit and removed after a rollback, so a refused or failed
request leaves no file behind and no record points to a missing one."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from audit.db import db

_KEY = "staged_files"


def stage(path: Path, data: bytes) -> None:
    """Write ``data`` for ``path`` now; it takes the name at commit. Content-addressed paths (the same bytes,
    the same name) already in place are left alone."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.part-{uuid.uuid4().hex}")
    temporary.write_bytes(data)
    db.session().info.setdefault(_KEY, []).append((temporary, path))


@event.listens_for(Session, "after_commit")
def _publish(session: Session) -> None:
    for temporary, path in session.info.pop(_KEY, []):
        if path.exists():
            temporary.unlink(missing_ok=True)
        else:
            temporary.replace(path)


@event.listens_for(Session, "after_rollback")
def _discard(session: Session) -> None:
    for temporary, _path in session.info.pop(_KEY, []):
        temporary.unlink(missing_ok=True)
