"""Command-line interface: ``flask --app wsgi <command>``. Every change goes through services."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask_babel import gettext

from audit.db import db, utcnow


def register_cli(app: Flask) -> None:
    from .cli_backup import register as register_backup
    from .cli_backup import register_jobs
    from .cli_files import register as register_files
    from .cli_verdict import register as register_verdict

    register_verdict(app)
    register_files(app)
    register_backup(app)
    register_jobs(app)

    @app.cli.group("checklists")
    def checklists():
        """Checklist versions: validate, list, record checksums."""

    @checklists.command("validate")
    @click.option("--dir", "directory", type=click.Path(file_okay=False, path_type=Path), default=None,
                  help="Folder of checklists (default: the project's checklists/).")
    def validate(directory):
        """Validate every checklists/<key>/v<N>.yaml; exit 1 on any problem."""
        from audit.catalog import validate_all

        root = directory or Path(current_app.config["CHECKLISTS_DIR"])
        loaded, problems = validate_all(root)
        for checklist in loaded:
            click.echo(f"OK  {checklist.path}  ({len(checklist.items)} items, {checklist.legal_regime}, "
                       f"sha256 {checklist.sha256[:12]})")
        for problem in problems:
            click.echo(f"ERROR  {problem}", err=True)
        for warning in assumed_date_warnings(root, loaded):
            click.echo(f"WARN  {warning}", err=True)
        if problems:
            sys.exit(1)

    def assumed_date_warnings(root, loaded):
        from audit.catalog import REGISTER_FILE, assumed_dates, get_register

        if not (Path(root) / REGISTER_FILE).exists():
            return []
        return assumed_dates(loaded, get_register(Path(root)))

    @checklists.command("list")
    def list_versions():
        """List the checklist versions with their legal regime and validity."""
        from audit.catalog import get_catalog

        for c in get_catalog(Path(current_app.config["CHECKLISTS_DIR"])).versions:
            click.echo(f"{c.key} v{c.version}  {c.status}  {c.legal_regime}  {c.valid_from} – {c.valid_to or '…'}"
                       f"  {len(c.items)} items  {c.title}")

    @checklists.command("checksum")
    def checksum():
        """Record the sha256 of published versions not yet in CHECKSUMS (never rewrites one)."""
        from audit.catalog import validate_all
        from audit.catalog.integrity import items_digest, write_checksums

        root = Path(current_app.config["CHECKLISTS_DIR"])
        loaded, _ = validate_all(root)
        digests = {c.path: items_digest(c) for c in loaded}
        for name in write_checksums(root, [c.path for c in loaded if c.status == "published"], digests):
            click.echo(f"recorded {name}")

    @checklists.command("amend")
    @click.argument("path")
    @click.option("--reason", required=True, help="Why the published version was corrected.")
    def amend(path: str, reason: str):
        """Record a correction of the published version PATH (e.g. one-stop-desk/v1.yaml) that keeps every item.

        Inspections pinned to the earlier file keep working with the corrected one; AMENDMENTS says when and
        why. A change of any item id, section or answer type is refused: publish a new version instead."""
        from audit.catalog.integrity import AmendmentRefused, items_digest, record_amendment
        from audit.catalog.loader import ChecklistFileError, load_file
        from audit.domain.vndate import local_today

        root = Path(current_app.config["CHECKLISTS_DIR"])
        try:
            checklist = load_file(root / path, root)
            amendment = record_amendment(root, path, items_digest(checklist), reason, local_today(utcnow()))
        except (ChecklistFileError, AmendmentRefused, FileNotFoundError) as err:
            click.echo(f"ERROR  {err}", err=True)
            sys.exit(1)
        click.echo(f"amended {path}: {amendment.old[:12]} → {amendment.new[:12]}")

    @app.cli.command("import-units")
    @click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    def import_units(csv_file: Path):
        """Import units and heads from a CSV file; all rows or none."""
        from audit.domain.errors import ImportRejected
        from audit.services.units import import_units_csv
        from audit.web.errors import translate

        limit = app.config["IMPORT_MAX_BYTES"]
        if csv_file.stat().st_size > limit:  # checked before reading, as the upload form does
            click.echo(f"Tệp lớn hơn {limit // (1024 * 1024)} MB; không nhập gì.", err=True)
            sys.exit(1)
        try:
            counts = import_units_csv(csv_file.read_bytes(), actor=None, now=utcnow())
        except ImportRejected as err:
            db.session.rollback()
            click.echo(translate(err), err=True)
            for problem in err.problems:
                where = f"Dòng {problem.row}" if problem.row else "Tệp"
                click.echo(f"  {where}: {translate(problem)}", err=True)
            sys.exit(1)
        db.session.commit()
        click.echo(f"Đã nhập {counts['units']} đơn vị, {counts['heads']} người đứng đầu "
                   f"(kết thúc {counts['closed']} nhiệm kỳ trước).")

    @app.cli.group("statistics")
    def statistics_group():
        """Dossier statistics from the provincial system's export."""

    @statistics_group.command("import")
    @click.argument("export", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--period", default=None, help="The period when the file has no period column: 2019, 2019-Q1.")
    @click.option("--mapping", "source", default=None,
                  help="The source whose remembered mapping reads the file (as saved on the import screen).")
    @click.option("--dry-run", is_flag=True, help="Check and summarise only; store nothing.")
    def statistics_import(export: Path, period: str | None, source: str | None, dry_run: bool):
        """Import an export (CSV or XLSX): the checks of the import screen, then all rows or none."""
        from audit.domain import stats_import
        from audit.domain.errors import DomainError, ImportRejected
        from audit.services import statistics as statistics_service
        from audit.web.errors import problem_text, translate

        limit = app.config["IMPORT_MAX_BYTES"]
        if export.stat().st_size > limit:  # checked before reading, as the upload form does
            click.echo(f"Tệp lớn hơn {limit // (1024 * 1024)} MB; không nhập gì.", err=True)
            sys.exit(1)
        if source is not None and statistics_service.mapping_of(source) is None:
            known = ", ".join(statistics_service.sources()) or "chưa có"
            click.echo(f"Không có cách đọc nào mang tên “{source}” (đã lưu: {known}).", err=True)
            sys.exit(1)
        source = source or stats_import.DEFAULT_SOURCE
        try:
            imp = statistics_service.draft(export.read_bytes(), export.name, source=source, period_text=period,
                                           actor=None, now=utcnow())
            prepared = statistics_service.prepare(imp, scope=None)
        except ImportRejected as err:
            db.session.rollback()
            for problem in err.problems:
                click.echo(f"  {f'Dòng {problem.row}' if problem.row else 'Tệp'}: {translate(problem)}", err=True)
            sys.exit(1)
        except DomainError as err:
            db.session.rollback()
            click.echo(translate(err), err=True)
            sys.exit(1)
        preview = prepared.preview
        click.echo(f"Tệp {export.name}, nguồn “{source}”: {len(preview.rows)} dòng đọc được.")
        for index, column in sorted(prepared.columns.items()):
            click.echo(f"  Cột “{prepared.header_of(index)}” → {translate_label(column)}")
        for level, totals in sorted(preview.totals("level").items()):
            click.echo(f"  {gettext(stats_import.LEVEL_LABELS.get(level, level))}: kỳ trước {totals.carried_over}, "
                       f"mới tiếp nhận {totals.received}, đã giải quyết {totals.handled} (quá hạn {totals.late}), "
                       f"đang giải quyết {totals.pending if totals.pending is not None else '—'}, "
                       f"đúng hạn {totals.rate if totals.rate is not None else '—'} %")
        problems = [f"Chưa có cột: {'; '.join(translate_label(c) for c in preview.missing_columns)}"] \
            if preview.missing_columns else []
        problems += [f"Nhiều cột cùng là “{translate_label(c)}”" for c, _ in prepared.repeated]
        problems += [f"Đơn vị không xác định được “{name}” (dòng {', '.join(map(str, lines))})"
                     for name, lines in preview.unknown_units.items()]
        problems += [f"Tên đơn vị trùng nhiều đơn vị “{name}”" for name in preview.ambiguous_units]
        problems += [f"Lĩnh vực không xác định được “{label}” (dòng {', '.join(map(str, lines))})"
                     for label, lines in preview.unknown_fields.items()]
        problems += [f"Dòng {p.line}: {problem_text(p)}" for p in preview.problems]
        problems += [f"Dòng {p.row}: {translate(p)}" for p in prepared.overlaps]
        if problems:
            db.session.rollback()
            click.echo("Chưa nhập gì. Cần xử lý (cách đọc cột, đơn vị, lĩnh vực lưu trên màn hình nhập):", err=True)
            for line in problems:
                click.echo(f"  {line}", err=True)
            sys.exit(1)
        if dry_run:
            db.session.rollback()
            click.echo("Chạy thử: không lưu gì.")
            return
        outcome = statistics_service.commit(imp, actor=None, now=utcnow(), scope=None)
        db.session.commit()
        if outcome.unchanged:
            click.echo("Số liệu này đã được nhập trước đó: không thay đổi gì.")
        else:
            click.echo(f"Đã nhập {outcome.rows} dòng; thay thế {outcome.replaced} dòng đã nhập trước đó.")

    def translate_label(column) -> str:
        from audit.domain.stats_import import COLUMN_LABELS

        return gettext(COLUMN_LABELS[column])

    @app.cli.group("minutes")
    def minutes():
        """Inspection minutes."""

    @minutes.command("render")
    @click.argument("inspection_id", type=int)
    @click.argument("out", type=click.Path(dir_okay=False, writable=True, path_type=Path))
    def render_minutes(inspection_id: int, out: Path):
        """Write the minutes of one inspection: the issued version in force, else a draft preview."""
        from audit.models import Inspection
        from audit.services import minutes as minutes_service

        inspection = db.session.get(Inspection, inspection_id)
        if inspection is None:
            click.echo(f"Không có cuộc kiểm tra số {inspection_id}.", err=True)
            sys.exit(1)
        issued = minutes_service.current_issued(inspection)
        data = issued.pdf if issued else minutes_service.preview_pdf(inspection)
        out.write_bytes(data)
        kind = f"bản phát hành {issued.number} phiên bản {issued.version}" if issued else "bản xem trước"
        click.echo(f"Đã ghi {out} ({kind}, {len(data)} byte).")

    @app.cli.command("remind-overdue")
    def remind_overdue():
        """Send due-soon and overdue reminders (for cron): at most one per item per day, however often run."""
        from audit.mailer import deliver_due
        from audit.services.remediation import send_reminders

        counts = send_reminders(now=utcnow())
        db.session.commit()  # the reminders and their mail are recorded together, then the mail leaves
        sent = deliver_due()
        click.echo(f"Nhắc hạn: {counts['due_soon']} sắp đến hạn, {counts['overdue']} quá hạn; "
                   f"{counts['emails']} thư điện tử vào hàng đợi, đã gửi {sent['sent']}"
                   + (f", {sent['postponed']} thư gửi lại sau" if sent["postponed"] else "") + ".")

    @app.cli.group("head-totals")
    def head_totals_group():
        """The heads table's figures kept per head, unit and quarter: compare them with the findings, rebuild them."""

    @head_totals_group.command("check")
    def head_totals_check():
        """Exit 1 when a kept row differs from what the findings give (each difference is listed)."""
        from audit.services import head_totals

        drift = head_totals.drift()
        for (tenure, unit, quarter), (kept, computed) in drift.items():
            click.echo(f"Người đứng đầu #{tenure}, đơn vị #{unit}, quý bắt đầu {quarter:%d/%m/%Y}: "
                       f"đang giữ {kept or '—'}, tính lại {computed or '—'}")
        if drift:
            click.echo(f"{len(drift)} dòng lệch; chạy `flask head-totals rebuild` để tính lại.")
            sys.exit(1)
        click.echo("Số liệu người đứng đầu khớp với các phát hiện.")

    @head_totals_group.command("rebuild")
    def head_totals_rebuild():
        """Recompute every kept row from the findings (safe while the app serves requests)."""
        from audit.services import head_totals

        rows = head_totals.rebuild()
        db.session.commit()
        click.echo(f"Đã tính lại {rows} dòng số liệu người đứng đầu.")

    @app.cli.group("mail")
    def mail_group():
        """The outbox of e-mail (sent after each request; this command sends what is due, with retries)."""

    @mail_group.command("send")
    @click.option("--loop", is_flag=True, help="Keep running, sending what is due every --every seconds.")
    @click.option("--every", default=60, show_default=True, type=click.IntRange(5, 3600))
    def mail_send(loop: bool, every: int):
        """Send the e-mail that is due (new, or postponed after a failure)."""
        import time

        from audit.mailer import deliver_due

        while True:
            counts = deliver_due()
            click.echo(f"Thư điện tử: đã gửi {counts['sent']}, gửi lại sau {counts['postponed']}, "
                       f"không gửi được {counts['failed']}.")
            if not loop:
                return
            time.sleep(every)

    @app.cli.command("seed-demo")
    def seed_demo():
        """Seed the Nam Giang demo data into an empty database and print the demo logins."""
        from audit import demo

        if demo.is_seeded():
            click.echo("Cơ sở dữ liệu đã có dữ liệu; giữ nguyên, không nạp dữ liệu mẫu.")
            return
        accounts = demo.seed()
        db.session.commit()
        click.echo(f"Đã nạp dữ liệu mẫu Nam Giang: {len(accounts)} tài khoản.")

    @app.cli.command("demo-logins")
    def demo_logins():
        """Print the demo accounts and password."""
        from sqlalchemy import select

        from audit import demo
        from audit.models import User
        from audit.web.labels import ROLE_LABELS

        click.echo(f"Tài khoản dùng thử (mật khẩu chung: {demo.DEMO_PASSWORD}):")
        for user in db.session.scalars(select(User).where(User.active.is_(True)).order_by(User.id)):
            unit = user.unit.name if user.unit else ""
            click.echo(f"  {user.username:<22} {str(ROLE_LABELS[user.user_role]):<28} {unit}")

    _log_commands(app.cli, "flask")


def _log_commands(group: click.Group, path: str) -> None:
    """Every command writes one line to the operations log when it ends: which command, with which arguments
    (what was asked, never a secret), the outcome and how long it took."""
    import functools
    import getpass
    import logging
    import os
    import time

    from audit import oplog

    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            _log_commands(command, f"{path} {name}")
            continue
        if command.callback is None or getattr(command.callback, "_logged", False):
            continue

        def logged(callback, what):
            @functools.wraps(callback)
            def run(*args, **kwargs):
                started, outcome, level = time.perf_counter(), "done", logging.INFO
                try:
                    return callback(*args, **kwargs)
                except SystemExit as stop:
                    if stop.code not in (0, None):
                        outcome, level = "refused", logging.WARNING
                    raise
                except click.exceptions.Exit as stop:
                    if stop.exit_code:
                        outcome, level = "refused", logging.WARNING
                    raise
                except Exception:
                    outcome, level = "failed", logging.ERROR
                    raise
                finally:
                    asked = {k: v for k, v in kwargs.items() if "password" not in k and "secret" not in k}
                    try:
                        who = getpass.getuser()
                    except Exception:  # a container's user without a name
                        who = str(os.getuid())
                    oplog.operation(level, user=who, role="command line", what=what,
                                    object=",".join(f"{k}={v}" for k, v in asked.items() if v not in (None, False))
                                    or None, outcome=outcome,
                                    ms=round((time.perf_counter() - started) * 1000, 1))
            run._logged = True
            return run

        command.callback = logged(command.callback, f"{path} {name}")
