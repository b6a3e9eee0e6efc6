"""Mail leaves after the transaction that decided it commits: services put it in the outbox (same
transaction, so a rolled-back request sends nothing); :mod:`audit.mailer` sends it afterwards."""

from __future__ import annotations

from datetime import datetime

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

from audit.db import db
from audit.models import Notification, OutboxMail


def mail_configured() -> bool:
    return bool(current_app.config.get("MAIL_SERVER"))


def queue(to: list[str], subject: str, body: str, *, now: datetime, cc: list[str] = (),
          notification: Notification | None = None) -> OutboxMail | None:
    """Put one e-mail in the outbox (nothing when mail is not configured or nobody has an address)."""
    to = [address for address in to if address]
    if not mail_configured() or not to:
        return None
    mail = OutboxMail(to=to, cc=[address for address in cc if address], subject=subject[:300], body=body,
                      notification_id=notification.id if notification is not None else None, created_at=now,
                      next_attempt_at=now, attempts=0)
    db.session.add(mail)
    db.session.flush()
    # noted on the session (not on Flask's request globals): the web layer sends these once the request's
    # transaction has committed (audit.mailer); a command sends its own after committing
    db.session.info.setdefault(QUEUED, []).append(mail.id)
    return mail


QUEUED = "outbox_ids"  # the key, in the session's info, of the mails queued in its transaction


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    """Mail queued in a transaction that rolled back was never queued."""
    session.info.pop(QUEUED, None)


def queued_now() -> list[int]:
    """The ids of the mails queued in this session since the last call (each is handed out once)."""
    return db.session.info.pop(QUEUED, [])
