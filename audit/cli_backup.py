"""``flask --app wsgi backup create DIR`` and ``backup restore DIR`` (the database and the file store together), and
``jobs worker`` / ``jobs enqueue`` (background jobs on Redis)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app

from audit.db import db


def register(app) -> None:
    @app.cli.group("backup")
    def backup_group():
        """Back up and restore the database and the file store (see README, Operating KTCV)."""

    @backup_group.command("create")
    @click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
    def create(folder: Path):
        """Write a backup into FOLDER (new or empty): database dump, stored files, manifest, SHA256SUMS."""
        from audit.backup import BackupError
        from audit.backup import create as make
        from audit.migrations_state import current_version

        try:
            summary = make(folder, database_url=db.engine.url.render_as_string(hide_password=False),
                           store=current_app.extensions["ktcv_store"], schema_version=current_version())
        except BackupError as err:
            click.echo(f"Không sao lưu được: {err}", err=True)
            sys.exit(1)
        click.echo(f"Đã sao lưu cơ sở dữ liệu ({summary.database}) và {summary.objects} tệp "
                   f"({summary.size:,} byte) vào {folder}.".replace(",", "."))

    @backup_group.command("restore")
    @click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
    @click.option("--yes", is_flag=True, help="Do not ask: the current database is replaced.")
    def restore(folder: Path, yes: bool):
        """Check FOLDER against its checksums, then replace the database with it and put back the files.
        Stop the app servers first."""
        from audit.backup import BackupError, check
        from audit.backup import restore as put_back
        from audit.migrations_state import code_head, known

        try:
            version = check(folder).get("schema_version")
        except BackupError as err:
            click.echo(f"Không khôi phục: {err}", err=True)
            sys.exit(1)
        if version is not None and not known(version):
            click.echo("Không khôi phục: bản sao lưu do một phiên bản KTCV mới hơn tạo ra.", err=True)
            sys.exit(1)
        if not yes and not click.confirm("Cơ sở dữ liệu hiện tại sẽ bị thay thế bằng bản sao lưu. Tiếp tục?"):
            sys.exit(1)
        try:
            url = db.engine.url.render_as_string(hide_password=False)
            summary = put_back(folder, database_url=url,
                               store=current_app.extensions["ktcv_store"],
                               dispose=lambda: (db.session.remove(), db.engine.dispose()))
        except BackupError as err:
            click.echo(f"Không khôi phục: {err}", err=True)
            sys.exit(1)
        click.echo(f"Đã khôi phục cơ sở dữ liệu ({summary.database}); đã trả lại {summary.objects} tệp vào kho.")
        if version is not None and version != code_head():
            click.echo("Bản sao lưu thuộc phiên bản cơ sở dữ liệu cũ hơn: chạy `flask --app wsgi db upgrade`.")


def register_jobs(app) -> None:
    @app.cli.group("jobs")
    def jobs_group():
        """Background jobs on Redis (AUDIT_REDIS_URL): a worker, and queuing the periodic ones."""

    @jobs_group.command("worker")
    @click.option("--burst", is_flag=True, help="Stop once the queue is empty.")
    def worker(burst: bool):
        """Run a worker (one process; run as many as the work needs, on any node)."""
        from rq import Worker

        from audit.jobs import MAINTENANCE, QUEUE, connection

        url = current_app.config.get("REDIS_URL")
        if not url:
            click.echo("Thiếu AUDIT_REDIS_URL (ví dụ redis://127.0.0.1:6379/0).", err=True)
            sys.exit(2)
        Worker([QUEUE], connection=connection(url), maintenance_interval=MAINTENANCE).work(burst=burst,
                                                                                        with_scheduler=True)

    @jobs_group.command("enqueue")
    @click.argument("name", type=click.Choice(["remind", "mail"]))
    def enqueue_job(name: str):
        """Queue the day's reminders or the sending of the mail that is due (for cron or a systemd timer)."""
        from audit.jobs import enqueue

        url = current_app.config.get("REDIS_URL")
        if not url:
            click.echo("Thiếu AUDIT_REDIS_URL.", err=True)
            sys.exit(2)
        job = enqueue(url, {"remind": "audit.jobs.remind", "mail": "audit.jobs.deliver_mail"}[name])
        click.echo(f"Đã đưa vào hàng đợi: {job}")
