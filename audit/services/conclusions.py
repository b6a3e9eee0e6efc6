"""The chairman concludes an inspection: a notice of conclusions and directives, frozen and hashed."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import select

from audit.db import db
from audit.domain.documents import DocumentKind
from audit.domain.errors import N_, DomainError, InvalidInput
from audit.domain.verdicts import Verdict, verdicts_of
from audit.domain.vndate import local_today
from audit.models import Conclusion, Inspection, User
from reports import render_pdf
from reports.review import conclusion_html

from . import audit_log, authorities, documents, notify, signing
from .findings import head_for
from .inspections import checklist_of


def conclusion_of(inspection: Inspection) -> Conclusion | None:
    return db.session.scalar(select(Conclusion).where(Conclusion.inspection_id == inspection.id))


def verdict_choices(inspection: Inspection) -> tuple[Verdict, ...]:
    """The verdicts the chairman may decide for this inspection: those of its checklist's scale."""
    rules = checklist_of(inspection).rules
    return verdicts_of(rules.scale) if rules else (Verdict.INSUFFICIENT_EVIDENCE,)


def _recipients(inspection: Inspection, lead_unit: str | None) -> tuple[str, ...]:
    """Nơi nhận: the body answerable for the unit inspected, the unit itself when it is another, the office
    that led the team, and the file."""
    body = inspection.unit.accountable_body
    lines = [f"{body.name};"]
    if body.id != inspection.unit.id:
        lines.append(f"{inspection.unit.name};")
    if lead_unit:
        lines.append(f"{lead_unit};")
    lines.append("Lưu: VT.")
    return tuple(lines)


def conclude(inspection: Inspection, *, directives: str, responsibility_review: bool, review_reason: str,
             strengths: str, causes: str, final_verdict: str | None = None, verdict_reason: str = "", actor: User,
             now: datetime) -> Conclusion:
    """Issue the notice of conclusions for a finalised inspection (once): the chairman confirms the team's
    proposed verdict or decides another one, giving the reason; optionally flags the head in office on the
    inspection date for a responsibility review; the unit is told. Only the chairman of the authority in
    charge of the inspection that day may conclude it."""
    authorities.ensure_chairs(actor, inspection, local_today(now))
    if not inspection.may_be_concluded:
        raise DomainError(N_("Only a finalised inspection can be concluded."))
    if conclusion_of(inspection) is not None:
        raise DomainError(N_("This inspection has already been concluded."))
    directives, strengths, causes = directives.strip(), strengths.strip(), causes.strip()
    if not directives:
        raise InvalidInput(N_("Write the conclusions and directives."))
    if not strengths or not causes:
        raise InvalidInput(N_("Write the strengths and the causes of the shortcomings: the notice states both."))
    proposed = inspection.verdict or Verdict.INSUFFICIENT_EVIDENCE.value
    final = final_verdict or proposed
    if final not in {v.value for v in verdict_choices(inspection)}:
        raise InvalidInput(N_("Choose one of the verdicts this checklist provides."))
    verdict_reason = verdict_reason.strip()
    if final != proposed and not verdict_reason:
        raise InvalidInput(N_("Give the reason for deciding a verdict other than the team's proposal."))
    head = head_for(inspection)
    reason = review_reason.strip() or None
    if responsibility_review and (head is None or reason is None):
        raise InvalidInput(N_("A responsibility review names the head in office and gives the reason."))
    issuer = authorities.issuer_on(inspection.authority, local_today(now))
    document = documents.register(issuer.authority, DocumentKind.CONCLUSION,
                                  f"Thông báo kết luận kiểm tra công vụ tại {inspection.unit.name}", actor=actor,
                                  now=now, inspection=inspection)
    number = document.number
    lead_unit = inspection.lead.unit.name if inspection.lead and inspection.lead.unit else None
    html = conclusion_html(inspection=inspection, issuer=issuer, recipients=_recipients(inspection, lead_unit),
                           number=number, directives=directives, strengths=strengths, causes=causes,
                           chairman=actor.full_name,
                           head=head, review_reason=reason if responsibility_review else None,
                           findings=inspection.active_findings, proposed=proposed, final=final,
                           verdict_reason=verdict_reason or None, today=local_today(now))
    pdf = signing.sign_pdf(render_pdf(html, archival=True), issuer.authority)
    conclusion = Conclusion(inspection_id=inspection.id, number=number, directives=directives, document=document,
                            strengths=strengths, causes=causes,
                            proposed_verdict=proposed, final_verdict=final,
                            verdict_reason=verdict_reason if final != proposed else None,
                            responsibility_review=responsibility_review,
                            head_tenure_id=head.id if head and responsibility_review else None,
                            review_reason=reason if responsibility_review else None, pdf=pdf,
                            sha256=hashlib.sha256(pdf).hexdigest(), issued_by_id=actor.id, issued_at=now)
    db.session.add(conclusion)
    db.session.flush()
    audit_log.record(actor, "inspection.conclude", "inspection", inspection.id, now=now,
                     after={"number": number, "sha256": conclusion.sha256, "proposed_verdict": proposed,
                            "final_verdict": final, "verdict_reason": conclusion.verdict_reason,
                            "responsibility_review": responsibility_review,
                            "head": head.person_name if head and responsibility_review else None, "reason": reason})
    notify.notify(notify.unit_users_for(inspection.unit_id) + notify.team_of(inspection), kind="conclusion",
                  item=None, now=now, message=N_("The chairman concluded the inspection of %(unit)s (%(number)s)."),
                  params={"unit": inspection.unit.name, "number": number})
    return conclusion
