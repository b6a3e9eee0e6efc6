"""Inspecting authorities: which People's Committee may inspect which units, from when to when, and in whose
name a document is issued on a given day.

Until 30/06/2025 the district People's Committee inspected its desks and communes; from 01/07/2025 the
province (for Đà Nẵng the city People's Committee) inspects every commune, and each commune's chairman
inspects that commune's Centre. An authority's jurisdiction is the subtree of its own People's Committee in
the unit tree; a province may also read, as history, the units its communes succeed. When an authority ends,
its open work passes to its successor: the authority *in charge* of an inspection on a day is the
inspection's authority, or the successor in force that day.

Pure rules: no Flask, no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .errors import N_
from .units import below, children_of, subtree


@dataclass(frozen=True)
class Authority:
    id: int
    code: str
    name: str  # "Ủy ban nhân dân thành phố Đà Nẵng"
    unit_id: int  # its People's Committee in the unit tree
    valid_from: date | None
    valid_to: date | None
    successor_id: int | None = None
    reads_predecessors: bool = False  # also reads, as history, the units its own units succeed

    def in_force_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


def jurisdiction(authority: Authority, parent_of: Mapping[int, int | None]) -> frozenset[int]:
    """The units ``authority`` may inspect: its People's Committee and every unit below it."""
    return subtree(authority.unit_id, parent_of)


def readable(authority: Authority, parent_of: Mapping[int, int | None],
             predecessors_of: Mapping[int, Iterable[int]]) -> frozenset[int]:
    """The units whose records the authority's people may read: its jurisdiction and, for an authority that
    reads history, every unit its units succeed (with the units below those)."""
    units = set(jurisdiction(authority, parent_of))
    if authority.reads_predecessors:
        children = children_of(parent_of)  # once, not for each unit succeeded: a city reads hundreds of communes
        stack = [p for unit in units for p in predecessors_of.get(unit, ())]
        while stack:
            unit = stack.pop()
            if unit in units:
                continue
            for member in below(unit, children):
                units.add(member)
                stack.extend(predecessors_of.get(member, ()))
    return frozenset(units)


def reads_unit(authority: Authority, unit_id: int, parent_of: Mapping[int, int | None],
               successors_of: Mapping[int, Iterable[int]]) -> bool:
    """Whether ``unit_id`` is among :func:`readable` units, found by walking up from the unit instead of
    building the whole set: to its parent, and for an authority that reads history from a predecessor to the
    units succeeding it, until the authority's own People's Committee is met. ``parent_of`` and
    ``successors_of`` (predecessor id → ids of the units succeeding it) need hold only the units that walk
    reaches."""
    seen: set[int] = set()
    stack = [unit_id]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        if current == authority.unit_id:
            return True
        seen.add(current)
        parent = parent_of.get(current)
        if parent is not None:
            stack.append(parent)
        if authority.reads_predecessors:
            stack.extend(successors_of.get(current, ()))
    return False


def in_charge(authority: Authority, day: date, by_id: Mapping[int, Authority]) -> Authority | None:
    """The authority that acts for ``authority`` on ``day``: itself while in force, else its successor (and
    so on); ``None`` when the chain has none in force that day."""
    seen = set()
    current: Authority | None = authority
    while current is not None and current.id not in seen:
        if current.in_force_on(day):
            return current
        seen.add(current.id)
        current = by_id.get(current.successor_id) if current.successor_id is not None else None
    return None


#: Why planning is refused (message ids, translated where shown).
NOT_IN_FORCE = N_("%(authority)s does not inspect on %(date)s (in force %(period)s).")
NO_AUTHORITY = N_("The team lead acts for no inspecting authority: an administrator must set it on the account.")
OUTSIDE = N_("%(unit)s is not under %(authority)s: it cannot inspect it.")


def planning_problems(authority: Authority, unit_id: int, day: date,
                      parent_of: Mapping[int, int | None]) -> list[str]:
    """Why ``authority`` may not inspect ``unit_id`` on ``day`` (empty when it may)."""
    problems = []
    if not authority.in_force_on(day):
        problems.append(NOT_IN_FORCE)
    if unit_id not in jurisdiction(authority, parent_of):
        problems.append(OUTSIDE)
    return problems
