"""The report on remediation (Báo cáo kết quả khắc phục) for one inspection, in the Decree 30 layout."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from audit.db import db
from audit.domain.remediation import State, standing
from audit.domain.vndate import local_today
from audit.models import Inspection, RemediationItem
from reports import render_pdf
from reports.remediation import RemediationLine, render_remediation_html

from .authorities import issuer_on

STATE_TEXT = {State.OPEN: "Chưa khắc phục", State.RESPONDED: "Đơn vị đã báo cáo, chờ Đoàn kiểm tra xác minh",
              State.RETURNED: "Đoàn kiểm tra yêu cầu khắc phục lại", State.ACCEPTED: "Đã khắc phục, Đoàn kiểm tra chấp nhận"}
ACTION_TEXT = {"respond": "Đơn vị báo cáo", "accept": "Đoàn kiểm tra chấp nhận", "return": "Đoàn kiểm tra trả lại",
               "request_extension": "Đơn vị xin gia hạn", "grant_extension": "Gia hạn được chấp thuận",
               "refuse_extension": "Gia hạn không được chấp thuận", "set_deadline": "Điều chỉnh thời hạn"}


def report_pdf(inspection: Inspection, *, now: datetime, number: str = "") -> bytes:
    """The report as it stands today; a draft (DỰ THẢO) until issued with a number."""
    today = local_today(now)
    items = db.session.scalars(select(RemediationItem).where(RemediationItem.inspection_id == inspection.id)
                               .order_by(RemediationItem.id)).all()
    lines = []
    for number, item in enumerate(items, 1):
        status = standing(item.item_state, item.deadline, today)
        history = tuple(
            f"{event.at.astimezone(today_tz()).strftime('%d/%m/%Y')} — {ACTION_TEXT.get(event.action, event.action)}"
            + (f" ({event.actor.full_name})" if event.actor else "") + (f": {event.text}" if event.text else "")
            + (f" [{len(event.files)} tệp minh chứng]" if event.files else "")
            for event in item.events if event.action != "open")
        lines.append(RemediationLine(number=number, finding=item.finding.statement, requirement=item.requirement,
                                     unit=item.unit.accountable_body.name,
                                     head=item.head.person_name if item.head else "",
                                     deadline=item.deadline.strftime("%d/%m/%Y"),
                                     original_deadline=item.original_deadline.strftime("%d/%m/%Y"),
                                     outcome=STATE_TEXT[item.item_state] + (" — quá hạn" if status.overdue else ""),
                                     history=history))
    return render_pdf(render_remediation_html(inspection, issuer_on(inspection.authority, today), lines, today,
                                              number=number), archival=bool(number))


def issue(inspection: Inspection, *, actor, now: datetime):
    """Issue the report (the team lead): a number of the register of the authority in charge today, signed, kept."""
    import hashlib

    from audit.domain.documents import DocumentKind
    from audit.domain.errors import N_, NotAllowed
    from audit.domain.inspections import TeamRole

    from . import documents, signing

    if inspection.team_role_of(actor.id) is not TeamRole.LEAD:
        raise NotAllowed(N_("Only the team lead may do this."))
    issuer = issuer_on(inspection.authority, local_today(now))
    document = documents.register(issuer.authority, DocumentKind.REMEDIATION_REPORT,
                                  f"Báo cáo kết quả khắc phục sau kiểm tra tại {inspection.unit.name}", actor=actor,
                                  now=now, inspection=inspection)
    pdf = signing.sign_pdf(report_pdf(inspection, now=now, number=document.number), issuer.authority)
    document.pdf, document.sha256 = pdf, hashlib.sha256(pdf).hexdigest()
    return document


def today_tz():
    from audit.domain.vndate import LOCAL_TZ

    return LOCAL_TZ
