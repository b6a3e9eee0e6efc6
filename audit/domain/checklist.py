"""Checklist definitions as value objects (built by ``audit.catalog`` from versioned YAML).

A checklist version is immutable: an inspection pins key, version and the file's sha256
and is scored, rendered and reported with that version forever. Everything that decides
the assessment — how an answer scores, whether "not applicable" is allowed, which failures
are signs that the desk works only on paper, the thresholds and their basis — is data in
the version, read here into plain objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from .errors import N_
from .vnnumber import number, percent


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


class BasisKind(StrEnum):
    LAW = "law"  # the threshold is set by a legal text
    PROPOSAL = "proposal"  # the inspection team's own proposal (đề xuất của Đoàn kiểm tra)


BASIS_LABELS = {BasisKind.LAW: N_("set by law"), BasisKind.PROPOSAL: N_("the inspection team's proposal")}


@dataclass(frozen=True)
class Basis:
    """Why a threshold has the value it has."""

    kind: BasisKind
    note: str = ""
    doc: str | None = None  # a law basis names its document in the register of legal documents
    ref: str = ""  # and the article, clause or point


@dataclass(frozen=True)
class Citation:
    """Where an item rests in a document of the register: the key, then article, clause and point (or the
    section of a directive, the appendix and form of a circular), and what the provision is about."""

    doc: str
    confidence: Confidence
    article: tuple[int, ...] = ()
    clause: int | None = None
    point: str | None = None
    section: str | None = None
    appendix: str | None = None
    form: str | None = None
    about: str = ""

    @property
    def location(self) -> str:
        """The place in the document as Vietnamese documents write it, smallest unit first: "điểm a khoản 2
        Điều 9", "Điều 7, Điều 8", "mục 3", "Mẫu số 01 Phụ lục I"; empty when the citation names none."""
        parts = []
        if self.form:
            parts.append(f"Mẫu số {self.form}")
        if self.point:
            parts.append(f"điểm {self.point}")
        if self.clause is not None:
            parts.append(f"khoản {self.clause}")
        if self.article:
            parts.append(", ".join(f"Điều {n}" for n in self.article))
        if self.section:
            parts.append(f"mục {self.section}")
        if self.appendix:
            parts.append(f"Phụ lục {self.appendix}")
        return " ".join(parts)

    @property
    def ref(self) -> str:
        """Location and subject for the screen: "Điều 9 — người đứng đầu …"."""
        return " — ".join(part for part in (self.location, self.about) if part)


@dataclass(frozen=True)
class Condition:
    """``<item> <op> <value>``; ``item`` ``None`` means the item itself."""

    op: str
    value: float | str
    item: str | None = None


@dataclass(frozen=True)
class Scoring:
    """How a raw answer maps to a score in [0, 1].

    ``linear``: 1 at ``full_at``, 0 at ``zero_at``, in proportion between (either direction), so
    a small change in the answer makes a small change in the score. ``ratio`` applies the same
    to ``100 × value / <denominator item>``. ``yes_no_na`` and ``rating_0_2`` score 1/0 and
    value/2; ``input`` and ``text`` are not scored.
    """

    type: str  # yes_no_na | rating_0_2 | linear | ratio | input | text
    full_at: float | None = None
    zero_at: float | None = None
    denominator: str | None = None
    basis: Basis | None = None


class NaRule(StrEnum):
    NEVER = "never"  # the item can always be checked: "not applicable" is refused
    ALLOWED = "allowed"  # "not applicable" is a legitimate answer
    WHEN = "when"  # allowed only while the conditions hold (e.g. no late dossiers)


@dataclass(frozen=True)
class NaPolicy:
    rule: NaRule = NaRule.NEVER
    when: tuple[Condition, ...] = ()


class SignalKind(StrEnum):
    """What a failing item means beyond its score: its consequence for the verdict."""

    DECISIVE = "decisive"  # on its own the worst outcome (integrity failures: harassment, falsified records…)
    LIMITING = "limiting"  # rules out the best outcome (a prohibited act such as alcohol at work)
    REALITY = "reality"  # a sign that what the unit shows is for show: counts in points


SIGNAL_LABELS = {
    SignalKind.DECISIVE: N_("decisive if failed"),
    SignalKind.LIMITING: N_("prohibited act"),
    SignalKind.REALITY: N_("sign of formality"),
}


@dataclass(frozen=True)
class SignalRule:
    """When the item raises a signal, and what kind. ``when`` empty: whenever the item fails (score < 1)."""

    kind: SignalKind
    points: int = 0
    when: tuple[Condition, ...] = ()
    basis: Basis | None = None


