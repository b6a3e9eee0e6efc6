"""Inspection minutes: their details, previews, issuing frozen PDF/A versions, verification, signed scans."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import replace
from datetime import datetime
from typing import BinaryIO

import segno
from sqlalchemy import select, update

from audit.db import db, lock_row
from audit.domain.documents import DocumentKind, draft_number
from audit.domain.errors import N_, Conflict, DomainError, InvalidInput, NotAllowed
from audit.domain.inputs import reason_text
from audit.domain.inspections import InspectionLocked, State, TeamRole, may_edit_minutes
from audit.domain.vndate import LOCAL_TZ, local_today, short_date
from audit.i18n import in_vietnamese
from audit.models import Inspection, IssuedMinutes, MinutesDetails, User
from audit.storage import Store
from reports import build_minutes_context, render_minutes_html, render_pdf

from . import audit_log, authorities, documents, files, signing
from .evidence import photo_or_pdf_type
from .findings import head_for
from .inspections import evaluate, proposal_of

TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
SCAN_MAX_BYTES = 15 * 1024 * 1024


def details_of(inspection: Inspection) -> MinutesDetails:
    """The stored details, or sensible defaults (not saved) for a first draft."""
    stored = db.session.get(MinutesDetails, inspection.id)
    if stored is not None:
        return stored
    desk_head = next((t for t in inspection.unit.tenures if t.covers(inspection.inspection_date)), None)
    representative = f"{desk_head.addressed_name}, {desk_head.title}" if desk_head else ""
    return MinutesDetails(inspection_id=inspection.id, revision=0, start_time="08:00", end_time="11:00",
                          place=inspection.unit.name, unit_representatives=representative, unit_comments="", copies=2)


def _lead_only(inspection: Inspection, actor: User) -> None:
    if inspection.team_role_of(actor.id) is not TeamRole.LEAD:
        raise NotAllowed(N_("Only the team lead may do this."))


def save_details(inspection: Inspection, *, start_time: str, end_time: str, place: str, representatives: str,
                 comments: str, copies: int, actor: User, now: datetime) -> MinutesDetails:
    """Record the minutes' details as a new audited revision (also after finalising: a correction)."""
    if not may_edit_minutes(inspection.inspection_state, inspection.team_role_of(actor.id)):
        raise NotAllowed(N_("Only the team lead may do this."))
    if not TIME_RE.match(start_time) or not TIME_RE.match(end_time):
        raise InvalidInput(N_("Times are written hh:mm, for example 13:40."))
    if end_time <= start_time:
        raise InvalidInput(N_("The end time must be after the start time."))
    if not 1 <= copies <= 9:
        raise InvalidInput(N_("The number of copies is between 1 and 9."))
    stored = db.session.get(MinutesDetails, inspection.id)
    fields = {"start_time": start_time, "end_time": end_time, "place": place.strip(),
              "unit_representatives": representatives.strip(), "unit_comments": comments.strip(), "copies": copies}
    before = {k: getattr(stored, k) for k in fields} if stored else None
    if stored is None:
        stored = MinutesDetails(inspection_id=inspection.id, revision=0, **fields)
        db.session.add(stored)
    else:
        for key, value in fields.items():
            setattr(stored, key, value)
    stored.revision += 1
    stored.updated_by_id, stored.updated_at = actor.id, now
    db.session.flush()
    audit_log.record(actor, "minutes.details", "inspection", inspection.id, now=now, before=before,
                     after={**fields, "revision": stored.revision})
    return stored


def issued_versions(inspection: Inspection) -> list[IssuedMinutes]:
    return list(db.session.scalars(select(IssuedMinutes).where(IssuedMinutes.inspection_id == inspection.id)
                                   .order_by(IssuedMinutes.version)))


def current_issued(inspection: Inspection) -> IssuedMinutes | None:
    return next((m for m in reversed(issued_versions(inspection)) if m.current), None)


