from datetime import UTC, date, datetime, timedelta

import pytest

from audit.domain.accounts import password_problem, username_problem
from audit.domain.throttle import PASSWORD_CHANGE, PER_PAIR, lockout_remaining
from audit.domain.units import UnitKind, UnitRef, has_cycle, placement_problems, subtree
from audit.domain.vndate import long_date, parse_date, place_and_date, short_date, short_datetime

NOW = datetime(2019, 3, 5, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2019, 3, 5), "ngày 05 tháng 3 năm 2019"),
        (date(2020, 2, 12), "ngày 12 tháng 02 năm 2020"),
        (date(2020, 1, 31), "ngày 31 tháng 01 năm 2020"),
        (date(2019, 12, 1), "ngày 01 tháng 12 năm 2019"),
    ],
)
def test_long_date_follows_decree_30(day, expected):
    assert long_date(day) == expected


def test_short_formats_and_local_time():
    assert short_date(date(2019, 3, 5)) == "05/03/2019"
    assert short_datetime(NOW) == "09:00 05/03/2019"  # UTC+7
    assert place_and_date("Nam Giang", date(2019, 3, 5)) == "Nam Giang, ngày 05 tháng 3 năm 2019"


@pytest.mark.parametrize("text", ["05/03/2019", "2019-03-05", " 5/3/2019 "])
def test_parse_date_accepts_vietnamese_and_iso(text):
    assert parse_date(text) == date(2019, 3, 5)


@pytest.mark.parametrize("text", ["31/02/2019", "2019/03/05", "hôm nay", ""])
def test_parse_date_refuses_the_rest(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_throttle_locks_after_five_recent_failures_and_releases():
    failures = [NOW - timedelta(minutes=m) for m in (1, 2, 3, 4)]
    assert lockout_remaining(failures, NOW, PASSWORD_CHANGE) is None
    failures.append(NOW)
    assert lockout_remaining(failures, NOW, PASSWORD_CHANGE) == timedelta(minutes=15)
    assert lockout_remaining(failures, NOW + timedelta(minutes=16), PASSWORD_CHANGE) is None
    old = [NOW - timedelta(hours=1, minutes=m) for m in range(10)]
    assert lockout_remaining(old, NOW, PASSWORD_CHANGE) is None


def test_a_login_pair_waits_longer_after_each_further_failure_up_to_fifteen_minutes():
    """Five failures: one minute; each further failure doubles it: 2, 4, 8, then never more than 15."""
    failures = [NOW - timedelta(seconds=10 * n) for n in range(4)]
    assert lockout_remaining(failures, NOW, PER_PAIR) is None
    for extra, minutes in ((0, 1), (1, 2), (2, 4), (3, 8), (4, 15), (8, 15)):
        more = failures + [NOW - timedelta(seconds=40 + n) for n in range(1 + extra)]
        assert lockout_remaining(more, NOW, PER_PAIR) == timedelta(minutes=minutes), extra


@pytest.mark.parametrize(
    "password, problem",
    [("short", True), ("aaaaaaaaaaaa", True), ("x" * 129, True), ("admin-is-here-2019", True),
     ("NamGiang@2019", False)],
)
def test_password_rules(password, problem):
    assert (password_problem(password, "admin") is not None) is problem


@pytest.mark.parametrize("name, ok", [("donvi-la-ee", True), ("ab", False), ("Chủ tịch", False), ("a b c", False)])
def test_username_rules(name, ok):
    assert (username_problem(name) is None) is ok


def test_placement_rules():
    district = UnitRef("NG", UnitKind.DISTRICT, None, date(2025, 6, 30))
    desk = UnitRef("NG-MC", UnitKind.DISTRICT_DESK, None, date(2025, 6, 30))
    assert placement_problems(desk, district) == []
    assert placement_problems(UnitRef("X", UnitKind.COMMUNE_DESK, None, date(2025, 6, 30)), district)
    assert placement_problems(UnitRef("X", UnitKind.DEPARTMENT, None, None), district)  # outlives parent
    assert placement_problems(UnitRef("X", UnitKind.DISTRICT_DESK, None, None), None)  # needs a parent


def test_subtree_and_cycles():
    parent_of = {1: None, 2: 1, 3: 2, 4: None}
    assert subtree(1, parent_of) == {1, 2, 3}
    assert subtree(4, parent_of) == {4}
    assert has_cycle({"A": "B", "B": "A", "C": None}) == {"A", "B"}
