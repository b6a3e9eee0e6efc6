"""Remediation through the services on a real database, with real e-mail to a local SMTP server."""

import io
from datetime import UTC, date, datetime

import pytest
from PIL import Image
from sqlalchemy import func, select

from audit.db import db
from audit.domain.errors import InvalidInput, NotAllowed
from audit.domain.remediation import Action, InvalidTransition
from audit.models import Notification, RemediationEvent, RemediationItem, ReminderLog, User
from audit.services import remediation
from audit.storage import LocalStore

NOW = datetime(2019, 3, 10, 2, 0, tzinfo=UTC)


def user(name):
    return db.session.scalar(select(User).where(User.username == name))


def open_item(code="A02"):
    return next(i for i in db.session.scalars(select(RemediationItem)) if i.finding.item_id == code
                and i.inspection.unit.code == "NG-LAEE-MC")


def jpeg():
    out = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 0, 0)).save(out, "JPEG")
    return out.getvalue()


def test_items_are_opened_for_each_finding_at_finalisation(demo):
    item = open_item()
    # the empty counter (A02) is a moderate finding: 30 days
    assert item.requirement.startswith("Bố trí công chức trực tại quầy")
    assert item.deadline == item.original_deadline == date(2019, 4, 4)
    assert item.unit.code == "NG-LAEE-MC" and item.head.person_name == "Bríu Quân"
    assert item.unit.accountable_body.code == "NG-LAEE"  # the commune People's Committee answers for its desk
    counted = db.session.scalar(select(func.count()).select_from(RemediationItem).where(
        RemediationItem.inspection_id == item.inspection_id))
    assert counted == len(item.inspection.active_findings)
    inbox = db.session.scalars(select(Notification).where(Notification.user_id == user("donvi-la-ee").id)).all()
    assert any(n.kind == "new" for n in inbox)


def test_respond_return_respond_accept(demo, tmp_path):
    item, unit, inspector = open_item(), user("donvi-la-ee"), user("thanhtra")
    remediation.act(item, Action.RESPOND, actor=unit, now=NOW, text="Đã bố trí lịch trực",
                    files=[("lich.jpg", jpeg())], storage=LocalStore(tmp_path))
    assert item.state == "responded" and item.events[-1].files[0].content_type == "image/jpeg"
    with pytest.raises(NotAllowed):
        remediation.act(item, Action.ACCEPT, actor=unit, now=NOW)
    with pytest.raises(InvalidInput):
        remediation.act(item, Action.RETURN, actor=inspector, now=NOW, text="")
    remediation.act(item, Action.RETURN, actor=inspector, now=NOW, text="Chưa niêm yết lịch trực")
    assert item.state == "returned"
    remediation.act(item, Action.RESPOND, actor=unit, now=NOW, text="Đã niêm yết tại quầy")
    remediation.act(item, Action.ACCEPT, actor=inspector, now=NOW)
    assert item.state == "accepted" and item.closed_at == NOW
    with pytest.raises(InvalidTransition):
        remediation.act(item, Action.RESPOND, actor=unit, now=NOW, text="thêm")
    kinds = [n.kind for n in db.session.scalars(select(Notification).where(
        Notification.user_id == unit.id, Notification.item_id == item.id))]
    assert kinds.count("returned") == 1 and kinds.count("accepted") == 1


def test_extension_granted_keeps_the_old_deadline(demo):
    item, unit, lead, chair = open_item("B07"), user("donvi-la-ee"), user("truongdoan"), user("chutich-tp")
    with pytest.raises(InvalidInput):
        remediation.act(item, Action.REQUEST_EXTENSION, actor=unit, now=NOW, text="Chờ kinh phí",
                        new_deadline=date(2019, 3, 1))
    remediation.act(item, Action.REQUEST_EXTENSION, actor=unit, now=NOW, text="Chờ kinh phí sửa camera",
                    new_deadline=date(2019, 5, 30))
    with pytest.raises(InvalidTransition):
        remediation.act(item, Action.REQUEST_EXTENSION, actor=unit, now=NOW, text="lần nữa",
                        new_deadline=date(2019, 6, 30))
    # granted as asked (no date given) — but not once the date asked for has passed: a new one is needed
    later = datetime(2019, 6, 2, 3, 0, tzinfo=UTC)
    with pytest.raises(InvalidInput) as passed:
        remediation.act(item, Action.GRANT_EXTENSION, actor=lead, now=later)
    assert passed.value.params == {"date": "30/05/2019"}
    remediation.act(item, Action.GRANT_EXTENSION, actor=lead, now=NOW)
    assert item.deadline == date(2019, 5, 30) and item.original_deadline == date(2019, 4, 4)
    assert item.events[-1].old_deadline == date(2019, 4, 4)
    remediation.act(item, Action.SET_DEADLINE, actor=chair, now=NOW, new_deadline=date(2019, 4, 30))
    assert item.deadline == date(2019, 4, 30)
    with pytest.raises(NotAllowed):
        remediation.act(item, Action.SET_DEADLINE, actor=unit, now=NOW, new_deadline=date(2019, 6, 1))


