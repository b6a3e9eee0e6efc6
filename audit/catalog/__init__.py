"""The checklist catalogue: versioned YAML definitions in, domain objects out (no Flask)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from audit.domain.checklist import Checklist

from . import cache
from .integrity import checksum_problems, items_digest, superseded_by
from .legal import REGISTER_FILE, get_register, load_register_data
from .loader import ChecklistFileError, FileProblem, build, discover, load_file_data, load_schema

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "checklists"

__all__ = ["Catalog", "ChecklistFileError", "FileProblem", "get_catalog", "get_register", "validate_all",
           "DEFAULT_ROOT", "REGISTER_FILE", "assumed_dates", "cited_keys"]


@dataclass
class Catalog:
    """Every valid checklist version under one folder."""

    root: Path
    versions: list[Checklist] = field(default_factory=list)
    superseded: dict[str, str] = field(default_factory=dict)  # amended-away sha256 → the file's current sha256

    def keys(self) -> list[str]:
        return sorted({c.key for c in self.versions})

    def get(self, key: str, version: int) -> Checklist:
        for checklist in self.versions:
            if checklist.key == key and checklist.version == version:
                return checklist
        raise KeyError(f"{key} v{version}")

    def pinned(self, key: str, version: int, sha256: str) -> Checklist | None:
        """The version an inspection pinned by its sha256: the file itself, or the file that a recorded
        amendment made of it; ``None`` when the file has changed without an amendment."""
        checklist = self.get(key, version)
        if sha256 == checklist.sha256 or self.superseded.get(sha256) == checklist.sha256:
            return checklist
        return None

    def versions_of(self, key: str) -> list[Checklist]:
        return sorted((c for c in self.versions if c.key == key), key=lambda c: c.version)

    def for_date(self, key: str, day: date) -> Checklist | None:
        """The newest published version of ``key`` whose legal validity covers ``day``."""
        candidates = [c for c in self.versions_of(key) if c.status == "published" and c.applies_on(day)]
        return candidates[-1] if candidates else None


def validate_all(root: Path = DEFAULT_ROOT) -> tuple[list[Checklist], list[str]]:
    """Load every version file; returns the valid ones and a message for every problem found."""
    loaded, problems, _, _ = _validate(root)
    return loaded, problems


def _validate(root: Path) -> tuple[list[Checklist], list[str], dict[str, dict], dict | None]:
    """:func:`validate_all`, also returning the data of every valid version file (by path) and of the register."""
    schema = load_schema(root)
    loaded, problems, data = [], [], {}
    for path in discover(root):
        try:
            checklist, data_of_file = load_file_data(path, root, schema)
        except ChecklistFileError as err:
            problems.extend(str(p) for p in err.problems)
        else:
            loaded.append(checklist)
            data[checklist.path] = data_of_file
    published = [c.path for c in loaded if c.status == "published"]
    problems.extend(checksum_problems(root, published, {c.path: items_digest(c) for c in loaded}))
    problems.extend(overlap_problems(loaded))
    register_data = None
    if (root / REGISTER_FILE).exists():
        try:
            register, register_data = load_register_data(root)
        except ChecklistFileError as err:
            problems.extend(str(p) for p in err.problems)
        else:
            problems.extend(unregistered_problems(loaded, register))
            problems.extend(anachronism_problems(loaded, register))
    return loaded, problems, data, register_data


def bases_of(checklist: Checklist) -> list[tuple[str, object]]:
    """(where, basis) of every threshold basis of a version: the assessment rules and each item's scoring
    and signal."""
    found = [("assessment", checklist.rules.basis)] if checklist.rules and checklist.rules.basis else []
    for item in checklist.items:
        for part in (item.scoring, item.signal):
            if part is not None and getattr(part, "basis", None) is not None:
                found.append((item.id, part.basis))
    return found


def unregistered_problems(loaded: list[Checklist], register) -> list[str]:
    """Documents a checklist names or cites that the register of legal documents does not hold."""
    problems = []
    for checklist in loaded:
        named = [("legal_basis", key) for key in checklist.legal_basis]
        cited = [(item.id, c.doc) for item in checklist.items for c in item.citations]
        cited += [(where, basis.doc) for where, basis in bases_of(checklist) if basis.doc]
        for where, key in named + cited:
            if key not in register:
                problems.append(f"{checklist.path}: {where}: {key} is not in the register of legal documents "
                                f"({REGISTER_FILE})")
    return problems


def cited_keys(checklist: Checklist) -> list[tuple[str, str]]:
    """(where, register key) of everything a version rests on: its legal basis, its items' citations and the
    documents its thresholds rest on."""
    cited = [("legal_basis", key) for key in checklist.legal_basis]
    cited += [(item.id, c.doc) for item in checklist.items for c in item.citations]
    return cited + [(where, basis.doc) for where, basis in bases_of(checklist) if basis.doc]


def anachronism_problems(loaded: list[Checklist], register) -> list[str]:
    """A version may rest only on documents in force on its first day (an amendment that takes effect later
    starts a new version): anything else would be cited before it existed or after it was repealed."""
    from audit.domain.legal import anachronisms

    return [f"{checklist.path}: {problem}" for checklist in loaded
            for problem in anachronisms(register, [c for c in cited_keys(checklist) if c[1] in register],
                                        checklist.valid_from)]


def assumed_dates(loaded: list[Checklist], register) -> list[str]:
    """Versions resting on a document whose date of effect is assumed, not read (warnings to check)."""
    found = []
    for checklist in loaded:
        for key in dict.fromkeys(k for _, k in cited_keys(checklist)):
            document = register.get(key) if key in register else None
            if document is not None and document.assumed_in_force_from is not None:
                found.append(f"{checklist.path}: rests on {key}, whose date of effect is assumed "
                             f"({document.assumed_in_force_from.isoformat()}), not read: {document.assumption}")
    return found


def overlap_problems(loaded: list[Checklist]) -> list[str]:
    """Two published versions of one checklist valid on the same day: which one an inspection takes would
    depend on the order of the files."""
    problems = []
    published = sorted((c for c in loaded if c.status == "published"), key=lambda c: (c.key, c.valid_from))
    for earlier, later in zip(published, published[1:], strict=False):
        if earlier.key == later.key and (earlier.valid_to is None or later.valid_from <= earlier.valid_to):
            problems.append(f"{later.path}: valid from {later.valid_from.isoformat()}, while {earlier.path} is "
                            f"still valid (until {earlier.valid_to.isoformat() if earlier.valid_to else 'open'}): "
                            "two versions of one checklist cannot apply on the same day")
    return problems


@lru_cache(maxsize=4)
def get_catalog(root: Path = DEFAULT_ROOT) -> Catalog:
    """The catalogue of ``root``, loaded once per process. Raises if any file is invalid.

    A folder that validated before, unchanged since and read by the same code (:mod:`audit.catalog.cache`), is
    built from the data recorded then instead of being parsed and validated again."""
    stored = cache.load(root)
    if stored is not None:
        versions = [build(data, sha256, rel) for rel, sha256, data in stored.checklists]
        return Catalog(root=root, versions=versions, superseded=superseded_by(root))
    before = cache.snapshot(root)
    loaded, problems, data, register_data = _validate(root)
    if problems:
        raise ChecklistFileError([FileProblem(str(root), None, "", p) for p in problems])
    cache.store(root, before, [(c.path, c.sha256, data[c.path]) for c in loaded], register_data)
    return Catalog(root=root, versions=loaded, superseded=superseded_by(root))
