"""Which steps an inspection's page offers, and who edits or issues the minutes: one rule in audit/domain."""

import pytest

from audit.domain.inspections import Action, State, TeamRole, may_edit_minutes, may_issue_minutes, next_steps


@pytest.mark.parametrize(("state", "role", "steps"), [
    (State.PLANNED, TeamRole.MEMBER, {Action.START, Action.SUBMIT}),
    (State.IN_PROGRESS, TeamRole.MEMBER, {Action.SUBMIT}),
    (State.SUBMITTED, TeamRole.MEMBER, set()),
    (State.SUBMITTED, TeamRole.LEAD, {Action.REOPEN, Action.FINALISE}),
    (State.FINALISED, TeamRole.LEAD, set()),
    (State.IN_PROGRESS, None, set())])
def test_the_steps_offered_follow_the_transitions(state, role, steps):
    assert next_steps(state, role) == steps


def test_after_finalising_only_the_lead_corrects_and_issues_the_minutes():
    assert may_edit_minutes(State.IN_PROGRESS, TeamRole.SECRETARY)
    assert not may_edit_minutes(State.FINALISED, TeamRole.SECRETARY)
    assert may_edit_minutes(State.FINALISED, TeamRole.LEAD)
    assert not may_edit_minutes(State.IN_PROGRESS, None)
    assert may_issue_minutes(State.FINALISED, TeamRole.LEAD)
    assert not may_issue_minutes(State.SUBMITTED, TeamRole.LEAD)
    assert not may_issue_minutes(State.FINALISED, TeamRole.MEMBER)
