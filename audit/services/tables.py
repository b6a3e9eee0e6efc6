"""A spreadsheet export as rows of text: CSV (comma or semicolon, UTF-8 with or without BOM) or XLSX (merged
header cells as a spreadsheet stores them: the text in the first cell of the range). The header — one to three
rows — is told from the data by the first row that holds figures.

A CSV in a legacy Vietnamese encoding (Windows-1258, TCVN3, VNI) is refused with the way to save it as UTF-8:
guessing an encoding silently turns names into other names.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from audit.domain import csvfile
from audit.domain.errors import N_, ImportRejected, Problem
from audit.domain.stats_import import MAX_ROWS

MAX_HEADER_ROWS = 3
_NUMBER = re.compile(r"^\s*-?[\d.,\s]+\s*$")


@dataclass(frozen=True)
class Table:
    header: list[list[str]]  # one to three rows
    rows: list[tuple[int, list[str]]]  # (line or row number in the file, cells)


def _xlsx_rows(data: bytes) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True)  # not read-only: merged ranges are needed
    except Exception:  # noqa: BLE001 — a damaged workbook fails in zipfile, lxml or openpyxl in many ways
        raise ImportRejected([Problem(0, N_("The file is not a readable Excel workbook (.xlsx)."))]) from None
    sheet = workbook.worksheets[0]
    if sheet.max_row > MAX_ROWS + MAX_HEADER_ROWS + 10:
        workbook.close()
        raise ImportRejected([Problem(0, N_("Too many rows (at most %(max)d)."), {"max": MAX_ROWS})])
    rows = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = ["" if v is None else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)).strip()
                 for v in values]
        rows.append((number, cells))
    workbook.close()
    return rows


def _column_numbers(cells: list[str]) -> bool:
    given = [c for c in cells if c]
    return len(given) >= 3 and all(re.fullmatch(r"\(?\d+\)?", c) for c in given) and \
        [int(c.strip("()")) for c in given] == list(range(1, len(given) + 1))


def _has_figures(cells: list[str]) -> bool:
    return sum(1 for c in cells if c and _NUMBER.match(c)) >= 2


def read_table(data: bytes, filename: str) -> Table:
    """The file's header rows and data rows (blank rows and a row of column numbers "(1) (2) …" skipped)."""
    if not data.strip():
        raise ImportRejected([Problem(0, N_("The file is empty."))])
    is_xlsx = filename.lower().endswith(".xlsx") or data[:2] == b"PK"
    # forms number their columns under the header, "(1) (2) (3) …" or "1 2 3 …": a row that is not data
    rows = [(n, cells) for n, cells in (_xlsx_rows(data) if is_xlsx else csvfile.rows(data, max_rows=MAX_ROWS))
            if any(cells) and not _column_numbers(cells)]
    start = next((i for i, (_, cells) in enumerate(rows) if _has_figures(cells)), None)
    if start is None:
        raise ImportRejected([Problem(0, N_("The file has no data rows."))])
    header = [cells for _, cells in rows[:start]]
    data_rows = rows[start:]
    if not 1 <= len(header) <= MAX_HEADER_ROWS:
        raise ImportRejected([Problem(1, N_("The header must take one to three rows above the first row of "
                                            "figures (found %(count)d)."), {"count": len(header)})])
    width = max(len(c) for _, c in rows)
    return Table([r + [""] * (width - len(r)) for r in header], [(n, c + [""] * (width - len(c))) for n, c in data_rows])
