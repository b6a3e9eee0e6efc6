"""Golden cases: what an experienced inspector would conclude, on the shipped checklists.

Each case starts from a model desk written out answer by answer below, changes what the inspector
found, and states the verdict an inspector would sign and why. The expected verdicts are written
here, literally; nothing is computed from the checklist's own weights or thresholds. The rules they
pin, in the inspector's words:

- harassment, money or papers demanded beyond the rules, falsified or backdated records, dossiers
  kept outside the register and the system, and a reported on-time rate the sample contradicts
  are never "thực chất": the desk is "hình thức" whatever its score;
- a prohibited act (alcohol at work) rules out "thực chất";
- signs that the desk works for show (an empty counter, outdated postings, late dossiers without
  apologies, an unused rating device and an empty evaluation box, figures that do not match) add
  up: one sign is a finding, two strong ones rule out "thực chất", many make the desk "hình thức";
- a desk that works for real but poorly is "yếu", never "hình thức";
- gaps are never silently passed: critical items unanswered, "không áp dụng" where it cannot apply
  or a dossier sample below its minimum give "chưa đủ căn cứ";
- small changes in the answers make small changes in the score (no cliff at 30 dossiers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest

from audit.catalog import DEFAULT_ROOT, get_catalog
from audit.domain.assessment import ReportedRate, assess
from audit.domain.errors import DomainError
from audit.domain.sampling import SampledDossier
from audit.domain.scoring import normalise_answer

DAY = date(2019, 11, 20)
DAY_2026 = date(2026, 12, 3)

# A model one-stop desk under Decree 61 (checklist one-stop-desk v1), every item answered by hand except
# the five the dossier sample answers (D01, D05, E10, F01 and, when a sampled dossier is late, E04).
MODEL_DESK = {
    "A01": "yes", "A02": "yes", "A03": "100", "A04": "yes", "A05": "yes", "A06": "yes", "A07": "yes", "A08": "2",
    "A09": "yes", "A10": "yes",
    "B01": "yes", "B02": "2", "B03": "yes", "B04": "yes", "B05": "yes", "B06": "yes", "B07": "yes", "B08": "yes",
    "C01": "yes", "C02": "100", "C03": "2", "C04": "yes", "C05": "yes", "C06": "yes",
    "D02": "100", "D03": "yes", "D04": "yes", "D07": "95", "D08": "yes", "D09": "yes",
    # the system shows 99 % on time; 2 dossiers were late in the period, each with an apology letter
    "E01": "99", "E02": "2", "E03": "2", "E04": "100", "E05": "yes", "E06": "0", "E07": "100", "E08": "95",
    "E09": "412",
    "F02": "35", "F03": "100", "F04": "2",
    "G01": "yes", "G02": "160", "G03": "95", "G04": "100", "G05": "yes", "G06": "yes", "G07": "100",
    "H01": "yes", "H02": "yes", "H03": "100", "H04": "yes", "H05": "yes", "H06": "yes", "H07": "2", "H08": "yes",
    "Z01": "Bộ phận hoạt động nền nếp.",
}
CRITICAL_V1 = ("A02", "A09", "C02", "D01", "D08", "E02", "E04", "E07", "H05")

MODEL_OFFICE_D26 = {
    "A01": "100", "A02": "yes", "A03": "yes", "A04": "yes", "B01": "100", "B02": "yes", "B03": "yes",
    "C01": "2", "C02": "yes", "C03": "2", "C04": "yes", "D01": "yes", "D02": "yes", "D03": "yes",
    "E01": "yes", "E02": "2", "E03": "yes", "E04": "100", "F01": "yes", "F02": "yes", "F03": "yes",
}


def sample(n=12, late=0, apologised=True, outside=0, not_in_system=0, slips_missing=0):
    """``n`` sampled dossiers: the first ``late`` returned five days late (with an apology letter when
    ``apologised``), the last ``outside`` in neither the register nor the system, the last
    ``not_in_system`` only in the paper register, the first ``slips_missing`` without a complete Mẫu 05."""
    rows = []
    for i in range(n):
        due = DAY - timedelta(days=15 + 3 * i)
        late_one = i < late
        register = i < n - outside
        system = i < n - max(outside, not_in_system)
        rows.append(SampledDossier(f"000.00.22.H37-{i:04d}", "ho_tich", due - timedelta(days=5), due,
                                   due + timedelta(days=5) if late_one else due - timedelta(days=1), register, system,
                                   i >= slips_missing, late_one and apologised))
    return rows


@dataclass
class Case:
    name: str
    why: str
    expected: str
    changes: dict = field(default_factory=dict)
    without: tuple = ()
    dossiers: list = field(default_factory=sample)
    reported: float | None = None
    checklist: str = "one-stop-desk/v1"
    base: dict = field(default_factory=lambda: MODEL_DESK)
    reason: str | None = None  # a reason code the verdict must state


SLOW_BUT_HONEST = {
    "A03": "60", "A04": "no", "A05": "no", "A06": "no", "A08": "0", "A10": "no", "B01": "no", "B02": "0",
    "B03": "no", "B04": "no", "B08": "no", "C01": "no", "C03": "0", "C04": "no", "C05": "no", "D02": "60",
    "D03": "no", "D09": "no", "E01": "58", "E02": "31", "E03": "31", "E04": "100", "E05": "no", "E06": "7",
    "E08": "40", "F02": "0", "F04": "0", "G01": "no", "G03": "60", "G04": "50", "G05": "no", "G07": "na",
    "H01": "no", "H02": "no", "H03": "70", "H04": "no", "H06": "no", "H07": "0", "H08": "no",
}

CASES = [
    # ------------------------------------------------------------ the model desk and small slips stay "thực chất"
    Case("model desk", "everything in order, a sample of 12 dossiers on time", "substantive"),
    Case("no badge", "one officer without a badge is a finding, not a verdict", "substantive", {"A04": "no"}),
    Case("camera broken", "a broken camera is a repair, not formality", "substantive", {"B06": "no"}),
    Case("untidy dress", "a small slip", "substantive", {"A05": "no"}),
    Case("smoking in the hall", "a small slip against Directive 26", "substantive", {"H06": "no"}),
    Case("curt manner", "attitude partly met", "substantive", {"A08": "1"}),
    Case("hotline not posted", "a posting missing", "substantive", {"C04": "no"}),
    Case("one late in the sample", "1 of 12 late against a reported 99 % is chance, not a contradiction",
         "substantive", dossiers=sample(late=1)),
    Case("paperwork and equipment only", "missing papers and devices are findings; citizens are still served in "
         "substance (the review rejected 'partly' here)", "substantive",
         {"A01": "no", "A10": "no", "B05": "no", "B06": "no", "B08": "no", "G05": "no", "H01": "no"}),
    Case("zero evaluations, 29 dossiers", "an empty evaluation box is one sign, not a verdict", "substantive",
         {"G02": "0", "E09": "29"}),
    Case("zero evaluations, 30 dossiers", "the same as 29: no cliff", "substantive", {"G02": "0", "E09": "30"}),
    Case("whole population sampled", "the desk received only 9 dossiers and all 9 were checked", "substantive",
         {"E09": "9", "G02": "4"}, dossiers=sample(9)),
    Case("small sample, answered by hand", "the inspector checked ten dossiers and entered the figures",
         "substantive", {"D01": "100", "D05": "100", "E10": "100", "F01": "100"}, dossiers=sample(3)),
    # ------------------------------------------------------------ integrity failures are never "thực chất"
    Case("harassment and alcohol", "money demanded at the counter is harassment; alcohol adds a prohibited act",
         "formal", {"A09": "no", "H05": "no"}, reason="decisive"),
    Case("harassment alone", "money or papers demanded beyond the rules", "formal", {"A09": "no"}, reason="decisive"),
    Case("backdating and a contradicted rate", "40 % of dates backdated; 6 of 10 on time against a reported 99 %",
         "formal", {"E07": "60"}, dossiers=sample(10, late=4), reason="reported_rate"),
    Case("backdating alone", "one dossier in ten with dates changed in the system", "formal", {"E07": "90"},
         reason="decisive"),
    Case("contradicted rate alone", "6 of 10 on time, the unit's system says 99 %", "formal",
         dossiers=sample(10, late=4), reason="reported_rate"),
    Case("contradicted by imported statistics", "no figure noted on site; the province's statistics say 98.5 %",
         "formal", without=("E01",), dossiers=sample(10, late=4), reported=98.5, reason="reported_rate"),
    Case("15 % outside register and system", "2 of 12 sampled dossiers in neither (the review's rejected case)",
         "formal", dossiers=sample(outside=2), reason="decisive"),
    Case("handled outside the desk", "citizens say they file land dossiers at the department", "formal",
         {"D08": "no"}, reason="decisive"),
    Case("poor and dishonest", "a poor desk that also backdates is formal, not merely weak", "formal",
         {**SLOW_BUT_HONEST, "E07": "80"}, dossiers=sample(late=5)),
    # ------------------------------------------------------------ a prohibited act rules out "thực chất"
    Case("alcohol at work", "drinking at lunch on a working day is prohibited by Directive 26", "partly_substantive",
         {"H05": "no"}, reason="limiting"),
    # ------------------------------------------------------------ signs of formality add up
    Case("empty counter", "nobody at the counter in office hours: a strong sign, not yet a verdict on its own",
         "partly_substantive", {"A02": "no"}, reason="partial_points"),
    Case("outdated postings", "3 of 10 posted procedures repealed", "partly_substantive", {"C02": "70"},
         reason="partial_points"),
    Case("apologies for 20 % of late dossiers", "late dossiers without apologies is a known sign (review case)",
         "partly_substantive", {"E02": "10", "E03": "2", "E04": "20"}, reason="partial_points"),
    Case("rating device unused and box empty", "equipment for show and no evaluation at all", "partly_substantive",
         {"B07": "no", "G02": "0"}, reason="partial_points"),
    Case("paper desk", "nobody at the counter and outdated postings", "formal", {"A02": "no", "C02": "55"},
         reason="formal_points"),
    Case("late without apologies, empty counter", "two strong signs together", "formal",
         {"A02": "no", "E02": "6", "E03": "0", "E04": "0"}, reason="formal_points"),
    Case("figures for show", "portal statuses, system coverage, reports and old recommendations do not match",
         "formal", {"F01": "85", "F03": "60", "G06": "no", "G07": "30", "B07": "no"}, reason="formal_points"),
    Case("old recommendations ignored", "one sign: a repeat finding, not a verdict", "substantive", {"G07": "30"}),
    # ------------------------------------------------------------ a poor but honest desk is "yếu", not "hình thức"
    Case("slow but honest", "many shortcomings and 31 late dossiers, every one recorded and apologised for",
         "weak", SLOW_BUT_HONEST, dossiers=sample(late=5)),
    Case("slow, honest, counter empty", "poor and one strong sign: still weak, not formal", "weak",
         {**SLOW_BUT_HONEST, "A02": "no"}, dossiers=sample(late=5)),
    Case("fair desk", "several real shortcomings, nothing for show", "partly_substantive",
         {"A03": "60", "A08": "1", "B02": "0", "B03": "no", "C03": "1", "D02": "80", "E01": "85", "E06": "3",
          "E08": "70", "F04": "0", "G01": "no", "H03": "80", "H07": "1"}),
    # ------------------------------------------------------------ gaps give "chưa đủ căn cứ"
    Case("all critical items blank", "nothing decisive was checked (the review's rejected case)",
         "insufficient_evidence", without=CRITICAL_V1, reason="missing_critical"),
    Case("N/A where it cannot apply", "A02, D08, G02, E04, D01, C02 marked not applicable (review case)",
         "insufficient_evidence",
         {"A02": "na", "D08": "na", "G02": "na", "E04": "na", "D01": "na", "C02": "na"}, reason="na_refused"),
    Case("apologies N/A with late dossiers", "E04 'not applicable' while 6 dossiers were late", "insufficient_evidence",
         {"E02": "6", "E04": "na"}, reason="na_refused"),
    Case("sample of 3", "three dossiers prove nothing either way; D01 and E04 have no basis", "insufficient_evidence",
         without=("E04",), dossiers=sample(3), reason="sample_too_small"),
    Case("half the checklist", "coverage far below what a conclusion needs", "insufficient_evidence",
         without=tuple(k for k in MODEL_DESK if k[0] in "BFGH"), reason="coverage"),
    # ------------------------------------------------------------ Decree 118 (v2): the same judgement
    Case("v2 model centre", "everything in order", "substantive", {"D10": "yes"}, checklist="one-stop-desk/v2",
         dossiers=sample()),
    Case("v2 harassment", "papers demanded beyond the rules", "formal", {"D10": "yes", "A09": "no"},
         checklist="one-stop-desk/v2"),
    Case("v2 papers asked again", "asking again for a digitised paper is a finding", "substantive", {"D10": "no"},
         checklist="one-stop-desk/v2"),
    Case("v2 contradicted rate", "6 of 10 on time against 99 %", "formal", {"D10": "yes"},
         checklist="one-stop-desk/v2", dossiers=sample(10, late=4)),
    # ------------------------------------------------------------ Directive 26: its own outcomes
    Case("d26 model office", "discipline kept", "good_compliance", checklist="directive-26/v1", base=MODEL_OFFICE_D26,
         dossiers=[]),
    Case("d26 small slips", "a few officers without badges, one untidy", "good_compliance",
         {"B01": "80", "B02": "no"}, checklist="directive-26/v1", base=MODEL_OFFICE_D26, dossiers=[]),
    Case("d26 harassment", "an officer harassed a citizen", "serious_violations", {"C02": "no"},
         checklist="directive-26/v1", base=MODEL_OFFICE_D26, dossiers=[], reason="decisive"),
    Case("d26 alcohol", "drinking at lunch on a working day", "serious_violations", {"D01": "no"},
         checklist="directive-26/v1", base=MODEL_OFFICE_D26, dossiers=[]),
    Case("d26 gambling", "an officer gambling", "serious_violations", {"C04": "no"}, checklist="directive-26/v1",
         base=MODEL_OFFICE_D26, dossiers=[]),
    Case("d26 violations not handled", "earlier violations left without any handling", "violations",
         {"E03": "no"}, checklist="directive-26/v1", base=MODEL_OFFICE_D26, dossiers=[]),
    Case("d26 lax office", "absent without leave and private business in working hours break the directive",
         "violations", {"A01": "80", "A02": "no", "A03": "no", "F01": "no"}, checklist="directive-26/v1",
         base=MODEL_OFFICE_D26, dossiers=[], reason="limiting"),
    Case("d26 private business only", "one officer on social media at the desk: the directive is broken",
         "violations", {"A03": "no"}, checklist="directive-26/v1", base=MODEL_OFFICE_D26, dossiers=[]),
    Case("d26 discipline collapsed", "most requirements failed", "serious_violations",
         {"A01": "60", "A02": "no", "A03": "no", "B01": "50", "B02": "no", "B03": "no", "C01": "0", "C03": "0",
          "D02": "no", "E01": "no", "E02": "0", "F01": "no", "F02": "no"}, checklist="directive-26/v1",
         base=MODEL_OFFICE_D26,
         dossiers=[]),
    Case("d26 critical item blank", "nobody checked for alcohol", "insufficient_evidence", without=("D01",),
         checklist="directive-26/v1", base=MODEL_OFFICE_D26, dossiers=[]),
]


def _run(case: Case):
    key, _, version = case.checklist.partition("/v")
    checklist = get_catalog(DEFAULT_ROOT).get(key, int(version))
    answers = {k: v for k, v in {**case.base, **case.changes}.items() if k not in case.without}
    reported = ReportedRate(case.reported, "statistics") if case.reported is not None else None
    day = DAY_2026 if key == "one-stop-desk" and version == "2" else DAY
    dossiers = [SampledDossier(d.code, d.field, d.received - (DAY - day), d.due - (DAY - day),
                               d.returned - (DAY - day) if d.returned else None, d.in_register, d.in_system,
                               d.control_slip_complete, d.apology_issued) for d in case.dossiers]
    return assess(checklist, answers, inspection_day=day, sample=dossiers, statistics=reported)


def test_there_are_at_least_forty_golden_cases():
    assert len(CASES) >= 40 and len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Case):
    result = _run(case)
    assert result.verdict.value == case.expected, (case.why, result.card.score, [r.text() for r in result.reasons])
    if case.reason:
        assert case.reason in [r.code for r in result.reasons], [r.code for r in result.reasons]
    # every verdict states its reasons, the last one saying what the verdict means
    assert result.reasons and result.reasons[-1].code == "conclusion"


def test_integrity_failures_are_never_substantive_whatever_else_is_perfect():
    for item_id, value in (("A09", "no"), ("D08", "no"), ("E07", "99")):
        case = Case("x", "x", "formal", {item_id: value})
        assert _run(case).verdict.value == "formal", item_id


def test_no_cliff_between_29_and_30_dossiers_without_evaluations():
    at_29 = _run(Case("29", "", "", {"G02": "0", "E09": "29"}))
    at_30 = _run(Case("30", "", "", {"G02": "0", "E09": "30"}))
    assert at_29.verdict == at_30.verdict and abs(at_29.card.score - at_30.card.score) < 0.5


def test_a_poor_but_honest_desk_and_a_paper_desk_are_told_apart():
    honest = _run(Case("h", "", "", SLOW_BUT_HONEST, dossiers=sample(late=5)))
    paper = _run(Case("p", "", "", {"A02": "no", "C02": "55", "D08": "no"}))
    assert honest.verdict.value == "weak" and paper.verdict.value == "formal"
    assert honest.card.score < paper.card.score  # the honest desk scores lower, yet is not "hình thức"


def test_na_on_an_item_that_can_never_be_na_is_refused_when_saved():
    checklist = get_catalog(DEFAULT_ROOT).get("one-stop-desk", 1)
    for item_id in ("A02", "D08", "G02", "D01", "C02"):
        with pytest.raises(DomainError):
            normalise_answer(checklist.item(item_id), "na")
    assert normalise_answer(checklist.item("E04"), "na") == "na"  # allowed only when no dossier was late


def test_findings_name_the_measured_value_not_the_question():
    from audit.domain.findings import derive_findings

    result = _run(Case("x", "", "", {"A03": "85", "A04": "no"}))
    drafts = {d.item_id: d for d in derive_findings(result, {}, DAY)}
    assert drafts["A03"].statement == ("Chỉ 85 % công chức theo văn bản phân công có mặt đúng vị trí khi kiểm tra "
                                       "(yêu cầu 100 %).")
    assert drafts["A04"].statement == "Công chức làm việc tại quầy không đeo thẻ công chức, viên chức."
    assert drafts["A04"].requirement.startswith("Yêu cầu công chức đeo thẻ")
    for draft in drafts.values():
        assert not draft.statement.endswith("?") and not draft.requirement.endswith("?")
