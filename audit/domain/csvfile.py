"""The one reader of every CSV import (units and heads, dossier statistics): UTF-8 with or without BOM, comma
or semicolon, every problem named by its line, all rows or none (:class:`ImportRejected`).

The upload's size is checked before this runs (``read_upload`` in the web layer, the CLI alike); here each
field is bounded by the csv module's limit (128 KiB) and the rows by ``max_rows``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection

from .errors import N_, ImportRejected, Problem


def decode(data: bytes) -> str:
    """Text of a UTF-8 file (BOM allowed). Raises :class:`ImportRejected` naming the line of a bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ImportRejected(
            [Problem(line, N_("The file is not UTF-8 encoded (invalid byte on this line). Save it as “CSV UTF-8”."))]
        ) from None


def read_table(data: bytes, *, required: Collection[str], known: Collection[str] | None = None,
               max_rows: int = 5000) -> list[tuple[int, dict[str, str]]]:
    """The data rows as (line number, {lower-case header: value}); blank lines skipped. The header is line 1.

    Raises :class:`ImportRejected` listing every problem: an empty file, missing (or, given ``known``, unknown)
    columns, a row with the wrong number of fields, an unreadable row (a field over the limit, a stray quote),
    too many rows, no data rows."""
    text = decode(data)
    if not text.strip():
        raise ImportRejected([Problem(0, N_("The file is empty."))])
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    problems: list[Problem] = []
    try:
        header = [h.strip().lower() for h in next(reader)]
    except csv.Error as err:
        raise ImportRejected([Problem(1, N_("The header row cannot be read: %(error)s"), {"error": str(err)})]) \
            from None
    missing = [c for c in required if c not in header]
    unknown = [c for c in header if known is not None and c not in known]
    if missing:
        problems.append(Problem(1, N_("Missing column(s): %(columns)s."), {"columns": ", ".join(missing)}))
    if unknown:
        problems.append(Problem(1, N_("Unknown column(s): %(columns)s."), {"columns": ", ".join(unknown)}))
    if problems:
        raise ImportRejected(problems)
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for values in reader:
            number = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                problems.append(Problem(number, N_("Expected %(expected)d columns, found %(found)d."),
                                        {"expected": len(header), "found": len(values)}))
                continue
            rows.append((number, dict(zip(header, values, strict=True))))
            if len(rows) > max_rows:
                problems.append(Problem(number, N_("Too many rows (at most %(max)d)."), {"max": max_rows}))
                break
    except csv.Error as err:
        problems.append(Problem(reader.line_num, N_("The row cannot be read: %(error)s"), {"error": str(err)}))
    if not rows and not problems:
        problems.append(Problem(0, N_("The file has no data rows.")))
    if problems:
        raise ImportRejected(problems)
    return rows
