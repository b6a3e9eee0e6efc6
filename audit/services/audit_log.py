"""Writing the append-only audit log."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import event, insert
from sqlalchemy.orm import Session

from audit.db import db
from audit.models import AuditLogEntry, User


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def record(actor: User | None, action: str, target_type: str, target_id: int | None, *, now: datetime,
           **payload) -> None:
    """Append one entry; ``payload`` holds what changed (for edits: ``before`` and ``after``).

    Written at once by a statement in the session's transaction (committed or rolled back with it), not added
    to the session: nothing reads an entry back in the request that writes it, and the unit of work cost an
    autosave as much as its own update."""
    db.session.connection().execute(_INSERT, {"at": now, "actor_id": actor.id if actor else None, "action": action,
                                              "target_type": target_type, "target_id": target_id,
                                              "payload": _plain(payload)})
    db.session.info.setdefault(AUDITED, []).append(action)  # named in the operations log line (audit.oplog)


_INSERT = insert(AuditLogEntry.__table__)


AUDITED = "audited_actions"  # the key, in the session's info, of the actions recorded in its transaction


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    """A rolled-back action did not happen: the operations log must not name it."""
    session.info.pop(AUDITED, None)
