"""The period report (Báo cáo kết quả kiểm tra công vụ): figures filled in from the inspections, the narrative
written by the chairman's staff, issued under a number of the register and signed."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import select

from audit.db import db, lock_row
from audit.domain.documents import DocumentKind
from audit.domain.errors import N_, InvalidInput
from audit.domain.review import Period
from audit.domain.vndate import local_today
from audit.models import OutgoingDocument, User
from reports import render_pdf
from reports.review import period_context, period_parts

from . import authorities, documents, review, signing

NARRATIVE = ("assessment", "shortcomings", "causes", "recommendations")


def context(period: Period, *, actor: User, now: datetime, scope, number: str = "", recipient: str = "",
            narrative: dict | None = None, replaces: str = "") -> dict:
    today = local_today(now)
    issuer = authorities.issuer_for(actor, today)
    signer = actor.full_name if actor.authority_id == issuer.authority.id and actor.role == "chairman" \
        else (issuer.chairman or "")
    return period_context(review.period_figures(period, today=today, scope=scope), issuer, today, number=number,
                          recipient=recipient, narrative=narrative, signer=signer, replaces=replaces)


def subject_of(period: Period, actor: User, now: datetime) -> str:
    """One current report per issuing body and period."""
    issuer = authorities.issuer_for(actor, local_today(now))
    return f"{DocumentKind.PERIOD_REPORT.value}:{issuer.authority.id}:{period.start.isoformat()}:{period.end.isoformat()}"


def current_report(period: Period, *, actor: User, now: datetime) -> OutgoingDocument | None:
    return documents.current_for(subject_of(period, actor, now))


#: Parts of the context that change with every issue and say nothing, or only repeat what the rest says (the
#: annexes are the tables' rows laid out apart): left out of the content digest.
_NOT_CONTENT = ("draft", "number", "place_date", "attached_to", "replaces", "annexes", "annex_of", "heads_count")


def written_parts(recipient: str, narrative: dict) -> tuple[str, dict]:
    """The addressee and the four parts, trimmed; :class:`InvalidInput` unless every one is written (checked
    before a report is issued, or handed to a background job to issue)."""
    recipient = recipient.strip()
    narrative = {key: (narrative.get(key) or "").strip() for key in NARRATIVE}
    if not recipient or not all(narrative.values()):
        raise InvalidInput(N_("Write the addressee and every part of the report (assessment, shortcomings, causes, "
                              "recommendations) before issuing it."))
    return recipient, narrative


def issue(period: Period, *, recipient: str, narrative: dict, actor: User, now: datetime, scope,
          replaces_id: int | None = None, reason: str = "", confirmed: bool = False,
          request_key: str | None = None) -> OutgoingDocument:
    """Issue the report of ``period`` for the actor's authority: every part written, a number, a signature.
    A second report on the same period replaces the first the way Decree 30 wants a correction.

    ``request_key``: when a background job issues it, the job's id, kept on the document. A job run again after
    its worker died (the report committed, the job not marked done) finds the report it issued by that key
    and returns it instead of refusing it as issued meanwhile or issuing it twice."""
    if request_key is not None:
        earlier = db.session.scalar(select(OutgoingDocument).where(OutgoingDocument.request_key == request_key))
        if earlier is not None:
            return earlier
    recipient, narrative = written_parts(recipient, narrative)
    issuer = authorities.issuer_for(actor, local_today(now))
    body = context(period, actor=actor, now=now, scope=scope, recipient=recipient, narrative=narrative)
    content = documents.content_digest(sorted((k, repr(documents.plain(v))) for k, v in body.items()
                                              if k not in _NOT_CONTENT))
    subject = subject_of(period, actor, now)
    lock_row(issuer.authority)  # a second request waits here, then finds the first one's report in force
    replaced, reason = documents.supersede_current(subject, replaces_id=replaces_id, reason=reason,
                                                   confirmed=confirmed, content=content, now=now)
    document = documents.register(issuer.authority, DocumentKind.PERIOD_REPORT,
                                  f"Báo cáo kết quả kiểm tra công vụ {period.label}", actor=actor, now=now,
                                  replaces=replaced, reason=reason, subject=subject, content_sha256=content)
    document.request_key = request_key
    body.update(draft=False, number=document.number, replaces=documents.replacement_line("Báo cáo", replaced, reason))
    pdf = signing.sign_pdf(render_pdf(period_parts(body), archival=True), issuer.authority)
    document.pdf, document.sha256, document.recipient = pdf, hashlib.sha256(pdf).hexdigest(), recipient
    document.narrative = narrative
    return document
