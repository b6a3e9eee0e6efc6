"""Which unit a row of an export names: by code, by exact name, or by the name reduced the way exports vary it
("UBND xã La Êê", "Xã La Êê", "LA ÊÊ"), among the units of the period's tree. Nothing is guessed: a name that
matches two units, or none, is listed for the user to map."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from .errors import N_
from .text import fold, unit_name_key


@dataclass(frozen=True)
class Candidate:
    """A unit an export may name. The same unit may stand under two names (a commune and its one-stop desk):
    rows of the commune's people's committee are the desk's figures."""

    id: int
    code: str
    name: str
    level: str = ""  # "district" or "commune", for the totals by level


class How(StrEnum):
    CODE = "code"
    NAME = "name"
    REDUCED = "reduced"  # the name without diacritics, case and "UBND"/"Xã"/"Phường"/"Thị trấn"
    MAPPED = "mapped"  # the user said so (remembered for the source)
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"


#: How the import screen says a name was matched.
HOW_LABELS = {
    How.CODE: N_("by code"),
    How.NAME: N_("by name"),
    How.REDUCED: N_("by name without “UBND”, “Xã”…, diacritics and case"),
    How.MAPPED: N_("as chosen earlier for this source"),
    How.AMBIGUOUS: N_("several units"),
    How.UNKNOWN: N_("not found"),
}


@dataclass(frozen=True)
class UnitMatch:
    text: str
    how: How
    unit: Candidate | None = None
    candidates: tuple[Candidate, ...] = ()


class UnitMatcher:
    """Built once per import from the units of the period (and the user's remembered mappings)."""

    def __init__(self, units: Iterable[Candidate], mapped: dict[str, int] | None = None):
        self.units = tuple(units)
        self.by_id: dict[int, Candidate] = {}
        for unit in self.units:
            self.by_id.setdefault(unit.id, unit)
        self.by_code = {u.code.strip().upper(): u for u in self.units}
        self.by_name: dict[str, list[Candidate]] = {}
        self.by_key: dict[str, list[Candidate]] = {}
        for unit in self.units:
            self.by_name.setdefault(" ".join(unit.name.split()).casefold(), []).append(unit)
            self.by_key.setdefault(unit_name_key(unit.name), []).append(unit)
        self.mapped = {fold(text): unit_id for text, unit_id in (mapped or {}).items()}

    def match(self, text: str | None) -> UnitMatch:
        raw = " ".join((text or "").split())
        if not raw:
            return UnitMatch(raw, How.UNKNOWN)
        if raw.upper() in self.by_code:
            return UnitMatch(raw, How.CODE, self.by_code[raw.upper()])
        ambiguous: tuple[Candidate, ...] = ()
        for how, found in ((How.NAME, self.by_name.get(raw.casefold(), [])),
                           (How.REDUCED, self.by_key.get(unit_name_key(raw), []))):
            distinct = tuple(self.by_id[i] for i in dict.fromkeys(c.id for c in found))
            if len(distinct) == 1:
                return UnitMatch(raw, how, distinct[0])
            if len(distinct) > 1:
                ambiguous = distinct
                break
        # the user's answer settles only a name the tree itself does not settle: a code or a name that matches
        # one unit is never overridden by a mapping (made for another tree, or by someone else)
        if fold(raw) in self.mapped and self.mapped[fold(raw)] in self.by_id:
            return UnitMatch(raw, How.MAPPED, self.by_id[self.mapped[fold(raw)]])
        if ambiguous:
            return UnitMatch(raw, How.AMBIGUOUS, candidates=ambiguous)
        return UnitMatch(raw, How.UNKNOWN)
