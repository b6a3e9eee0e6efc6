"""Backups: the database dump, the file store's objects and a manifest, every file under a checksum.

A backup folder holds ``database.sqlite3`` (SQLite's online backup) or ``database.pgdump`` (``pg_dump``'s custom
format), ``files/<ab>/<key>`` (a copy of each stored object), ``manifest.json`` and ``SHA256SUMS``. A restore
first re-hashes every file of the folder and refuses a folder that differs from its checksums, then replaces the
database and puts back every object the store lacks; objects are content-addressed, so they come back
byte-identical.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from audit.storage import LocalStore, Store, StoreError, copy, digest_of

SUMS = "SHA256SUMS"
MANIFEST = "manifest.json"


class BackupError(Exception):
    pass


def _file_sha(path: Path) -> str:
    with path.open("rb") as stream:
        return digest_of(stream)[0]


def _libpq(url: str) -> tuple[str, dict]:
    """The SQLAlchemy URL as pg_dump and pg_restore take it (no driver name, no password), and the environment
    that gives them the password (never on a command line, where `ps` shows it)."""
    import os

    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    return parsed.set(drivername="postgresql", password=None).render_as_string(hide_password=False), env


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up")
    return Path(database)


@dataclass(frozen=True)
class Summary:
    database: str
    objects: int
    size: int


def create(target: Path, *, database_url: str, store: Store, schema_version: str | None) -> Summary:
    """Write a backup of the database at ``database_url`` and of ``store`` into the empty folder ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    if any(target.iterdir()):
        raise BackupError(f"{target} is not empty: a backup goes into a folder of its own")
    kind = make_url(database_url).get_backend_name()
    if kind == "sqlite":
        dump = target / "database.sqlite3"
        source = sqlite3.connect(f"file:{_sqlite_path(database_url)}?mode=ro", uri=True)
        try:
            out = sqlite3.connect(dump)
            try:
                source.backup(out)  # a consistent copy while the app keeps running
                out.execute("PRAGMA journal_mode=DELETE")  # one file: nothing written beside it when read
            finally:
                out.close()
        finally:
            source.close()
    elif kind == "postgresql":
        dump = target / "database.pgdump"
        dbname, env = _libpq(database_url)
        done = subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--file", str(dump), "--dbname", dbname],
                              capture_output=True, text=True, env=env)
        if done.returncode != 0:
            raise BackupError(f"pg_dump failed: {done.stderr.strip()}")
    else:
        raise BackupError(f"no backup for {kind} databases")
    files = LocalStore(target / "files")
    try:
        copied = copy(store, files, store.keys(), target / "spool")  # hashed on the way: no altered file saved
    except StoreError as err:
        raise BackupError(str(err)) from err
    finally:
        shutil.rmtree(target / "spool", ignore_errors=True)
    objects = [{"key": key, "size": files.path(key).stat().st_size} for key in files.keys()]
    manifest = {"created_at": datetime.now(UTC).isoformat(timespec="seconds"), "database": kind,
                "dump": dump.name, "schema_version": schema_version, "store": store.name, "objects": objects}
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    lines = [f"{_file_sha(path)}  {path.relative_to(target).as_posix()}"
             for path in sorted(target.rglob("*")) if path.is_file() and path.name != SUMS]
    (target / SUMS).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Summary(kind, copied, sum(o["size"] for o in objects))


def check(folder: Path) -> dict:
    """The backup's manifest, after every file was re-hashed against SHA256SUMS (and none is missing or extra)."""
    sums_file = folder / SUMS
    if not sums_file.exists():
        raise BackupError(f"{folder} has no {SUMS}: not a backup made by KTCV")
    listed = {}
    for line in sums_file.read_text(encoding="utf-8").splitlines():
        sha, _, name = line.partition("  ")
        listed[name] = sha
    present = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()} - {SUMS}
    if present != set(listed):
        raise BackupError(f"files missing or added: {sorted(present ^ set(listed))[:5]}")
    for name, sha in listed.items():
        if _file_sha(folder / name) != sha:
            raise BackupError(f"{name} differs from its checksum")
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


def restore(folder: Path, *, database_url: str, store: Store, dispose=None) -> Summary:
    """Replace the database with the backup's and put back every object ``store`` lacks. ``dispose``: called
    before the database is replaced (to close the app's connections)."""
    manifest = check(folder)
    kind = make_url(database_url).get_backend_name()
    if kind != manifest["database"]:
        raise BackupError(f"the backup is of a {manifest['database']} database, this is {kind}")
    if dispose is not None:
        dispose()
    if kind == "sqlite":
        # the backup API writes into the live file as one transaction (its journal included): never a file
        # half old, half new, and the backup itself is opened read-only
        source = sqlite3.connect(f"file:{folder / manifest['dump']}?mode=ro&immutable=1", uri=True)
        out = sqlite3.connect(f"file:{_sqlite_path(database_url)}?mode=rw", uri=True)
        try:
            source.backup(out)
        finally:
            out.close()
            source.close()
    else:
        # an empty schema first: tables a later migration added must not survive beside the restored ones
        from sqlalchemy import create_engine, text

        from audit.db import gather_statistics

        engine = create_engine(database_url)
        try:
            with engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
            dbname, env = _libpq(database_url)
            done = subprocess.run(["pg_restore", "--no-owner", "--single-transaction", "--dbname", dbname,
                                   str(folder / manifest["dump"])], capture_output=True, text=True, env=env)
            if done.returncode != 0:
                raise BackupError(f"pg_restore failed (the database is now empty; restore again): "
                                  f"{done.stderr.strip()}")
            gather_statistics(engine)  # a dump holds no planner statistics
        finally:
            engine.dispose()
    files = LocalStore(folder / "files")
    spool = store.spool / "restore"
    try:
        copied = copy(files, store, files.keys(), spool, repair=True)  # an altered object is put back whole
    finally:
        shutil.rmtree(spool, ignore_errors=True)
    return Summary(kind, copied, sum(o["size"] for o in manifest["objects"]))
