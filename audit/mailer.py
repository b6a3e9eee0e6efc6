"""Sending the outbox (:mod:`audit.services.outbox`), outside any request's transaction.

Each message is claimed by a conditional update and committed before it goes, marked sent right after the
server accepts it, and a failure postpones only that message (growing delays, up to ``MAX_ATTEMPTS``): a
mail server that is down never fails a request, and nothing is sent twice unless the process dies between
the server's acceptance and the next commit (then the claim expires after ``CLAIM_TIMEOUT`` and it is sent
again: at least once, never lost). Run after every request that queued mail, and by ``flask mail send``
(cron or ``--loop``) for the retries.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Callable
from datetime import datetime, timedelta
from email.message import EmailMessage

from flask import current_app
from sqlalchemy import or_, select, update

from audit.db import db, utcnow
from audit.models import Notification, OutboxMail

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
CLAIM_TIMEOUT = timedelta(minutes=10)


def backoff(attempts: int) -> timedelta:
    """1, 2, 4 … minutes after each failure, at most six hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def _send(mail: OutboxMail, timeout: float) -> None:
    config = current_app.config
    message = EmailMessage()
    message["From"] = config.get("MAIL_FROM", "ktcv@localhost")
    message["To"] = ", ".join(mail.to)
    if mail.cc:
        message["Cc"] = ", ".join(mail.cc)
    message["Subject"] = mail.subject
    message.set_content(mail.body)
    with smtplib.SMTP(config["MAIL_SERVER"], int(config.get("MAIL_PORT", 25)), timeout=timeout) as smtp:
        if config.get("MAIL_STARTTLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD", ""))
        smtp.send_message(message)


def deliver_due(*, ids: list[int] | None = None, clock: Callable[[], datetime] = utcnow, limit: int = 200,
                timeout: float = 20) -> dict[str, int]:
    """Send what is due (or only ``ids``); commits after each step. Returns counts sent, postponed, failed."""
    counts = {"sent": 0, "postponed": 0, "failed": 0}
    if not current_app.config.get("MAIL_SERVER"):
        return counts
    query = select(OutboxMail.id).where(OutboxMail.sent_at.is_(None), OutboxMail.failed_at.is_(None),
                                        OutboxMail.next_attempt_at <= clock()).order_by(OutboxMail.id).limit(limit)
    if ids is not None:
        query = query.where(OutboxMail.id.in_(ids))
    for mail_id in list(db.session.scalars(query)):
        now = clock()
        claimed = db.session.execute(
            update(OutboxMail).where(OutboxMail.id == mail_id, OutboxMail.sent_at.is_(None),
                                     OutboxMail.failed_at.is_(None),
                                     or_(OutboxMail.claimed_at.is_(None), OutboxMail.claimed_at < now - CLAIM_TIMEOUT))
            .values(claimed_at=now, attempts=OutboxMail.attempts + 1).execution_options(synchronize_session=False))
        db.session.commit()
        if claimed.rowcount != 1:
            continue  # another sender has it
        mail = db.session.get(OutboxMail, mail_id)
        db.session.refresh(mail)
        try:
            _send(mail, timeout)
        except (OSError, smtplib.SMTPException) as err:
            mail.claimed_at, mail.last_error = None, f"{type(err).__name__}: {err}"[:500]
            if mail.attempts >= MAX_ATTEMPTS:
                mail.failed_at = now
                counts["failed"] += 1
                log.error("mail %s given up after %s attempts: %s", mail.id, mail.attempts, mail.last_error)
            else:
                mail.next_attempt_at = now + backoff(mail.attempts)
                counts["postponed"] += 1
                log.warning("mail %s postponed: %s", mail.id, mail.last_error)
            db.session.commit()
            continue
        mail.sent_at, mail.claimed_at, mail.last_error = now, None, None
        if mail.notification_id is not None:
            db.session.execute(update(Notification).where(Notification.id == mail.notification_id)
                               .values(emailed_at=now).execution_options(synchronize_session=False))
        db.session.commit()
        counts["sent"] += 1
    return counts


def deliver_after_request(app, ids: list[int]) -> None:
    """Called when a response has been sent: try the request's mail once (short timeout); what fails stays
    in the outbox for ``flask mail send``."""
    with app.app_context():
        try:
            deliver_due(ids=ids, timeout=5)
        except Exception:  # noqa: BLE001 - the request is done; the outbox keeps the mail for the next run
            db.session.rollback()
            log.exception("sending the outbox after a request failed")
        finally:
            db.session.remove()
