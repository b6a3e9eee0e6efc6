from datetime import date

import pytest

from audit.domain.errors import InvalidInput
from audit.domain.review import HeadStats, attention_order, parse_period, rate, sparkline


@pytest.mark.parametrize(
    "text, start, end, label",
    [("2019", date(2019, 1, 1), date(2019, 12, 31), "2019"),
     ("2019-q1", date(2019, 1, 1), date(2019, 3, 31), "Quý I/2019"),
     ("2019-Q2", date(2019, 4, 1), date(2019, 6, 30), "Quý II/2019"),
     ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31), "Quý I/2024"),
     ("2019-Q4", date(2019, 10, 1), date(2019, 12, 31), "Quý IV/2019")],
)
def test_periods(text, start, end, label):
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize("text", ["19", "2019-Q5", "năm 2019", "1899", ""])
def test_bad_periods(text):
    with pytest.raises(InvalidInput):
        parse_period(text)


def test_sparkline_scales_scores():
    assert sparkline([]) == ""
    assert sparkline([100, 0], width=10, height=10) == "2.0,2.0 8.0,8.0"
    assert len(sparkline([50]).split()) == 2


def test_attention_order_and_rates():
    def head(name, findings, repeats, overdue, formal):
        return HeadStats(1, name, "t", "u", date(2019, 1, 1), None, findings, repeats, overdue, formal)

    ordered = attention_order([head("A", 9, 0, 0, 0), head("B", 1, 0, 3, 0), head("C", 2, 2, 0, 1)])
    assert [h.person_name for h in ordered] == ["B", "C", "A"]
    assert rate(1, 3) == 33.3 and rate(0, 0) is None
