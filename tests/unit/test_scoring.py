"""Scoring, verdicts and finding derivation, table-driven over every branch."""

from datetime import date

import pytest

from audit.domain.checklist import AnswerType, Checklist, Citation, Condition, Confidence, Item, Scoring, Section, VerdictRules
from audit.domain.errors import DomainError
from audit.domain.findings import Severity, derive_findings, raised
from audit.domain.scoring import critical_failure, item_score, normalise_answer, round_score, score
from audit.domain.verdicts import Verdict, decide

YN = Scoring("yes_no_na")
RULES = VerdictRules(min_coverage=0.8, formal_below_score=50, formal_from_formality=40,
                     substantive_from_score=80, substantive_up_to_formality=15)


def item(id, kind=AnswerType.YES_NO_NA, weight=1, scoring=YN, **kw):
    return Item(id=id, section=id[0], text=f"Yêu cầu {id}", answer_type=kind, weight=weight, scoring=scoring, **kw)


A1 = item("A01", weight=2, formality_signal=True)
A2 = item("A02", weight=5, critical=True, fails_when=(Condition("eq", "no"),), formality_signal=True,
          citations=(Citation("CT-26/2016", "mục 3", Confidence.PARTLY),))
B1 = item("B01", AnswerType.PERCENTAGE, 4, Scoring("threshold", 95, 80))
B2 = item("B02", AnswerType.NUMBER, 2, Scoring("threshold", 0, 3, better="lower"))
B3 = item("B03", AnswerType.RATING_0_2, 3, Scoring("rating_0_2"))
C1 = item("C01", AnswerType.NUMBER, 0, Scoring("input"))
C2 = item("C02", AnswerType.NUMBER, 3, Scoring("ratio", 30, 0.01, denominator="C01"), formality_signal=True,
          critical=True, fails_when=(Condition("eq", 0), Condition("ge", 30, item="C01")))
Z1 = item("Z01", AnswerType.TEXT, 0, Scoring("text"))
CHECKLIST = Checklist(
    key="t", version=1, title="t", status="published", legal_regime="nd61_2018", valid_from=date(2018, 1, 1),
    valid_to=None, documents=(("CT-26/2016", "Chỉ thị 26"),), verdict=RULES,
    sections=(Section("A", "A", (A1, A2)), Section("B", "B", (B1, B2, B3)), Section("C", "C", (C1, C2)),
              Section("Z", "Z", (Z1,), scored=False)),
)
ALL_GOOD = {"A01": "yes", "A02": "yes", "B01": "100", "B02": "0", "B03": "2", "C01": "100", "C02": "40",
            "Z01": "Tốt"}


@pytest.mark.parametrize(
    "it, answers, expected",
    [
        (A1, {"A01": "yes"}, 1.0), (A1, {"A01": "no"}, 0.0), (A1, {"A01": "na"}, None), (A1, {}, None),
        (B1, {"B01": "95"}, 1.0), (B1, {"B01": "94.9"}, 0.5), (B1, {"B01": "80"}, 0.5), (B1, {"B01": "79.9"}, 0.0),
        (B2, {"B02": "0"}, 1.0), (B2, {"B02": "3"}, 0.5), (B2, {"B02": "4"}, 0.0),
        (B3, {"B03": "0"}, 0.0), (B3, {"B03": "1"}, 0.5), (B3, {"B03": "2"}, 1.0),
        (C2, {"C02": "30", "C01": "100"}, 1.0), (C2, {"C02": "1", "C01": "100"}, 0.5),
        (C2, {"C02": "0", "C01": "100"}, 0.0), (C2, {"C02": "5", "C01": "0"}, None), (C2, {"C02": "5"}, None),
        (C1, {"C01": "5"}, None), (Z1, {"Z01": "x"}, None),
    ],
)
def test_item_score(it, answers, expected):
    assert item_score(it, answers) == expected


@pytest.mark.parametrize(
    "it, raw, expected",
    [(A1, " YES ", "yes"), (A1, "na", "na"), (B1, "95,50", "95.5"), (B1, "100", "100"), (B1, "0", "0"),
     (B3, "2", "2"), (B3, "2.0", "2"), (C1, "12", "12"), (Z1, "  Nhận xét  ", "Nhận xét"), (B1, "NA", "na")],
)
def test_normalise_answer(it, raw, expected):
    assert normalise_answer(it, raw) == expected


@pytest.mark.parametrize(
    "it, raw",
    [(A1, "maybe"), (A1, ""), (B1, "101"), (B1, "-1"), (B1, "abc"), (B1, "nan"), (B1, "inf"), (B3, "3"),
     (B3, "1.5"), (C1, "-2"), (C1, "2.5"), (Z1, "x" * 5001)],
)
def test_wrong_type_or_out_of_range_is_refused(it, raw):
    with pytest.raises(DomainError):
        normalise_answer(it, raw)


@pytest.mark.parametrize("value, expected", [(79.95, 80.0), (79.94, 79.9), (66.66666, 66.7), (0.05, 0.1), (100, 100.0)])
def test_rounding_is_half_up_to_one_decimal(value, expected):
    assert round_score(value) == expected


def test_all_good_scores_100_and_is_substantive():
    card = score(CHECKLIST, ALL_GOOD)
    assert card.score == 100.0 and card.coverage == 1.0 and card.formality_index == 0.0
    assert [s.score for s in card.sections] == [100.0, 100.0, 100.0, None]
    result = decide(card, RULES)
    assert result.verdict is Verdict.SUBSTANTIVE and result.reasons[0].code == "substantive"


