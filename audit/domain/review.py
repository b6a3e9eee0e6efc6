"""The chairman's review: periods, trends, the heads' attention order, statistics that contradict a sample."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import N_, InvalidInput


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str  # "2019", "Quý I/2019"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


QUARTER_NAMES = {1: "I", 2: "II", 3: "III", 4: "IV"}


def parse_period(text: str) -> Period:
    """``2019`` (a year) or ``2019-Q1`` … ``2019-Q4`` (a quarter); :class:`InvalidInput` otherwise."""
    text = (text or "").strip().upper()
    match = re.fullmatch(r"(\d{4})(?:-Q([1-4]))?", text)
    if not match or not 2000 <= int(match.group(1)) <= 2100:
        raise InvalidInput(N_("A period is a year (2019) or a quarter (2019-Q1)."))
    year = int(match.group(1))
    if match.group(2) is None:
        return Period(date(year, 1, 1), date(year, 12, 31), str(year))
    quarter = int(match.group(2))
    start = date(year, 3 * quarter - 2, 1)
    end = date(year, 12, 31) if quarter == 4 else date(year, 3 * quarter + 1, 1) - timedelta(days=1)
    return Period(start, end, f"Quý {QUARTER_NAMES[quarter]}/{year}")


def sparkline(scores: list[float], width: int = 120, height: int = 32) -> str:
    """SVG polyline points for scores 0–100, oldest first (a single score is a flat line)."""
    if not scores:
        return ""
    if len(scores) == 1:
        scores = scores * 2
    step = (width - 4) / (len(scores) - 1)
    return " ".join(f"{2 + i * step:.1f},{2 + (height - 4) * (1 - s / 100):.1f}" for i, s in enumerate(scores))


@dataclass(frozen=True)
class HeadStats:
    tenure_id: int
    person_name: str
    title: str
    unit_name: str
    start: date
    end: date | None
    findings: int
    repeats: int
    overdue: int
    formal: int


def attention_order(stats: list[HeadStats]) -> list[HeadStats]:
    """Who needs the chairman's attention first: overdue items, then repeats, formal verdicts, findings."""
    return sorted(stats, key=lambda s: (-s.overdue, -s.repeats, -s.formal, -s.findings, s.person_name))


def rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None
