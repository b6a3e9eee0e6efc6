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
import hashlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, insert, text  # noqa: E402

from bench.common import BIN, ROOT, Client, free_port, percentile  # noqa: E402

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
TODAY = date(2026, 11, 27)

OPEN_ITEMS = """
    SELECT unit_id, COUNT(*) AS open_items,
           SUM(CASE WHEN state IN ('open', 'returned') AND deadline < :today THEN 1 ELSE 0 END) AS overdue
    FROM remediation_items WHERE state <> 'accepted' GROUP BY unit_id"""
DESKS_IN_PERIOD = {"sqlite": """
        SELECT u.id, u.name, i.id, i.inspection_date, i.score, COALESCE(c.final_verdict, i.verdict)
        FROM units u JOIN inspections i ON i.id IN (
               SELECT i2.id FROM inspections i2 WHERE i2.unit_id = u.id AND i2.state = 'finalised'
               AND i2.inspection_date BETWEEN :start AND :end ORDER BY i2.inspection_date DESC, i2.id DESC LIMIT 8)
        LEFT JOIN conclusions c ON c.inspection_id = i.id AND c.superseded_at IS NULL
        WHERE u.kind IN ('district_desk', 'commune_desk', 'commune_centre')""", "postgresql": """
        SELECT u.id, u.name, i.id, i.inspection_date, i.score, COALESCE(c.final_verdict, i.verdict)
        FROM units u CROSS JOIN LATERAL (
               SELECT i2.id, i2.inspection_date, i2.score, i2.verdict FROM inspections i2
               WHERE i2.unit_id = u.id AND i2.state = 'finalised' AND i2.inspection_date BETWEEN :start AND :end
               ORDER BY i2.inspection_date DESC, i2.id DESC LIMIT 8) i
        LEFT JOIN conclusions c ON c.inspection_id = i.id AND c.superseded_at IS NULL
        WHERE u.kind IN ('district_desk', 'commune_desk', 'commune_centre')"""}
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
    # each desk's latest 8 finalised inspections found through the (unit, date) index, and its open items; the best
    # form differs: SQLite looks the list up per unit, PostgreSQL takes a LATERAL join
    "dashboard": {"sqlite": ("""
        SELECT u.id, u.name, i.id, i.inspection_date, i.score, COALESCE(c.final_verdict, i.verdict)
        FROM units u JOIN inspections i ON i.id IN (
               SELECT i2.id FROM inspections i2 WHERE i2.unit_id = u.id AND i2.state = 'finalised'
               ORDER BY i2.inspection_date DESC, i2.id DESC LIMIT 8)
        LEFT JOIN conclusions c ON c.inspection_id = i.id AND c.superseded_at IS NULL
        WHERE u.kind IN ('district_desk', 'commune_desk', 'commune_centre')""", OPEN_ITEMS), "postgresql": ("""
        SELECT u.id, u.name, i.id, i.inspection_date, i.score, COALESCE(c.final_verdict, i.verdict)
        FROM units u CROSS JOIN LATERAL (
               SELECT i2.id, i2.inspection_date, i2.score, i2.verdict FROM inspections i2
               WHERE i2.unit_id = u.id AND i2.state = 'finalised'
               ORDER BY i2.inspection_date DESC, i2.id DESC LIMIT 8) i
        LEFT JOIN conclusions c ON c.inspection_id = i.id AND c.superseded_at IS NULL
        WHERE u.kind IN ('district_desk', 'commune_desk', 'commune_centre')""", OPEN_ITEMS)},
    # the heads' figures from the rows kept per head and quarter (head_quarter_totals), as the page reads them
    "heads": """
        SELECT t.id, t.person_name, f.n, f.repeats, f.formal, o.overdue
        FROM head_tenures t
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
    "period": {backend: (DESKS_IN_PERIOD[backend], OPEN_ITEMS, """
        SELECT unit_id, field, period_start, period_end, carried_over, received, early, on_time, late, pending
        FROM dossier_statistics WHERE period_start >= :start AND period_end <= :end""", """
        SELECT SUBSTR(f.item_id, 1, 1), COUNT(*) FROM findings f JOIN inspections i ON i.id = f.inspection_id
        WHERE i.state = 'finalised' AND f.status = 'draft' AND i.inspection_date BETWEEN :start AND :end
        GROUP BY SUBSTR(f.item_id, 1, 1)""", """
        SELECT r.state, COUNT(*) FROM remediation_items r JOIN inspections i ON i.id = r.inspection_id
        WHERE i.inspection_date BETWEEN :start AND :end GROUP BY r.state""", """
        SELECT head_tenure_id, SUM(findings), SUM(repeats), SUM(formal) FROM head_quarter_totals
        WHERE quarter BETWEEN :start AND :end GROUP BY head_tenure_id HAVING SUM(repeats) > 0""")
        for backend in ("sqlite", "postgresql")},
}


def generate(url: str, *, districts: int, communes_per: int, inspections: int, answers_per: int, seed: int = 7):
    """Fill an empty database (schema from the models) with province-scale data; returns row counts."""
    os.environ["AUDIT_INSTANCE_PATH"] = tempfile.mkdtemp(prefix="ktcv-gen-")
    from werkzeug.security import generate_password_hash

    from audit.app import create_app
    from audit.db import db
    from audit.models import (
        Answer,
        Authority,
        DossierStatistic,
        Finding,
        HeadTenure,
        Inspection,
        InspectionMember,
        RemediationItem,
        Unit,
        User,
    )

    rng = random.Random(seed)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        db.create_all()
        conn = db.session.connection()

        def bulk(model, rows):
            for i in range(0, len(rows), 20000):
                conn.execute(insert(model), rows[i:i + 20000])

        units, desks, heads_by_unit = [], [], {}
        uid = 1
        # every row with the same keys: an executemany takes its columns from the first row, so a key missing there
        # (parent_id, once) is dropped from every row and the whole tree comes out flat
        units.append(dict(id=uid, code="PROV", name="UBND tỉnh Mẫu", kind="province", parent_id=None, created_at=NOW))
        province = uid
        for d in range(districts):
            uid += 1
            district = uid
            units.append(dict(id=uid, code=f"D{d:02d}", name=f"UBND huyện {d:02d}", kind="district",
                              parent_id=province, created_at=NOW))
            uid += 1
            units.append(dict(id=uid, code=f"D{d:02d}-MC", name=f"Bộ phận Một cửa huyện {d:02d}",
                              kind="district_desk", parent_id=district, created_at=NOW))
            desks.append(uid)
            for c in range(communes_per):
                uid += 1
                commune = uid
                units.append(dict(id=uid, code=f"D{d:02d}-C{c:02d}", name=f"UBND xã {d:02d}-{c:02d}",
                                  kind="commune", parent_id=district, created_at=NOW))
                uid += 1
                units.append(dict(id=uid, code=f"D{d:02d}-C{c:02d}-MC", name=f"Bộ phận Một cửa xã {d:02d}-{c:02d}",
                                  kind="commune_desk", parent_id=commune, created_at=NOW))
                desks.append(uid)
        bulk(Unit, units)
        # the province's People's Committee inspects every unit below it
        bulk(Authority, [dict(id=1, code="PROV-UBND", name="UBND tỉnh Mẫu", unit_id=province, reads_predecessors=False,
                              issuing_body="ỦY BAN NHÂN DÂN\nTỈNH MẪU", place="Mẫu", chair_title="CHỦ TỊCH")])
        tenures, tid = [], 0
        for desk in desks:
            heads_by_unit[desk] = []
            start = date(2016, 1, 1)
            for k in range(3):
                tid += 1
                end = None if k == 2 else start + timedelta(days=1200)
                tenures.append(dict(id=tid, unit_id=desk, person_name=f"Người đứng đầu {tid}", title="Chủ tịch UBND xã",
                                    start_date=start, end_date=end, created_at=NOW))
                heads_by_unit[desk].append((start, end, tid))
                start = (end or start) + timedelta(days=1)
        bulk(HeadTenure, tenures)
        password = generate_password_hash("NamGiang@2019", method="pbkdf2:sha256:1000")
        bulk(User, [dict(id=1, username="chutich", full_name="Chủ tịch Mẫu", role="chairman", password_hash=password,
                         active=True, must_change_password=False, session_version=1, created_at=NOW, authority_id=1),
                    dict(id=2, username="truongdoan", full_name="Trưởng đoàn Mẫu", role="team_lead",
                         password_hash=password, active=True, must_change_password=False, session_version=1,
                         created_at=NOW, authority_id=1),
                    dict(id=3, username="quantri", full_name="Quản trị Mẫu", role="admin", password_hash=password,
                         active=True, must_change_password=False, session_version=1, created_at=NOW,
                         authority_id=None)])
        # an account for each desk (the unit's own staff answering remediation) and an inspector for every five desks: the
        # accounts list at a province's size
        bulk(User, [dict(id=1000 + n, username=f"donvi-{desk}", full_name=f"Cán bộ một cửa {desk}", role="unit_user",
                         password_hash=password, active=n % 9 != 0, must_change_password=False, session_version=1,
                         created_at=NOW, unit_id=desk, authority_id=None) for n, desk in enumerate(desks)]
             + [dict(id=1000 + len(desks) + n, username=f"thanhtra{n:02d}", full_name=f"Thanh tra viên {n:02d}",
                     role="inspector", password_hash=password, active=True, must_change_password=False,
                     session_version=1, created_at=NOW, unit_id=None, authority_id=1) for n in range(len(desks) // 5)])
        # the dossier figures each desk reports, by quarter of 2024 and 2025, for five fields
        stats, figures = [], random.Random(seed + 1)  # a stream of its own: the inspections stay as they were
        for desk in desks:
            for year in (2024, 2025):
                for quarter in range(4):
                    start = date(year, 3 * quarter + 1, 1)
                    end = date(year, 12, 31) if quarter == 3 else date(year, 3 * quarter + 4, 1) - timedelta(days=1)
                    for field in ("dat_dai", "xay_dung", "ho_tich", "chung_thuc", "kinh_doanh"):
                        received = figures.randrange(20, 400)
                        late = figures.randrange(0, received // 10 + 1)
                        early = figures.randrange(0, (received - late) // 3 + 1)
                        stats.append(dict(unit_id=desk, field=field, period_start=start, period_end=end,
                                          carried_over=0, received=received, early=early,
                                          on_time=received - late - early, late=late, pending=0, imported_at=NOW))
        bulk(DossierStatistic, stats)
        item_ids = [f"{s}{n:02d}" for s, count in zip("ABCDEFGH", (10, 8, 6, 10, 10, 4, 7, 8), strict=True)
                    for n in range(1, count + 1)][:answers_per]
        # the checklist version every inspection pins, by the hash of its file (a page that reads it checks it)
        pinned = hashlib.sha256((ROOT / "checklists" / "one-stop-desk" / "v1.yaml").read_bytes()).hexdigest()
        ins, members, answers, findings, items = [], [], [], [], []
        fid = 0
        first_day = date(2016, 1, 1)
        for iid in range(1, inspections + 1):
            desk = desks[iid % len(desks)]
            day = first_day + timedelta(days=rng.randrange(3650))
            score = round(rng.uniform(35, 100), 1)
            verdict = "formal" if score < 55 else "partly_substantive" if score < 85 else "substantive"
            ins.append(dict(id=iid, unit_id=desk, authority_id=1, inspection_date=day, announced=bool(iid % 2),
                            decision_number=f"{iid}/QĐ", decision_date=day - timedelta(days=7),
                            checklist_key="one-stop-desk", checklist_version=1, checklist_sha256=pinned,
                            legal_regime="nd61_2018" if day < date(2025, 7, 1) else "nd118_2025", state="finalised",
                            created_at=NOW, submitted_at=NOW, finalised_at=NOW, score=score, coverage=1.0,
                            na_share=0.0, verdict=verdict, verdict_reasons=[],
                            section_scores={}))
            members.append(dict(inspection_id=iid, user_id=2, role="lead"))
            for item in item_ids:
                answers.append(dict(inspection_id=iid, item_id=item, value="yes" if rng.random() < score / 100 else "no",
                                    note="", source="inspector", version=1, updated_at=NOW))
            head = next((t for s, e, t in heads_by_unit[desk] if s <= day and (e is None or day <= e)), None)
            for k in range(3 if verdict != "substantive" else 1):
                fid += 1
                deadline = day + timedelta(days=30)
                findings.append(dict(id=fid, inspection_id=iid, item_id=item_ids[(iid + k) % len(item_ids)],
                                     source="derived", unit_id=desk, head_tenure_id=head, statement="Tồn tại",
                                     observation="", severity="medium", formality_signal=False, repeat=rng.random() < .2,
                                     legal_basis="", requirement="Khắc phục", deadline=deadline, status="draft",
                                     edited=False, created_at=NOW))
                if day.year >= 2024:
                    state = rng.choice(["open", "open", "responded", "accepted"])
                    items.append(dict(inspection_id=iid, finding_id=fid, unit_id=desk, head_tenure_id=head,
                                      requirement="Khắc phục", legal_basis="", deadline=deadline,
                                      original_deadline=deadline, state=state, extension_requested=False,
                                      created_at=NOW, closed_at=NOW if state == "accepted" else None))
            if len(answers) >= 200000:
                bulk(Inspection, ins)
                bulk(InspectionMember, members)
                bulk(Answer, answers)
                bulk(Finding, findings)
                bulk(RemediationItem, items)
                ins, members, answers, findings, items = [], [], [], [], []
        for model, rows in ((Inspection, ins), (InspectionMember, members), (Answer, answers), (Finding, findings),
                            (RemediationItem, items)):
            if rows:
                bulk(model, rows)
        from audit.services import head_totals

        head_totals.rebuild()  # the heads table's kept figures, as finalising each inspection would have left them
        db.session.commit()
        counts = {table: db.session.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()
                  for table in ("units", "inspections", "answers", "findings", "remediation_items")}
        db.session.remove()
        db.engine.dispose()
    return counts


def timed(fn, n: int, seconds: float) -> list[float]:
    out, deadline = [], time.monotonic() + seconds
    for _ in range(n):
        if time.monotonic() > deadline:
            break
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


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
                 ("period Excel (target 2 s)", "/reports/period.xlsx?period=2025", None, max(3, args.requests // 4)),
                 ("period PDF (target 2 s)", "/reports/period.pdf?period=2025", None, max(3, args.requests // 4))]
        results = []
        for name, path, sql, count in pages:
            def http(path=path, who=admin if path.startswith("/admin") else client):
                status, _ = who.request("GET", path)
                assert status == 200, (path, status)
            http()
            if sql:
                raw(sql)  # warm-up
            http_times, raw_times = [], []
            for _ in range(count):  # interleaved: both see the same noise
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
    process, interleaved with the raw SQL of the same figures."""
    from audit.app import create_app
    from audit.db import db
    from audit.domain.review import parse_period
    from audit.services import review

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    period = parse_period("2025")
    with app.app_context():
        review.period_figures(period, today=TODAY)
        raw("period")
        ours, theirs = [], []
        for _ in range(args.requests):
            ours += timed(lambda: (review.period_figures(period, today=TODAY), db.session.remove()), 1, args.seconds)
            theirs += timed(lambda: raw("period"), 1, args.seconds)
        db.engine.dispose()
    return ("period figures (in process)", statistics.median(ours), percentile(ours, 95), statistics.median(theirs),
            percentile(theirs, 95))


if __name__ == "__main__":
    main()
