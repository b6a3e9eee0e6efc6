"""The life of an inspection: planned → in progress → submitted → finalised, and who may move it."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from .errors import N_, DomainError, NotAllowed

#: Decree 118/2025 replaces Decree 61/2018 for inspections on and after this date.
REGIME_CHANGE = date(2025, 7, 1)


class State(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    FINALISED = "finalised"


class Action(StrEnum):
    START = "start"
    SUBMIT = "submit"
    REOPEN = "reopen"
    FINALISE = "finalise"


class TeamRole(StrEnum):
    LEAD = "lead"
    MEMBER = "member"
    SECRETARY = "secretary"


class InspectionLocked(DomainError):
    """The inspection is finalised: nothing about it may change (answers 409)."""


class InvalidTransition(DomainError):
    pass


#: (state, action) → (next state, team roles allowed to take the action)
TRANSITIONS: dict[tuple[State, Action], tuple[State, frozenset[TeamRole]]] = {
    (State.PLANNED, Action.START): (State.IN_PROGRESS, frozenset(TeamRole)),
    (State.IN_PROGRESS, Action.SUBMIT): (State.SUBMITTED, frozenset(TeamRole)),
    (State.SUBMITTED, Action.REOPEN): (State.IN_PROGRESS, frozenset({TeamRole.LEAD})),
    (State.SUBMITTED, Action.FINALISE): (State.FINALISED, frozenset({TeamRole.LEAD})),
}

ANSWERS_EDITABLE = frozenset({State.PLANNED, State.IN_PROGRESS})
FINDINGS_EDITABLE = frozenset({State.IN_PROGRESS, State.SUBMITTED})


def next_state(state: State, action: Action, team_role: TeamRole | None) -> State:
    """The state after ``action``; raises :class:`InspectionLocked`, :class:`InvalidTransition` or
    :class:`NotAllowed` (not on the team, or not the lead)."""
    if state is State.FINALISED:
        raise InspectionLocked(N_("This inspection is finalised and can no longer be changed."))
    if team_role is None:
        raise NotAllowed(N_("Only members of the inspection team may do this."))
    try:
        target, roles = TRANSITIONS[(state, action)]
    except KeyError:
        raise InvalidTransition(N_("This step is not possible in the inspection's current state.")) from None
    if team_role not in roles:
        raise NotAllowed(N_("Only the team lead may do this."))
    return target


def ensure_editable(state: State, team_role: TeamRole | None, *, findings: bool = False) -> None:
    """Raise unless a team member may change answers (or, with ``findings``, findings) now."""
    if state is State.FINALISED:
        raise InspectionLocked(N_("This inspection is finalised and can no longer be changed."))
    if team_role is None:
        raise NotAllowed(N_("Only members of the inspection team may do this."))
    allowed = FINDINGS_EDITABLE if findings else ANSWERS_EDITABLE
    if state not in allowed:
        if state is State.SUBMITTED and not findings:
            raise InvalidTransition(N_("The inspection has been submitted; the team lead must reopen it first."))
        raise InvalidTransition(N_("This step is not possible in the inspection's current state."))
    if findings and state is State.SUBMITTED and team_role is not TeamRole.LEAD:
        raise NotAllowed(N_("Only the team lead may change findings after submission."))


def may_edit(state: State, team_role: TeamRole | None, *, findings: bool = False) -> bool:
    """Whether :func:`ensure_editable` would let this team member change answers (or findings) now."""
    try:
        ensure_editable(state, team_role, findings=findings)
    except DomainError:
        return False
    return True


def may_be_concluded(state: State) -> bool:
    """The chairman concludes only what the team lead has finalised."""
    return state is State.FINALISED


def regime_on(day: date) -> str:
    """The legal regime of the one-stop mechanism on ``day``."""
    return "nd118_2025" if day >= REGIME_CHANGE else "nd61_2018"