@dataclass(frozen=True)
class Item:
    id: str
    section: str
    text: str
    answer_type: AnswerType
    weight: float
    scoring: Scoring
    citations: tuple[Citation, ...] = ()
    critical: bool = False  # must be answered before the inspection can be submitted or concluded
    na: NaPolicy = field(default_factory=NaPolicy)
    signal: SignalRule | None = None
    finding: str = ""  # the finding statement, declarative, with {value}/{<item id>}/{sample_size} placeholders
    requirement: str = ""  # what the unit must do, imperative
    guidance: str = ""
    evidence: str = ""
    sample_metric: str | None = None
    reported_metric: str | None = None  # this item holds a figure the unit reports (e.g. on_time_rate)
    params: tuple[tuple[str, object], ...] = ()

    @property
    def scored(self) -> bool:
        return self.weight > 0 and self.scoring.type not in ("input", "text")

    @property
    def na_allowed(self) -> bool:
        """Whether "not applicable" can ever be an answer (some items allow it only in circumstances)."""
        return self.na.rule is not NaRule.NEVER

    @property
    def formality_signal(self) -> bool:
        """A failure of this item is a sign about the desk's reality or integrity (shown as such)."""
        return self.signal is not None and self.signal.kind in (SignalKind.DECISIVE, SignalKind.REALITY)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: tuple[Item, ...]
    scored: bool = True


class Scale(StrEnum):
    """Which set of outcomes a checklist's assessment uses."""

    ONE_STOP = "one_stop"  # thực chất / thực chất một phần / yếu / hình thức
    DIRECTIVE_26 = "directive_26"  # chấp hành tốt / còn vi phạm / vi phạm nghiêm trọng


@dataclass(frozen=True)
class AssessmentRules:
    """The thresholds of the assessment, carried by each checklist version with their basis."""

    scale: Scale
    min_coverage: float  # share of the applicable weight that must be answered (0–1)
    good_from: float  # performance score from which the desk performs well
    poor_below: float  # performance score below which it performs poorly
    partial_from_points: int  # reality points from which the verdict is at best the partial outcome
    formal_from_points: int  # reality points from which what the desk shows is not real
    sample_minimum: int  # dossiers a sample needs before it may fill in items or contradict figures
    sample_population_item: str | None  # item holding the dossiers received (a smaller population suffices)
    confidence: float  # of the interval that decides whether the sample contradicts a reported rate
    basis: Basis


@dataclass(frozen=True)
class Checklist:
    key: str
    version: int
    title: str
    status: str
    legal_regime: str
    valid_from: date
    valid_to: date | None
    legal_basis: tuple[str, ...]  # register keys of the documents the version rests on
    sections: tuple[Section, ...]
    rules: AssessmentRules | None
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

    def has_item(self, item_id: str) -> bool:
        return any(item.id == item_id for item in self.items)

    def section_title(self, key: str) -> str:
        return next((s.title for s in self.sections if s.key == key), key)

    def cited_documents(self) -> tuple[str, ...]:
        """Register keys the version rests on or cites, in order of first mention."""
        keys = list(self.legal_basis) + [c.doc for item in self.items for c in item.citations]
        return tuple(dict.fromkeys(keys))

    def applies_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


#: Labels of the stored answer codes (message ids, translated where shown).
ANSWER_LABELS = {"yes": N_("Pass"), "no": N_("Fail"), "na": N_("Not applicable")}
RATING_LABELS = {"0": N_("0 — not met"), "1": N_("1 — partly met"), "2": N_("2 — met")}


def answer_choices(item: Item) -> tuple[tuple[str, str], ...]:
    """The buttons an item offers: (stored value, untranslated label); "not applicable" only where allowed."""
    if item.answer_type is AnswerType.YES_NO_NA:
        values = ("yes", "no", "na")
    elif item.answer_type is AnswerType.RATING_0_2:
        values = ("0", "1", "2", "na")
    else:
        return ()
    labels = {**ANSWER_LABELS, **RATING_LABELS}
    return tuple((v, labels[v]) for v in values if v != "na" or item.na.rule is not NaRule.NEVER)


def answer_label(item: Item, raw: str | None, translate=lambda message: message) -> str:
    """How a stored answer reads: "Đạt", "Không áp dụng", "85 %", "1.147", "1 — đạt một phần"; "—" for none.

    ``translate`` turns a message id into the reader's language (Vietnamese in documents)."""
    if raw is None or raw == "":
        return "—"
    if raw in ANSWER_LABELS and item.answer_type is not AnswerType.TEXT:
        return translate(ANSWER_LABELS[raw])
    if item.answer_type is AnswerType.RATING_0_2:
        return translate(RATING_LABELS.get(raw, raw))
    if item.answer_type in (AnswerType.PERCENTAGE, AnswerType.NUMBER):
        try:
            value = float(raw)
        except ValueError:
            return raw
        return percent(value) if item.answer_type is AnswerType.PERCENTAGE else number(value, 2)
    return raw
