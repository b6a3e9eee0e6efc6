"""Published checklist versions never change silently.

``CHECKSUMS`` records the sha256 of each published file and a digest of its item identities (id,
section, answer type — what stored answers point to). A published file may be corrected only by a
recorded *amendment* (``AMENDMENTS``: old sha256 → new sha256, date, reason) that keeps every item
identity; an inspection pinned to the old sha256 keeps working with the amended file, and the
amendment says when and why its rules changed. Anything else is a new version.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

CHECKSUMS_FILE = "CHECKSUMS"
AMENDMENTS_FILE = "AMENDMENTS"


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def items_digest(checklist) -> str:
    """A digest of what stored answers depend on: every item's id, section and answer type, in order."""
    lines = "\n".join(f"{i.id}|{i.section}|{i.answer_type.value}" for i in checklist.items)
    return hashlib.sha256(lines.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Recorded:
    sha256: str
    items: str | None  # items digest (absent on lines written before digests were recorded)


def read_checksums(root: Path) -> dict[str, str]:
    """``{"<key>/v<N>.yaml": sha256}`` from the CHECKSUMS file (empty if it does not exist)."""
    return {rel: rec.sha256 for rel, rec in read_records(root).items()}


def read_records(root: Path) -> dict[str, Recorded]:
    path = root / CHECKSUMS_FILE
    if not path.exists():
        return {}
    result = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            parts = line.split()
            result[parts[1]] = Recorded(parts[0], parts[2].removeprefix("items:") if len(parts) > 2 else None)
    return result


def _write_records(root: Path, records: dict[str, Recorded]) -> None:
    lines = [f"{rec.sha256}  {rel}" + (f"  items:{rec.items}" if rec.items else "") for rel, rec in sorted(records.items())]
    (root / CHECKSUMS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Amendment:
    old: str
    new: str
    day: date
    path: str
    reason: str


def read_amendments(root: Path) -> list[Amendment]:
    path = root / AMENDMENTS_FILE
    if not path.exists():
        return []
    result = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            old, new, day, rel, reason = line.split(maxsplit=4)
            result.append(Amendment(old, new, date.fromisoformat(day), rel, reason.strip()))
    return result


def superseded_by(root: Path) -> dict[str, str]:
    """``{old sha256: current sha256}`` for every amended file (following chains of amendments)."""
    step = {a.old: a.new for a in read_amendments(root)}
    result = {}
    for old in step:
        current, seen = old, set()
        while current in step and current not in seen:
            seen.add(current)
            current = step[current]
        result[old] = current
    return result


def checksum_problems(root: Path, published: list, digests: dict[str, str] | None = None) -> list[str]:
    """Messages for published files missing from CHECKSUMS, changed, or recorded but gone; for items
    digests that differ from the record; and for amendments that do not chain to a recorded file."""
    records = read_records(root)
    digests = digests or {}
    problems = []
    for rel in published:
        if rel not in records:
            problems.append(f"{rel}: published but not recorded in {CHECKSUMS_FILE} (run `checklists checksum`)")
        elif file_sha256(root / rel) != records[rel].sha256:
            problems.append(f"{rel}: a published version was changed; publish a new version instead, or record an "
                            "amendment that keeps every item (`checklists amend`)")
        elif records[rel].items and rel in digests and digests[rel] != records[rel].items:
            problems.append(f"{rel}: the items (ids, sections, answer types) differ from the record")
    for rel in records:
        if not (root / rel).exists():
            problems.append(f"{rel}: recorded in {CHECKSUMS_FILE} but the file is missing")
    current = {rec.sha256 for rec in records.values()}
    for old, final in superseded_by(root).items():
        if final not in current:
            problems.append(f"{AMENDMENTS_FILE}: the amendment of {old[:12]} leads to no recorded file")
    return problems


def write_checksums(root: Path, published: list, digests: dict[str, str]) -> list[str]:
    """Record files not yet in CHECKSUMS; never rewrites an existing entry. Returns the names added."""
    records = read_records(root)
    added = [rel for rel in published if rel not in records]
    for rel in added:
        records[rel] = Recorded(file_sha256(root / rel), digests.get(rel))
    if added:
        _write_records(root, records)
    return added


class AmendmentRefused(Exception):
    pass


def record_amendment(root: Path, rel: str, digest: str, reason: str, today: date) -> Amendment:
    """Record that the published file ``rel`` was corrected; refuses when its items changed."""
    records = read_records(root)
    if rel not in records:
        raise AmendmentRefused(f"{rel} is not a published version")
    if not reason.strip():
        raise AmendmentRefused("give the reason for the amendment")
    old = records[rel]
    new_sha = file_sha256(root / rel)
    if new_sha == old.sha256:
        raise AmendmentRefused(f"{rel} has not changed")
    if old.items and old.items != digest:
        raise AmendmentRefused(f"{rel}: an amendment must keep every item id, section and answer type; "
                               "publish a new version instead")
    amendment = Amendment(old.sha256, new_sha, today, rel, " ".join(reason.split()))
    path = root / AMENDMENTS_FILE
    if not path.exists():
        path.write_text("# Corrections of published checklist versions that keep every item id, section and answer\n"
                        "# type (recorded by `flask --app wsgi checklists amend`). One line each:\n"
                        "# <sha256 before> <sha256 after> <date> <file> <reason>\n", encoding="utf-8")
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"{amendment.old} {amendment.new} {today.isoformat()} {rel} {amendment.reason}\n")
    records[rel] = Recorded(new_sha, digest)
    _write_records(root, records)
    return amendment
