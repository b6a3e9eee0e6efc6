"""Files a request writes reach the store only when its transaction commits: they are written to a spool file
now, handed to the store after the commit and removed when the transaction ends otherwise (rolled back, or the
session closed), so a refused or failed request leaves no object behind and no record points to nothing.

An upload is never held whole in memory: :func:`spool` copies it in chunks to a spool file on this server,
hashing it on the way and stopping at the size limit; the checks read that file, and the store gets the file.

Should the store refuse an upload after the commit (S3 unreachable, a disk full), the file is not dropped: it
waits in the store's ``spool/pending`` folder, named by its key, until ``flask files flush`` (or the next flush)
sends it; /health reports how many wait, and this server serves them meanwhile."""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import event
from sqlalchemy.orm import Session

from audit.db import db
from audit.domain.errors import InvalidInput
from audit.storage import CHUNK, Store, StoreError

_KEY = "staged_files"
log = logging.getLogger(__name__)


class TooLarge(Exception):
    """The upload is larger than the limit it was spooled with (nothing of it is kept)."""


@dataclass(frozen=True)
class Spooled:
    """An upload on this server's disk, on its way to the store: its sha256 (the store key), size and file."""

    store: Store
    key: str
    size: int
    path: Path

    def open(self) -> BinaryIO:
        return self.path.open("rb")

    def head(self, count: int = 8) -> bytes:
        with self.path.open("rb") as stream:
            return stream.read(count)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def _chunks(source: bytes | BinaryIO) -> Iterator[bytes]:
    if isinstance(source, (bytes, bytearray)):
        for start in range(0, len(source), CHUNK):
            yield bytes(source[start:start + CHUNK])
        return
    while chunk := source.read(CHUNK):
        yield chunk


def spool(store: Store, source: bytes | BinaryIO, *, limit: int) -> Spooled:
    """Copy ``source`` (bytes, or a binary stream read in chunks: an upload) to a spool file, hashing it; at
    more than ``limit`` bytes the copy stops, the file is removed and :class:`TooLarge` is raised. The caller
    then stages the file (:func:`stage_spooled`) or discards it."""
    store.spool.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix="upload-", dir=store.spool)
    path, sha, size = Path(name), hashlib.sha256(), 0
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in _chunks(source):
                size += len(chunk)
                if size > limit:
                    raise TooLarge
                sha.update(chunk)
                out.write(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return Spooled(store, sha.hexdigest(), size, path)


def spool_within(store: Store, source: bytes | BinaryIO, *, limit: int, refusal: InvalidInput) -> Spooled:
    """As :func:`spool`, refusing a file over ``limit`` with ``refusal`` (the caller's words for it)."""
    try:
        return spool(store, source, limit=limit)
    except TooLarge:
        raise refusal from None


def stage_spooled(spooled: Spooled) -> None:
    """The spooled file reaches its store when the transaction commits (or is dropped, when the store already
    has the same bytes)."""
    if spooled.store.has(spooled.key):
        spooled.discard()
        return
    db.session().info.setdefault(_KEY, []).append((spooled.store, spooled.key, spooled.path))


def stage(store: Store, key: str, data: bytes) -> None:
    """Keep ``data`` (small bytes made here: a thumbnail) for ``key``; it reaches ``store`` at commit. Objects
    already there are left alone (the same bytes have the same name)."""
    if store.has(key):
        return
    store.spool.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix="staged-", dir=store.spool)
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    db.session().info.setdefault(_KEY, []).append((store, key, Path(name)))


@event.listens_for(Session, "after_commit")
def _publish(session: Session) -> None:
    for store, key, spooled in session.info.pop(_KEY, []):
        try:
            store.put_file(key, spooled)
        except (StoreError, OSError):  # the record is committed: keep the bytes for a later flush
            log.exception("the store refused %s after the commit; kept in %s/pending", key, store.spool)
            try:
                store.keep_pending(key, spooled)
            except OSError:
                log.exception("%s could not be kept for a later flush", key)
            continue
        spooled.unlink(missing_ok=True)


@event.listens_for(Session, "after_transaction_end")
def _discard(session: Session, transaction) -> None:
    """The outermost transaction ended without a commit (rolled back, or the session closed): the staged files
    are dropped. After a commit the list is already empty; a savepoint's end changes nothing."""
    if transaction.parent is not None:
        return
    for _store, _key, spooled in session.info.pop(_KEY, []):
        spooled.unlink(missing_ok=True)