def _context(inspection: Inspection, *, number: str, draft: bool, **issue):
    """The minutes' content; issued in the name of the inspection's authority on the inspection date (a
    replacing document: on its own date, by the authority in charge then)."""
    assessment = evaluate(inspection)
    day = issue.get("issued_on") or inspection.inspection_date
    return build_minutes_context(inspection=inspection, issuer=authorities.issuer_on(inspection.authority, day),
                                 assessment=assessment,
                                 proposal=proposal_of(inspection, assessment), head=head_for(inspection),
                                 details=details_of(inspection), translate=in_vietnamese, number=number, draft=draft,
                                 **issue)


def preview_html(inspection: Inspection) -> str:
    """The minutes as they stand, as HTML; marked DỰ THẢO while the inspection is not finalised."""
    issued = current_issued(inspection)
    number = issued.number if issued else draft_number(DocumentKind.MINUTES)
    draft = inspection.inspection_state is not State.FINALISED
    return render_minutes_html(_context(inspection, number=number, draft=draft))


def preview_pdf(inspection: Inspection) -> bytes:
    """:func:`preview_html` laid out."""
    return render_pdf(preview_html(inspection))


def _code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _content_digest(context) -> str:
    """What the minutes say, without number, date, issuer lines and codes: a correction must change it."""
    bare = replace(context, number="", place_date="", issuer_parent="", replaces="", version=None,
                   verification_code=None, verify_url=None, qr_svg=None)
    return hashlib.sha256(render_minutes_html(bare).encode()).hexdigest()


def issue(inspection: Inspection, *, actor: User, now: datetime, verify_base_url: str | None,
          replaces_version: int | None = None, reason: str = "", confirmed: bool = False) -> IssuedMinutes:
    """Issue the minutes of a finalised inspection as PDF/A under a number of the register of outgoing
    documents: the bytes and their sha256 are kept forever.

    A correction is a new document with its own number that names the one it replaces, with a reason and a
    confirmation; it is refused when nothing changed, and a repeated request (naming a version already
    replaced) is a conflict, so a double click issues once. The replaced version stays, marked.
    """
    if inspection.inspection_state is not State.FINALISED:
        raise InspectionLocked(N_("Minutes are issued only for a finalised inspection."))
    _lead_only(inspection, actor)  # together: may_issue_minutes, with the precise refusal for each case
    if not verify_base_url:
        raise DomainError(N_("The public address of KTCV (AUDIT_PUBLIC_URL) is not set: documents cannot be "
                             "issued with a verification address."))
    details = details_of(inspection)
    if not details.unit_comments.strip():
        raise InvalidInput(N_("Write the inspected unit's comments as recorded (for example “Đơn vị không có ý "
                              "kiến.”) before issuing."))
    lock_row(inspection)  # a second request for the same minutes waits here, then sees the first one's version
    versions = issued_versions(inspection)
    current = next((m for m in reversed(versions) if m.current), None)
    reason = reason_text(reason)
    if current is not None:
        if replaces_version != current.version:
            raise Conflict(N_("These minutes were issued again meanwhile; reload the page."))
        if not reason or not confirmed:
            raise InvalidInput(N_("A replacing document needs the reason and your confirmation."))
    elif replaces_version is not None:
        raise DomainError(N_("These minutes were issued again meanwhile; reload the page."))
    today = local_today(now)
    context = _context(inspection, number="", draft=False, issued_on=today if current else None)
    content = _content_digest(context)
    if current is not None and current.content_sha256 == content:
        raise DomainError(N_("Nothing has changed since %(number)s was issued: there is nothing to replace."),
                          number=current.number)
    if current is not None:  # conditional: of two identical requests only one replaces the current version
        done = db.session.execute(update(IssuedMinutes).where(IssuedMinutes.id == current.id,
                                                              IssuedMinutes.superseded_at.is_(None))
                                  .values(superseded_at=now))
        if done.rowcount != 1:
            raise Conflict(N_("These minutes were issued again meanwhile; reload the page."))
    issuer = authorities.issuer_on(inspection.authority, today)
    document = documents.register(
        issuer.authority, DocumentKind.MINUTES, f"Biên bản kiểm tra tại {inspection.unit.name}", actor=actor,
        now=now, inspection=inspection, replaces=current.document if current else None, reason=reason or None)
    version = (versions[-1].version + 1) if versions else 1
    code = _code()
    verify_url = f"{verify_base_url.rstrip('/')}/verify?code={code}"
    qr = segno.make(verify_url, error="m").svg_inline(scale=2, border=0, dark="#000")
    replaces = ""
    if current is not None:
        replaces = (f"Biên bản này thay thế Biên bản số {current.number} ngày "
                    f"{short_date(current.issued_at.astimezone(LOCAL_TZ).date())}; lý do: {reason}")
    html = render_minutes_html(replace(context, number=document.number, version=version, verification_code=code,
                                       verify_url=verify_url, qr_svg=qr, replaces=replaces))
    pdf = signing.sign_pdf(render_pdf(html, archival=True), issuer.authority)
    digest = hashlib.sha256(pdf).hexdigest()
    issued = IssuedMinutes(inspection_id=inspection.id, version=version, number=document.number,
                           details_revision=details.revision, pdf=pdf, size=len(pdf), sha256=digest,
                           verification_code=code, issued_by_id=actor.id, issued_at=now, document=document,
                           content_sha256=content)
    db.session.add(issued)
    db.session.flush()
    audit_log.record(actor, "minutes.issue", "inspection", inspection.id, now=now,
                     after={"version": version, "number": document.number, "sha256": digest, "size": len(pdf),
                            "code": code, "details_revision": details.revision,
                            "replaces": current.number if current else None, "reason": reason or None})
    return issued


