"""Remediation of findings: items opened at finalisation, the unit's responses, the team's verification,
extensions and deadlines, evidence files, and the reminders command."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import BinaryIO

from flask_babel import gettext
from sqlalchemy import ColumnElement, Select, and_, case, literal, select
from sqlalchemy.orm import selectinload

from audit.db import db, insert_or_ignore, utcnow, within
from audit.domain.errors import N_, DomainError, InvalidInput
from audit.domain.policy import Role
from audit.domain.remediation import (
    ACTIVE_STATES,
    CLOSED_STATES,
    DUE_SOON_DAYS,
    OPEN_STATES,
    Action,
    Party,
    State,
    check_extension,
    check_new_deadline,
    next_state,
    reminder_kind,
)
from audit.domain.text import safe_filename
from audit.domain.vndate import local_today, short_date
from audit.models import Inspection, RemediationEvent, RemediationFile, RemediationItem, ReminderLog, Unit, User
from audit.storage import Store

from . import audit_log, notify, outbox
from . import files as files_service
from .authorities import chairs
from .evidence import photo_or_pdf_type
from .files import Spooled
from .units import scope_of

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 5


class DuplicateSubmission(DomainError):
    """The same form was sent twice."""


def open_items(inspection: Inspection, *, actor: User, now: datetime) -> list[RemediationItem]:
    """One item per finding still standing at finalisation; the responsible unit's users are told."""
    items = []
    for finding in inspection.findings:
        if finding.status != "draft":
            continue
        item = RemediationItem(inspection_id=inspection.id, finding=finding, unit_id=finding.unit_id,
                               head=finding.head, requirement=finding.requirement, legal_basis=finding.legal_basis,
                               deadline=finding.deadline, original_deadline=finding.deadline,
                               state=State.OPEN.value, created_at=now)
        db.session.add(item)
        items.append(item)
    db.session.flush()
    for item in items:
        db.session.add(RemediationEvent(item_id=item.id, action="open", actor_id=actor.id, at=now,
                                        new_deadline=item.deadline, text=item.requirement))
    if items:
        notes = notify.notify(notify.unit_users_for(inspection.unit_id), kind="new", item=items[0], now=now,
                              message=N_("%(count)d remediation item(s) opened after the inspection of %(date)s."),
                              params={"count": len(items), "date": short_date(inspection.inspection_date)})
        notify.email_notifications(notes, gettext("KTCV: new remediation items"), now)
    return items


def parties(item: RemediationItem, user: User) -> frozenset[Party]:
    """How ``user`` stands towards ``item`` (several at once is possible)."""
    found = set()
    role = user.user_role
    if role is Role.UNIT_USER and item.unit_id in scope_of(user):
        found.add(Party.UNIT)
    team_role = item.inspection.team_role_of(user.id)
    if team_role is not None:
        found.add(Party.TEAM)
        if team_role.value == "lead":
            found.add(Party.LEAD)
    if role is Role.CHAIRMAN and chairs(user, item.inspection, local_today(utcnow())):
        found.add(Party.CHAIRMAN)
    return frozenset(found)


def can_see(item: RemediationItem, user: User) -> bool:
    """Each user sees the items of the units in their scope (a unit user their unit's; staff their authority's)."""
    scope = scope_of(user)
    return scope is None or item.unit_id in scope


def can_see_inspection(inspection: Inspection, user: User) -> bool:
    scope = scope_of(user)
    return scope is None or inspection.unit_id in scope


def visible_query(scope: frozenset[int] | None) -> Select:
    """Every remediation item within ``scope`` (a user's unit scope, :func:`scope_of`; ``None``: unconfined), as
    a query (unordered, nothing loaded)."""
    return within(select(RemediationItem), RemediationItem.unit_id, scope)


def visible_items(user: User) -> list[RemediationItem]:
    """The items ``user`` may see, earliest deadline first."""
    return list(db.session.scalars(
        visible_query(scope_of(user)).options(selectinload(RemediationItem.unit).selectinload(Unit.parent),
                      selectinload(RemediationItem.inspection))
        .order_by(RemediationItem.deadline, RemediationItem.id)))


def group_column(today: date) -> ColumnElement[str]:
    """:func:`audit.domain.remediation.group_of` as an SQL expression over the item's state and deadline (the
    same states and days; a test compares both on every state around each boundary)."""
    owes = RemediationItem.state.in_([s.value for s in OPEN_STATES])
    return case(
        (RemediationItem.state.in_([s.value for s in CLOSED_STATES]), literal("closed")),
        (and_(owes, RemediationItem.deadline < today), literal("overdue")),
        (and_(owes, RemediationItem.deadline <= today + timedelta(days=DUE_SOON_DAYS)), literal("due_soon")),
        (RemediationItem.state == State.RESPONDED.value, literal("responded")),
        else_=literal("open"))


