"""What an export would import, before anything is stored: each row read through the column map, its unit and
field matched, its figures checked against the form; what the user must still map (columns, unit names, field
labels) listed; totals by field and by unit for the confirmation screen. All rows or none: a preview with a
problem cannot be committed."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .errors import N_, InvalidInput
from .procedure_fields import ProcedureField, field_by_key, match_field
from .review import Period, parse_period
from .stats_balance import Broken, Figures, Stored, problems, stored
from .stats_columns import Column
from .stats_units import Candidate, How, UnitMatch, UnitMatcher
from .text import fold

_FIGURES = {
    Column.CARRIED_OVER: "carried_over", Column.RECEIVED_NEW: "received", Column.RECEIVED_TOTAL: "received_total",
    Column.RECEIVED_ONLINE: "received_online",
    Column.RECEIVED_IN_PERSON: "received_in_person", Column.RECEIVED_POST: "received_post",
    Column.HANDLED_TOTAL: "handled", Column.HANDLED_EARLY: "early", Column.HANDLED_ON_TIME: "on_time",
    Column.HANDLED_LATE: "late", Column.PENDING_TOTAL: "pending", Column.PENDING_WITHIN: "pending_within",
    Column.PENDING_OVERDUE: "pending_overdue", Column.RETURNED: "returned",
    Column.PROCEDURES: "procedures",
}

#: the column each figure is read from (to name a figure in a message as the mapping screen names its column)
FIGURE_COLUMNS = {attribute: column for column, attribute in _FIGURES.items()}


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ImportRow:
    line: int
    unit: Candidate
    field: ProcedureField
    period: Period
    figures: Figures
    kept: Stored


@dataclass
class Preview:
    rows: list[ImportRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    missing_columns: list[Column] = field(default_factory=list)
    unknown_units: dict[str, list[int]] = field(default_factory=dict)  # name as written → its lines
    ambiguous_units: dict[str, tuple[Candidate, ...]] = field(default_factory=dict)
    unknown_fields: dict[str, list[int]] = field(default_factory=dict)
    matched_units: dict[str, UnitMatch] = field(default_factory=dict)  # each name as written → how it matched

    @property
    def ready(self) -> bool:
        """Nothing left to map or correct: the import may be confirmed."""
        return bool(self.rows) and not (self.problems or self.missing_columns or self.unknown_units
                                        or self.ambiguous_units or self.unknown_fields)

    def totals(self, by: str) -> dict[str, Figures]:
        """Figures as kept, summed by ``"field"`` (its label), ``"unit"`` (its name) or ``"level"``, for the
        confirmation screen; an optional breakdown stays ``None`` where no row gave it."""
        sums: dict[str, dict[str, int | None]] = {}
        for row in self.rows:
            name = {"field": row.field.label, "unit": row.unit.name, "level": row.unit.level}[by]
            entry = sums.setdefault(name, {})
            for attribute, value in vars(row.kept).items():
                if value is not None:
                    entry[attribute] = (entry.get(attribute) or 0) + value
                else:
                    entry.setdefault(attribute, None)
        return {name: Stored(**values) for name, values in sums.items()}


_THOUSANDS = re.compile(r"\d{1,3}(?:([.,\u00a0 ])\d{3})(?:\1\d{3})*")
_WHOLE = re.compile(r"\d+(?:[.,]0+)?")


def _number(text: str) -> int | None | str:
    """A count as an export writes it ("1.147", "1 147", "1,147", "3820", "420.0"); ``None`` for an empty cell;
    the text itself when it is not a whole number (reported). A separator is read as one for thousands only
    between groups of three digits: "12.5" or "420.50" is not a count, never 125 or 42050."""
    cleaned = text.strip()
    if not cleaned or cleaned == "-":
        return None
    if len(cleaned) > 40 or not cleaned.isascii() and "\u00a0" not in cleaned:
        return text
    if _THOUSANDS.fullmatch(cleaned):
        return int(re.sub(r"\D", "", cleaned))
    if _WHOLE.fullmatch(cleaned):
        return int(re.split(r"[.,]", cleaned)[0])
    return text


def build(rows: Sequence[tuple[int, Sequence[str]]], columns: Mapping[int, Column], matcher: UnitMatcher, *,
          period: Period | None = None, field_mapping: Mapping[str, str] | None = None) -> Preview:
    """The preview of ``rows`` (line, cells) read with ``columns`` (position → column). ``period`` applies when
    the file has no period column; ``field_mapping`` holds the user's answers for labels (label → field key)."""
    preview = Preview()
    where = {column: index for index, column in columns.items()}
    needed = [Column.FIELD] + ([] if Column.UNIT in where or Column.UNIT_CODE in where else [Column.UNIT])
    needed += [] if period is not None else [Column.PERIOD]
    if not any(c in where for c in (Column.HANDLED_ON_TIME, Column.HANDLED_EARLY)):
        needed.append(Column.HANDLED_ON_TIME)
    if Column.HANDLED_LATE not in where:
        needed.append(Column.HANDLED_LATE)
    if not any(c in where for c in (Column.RECEIVED_NEW, Column.RECEIVED_TOTAL, Column.RECEIVED_ONLINE)):
        needed.append(Column.RECEIVED_NEW)
    preview.missing_columns = [c for c in needed if c not in where]
    if preview.missing_columns:
        return preview
    mapped_fields = {fold(label): key for label, key in (field_mapping or {}).items()}
    seen: dict[tuple, int] = {}
    periods: dict[tuple, list[tuple[Period, int]]] = {}  # (unit, field) → periods of the file's rows, their lines
    for line, cells in rows:
        def cell(column: Column, cells: Sequence[str] = cells) -> str:
            index = where.get(column)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        unit_text = cell(Column.UNIT_CODE) or cell(Column.UNIT)
        match = matcher.match(unit_text)
        if match.unit is not None:
            preview.matched_units.setdefault(unit_text, match)
        if match.how is How.UNKNOWN:
            preview.unknown_units.setdefault(unit_text, []).append(line)
        elif match.how is How.AMBIGUOUS:
            preview.ambiguous_units[unit_text] = match.candidates
        label = cell(Column.FIELD)
        found = field_by_key(mapped_fields[fold(label)]) if fold(label) in mapped_fields else match_field(label)
        if found is None:
            preview.unknown_fields.setdefault(label, []).append(line)
        row_period = period
        if Column.PERIOD in where:
            try:
                row_period = parse_period(cell(Column.PERIOD))
            except InvalidInput as err:
                preview.problems.append(RowProblem(line, err.message, err.params))
                continue
        values: dict[str, int] = {}
        bad = False
        for column, attribute in _FIGURES.items():
            if column not in where:
                continue
            number = _number(cell(column))
            if isinstance(number, str):
                preview.problems.append(RowProblem(line, N_("“%(value)s” is not a whole number."),
                                                   {"value": number[:30]}))
                bad = True
            elif number is not None:
                values[attribute] = number
        if bad or match.unit is None or found is None:
            continue
        figures = Figures(**values)
        broken_rules = problems(figures)
        for broken in broken_rules:
            preview.problems.append(RowProblem(line, broken.message, broken.params))
        kept = stored(figures)
        if isinstance(kept, Broken):
            preview.problems.append(RowProblem(line, kept.message, kept.params))
        key = (match.unit.id, found.key, row_period.start, row_period.end)
        if key in seen:
            preview.problems.append(RowProblem(line, N_("This unit, field and period are already on line %(line)d."),
                                               {"line": seen[key]}))
            continue
        seen[key] = line
        clash = next((other for other, _line in periods.get(key[:2], [])
                      if other.start <= row_period.end and row_period.start <= other.end), None)
        if clash is not None:
            preview.problems.append(RowProblem(line, N_("This unit and field are already on line %(line)d for "
                                                        "%(period)s, which overlaps this row's period: the "
                                                        "dossiers would be counted twice."),
                                               {"line": dict(periods[key[:2]])[clash], "period": clash.label}))
            continue
        periods.setdefault(key[:2], []).append((row_period, line))
        if broken_rules or isinstance(kept, Broken):
            continue
        preview.rows.append(ImportRow(line, match.unit, found, row_period, figures, kept))
    if not rows:
        preview.problems.append(RowProblem(0, N_("The file has no data rows.")))
    return preview