def test_section_scores_use_weights():
    card = score(CHECKLIST, {**ALL_GOOD, "B01": "85", "B02": "5", "B03": "1"})
    # B: (4×0.5 + 2×0 + 3×0.5) / 9 = 38.88… → 38.9
    assert card.section("B").score == 38.9
    # overall: A 7×1 + B 3.5 + C 3×1 = 13.5 / 19 = 71.05… → 71.1
    assert card.score == 71.1


def test_all_na_section_has_no_score_and_does_not_count():
    card = score(CHECKLIST, {**ALL_GOOD, "B01": "na", "B02": "na", "B03": "na"})
    assert card.section("B").score is None
    assert card.coverage == 1.0 and card.score == 100.0


def test_everything_na_is_incomplete():
    answers = {k: "na" for k in ALL_GOOD}
    card = score(CHECKLIST, answers)
    assert card.score is None and card.coverage == 0.0
    assert decide(card, RULES).verdict is Verdict.INCOMPLETE


def test_low_coverage_is_incomplete_with_reason():
    card = score(CHECKLIST, {"A01": "yes", "A02": "yes"})  # 7 of 19 weight
    result = decide(card, RULES)
    assert result.verdict is Verdict.INCOMPLETE
    assert result.reasons[0].params == {"coverage": "36.8", "min": "80"}


def test_coverage_boundary_is_inclusive():
    # applicable weight 19; leaving out B02 (weight 2) and C02 (3) → 14/19 = 0.737; B02 only → 17/19 = 0.895
    assert decide(score(CHECKLIST, {k: v for k, v in ALL_GOOD.items() if k not in ("B02", "C02")}),
                  RULES).verdict is Verdict.INCOMPLETE
    assert decide(score(CHECKLIST, {k: v for k, v in ALL_GOOD.items() if k != "B02"}), RULES).verdict \
        is Verdict.SUBSTANTIVE


def test_critical_failure_forces_formal_whatever_the_score():
    card = score(CHECKLIST, {**ALL_GOOD, "A02": "no"})
    result = decide(card, RULES)
    assert card.critical_failures == ("A02",)
    assert result.verdict is Verdict.FORMAL
    assert [r.code for r in result.reasons][0] == "critical"


def test_critical_condition_across_items():
    assert critical_failure(C2, {"C02": "0", "C01": "30"})
    assert not critical_failure(C2, {"C02": "0", "C01": "29"})
    assert not critical_failure(C2, {"C02": "0"})
    assert not critical_failure(C2, {"C02": "na", "C01": "100"})


@pytest.mark.parametrize(
    "answers, verdict, codes",
    [
        # 6.5 / 19 = 34.2 < 50; formality (2 + 1.5) / 10 = 35 < 40
        ({"B01": "0", "B02": "9", "B03": "0", "A01": "no", "C02": "1"}, Verdict.FORMAL, ["low_score"]),
        # 14 / 19 = 73.7 < 80 and formality 35 > 15
        ({"A01": "no", "C02": "1", "B03": "1"}, Verdict.PARTIAL, ["partial_score", "partial_formality"]),
        # 17 / 19 = 89.5 but formality 20 > 15
        ({"A01": "no"}, Verdict.PARTIAL, ["partial_formality"]),
        # 13.5 / 19 = 71.1 < 80, formality 0
        ({"B03": "1", "B01": "0"}, Verdict.PARTIAL, ["partial_score"]),
        # 10 / 19 = 52.6: just above the formal limit
        ({"B01": "0", "B02": "9", "B03": "0"}, Verdict.PARTIAL, ["partial_score"]),
    ],
)
def test_threshold_branches(answers, verdict, codes):
    card = score(CHECKLIST, {**ALL_GOOD, **answers})
    result = decide(card, RULES)
    assert result.verdict is verdict, (card.score, card.formality_index)
    assert [r.code for r in result.reasons] == codes


def test_formality_index_alone_makes_formal():
    # formality items: A01 (2), A02 (5), C02 (3). Fail A01 and half C02: (2 + 1.5) / 10 = 35 → partial;
    card = score(CHECKLIST, {**ALL_GOOD, "A01": "no", "C02": "1"})
    assert card.formality_index == 35.0
    rules = VerdictRules(0.8, 50, 35, 80, 15)
    result = decide(card, rules)
    assert result.verdict is Verdict.FORMAL and [r.code for r in result.reasons] == ["high_formality"]


def test_score_exactly_at_substantive_limit():
    rules = VerdictRules(0.8, 50, 40, 100, 0)
    assert decide(score(CHECKLIST, ALL_GOOD), rules).verdict is Verdict.SUBSTANTIVE


def test_derived_findings_severity_repeat_deadline():
    card = score(CHECKLIST, {**ALL_GOOD, "A02": "no", "B01": "85", "B03": "1"})
    drafts = derive_findings(CHECKLIST, card, {"A02": "Không có ai ở quầy lúc 13:40"}, date(2019, 3, 5),
                             failed_last_time={"B01"})
    by_item = {d.item_id: d for d in drafts}
    assert set(by_item) == {"A02", "B01", "B03"}
    assert by_item["A02"].severity is Severity.HIGH and by_item["A02"].deadline == date(2019, 3, 20)
    assert by_item["A02"].formality_signal and by_item["A02"].observation.startswith("Không có ai")
    assert "mục 3 (Chỉ thị 26)" in by_item["A02"].legal_basis
    assert by_item["B01"].repeat and by_item["B01"].severity is Severity.MEDIUM
    assert by_item["B03"].severity is Severity.LOW and by_item["B03"].deadline == date(2019, 4, 19)


def test_raise_caps_at_high():
    assert raised(Severity.LOW) is Severity.MEDIUM and raised(Severity.HIGH) is Severity.HIGH
