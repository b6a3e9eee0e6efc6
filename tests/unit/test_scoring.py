"""The mechanics of scoring and assessment on a small made-up checklist: every rule stated literally.

The golden cases in ``test_golden_verdicts.py`` judge the real checklists as an inspector would; these
tests pin each mechanism (continuous scoring, N/A policy, signals and their caps, the sample minimum,
the reported-vs-sample test, findings) with numbers worked out by hand.
"""

from datetime import date, timedelta

import pytest

from audit.domain.assessment import ReportedRate, assess, render, render_reason
from audit.domain.checklist import (
    AnswerType,
    AssessmentRules,
    Basis,
    BasisKind,
    Checklist,
    Citation,
    Condition,
    Confidence,
    Item,
    NaPolicy,
    NaRule,
    Scale,
    Scoring,
    Section,
    SignalKind,
    SignalRule,
    answer_choices,
    answer_label,
)
from audit.domain.errors import DomainError
from audit.domain.findings import Severity, derive_findings, raised
from audit.domain.sampling import SampledDossier
from audit.domain.scoring import item_score, na_refusal, normalise_answer, round_score, score
from audit.domain.verdicts import Verdict

PROPOSAL = Basis(BasisKind.PROPOSAL, "test")
YN = Scoring("yes_no_na")
NEVER, ALLOWED = NaPolicy(NaRule.NEVER), NaPolicy(NaRule.ALLOWED)


def rules(scale=Scale.ONE_STOP, **kw):
    base = dict(scale=scale, min_coverage=0.8, good_from=80, poor_below=50, partial_from_points=2,
                formal_from_points=4, sample_minimum=10, sample_population_item="C01", confidence=0.95,
                basis=PROPOSAL)
    return AssessmentRules(**{**base, **kw})


def item(id, kind=AnswerType.YES_NO_NA, weight=1, scoring=YN, na=NEVER, **kw):
    return Item(id=id, section=id[0], text=f"Yêu cầu {id}", answer_type=kind, weight=weight, scoring=scoring, na=na,
                finding=kw.pop("finding", f"Không đạt {id}."), requirement=kw.pop("requirement", f"Khắc phục {id}."),
                **kw)


A1 = item("A01", weight=2)
A2 = item("A02", weight=5, critical=True, signal=SignalRule(SignalKind.REALITY, points=2),
          citations=(Citation("CT-26/2016", Confidence.PARTLY, section="3"),))
A3 = item("A03", weight=3, critical=True, signal=SignalRule(SignalKind.DECISIVE))
B1 = item("B01", AnswerType.PERCENTAGE, 4, Scoring("linear", 100, 50, basis=PROPOSAL),
          finding="Chỉ {value} đạt (yêu cầu 100 %).")
B2 = item("B02", AnswerType.NUMBER, 2, Scoring("linear", 0, 4, basis=PROPOSAL), finding="Còn {value} hồ sơ.")
B3 = item("B03", AnswerType.RATING_0_2, 3, Scoring("rating_0_2"), na=ALLOWED, signal=SignalRule(SignalKind.LIMITING))
C1 = item("C01", AnswerType.NUMBER, 0, Scoring("input"))
C2 = item("C02", AnswerType.NUMBER, 1, Scoring("ratio", 30, 0, denominator="C01", basis=PROPOSAL),
          signal=SignalRule(SignalKind.REALITY, 1, (Condition("eq", 0), Condition("gt", 0, item="C01")), PROPOSAL),
          finding="{value} lượt trên {C01} hồ sơ.")
C3 = item("C03", AnswerType.PERCENTAGE, 2, Scoring("linear", 100, 40, basis=PROPOSAL), critical=True,
          na=NaPolicy(NaRule.WHEN, (Condition("eq", 0, item="C04"),)), sample_metric="apology_coverage")
C4 = item("C04", AnswerType.NUMBER, 0, Scoring("input"))
C5 = item("C05", AnswerType.PERCENTAGE, 2, Scoring("linear", 95, 75, basis=PROPOSAL), sample_metric="on_time_rate")
C6 = item("C06", AnswerType.PERCENTAGE, 1, Scoring("linear", 95, 75, basis=PROPOSAL), reported_metric="on_time_rate")
Z1 = item("Z01", AnswerType.TEXT, 0, Scoring("text"), finding="", requirement="")
CHECKLIST = Checklist(
    key="t", version=1, title="t", status="published", legal_regime="nd61_2018", valid_from=date(2018, 1, 1),
    valid_to=None, legal_basis=("CT-26/2016",), rules=rules(),
    sections=(Section("A", "A", (A1, A2, A3)), Section("B", "B", (B1, B2, B3)),
              Section("C", "C", (C1, C2, C3, C4, C5, C6)), Section("Z", "Z", (Z1,), scored=False)),
)
DAY = date(2019, 6, 1)
ALL_GOOD = {"A01": "yes", "A02": "yes", "A03": "yes", "B01": "100", "B02": "0", "B03": "2", "C01": "100",
            "C02": "40", "C03": "100", "C04": "2", "C05": "100", "C06": "99", "Z01": "Tốt"}


