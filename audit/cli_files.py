"""``flask --app wsgi files …``: check the file store against the database, move a local store to S3, and take
in files kept in the first release's folders."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from sqlalchemy import select

from audit.db import db
from audit.storage import LocalStore, Store, StoreError, copy, from_config


def expected_keys() -> set[str]:
    """Every object the database refers to: photos, their thumbnails, remediation evidence, the signed scans of
    minutes (those attached since scans go to the store; older ones are in their record)."""
    from audit.models import Evidence, IssuedMinutes, RemediationFile

    photos = set(db.session.scalars(select(Evidence.sha256)))
    scans = set(db.session.scalars(select(IssuedMinutes.signed_sha256).where(
        IssuedMinutes.signed_sha256.is_not(None), IssuedMinutes.signed_scan.is_(None))))
    return (photos | {f"{sha}.thumb.jpg" for sha in photos} | set(db.session.scalars(select(RemediationFile.sha256)))
            | scans)


def legacy_files(instance: Path):
    """(key, path) of the files the first release kept in instance/evidence and instance/remediation."""
    for path in sorted((instance / "evidence").glob("??/*")):
        name = path.name
        if name.endswith(".thumb.jpg"):
            yield name, path
        elif "." in name and ".part-" not in name:
            yield name.split(".", 1)[0], path
    for path in sorted((instance / "remediation").glob("??/*")):
        if ".part-" not in path.name:
            yield path.name, path


def adopt_into(store: Store, instance: Path) -> tuple[int, list[Path]]:
    """Move the first release's files into ``store``, each checked against the hash in its name; (moved, the
    altered ones, left where they are)."""
    from audit.storage import CONTENT_KEY, digest_of

    moved, altered = 0, []
    for key, path in legacy_files(instance):
        if CONTENT_KEY.fullmatch(key):
            with path.open("rb") as stream:
                if digest_of(stream)[0] != key:
                    altered.append(path)
                    continue
        store.put_file(key, path)
        path.unlink()
        moved += 1
    return moved, altered


def register(app) -> None:
    @app.cli.group("files")
    def files_group():
        """The file store (photos, evidence): verify, migrate, adopt."""

    @files_group.command("verify")
    def verify():
        """Re-hash every stored object and list the missing or altered ones (exit 1 if any)."""
        store: Store = current_app.extensions["ktcv_store"]
        try:
            problems = store.verify(expected_keys())
        except StoreError as err:
            click.echo(f"Không truy cập được kho tệp: {err}", err=True)
            sys.exit(2)
        labels = {"missing": "thiếu", "altered": "bị thay đổi (mã băm không khớp)"}
        for problem in problems:
            click.echo(f"{problem.key}: {labels[problem.what]}")
        count = sum(1 for _ in store.keys())
        click.echo(f"Kho {store.name}: {count} tệp; {len(problems)} vấn đề.")
        if problems:
            sys.exit(1)

    @files_group.command("flush")
    def flush():
        """Send to the store the files whose upload failed when their request committed (exit 1 if some still
        cannot be sent)."""
        store: Store = current_app.extensions["ktcv_store"]
        done, waiting = store.flush_pending()
        click.echo(f"Đã gửi {done} tệp vào kho {store.name}; còn chờ {waiting}.")
        if waiting:
            sys.exit(1)

    @files_group.command("adopt")
    def adopt():
        """Move the files of the first release's folders (instance/evidence, instance/remediation) into the
        store; idempotent."""
        store: Store = current_app.extensions["ktcv_store"]
        moved, altered = adopt_into(store, Path(current_app.instance_path))
        click.echo(f"Đã chuyển {moved} tệp vào kho {store.name}.")
        for path in altered:
            click.echo(f"{path}: nội dung không khớp mã băm trong tên tệp; giữ nguyên, không chuyển.", err=True)
        if altered:
            sys.exit(1)

    @files_group.command("migrate")
    @click.option("--to", "target_kind", type=click.Choice(["s3"]), required=True)
    def migrate(target_kind: str):
        """Copy the local store (and the first release's folders) to the S3 store that AUDIT_S3_* describe;
        then set AUDIT_STORAGE=s3. Objects already there are skipped, so it can be run again."""
        config = current_app.config
        if not config.get("S3_BUCKET"):
            click.echo("Thiếu AUDIT_S3_BUCKET (và AUDIT_S3_ENDPOINT_URL, khóa truy cập).", err=True)
            sys.exit(2)
        local = LocalStore(Path(config.get("STORAGE_DIR") or Path(current_app.instance_path) / "files"))
        adopt_into(local, Path(current_app.instance_path))
        target = from_config({**config, "STORAGE": "s3"}, current_app.instance_path)
        copied = copy(local, target, local.keys(), Path(current_app.instance_path) / "spool")
        problems = target.verify(set(local.keys()))
        click.echo(f"Đã chép {copied} tệp sang S3 ({config['S3_BUCKET']}); {len(problems)} vấn đề.")
        if problems:
            for problem in problems:
                click.echo(f"{problem.key}: {problem.what}")
            sys.exit(1)
        click.echo("Đặt AUDIT_STORAGE=s3 rồi khởi động lại máy chủ ứng dụng.")