@pytest.mark.parametrize(
    "name, data",
    [
        ("anh.jpg", b"#!/bin/sh\nrm -rf /\n"),
        ("anh.jpg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
        ("hoso.zip", b"PK\x03\x04" + b"\x00" * 100),
        ("bao-cao.pdf", b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n"),
        ("rong.jpg", b""),
    ],
)
def test_bad_evidence_is_refused_and_nothing_saved(demo, tmp_path, name, data):
    tmp_path = tmp_path / "files"
    item = open_item()
    events = len(item.events)
    with pytest.raises(InvalidInput):
        remediation.act(item, Action.RESPOND, actor=user("donvi-la-ee"), now=NOW, text="x", files=[(name, data)],
                        storage=LocalStore(tmp_path))
    db.session.rollback()
    assert len(open_item().events) == events and open_item().state == "open"
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]  # no object and nothing left in the spool


def test_double_submission_is_recognised(demo):
    item = open_item()
    remediation.act(item, Action.RESPOND, actor=user("donvi-la-ee"), now=NOW, text="x", submission_id="form-1")
    with pytest.raises(remediation.DuplicateSubmission):
        remediation.act(item, Action.RESPOND, actor=user("donvi-la-ee"), now=NOW, text="x", submission_id="form-1")
    assert db.session.scalar(select(func.count()).where(RemediationEvent.submission_id == "form-1")) == 1


def test_other_units_cannot_act(demo):
    item = open_item()
    assert not remediation.can_see(item, user("donvi-zuoih"))
    with pytest.raises(NotAllowed):
        remediation.act(item, Action.RESPOND, actor=user("donvi-zuoih"), now=NOW, text="x")


class Mailbox:
    """A real SMTP server on 127.0.0.1 that keeps what it receives."""

    def __init__(self, port: int | None = None):
        from aiosmtpd.controller import Controller

        self.messages = []
        outer = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                outer.messages.append(envelope)
                return "250 OK"

        from tests.conftest import _free_port

        self.port = port or _free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


@pytest.fixture
def mailbox(app):
    with Mailbox() as box:
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=box.port, MAIL_FROM="ktcv@namgiang.example")
        yield box


def test_reminders_one_email_per_item_per_day(demo, mailbox):
    from audit.mailer import deliver_due

    day = datetime(2019, 3, 21, 1, 0, tzinfo=UTC)  # the day after the first deadline (20/03/2019)
    first = remediation.send_reminders(now=day)
    again = remediation.send_reminders(now=day.replace(hour=10))
    db.session.commit()
    assert deliver_due()["sent"] == first["emails"] and deliver_due()["sent"] == 0
    overdue = [i for i in db.session.scalars(select(RemediationItem)) if i.state in ("open", "returned")
               and i.deadline < date(2019, 3, 21)]
    assert first["overdue"] == len(overdue) > 0 and again == {"due_soon": 0, "overdue": 0, "emails": 0}
    assert len(mailbox.messages) == first["emails"]
    laee = [m for m in mailbox.messages if "donvi-la-ee@namgiang.example" in m.rcpt_tos]
    assert laee and "truongdoan@namgiang.example" in laee[0].rcpt_tos  # the lead is copied on overdue items
    text = laee[0].content.decode("utf-8", "replace")
    assert "KTCV" in text
    next_day = remediation.send_reminders(now=day.replace(day=22))
    assert next_day["overdue"] == first["overdue"]
    assert db.session.scalar(select(func.count()).select_from(ReminderLog)) == 2 * first["overdue"] + first["due_soon"]


def test_notifications_are_emailed_when_smtp_is_configured(demo, mailbox):
    from audit.mailer import deliver_due

    item = open_item()
    remediation.act(item, Action.RESPOND, actor=user("donvi-la-ee"), now=NOW, text="Đã bố trí lịch trực")
    remediation.act(item, Action.RETURN, actor=user("thanhtra"), now=NOW, text="Chưa có minh chứng")
    assert mailbox.messages == []  # nothing leaves before the transaction commits
    db.session.commit()
    assert deliver_due()["sent"] >= 2
    recipients = [r for m in mailbox.messages for r in m.rcpt_tos]
    assert "thanhtra@namgiang.example" in recipients or "truongdoan@namgiang.example" in recipients
    assert "donvi-la-ee@namgiang.example" in recipients