def run(answers, **kw):
    return assess(kw.pop("checklist", CHECKLIST), answers, inspection_day=DAY, **kw)


def dossiers(n, late=0):
    """``n`` sampled dossiers, the first ``late`` of them returned two days after their due date."""
    result = []
    for i in range(n):
        due = DAY - timedelta(days=20 + i)
        result.append(SampledDossier(f"HS-{i}", "ho_tich", due - timedelta(days=3), due,
                                     due + timedelta(days=2) if i < late else due, True, True, True, i < late))
    return result


# ---------------------------------------------------------------- item scores: continuous, no cliffs


@pytest.mark.parametrize(
    "it, answers, expected",
    [
        (A1, {"A01": "yes"}, 1.0), (A1, {"A01": "no"}, 0.0), (B3, {"B03": "na"}, None), (A1, {}, None),
        # linear from 50 (0 points) to 100 (full points)
        (B1, {"B01": "100"}, 1.0), (B1, {"B01": "75"}, 0.5), (B1, {"B01": "50"}, 0.0), (B1, {"B01": "20"}, 0.0),
        (B1, {"B01": "90"}, 0.8),
        # lower is better: 0 late is full, 4 or more is nothing
        (B2, {"B02": "0"}, 1.0), (B2, {"B02": "1"}, 0.75), (B2, {"B02": "4"}, 0.0), (B2, {"B02": "9"}, 0.0),
        (B3, {"B03": "0"}, 0.0), (B3, {"B03": "1"}, 0.5), (B3, {"B03": "2"}, 1.0),
        # ratio: 100 × value / C01, full at 30 %
        (C2, {"C02": "30", "C01": "100"}, 1.0), (C2, {"C02": "15", "C01": "100"}, 0.5),
        (C2, {"C02": "0", "C01": "100"}, 0.0), (C2, {"C02": "5", "C01": "0"}, None), (C2, {"C02": "5"}, None),
        (C1, {"C01": "5"}, None), (Z1, {"Z01": "x"}, None),
    ],
)
def test_item_score(it, answers, expected):
    assert item_score(it, answers) == expected


def test_a_small_change_in_an_answer_makes_a_small_change_in_the_score():
    previous = score(CHECKLIST, {**ALL_GOOD, "B01": "50"}).score
    for tenth in range(501, 1001):
        current = score(CHECKLIST, {**ALL_GOOD, "B01": str(tenth / 10)}).score
        # B01 is 4 of 25 applicable weight: 0.1 point of B01 moves the score by 4/25 × 0.2 = 0.032 (shown to 0.1)
        assert 0 <= current - previous <= 0.1 + 1e-9
        previous = current


@pytest.mark.parametrize(
    "it, raw, expected",
    [(A1, " YES ", "yes"), (B3, "na", "na"), (B1, "95,50", "95.5"), (B1, "100", "100"), (B1, "0", "0"),
     (B1, "66,666", "66.67"), (B3, "2", "2"), (B3, "2.0", "2"), (C1, "12", "12"), (Z1, "  Nhận xét  ", "Nhận xét")],
)
def test_normalise_answer(it, raw, expected):
    assert normalise_answer(it, raw) == expected


@pytest.mark.parametrize(
    "it, raw",
    [(A1, "maybe"), (A1, ""), (B1, "101"), (B1, "-1"), (B1, "abc"), (B1, "nan"), (B1, "inf"), (B3, "3"),
     (B3, "1.5"), (C1, "-2"), (C1, "2.5"), (Z1, "x" * 5001), (B1, "1e-999999"), (C1, "1" * 40),
     # "not applicable" refused where the item never allows it
     (A1, "na"), (B1, "NA"), (A2, "na")],
)
def test_wrong_type_out_of_range_or_forbidden_na_is_refused(it, raw):
    with pytest.raises(DomainError):
        normalise_answer(it, raw)


@pytest.mark.parametrize("value, expected", [(79.95, 80.0), (79.94, 79.9), (66.66666, 66.7), (0.05, 0.1), (100, 100.0)])
def test_rounding_is_half_up_to_one_decimal(value, expected):
    assert round_score(value) == expected


