"""Published checklist versions never change: their sha256 is recorded in ``CHECKSUMS``."""

from __future__ import annotations

import hashlib
from pathlib import Path

CHECKSUMS_FILE = "CHECKSUMS"


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_checksums(root: Path) -> dict[str, str]:
    """``{"<key>/v<N>.yaml": sha256}`` from the CHECKSUMS file (empty if it does not exist)."""
    path = root / CHECKSUMS_FILE
    if not path.exists():
        return {}
    result = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            digest, name = line.split(maxsplit=1)
            result[name] = digest
    return result


def checksum_problems(root: Path, published: list[str]) -> list[str]:
    """Messages for published files that are missing from CHECKSUMS, changed, or recorded but gone."""
    recorded = read_checksums(root)
    problems = []
    for rel in published:
        if rel not in recorded:
            problems.append(f"{rel}: published but not recorded in {CHECKSUMS_FILE} (run `checklists checksum`)")
        elif file_sha256(root / rel) != recorded[rel]:
            problems.append(f"{rel}: a published version was changed; publish a new version instead")
    for rel in recorded:
        if not (root / rel).exists():
            problems.append(f"{rel}: recorded in {CHECKSUMS_FILE} but the file is missing")
    return problems


def write_checksums(root: Path, published: list[str]) -> list[str]:
    """Record files not yet in CHECKSUMS; never rewrites an existing entry. Returns the names added."""
    recorded = read_checksums(root)
    added = [rel for rel in published if rel not in recorded]
    if added:
        with (root / CHECKSUMS_FILE).open("a", encoding="utf-8") as fh:
            for rel in added:
                fh.write(f"{file_sha256(root / rel)}  {rel}\n")
    return added
