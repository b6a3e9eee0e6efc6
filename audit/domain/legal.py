"""The register of legal documents as dated data: what a document is, from when to when it is in force,
what amends it from when, and how it is cited on a given day.

A document cited in a record of 2019 is cited as it stood in 2019: an amendment that came into force later
is not mentioned, and a document that did not exist yet cannot be cited at all (:func:`anachronisms`).
Pure rules: no Flask, no database. The register itself is data (``checklists/legal-register.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .checklist import Confidence


class DocumentKind(StrEnum):
    LAW = "luat"
    DECREE = "nghi_dinh"
    RESOLUTION = "nghi_quyet"
    DECISION = "quyet_dinh"
    DIRECTIVE = "chi_thi"
    CIRCULAR = "thong_tu"
    DISPATCH = "cong_dien"
    LETTER = "cong_van"


#: How each kind is named in a citation (Vietnamese administrative usage, not translated).
KIND_NAMES = {
    DocumentKind.LAW: "Luật", DocumentKind.DECREE: "Nghị định", DocumentKind.RESOLUTION: "Nghị quyết",
    DocumentKind.DECISION: "Quyết định", DocumentKind.DIRECTIVE: "Chỉ thị", DocumentKind.CIRCULAR: "Thông tư",
    DocumentKind.DISPATCH: "Công điện", DocumentKind.LETTER: "Công văn",
}


#: The register writes a document's confidence in words; it is the same scale as a citation's.
CONFIDENCE_WORDS = {"confirmed": Confidence.CONFIRMED, "partly": Confidence.PARTLY,
                    "unconfirmed": Confidence.UNVERIFIED}


@dataclass(frozen=True)
class Amendment:
    by: str  # key of the amending document
    in_force_from: date | None  # None: the date was not read; the amendment is then never cited as in force


@dataclass(frozen=True)
class LegalDocument:
    key: str
    kind: DocumentKind
    number: str  # "61/2018/NĐ-CP"
    issuer: str  # "Chính phủ"
    signed: date | None
    in_force_from: date | None
    title: str  # "về thực hiện cơ chế một cửa, …"
    confidence: Confidence
    in_force_until: date | None = None
    replaced_by: str | None = None
    amended_by: tuple[Amendment, ...] = ()
    source: str = ""  # where the text (or the mention) was read

    @property
    def effective_from(self) -> date | None:
        """The first day the document can be relied on: in force, or failing a known date, signed."""
        return self.in_force_from or self.signed

    def in_force_on(self, day: date) -> bool:
        start = self.effective_from
        return (start is None or start <= day) and (self.in_force_until is None or day <= self.in_force_until)

    def exists_on(self, day: date) -> bool:
        """Signed by ``day`` (a document may be cited as issued before it takes effect)."""
        start = self.signed or self.in_force_from
        return start is None or start <= day

    def designation(self) -> str:
        """``Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ``."""
        text = f"{KIND_NAMES[self.kind]} số {self.number}"
        if self.signed:
            text += f" ngày {citation_date(self.signed)}"
        return f"{text} của {self.issuer}"


def citation_date(day: date) -> str:
    """A date as documents cite it (Decree 30/2020: a day below 10 and the months 1 and 2 take a leading
    zero): ``05/9/2016``, ``23/4/2018``, ``15/01/2019``."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


