from datetime import date

import pytest

from audit.domain.errors import DomainError, NotAllowed
from audit.domain.inspections import (
    Action,
    InspectionLocked,
    InvalidTransition,
    State,
    TeamRole,
    ensure_editable,
    next_state,
    regime_on,
)
from audit.domain.sampling import SampledDossier, check_dossier, sample_metrics

DAY = date(2019, 3, 5)


@pytest.mark.parametrize(
    "state, action, role, result",
    [
        (State.PLANNED, Action.START, TeamRole.MEMBER, State.IN_PROGRESS),
        (State.IN_PROGRESS, Action.SUBMIT, TeamRole.MEMBER, State.SUBMITTED),
        (State.IN_PROGRESS, Action.SUBMIT, TeamRole.SECRETARY, State.SUBMITTED),
        (State.SUBMITTED, Action.FINALISE, TeamRole.LEAD, State.FINALISED),
        (State.SUBMITTED, Action.REOPEN, TeamRole.LEAD, State.IN_PROGRESS),
        (State.SUBMITTED, Action.FINALISE, TeamRole.MEMBER, NotAllowed),
        (State.SUBMITTED, Action.REOPEN, TeamRole.MEMBER, NotAllowed),
        (State.IN_PROGRESS, Action.FINALISE, TeamRole.LEAD, InvalidTransition),
        (State.PLANNED, Action.SUBMIT, TeamRole.LEAD, InvalidTransition),
        (State.IN_PROGRESS, Action.SUBMIT, None, NotAllowed),
        (State.FINALISED, Action.REOPEN, TeamRole.LEAD, InspectionLocked),
        (State.FINALISED, Action.FINALISE, TeamRole.LEAD, InspectionLocked),
    ],
)
def test_transitions(state, action, role, result):
    if isinstance(result, State):
        assert next_state(state, action, role) is result
    else:
        with pytest.raises(result):
            next_state(state, action, role)


@pytest.mark.parametrize(
    "state, role, findings, error",
    [
        (State.IN_PROGRESS, TeamRole.MEMBER, False, None),
        (State.PLANNED, TeamRole.SECRETARY, False, None),
        (State.SUBMITTED, TeamRole.LEAD, False, InvalidTransition),
        (State.SUBMITTED, TeamRole.LEAD, True, None),
        (State.SUBMITTED, TeamRole.MEMBER, True, NotAllowed),
        (State.IN_PROGRESS, None, False, NotAllowed),
        (State.FINALISED, TeamRole.LEAD, True, InspectionLocked),
        (State.FINALISED, TeamRole.LEAD, False, InspectionLocked),
    ],
)
def test_who_may_edit_when(state, role, findings, error):
    if error is None:
        ensure_editable(state, role, findings=findings)
    else:
        with pytest.raises(error):
            ensure_editable(state, role, findings=findings)


def test_regime_by_date():
    assert regime_on(date(2025, 6, 30)) == "nd61_2018"
    assert regime_on(date(2025, 7, 1)) == "nd118_2025"


def dossier(code, received, due, returned, reg=True, sys=True, slip=True, apology=False, field="ho_tich"):
    return SampledDossier(code, field, received, due, returned, reg, sys, slip, apology)


def test_sample_metrics():
    sample = [
        dossier("01", date(2019, 2, 1), date(2019, 2, 10), date(2019, 2, 9)),
        dossier("02", date(2019, 2, 1), date(2019, 2, 10), date(2019, 2, 12), reg=False, apology=True),
        dossier("03", date(2019, 2, 1), date(2019, 2, 10), None, reg=False, sys=False, slip=False),  # late, open
        dossier("04", date(2019, 3, 1), date(2019, 3, 20), None, sys=False),  # open, not yet due
    ]
    m = sample_metrics(sample, DAY)
    assert m == {"register_coverage": 75.0, "system_coverage": 50.0, "control_slip_coverage": 75.0,
                 "on_time_rate": 50.0, "apology_coverage": 50.0, "count": 4, "late": 2}


def test_sample_without_late_dossiers_has_no_apology_figure():
    m = sample_metrics([dossier("01", date(2019, 2, 1), date(2019, 2, 10), date(2019, 2, 10))], DAY)
    assert m["apology_coverage"] is None and m["on_time_rate"] == 100.0
    assert sample_metrics([], DAY)["on_time_rate"] is None


@pytest.mark.parametrize(
    "d",
    [
        dossier("x", date(2019, 2, 10), date(2019, 2, 1), None),
        dossier("x", date(2019, 2, 10), date(2019, 2, 20), date(2019, 2, 9)),
        dossier("x", date(2019, 4, 1), date(2019, 4, 20), None),
        dossier("x", date(2019, 2, 1), date(2019, 2, 20), None, field="vu_tru"),
    ],
)
def test_impossible_dossiers_are_refused(d):
    with pytest.raises(DomainError):
        check_dossier(d, DAY)
