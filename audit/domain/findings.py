"""Findings derived from an assessment: what is wrong (a statement with the measured value), what the
unit must do, how serious it is, repeats and default deadlines."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .assessment import CONTRADICTION_REQUIREMENT, REPORTED_RATE, Assessment, Signal, render
from .checklist import Checklist, Item, SignalKind
from .errors import N_
from .legal import Register, printed_citation


class Severity(StrEnum):
    LOW = "low"  # nhẹ
    MEDIUM = "medium"  # trung bình
    HIGH = "high"  # nghiêm trọng


SEVERITY_LABELS = {Severity.LOW: N_("Minor"), Severity.MEDIUM: N_("Moderate"), Severity.HIGH: N_("Serious")}

SEVERITY_ORDER = (Severity.LOW, Severity.MEDIUM, Severity.HIGH)
#: Days allowed for remediation, by severity (practice: 15–30 days; a proposal, not law).
DEFAULT_DEADLINE_DAYS = {Severity.HIGH: 15, Severity.MEDIUM: 30, Severity.LOW: 45}


class FindingStatus(StrEnum):
    DRAFT = "draft"  # standing (the name dates from before finalisation; it stays after)
    DROPPED = "dropped"


class FindingSource(StrEnum):
    DERIVED = "derived"  # drawn up from a failing checklist item
    MANUAL = "manual"  # written by the team


def raised(severity: Severity) -> Severity:
    """One step more severe (a repeat finding); the highest step stays."""
    index = SEVERITY_ORDER.index(severity)
    return SEVERITY_ORDER[min(index + 1, len(SEVERITY_ORDER) - 1)]


def default_severity(item: Item, signal: Signal | None) -> Severity:
    if signal is not None and signal.kind in (SignalKind.DECISIVE, SignalKind.LIMITING):
        return Severity.HIGH
    if item.critical or signal is not None:
        return Severity.MEDIUM
    return Severity.LOW


def default_deadline(severity: Severity, inspection_day: date) -> date:
    return inspection_day + timedelta(days=DEFAULT_DEADLINE_DAYS[severity])


def legal_basis(item: Item, checklist: Checklist, day: date | None = None, register: Register | None = None) -> str:
    """Citations of ``item`` as one line. With the register of legal documents, as a document dated ``day``
    prints them ("Điều 9 Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ"; see
    :func:`audit.domain.legal.printed_citation`); without it, as the checklist writes them."""
    if register is not None and day is not None:
        # a document not yet issued on that day, repealed by then or of unknown date is not printed at all
        lines = [printed_citation(register, c, day) for c in item.citations if register.citable_on(c.doc, day)]
        return "; ".join(dict.fromkeys(lines))  # two citations of one unverified document print once
    return "; ".join(f"{c.ref} ({c.doc})" for c in item.citations)


@dataclass(frozen=True)
class FindingDraft:
    item_id: str
    statement: str  # what is wrong, with the measured value
    requirement: str  # what the unit must do
    severity: Severity
    formality_signal: bool
    repeat: bool
    legal_basis: str
    deadline: date
    observation: str = ""  # the inspector's note


def derive_findings(assessment: Assessment, notes: Mapping[str, str], inspection_day: date,
                    failed_last_time: Iterable[str] = (), register: Register | None = None) -> list[FindingDraft]:
    """A draft finding for every answered item that scored below 1 or raised a signal, and one for a
    reported on-time rate the sample contradicts (on the item that holds the reported rate).

    An item that also failed at the unit's previous finalised inspection is a repeat (tái phạm):
    its severity is raised one step. Items without a basis yet (a sample too small) raise nothing.
    """
    checklist = assessment.checklist
    previous = set(failed_last_time)
    answers = assessment.answers
    contradiction = next((s for s in assessment.signals if s.code == REPORTED_RATE), None)
    drafts = []
    for item in checklist.items:
        signal = next((s for s in assessment.signals if s.item_id == item.id and s.code == item.id), None)
        if contradiction is not None and contradiction.item_id == item.id:
            statement, requirement, signal = contradiction.statement, CONTRADICTION_REQUIREMENT, contradiction
        else:
            value = assessment.card.item_scores.get(item.id)
            if signal is None and (value is None or value >= 1):
                continue
            statement = render(item.finding, item, checklist, answers)
            requirement = render(item.requirement, item, checklist, answers)
        severity = default_severity(item, signal)
        repeat = item.id in previous
        if repeat:
            severity = raised(severity)
        drafts.append(FindingDraft(
            item_id=item.id, statement=statement, requirement=requirement, severity=severity,
            formality_signal=signal is not None and signal.kind in (SignalKind.DECISIVE, SignalKind.REALITY),
            repeat=repeat, legal_basis=legal_basis(item, checklist, inspection_day, register),
            deadline=default_deadline(severity, inspection_day), observation=notes.get(item.id, "")))
    return drafts
