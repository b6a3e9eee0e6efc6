"""Who may do what: roles, permissions and the scoping rule for unit users.

The policy works on plain values. An :class:`Actor` is a role plus the set of unit
ids the actor is confined to: a unit user's own unit and the units below it; a chairman's,
team lead's or inspector's inspecting authority's jurisdiction (and the history it reads);
``None`` only for the administrator, who is not confined. Services compute the scope from the
unit tree and the authorities; this module only decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    CHAIRMAN = "chairman"
    TEAM_LEAD = "team_lead"
    INSPECTOR = "inspector"
    UNIT_USER = "unit_user"


class Permission(StrEnum):
    UNIT_VIEW = "unit:view"
    UNIT_MANAGE = "unit:manage"
    HEAD_APPOINT = "head:appoint"
    USER_MANAGE = "user:manage"
    CHECKLIST_VIEW = "checklist:view"
    INSPECTION_VIEW = "inspection:view"
    INSPECTION_PLAN = "inspection:plan"
    REMEDIATION_VIEW = "remediation:view"
    DASHBOARD_VIEW = "dashboard:view"
    INSPECTION_CONCLUDE = "inspection:conclude"
    STATISTICS_IMPORT = "statistics:import"
    # Writes. The role grants the kind of step; the object decides the rest (the team role on that inspection,
    # the item's party and state): see Inspection.next_steps_for and remediation.available_actions.
    INSPECTION_FILL = "inspection:fill"  # answers, photos, the dossier sample, findings
    INSPECTION_SUBMIT = "inspection:submit"
    INSPECTION_FINALISE = "inspection:finalise"  # and reopening for changes
    MINUTES_ISSUE = "minutes:issue"  # the minutes' details, issuing, the signed scan
    REMEDIATION_RESPOND = "remediation:respond"  # the unit: responses and extension requests
    REMEDIATION_VERIFY = "remediation:verify"  # the team and the chairman: accept, return, extensions, deadlines
    REMEDIATION_REPORT = "remediation:report"  # the team lead's remediation report


_STAFF_READ = frozenset({Permission.UNIT_VIEW, Permission.CHECKLIST_VIEW, Permission.INSPECTION_VIEW,
                         Permission.REMEDIATION_VIEW})
# what a member of an inspection team may do, as far as the role goes (the team role on the inspection decides)
_TEAM_WORK = frozenset({Permission.INSPECTION_FILL, Permission.INSPECTION_SUBMIT, Permission.INSPECTION_FINALISE,
                        Permission.MINUTES_ISSUE, Permission.REMEDIATION_VERIFY, Permission.REMEDIATION_REPORT})

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    # admin reads the dashboard, may sit on a team, and neither concludes nor answers for a unit
    Role.ADMIN: frozenset(Permission) - {Permission.INSPECTION_CONCLUDE, Permission.REMEDIATION_RESPOND},
    Role.CHAIRMAN: _STAFF_READ | {Permission.DASHBOARD_VIEW, Permission.INSPECTION_CONCLUDE,
                                  Permission.STATISTICS_IMPORT, Permission.REMEDIATION_VERIFY},
    Role.TEAM_LEAD: _STAFF_READ | _TEAM_WORK | {Permission.INSPECTION_PLAN},
    Role.INSPECTOR: _STAFF_READ | _TEAM_WORK,
    Role.UNIT_USER: frozenset({Permission.UNIT_VIEW, Permission.CHECKLIST_VIEW, Permission.REMEDIATION_VIEW,
                               Permission.REMEDIATION_RESPOND}),
}

#: Permissions that concern one unit's records; for a scoped actor they require the
#: target unit to lie inside the actor's scope.
UNIT_SCOPED: frozenset[Permission] = frozenset({Permission.UNIT_VIEW, Permission.INSPECTION_VIEW,
                                               Permission.REMEDIATION_VIEW})

#: Roles that can be put on an inspection team.
TEAM_ROLES: frozenset[Role] = frozenset({Role.TEAM_LEAD, Role.INSPECTOR, Role.ADMIN})

#: Roles confined to their own unit (and the units below it).
SCOPED_ROLES: frozenset[Role] = frozenset({Role.UNIT_USER})

#: Roles that act for an inspecting authority, within its jurisdiction.
AUTHORITY_ROLES: frozenset[Role] = frozenset({Role.CHAIRMAN, Role.TEAM_LEAD, Role.INSPECTOR})


@dataclass(frozen=True)
class Actor:
    """The acting user as the policy sees it."""

    role: Role
    unit_scope: frozenset[int] | None = None  # None: not confined (the administrator)
    user_id: int | None = None
    authority_id: int | None = None

    @property
    def is_scoped(self) -> bool:
        return self.unit_scope is not None or self.role in SCOPED_ROLES

    def sees(self, unit_id: int | None) -> bool:
        """Whether records of ``unit_id`` lie inside the actor's scope."""
        return not self.is_scoped or (unit_id is not None and unit_id in (self.unit_scope or ()))


def can(actor: Actor, permission: Permission, unit_id: int | None = None) -> bool:
    """Whether ``actor`` holds ``permission``, on ``unit_id`` when the permission is unit-scoped.

    A scoped actor (unit user) may act on a unit-scoped permission only for a unit in its
    scope; asking without a unit id answers whether it may act on *some* unit.
    """
    if permission not in ROLE_PERMISSIONS.get(actor.role, frozenset()):
        return False
    if actor.is_scoped and permission in UNIT_SCOPED and unit_id is not None:
        return actor.sees(unit_id)
    return True


def role_needs_unit(role: Role) -> bool:
    """A unit user must belong to exactly one unit; other roles may name one (their office)."""
    return role in SCOPED_ROLES


def role_needs_authority(role: Role) -> bool:
    """A chairman, team lead or inspector acts for an inspecting authority; the others for none."""
    return role in AUTHORITY_ROLES
