from datetime import date

import pytest

from audit.domain.errors import NotAllowed
from audit.domain.remediation import (
    TRANSITIONS,
    Action,
    InvalidTransition,
    Party,
    State,
    check_extension,
    next_state,
    reminder_kind,
    standing,
)

UNIT, TEAM, LEAD, CHAIR = (frozenset({p}) for p in (Party.UNIT, Party.TEAM, Party.LEAD, Party.CHAIRMAN))
ALL_PARTIES = [UNIT, TEAM, LEAD, CHAIR]


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("party", ALL_PARTIES, ids=["unit", "team", "lead", "chairman"])
def test_every_state_action_party(state, action, party):
    entry = TRANSITIONS.get((state, action))
    if entry is None:
        with pytest.raises(InvalidTransition):
            next_state(state, action, party)
    elif party & entry[1]:
        assert next_state(state, action, party) is entry[0]
    else:
        with pytest.raises(NotAllowed):
            next_state(state, action, party)


@pytest.mark.parametrize(
    "state, action, party, result",
    [
        (State.OPEN, Action.RESPOND, UNIT, State.RESPONDED),
        (State.RETURNED, Action.RESPOND, UNIT, State.RESPONDED),
        (State.RESPONDED, Action.ACCEPT, TEAM, State.ACCEPTED),
        (State.RESPONDED, Action.RETURN, LEAD, State.RETURNED),
        (State.OPEN, Action.SET_DEADLINE, CHAIR, State.OPEN),
    ],
)
def test_the_loop(state, action, party, result):
    assert next_state(state, action, party) is result


def test_closed_items_refuse_everything_with_a_clear_reason():
    with pytest.raises(InvalidTransition) as err:
        next_state(State.ACCEPTED, Action.RESPOND, UNIT)
    assert "closed" in str(err.value)


def test_extension_bookkeeping():
    check_extension(Action.REQUEST_EXTENSION, pending=False)
    with pytest.raises(InvalidTransition):
        check_extension(Action.REQUEST_EXTENSION, pending=True)
    with pytest.raises(InvalidTransition):
        check_extension(Action.GRANT_EXTENSION, pending=False)


@pytest.mark.parametrize(
    "state, deadline, today, overdue, soon, kind",
    [
        (State.OPEN, date(2019, 3, 20), date(2019, 3, 21), True, False, "overdue"),
        (State.OPEN, date(2019, 3, 20), date(2019, 3, 20), False, True, "due_soon"),
        (State.RETURNED, date(2019, 3, 20), date(2019, 3, 17), False, True, "due_soon"),
        (State.OPEN, date(2019, 3, 20), date(2019, 3, 16), False, False, None),
        (State.RESPONDED, date(2019, 3, 20), date(2019, 4, 1), False, False, None),
        (State.ACCEPTED, date(2019, 3, 20), date(2019, 4, 1), False, False, None),
    ],
)
def test_overdue_is_derived(state, deadline, today, overdue, soon, kind):
    status = standing(state, deadline, today)
    assert (status.overdue, status.due_soon) == (overdue, soon)
    assert reminder_kind(state, deadline, today) == kind


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("party", ALL_PARTIES, ids=["unit", "team", "lead", "chairman"])
@pytest.mark.parametrize("pending", [False, True])
def test_available_actions_agree_with_the_table(state, party, pending):
    from audit.domain.remediation import available_actions

    expected = set()
    for action in Action:
        try:
            next_state(state, action, party)
            check_extension(action, pending)
        except (InvalidTransition, NotAllowed):
            continue
        expected.add(action)
    assert available_actions(state, party, pending) == expected
