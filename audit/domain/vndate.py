"""Vietnamese date formats, as used in the interface and in administrative documents.

Decree 30/2020 writes days below 10 and the months January and February with a leading
zero in the place-and-date line ("ngày 05 tháng 3 năm 2019", "ngày 12 tháng 02 năm 2020").
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def to_local(moment: datetime) -> datetime:
    """``moment`` in Asia/Ho_Chi_Minh; a naive datetime is taken to be UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL_TZ)


def local_today(now: datetime) -> date:
    """The calendar date in Viet Nam at ``now``."""
    return to_local(now).date()


def short_date(day: date | None) -> str:
    """``05/03/2019``; empty for ``None``."""
    return day.strftime("%d/%m/%Y") if day else ""


def short_datetime(moment: datetime | None) -> str:
    """``14:30 05/03/2019`` in local time; empty for ``None``."""
    if moment is None:
        return ""
    local = to_local(moment)
    return f"{local:%H:%M} {local:%d/%m/%Y}"


def long_date(day: date) -> str:
    """``ngày 05 tháng 3 năm 2019`` per Decree 30/2020 (leading zero for days < 10, months 1–2)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_and_date(place: str, day: date) -> str:
    """``Nam Giang, ngày 05 tháng 3 năm 2019``."""
    return f"{place}, {long_date(day)}"


def parse_date(text: str) -> date:
    """Parse ``dd/mm/yyyy`` (as Vietnamese users write it) or ISO ``yyyy-mm-dd``.

    Raises :class:`ValueError` for anything else, including impossible dates.
    """
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)
