"""Loading inspections for a request, with the access rules applied."""

from __future__ import annotations

from flask import abort
from sqlalchemy.orm import joinedload

from audit.domain.policy import Permission
from audit.models import Inspection
from audit.web.authz import load_unit_scoped


def load_inspection(inspection_id: int, *, one_record: bool = False, with_team: bool = False) -> Inspection:
    """The inspection, or 404 when it does not exist or the actor may not see it (``one_record``: see
    :func:`load_unit_scoped`); ``with_team``: its team read in the same statement, for a change that asks the
    actor's role in it."""
    return load_unit_scoped(Inspection, inspection_id, Permission.INSPECTION_VIEW, lambda i: i.unit_id,
                            one_record=one_record, options=(joinedload(Inspection.members),) if with_team else ())


def child_or_404(items, child_id: int):
    found = next((c for c in items if c.id == child_id), None)
    if found is None:
        abort(404)
    return found
