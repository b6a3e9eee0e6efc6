"""Province-scale data and the review benchmark.

Generates ≥ 250 communes (with their desks, districts and heads), 10 years of inspections
(default 40,000, finalised, with their summary columns), 50 answers each (2,000,000), findings and
remediation items; serves it with gunicorn on 127.0.0.1 and measures the dashboard, the heads table,
the inspection and remediation lists and the period report (Excel: its figures without PDF layout),
each beside the hand-written SQL it needs, run in this process on the same database. Bounded by --requests and --seconds per page.

    .venv/bin/python bench/province.py --backend sqlite
    .venv/bin/python bench/province.py --backend postgresql
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text  # noqa: E402

from bench.common import BIN, ROOT, Client, forget_kept_pdfs, free_port, percentile, timed  # noqa: E402
from bench.province_data import PG_ADMIN, generate  # noqa: E402

TODAY = date(2026, 11, 27)

OPEN_ITEMS = """
    SELECT unit_id, COUNT(*) AS open_items,
           SUM(CASE WHEN state IN ('open', 'returned') AND deadline < :today THEN 1 ELSE 0 END) AS overdue
    FROM remediation_items WHERE state <> 'accepted' GROUP BY unit_id"""


def latest_of_desks(backend: str, in_period: bool) -> str:
    """Each desk's latest 8 finalised inspections (within :start–:end when ``in_period``) with the verdict that
    stands, found through the (unit, date) index; the best form differs: SQLite looks the list up per unit,
    PostgreSQL takes a LATERAL join."""
    period = "AND i2.inspection_date BETWEEN :start AND :end" if in_period else ""
    latest = f"""SELECT i2.id{", i2.inspection_date, i2.score, i2.verdict, i2.authority_id" if backend == "postgresql" else ""}
               FROM inspections i2 WHERE i2.unit_id = u.id AND i2.state = 'finalised' {period}
               ORDER BY i2.inspection_date DESC, i2.id DESC LIMIT 8"""
    joined = f"CROSS JOIN LATERAL ({latest}) i" if backend == "postgresql" else f"JOIN inspections i ON i.id IN ({latest})"
    return f"""
        SELECT u.id, u.code, u.name, u.kind, i.id, i.inspection_date, i.score, COALESCE(c.final_verdict, i.verdict),
               c.final_verdict IS NOT NULL, i.authority_id
        FROM units u {joined}
        LEFT JOIN conclusions c ON c.inspection_id = i.id AND c.superseded_at IS NULL
        WHERE u.kind IN ('district_desk', 'commune_desk', 'commune_centre')"""


BACKENDS = ("sqlite", "postgresql")
RAW = {
    # a list page: its rows and the count it shows
    "inspections": """
        SELECT i.id, i.inspection_date, i.state, i.score, u.name, (SELECT COUNT(*) FROM inspections) AS n
        FROM inspections i JOIN units u ON u.id = i.unit_id
        ORDER BY i.inspection_date DESC, i.id DESC LIMIT 25""",
    "inspections by unit, page 40": """
        SELECT i.id, i.inspection_date, i.state, i.score, u.name, (SELECT COUNT(*) FROM inspections) AS n
        FROM inspections i JOIN units u ON u.id = i.unit_id
        ORDER BY u.name, i.inspection_date, i.id DESC LIMIT 25 OFFSET 975""",
    # the unit tree's first page (100 units) with each unit's head in office
    "units": """
        SELECT u.id, u.name, u.code, u.kind, u.parent_id, t.person_name, (SELECT COUNT(*) FROM units) AS n
        FROM units u LEFT JOIN head_tenures t ON t.unit_id = u.id AND t.end_date IS NULL
        ORDER BY u.code LIMIT 100""",
    # the remediation list's first tab (overdue, earliest deadline first), the count of every tab
    "remediation": ("""
        SELECT CASE WHEN state = 'accepted' THEN 'closed' WHEN state = 'responded' THEN 'responded'
                    WHEN deadline < :today THEN 'overdue' ELSE 'open' END AS tab, COUNT(*)
        FROM remediation_items GROUP BY tab""", """
        SELECT r.id, r.requirement, r.deadline, u.name
        FROM remediation_items r JOIN units u ON u.id = r.unit_id
        WHERE r.state IN ('open', 'returned') AND r.deadline < :today
        ORDER BY r.deadline, r.id LIMIT 25"""),
    "remediation, search": """
        SELECT r.id, r.requirement, r.deadline, u.name
        FROM remediation_items r JOIN units u ON u.id = r.unit_id
        WHERE r.state IN ('open', 'returned') AND r.deadline < :today AND u.name LIKE '%xã 03-0%'
        ORDER BY u.name, r.deadline, r.id LIMIT 25""",
    # the accounts list's first page (by name) with each account's unit and authority, and the count
    "users": """
        SELECT u.id, u.username, u.full_name, u.role, u.active, n.name, a.name, (SELECT COUNT(*) FROM users) AS n
        FROM users u LEFT JOIN units n ON n.id = u.unit_id LEFT JOIN authorities a ON a.id = u.authority_id
        ORDER BY u.active DESC, u.full_name LIMIT 25""",
    # one inspection's findings with their heads (the findings page)
    "findings": """
        SELECT f.id, f.item_id, f.statement, f.severity, f.deadline, t.person_name
        FROM findings f LEFT JOIN head_tenures t ON t.id = f.head_tenure_id WHERE f.inspection_id = 1 ORDER BY f.id""",
    # the dossier figures of 2025 by unit and by field (the statistics page's two tables; the generated province
    # has no dossier samples, so each unit's sample is left out here as it costs the page next to nothing)
    "statistics": ("""
        SELECT unit_id, SUM(received), SUM(early), SUM(on_time), SUM(late) FROM dossier_statistics
        WHERE period_start >= :start AND period_end <= :end GROUP BY unit_id""", """
        SELECT field, SUM(received), SUM(early), SUM(on_time), SUM(late) FROM dossier_statistics
        WHERE period_start >= :start AND period_end <= :end GROUP BY field"""),
    # each desk's latest 8 finalised inspections and its open items
    "dashboard": {backend: (latest_of_desks(backend, False), OPEN_ITEMS) for backend in BACKENDS},
    # the heads' figures from the rows kept per head and quarter (head_quarter_totals), as the page reads them,
    # with what the page shows of each head: title, unit, tenure
    "heads": """
        SELECT t.id, t.person_name, t.title, u.name, t.start_date, t.end_date, f.n, f.repeats, f.formal, o.overdue
        FROM head_tenures t JOIN units u ON u.id = t.unit_id
        LEFT JOIN (SELECT head_tenure_id, SUM(findings) AS n, SUM(repeats) AS repeats, SUM(formal) AS formal
                   FROM head_quarter_totals GROUP BY head_tenure_id) f ON f.head_tenure_id = t.id
        LEFT JOIN (SELECT head_tenure_id, COUNT(*) AS overdue FROM remediation_items
                   WHERE state IN ('open', 'returned') AND deadline < :today GROUP BY head_tenure_id) o
               ON o.head_tenure_id = t.id
        WHERE f.head_tenure_id IS NOT NULL OR o.head_tenure_id IS NOT NULL
        ORDER BY o.overdue DESC, f.repeats DESC, f.formal DESC, f.n DESC""",
    # the period report's figures: each desk's latest inspections in the period with their verdicts, the open
    # items per desk, every dossier row of the period (each unit's field is chained over its quarters), the
    # findings by section, the items by state, the heads with repeats in the period
    "period": {backend: (latest_of_desks(backend, True), OPEN_ITEMS, """
        SELECT unit_id, field, period_start, period_end, carried_over, received, early, on_time, late, pending
        FROM dossier_statistics WHERE period_start >= :start AND period_end <= :end""", """
        SELECT SUBSTR(f.item_id, 1, 1), COUNT(*) FROM findings f JOIN inspections i ON i.id = f.inspection_id
        WHERE i.state = 'finalised' AND f.status = 'draft' AND i.inspection_date BETWEEN :start AND :end
        GROUP BY SUBSTR(f.item_id, 1, 1)""", """
        SELECT r.state, COUNT(*) FROM remediation_items r JOIN inspections i ON i.id = r.inspection_id
        WHERE i.inspection_date BETWEEN :start AND :end GROUP BY r.state""", """
        SELECT head_tenure_id, SUM(findings), SUM(repeats), SUM(formal) FROM head_quarter_totals
        WHERE quarter BETWEEN :start AND :end GROUP BY head_tenure_id HAVING SUM(repeats) > 0""")
        for backend in BACKENDS},
}


def main(argv: list[str] | None = None) -> list:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--districts", type=int, default=25)
    parser.add_argument("--communes", type=int, default=10)
    parser.add_argument("--inspections", type=int, default=40000)
    parser.add_argument("--answers", type=int, default=50)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=90)
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="ktcv-province-"))
    if args.backend == "sqlite":
        url = f"sqlite:///{folder / 'province.sqlite3'}"
    else:
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("DROP DATABASE IF EXISTS ktcv_bench WITH (FORCE)"))
            conn.execute(text("CREATE DATABASE ktcv_bench"))
        url = PG_ADMIN.rsplit("/", 1)[0] + "/ktcv_bench"
    start = time.perf_counter()
    counts = generate(url, districts=args.districts, communes_per=args.communes, inspections=args.inspections,
                      answers_per=args.answers)
    generated = time.perf_counter() - start
    # The same scope as the pages measured: dashboard and heads over all years, the report for 2025.
    params = {"start": date(2025, 1, 1), "end": date(2025, 12, 31), "today": TODAY}
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))

    def raw(name):
        statements = RAW[name].get(args.backend) if isinstance(RAW[name], dict) else RAW[name]
        with engine.connect() as conn:
            for statement in (statements,) if isinstance(statements, str) else statements:
                conn.execute(text(statement), params).fetchall()

    env = {**os.environ, "AUDIT_INSTANCE_PATH": str(folder), "DATABASE_URL": url, "AUDIT_SESSION_COOKIE_SECURE": "false",
           "AUDIT_SECRET_KEY": "bench-province", "AUDIT_LOG_LEVEL": "WARNING"}
    port = free_port()
    server = subprocess.Popen([str(BIN / "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}",
                               "--log-level", "warning", "--timeout", "120", "wsgi:app"], cwd=ROOT, env=env)
    try:
        time.sleep(3)
        client = Client(f"127.0.0.1:{port}")
        client.login("chutich")
        admin = Client(f"127.0.0.1:{port}")
        admin.login("quantri")
        # (name, path, the raw SQL it is measured against (None: an absolute target), requests)
        files = max(3, min(5, args.requests // 4))  # a PDF takes seconds: a few are enough for its figure
        pages = [("dashboard", "/dashboard?period=", "dashboard", args.requests),
                 ("heads", "/dashboard/heads", "heads", args.requests),
                 ("inspections", "/inspections", "inspections", args.requests),
                 ("inspections by unit, page 40", "/inspections?sort=unit&page=40", "inspections by unit, page 40",
                  args.requests),
                 ("remediation", "/remediation", "remediation", args.requests),
                 ("remediation, search", "/remediation?q=xa+03-0&sort=unit", "remediation, search", args.requests),
                 ("units", "/units", "units", args.requests),
                 ("statistics 2025", "/statistics?period=2025", "statistics", args.requests),
                 ("findings of one inspection", "/inspections/1/findings", "findings", args.requests),
                 ("accounts (administrator)", "/admin/users", "users", args.requests),
                 ("period Excel (target 2 s)", "/reports/period.xlsx?period=2025", None, files),
                 ("period PDF (target 2 s)", "/reports/period.pdf?period=2025", None, files),
                 ("period PDF, downloaded again", "/reports/period.pdf?period=2025", None, files)]
        results = []
        for name, path, sql, count in pages:
            # the target is the layout of the report: its row empties the kept files before each request, the
            # next row measures the same download served from them
            laid_out = name == "period PDF (target 2 s)"
            def http(path=path, who=admin if path.startswith("/admin") else client):
                status, _ = who.request("GET", path)
                assert status == 200, (path, status)
            http()
            if sql:
                raw(sql)  # warm-up
            http_times, raw_times = [], []
            for _ in range(count):  # interleaved: both see the same noise
                if laid_out:  # the server keeps a PDF for the same figures (render_pdf_reusing)
                    forget_kept_pdfs(folder)
                http_times += timed(http, 1, args.seconds)
                if sql:
                    raw_times += timed(lambda sql=sql: raw(sql), 1, args.seconds)
            results.append((name, statistics.median(http_times), percentile(http_times, 95),
                            statistics.median(raw_times) if raw_times else None,
                            percentile(raw_times, 95) if raw_times else None))
        results.append(_figures_in_process(url, raw, args))
    finally:
        server.terminate()
        server.wait(timeout=10)
        engine.dispose()
    print(f"province benchmark — {args.backend}: {counts} (generated in {generated:.0f} s)")
    print(f"{'page':<32}{'p50 ms':>9}{'p95 ms':>9}{'raw p50':>9}{'raw p95':>9}{'p95/raw p95':>13}")
    for name, p50, p95, r50, r95 in results:
        if r95 is None:
            print(f"{name:<32}{p50:>9.1f}{p95:>9.1f}{'-':>9}{'-':>9}{'-':>13}")
        else:
            print(f"{name:<32}{p50:>9.1f}{p95:>9.1f}{r50:>9.1f}{r95:>9.1f}{p95 / r95:>13.1f}")
    return results


def _figures_in_process(url: str, raw, args) -> tuple:
    """The period report's figures (``review.period_figures``, no HTTP, no Excel or PDF layout) for 2025, in this
    process, interleaved with the raw SQL of the same figures.

    Both are timed as a request of the server runs: with the garbage collector held (``audit.web.collector``), so
    no collection falls inside either timed call; whatever collection the call made due runs between the calls,
    untimed, as the server runs it once the response is sent. Left running, the collector's pauses fell inside
    some timed calls and set the p95 (measured 2026-12-07 on the province, 40 calls each way, SQLite and
    PostgreSQL: the figures' p95 168–171 ms running, 115–119 ms held; p50 100–102 ms against 97–99 ms)."""
    from audit.app import create_app
    from audit.db import db
    from audit.domain.review import parse_period
    from audit.services import review
    from audit.web import collector

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    period = parse_period("2025")

    def as_a_request(fn) -> list[float]:
        held = collector.hold()
        try:
            return timed(fn, 1, args.seconds)
        finally:
            collector.release(held)  # the collection now due runs at the next allocation, outside the timing

    with app.app_context():
        review.period_figures(period, today=TODAY)
        raw("period")
        ours, theirs = [], []
        for _ in range(args.requests):
            ours += as_a_request(lambda: (review.period_figures(period, today=TODAY), db.session.remove()))
            theirs += as_a_request(lambda: raw("period"))
        db.engine.dispose()
    return ("period figures (in process)", statistics.median(ours), percentile(ours, 95), statistics.median(theirs),
            percentile(theirs, 95))


if __name__ == "__main__":
    main()
