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


STATE_LABELS = {
    State.PLANNED: N_("Planned"),
    State.IN_PROGRESS: N_("In progress"),
    State.SUBMITTED: N_("Awaiting review"),
    State.FINALISED: N_("Finalised"),
}


class Action(StrEnum):
    START = "start"
    SUBMIT = "submit"
    REOPEN = "reopen"
    FINALISE = "finalise"


class TeamRole(StrEnum):
    LEAD = "lead"
    MEMBER = "member"
    SECRETARY = "secretary"


TEAM_ROLE_LABELS = {
    TeamRole.LEAD: N_("Team lead"),
    TeamRole.MEMBER: N_("Team member"),
    TeamRole.SECRETARY: N_("Secretary"),
}


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


def next_steps(state: State, team_role: TeamRole | None) -> frozenset[Action]:
    """The steps the inspection's page offers ``team_role`` now (see :data:`TRANSITIONS`). A planned
    inspection is started by its first answer, so submitting is offered with starting."""
    if team_role is None:
        return frozenset()
    steps = {action for (source, action), (_, roles) in TRANSITIONS.items() if source is state and team_role in roles}
    if Action.START in steps:
        steps.add(Action.SUBMIT)
    return frozenset(steps)


def may_edit_minutes(state: State, team_role: TeamRole | None) -> bool:
    """The team drafts the minutes' details; after finalising only the lead corrects them (a new revision)."""
    return team_role is not None and (state is not State.FINALISED or team_role is TeamRole.LEAD)


def may_issue_minutes(state: State, team_role: TeamRole | None) -> bool:
    """Minutes are issued by the lead, once the inspection is finalised."""
    return state is State.FINALISED and team_role is TeamRole.LEAD


def may_be_concluded(state: State) -> bool:
    """The chairman concludes only what the team lead has finalised."""
    return state is State.FINALISED


class Regime(StrEnum):
    """The legal text a checklist version applies (a checklist's ``legal_regime``)."""

    ND61_2018 = "nd61_2018"
    ND118_2025 = "nd118_2025"
    CT26_2016 = "ct26_2016"


REGIME_LABELS = {
    Regime.ND61_2018: N_("Decree 61/2018 (until 30/06/2025)"),
    Regime.ND118_2025: N_("Decree 118/2025 (from 01/07/2025)"),
    Regime.CT26_2016: N_("Directive 26/CT-TTg (2016)"),
}

#: the regimes of the one-stop mechanism, one after the other (the dashboard compares desks under each)
ONE_STOP_REGIMES = (Regime.ND61_2018, Regime.ND118_2025)


def regime_on(day: date) -> Regime:
    """The legal regime of the one-stop mechanism on ``day``."""
    return Regime.ND118_2025 if day >= REGIME_CHANGE else Regime.ND61_2018
