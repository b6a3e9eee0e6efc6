"""The period report (Báo cáo kết quả kiểm tra công vụ): figures filled in from the inspections, the narrative
written by the chairman's staff, issued under a number of the register and signed."""

from __future__ import annotations

import hashlib
from datetime import datetime

from audit.domain.documents import DocumentKind
from audit.domain.errors import N_, InvalidInput
from audit.domain.review import Period
from audit.domain.vndate import local_today
from audit.models import OutgoingDocument, User
from reports import render_pdf
from reports.review import period_context, period_html

from . import authorities, documents, review, signing

NARRATIVE = ("assessment", "shortcomings", "causes", "recommendations")


def context(period: Period, *, actor: User, now: datetime, scope, number: str = "", recipient: str = "",
            narrative: dict | None = None) -> dict:
    today = local_today(now)
    issuer = authorities.issuer_for(actor, today)
    signer = actor.full_name if actor.authority_id == issuer.authority.id and actor.role == "chairman" \
        else (issuer.chairman or "")
    return period_context(review.period_figures(period, today=today, scope=scope), issuer, today, number=number,
                          recipient=recipient, narrative=narrative, signer=signer)


def issue(period: Period, *, recipient: str, narrative: dict, actor: User, now: datetime, scope) -> OutgoingDocument:
    """Issue the report of ``period`` for the actor's authority: every part written, a number, a signature."""
    recipient = recipient.strip()
    narrative = {key: (narrative.get(key) or "").strip() for key in NARRATIVE}
    if not recipient or not all(narrative.values()):
        raise InvalidInput(N_("Write the addressee and every part of the report (assessment, shortcomings, causes, "
                              "recommendations) before issuing it."))
    issuer = authorities.issuer_for(actor, local_today(now))
    document = documents.register(issuer.authority, DocumentKind.PERIOD_REPORT,
                                  f"Báo cáo kết quả kiểm tra công vụ {period.label}", actor=actor, now=now)
    html = period_html(context(period, actor=actor, now=now, scope=scope, number=document.number,
                               recipient=recipient, narrative=narrative))
    pdf = signing.sign_pdf(render_pdf(html, archival=True), issuer.authority)
    document.pdf, document.sha256, document.recipient = pdf, hashlib.sha256(pdf).hexdigest(), recipient
    return document
