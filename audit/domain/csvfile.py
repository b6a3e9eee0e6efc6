"""The one reader of every CSV import (units and heads, dossier statistics): UTF-8 with or without BOM, comma
or semicolon, every problem named by its line, all rows or none (:class:`ImportRejected`).

The upload's size is checked before this runs (``read_upload`` in the web layer, the CLI alike); here each
field is bounded by the csv module's limit (128 KiB) and the rows by ``max_rows``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection

from .errors import N_, ImportRejected, Problem


def _legacy_encoding(data: bytes) -> str | None:
    """The legacy Vietnamese encoding the bytes look like, if any (for the message only: never decoded)."""
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    return "Windows-1258 / TCVN3 / VNI" if re.search("[ÃÂÊÔƠƯĐăâêôơưđ]", text) else None


def decode(data: bytes) -> str:
    """Text of a UTF-8 file (BOM allowed). Raises :class:`ImportRejected` naming the line of a bad byte, and a
    legacy Vietnamese encoding with the way to save the file as UTF-8: guessing an encoding silently turns
    names into other names."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        legacy = _legacy_encoding(data)
        if legacy:
            raise ImportRejected([Problem(line, N_(
                "The file is in a legacy Vietnamese encoding (%(encoding)s), not UTF-8. In Excel choose File → "
                "Save As → “CSV UTF-8 (Comma delimited)”, then upload that file."), {"encoding": legacy})]) from None
        raise ImportRejected(
            [Problem(line, N_("The file is not UTF-8 encoded (invalid byte on this line). Save it as “CSV UTF-8”."))]
        ) from None


def rows(data: bytes, *, max_rows: int) -> list[tuple[int, list[str]]]:
    """Every line as (line number, cells), the header included, cells stripped; comma or semicolon as the
    first line uses. An unreadable row (a field over the limit, a stray quote) or too many rows:
    :class:`ImportRejected` naming the line."""
    text = decode(data)
    first_line = text.splitlines()[0] if text.strip() else ""
    reader = csv.reader(io.StringIO(text), delimiter=";" if first_line.count(";") > first_line.count(",") else ",")
    found: list[tuple[int, list[str]]] = []
    try:
        for values in reader:
            found.append((reader.line_num, [v.strip() for v in values]))
            if len(found) > max_rows:
                raise ImportRejected([Problem(reader.line_num, N_("Too many rows (at most %(max)d)."),
                                              {"max": max_rows})])
    except csv.Error as err:
        raise ImportRejected([Problem(reader.line_num, N_("The row cannot be read: %(error)s"),
                                      {"error": str(err)})]) from None
    return found


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
