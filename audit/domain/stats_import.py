"""Validation of a dossier-statistics CSV as the provincial system exports it, every row at once.

Header: ``unit_code,field,period,received,on_time,late[,procedures]`` (UTF-8, comma or semicolon).
``period`` is a year or a quarter (see :func:`audit.domain.review.parse_period`); ``received`` must
equal ``on_time + late``; a (unit, field, period) appears once.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from .csvfile import read_table
from .errors import N_, ImportRejected, InvalidInput, Problem
from .inputs import MAX_COUNT
from .review import Period, parse_period
from .sampling import FIELDS

COLUMNS = ("unit_code", "field", "period", "received", "on_time", "late", "procedures")
REQUIRED = COLUMNS[:6]
MAX_ROWS = 20_000  # units × fields × periods of a province-year, with room


@dataclass(frozen=True)
class StatRow:
    row: int
    unit_code: str
    field: str
    period: Period
    received: int
    on_time: int
    late: int
    procedures: int | None


def _int(value: str, column: str, number: int, problems: list[Problem]) -> int | None:
    digits = value.strip().replace(".", "").replace(" ", "")
    try:
        result = int(digits) if len(digits) <= 12 else None
    except ValueError:
        result = None
    if result is None:
        problems.append(Problem(number, N_("Column %(column)s must be a whole number, not “%(value)s”."),
                                {"column": column, "value": value.strip()[:30]}))
        return None
    if result < 0:
        problems.append(Problem(number, N_("Column %(column)s cannot be negative."), {"column": column}))
        return None
    if result > MAX_COUNT:
        problems.append(Problem(number, N_("Column %(column)s is larger than %(max)s."),
                                {"column": column, "max": f"{MAX_COUNT:,}".replace(",", ".")}))
        return None
    return result


def parse(data: bytes, unit_codes: Collection[str]) -> list[StatRow]:
    """All rows, or :class:`ImportRejected` listing every problem by row number (header is row 1)."""
    problems: list[Problem] = []
    rows: list[StatRow] = []
    seen: set[tuple] = set()
    for number, row in read_table(data, required=REQUIRED, max_rows=MAX_ROWS):
        before = len(problems)
        code = row["unit_code"].strip().upper()
        if code not in unit_codes:
            problems.append(Problem(number, N_("Unknown unit %(code)s."), {"code": code}))
        field = row["field"].strip().lower()
        if field not in FIELDS:
            problems.append(Problem(number, N_("Unknown field “%(value)s”."), {"value": field}))
        try:
            period = parse_period(row["period"])
        except InvalidInput as err:
            problems.append(Problem(number, err.message, err.params))
            period = None
        received = _int(row["received"], "received", number, problems)
        on_time = _int(row["on_time"], "on_time", number, problems)
        late = _int(row["late"], "late", number, problems)
        procedures = _int(row["procedures"], "procedures", number, problems) if row.get("procedures", "").strip() \
            else None
        if None not in (received, on_time, late) and received != on_time + late:
            problems.append(Problem(number, N_("received (%(received)d) must equal on_time + late (%(sum)d)."),
                                    {"received": received, "sum": on_time + late}))
        if len(problems) > before:
            continue
        key = (code, field, period.start, period.end)
        if key in seen:
            problems.append(Problem(number, N_("This unit, field and period appear twice."), {}))
            continue
        seen.add(key)
        rows.append(StatRow(number, code, field, period, received, on_time, late, procedures))
    if problems:
        raise ImportRejected(problems)
    if not rows:
        raise ImportRejected([Problem(0, N_("The file has no data rows."))])
    return rows