@dataclass(frozen=True)
class Register:
    documents: tuple[LegalDocument, ...]

    def __contains__(self, key: str) -> bool:
        return any(d.key == key for d in self.documents)

    def get(self, key: str) -> LegalDocument:
        for document in self.documents:
            if document.key == key:
                return document
        raise KeyError(key)

    def amendments_in_force(self, key: str, day: date) -> tuple[LegalDocument, ...]:
        """The amending documents of ``key`` that had taken effect on ``day``, oldest first."""
        document = self.get(key)
        dated = [a for a in document.amended_by if a.in_force_from is not None]
        return tuple(self.get(a.by) for a in sorted(dated, key=lambda a: a.in_force_from) if a.in_force_from <= day)

    def undated_amendments(self, key: str) -> tuple[LegalDocument, ...]:
        """Amendments whose date of effect the register does not know (never printed as in force)."""
        return tuple(self.get(a.by) for a in self.get(key).amended_by if a.in_force_from is None)

    def cite(self, key: str, day: date, *, with_title: bool = True) -> str:
        """The document as a record dated ``day`` cites it: its designation, its title, and the amendments in
        force on that day — none that came later."""
        document = self.get(key)
        text = document.designation()
        if with_title and document.title:
            text += f" {document.title}"
        amendments = self.amendments_in_force(key, day)
        if amendments:
            text += ", được sửa đổi, bổ sung bởi " + ", ".join(a.designation() for a in amendments)
        return text

    def citable_on(self, key: str, day: date) -> bool:
        """Whether a record dated ``day`` may cite ``key``: a known date on or before ``day`` and not repealed
        before it (a document whose date nobody read cannot be shown to exist)."""
        if key not in self:
            return False
        document = self.get(key)
        if document.signed is None and document.in_force_from is None:
            return False
        return document.exists_on(day) and (document.in_force_until is None or day <= document.in_force_until)

    def amended_documents(self, key: str) -> tuple[LegalDocument, ...]:
        """The documents ``key`` amends."""
        return tuple(d for d in self.documents if any(a.by == key for a in d.amended_by))


_ARTICLE = re.compile(r"(?:(?:Điều|Khoản|khoản|Điểm|điểm|Mục|mục|Phụ lục)\s+(?:[0-9IVX][0-9a-zđ]*|[a-zđ])(?:,\s*|\s+|$))+")


def article_of(ref: str) -> str | None:
    """The article part of a citation's reference ("Điều 9 — người đứng đầu …" → "Điều 9"), or ``None`` when the
    reference, up to its first dash, semicolon or bracket, is not only articles, clauses, points, sections or
    appendices (a description is never printed as law)."""
    head = re.split(r" — |;|\(", ref, maxsplit=1)[0].strip()
    return head if _ARTICLE.fullmatch(head) else None


def printed_citation(register: Register, key: str, ref: str, confidence: Confidence, day: date) -> str:
    """A citation as a document dated ``day`` prints it: "Điều 9 Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của
    Chính phủ" — the document as it stood that day, and the article only when the citation is not marked
    unverified (an unchecked article number is never printed as fact)."""
    document = register.cite(key, day, with_title=False)
    article = article_of(ref) if confidence is not Confidence.UNVERIFIED else None
    return f"{article} {document}" if article else document


@dataclass(frozen=True)
class Anachronism:
    where: str  # "C05" or "documents"
    key: str
    message: str  # for the people who edit checklist files (English, like the other validation messages)
    params: dict

    def __str__(self) -> str:
        return self.message % {k: v.isoformat() if isinstance(v, date) else v for k, v in self.params.items()}


def anachronisms(register: Register, cited: list[tuple[str, str]], first_day: date) -> list[Anachronism]:
    """Citations ``(where, key)`` of a checklist version that starts on ``first_day`` and cite a document
    unknown to the register, not yet signed on that day, or no longer in force on it."""
    problems = []
    for where, key in cited:
        if key not in register:
            problems.append(Anachronism(where, key, ("%(where)s cites %(key)s, which is not in the register of "
                                                       "legal documents."), {"where": where, "key": key}))
            continue
        document = register.get(key)
        if document.signed is None and document.in_force_from is None:
            problems.append(Anachronism(where, key, ("%(where)s cites %(key)s, whose date the register does not "
                                                       "know: it cannot be shown to exist on %(first)s."),
                                        {"where": where, "key": key, "first": first_day}))
        elif not document.exists_on(first_day):
            problems.append(Anachronism(where, key, ("%(where)s cites %(key)s, signed on %(signed)s, in a version "
                                                       "in force from %(first)s."),
                                        {"where": where, "key": key, "signed": document.signed,
                                         "first": first_day}))
        elif document.in_force_until is not None and document.in_force_until < first_day:
            problems.append(Anachronism(where, key, ("%(where)s cites %(key)s, no longer in force after "
                                                       "%(until)s, in a version in force from %(first)s."),
                                        {"where": where, "key": key, "until": document.in_force_until,
                                         "first": first_day}))
    return problems
