"""The register of legal documents as dated data: what a document is, from when to when it is in force,
what amends it from when, and how it is cited on a given day.

A document cited in a record of 2019 is cited as it stood in 2019: an amendment that came into force later
is not mentioned, and a document that did not exist yet cannot be cited at all (:func:`anachronisms`).
Pure rules: no Flask, no database. The register itself is data (``checklists/legal-register.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .checklist import Citation, Confidence


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
    amended_by: tuple[str, ...] = ()  # keys of the amending documents (each in force from its own date)
    source: str = ""  # where the text (or the mention) was read
    #: When no source gave the date of effect nor the date signed: the day the inspecting authority applies
    #: the document from, chosen late enough that it was surely in force, and why. Shown as unconfirmed.
    assumed_in_force_from: date | None = None
    assumption: str = ""

    @property
    def effective_from(self) -> date | None:
        """The first day the document is relied on: its date of effect; failing a date read, the date signed;
        failing both, the day the authority assumed (see :attr:`assumed_in_force_from`)."""
        return self.in_force_from or self.signed or self.assumed_in_force_from

    @property
    def effect_date_read(self) -> bool:
        """Whether the date of effect was read in a source (else :attr:`effective_from` rests on the date
        signed or on an assumption)."""
        return self.in_force_from is not None

    def in_force_on(self, day: date) -> bool:
        start = self.effective_from
        return start is not None and start <= day and (self.in_force_until is None or day <= self.in_force_until)

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
        amending = [self.get(k) for k in self.get(key).amended_by]
        dated = [a for a in amending if a.effective_from is not None and a.effective_from <= day]
        return tuple(sorted(dated, key=lambda a: a.effective_from))

    def undated_amendments(self, key: str) -> tuple[LegalDocument, ...]:
        """Amendments of ``key`` of no known or assumed date (never printed as in force)."""
        return tuple(a for a in (self.get(k) for k in self.get(key).amended_by) if a.effective_from is None)

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
        """Whether a record dated ``day`` may cite ``key``: in force on that day (a document of no known or
        assumed date cannot be shown to exist)."""
        return key in self and self.get(key).in_force_on(day)

    def amended_documents(self, key: str) -> tuple[LegalDocument, ...]:
        """The documents ``key`` amends."""
        return tuple(d for d in self.documents if key in d.amended_by)


def printed_citation(register: Register, citation: Citation, day: date) -> str:
    """A citation as a document dated ``day`` prints it: "khoản 2 Điều 9 Nghị định số 61/2018/NĐ-CP ngày
    23/4/2018 của Chính phủ" — the document as it stood that day, and where in it only when the citation is not
    marked unverified (an unchecked article number is never printed as fact)."""
    document = register.cite(citation.doc, day, with_title=False)
    where = citation.location if citation.confidence is not Confidence.UNVERIFIED else ""
    return f"{where} {document}" if where else document


@dataclass(frozen=True)
class Anachronism:
    where: str  # "C05" or "legal_basis"
    key: str
    message: str  # for the people who edit checklist files (English, like the other validation messages)
    params: dict

    def __str__(self) -> str:
        return self.message % {k: v.isoformat() if isinstance(v, date) else v for k, v in self.params.items()}


def anachronisms(register: Register, cited: list[tuple[str, str]], first_day: date) -> list[Anachronism]:
    """Citations ``(where, key)`` of a checklist version that starts on ``first_day`` and cite a document
    unknown to the register, of no known or assumed date, not yet in force on that day, or no longer in force
    on it."""
    problems = []
    for where, key in cited:
        params = {"where": where, "key": key, "first": first_day}
        if key not in register:
            problems.append(Anachronism(where, key, "%(where)s cites %(key)s, which is not in the register of "
                                                     "legal documents.", params))
            continue
        document = register.get(key)
        if document.effective_from is None:
            problems.append(Anachronism(where, key, "%(where)s cites %(key)s, whose date the register does not "
                                                     "know: it cannot be shown to be in force on %(first)s.",
                                        params))
        elif first_day < document.effective_from:
            problems.append(Anachronism(where, key, "%(where)s cites %(key)s, in force from %(start)s, in a "
                                                     "version in force from %(first)s.",
                                        {**params, "start": document.effective_from}))
        elif document.in_force_until is not None and document.in_force_until < first_day:
            problems.append(Anachronism(where, key, "%(where)s cites %(key)s, no longer in force after "
                                                     "%(until)s, in a version in force from %(first)s.",
                                        {**params, "until": document.in_force_until}))
    return problems
