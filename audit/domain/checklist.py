"""Checklist definitions as value objects (built by ``audit.catalog`` from versioned YAML).

A checklist version is immutable: an inspection pins key, version and the file's sha256
and is scored, rendered and reported with that version forever.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class AnswerType(StrEnum):
    YES_NO_NA = "yes_no_na"
    NUMBER = "number"
    PERCENTAGE = "percentage"
    RATING_0_2 = "rating_0_2"
    TEXT = "text"


class Confidence(StrEnum):
    CONFIRMED = "C"  # content and number read in a source
    PARTLY = "P"  # content confirmed, number or detail not verified
    UNVERIFIED = "M"  # from memory or inference; verify before quoting


@dataclass(frozen=True)
class Citation:
    doc: str
    ref: str
    confidence: Confidence


@dataclass(frozen=True)
class Condition:
    """``<item> <op> <value>``; ``item`` ``None`` means the item itself."""

    op: str
    value: float | str
    item: str | None = None


@dataclass(frozen=True)
class Scoring:
    """How a raw answer maps to a score in [0, 1]; thresholds are data, not code."""

    type: str  # yes_no_na | rating_0_2 | threshold | ratio | input | text
    pass_at: float | None = None
    partial_at: float | None = None
    better: str = "higher"  # threshold direction: higher or lower values are better
    denominator: str | None = None  # ratio: 100 * value / <denominator item>


@dataclass(frozen=True)
class Item:
    id: str
    section: str
    text: str
    answer_type: AnswerType
    weight: float
    scoring: Scoring
    citations: tuple[Citation, ...] = ()
    critical: bool = False
    fails_when: tuple[Condition, ...] = ()
    formality_signal: bool = False
    guidance: str = ""
    evidence: str = ""
    sample_metric: str | None = None
    params: tuple[tuple[str, object], ...] = ()

    @property
    def scored(self) -> bool:
        return self.weight > 0 and self.scoring.type not in ("input", "text")


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: tuple[Item, ...]
    scored: bool = True


@dataclass(frozen=True)
class VerdictRules:
    """Thresholds of the verdict rule, carried by each checklist version (a proposal, not law)."""

    min_coverage: float
    formal_below_score: float
    formal_from_formality: float
    substantive_from_score: float
    substantive_up_to_formality: float


@dataclass(frozen=True)
class Checklist:
    key: str
    version: int
    title: str
    status: str
    legal_regime: str
    valid_from: date
    valid_to: date | None
    documents: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...]
    verdict: VerdictRules | None
    sha256: str = ""
    path: str = ""
    description: str = ""
    extras: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def document_title(self, doc: str) -> str:
        return dict(self.documents).get(doc, doc)

    def applies_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)