def find_by_code(code: str) -> IssuedMinutes | None:
    cleaned = re.sub(r"[^A-Z0-9]", "", (code or "").upper())
    if len(cleaned) != 12:
        return None
    formatted = f"{cleaned[:4]}-{cleaned[4:8]}-{cleaned[8:]}"
    return db.session.scalar(select(IssuedMinutes).where(IssuedMinutes.verification_code == formatted))


def find_by_content(data: bytes) -> IssuedMinutes | None:
    return db.session.scalar(select(IssuedMinutes).where(IssuedMinutes.sha256 == hashlib.sha256(data).hexdigest()))


def attach_signed_scan(issued: IssuedMinutes, *, data: bytes | BinaryIO, actor: User, now: datetime,
                       storage: Store) -> None:
    """Attach the scan of the signed, stamped paper minutes (PDF or image; checked from its content). The scan
    goes to the file store under its sha256 (``data``: the bytes or the upload's stream, spooled in chunks);
    scans attached before the file store existed stay in the record and are served from there."""
    inspection = db.session.get(Inspection, issued.inspection_id)
    if inspection.team_role_of(actor.id) is None:
        raise NotAllowed(N_("Only members of the inspection team may do this."))
    if issued.signed_sha256 is not None:
        raise DomainError(N_("A signed copy is already attached to this version."))
    upload = files.spool_within(storage, data, limit=SCAN_MAX_BYTES, refusal=InvalidInput(
        N_("The file is larger than %(size)d MB."), size=SCAN_MAX_BYTES // (1024 * 1024)))
    try:
        if not upload.size:
            raise InvalidInput(N_("The file is empty."))
        content_type = photo_or_pdf_type(upload)
    except BaseException:
        upload.discard()
        raise
    attached = db.session.execute(
        update(IssuedMinutes).where(IssuedMinutes.id == issued.id, IssuedMinutes.signed_sha256.is_(None))
        .values(signed_content_type=content_type, signed_sha256=upload.key, signed_size=upload.size,
                signed_uploaded_at=now, signed_uploaded_by_id=actor.id)).rowcount
    if attached != 1:  # another upload attached its scan first: this one is refused, its file dropped
        upload.discard()
        raise Conflict(N_("A signed copy is already attached to this version."))
    files.stage_spooled(upload)  # in the store once the request commits
    db.session.refresh(issued)
    audit_log.record(actor, "minutes.signed_scan", "inspection", inspection.id, now=now,
                     after={"version": issued.version, "sha256": issued.signed_sha256, "type": content_type})


def local_issue_time(issued: IssuedMinutes) -> datetime:
    return issued.issued_at.astimezone(LOCAL_TZ)
