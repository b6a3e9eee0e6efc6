"""Remediation of findings: an explicit transition table, who may take each step, and derived deadlines.

States: open → responded → accepted (closed), or returned (open again, with the reason).
An extension request is pending beside the state until it is granted (new deadline, the old one
kept in the history) or refused. "Overdue" is never stored: it is derived from the deadline and
the current date in Viet Nam.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .errors import N_, DomainError, NotAllowed
from .policy import Permission

DUE_SOON_DAYS = 3


class State(StrEnum):
    OPEN = "open"
    RESPONDED = "responded"
    RETURNED = "returned"
    ACCEPTED = "accepted"


class Action(StrEnum):
    RESPOND = "respond"
    ACCEPT = "accept"
    RETURN = "return"
    REQUEST_EXTENSION = "request_extension"
    GRANT_EXTENSION = "grant_extension"
    REFUSE_EXTENSION = "refuse_extension"
    SET_DEADLINE = "set_deadline"


#: How each event of an item's history is named on its page and in the remediation report ("open": the item
#: was opened from a finding).
EVENT_LABELS = {
    "open": N_("Item opened"),
    Action.RESPOND: N_("The unit responded"),
    Action.ACCEPT: N_("Accepted and closed"),
    Action.RETURN: N_("Returned to the unit"),
    Action.REQUEST_EXTENSION: N_("Extension requested"),
    Action.GRANT_EXTENSION: N_("Extension granted"),
    Action.REFUSE_EXTENSION: N_("Extension refused"),
    Action.SET_DEADLINE: N_("Deadline changed"),
}


#: What each step has done, said to the person who took it (``%(date)s``: the item's deadline afterwards).
DONE_MESSAGES = {
    Action.RESPOND: N_("Your response is sent to the inspection team; the item waits for their verification."),
    Action.ACCEPT: N_("The item is closed: the remedy is accepted."),
    Action.RETURN: N_("The item is returned to the unit to be remedied again."),
    Action.REQUEST_EXTENSION: N_("Your request for an extension is sent; the deadline stays %(date)s until it is "
                                 "decided."),
    Action.GRANT_EXTENSION: N_("The extension is granted: the new deadline is %(date)s."),
    Action.REFUSE_EXTENSION: N_("The extension is refused: the deadline stays %(date)s."),
    Action.SET_DEADLINE: N_("The deadline is now %(date)s."),
}


class Party(StrEnum):
    """How the actor stands towards one item."""

    UNIT = "unit"  # a user of the responsible unit
    TEAM = "team"  # a member of the inspection team
    LEAD = "lead"  # the team lead
    CHAIRMAN = "chairman"


class InvalidTransition(DomainError):
    pass


#: What each state is called on screen and in documents.
STATE_LABELS = {
    State.OPEN: N_("Open"),
    State.RESPONDED: N_("Responded, awaiting verification"),
    State.RETURNED: N_("Returned: to be remedied again"),
    State.ACCEPTED: N_("Closed (accepted)"),
}

OPEN_STATES = frozenset({State.OPEN, State.RETURNED})
CLOSED_STATES = frozenset({State.ACCEPTED})
ACTIVE_STATES = frozenset({State.OPEN, State.RETURNED, State.RESPONDED})
TEAM = frozenset({Party.TEAM, Party.LEAD})

#: (state, action) → (next state, parties allowed). Extension steps keep the state.
TRANSITIONS: dict[tuple[State, Action], tuple[State, frozenset[Party]]] = {}
for _state in OPEN_STATES:
    TRANSITIONS[(_state, Action.RESPOND)] = (State.RESPONDED, frozenset({Party.UNIT}))
TRANSITIONS[(State.RESPONDED, Action.ACCEPT)] = (State.ACCEPTED, TEAM)
TRANSITIONS[(State.RESPONDED, Action.RETURN)] = (State.RETURNED, TEAM)
for _state in ACTIVE_STATES:
    TRANSITIONS[(_state, Action.REQUEST_EXTENSION)] = (_state, frozenset({Party.UNIT}))
    TRANSITIONS[(_state, Action.GRANT_EXTENSION)] = (_state, TEAM)
    TRANSITIONS[(_state, Action.REFUSE_EXTENSION)] = (_state, TEAM)
    TRANSITIONS[(_state, Action.SET_DEADLINE)] = (_state, frozenset({Party.LEAD, Party.CHAIRMAN}))


def next_state(state: State, action: Action, parties: frozenset[Party]) -> State:
    """The state after ``action`` by an actor standing as ``parties``; raises :class:`InvalidTransition`
    (not possible now, e.g. a closed item) or :class:`NotAllowed` (not this actor's step)."""
    try:
        target, allowed = TRANSITIONS[(state, action)]
    except KeyError:
        if state is State.ACCEPTED:
            raise InvalidTransition(N_("This item is closed; nothing more can be done on it.")) from None
        raise InvalidTransition(N_("This step is not possible in the item's current state.")) from None
    if not parties & allowed:
        raise NotAllowed(N_("You may not take this step on this item."))
    return target


def available_actions(state: State, parties: frozenset[Party], extension_pending: bool) -> frozenset[Action]:
    """The steps this actor may take on an item now: the transition table and the extension rule, in one place."""
    allowed = set()
    for (from_state, action), (_target, roles) in TRANSITIONS.items():
        if from_state is not state or not parties & roles:
            continue
        try:
            check_extension(action, extension_pending)
        except InvalidTransition:
            continue
        allowed.add(action)
    return frozenset(allowed)


def check_extension(action: Action, pending: bool) -> None:
    """One extension request at a time; a decision needs a pending request."""
    if action is Action.REQUEST_EXTENSION and pending:
        raise InvalidTransition(N_("An extension request is already waiting for a decision."))
    if action in (Action.GRANT_EXTENSION, Action.REFUSE_EXTENSION) and not pending:
        raise InvalidTransition(N_("There is no extension request to decide."))


def check_new_deadline(new: date, current: date, today: date) -> None:
    if new <= today:
        raise DomainError(N_("The new deadline must be after today."))
    if new == current:
        raise DomainError(N_("The new deadline is the same as the current one."))


@dataclass(frozen=True)
class Standing:
    """Deadline status of an item on a given day."""

    overdue: bool
    due_soon: bool
    days_left: int
    closed: bool = False  # accepted: nothing is owed and nothing more can be done


def standing(state: State, deadline: date, today: date) -> Standing:
    """Overdue when the unit still owes a response after the deadline; due soon within 3 days."""
    days_left = (deadline - today).days
    owes = state in OPEN_STATES
    return Standing(overdue=owes and days_left < 0, due_soon=owes and 0 <= days_left <= DUE_SOON_DAYS,
                    days_left=days_left, closed=state in CLOSED_STATES)


#: Where items stand on the remediation list, the most pressing first (one group per item).
GROUPS = ("overdue", "due_soon", "open", "responded", "closed")
#: What each group is called on the list.
GROUP_LABELS = {
    "overdue": N_("Overdue"),
    "due_soon": N_("Due within 3 days"),
    "open": N_("Open"),
    "responded": N_("Responded, awaiting verification"),
    "closed": N_("Closed"),
}


def group_of(state: State, deadline: date, today: date) -> str:
    """The list group of an item: closed, overdue, due within 3 days, responded, else open."""
    status = standing(state, deadline, today)
    if status.closed:
        return "closed"
    if status.overdue:
        return "overdue"
    if status.due_soon:
        return "due_soon"
    return "responded" if state is State.RESPONDED else "open"


def reminder_kind(state: State, deadline: date, today: date) -> str | None:
    """Which reminder an item needs today: ``"overdue"``, ``"due_soon"`` or none."""
    status = standing(state, deadline, today)
    if status.overdue:
        return "overdue"
    if status.due_soon:
        return "due_soon"
    return None


def default_deadline(inspection_day: date, days: int) -> date:
    return inspection_day + timedelta(days=days)


#: The permission each kind of step needs (the role's part; the item's party and state decide the rest).
STEP_PERMISSION: dict[Action, Permission] = {
    action: Permission.REMEDIATION_RESPOND if action in (Action.RESPOND, Action.REQUEST_EXTENSION)
    else Permission.REMEDIATION_VERIFY for action in Action}
