"""Findings derived from a scored checklist: severity, repeats, default remedies and deadlines."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .checklist import Checklist, Item
from .scoring import ScoreCard


class Severity(StrEnum):
    LOW = "low"  # nhẹ
    MEDIUM = "medium"  # trung bình
    HIGH = "high"  # nghiêm trọng


SEVERITY_ORDER = (Severity.LOW, Severity.MEDIUM, Severity.HIGH)
#: Days allowed for remediation, by severity (practice: 15–30 days; a proposal, not law).
DEFAULT_DEADLINE_DAYS = {Severity.HIGH: 15, Severity.MEDIUM: 30, Severity.LOW: 45}


def raised(severity: Severity) -> Severity:
    """One step more severe (a repeat finding); the highest step stays."""
    index = SEVERITY_ORDER.index(severity)
    return SEVERITY_ORDER[min(index + 1, len(SEVERITY_ORDER) - 1)]


def default_severity(item: Item, critical_failed: bool) -> Severity:
    if critical_failed:
        return Severity.HIGH
    if item.critical or item.formality_signal:
        return Severity.MEDIUM
    return Severity.LOW


def default_deadline(severity: Severity, inspection_day: date) -> date:
    return inspection_day + timedelta(days=DEFAULT_DEADLINE_DAYS[severity])


def legal_basis(item: Item, checklist: Checklist) -> str:
    """Citations of ``item`` as one line, e.g. "Điều 9 — … (Nghị định số 61/2018/NĐ-CP …)"."""
    return "; ".join(f"{c.ref} ({checklist.document_title(c.doc)})" for c in item.citations)


@dataclass(frozen=True)
class FindingDraft:
    item_id: str
    requirement: str
    severity: Severity
    formality_signal: bool
    repeat: bool
    legal_basis: str
    remedy: str
    deadline: date
    observation: str = ""


def derive_findings(checklist: Checklist, card: ScoreCard, notes: Mapping[str, str], inspection_day: date,
                    failed_last_time: Iterable[str] = ()) -> list[FindingDraft]:
    """A draft finding for every item that scored below 1 or failed critically.

    An item that also failed at the unit's previous finalised inspection is a repeat
    (tái phạm): its severity is raised one step.
    """
    previous = set(failed_last_time)
    critical = set(card.critical_failures)
    drafts = []
    for item in checklist.items:
        item_score = card.item_scores.get(item.id)
        failed_critically = item.id in critical
        if not failed_critically and (item_score is None or item_score >= 1):
            continue
        severity = default_severity(item, failed_critically)
        repeat = item.id in previous
        if repeat:
            severity = raised(severity)
        drafts.append(FindingDraft(
            item_id=item.id,
            requirement=item.text,
            severity=severity,
            formality_signal=item.formality_signal,
            repeat=repeat,
            legal_basis=legal_basis(item, checklist),
            remedy=item.text,
            deadline=default_deadline(severity, inspection_day),
            observation=notes.get(item.id, ""),
        ))
    return drafts
