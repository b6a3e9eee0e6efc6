"""A record, in the instance folder, of a checklist folder that validated without a single problem: the data of
its version files and of its register of legal documents, as the validation read them.

A new process (a command such as ``flask minutes render``, a new worker) builds the catalogue from that data in
milliseconds instead of parsing every YAML file and checking it against its JSON Schema (half a second, with the
imports of PyYAML and jsonschema). The record is used only while its key matches: a digest of every file in the
checklist folder (names and bytes), of the code that validates and builds (``audit/catalog``, ``audit/domain``),
and of the versions of Python, PyYAML and the jsonschema packages. Anything else validates afresh, and a folder
with a problem is never recorded, so it is refused exactly as before. The record is JSON read into the same
builders as a fresh load (never pickle: nothing in it is executed).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent
_CODE = (_PACKAGE, _PACKAGE.parent / "domain")
_LIBRARIES = ("PyYAML", "jsonschema", "jsonschema-specifications", "referencing")

_folder: Path | None = None


def keep_in(folder: Path | None) -> None:
    """Keep records in ``folder`` (the app's instance folder); ``None``: keep none (the default)."""
    global _folder
    _folder = folder


@dataclass(frozen=True)
class Snapshot:
    key: str


@dataclass(frozen=True)
class Stored:
    checklists: list  # [rel path, sha256, data] of each version file, in the order they were loaded
    register: dict | None


@cache
def _code_and_libraries() -> str:
    from importlib import metadata

    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0".encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-\0".encode())
    for folder in _CODE:
        for path in sorted(folder.glob("*.py")):
            digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def snapshot(root: Path) -> Snapshot | None:
    """The key of ``root`` as it is now; ``None`` when no records are kept."""
    if _folder is None:
        return None
    digest = hashlib.sha256(f"{_code_and_libraries()}\0{root}\0".encode())
    for folder, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            digest.update(str(path.relative_to(root)).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return Snapshot(digest.hexdigest())


def _file(root: Path) -> Path:
    return _folder / f"checklists-{hashlib.sha256(str(root).encode()).hexdigest()[:16]}.json"


def load(root: Path) -> Stored | None:
    """The record of ``root`` if its key matches the folder as it is now."""
    snap = snapshot(root)
    if snap is None:
        return None
    try:
        stored = json.loads(_file(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != snap.key:
        return None
    return Stored(stored["checklists"], stored["register"])


def store(root: Path, before: Snapshot | None, checklists: list, register: dict | None) -> None:
    """Record what validated, unless a file changed while it was read (the key before and after differ) or the
    data is not exactly what JSON gives back (keys that are not strings, dates, NaN: then nothing is recorded).
    A folder that cannot be written to only means no record."""
    if before is None or snapshot(root) != before:
        return
    payload = {"key": before.key, "checklists": [list(entry) for entry in checklists], "register": register}
    try:
        text = json.dumps(payload, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return
    if json.loads(text) != payload:
        return
    try:
        _folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=_folder, prefix=".checklists-", suffix=".json")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(temp, _file(root))  # whole or not at all, also with several workers at once
    except OSError:
        Path(temp).unlink(missing_ok=True)
