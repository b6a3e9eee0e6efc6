"""The report on remediation (Báo cáo kết quả khắc phục) for one inspection, in the Decree 30 layout."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import select

from audit.db import db, lock_row
from audit.domain.documents import DocumentKind
from audit.domain.errors import N_, DomainError, NotAllowed
from audit.domain.inspections import TeamRole
from audit.domain.remediation import CLOSED_STATES, EVENT_LABELS, STATE_LABELS, standing
from audit.domain.vndate import local_today
from audit.i18n import in_vietnamese
from audit.models import Inspection, OutgoingDocument, RemediationItem
from reports import render_pdf
from reports.remediation import RemediationLine, render_remediation_html

from . import documents, signing
from .authorities import issuer_on


def _lines(inspection: Inspection, today) -> list[RemediationLine]:
    items = db.session.scalars(select(RemediationItem).where(RemediationItem.inspection_id == inspection.id)
                               .order_by(RemediationItem.id)).all()
    lines = []
    for number, item in enumerate(items, 1):
        status = standing(item.item_state, item.deadline, today)
        history = tuple(
            f"{event.at.astimezone(today_tz()).strftime('%d/%m/%Y')} — {in_vietnamese(EVENT_LABELS[event.action])}"
            + (f" ({event.actor.full_name})" if event.actor else "") + (f": {event.text}" if event.text else "")
            + (f" [{len(event.files)} tệp minh chứng]" if event.files else "")
            for event in item.events if event.action != "open")
        lines.append(RemediationLine(number=number, finding=item.finding.statement, requirement=item.requirement,
                                     unit=item.unit.accountable_body.name,
                                     head=item.head.person_name if item.head else "",
                                     deadline=item.deadline.strftime("%d/%m/%Y"),
                                     original_deadline=item.original_deadline.strftime("%d/%m/%Y"),
                                     outcome=in_vietnamese(STATE_LABELS[item.item_state])
                                     + (" — quá hạn" if status.overdue else ""),
                                     closed=item.item_state in CLOSED_STATES,
                                     history=history))
    return lines


def report_pdf(inspection: Inspection, *, now: datetime, number: str = "", replaces: str = "",
               lines: list[RemediationLine] | None = None) -> bytes:
    """The report as it stands today; a draft (DỰ THẢO) until issued with a number."""
    today = local_today(now)
    lines = _lines(inspection, today) if lines is None else lines
    return render_pdf(render_remediation_html(inspection, issuer_on(inspection.authority, today), lines, today,
                                              number=number, replaces=replaces), archival=bool(number))


def subject_of(inspection: Inspection) -> str:
    return f"{DocumentKind.REMEDIATION_REPORT.value}:{inspection.id}"


def current_report(inspection: Inspection) -> OutgoingDocument | None:
    return documents.current_for(subject_of(inspection))


def issue(inspection: Inspection, *, actor, now: datetime, replaces_id: int | None = None, reason: str = "",
          confirmed: bool = False) -> OutgoingDocument:
    """Issue the report (the team lead): a number of the register of the authority in charge today, signed,
    kept. A second report on the same inspection replaces the first the way Decree 30 wants a correction
    (:func:`audit.services.documents.supersede_current`)."""
    if inspection.team_role_of(actor.id) is not TeamRole.LEAD:
        raise NotAllowed(N_("Only the team lead may do this."))
    today = local_today(now)
    lines = _lines(inspection, today)
    if not lines:
        raise DomainError(N_("This inspection has no remediation items: there is nothing to report."))
    content = documents.content_digest(inspection.unit.name, lines)
    lock_row(inspection)  # a second request waits here, then finds the first one's report in force
    replaced, reason = documents.supersede_current(subject_of(inspection), replaces_id=replaces_id, reason=reason,
                                                   confirmed=confirmed, content=content, now=now)
    issuer = issuer_on(inspection.authority, today)
    document = documents.register(issuer.authority, DocumentKind.REMEDIATION_REPORT,
                                  f"Báo cáo kết quả khắc phục sau kiểm tra tại {inspection.unit.name}", actor=actor,
                                  now=now, inspection=inspection, replaces=replaced, reason=reason,
                                  subject=subject_of(inspection), content_sha256=content)
    replaces = documents.replacement_line("Báo cáo", replaced, reason)
    pdf = signing.sign_pdf(report_pdf(inspection, now=now, number=document.number, replaces=replaces, lines=lines),
                           issuer.authority)
    document.pdf, document.sha256 = pdf, hashlib.sha256(pdf).hexdigest()
    return document


def today_tz():
    from audit.domain.vndate import LOCAL_TZ

    return LOCAL_TZ