def _staged_files(files: list[tuple[str, bytes | BinaryIO]], storage: Store | None) -> list[tuple[str, Spooled, str]]:
    """Each file copied to the spool (never whole in memory), checked (a photo or a plain PDF, within the size)
    and staged for the store: (name, spooled, content type). A refused file refuses them all, none kept."""
    if len(files) > MAX_FILES:
        raise InvalidInput(N_("At most %(max)d files at a time."), max=MAX_FILES)
    checked: list[tuple[str, Spooled, str]] = []
    try:
        for filename, data in files:
            upload = files_service.spool_within(storage, data, limit=MAX_FILE_BYTES, refusal=InvalidInput(
                N_("The file %(name)s is larger than %(size)d MB."), name=filename, size=MAX_FILE_BYTES // (1024 * 1024)))
            checked.append((filename, upload, ""))
            if not upload.size:
                raise InvalidInput(N_("The file %(name)s is empty."), name=filename)
            try:
                checked[-1] = (filename, upload, photo_or_pdf_type(upload))
            except InvalidInput as err:
                if upload.head(5) == b"%PDF-":  # a PDF refused for what it holds: say why
                    raise err from None
                raise InvalidInput(N_("%(name)s is not an accepted file: only photos (JPEG, PNG, WebP) and PDF."),
                                   name=filename) from None
    except BaseException:
        for _name, upload, _type in checked:
            upload.discard()
        raise
    for _name, upload, _type in checked:
        files_service.stage_spooled(upload)  # in the store once the request commits
    return checked


def act(item: RemediationItem, action: Action, *, actor: User, now: datetime, text: str = "",
        files: list[tuple[str, bytes | BinaryIO]] = (), new_deadline: date | None = None, submission_id: str | None = None,
        storage: Store | None = None) -> RemediationEvent:
    """Take one step on ``item`` per the transition table; records the event, the files and notifications.

    Raises :class:`InvalidTransition` (not possible now, e.g. closed), :class:`NotAllowed` (not the actor's
    step), :class:`InvalidInput` (missing reason, bad date or file) or :class:`DuplicateSubmission`.
    """
    if submission_id and db.session.scalar(select(RemediationEvent.id).where(
            RemediationEvent.submission_id == submission_id)):
        raise DuplicateSubmission(N_("This form was already sent; it was not saved twice."))
    state = next_state(item.item_state, action, parties(item, actor))
    check_extension(action, item.extension_requested)
    text = (text or "").strip()
    files = list(files)
    today = local_today(now)
    if action is Action.RESPOND and not text and not files:
        raise InvalidInput(N_("Describe what was done, or attach evidence."))
    if action in (Action.RETURN, Action.REQUEST_EXTENSION) and not text:
        raise InvalidInput(N_("Give the reason."))
    if action is Action.REQUEST_EXTENSION:
        if new_deadline is None or new_deadline <= item.deadline:
            raise InvalidInput(N_("Ask for a date after the current deadline."))
    if action is Action.GRANT_EXTENSION and new_deadline is None:
        new_deadline = item.extension_until  # as asked
        if new_deadline is not None and new_deadline <= today:
            raise InvalidInput(N_("The date asked for (%(date)s) has already passed: give the new deadline."),
                               date=new_deadline.strftime("%d/%m/%Y"))
    if action in (Action.GRANT_EXTENSION, Action.SET_DEADLINE):
        if new_deadline is None:
            raise InvalidInput(N_("Give the new deadline."))
        try:
            check_new_deadline(new_deadline, item.deadline, today)
        except DomainError as err:
            raise InvalidInput(err.message, **err.params) from None
    if len(text) > 4000:
        raise InvalidInput(N_("The text is longer than %(max)d characters."), max=4000)
    staged = _staged_files(files, storage) if files else []

    old_deadline = item.deadline
    event = RemediationEvent(item=item, action=action.value, actor_id=actor.id, at=now, text=text,
                             submission_id=submission_id, old_deadline=old_deadline)
    db.session.add(event)
    before = {"state": item.state, "deadline": item.deadline, "extension": item.extension_until}
    item.state = state.value
    if action is Action.REQUEST_EXTENSION:
        item.extension_requested, item.extension_until = True, new_deadline
        event.new_deadline = new_deadline
    elif action in (Action.GRANT_EXTENSION, Action.REFUSE_EXTENSION):
        item.extension_requested, item.extension_until = False, None
    if action in (Action.GRANT_EXTENSION, Action.SET_DEADLINE):
        item.deadline = new_deadline
        event.new_deadline = new_deadline
    item.closed_at = now if state is State.ACCEPTED else None
    for filename, upload, content_type in staged:
        db.session.add(RemediationFile(event=event, filename=safe_filename(filename, "tep"),
                                       content_type=content_type, size=upload.size, sha256=upload.key))
    db.session.flush()
    audit_log.record(actor, f"remediation.{action.value}", "remediation_item", item.id, now=now, before=before,
                     after={"state": item.state, "deadline": item.deadline, "extension": item.extension_until,
                            "text": text, "files": [upload.key for _, upload, _ in staged]})
    _tell(item, action, actor, now)
    return event


MESSAGES = {
    Action.RESPOND: ("response", N_("%(unit)s responded on item %(item)d: %(text)s")),
    Action.ACCEPT: ("accepted", N_("Item %(item)d was accepted and closed.")),
    Action.RETURN: ("returned", N_("Item %(item)d was returned: %(text)s")),
    Action.REQUEST_EXTENSION: ("extension", N_("%(unit)s asks to extend item %(item)d until %(date)s.")),
    Action.GRANT_EXTENSION: ("extension_decided", N_("The extension of item %(item)d was granted until %(date)s.")),
    Action.REFUSE_EXTENSION: ("extension_decided", N_("The extension of item %(item)d was refused.")),
    Action.SET_DEADLINE: ("deadline", N_("The deadline of item %(item)d is now %(date)s.")),
}


def _tell(item: RemediationItem, action: Action, actor: User, now: datetime) -> None:
    kind, message = MESSAGES[action]
    to_team = action in (Action.RESPOND, Action.REQUEST_EXTENSION)
    users = notify.team_of(item.inspection) if to_team else notify.unit_users_for(item.unit_id)
    users = [u for u in users if u.id != actor.id]
    event = item.events[-1]
    params = {"item": item.id, "unit": item.unit.name, "text": event.text[:200],
              "date": short_date(item.extension_until or item.deadline)}
    notes = notify.notify(users, kind=kind, message=message, params=params, item=item, now=now)
    notify.email_notifications(notes, gettext("KTCV: remediation item %(item)d", item=item.id), now)


def send_reminders(*, now: datetime) -> dict[str, int]:
    """Due-soon and overdue reminders: one e-mail (and inbox message) per item per day, however often run. The
    e-mails are queued (``emails`` counts them); :mod:`audit.mailer` sends them after the caller commits."""
    today = local_today(now)
    counts = {"due_soon": 0, "overdue": 0, "emails": 0}
    items = db.session.scalars(select(RemediationItem).where(
        RemediationItem.state.in_([s.value for s in ACTIVE_STATES]))).all()
    for item in items:
        kind = reminder_kind(item.item_state, item.deadline, today)
        if kind is None:
            continue
        # ON CONFLICT DO NOTHING on (item, day): of two nodes reminding at once, the second waits for the first
        # to commit and then finds the reminder sent: never two, never an error
        if not insert_or_ignore(ReminderLog, dict(item_id=item.id, day=today, kind=kind, sent_at=now),
                                ["item_id", "day"]):
            continue
        message = (N_("Item %(item)d is overdue: the deadline was %(date)s.") if kind == "overdue"
                   else N_("Item %(item)d is due on %(date)s."))
        unit_users = notify.unit_users_for(item.unit_id)
        notify.notify(unit_users, kind=kind, message=message, item=item, now=now,
                      params={"item": item.id, "date": short_date(item.deadline)})
        counts[kind] += 1
        lead = item.inspection.lead
        subject = gettext("KTCV: remediation item %(item)d", item=item.id)
        body = (gettext(message, item=item.id, date=short_date(item.deadline)) + "\n\n" + item.requirement + "\n\n"
                + item.unit.name)
        to = [u.email for u in unit_users if u.email]
        cc = [lead.email] if kind == "overdue" and lead and lead.email else []
        if not to:  # no account at the unit yet: the team lead is told instead
            to, cc = cc or ([lead.email] if lead and lead.email else []), []
        # queued with the reminder log in one transaction: sent after commit, once (audit.mailer)
        if outbox.queue(to, subject, body, cc=cc, now=now) is not None:
            counts["emails"] += 1
    db.session.flush()
    return counts
