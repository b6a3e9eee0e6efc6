"""Which figure each column of a dossier-statistics export holds, from its header as people write it.

Provincial exports follow the periodic reporting form on the results of handling administrative procedures
(Biểu số 06/VPCP/KSTT of Thông tư 01/2020/TT-VPCP, 21/10/2020, in force from 15/12/2020 by a secondary
source — the layout as public implementations show it, not checked against the official annex. Thông tư
05/2025/TT-VPCP, 31/12/2025, in force from 15/02/2026 by a secondary source, bears the same title; whether
it replaces the 2020 circular and its forms is unconfirmed). Its header spans up to three rows:

    Lĩnh vực | Số hồ sơ nhận giải quyết              | Số hồ sơ đã giải quyết              | … đang giải quyết
             | Tổng số | Trong đó        | Từ kỳ trước | Tổng số | Trước hạn | Đúng hạn | Quá hạn | Tổng số | Trong hạn | Quá hạn
             |         | Trực tuyến | TT |             |

A column is therefore known by its *path*: the header cells above it, top to bottom (a merged cell repeated
under each column it spans). "Quá hạn" under "đã giải quyết" is a late dossier handled; under "đang giải
quyết", one still in progress and overdue. Headers match in Vietnamese or English, with or without
diacritics, in any case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .text import fold


class Column(StrEnum):
    PERIOD = "period"
    UNIT = "unit"  # a name or a code
    UNIT_CODE = "unit_code"
    LEVEL = "level"
    FIELD = "field"
    CARRIED_OVER = "carried_over"
    RECEIVED_TOTAL = "received_total"
    RECEIVED_NEW = "received_new"
    RECEIVED_ONLINE = "received_online"
    RECEIVED_IN_PERSON = "received_in_person"  # in person, or in person and by post when the form joins them
    RECEIVED_POST = "received_post"
    HANDLED_TOTAL = "handled_total"
    HANDLED_EARLY = "handled_early"
    HANDLED_ON_TIME = "handled_on_time"
    HANDLED_LATE = "handled_late"
    PENDING_TOTAL = "pending_total"
    PENDING_WITHIN = "pending_within"
    PENDING_OVERDUE = "pending_overdue"
    RETURNED = "returned"  # returned to the applicant or withdrawn
    PROCEDURES = "procedures"  # how many procedures the figures cover


class _Group(StrEnum):
    RECEIVED = "received"
    HANDLED = "handled"
    PENDING = "pending"


# folded phrases; the longest phrase found in a cell decides
_GROUPS: dict[str, _Group] = {
    "so ho so nhan giai quyet": _Group.RECEIVED, "nhan giai quyet": _Group.RECEIVED, "tiep nhan": _Group.RECEIVED,
    "received": _Group.RECEIVED,
    "da giai quyet": _Group.HANDLED, "da xu ly": _Group.HANDLED, "handled": _Group.HANDLED,
    "resolved": _Group.HANDLED,
    "dang giai quyet": _Group.PENDING, "dang xu ly": _Group.PENDING, "in progress": _Group.PENDING,
    "pending": _Group.PENDING,
}

# a column whose meaning does not depend on its group
_ALONE: dict[str, Column] = {
    "ky bao cao": Column.PERIOD, "ky": Column.PERIOD, "nam": Column.PERIOD, "period": Column.PERIOD,
    "year": Column.PERIOD,
    "don vi": Column.UNIT, "co quan": Column.UNIT, "co quan don vi": Column.UNIT, "ten don vi": Column.UNIT,
    "unit": Column.UNIT, "unit name": Column.UNIT,
    "ma don vi": Column.UNIT_CODE, "unit code": Column.UNIT_CODE,
    "cap": Column.LEVEL, "cap hanh chinh": Column.LEVEL, "level": Column.LEVEL,
    "linh vuc": Column.FIELD, "linh vuc cong viec giai quyet theo cap": Column.FIELD, "field": Column.FIELD,
    "tu ky truoc": Column.CARRIED_OVER, "so ky truoc chuyen qua": Column.CARRIED_OVER,
    "ky truoc chuyen qua": Column.CARRIED_OVER, "carried over": Column.CARRIED_OVER,
    "so moi tiep nhan": Column.RECEIVED_NEW, "tiep nhan": Column.RECEIVED_NEW, "so tiep nhan": Column.RECEIVED_NEW,
    "moi tiep nhan": Column.RECEIVED_NEW, "new": Column.RECEIVED_NEW,
    "truc tuyen": Column.RECEIVED_ONLINE, "online": Column.RECEIVED_ONLINE,
    "truc tiep": Column.RECEIVED_IN_PERSON, "truc tiep dich vu buu chinh": Column.RECEIVED_IN_PERSON,
    "in person": Column.RECEIVED_IN_PERSON,
    "dich vu buu chinh": Column.RECEIVED_POST, "buu chinh": Column.RECEIVED_POST, "by post": Column.RECEIVED_POST,
    "post": Column.RECEIVED_POST,
    "tra truoc han": Column.HANDLED_EARLY, "truoc han": Column.HANDLED_EARLY, "early": Column.HANDLED_EARLY,
    "tra dung han": Column.HANDLED_ON_TIME, "tra dung thoi han": Column.HANDLED_ON_TIME,
    "tra qua han": Column.HANDLED_LATE,
    # a one-row header without groups: what is handled (the mapping screen shows it before anything is stored)
    "dung han": Column.HANDLED_ON_TIME,  # "Quá hạn" alone could be handled late or still overdue: asked
    "trong han": Column.PENDING_WITHIN, "chua den han": Column.PENDING_WITHIN,
    "within deadline": Column.PENDING_WITHIN,
    "tra lai": Column.RETURNED, "rut ho so": Column.RETURNED, "tra lai xin rut": Column.RETURNED,
    "tra lai rut ho so": Column.RETURNED, "returned": Column.RETURNED, "withdrawn": Column.RETURNED,
    "returned or withdrawn": Column.RETURNED,
    "so thu tuc": Column.PROCEDURES, "so tthc": Column.PROCEDURES, "procedures": Column.PROCEDURES,
    "so thu tuc hanh chinh": Column.PROCEDURES,
    # the import's own short names (the CSV format of the first release)
    "received": Column.RECEIVED_TOTAL, "on time": Column.HANDLED_ON_TIME, "late": Column.HANDLED_LATE,
}

# a column that means something only under its group
_IN_GROUP: dict[tuple[_Group, str], Column] = {
    (_Group.RECEIVED, "tong so"): Column.RECEIVED_TOTAL, (_Group.RECEIVED, "total"): Column.RECEIVED_TOTAL,
    (_Group.HANDLED, "tong so"): Column.HANDLED_TOTAL, (_Group.HANDLED, "total"): Column.HANDLED_TOTAL,
    (_Group.HANDLED, "dung han"): Column.HANDLED_ON_TIME, (_Group.HANDLED, "dung thoi han"): Column.HANDLED_ON_TIME,
    (_Group.HANDLED, "on time"): Column.HANDLED_ON_TIME,
    (_Group.HANDLED, "qua han"): Column.HANDLED_LATE, (_Group.HANDLED, "tre han"): Column.HANDLED_LATE,
    (_Group.HANDLED, "late"): Column.HANDLED_LATE,
    (_Group.PENDING, "tong so"): Column.PENDING_TOTAL, (_Group.PENDING, "total"): Column.PENDING_TOTAL,
    (_Group.PENDING, "qua han"): Column.PENDING_OVERDUE, (_Group.PENDING, "tre han"): Column.PENDING_OVERDUE,
    (_Group.PENDING, "overdue"): Column.PENDING_OVERDUE,
}

_IGNORED = frozenset({"stt", "tt", "so thu tu", "no", "ghi chu", "note", "notes", "trong do", "of which"})


@dataclass(frozen=True)
class ColumnMap:
    """What each column holds (by position); the headers understood as nothing, and figures named twice."""

    columns: dict[int, Column]
    unknown: tuple[tuple[int, str], ...]
    repeated: tuple[tuple[Column, tuple[int, ...]], ...]

    def position(self, column: Column) -> int | None:
        return next((i for i, c in self.columns.items() if c is column), None)


def _words(cell: str) -> str:
    """A header cell folded, without its notes in brackets ("Đúng hạn (bao gồm cả … xin rút)")."""
    return fold(re.sub(r"\([^)]*\)", " ", cell or ""))


def _group_of(cells: Sequence[str]) -> _Group | None:
    group = None
    for cell in cells:
        folded = _words(cell)
        found = [(len(phrase), g) for phrase, g in _GROUPS.items() if f" {phrase} " in f" {folded} "]
        if found:
            group = max(found)[1]
    return group


def column_of(path: Sequence[str]) -> Column | None:
    """The figure a column holds, from its header cells top to bottom; ``None`` when not understood.

    The lowest non-empty cell names the column; a group above it ("đã giải quyết", "đang giải quyết",
    "nhận giải quyết") decides what "Tổng số", "Đúng hạn" or "Quá hạn" mean."""
    cells = [c for c in path if _words(c)]
    if not cells:
        return None
    leaf = _words(cells[-1])
    group = _group_of(cells[:-1])
    if group is not None and (group, leaf) in _IN_GROUP:
        return _IN_GROUP[(group, leaf)]
    if leaf in _ALONE:
        return _ALONE[leaf]
    if leaf in _GROUPS:  # a group's name alone heads its total ("Đang giải quyết", "Số hồ sơ đã giải quyết")
        return {_Group.RECEIVED: Column.RECEIVED_TOTAL, _Group.HANDLED: Column.HANDLED_TOTAL,
                _Group.PENDING: Column.PENDING_TOTAL}[_GROUPS[leaf]]
    # a single-row header that says it all: "Số hồ sơ đã giải quyết quá hạn", "Handled — on time"
    own_group = _group_of(cells[-1:])
    if own_group is not None:
        for (in_group, phrase), column in _IN_GROUP.items():
            if in_group is own_group and leaf.endswith(" " + phrase):
                return column
    return None


def map_columns(paths: Sequence[Sequence[str]]) -> ColumnMap:
    """The map of a whole header: one path per column (see :func:`column_of`)."""
    columns: dict[int, Column] = {}
    unknown: list[tuple[int, str]] = []
    for index, path in enumerate(paths):
        column = column_of(path)
        if column is not None:
            columns[index] = column
        else:
            cells = [c.strip() for c in path if _words(c)]
            if cells and _words(cells[-1]) not in _IGNORED:
                unknown.append((index, " / ".join(cells)))
    by_column: dict[Column, list[int]] = {}
    for index, column in columns.items():
        by_column.setdefault(column, []).append(index)
    repeated = tuple((c, tuple(ix)) for c, ix in by_column.items() if len(ix) > 1)
    return ColumnMap(columns, tuple(unknown), repeated)


def header_paths(rows: Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
    """Column paths from a header of one to three rows as a spreadsheet gives them: a merged cell holds its
    text in its first column only, so an empty cell takes the text to its left in the same row when the
    cell above it spans there too (the group continues); the lowest row is never filled this way."""
    width = max((len(r) for r in rows), default=0)
    grid = [list(r) + [""] * (width - len(r)) for r in rows]
    for r, row in enumerate(grid[:-1]):
        for c in range(1, width):
            above_continues = r == 0 or not grid[r - 1][c] or grid[r - 1][c] == grid[r - 1][c - 1]
            if not row[c].strip() and row[c - 1].strip() and above_continues and any(
                    grid[k][c].strip() for k in range(r + 1, len(grid))):
                row[c] = row[c - 1]
    return [tuple(grid[r][c] for r in range(len(grid))) for c in range(width)]
