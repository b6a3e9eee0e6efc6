"""The unit tree: kinds of units, which kind may sit under which, validity over time.

Units are versioned like the law: the 2019 district and its communes end on 2025-06-30,
the merged communes start on 2025-07-01 and name the units they succeed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .errors import N_


class UnitKind(StrEnum):
    PROVINCE = "province"  # UBND tỉnh / thành phố trực thuộc trung ương
    DISTRICT = "district"  # UBND huyện (until 2025-06-30)
    DEPARTMENT = "department"  # phòng, ban chuyên môn
    DISTRICT_DESK = "district_desk"  # Bộ phận Tiếp nhận và Trả kết quả cấp huyện
    COMMUNE = "commune"  # UBND xã / thị trấn
    COMMUNE_DESK = "commune_desk"  # Bộ phận Một cửa cấp xã (Decree 61 regime)
    COMMUNE_CENTRE = "commune_centre"  # Trung tâm Phục vụ hành chính công cấp xã (Decree 118)


#: Kinds whose units are one-stop desks, the targets of one-stop inspections.
ONE_STOP_KINDS = frozenset({UnitKind.DISTRICT_DESK, UnitKind.COMMUNE_DESK, UnitKind.COMMUNE_CENTRE})

#: Which kinds may be the parent of each kind; ``None`` means it may be a root.
ALLOWED_PARENTS: dict[UnitKind, frozenset[UnitKind | None]] = {
    UnitKind.PROVINCE: frozenset({None}),
    UnitKind.DISTRICT: frozenset({UnitKind.PROVINCE, None}),
    UnitKind.DEPARTMENT: frozenset({UnitKind.PROVINCE, UnitKind.DISTRICT, UnitKind.COMMUNE}),
    UnitKind.DISTRICT_DESK: frozenset({UnitKind.DISTRICT}),
    UnitKind.COMMUNE: frozenset({UnitKind.DISTRICT, UnitKind.PROVINCE, None}),
    UnitKind.COMMUNE_DESK: frozenset({UnitKind.COMMUNE}),
    UnitKind.COMMUNE_CENTRE: frozenset({UnitKind.COMMUNE}),
}


def answers_for_itself(kind: UnitKind) -> bool:
    """Whether a unit of ``kind`` is a legal person that answers for its own findings. A one-stop desk is
    not: the People's Committee it belongs to (and its chairman) is responsible for it."""
    return kind not in ONE_STOP_KINDS


@dataclass(frozen=True)
class UnitRef:
    """What the rules need to know of a unit."""

    code: str
    kind: UnitKind
    valid_from: date | None = None
    valid_to: date | None = None
    parent_code: str | None = None

    def active_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


def placement_problems(unit: UnitRef, parent: UnitRef | None) -> list[str]:
    """Untranslated messages for every rule ``unit`` breaks under ``parent`` (empty when fine)."""
    problems = []
    if unit.valid_from and unit.valid_to and unit.valid_to < unit.valid_from:
        problems.append(N_("The end of validity is before its start."))
    parent_kind = parent.kind if parent else None
    if parent_kind not in ALLOWED_PARENTS[unit.kind]:
        problems.append(N_("This kind of unit cannot be placed under that parent."))
    if parent is not None and parent.valid_to is not None:
        if unit.valid_to is None or unit.valid_to > parent.valid_to:
            problems.append(N_("A unit cannot remain valid after its parent unit ends."))
    if parent is not None and parent.valid_from and unit.valid_from and unit.valid_from < parent.valid_from:
        problems.append(N_("A unit cannot start before its parent unit."))
    return problems


def succession_problems(successor: UnitRef, predecessor: UnitRef) -> list[str]:
    """A unit succeeds another only after it has ended (merger takes effect the next day)."""
    if predecessor.valid_to is None:
        return [N_("A predecessor unit must have an end date.")]
    if successor.valid_from is None or successor.valid_from <= predecessor.valid_to:
        return [N_("A successor unit must start after its predecessor ends.")]
    return []


class EveryUnit(frozenset):
    """A user's unit scope that holds every unit of the tree it was worked out from (a province's chairman, in a
    database of one province): a filter by it filters nothing, so a query leaves it out (``audit.db.in_scope``)
    instead of comparing each row with hundreds of ids. Still the set of those ids for every test in Python; any
    set operation on it gives a plain frozenset, so a narrowed scope filters again. The mark holds for the request
    that read the tree: a province added meanwhile (by an administrator, in that instant) would show in that
    request's lists, with no records yet."""

    __slots__ = ()


def as_scope(units: frozenset[int], parent_of: Mapping[int, int | None]) -> frozenset[int]:
    """``units`` as a scope: :class:`EveryUnit` when they are every unit of ``parent_of`` (the whole tree)."""
    return EveryUnit(units) if len(units) >= len(parent_of) and units.issuperset(parent_of) else units


def subtree(root_id: int, parent_of: Mapping[int, int | None]) -> frozenset[int]:
    """``root_id`` and every unit below it, given each unit's parent."""
    return frozenset(below(root_id, children_of(parent_of)))


def children_of(parent_of: Mapping[int, int | None]) -> dict[int | None, list[int]]:
    """Each unit's children, given each unit's parent: built once for a walk down from many roots."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for unit_id, parent_id in parent_of.items():
        children[parent_id].append(unit_id)
    return children


def below(root_id: int, children: Mapping[int | None, list[int]]) -> set[int]:
    """``root_id`` and every unit below it, given each unit's children (:func:`children_of`)."""
    found, stack = set(), [root_id]
    while stack:
        current = stack.pop()
        if current in found:
            continue
        found.add(current)
        stack.extend(children.get(current, ()))
    return found


def lies_within(unit_id: int, root_id: int, parent_of: Mapping[int, int | None]) -> bool:
    """Whether ``unit_id`` is ``root_id`` or lies below it: the answer ``unit_id in subtree(root_id, parent_of)``
    gives, found by walking up from the unit, so ``parent_of`` need hold only the unit's ancestors."""
    seen: set[int] = set()
    current: int | None = unit_id
    while current is not None and current not in seen:
        if current == root_id:
            return True
        seen.add(current)
        current = parent_of.get(current)
    return False


def has_cycle(parent_of: Mapping[str, str | None]) -> set[str]:
    """Codes that lie on a cycle of parent links."""
    on_cycle: set[str] = set()
    for start in parent_of:
        seen, current = [], start
        while current is not None and current in parent_of and current not in seen:
            seen.append(current)
            current = parent_of[current]
        if current is not None and current in seen:
            on_cycle.update(seen[seen.index(current):])
    return on_cycle


def in_operation_on(unit, day) -> list:
    """Who answers today for ``unit`` (anything with ``active_on(day)`` and ``successors``): the unit itself
    while it operates, else the units that succeeded it and operate on ``day`` (following later mergers too),
    else none — a document is never addressed to a body that no longer exists."""
    if unit.active_on(day):
        return [unit]
    found, seen, queue = [], {id(unit)}, list(unit.successors)
    while queue:
        successor = queue.pop(0)
        if id(successor) in seen:
            continue
        seen.add(id(successor))
        if successor.active_on(day):
            found.append(successor)
        else:
            queue.extend(successor.successors)
    return found
