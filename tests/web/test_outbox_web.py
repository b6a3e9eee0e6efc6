"""Mail after commit: a unit's response is saved whatever the mail server does; the mail waits in the outbox
and goes out once when the server is back (a real SMTP server on 127.0.0.1, stopped, then started)."""

from datetime import timedelta

from sqlalchemy import func, select

from audit.db import db, utcnow
from audit.models import OutboxMail, RemediationEvent
from tests.conftest import _free_port
from tests.services.test_remediation_service import Mailbox
from tests.web.test_remediation_web import item_of, post_form


def test_smtp_down_the_response_is_saved_and_the_mail_goes_out_once_when_it_is_back(client, demo, login, app,
                                                                                      runner):
    port = _free_port()  # nothing listens there: the mail server is down
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_FROM="ktcv@namgiang.example")
    login("donvi-la-ee")
    item = item_of("A02")
    response = post_form(client, f"/remediation/{item.id}/respond",
                         {"text": "Đã phân công lịch trực", "submission_id": "smtp-down-1"})
    response.close()  # the response has been sent: the request's mail is tried now, and fails
    assert response.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(RemediationEvent).where(
        RemediationEvent.item_id == item.id, RemediationEvent.action == "respond")) == 1
    db.session.expire_all()
    waiting = db.session.scalars(select(OutboxMail).where(OutboxMail.sent_at.is_(None))).all()
    assert waiting and all(m.attempts == 1 and m.last_error and m.next_attempt_at > utcnow() for m in waiting)
    # the server comes back; the retry runs once the delay has passed, and a second run sends nothing more
    with Mailbox(port) as box:
        later = lambda: utcnow() + timedelta(hours=1)  # noqa: E731
        from audit.mailer import deliver_due

        first = deliver_due(clock=later)
        again = deliver_due(clock=later)
        assert first["sent"] == len(waiting) and again["sent"] == 0
        assert len(box.messages) == len(waiting)
        assert runner.invoke(args=["mail", "send"]).output.startswith("Thư điện tử: đã gửi 0")
    recipients = [r for m in box.messages for r in m.rcpt_tos]
    assert "truongdoan@namgiang.example" in recipients or "thanhtra@namgiang.example" in recipients
    db.session.expire_all()
    assert all(m.sent_at is not None for m in db.session.scalars(select(OutboxMail)))


def test_mail_of_a_refused_request_never_leaves(client, demo, login, app):
    """A request that fails after queueing mail rolls it back with everything else."""
    with Mailbox() as box:
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=box.port)
        login("donvi-la-ee")
        item = item_of("A02")
        refused = post_form(client, f"/remediation/{item.id}/respond", {"text": ""})  # nothing written: refused
        refused.close()
        assert refused.status_code == 422
        assert db.session.scalar(select(func.count()).select_from(OutboxMail)) == 0 and box.messages == []
        done = post_form(client, f"/remediation/{item.id}/respond", {"text": "Đã niêm yết lịch trực"})
        done.close()
        assert done.status_code == 302 and len(box.messages) >= 1  # sent right after the response