def test_no_smtp_means_inbox_only(demo):
    item = open_item()
    remediation.act(item, Action.RESPOND, actor=user("donvi-la-ee"), now=NOW, text="x")
    note = db.session.scalar(select(Notification).where(Notification.kind == "response").order_by(Notification.id.desc()))
    assert note is not None and note.emailed_at is None



def test_the_list_groups_counted_by_the_database_are_the_rule_stated_literally(demo):
    """Where an item stands on the remediation list, as the inspector reads it: an item the unit still owes
    (open or returned) is overdue after its deadline and due soon up to 3 days before it; a responded one waits
    for verification whatever its date; an accepted one is closed. The SQL expression the list groups and
    counts by gives the same answer as the domain rule on every state around each boundary."""
    from datetime import timedelta

    from audit.domain.remediation import State, group_of

    today = date(2026, 12, 4)
    expected = {
        ("open", -1): "overdue", ("open", 0): "due_soon", ("open", 3): "due_soon", ("open", 4): "open",
        ("returned", -30): "overdue", ("returned", 2): "due_soon", ("returned", 10): "open",
        ("responded", -5): "responded", ("responded", 1): "responded", ("responded", 9): "responded",
        ("accepted", -5): "closed", ("accepted", 1): "closed", ("accepted", 9): "closed",
    }
    items = db.session.scalars(select(RemediationItem).order_by(RemediationItem.id)).all()
    assert len(items) >= len(expected)
    cases = dict(zip([i.id for i in items], expected.items(), strict=False))
    for item in items:
        if item.id in cases:
            (state, days), _ = cases[item.id]
            item.state, item.deadline = state, today + timedelta(days=days)
            item.closed_at = NOW if state == "accepted" else None
    db.session.flush()
    grouped = dict(db.session.execute(select(RemediationItem.id, remediation.group_column(today))
                                      .where(RemediationItem.id.in_(cases))).all())
    for item_id, ((state, days), group) in cases.items():
        assert grouped[item_id] == group, (state, days)
        assert group_of(State(state), today + timedelta(days=days), today) == group, (state, days)
    db.session.rollback()


def test_a_search_may_match_more_values_than_a_statement_may_bind(demo):
    """A search word can match tens of thousands of texts or ids; bound as one parameter (an array, a JSON
    text), they pass where as many bound parameters would be refused (psycopg stops at 65,535), and a quote stays
    a quote."""
    from audit.db import among

    every = db.session.scalar(select(func.count(RemediationItem.id)))
    assert db.session.scalar(select(func.count()).select_from(RemediationItem)
                             .where(among(RemediationItem.id, range(1, 70_001)))) == every > 0
    some = db.session.scalar(select(RemediationItem.requirement).limit(1))
    hostile = ["x'); DELETE FROM remediation_items; --", "O'Brien", some]
    assert db.session.scalar(select(func.count()).select_from(RemediationItem)
                             .where(among(RemediationItem.requirement, hostile))) >= 1
    assert db.session.scalar(select(func.count(RemediationItem.id))) == every
    assert db.session.scalar(select(func.count()).select_from(RemediationItem)
                             .where(among(RemediationItem.id, []))) == 0


def test_marking_read_keeps_the_first_reading_and_touches_only_the_reader_s_own_messages(demo):
    from audit.services import notify

    reader, other = user("donvi-la-ee"), user("thanhtra")
    notify.notify([reader, other], kind="test", message="Tin thử", params={}, item=None, now=NOW)
    notify.notify([reader], kind="test", message="Tin thử thứ hai", params={}, item=None, now=NOW)
    db.session.commit()
    mine = db.session.scalars(select(Notification).where(Notification.user_id == reader.id)
                              .order_by(Notification.id.desc())).all()
    first, second = mine[1], mine[0]
    unread_before = notify.unread_count(reader.id)
    other_unread = notify.unread_count(other.id)
    assert unread_before >= 2 and other_unread >= 1

    # one message: only it, and only once
    assert notify.mark_read(reader.id, NOW, note_id=first.id) == 1
    assert notify.mark_read(reader.id, datetime(2019, 3, 11, tzinfo=UTC), note_id=first.id) == 0
    # someone else's message is not the reader's to mark
    theirs = db.session.scalar(select(Notification.id).where(Notification.user_id == other.id).limit(1))
    assert notify.mark_read(reader.id, NOW, note_id=theirs) == 0
    assert notify.unread_count(reader.id) == unread_before - 1 and notify.unread_count(other.id) == other_unread

    # every message left, and the first keeps the time it was first read
    later = datetime(2019, 3, 12, tzinfo=UTC)
    assert notify.mark_read(reader.id, later) == unread_before - 1
    db.session.commit()
    db.session.expire_all()
    assert notify.unread_count(reader.id) == 0 and notify.unread_count(other.id) == other_unread
    assert db.session.get(Notification, first.id).read_at == NOW
    assert db.session.get(Notification, second.id).read_at == later
