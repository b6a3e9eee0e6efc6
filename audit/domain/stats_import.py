"""The life of one statistics import, and the names the mapping screen gives the columns of an export.

An uploaded export is a *draft* until the user confirms its preview; confirming *commits* all its rows at
once. Importing the same period and units again replaces what an earlier import stored for them: the earlier
import becomes *replaced* (its file stays, for the record). A draft that is confirmed with exactly the figures
already stored changes nothing and is marked *unchanged*. A draft may be *discarded*.
"""

from __future__ import annotations

from enum import StrEnum

from .errors import N_
from .stats_columns import Column


class ImportState(StrEnum):
    DRAFT = "draft"
    COMMITTED = "committed"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"
    DISCARDED = "discarded"



STATE_LABELS = {
    ImportState.DRAFT: N_("Awaiting confirmation"),
    ImportState.COMMITTED: N_("Imported"),
    ImportState.UNCHANGED: N_("Same figures as already imported: nothing changed"),
    ImportState.REPLACED: N_("Replaced by a later import"),
    ImportState.DISCARDED: N_("Discarded"),
}

#: What each column of an export may hold, as the mapping screen names it.
COLUMN_LABELS = {
    Column.PERIOD: N_("Period (year or quarter)"),
    Column.UNIT: N_("Unit (name or code)"),
    Column.UNIT_CODE: N_("Unit code"),
    Column.LEVEL: N_("Level"),
    Column.FIELD: N_("Field"),
    Column.CARRIED_OVER: N_("Carried over from the previous period"),
    Column.RECEIVED_TOTAL: N_("Received in all (carried over + new)"),
    Column.RECEIVED_NEW: N_("Newly received"),
    Column.RECEIVED_ONLINE: N_("Received online"),
    Column.RECEIVED_IN_PERSON: N_("Received in person"),
    Column.RECEIVED_POST: N_("Received by post"),
    Column.HANDLED_TOTAL: N_("Handled: total"),
    Column.HANDLED_EARLY: N_("Handled early"),
    Column.HANDLED_ON_TIME: N_("Handled on time"),
    Column.HANDLED_LATE: N_("Handled late"),
    Column.PENDING_TOTAL: N_("In progress: total"),
    Column.PENDING_WITHIN: N_("In progress within the deadline"),
    Column.PENDING_OVERDUE: N_("In progress, overdue"),
    Column.RETURNED: N_("Returned or withdrawn"),
    Column.PROCEDURES: N_("Number of procedures"),
}

#: The levels figures are totalled by (a desk's level is that of the committee it serves).
LEVEL_LABELS = {"district": N_("District level"), "commune": N_("Commune level")}

#: The source a mapping is remembered under when the user names none.
DEFAULT_SOURCE = "Hệ thống thông tin giải quyết TTHC tỉnh"

MAX_ROWS = 20_000  # units × fields × periods of a province-year, with room


def may_commit(state: ImportState) -> bool:
    return state is ImportState.DRAFT


def may_discard(state: ImportState) -> bool:
    return state is ImportState.DRAFT


def header_key(path: tuple[str, ...] | list[str]) -> str:
    """How a column's header is remembered: its non-empty cells, top to bottom, joined."""
    return " / ".join(" ".join(c.split()) for c in path if c and c.strip())