def test_na_allowed_only_while_its_condition_holds():
    assert na_refusal(C3, {"C03": "na", "C04": "0"}) is None
    assert na_refusal(C3, {"C03": "na"}) is None  # nothing contradicts it yet
    assert na_refusal(C3, {"C03": "na", "C04": "3"}).item == "C04"


# ---------------------------------------------------------------- the assessment


def test_all_good_is_substantive_with_full_coverage():
    result = run(ALL_GOOD)
    assert result.card.score == 100.0 and result.card.coverage == 1.0 and result.card.na_share == 0.0
    assert result.verdict is Verdict.SUBSTANTIVE and result.signals == ()
    assert [r.code for r in result.reasons] == ["performance", "conclusion"]


def test_section_scores_use_weights():
    card = score(CHECKLIST, {**ALL_GOOD, "B01": "75", "B02": "2", "B03": "1"})
    # B: (4×0.5 + 2×0.5 + 3×0.5) / 9 = 50
    assert card.section("B").score == 50.0
    # overall: A 10 + B 4.5 + C (1 + 2 + 2 + 1) = 20.5 / 25 = 82
    assert card.score == 82.0


def test_na_share_and_coverage():
    card = score(CHECKLIST, {**ALL_GOOD, "B03": "na"})
    assert card.na_share == round(3 / 25, 4) and card.coverage == 1.0


def test_a_decisive_failure_makes_the_worst_outcome_whatever_the_score():
    result = run({**ALL_GOOD, "A03": "no"})
    assert result.card.score == 88.0  # 22 of 25
    assert result.verdict is Verdict.FORMAL
    assert result.reasons[0].code == "decisive" and result.reasons[0].params["item"] == "A03"


def test_a_decisive_failure_decides_even_with_gaps():
    result = run({"A03": "no"})
    assert result.verdict is Verdict.FORMAL
    assert "missing_critical" in [r.code for r in result.reasons]


def test_a_limiting_failure_rules_out_the_best_outcome_only():
    assert run({**ALL_GOOD, "B03": "0"}).verdict is Verdict.PARTLY_SUBSTANTIVE
    assert run({**ALL_GOOD, "B03": "1"}).verdict is Verdict.PARTLY_SUBSTANTIVE


@pytest.mark.parametrize(
    "changes, points, verdict",
    [
        ({"C02": "0"}, 1, Verdict.SUBSTANTIVE),  # one point: no cap
        ({"A02": "no"}, 2, Verdict.PARTLY_SUBSTANTIVE),  # two points: at best partly substantive
        ({"A02": "no", "C02": "0"}, 3, Verdict.PARTLY_SUBSTANTIVE),
    ],
)
def test_reality_points_cap_the_verdict(changes, points, verdict):
    result = run({**ALL_GOOD, **changes})
    assert result.reality_points == points and result.verdict is verdict


def test_four_reality_points_make_the_worst_outcome():
    checklist = Checklist(**{**CHECKLIST.__dict__, "rules": rules(formal_from_points=3)})
    result = run({**ALL_GOOD, "A02": "no", "C02": "0"}, checklist=checklist)
    assert result.reality_points == 3 and result.verdict is Verdict.FORMAL
    assert "formal_points" in [r.code for r in result.reasons]


def test_a_signal_with_conditions_fires_only_when_all_hold():
    assert run({**ALL_GOOD, "C02": "0", "C01": "0"}).reality_points == 0
    assert run({**ALL_GOOD, "C02": "0"}).reality_points == 1
    assert run({**ALL_GOOD, "C02": "3"}).reality_points == 0


@pytest.mark.parametrize(
    "changes, verdict",
    [
        ({"B01": "50", "B02": "4", "A01": "no"}, Verdict.PARTLY_SUBSTANTIVE),  # 17 / 25 = 68
        ({"B01": "50", "B02": "4", "A01": "no", "C03": "40", "C05": "75", "C06": "75"}, Verdict.WEAK),  # 12/25 = 48
    ],
)
def test_performance_levels_without_signals(changes, verdict):
    assert run({**ALL_GOOD, **changes}).verdict is verdict


def test_poor_and_capped_is_weak_but_poor_and_not_real_is_formal():
    poor = {"B01": "50", "B02": "4", "A01": "no", "C03": "40", "C05": "75", "C06": "75"}
    assert run({**ALL_GOOD, **poor, "A02": "no"}).verdict is Verdict.WEAK
    assert run({**ALL_GOOD, **poor, "A03": "no"}).verdict is Verdict.FORMAL


