"""The chairman concludes an inspection: a notice of conclusions and directives, frozen and hashed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update

from audit.db import db, lock_row
from audit.domain.documents import DocumentKind, draft_number
from audit.domain.errors import N_, Conflict, DomainError, InvalidInput
from audit.domain.inputs import reason_text
from audit.domain.units import in_operation_on
from audit.domain.verdicts import Verdict, verdicts_of
from audit.domain.vndate import local_today
from audit.models import Conclusion, Inspection, User
from reports import render_pdf
from reports.review import conclusion_html

from . import audit_log, authorities, documents, head_totals, notify, signing
from .findings import head_for
from .inspections import checklist_of


def conclusion_of(inspection: Inspection) -> Conclusion | None:
    """The notice in force (a replaced one stays, marked)."""
    return db.session.scalar(select(Conclusion).where(Conclusion.inspection_id == inspection.id,
                                                      Conclusion.superseded_at.is_(None)))


def verdict_choices(inspection: Inspection) -> tuple[Verdict, ...]:
    """The verdicts the chairman may decide for this inspection: those of its checklist's scale."""
    rules = checklist_of(inspection).rules
    return verdicts_of(rules.scale) if rules else (Verdict.INSUFFICIENT_EVIDENCE,)


def _recipients(inspection: Inspection, day: date) -> tuple[str, ...]:
    """Nơi nhận on ``day``: the body answerable for the unit inspected, the unit itself when it is another, the
    office that led the team, and the file — each as it exists that day (a body merged since is addressed
    through its successor; one dissolved without a successor is not addressed)."""
    body = inspection.unit.accountable_body
    lead = inspection.lead
    wanted = [body, inspection.unit] + ([lead.unit] if lead and lead.unit else [])
    lines: list[str] = []
    for unit in wanted:
        for current in in_operation_on(unit, day):
            if f"{current.name};" not in lines:
                lines.append(f"{current.name};")
    lines.append("Lưu: VT.")
    return tuple(lines)


def subject_of(inspection: Inspection) -> str:
    return f"{DocumentKind.CONCLUSION.value}:{inspection.id}"


@dataclass(frozen=True)
class _Checked:
    directives: str
    strengths: str
    causes: str
    proposed: str
    final: str
    verdict_reason: str
    head: object
    review: str | None


def _checked(inspection: Inspection, *, directives: str, strengths: str, causes: str, final_verdict: str | None,
             verdict_reason: str, responsibility_review: bool, review_reason: str) -> _Checked:
    """What the chairman wrote, checked as the notice needs it (the same rules for the preview and the issue)."""
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
    review = review_reason.strip() or None
    if responsibility_review and (head is None or review is None):
        raise InvalidInput(N_("A responsibility review names the head in office and gives the reason."))
    return _Checked(directives, strengths, causes, proposed, final, verdict_reason, head, review)


def preview(inspection: Inspection, *, directives: str, responsibility_review: bool, review_reason: str,
            strengths: str, causes: str, final_verdict: str | None = None, verdict_reason: str = "", actor: User,
            now: datetime, reason: str = "") -> bytes:
    """The notice as it would be issued now, marked DỰ THẢO, without a number: nothing is registered, signed,
    stored or sent. The same checks as :func:`conclude`, so what previews is what can be issued; a notice that
    would replace the one in force says so, with ``reason``."""
    authorities.ensure_chairs(actor, inspection, local_today(now))
    if not inspection.may_be_concluded:
        raise DomainError(N_("Only a finalised inspection can be concluded."))
    checked = _checked(inspection, directives=directives, strengths=strengths, causes=causes,
                       final_verdict=final_verdict, verdict_reason=verdict_reason,
                       responsibility_review=responsibility_review, review_reason=review_reason)
    existing = conclusion_of(inspection)
    reason = reason_text(reason)
    if existing is not None and not reason:
        raise InvalidInput(N_("Write the reason for the replacement: the new notice states it."))
    issuer = authorities.issuer_on(inspection.authority, local_today(now))
    html = conclusion_html(inspection=inspection, issuer=issuer, recipients=_recipients(inspection, local_today(now)),
                           replaces=documents.replacement_line("Thông báo", existing.document if existing else None,
                                                               reason),
                           number=draft_number(DocumentKind.CONCLUSION), directives=checked.directives,
                           strengths=checked.strengths, causes=checked.causes, chairman=actor.full_name, head=checked.head,
                           review_reason=checked.review if responsibility_review else None,
                           findings=inspection.active_findings, proposed=checked.proposed, final=checked.final,
                           verdict_reason=checked.verdict_reason or None, today=local_today(now), draft=True)
    return render_pdf(html)


