"""The register of outgoing documents: numbers allocated atomically per issuing body and year."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from sqlalchemy import select, update

from audit.db import db, dialect_insert
from audit.domain.documents import DocumentKind, document_number
from audit.domain.errors import N_, Conflict, DomainError, InvalidInput
from audit.domain.inputs import reason_text
from audit.domain.vndate import local_today
from audit.models import Authority, DocumentCounter, OutgoingDocument, User


def _insert_ignore(values: dict):
    return dialect_insert(db.session.get_bind().dialect.name)(DocumentCounter).values(**values).on_conflict_do_nothing()


def next_seq(authority: Authority, year: int) -> int:
    """The next number of ``authority`` in ``year``: one conditional update of its counter (rows of other
    transactions wait on it), so two documents never share a number; the register's unique constraint
    guards it again."""
    db.session.execute(_insert_ignore({"authority_id": authority.id, "year": year, "last": 0}))
    return db.session.execute(
        update(DocumentCounter).where(DocumentCounter.authority_id == authority.id, DocumentCounter.year == year)
        .values(last=DocumentCounter.last + 1).returning(DocumentCounter.last)).scalar_one()


def register(authority: Authority, kind: DocumentKind, summary: str, *, actor: User | None, now: datetime,
             inspection=None, replaces: OutgoingDocument | None = None, reason: str | None = None,
             subject: str | None = None, content_sha256: str | None = None) -> OutgoingDocument:
    """Enter a document in ``authority``'s register of the year of ``now`` and give it its number."""
    year = local_today(now).year
    seq = next_seq(authority, year)
    document = OutgoingDocument(authority_id=authority.id, year=year, seq=seq, number=document_number(seq, kind),
                                kind=kind.value, summary=summary[:400], inspection_id=inspection.id if inspection else None,
                                replaces=replaces, reason=reason, issued_by_id=actor.id if actor else None,
                                issued_at=now, subject=subject, content_sha256=content_sha256)
    db.session.add(document)
    db.session.flush()
    return document


def current_for(subject: str) -> OutgoingDocument | None:
    """The document now in force on ``subject`` (the newest not replaced), if one was issued."""
    return db.session.scalar(select(OutgoingDocument).where(OutgoingDocument.subject == subject,
                                                            OutgoingDocument.superseded_at.is_(None))
                             .order_by(OutgoingDocument.id.desc()).limit(1))


def plain(value):
    """``value`` with every enum member replaced by its value, containers kept as they are: a digest must not
    change because a state was read as an enum member rather than its text (nor for any other reason)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    return value


def content_digest(*parts) -> str:
    """The digest of what a document says (its parts' text, without number, date or signature)."""
    return hashlib.sha256(repr(plain(parts)).encode()).hexdigest()


ISSUED_MEANWHILE = N_("This document was issued again meanwhile; reload the page.")


def supersede_current(subject: str, *, replaces_id: int | None, reason: str, confirmed: bool, content: str,
                      now: datetime) -> tuple[OutgoingDocument | None, str | None]:
    """Check a (re)issue on ``subject`` the way Decree 30 wants a correction, and mark the replaced document.

    The first document needs nothing. A replacing one names the document it replaces (``replaces_id``, as the
    page showed it: a request naming an already replaced one is a conflict, so a double click issues once),
    gives a reason and a confirmation, and must say something else. Returns the replaced document and the
    reason."""
    current = current_for(subject)
    if current is None:
        if replaces_id is not None:
            raise Conflict(ISSUED_MEANWHILE)
        return None, None
    if replaces_id != current.id:
        raise Conflict(ISSUED_MEANWHILE)
    reason = reason_text(reason)
    if not reason or not confirmed:
        raise InvalidInput(N_("A replacing document needs the reason and your confirmation."))
    if current.content_sha256 == content:
        raise DomainError(N_("Nothing has changed since %(number)s was issued: there is nothing to replace."),
                          number=current.number)
    done = db.session.execute(update(OutgoingDocument).where(OutgoingDocument.id == current.id,
                                                             OutgoingDocument.superseded_at.is_(None))
                              .values(superseded_at=now))
    if done.rowcount != 1:
        raise Conflict(ISSUED_MEANWHILE)
    return current, reason


def replacement_line(kind_name: str, replaced: OutgoingDocument | None, reason: str | None) -> str:
    """The sentence a replacing document prints under its title."""
    if replaced is None:
        return ""
    from audit.domain.vndate import LOCAL_TZ, short_date

    return (f"{kind_name} này thay thế {kind_name} số {replaced.number} ngày "
            f"{short_date(replaced.issued_at.astimezone(LOCAL_TZ).date())}; lý do: {reason}")


@dataclass(frozen=True)
class Found:
    """An issued conclusion or report whose exact bytes were presented for verification."""

    kind_name: str
    number: str
    issued_at: datetime
    issuer: str
    replaced_by: str | None = None  # the number of the document that replaced it


def find_by_content(data: bytes) -> Found | None:
    """The conclusion notice or report kept with exactly these bytes (sha256), if any."""
    from audit.domain.documents import KIND_NAMES
    from audit.models import Conclusion

    digest = hashlib.sha256(data).hexdigest()
    conclusion = db.session.scalar(select(Conclusion).where(Conclusion.sha256 == digest))
    if conclusion is not None:
        issuer = conclusion.document.authority.unit.name if conclusion.document else ""
        later = replaced_by([conclusion.document]).get(conclusion.document_id) if conclusion.document else None
        return Found(KIND_NAMES[DocumentKind.CONCLUSION], conclusion.number, conclusion.issued_at, issuer,
                     later.number if later else None)
    document = db.session.scalar(select(OutgoingDocument).where(OutgoingDocument.sha256 == digest))
    if document is not None:
        later = replaced_by([document]).get(document.id)
        return Found(KIND_NAMES[DocumentKind(document.kind)], document.number, document.issued_at,
                     document.authority.unit.name, later.number if later else None)
    return None


def listing(scope: frozenset[int] | None, year: int | None = None) -> list[OutgoingDocument]:
    """The register as a page lists it: the documents of the authorities in the reader's scope, newest first."""
    query = select(OutgoingDocument).order_by(OutgoingDocument.year.desc(), OutgoingDocument.authority_id,
                                              OutgoingDocument.seq.desc())
    if year is not None:
        query = query.where(OutgoingDocument.year == year)
    documents = list(db.session.scalars(query))
    if scope is None:
        return documents
    return [d for d in documents if d.authority.unit_id in scope]


def replaced_by(documents: list[OutgoingDocument]) -> dict[int, OutgoingDocument]:
    """For each of ``documents`` that a later one replaces: the replacing document (any year)."""
    ids = [d.id for d in documents]
    if not ids:
        return {}
    return {d.replaces_id: d for d in db.session.scalars(select(OutgoingDocument)
                                                         .where(OutgoingDocument.replaces_id.in_(ids)))}


def pdf_of(document: OutgoingDocument) -> bytes | None:
    """The issued file of a register entry: kept on the entry (reports) or on the minutes or notice it numbers."""
    if document.pdf is not None:
        return document.pdf
    from audit.models import Conclusion, IssuedMinutes

    for model in (Conclusion, IssuedMinutes):
        row = db.session.scalar(select(model).where(model.document_id == document.id))
        if row is not None:
            return row.pdf
    return None
