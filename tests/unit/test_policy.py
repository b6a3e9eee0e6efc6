import pytest

from audit.domain.policy import ROLE_PERMISSIONS, Actor, Permission, Role, can, role_needs_unit

OWN, OTHER = 10, 20
UNIT_USER = Actor(Role.UNIT_USER, frozenset({OWN, OWN + 1}))


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("permission", list(Permission))
def test_matrix_matches_role_table(role, permission):
    actor = Actor(role, frozenset({OWN}) if role is Role.UNIT_USER else frozenset())
    assert can(actor, permission) == (permission in ROLE_PERMISSIONS[role])


@pytest.mark.parametrize("unit_id, expected", [(OWN, True), (OWN + 1, True), (OTHER, False)])
def test_unit_user_sees_only_units_in_scope(unit_id, expected):
    assert can(UNIT_USER, Permission.UNIT_VIEW, unit_id) is expected


@pytest.mark.parametrize("role", [Role.ADMIN, Role.CHAIRMAN, Role.TEAM_LEAD, Role.INSPECTOR])
def test_district_roles_see_every_unit(role):
    assert can(Actor(role), Permission.UNIT_VIEW, OTHER)


@pytest.mark.parametrize("permission", [Permission.UNIT_MANAGE, Permission.USER_MANAGE, Permission.HEAD_APPOINT])
@pytest.mark.parametrize("role", [Role.CHAIRMAN, Role.TEAM_LEAD, Role.INSPECTOR, Role.UNIT_USER])
def test_only_admin_administers(role, permission):
    assert not can(Actor(role, frozenset({OWN})), permission, OWN)
    assert can(Actor(Role.ADMIN), permission, OWN)


def test_only_unit_users_need_a_unit():
    assert [r for r in Role if role_needs_unit(r)] == [Role.UNIT_USER]


# ---------------------------------------------------------------- writes: the role's part of each step
WRITES = {"inspection:fill", "inspection:submit", "inspection:finalise", "minutes:issue", "remediation:respond",
          "remediation:verify", "remediation:report", "inspection:conclude"}


@pytest.mark.parametrize(("role", "allowed"), [
    (Role.UNIT_USER, {"remediation:respond"}),  # the unit answers for its items, nothing else
    (Role.CHAIRMAN, {"inspection:conclude", "remediation:verify"}),  # concludes, sets deadlines; never fills
    (Role.INSPECTOR, WRITES - {"inspection:conclude", "remediation:respond"}),
    (Role.TEAM_LEAD, WRITES - {"inspection:conclude", "remediation:respond"}),
    (Role.ADMIN, WRITES - {"inspection:conclude", "remediation:respond"}),  # may sit on a team; never decides
])
def test_each_role_holds_exactly_its_writes(role, allowed):
    held = {p.value for p in Permission if p.value in WRITES and can(Actor(role, frozenset({1})), p)}
    assert held == allowed


def test_every_remediation_step_needs_the_party_s_permission():
    from audit.domain.remediation import STEP_PERMISSION, Action

    assert STEP_PERMISSION[Action.RESPOND] is Permission.REMEDIATION_RESPOND
    assert STEP_PERMISSION[Action.REQUEST_EXTENSION] is Permission.REMEDIATION_RESPOND
    assert {STEP_PERMISSION[a] for a in Action if a not in (Action.RESPOND, Action.REQUEST_EXTENSION)} == \
        {Permission.REMEDIATION_VERIFY}
