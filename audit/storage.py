"""The file store: photos, evidence and scans, named by the sha256 of their bytes.

Two backends with one interface and the same checks:

- :class:`LocalStore` — a folder (default ``instance/files``), objects at ``<first two hex digits>/<sha256>``;
- :class:`S3Store` — an S3-compatible object store (boto3), objects at ``<prefix><sha256>``; endpoint, bucket
  and credentials from the environment (``AUDIT_STORAGE=s3``, ``AUDIT_S3_ENDPOINT_URL``, ``AUDIT_S3_BUCKET``,
  ``AUDIT_S3_ACCESS_KEY_ID``, ``AUDIT_S3_SECRET_ACCESS_KEY``, ``AUDIT_S3_REGION``, ``AUDIT_S3_PREFIX``).

Everything is streamed in chunks: a file is hashed while it is read, written from a file on disk, read back
as a stream; no whole file is held in memory by the store. A derived object (a photo's thumbnail) is named
after its original: ``<sha256>.thumb.jpg``; it is checked for presence, not re-hashed.

Writes made by a request reach the store only after its transaction commits (:mod:`audit.services.files`).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1024 * 1024
CONTENT_KEY = re.compile(r"[0-9a-f]{64}")
KEY = re.compile(r"[0-9a-f]{64}(\.thumb\.jpg)?")


class StoreError(Exception):
    """The store cannot be reached or refused an operation."""


class Missing(StoreError):
    """No object under that key."""


def digest_of(stream: BinaryIO) -> tuple[str, int]:
    """The sha256 and size of what ``stream`` holds, read in chunks."""
    sha, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK):
        sha.update(chunk)
        size += len(chunk)
    return sha.hexdigest(), size


def check_key(key: str) -> str:
    if not KEY.fullmatch(key):
        raise ValueError(f"not a store key: {key!r}")
    return key


@dataclass(frozen=True)
class Problem:
    key: str
    what: str  # "missing" | "altered"


class Store:
    """What every backend does. ``key``: a sha256 in lower-case hex, or a derived ``<sha256>.thumb.jpg``.

    ``spool``: a folder on this machine for files on their way in; an upload that failed when its request
    committed waits in ``spool/pending/<key>`` until :meth:`flush_pending` (``flask files flush``, /health
    reports how many wait) — the record is committed, the bytes are never dropped."""

    name = "store"
    spool: Path

    def pending_path(self, key: str) -> Path:
        """Where ``key`` waits on this server when its upload failed at commit."""
        return self.spool / "pending" / check_key(key)

    def pending(self) -> list[Path]:
        folder = self.spool / "pending"
        return sorted(p for p in folder.iterdir() if KEY.fullmatch(p.name)) if folder.exists() else []

    def keep_pending(self, key: str, spooled: Path) -> None:
        target = self.pending_path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(spooled, target)

    def flush_pending(self) -> tuple[int, int]:
        """Upload what waits; (uploaded, still waiting)."""
        done = 0
        for path in self.pending():
            try:
                self.put_file(path.name, path)
            except (StoreError, OSError):
                continue
            path.unlink(missing_ok=True)
            done += 1
        return done, len(self.pending())

    def has(self, key: str) -> bool:
        raise NotImplementedError

    def put_file(self, key: str, path: Path) -> None:
        """Store the file at ``path`` (on local disk) under ``key``; an object already there is kept."""
        raise NotImplementedError

    def open(self, key: str) -> BinaryIO:
        """A stream of the object's bytes (close it after reading); :class:`Missing` when there is none."""
        raise NotImplementedError

    def keys(self) -> Iterator[str]:
        raise NotImplementedError

    def delete(self, key: str) -> None:
        raise NotImplementedError

    def ping(self) -> None:
        """Raise :class:`StoreError` when the store cannot be used now (for /health)."""
        raise NotImplementedError

    def verify(self, expected: set[str] | None = None) -> list[Problem]:
        """Re-hash every content object (streamed) and report those altered, and the ``expected`` keys that
        are missing."""
        problems = []
        present = set()
        for key in self.keys():
            present.add(key)
            if CONTENT_KEY.fullmatch(key):
                with closing(self.open(key)) as stream:
                    sha, _ = digest_of(stream)
                if sha != key:
                    problems.append(Problem(key, "altered"))
        for key in sorted((expected or set()) - present):
            problems.append(Problem(key, "missing"))
        return problems


class LocalStore(Store):
    name = "local"

    def __init__(self, root: Path, spool: Path | None = None):
        self.root = Path(root)
        self.spool = Path(spool) if spool is not None else self.root / ".spool"

    def __repr__(self) -> str:
        return f"LocalStore({self.root})"

    def path(self, key: str) -> Path:
        check_key(key)
        return self.root / key[:2] / key

    def has(self, key: str) -> bool:
        return self.path(key).exists()

    def put_file(self, key: str, path: Path) -> None:
        target = self.path(key)
        if target.exists():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.part-{uuid.uuid4().hex}")
        shutil.copyfile(path, partial)
        os.replace(partial, target)  # atomic: a reader never sees half a file

    def open(self, key: str) -> BinaryIO:
        try:
            return self.path(key).open("rb")
        except FileNotFoundError:
            raise Missing(key) from None

    def keys(self) -> Iterator[str]:
        if not self.root.exists():
            return
        for folder in sorted(self.root.iterdir()):
            if folder.is_dir() and len(folder.name) == 2:
                for item in sorted(folder.iterdir()):
                    if KEY.fullmatch(item.name):
                        yield item.name

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)

    def ping(self) -> None:
        # never created here: a shared folder whose mount is missing must not quietly become a local one
        if not self.root.is_dir():
            raise StoreError(f"the folder {self.root} does not exist (is the shared store mounted?)")
        if not os.access(self.root, os.W_OK | os.X_OK):
            raise StoreError(f"the folder {self.root} cannot be written")


