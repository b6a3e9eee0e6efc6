"""Validation of a CSV file of units and heads of units, all rows at once.

File format (UTF-8, optionally with BOM; comma or semicolon separated), header row first:

    record,code,name,kind,parent_code,valid_from,valid_to,succeeds,title

* ``record=unit``: a new unit. ``code`` (unique), ``name``, ``kind`` (see
  :class:`~audit.domain.units.UnitKind`), ``parent_code`` (empty for a root),
  ``valid_from``/``valid_to`` (dd/mm/yyyy or yyyy-mm-dd, optional), ``succeeds``
  (codes of merged predecessors separated by ``;``).
* ``record=head``: a head of unit. ``code`` is the unit's code, ``name`` the person,
  ``title`` the post, ``valid_from`` the first day in office, ``valid_to`` the last (empty
  while in office). A new head in office ends the previous open tenure the day before.

The file is accepted only if every row is valid; otherwise :class:`ImportRejected` lists
every problem with its row number (the header is row 1).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from .csvfile import read_table
from .errors import N_, ImportRejected, Problem, TenureConflict
from .tenures import Tenure, plan_appointment
from .units import UnitKind, UnitRef, has_cycle, placement_problems, succession_problems
from .vndate import parse_date

COLUMNS = ("record", "code", "name", "kind", "parent_code", "valid_from", "valid_to", "succeeds", "title")
REQUIRED_COLUMNS = ("record", "code", "name")
CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9_.-]{0,39}$")
MAX_NAME = 200
MAX_TITLE = 200
MAX_ROWS = 5000


@dataclass(frozen=True)
class UnitRow:
    row: int
    ref: UnitRef
    name: str
    succeeds: tuple[str, ...] = ()


@dataclass(frozen=True)
class HeadRow:
    """A new tenure from the file, with its final end date (a later row may have ended it)."""

    row: int
    unit_code: str
    tenure: Tenure


@dataclass(frozen=True)
class Closure:
    """A stored open tenure that the import ends on ``end``."""

    tenure_id: int
    end: date


@dataclass
class ImportPlan:
    """Rows to apply, in an order in which parents come before children."""

    units: list[UnitRow] = field(default_factory=list)
    heads: list[HeadRow] = field(default_factory=list)
    closures: list[Closure] = field(default_factory=list)


def parse(
    data: bytes,
    existing_units: Mapping[str, UnitRef],
    existing_tenures: Mapping[str, Sequence[Tenure]],
) -> ImportPlan:
    """Validate the whole file against the units and tenures already stored.

    ``existing_units`` maps code → unit; ``existing_tenures`` maps unit code → its tenures.
    Returns the plan to apply, or raises :class:`ImportRejected` with every problem found.
    """
    rows = read_table(data, required=REQUIRED_COLUMNS, known=COLUMNS, max_rows=MAX_ROWS)
    problems: list[Problem] = []

    unit_rows: dict[str, UnitRow] = {}
    head_rows: list[tuple[int, str, Tenure]] = []
    raw_parents: dict[str, tuple[int, str | None]] = {}
    for number, row in rows:
        record = row.get("record", "").strip().lower()
        if record == "unit":
            parsed = _parse_unit(number, row, problems)
            if parsed is None:
                continue
            unit_row, parent_code = parsed
            code = unit_row.ref.code
            if code in unit_rows:
                problems.append(Problem(number, N_("Unit code %(code)s appears twice in the file."), {"code": code}))
            elif code in existing_units:
                problems.append(Problem(number, N_("Unit code %(code)s already exists."), {"code": code}))
            else:
                unit_rows[code] = unit_row
                raw_parents[code] = (number, parent_code)
        elif record == "head":
            parsed_head = _parse_head(number, row, problems)
            if parsed_head is not None:
                head_rows.append((number, *parsed_head))
        else:
            problems.append(Problem(number, N_("Unknown record type “%(value)s” (use unit or head)."), {"value": record}))

    all_units = dict(existing_units)
    all_units.update({code: r.ref for code, r in unit_rows.items()})
    _check_units(unit_rows, raw_parents, all_units, problems)
    heads, closures = _check_heads(head_rows, all_units, existing_tenures, problems)
    if problems:
        raise ImportRejected(problems)
    return ImportPlan(units=_parents_first(unit_rows, existing_units), heads=heads, closures=closures)


def _date_field(number: int, row: dict[str, str], column: str, problems: list[Problem]) -> date | None:
    value = (row.get(column) or "").strip()
    if not value:
        return None
    try:
        return parse_date(value)
    except ValueError:
        problems.append(
            Problem(number, N_("Invalid date “%(value)s” in column %(column)s (use dd/mm/yyyy)."),
                    {"value": value, "column": column})
        )
        return None


def _text_field(number: int, row: dict[str, str], column: str, limit: int, problems: list[Problem]) -> str | None:
    value = " ".join((row.get(column) or "").split())
    if not value:
        problems.append(Problem(number, N_("Column %(column)s is empty."), {"column": column}))
        return None
    if len(value) > limit:
        problems.append(Problem(number, N_("Column %(column)s is longer than %(max)d characters."),
                                {"column": column, "max": limit}))
        return None
    return value


def _code_field(number: int, value: str, problems: list[Problem]) -> str | None:
    code = value.strip().upper()
    if not CODE_RE.match(code):
        problems.append(Problem(number, N_("Invalid unit code “%(value)s” (letters A–Z, digits, - _ . ; at most 40)."),
                                {"value": value.strip()}))
        return None
    return code


def _parse_unit(number, row, problems) -> tuple[UnitRow, str | None] | None:
    before = len(problems)
    code = _code_field(number, row.get("code", ""), problems)
    name = _text_field(number, row, "name", MAX_NAME, problems)
    kind_text = (row.get("kind") or "").strip().lower()
    try:
        kind = UnitKind(kind_text)
    except ValueError:
        problems.append(Problem(number, N_("Unknown unit kind “%(value)s”."), {"value": kind_text}))
        kind = None
    valid_from = _date_field(number, row, "valid_from", problems)
    valid_to = _date_field(number, row, "valid_to", problems)
    parent_code = (row.get("parent_code") or "").strip().upper() or None
    succeeds = tuple(c.strip().upper() for c in (row.get("succeeds") or "").split(";") if c.strip())
    if len(problems) > before or code is None or name is None or kind is None:
        return None
    ref = UnitRef(code=code, kind=kind, valid_from=valid_from, valid_to=valid_to, parent_code=parent_code)
    return UnitRow(row=number, ref=ref, name=name, succeeds=succeeds), parent_code


def _parse_head(number, row, problems) -> tuple[str, Tenure] | None:
    before = len(problems)
    code = _code_field(number, row.get("code", ""), problems)
    name = _text_field(number, row, "name", MAX_NAME, problems)
    title = _text_field(number, row, "title", MAX_TITLE, problems)
    start = _date_field(number, row, "valid_from", problems)
    end = _date_field(number, row, "valid_to", problems)
    if start is None and not (row.get("valid_from") or "").strip():
        problems.append(Problem(number, N_("A head needs the first day in office (valid_from).")))
    if len(problems) > before or None in (code, name, title, start):
        return None
    return code, Tenure(person_name=name, title=title, start=start, end=end)


def _check_units(unit_rows, raw_parents, all_units, problems) -> None:
    cycle = has_cycle({code: parent for code, (_, parent) in raw_parents.items()})
    for code, unit_row in unit_rows.items():
        number, parent_code = raw_parents[code]
        if code in cycle:
            problems.append(Problem(number, N_("Unit %(code)s is its own ancestor (a cycle of parents)."), {"code": code}))
            continue
        parent = None
        if parent_code is not None:
            parent = all_units.get(parent_code)
            if parent is None:
                problems.append(Problem(number, N_("Unknown parent unit %(code)s."), {"code": parent_code}))
                continue
        for message in placement_problems(unit_row.ref, parent):
            problems.append(Problem(number, message))
        for predecessor_code in unit_row.succeeds:
            predecessor = all_units.get(predecessor_code)
            if predecessor is None:
                problems.append(Problem(number, N_("Unknown predecessor unit %(code)s."), {"code": predecessor_code}))
                continue
            for message in succession_problems(unit_row.ref, predecessor):
                problems.append(Problem(number, message))


def _check_heads(head_rows, all_units, existing_tenures, problems) -> tuple[list[HeadRow], list[Closure]]:
    by_unit: dict[str, list[tuple[int, Tenure]]] = defaultdict(list)
    for number, code, tenure in head_rows:
        if code not in all_units:
            problems.append(Problem(number, N_("Unknown unit %(code)s for this head."), {"code": code}))
            continue
        by_unit[code].append((number, tenure))
    heads: list[HeadRow] = []
    closures: list[Closure] = []
    for code, entries in by_unit.items():
        # Tenures from the file carry their row number so a later row can close them.
        current: list[tuple[int | None, Tenure]] = [(None, t) for t in existing_tenures.get(code, ())]
        for number, tenure in sorted(entries, key=lambda e: e[1].start):
            try:
                unit_ref = all_units[code]
                plan = plan_appointment([t for _, t in current], tenure, unit_ref.valid_from, unit_ref.valid_to)
                tenure = plan.new
            except TenureConflict as err:
                problems.append(Problem(number, err.message, err.params))
                continue
            if plan.closes is not None:
                current = [
                    (row, replace(t, end=plan.closes_on) if t is plan.closes else t) for row, t in current
                ]
                if plan.closes.id is not None:
                    closures.append(Closure(plan.closes.id, plan.closes_on))
            current.append((number, tenure))
        heads.extend(HeadRow(row, code, t) for row, t in current if row is not None)
    return sorted(heads, key=lambda h: h.row), closures


def _parents_first(unit_rows: dict[str, UnitRow], existing: Mapping[str, UnitRef]) -> list[UnitRow]:
    ordered, placed = [], set(existing)
    pending = sorted(unit_rows.values(), key=lambda r: r.row)
    while pending:
        progress = [r for r in pending if r.ref.parent_code is None or r.ref.parent_code in placed]
        for r in progress:
            placed.add(r.ref.code)
        ordered.extend(progress)
        pending = [r for r in pending if r not in progress]
        if not progress:  # unreachable after validation; guard against an endless loop
            break
    return ordered
