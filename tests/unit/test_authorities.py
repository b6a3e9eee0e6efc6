"""Inspecting authorities as an inspector states them: the district inspected its communes until 30/06/2025;
the city inspects all its communes after, reading as history the units they succeed; a commune's chairman
inspects that commune only; an ended authority's open work passes to its successor."""

import random
from datetime import date

from audit.domain.authorities import (
    NOT_IN_FORCE,
    OUTSIDE,
    Authority,
    in_charge,
    jurisdiction,
    planning_problems,
    readable,
    reads_unit,
)
from audit.domain.people import addressed
from audit.domain.units import lies_within, subtree

# units: 1 district, 2 old commune (under 1), 3 its desk; 10 city, 20 new commune (succeeds 2), 21 its centre;
# 30 another new commune
PARENT = {1: None, 2: 1, 3: 2, 10: None, 20: 10, 21: 20, 30: 10}
PREDECESSORS = {20: [2], 21: [3]}
DISTRICT = Authority(1, "NG", "UBND huyện", 1, None, date(2025, 6, 30), successor_id=2)
CITY = Authority(2, "DN", "UBND thành phố", 10, date(2025, 7, 1), None, reads_predecessors=True)
COMMUNE = Authority(3, "DN-20", "UBND xã", 20, date(2025, 7, 1), None)
BY_ID = {a.id: a for a in (DISTRICT, CITY, COMMUNE)}


def test_jurisdiction_is_the_subtree_and_only_the_city_reads_history():
    assert jurisdiction(DISTRICT, PARENT) == {1, 2, 3}
    assert jurisdiction(CITY, PARENT) == {10, 20, 21, 30}
    assert readable(CITY, PARENT, PREDECESSORS) == {10, 20, 21, 30, 2, 3}
    assert readable(COMMUNE, PARENT, PREDECESSORS) == {20, 21}  # a commune chairman: their commune only
    assert 1 not in readable(CITY, PARENT, PREDECESSORS)  # the district itself is nobody's predecessor



def _successors(predecessors: dict[int, list[int]]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for successor, earlier in predecessors.items():
        for predecessor in earlier:
            found.setdefault(predecessor, []).append(successor)
    return found


def test_one_unit_is_read_exactly_when_the_whole_readable_set_holds_it():
    # the check made for one record (walking up from its unit) against the set a list is filtered by, on the
    # example and on random trees with successions, cycles of succession included
    cases = [(PARENT, PREDECESSORS)]
    rng = random.Random(18)
    for _ in range(300):
        ids = list(range(1, rng.randint(2, 25)))
        parent = {u: (rng.choice(ids[:i]) if i and rng.random() < 0.8 else None) for i, u in enumerate(ids)}
        predecessors: dict[int, list[int]] = {}
        for _ in range(rng.randint(0, 6)):
            predecessors.setdefault(rng.choice(ids), []).append(rng.choice(ids))
        cases.append((parent, predecessors))
    for parent, predecessors in cases:
        successors = _successors(predecessors)
        for root in parent:
            for reads in (False, True):
                authority = Authority(9, "X", "X", root, None, None, reads_predecessors=reads)
                whole = readable(authority, parent, predecessors)
                for unit in parent:
                    assert reads_unit(authority, unit, parent, successors) == (unit in whole), (parent, predecessors)
                    assert lies_within(unit, root, parent) == (unit in subtree(root, parent))
        assert not reads_unit(CITY, 999, parent, successors)  # a unit the tree does not hold

def test_the_authority_in_charge_follows_the_successor_once_the_first_has_ended():
    assert in_charge(DISTRICT, date(2019, 11, 20), BY_ID) is DISTRICT
    assert in_charge(DISTRICT, date(2025, 6, 30), BY_ID) is DISTRICT
    assert in_charge(DISTRICT, date(2025, 7, 1), BY_ID) is CITY
    assert in_charge(COMMUNE, date(2025, 6, 1), BY_ID) is None  # before it existed, nobody acts for it


def test_planning_is_refused_outside_the_period_or_the_jurisdiction_and_accepted_inside():
    assert planning_problems(DISTRICT, 3, date(2019, 5, 14), PARENT) == []
    assert planning_problems(DISTRICT, 3, date(2025, 7, 1), PARENT) == [NOT_IN_FORCE]
    assert planning_problems(CITY, 3, date(2026, 1, 5), PARENT) == [OUTSIDE]  # history is read, not inspected
    assert planning_problems(COMMUNE, 30, date(2026, 1, 5), PARENT) == [OUTSIDE]
    assert planning_problems(COMMUNE, 21, date(2026, 1, 5), PARENT) == []


def test_people_are_named_with_their_honorific_and_never_ong_ba():
    assert addressed("ong", "Nguyễn Văn Sáu") == "Ông Nguyễn Văn Sáu"
    assert addressed("ba", "Alăng Thị Hoa") == "Bà Alăng Thị Hoa"
    assert addressed(None, "Alăng Thị Hoa") == "Alăng Thị Hoa"