class S3Store(Store):
    name = "s3"

    def __init__(self, *, bucket: str, endpoint_url: str | None = None, access_key: str | None = None,
                 secret_key: str | None = None, region: str | None = None, prefix: str = "", client=None,
                 spool: Path | None = None):
        import boto3
        from botocore.config import Config

        self.bucket, self.prefix = bucket, prefix
        self.spool = Path(spool) if spool is not None else Path(tempfile.gettempdir()) / "ktcv-spool"
        self.client = client or boto3.client(
            "s3", endpoint_url=endpoint_url, aws_access_key_id=access_key, aws_secret_access_key=secret_key,
            region_name=region or "us-east-1",
            config=Config(retries={"max_attempts": 3, "mode": "standard"}, connect_timeout=5, read_timeout=60))

    def __repr__(self) -> str:
        return f"S3Store({self.bucket}/{self.prefix})"

    def _name(self, key: str) -> str:
        return self.prefix + check_key(key)

    def has(self, key: str) -> bool:
        from botocore.exceptions import ClientError

        name = self._name(key)  # a key that is no key is refused before anything is asked of the store
        try:
            self.client.head_object(Bucket=self.bucket, Key=name)
            return True
        except ClientError as err:
            if err.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise StoreError(str(err)) from err
        except Exception as err:  # the endpoint does not answer
            raise StoreError(str(err)) from err

    def put_file(self, key: str, path: Path) -> None:
        if self.has(key):
            return
        try:  # upload_file streams from disk, in parts for large files
            self.client.upload_file(str(path), self.bucket, self._name(key))
        except Exception as err:  # botocore's and s3transfer's errors alike: the store refused it
            raise StoreError(f"upload of {key} failed: {err}") from err

    def open(self, key: str) -> BinaryIO:
        from botocore.exceptions import ClientError

        try:
            return self.client.get_object(Bucket=self.bucket, Key=self._name(key))["Body"]
        except ClientError as err:
            if err.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                raise Missing(key) from None
            raise StoreError(str(err)) from err

    def keys(self) -> Iterator[str]:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix)
            for page in pages:
                for item in page.get("Contents", []):
                    key = item["Key"][len(self.prefix):]
                    if KEY.fullmatch(key):
                        yield key
        except (BotoCoreError, ClientError) as err:
            raise StoreError(str(err)) from err

    def delete(self, key: str) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.delete_object(Bucket=self.bucket, Key=self._name(key))
        except (BotoCoreError, ClientError) as err:
            raise StoreError(str(err)) from err

    def ping(self) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.head_bucket(Bucket=self.bucket)
        except (BotoCoreError, ClientError) as err:
            raise StoreError(f"the bucket {self.bucket} cannot be reached: {err}") from err


def from_config(config, instance_path: str) -> Store:
    """The store the settings name (``STORAGE``: ``local``, the default, or ``s3``)."""
    kind = (config.get("STORAGE") or "local").lower()
    spool = Path(instance_path) / "spool"
    if kind == "local":
        if config.get("STORAGE_DIR"):  # a shared folder: it must exist (mounted), never made here
            return LocalStore(Path(config["STORAGE_DIR"]), spool)
        root = Path(instance_path) / "files"
        root.mkdir(parents=True, exist_ok=True)
        return LocalStore(root, spool)
    if kind == "s3":
        if not config.get("S3_BUCKET"):
            raise ValueError("AUDIT_STORAGE=s3 needs AUDIT_S3_BUCKET")
        return S3Store(bucket=config["S3_BUCKET"], endpoint_url=config.get("S3_ENDPOINT_URL"),
                       access_key=config.get("S3_ACCESS_KEY_ID"), secret_key=config.get("S3_SECRET_ACCESS_KEY"),
                       region=config.get("S3_REGION"), prefix=config.get("S3_PREFIX") or "", spool=spool)
    raise ValueError(f"AUDIT_STORAGE must be local or s3, not {kind!r}")


def intact(store: Store, key: str) -> bool:
    """Whether the object under a content key still hashes to it (a derived object: whether it is there)."""
    if not CONTENT_KEY.fullmatch(key):
        return store.has(key)
    try:
        with closing(store.open(key)) as stream:
            return digest_of(stream)[0] == key
    except Missing:
        return False


def copy(source: Store, target: Store, keys: Iterator[str], spool: Path, *, repair: bool = False) -> int:
    """Copy ``keys`` from ``source`` to ``target`` (streamed through one spool file, hashed on the way: an object
    that no longer matches its key is refused with :class:`StoreError`); returns how many were copied. Objects
    already in ``target`` are skipped — with ``repair``, only when they are intact (an altered one is replaced)."""
    spool.mkdir(parents=True, exist_ok=True)
    copied = 0
    for key in keys:
        if target.has(key):
            if not repair or intact(target, key):
                continue
            target.delete(key)
        temporary = spool / f"copy-{uuid.uuid4().hex}"
        try:
            sha = hashlib.sha256()
            with closing(source.open(key)) as stream, temporary.open("wb") as out:
                while chunk := stream.read(CHUNK):
                    sha.update(chunk)
                    out.write(chunk)
            if CONTENT_KEY.fullmatch(key) and sha.hexdigest() != key:
                raise StoreError(f"{key} no longer matches its content: run `flask files verify`")
            target.put_file(key, temporary)
            copied += 1
        finally:
            temporary.unlink(missing_ok=True)
    return copied
