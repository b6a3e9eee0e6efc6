"""The register of outgoing documents: numbers allocated atomically per issuing body and year."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from audit.db import db
from audit.domain.documents import DocumentKind, document_number
from audit.domain.vndate import local_today
from audit.models import Authority, DocumentCounter, OutgoingDocument, User


def _insert_ignore(values: dict):
    dialect = db.session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(DocumentCounter).values(**values).on_conflict_do_nothing()


def next_seq(authority: Authority, year: int) -> int:
    """The next number of ``authority`` in ``year``: one conditional update of its counter (rows of other
    transactions wait on it), so two documents never share a number; the register's unique constraint
    guards it again."""
    db.session.execute(_insert_ignore({"authority_id": authority.id, "year": year, "last": 0}))
    return db.session.execute(
        update(DocumentCounter).where(DocumentCounter.authority_id == authority.id, DocumentCounter.year == year)
        .values(last=DocumentCounter.last + 1).returning(DocumentCounter.last)).scalar_one()


def register(authority: Authority, kind: DocumentKind, summary: str, *, actor: User | None, now: datetime,
             inspection=None, replaces: OutgoingDocument | None = None, reason: str | None = None) -> OutgoingDocument:
    """Enter a document in ``authority``'s register of the year of ``now`` and give it its number."""
    year = local_today(now).year
    seq = next_seq(authority, year)
    document = OutgoingDocument(authority_id=authority.id, year=year, seq=seq, number=document_number(seq, kind),
                                kind=kind.value, summary=summary[:400], inspection_id=inspection.id if inspection else None,
                                replaces=replaces, reason=reason, issued_by_id=actor.id if actor else None,
                                issued_at=now)
    db.session.add(document)
    db.session.flush()
    return document


@dataclass(frozen=True)
class Found:
    """An issued conclusion or report whose exact bytes were presented for verification."""

    kind_name: str
    number: str
    issued_at: datetime
    issuer: str


def find_by_content(data: bytes) -> Found | None:
    """The conclusion notice or report kept with exactly these bytes (sha256), if any."""
    from audit.domain.documents import KIND_NAMES
    from audit.models import Conclusion

    digest = hashlib.sha256(data).hexdigest()
    conclusion = db.session.scalar(select(Conclusion).where(Conclusion.sha256 == digest))
    if conclusion is not None:
        issuer = conclusion.document.authority.unit.name if conclusion.document else ""
        return Found(KIND_NAMES[DocumentKind.CONCLUSION], conclusion.number, conclusion.issued_at, issuer)
    document = db.session.scalar(select(OutgoingDocument).where(OutgoingDocument.sha256 == digest))
    if document is not None:
        return Found(KIND_NAMES[DocumentKind(document.kind)], document.number, document.issued_at,
                     document.authority.unit.name)
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