def test_gaps_give_insufficient_evidence():
    missing = {k: v for k, v in ALL_GOOD.items() if k != "A02"}
    result = run(missing)
    assert result.verdict is Verdict.INSUFFICIENT_EVIDENCE and result.missing_critical == ("A02",)
    low = run({"A02": "yes", "A03": "yes", "C03": "100"})
    assert low.verdict is Verdict.INSUFFICIENT_EVIDENCE and "coverage" in [r.code for r in low.reasons]


def test_coverage_boundary_is_inclusive():
    # applicable 25; dropping B02 (2) leaves 23/25 = 0.92; dropping B01 and B02 leaves 19/25 = 0.76
    assert run({k: v for k, v in ALL_GOOD.items() if k != "B02"}).verdict is Verdict.SUBSTANTIVE
    assert run({k: v for k, v in ALL_GOOD.items() if k not in ("B01", "B02")}).verdict \
        is Verdict.INSUFFICIENT_EVIDENCE


def test_na_where_the_circumstances_forbid_it_counts_as_unanswered():
    result = run({**ALL_GOOD, "C03": "na", "C04": "3"})
    assert result.refused_na == ("C03",) and result.missing_critical == ("C03",)
    assert result.verdict is Verdict.INSUFFICIENT_EVIDENCE
    assert run({**ALL_GOOD, "C03": "na", "C04": "0"}).verdict is Verdict.SUBSTANTIVE


def test_directive_26_scale_names_the_levels():
    checklist = Checklist(**{**CHECKLIST.__dict__, "rules": rules(Scale.DIRECTIVE_26)})
    assert run(ALL_GOOD, checklist=checklist).verdict is Verdict.GOOD_COMPLIANCE
    assert run({**ALL_GOOD, "B03": "0"}, checklist=checklist).verdict is Verdict.VIOLATIONS
    assert run({**ALL_GOOD, "A03": "no"}, checklist=checklist).verdict is Verdict.SERIOUS_VIOLATIONS


# ---------------------------------------------------------------- the dossier sample


def test_below_the_minimum_the_sample_answers_nothing():
    answers = {k: v for k, v in ALL_GOOD.items() if k not in ("C03", "C05")}
    small = run(answers, sample=dossiers(9))
    assert small.insufficient == ("C03", "C05") and "C05" not in small.answers
    assert "sample_too_small" in [r.code for r in small.reasons]
    enough = run(answers, sample=dossiers(10))
    assert enough.insufficient == () and enough.answers["C05"] == "100"


def test_a_smaller_population_lowers_the_minimum():
    answers = {**{k: v for k, v in ALL_GOOD.items() if k not in ("C03", "C05")}, "C01": "6", "C02": "2"}
    assert run(answers, sample=dossiers(6)).answers["C05"] == "100"
    assert run(answers, sample=dossiers(5)).insufficient == ("C03", "C05")


def test_the_inspector_answer_wins_over_the_sample():
    result = run({**ALL_GOOD, "C05": "80"}, sample=dossiers(10, late=5))
    assert result.answers["C05"] == "80" and result.sources["C05"] == "inspector"


def test_apologies_with_no_late_dossier_in_the_sample_are_na_only_when_the_period_had_none():
    answers = {k: v for k, v in ALL_GOOD.items() if k not in ("C03", "C05")}
    assert run({**answers, "C04": "0"}, sample=dossiers(10)).answers["C03"] == "na"
    late_in_period = run({**answers, "C04": "3"}, sample=dossiers(10))
    assert "C03" not in late_in_period.answers and late_in_period.missing_critical == ("C03",)


@pytest.mark.parametrize(
    "size, on_time, reported, contradicts",
    [
        (10, 6, 99.0, True),  # 95 % interval of 6/10 is 26.2–87.8 %
        (10, 9, 99.0, False),  # 9/10: 55.5–99.7 % — one late dossier in ten is chance at 99 %
        (10, 9, 99.8, True),
        (10, 10, 100.0, False),
        (20, 15, 90.0, False),  # 75 %: interval up to 91.3 %
        (20, 15, 95.0, True),
    ],
)
def test_the_sample_contradicts_a_reported_rate_only_beyond_chance(size, on_time, reported, contradicts):
    answers = {k: v for k, v in ALL_GOOD.items() if k not in ("C05", "C06")}
    result = run(answers, sample=dossiers(size, late=size - on_time), reported=ReportedRate(reported, "given"))
    assert result.comparison.contradicts is contradicts
    assert (result.verdict is Verdict.FORMAL) == contradicts