def conclude(inspection: Inspection, *, directives: str, responsibility_review: bool, review_reason: str,
             strengths: str, causes: str, final_verdict: str | None = None, verdict_reason: str = "", actor: User,
             now: datetime, replaces_id: int | None = None, reason: str = "", confirmed: bool = False) -> Conclusion:
    """Issue the notice of conclusions for a finalised inspection: the chairman confirms the team's
    proposed verdict or decides another one, giving the reason; optionally flags the head in office on the
    inspection date for a responsibility review; the unit is told. Only the chairman of the authority in
    charge of the inspection that day may conclude it.

    Once issued, the notice is corrected only by a replacing notice (Decree 30): its own number, naming the
    replaced one (``replaces_id`` as the page showed it), with a reason and a confirmation, refused when nothing
    changed; the replaced notice stays in the register, downloadable and marked."""
    authorities.ensure_chairs(actor, inspection, local_today(now))
    if not inspection.may_be_concluded:
        raise DomainError(N_("Only a finalised inspection can be concluded."))
    lock_row(inspection)  # a second request waits here, then sees the first one's notice
    existing = conclusion_of(inspection)
    if existing is None and replaces_id is not None:
        raise Conflict(documents.ISSUED_MEANWHILE)
    if existing is not None and replaces_id is None:
        raise Conflict(N_("This inspection has already been concluded."))
    checked = _checked(inspection, directives=directives, strengths=strengths, causes=causes,
                       final_verdict=final_verdict, verdict_reason=verdict_reason,
                       responsibility_review=responsibility_review, review_reason=review_reason)
    directives, strengths, causes = checked.directives, checked.strengths, checked.causes
    proposed, final, verdict_reason = checked.proposed, checked.final, checked.verdict_reason
    head, review = checked.head, checked.review
    findings = inspection.active_findings
    content = documents.content_digest(final, verdict_reason if final != proposed else "", strengths, causes,
                                       directives, responsibility_review, review if responsibility_review else "",
                                       [(f.statement, f.requirement) for f in findings])
    subject = subject_of(inspection)
    if existing is not None and documents.current_for(subject) is None:
        # a notice issued before the register knew subjects: it is the one in force
        existing.document.subject = subject
        db.session.flush()
    replaced, reason = documents.supersede_current(subject, replaces_id=replaces_id, reason=reason,
                                                   confirmed=confirmed, content=content, now=now)
    issuer = authorities.issuer_on(inspection.authority, local_today(now))
    document = documents.register(issuer.authority, DocumentKind.CONCLUSION,
                                  f"Thông báo kết luận kiểm tra công vụ tại {inspection.unit.name}", actor=actor,
                                  now=now, inspection=inspection, replaces=replaced, reason=reason, subject=subject,
                                  content_sha256=content)
    number = document.number
    html = conclusion_html(inspection=inspection, issuer=issuer, recipients=_recipients(inspection, local_today(now)),
                           number=number, directives=directives, strengths=strengths, causes=causes,
                           chairman=actor.full_name,
                           head=head, review_reason=review if responsibility_review else None,
                           findings=findings, proposed=proposed, final=final,
                           verdict_reason=verdict_reason or None, today=local_today(now),
                           replaces=documents.replacement_line("Thông báo", replaced, reason))
    pdf = signing.sign_pdf(render_pdf(html, archival=True), issuer.authority)
    values = dict(number=number, directives=directives, document=document, strengths=strengths, causes=causes,
                  proposed_verdict=proposed, final_verdict=final,
                  verdict_reason=verdict_reason if final != proposed else None,
                  responsibility_review=responsibility_review,
                  head_tenure_id=head.id if head and responsibility_review else None,
                  review_reason=review if responsibility_review else None, pdf=pdf,
                  sha256=hashlib.sha256(pdf).hexdigest(), issued_by_id=actor.id, issued_at=now)
    head_totals.remove(inspection)  # counted again below with the verdict this notice decides
    if existing is not None:  # conditional: of two identical requests only one replaces the notice in force
        done = db.session.execute(update(Conclusion).where(Conclusion.id == existing.id,
                                                           Conclusion.superseded_at.is_(None))
                                  .values(superseded_at=now).execution_options(synchronize_session=False))
        if done.rowcount != 1:
            raise Conflict(documents.ISSUED_MEANWHILE)
        db.session.expire(existing)
    conclusion = Conclusion(inspection_id=inspection.id, **values)
    db.session.add(conclusion)
    db.session.flush()
    head_totals.add(inspection)
    audit_log.record(actor, "inspection.conclude", "inspection", inspection.id, now=now,
                     after={"number": number, "sha256": conclusion.sha256, "proposed_verdict": proposed,
                            "final_verdict": final, "verdict_reason": conclusion.verdict_reason,
                            "responsibility_review": responsibility_review,
                            "head": head.person_name if head and responsibility_review else None, "reason": review,
                            "replaces": replaced.number if replaced else None, "replacement_reason": reason})
    notify.notify(notify.unit_users_for(inspection.unit_id) + notify.team_of(inspection), kind="conclusion",
                  item=None, now=now, message=N_("The chairman concluded the inspection of %(unit)s (%(number)s)."),
                  params={"unit": inspection.unit.name, "number": number})
    return conclusion
