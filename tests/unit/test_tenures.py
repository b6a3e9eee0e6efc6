from datetime import date

import pytest

from audit.domain.errors import TenureConflict
from audit.domain.tenures import Tenure, check_no_overlap, head_on, plan_appointment

A = Tenure("Bríu Quân", "Chủ tịch UBND xã", date(2016, 7, 1), None, id=1)


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2016, 6, 30), None),
        (date(2016, 7, 1), "Bríu Quân"),
        (date(2019, 8, 14), "Bríu Quân"),
        (date(2019, 8, 15), "Alăng Thị Hoa"),
        (date(2030, 1, 1), "Alăng Thị Hoa"),
    ],
)
def test_head_on_date_follows_history(day, expected):
    closed = Tenure("Bríu Quân", "Chủ tịch UBND xã", date(2016, 7, 1), date(2019, 8, 14), id=1)
    current = Tenure("Alăng Thị Hoa", "Chủ tịch UBND xã", date(2019, 8, 15), None, id=2)
    found = head_on([closed, current], day)
    assert (found.person_name if found else None) == expected


def test_new_current_head_ends_open_tenure_the_day_before():
    plan = plan_appointment([A], Tenure("Alăng Thị Hoa", "Chủ tịch UBND xã", date(2019, 8, 15)))
    assert plan.closes == A
    assert plan.closes_on == date(2019, 8, 14)


def test_first_head_closes_nothing():
    plan = plan_appointment([], A)
    assert plan.closes is None and plan.new == A


@pytest.mark.parametrize(
    "new",
    [
        Tenure("X", "t", date(2016, 7, 1)),  # same start as the open tenure
        Tenure("X", "t", date(2015, 1, 1)),  # open tenure starting before the current one
        Tenure("X", "t", date(2017, 1, 1), date(2017, 12, 31)),  # closed tenure inside the open one
    ],
)
def test_overlapping_tenure_is_refused_with_the_name_in_the_way(new):
    with pytest.raises(TenureConflict) as err:
        plan_appointment([A], new)
    assert err.value.params["name"] == "Bríu Quân"
    assert err.value.params["start"] == "01/07/2016"


def test_historical_tenure_before_current_head_is_accepted():
    plan = plan_appointment([A], Tenure("Clâu Blao", "Chủ tịch UBND xã", date(2011, 1, 1), date(2016, 6, 30)))
    assert plan.closes is None


def test_end_before_start_is_refused():
    with pytest.raises(TenureConflict):
        plan_appointment([], Tenure("X", "t", date(2020, 1, 2), date(2020, 1, 1)))


def test_check_no_overlap_lists_pairs():
    b = Tenure("B", "t", date(2018, 1, 1), None)
    c = Tenure("C", "t", date(2010, 1, 1), date(2012, 1, 1))
    assert check_no_overlap([A, b, c]) == [(A, b)]