def test_a_contradiction_is_decisive_and_uses_the_figure_noted_on_site():
    answers = {k: v for k, v in ALL_GOOD.items() if k != "C05"}
    result = run({**answers, "C06": "99"}, sample=dossiers(10, late=4))
    assert result.comparison.reported.source == "on_site" and result.comparison.contradicts
    assert result.verdict is Verdict.FORMAL and result.reasons[0].code == "reported_rate"
    # no comparison below the minimum sample
    assert run({**answers, "C06": "99"}, sample=dossiers(9, late=4)).comparison is None


def test_imported_statistics_are_used_only_when_no_figure_was_noted_on_site():
    answers = {k: v for k, v in ALL_GOOD.items() if k not in ("C05", "C06")}
    result = run(answers, sample=dossiers(10, late=4), statistics=ReportedRate(98.0, "statistics"))
    assert result.comparison.reported.source == "statistics"
    noted = run({**answers, "C06": "60"}, sample=dossiers(10, late=4), statistics=ReportedRate(98.0, "statistics"))
    assert noted.comparison.reported.source == "on_site" and not noted.comparison.contradicts


# ---------------------------------------------------------------- findings and words


def test_findings_state_what_is_wrong_with_the_measured_value():
    result = run({**ALL_GOOD, "A02": "no", "B01": "85", "B03": "1", "C02": "0"})
    drafts = derive_findings(result, {"A02": "Không có ai ở quầy lúc 13:40"}, DAY, failed_last_time={"B01"})
    by_item = {d.item_id: d for d in drafts}
    assert set(by_item) == {"A02", "B01", "B03", "C02"}
    assert by_item["B01"].statement == "Chỉ 85 % đạt (yêu cầu 100 %)." and by_item["B01"].requirement == "Khắc phục B01."
    assert by_item["C02"].statement == "0 lượt trên 100 hồ sơ."
    assert by_item["A02"].severity is Severity.MEDIUM and by_item["A02"].formality_signal
    assert by_item["A02"].observation.startswith("Không có ai") and "mục 3 (CT-26/2016)" in by_item["A02"].legal_basis
    assert by_item["B03"].severity is Severity.HIGH and not by_item["B03"].formality_signal  # a prohibited act
    assert by_item["B01"].repeat and by_item["B01"].severity is Severity.MEDIUM  # raised from low
    assert by_item["B01"].deadline == DAY + timedelta(days=30)


def test_a_contradiction_becomes_a_finding_on_the_reported_figure():
    answers = {k: v for k, v in ALL_GOOD.items() if k != "C05"}
    result = run(answers, sample=dossiers(10, late=4))
    drafts = {d.item_id: d for d in derive_findings(result, {}, DAY)}
    assert drafts["C06"].severity is Severity.HIGH
    assert "99 %" in drafts["C06"].statement and "6 hồ sơ đúng hạn" in drafts["C06"].statement


def test_items_without_a_basis_raise_no_finding():
    answers = {k: v for k, v in ALL_GOOD.items() if k not in ("C03", "C05")}
    drafts = derive_findings(run(answers, sample=dossiers(3, late=3)), {}, DAY)
    assert {d.item_id for d in drafts}.isdisjoint({"C03", "C05"})


def test_render_fills_measured_values_in_vietnamese_format():
    assert render("{value} và {C01}", B1, CHECKLIST, {"B01": "66.67", "C01": "1147"}) == "66,7 % và 1.147"
    assert render("{value}", B3, CHECKLIST, {"B03": "1"}) == "1/2"


def test_answers_read_as_labels_never_codes():
    assert answer_label(A1, "yes") == "Pass" and answer_label(A1, "na") == "Not applicable"
    assert answer_label(B1, "85") == "85 %" and answer_label(C1, "1147") == "1.147"
    assert answer_label(B3, "1") == "1 — partly met" and answer_label(B1, None) == "—"
    assert [v for v, _ in answer_choices(A1)] == ["yes", "no"] and [v for v, _ in answer_choices(B3)][-1] == "na"


def test_reasons_translate_labels_inside_them():
    result = run({**ALL_GOOD, "A03": "no"})
    vietnamese = {"Formal (on paper only)": "Hình thức"}
    text = render_reason(result.reasons[0].message, result.reasons[0].params, lambda m: vietnamese.get(m, m))
    assert "“Hình thức”" in text and text.startswith("A03 — Không đạt A03 — ")


def test_raise_caps_at_high():
    assert raised(Severity.LOW) is Severity.MEDIUM and raised(Severity.HIGH) is Severity.HIGH
