"""Units, their tree, and the heads of units over time."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, select
from sqlalchemy.orm import selectinload, subqueryload

from audit.db import db, on_connection
from audit.domain import unit_import
from audit.domain.errors import N_, DomainError, InvalidInput
from audit.domain.people import Honorific
from audit.domain.policy import Actor, Role
from audit.domain.tenures import Tenure, head_on, plan_appointment
from audit.domain.text import has_control_characters
from audit.domain.units import UnitKind, UnitRef, as_scope, lies_within, placement_problems, subtree
from audit.models import HeadTenure, Unit, UnitSuccession, User
from audit.models.units import unit_tree_stamp

from . import audit_log


def all_units(*, successions: bool = True) -> list[Unit]:
    """Every unit with its tenures and, unless ``successions`` is false, its predecessors and successors loaded,
    ordered by code (a province's successions, as whole units, took four of the unit list's seven statements)."""
    # the tenures of every unit in one statement joined to the units' own (a list of 500 ids at a time cost
    # PostgreSQL 4 ms more to plan and run)
    loaded = [subqueryload(Unit.tenures)]
    if successions:
        loaded += [selectinload(Unit.predecessors), selectinload(Unit.successors)]
    return list(db.session.scalars(select(Unit).options(*loaded).order_by(Unit.code)))


def unit_forest(units: list[Unit]) -> list[tuple[Unit, int]]:
    """``units`` in tree order (parents before their children) with their depth."""
    by_parent: dict[int | None, list[Unit]] = {}
    ids = {u.id for u in units}
    for unit in units:
        parent = unit.parent_id if unit.parent_id in ids else None
        by_parent.setdefault(parent, []).append(unit)
    ordered: list[tuple[Unit, int]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for unit in sorted(by_parent.get(parent_id, []), key=lambda u: (u.valid_from or date.min, u.code)):
            ordered.append((unit, depth))
            walk(unit.id, depth + 1)

    walk(None, 0)
    return ordered


@dataclass(frozen=True)
class UnitTree:
    """The whole unit tree as the scope rules read it: each unit's parent, each successor's predecessors and each
    predecessor's successors (read-only mappings: a process shares one between requests), and the scopes worked
    out from it so far (:meth:`scope`), which go with it."""

    parent_of: Mapping[int, int | None]
    predecessors_of: Mapping[int, tuple[int, ...]]
    successors_of: Mapping[int, tuple[int, ...]]
    #: scopes worked out from this tree (:meth:`scope`), kept and dropped with it
    _scopes: dict[Hashable, frozenset[int]] = field(default_factory=dict, compare=False, repr=False)

    def scope(self, key: Hashable, work_out: Callable[[UnitTree], frozenset[int]]) -> frozenset[int]:
        """``work_out(self)``, worked out once for this tree and ``key``: a chairman's scope walks a province's
        551 units on every page otherwise. ``key`` must hold everything besides the tree that the scope depends
        on (the authority's whole record, the user's unit); a changed tree is another tree, with none kept."""
        found = self._scopes.get(key)
        if found is None:
            if len(self._scopes) >= MAX_KEPT_SCOPES:
                self._scopes.clear()
            found = self._scopes[key] = work_out(self)
        return found


#: scopes kept with one tree: more than the authorities and unit users of a province
MAX_KEPT_SCOPES = 4096


#: per database (its engine), the tree this process last read and the stamp's token read before it
_kept_trees: WeakKeyDictionary[Engine, tuple[str, UnitTree]] = WeakKeyDictionary()
_STAMP = select(unit_tree_stamp.c.token).where(unit_tree_stamp.c.id == 1)


def unit_tree() -> UnitTree:
    """The whole unit tree, for a user's scope on every page. The database draws a new token into
    ``unit_tree_stamp`` whenever the tree changes (triggers, in the changing transaction), so the tree read under
    a token stays right for as long as the token is read: a page reads the token (one row) and reads the tree
    (a province's 551 units and their successions, two statements) only after a change. A tree is kept only when
    the token read after it is the one read before it (nothing changed the tree in between); a token drawn by a
    transaction that rolled back is never read again."""
    token = _stamp()
    engine = db.engine
    kept = _kept_trees.get(engine)
    if token is not None and kept is not None and kept[0] == token:
        return kept[1]
    parent_of = dict(db.session.execute(select(Unit.id, Unit.parent_id)).all())
    predecessors: dict[int, list[int]] = {}
    successors: dict[int, list[int]] = {}
    for successor, predecessor in db.session.execute(
            select(UnitSuccession.c.successor_id, UnitSuccession.c.predecessor_id)).all():
        predecessors.setdefault(successor, []).append(predecessor)
        successors.setdefault(predecessor, []).append(successor)
    tree = UnitTree(MappingProxyType(parent_of),
                    MappingProxyType({unit: tuple(before) for unit, before in predecessors.items()}),
                    MappingProxyType({unit: tuple(after) for unit, after in successors.items()}))
    if token is not None and _stamp() == token:
        _kept_trees[engine] = (token, tree)
    return tree


def _stamp() -> str | None:
    """The unit tree's token as this transaction sees it (after what it changed), None where the stamp has no
    row."""
    return on_connection(_STAMP).scalar()


def scope_of(user: User) -> frozenset[int] | None:
    """Unit ids ``user`` is confined to: a unit user's unit and every unit below it; a chairman's, team
    lead's or inspector's authority's jurisdiction and the history it reads (nothing without an authority);
    ``None`` for the administrator, who is not confined."""
    role = user.user_role
    if role is Role.ADMIN:
        return None
    if role is Role.UNIT_USER:
        if user.unit_id is None:
            return frozenset()
        return unit_tree().scope(("subtree", user.unit_id),
                                 lambda tree: as_scope(subtree(user.unit_id, tree.parent_of), tree.parent_of))
    if user.authority is None:
        return frozenset()
    from .authorities import readable_units

    return readable_units(user.authority)


def actor_for(user: User) -> Actor:
    return Actor(role=user.user_role, unit_scope=scope_of(user), user_id=user.id, authority_id=user.authority_id)


def actor_for_unit(user: User, unit_id: int) -> Actor:
    """The acting user as the policy sees it for one unit's records: ``can(actor_for_unit(user, u), p, u)`` is
    ``can(actor_for(user), p, u)`` for every permission ``p``, but the scope is narrowed to ``unit_id`` (it holds
    that unit or nothing), found by walking up the unit tree from the unit instead of listing every unit the user
    reaches. For a request about one record; never for a list."""
    from .authorities import reads_unit

    role = user.user_role
    if role is Role.ADMIN:
        scope = None
    elif role is Role.UNIT_USER:
        scope = frozenset({unit_id}) if user.unit_id is not None and lies_within(
            unit_id, user.unit_id, unit_tree().parent_of) else frozenset()
    elif user.authority is None:
        scope = frozenset()
    else:
        scope = frozenset({unit_id}) if reads_unit(user.authority, unit_id) else frozenset()
    return Actor(role=role, unit_scope=scope, user_id=user.id, authority_id=user.authority_id)


def head_of(unit: Unit, day: date) -> HeadTenure | None:
    """The head in office at ``unit`` on ``day`` (Directive 26 accountability), if recorded."""
    return head_on(unit.tenures, day)


def create_unit(*, code: str, name: str, kind: UnitKind, parent: Unit | None, valid_from: date | None,
                valid_to: date | None, predecessors: list[Unit] = (), actor: User | None, now: datetime) -> Unit:
    """Add a unit after checking its placement in the tree; raises :class:`DomainError`."""
    code = code.strip().upper()
    if has_control_characters(code) or has_control_characters(name):
        raise InvalidInput(N_("Names and codes may not contain control or text-direction characters."))
    if db.session.scalar(select(Unit.id).where(Unit.code == code)) is not None:
        raise DomainError(N_("Unit code %(code)s already exists."), code=code)
    ref = UnitRef(code=code, kind=kind, valid_from=valid_from, valid_to=valid_to)
    problems = placement_problems(ref, parent.ref() if parent else None)
    if problems:
        raise DomainError(problems[0])
    unit = Unit(code=code, name=name.strip(), kind=kind.value, parent=parent, valid_from=valid_from,
                valid_to=valid_to)
    unit.predecessors = list(predecessors)
    db.session.add(unit)
    db.session.flush()
    audit_log.record(actor, "unit.create", "unit", unit.id, now=now,
                     after={"code": code, "name": unit.name, "kind": kind.value,
                            "parent": parent.code if parent else None,
                            "valid_from": valid_from, "valid_to": valid_to})
    return unit


def appoint_head(unit: Unit, *, person_name: str, title: str, start: date, end: date | None = None,
                 honorific: str | None = None, actor: User | None, now: datetime) -> HeadTenure:
    """Record a head of ``unit`` from ``start``; a new current head ends the previous open tenure
    the day before. Raises :class:`TenureConflict` on any other overlap."""
    if has_control_characters(person_name) or has_control_characters(title):
        raise InvalidInput(N_("Names and codes may not contain control or text-direction characters."))
    plan = plan_appointment([t.to_domain() for t in unit.tenures],
                            Tenure(person_name=person_name.strip(), title=title.strip(), start=start, end=end),
                            unit.valid_from, unit.valid_to)
    new = plan.new
    end = new.end
    if plan.closes is not None:
        previous = db.session.get(HeadTenure, plan.closes.id)
        previous.end_date = plan.closes_on
        audit_log.record(actor, "head.end", "head_tenure", previous.id, now=now,
                         before={"end_date": None}, after={"end_date": plan.closes_on})
    tenure = HeadTenure(unit=unit, person_name=new.person_name, title=new.title, start_date=start, end_date=end,
                        honorific=Honorific(honorific).value if honorific else None)
    db.session.add(tenure)
    db.session.flush()
    audit_log.record(actor, "head.appoint", "head_tenure", tenure.id, now=now,
                     after={"unit": unit.code, "person_name": new.person_name, "title": new.title,
                            "start_date": start, "end_date": end})
    return tenure


def import_units_csv(data: bytes, *, actor: User | None, now: datetime) -> dict[str, int]:
    """Import a CSV of units and heads as one all-or-nothing change.

    Raises :class:`ImportRejected` listing every problem by row; nothing is written then.
    Returns counts of units, heads and closed tenures written.
    """
    units = all_units()
    by_code = {u.code: u for u in units}
    plan = unit_import.parse(
        data,
        existing_units={u.code: u.ref() for u in units},
        existing_tenures={u.code: [t.to_domain() for t in u.tenures] for u in units},
    )
    for row in plan.units:
        unit = Unit(code=row.ref.code, name=row.name, kind=row.ref.kind.value,
                    parent=by_code.get(row.ref.parent_code) if row.ref.parent_code else None,
                    valid_from=row.ref.valid_from, valid_to=row.ref.valid_to)
        unit.predecessors = [by_code[c] for c in row.succeeds]
        db.session.add(unit)
        by_code[unit.code] = unit
    for closure in plan.closures:
        db.session.get(HeadTenure, closure.tenure_id).end_date = closure.end
    for head in plan.heads:
        db.session.add(HeadTenure(unit=by_code[head.unit_code], person_name=head.tenure.person_name,
                                  title=head.tenure.title, start_date=head.tenure.start,
                                  end_date=head.tenure.end))
    db.session.flush()
    counts = {"units": len(plan.units), "heads": len(plan.heads), "closed": len(plan.closures)}
    audit_log.record(actor, "units.import", "unit", None, now=now,
                     after={**counts, "codes": [r.ref.code for r in plan.units]})
    return counts
