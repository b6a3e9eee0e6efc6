"""Issuing benchmark: what issuing the minutes costs beyond rendering them.

In one process, on a fresh demo (SQLite in a temporary folder), alternately (a) render the La Êê minutes to
PDF/A as issuing does (content, HTML, WeasyPrint) and (b) issue them for real through the service: a
correction with a reason (content digest, a number from the register, render, PAdES signature with pyHanko,
store, audit log, commit). Reports medians and the ratio issue / render; the target is at most 1.3.
Bounded by --repeat (pairs).

    .venv/bin/python bench/issuing.py --repeat 7
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ktcv-bench-issue-"))
    os.environ["AUDIT_INSTANCE_PATH"] = str(folder)
    from audit.app import create_app

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}", "SECRET_KEY": "bench",
                      "PUBLIC_URL": "http://127.0.0.1:5000", "SIGNING_TEST_CERTIFICATES": True})
    from sqlalchemy import select

    from audit import demo
    from audit.db import db
    from audit.models import Inspection, Unit, User
    from audit.services import minutes
    from reports import render_minutes_html, render_pdf

    with app.app_context():
        db.create_all()
        demo.seed()
        db.session.commit()
        inspection = db.session.scalar(select(Inspection).join(Unit).where(Unit.code == "NG-LAEE-MC",
                                                                          Inspection.state == "finalised"))
        lead = db.session.scalar(select(User).where(User.username == "truongdoan"))
        when = datetime(2019, 4, 1, 2, 0, tzinfo=UTC)
        import segno

        def render_alone():
            """The same document as issued (number, footer line with a fresh code and its QR, as each issue
            has), rendered to PDF/A only."""
            code = minutes._code()
            url = f"http://127.0.0.1:5000/verify?code={code}"
            qr = segno.make(url, error="m").svg_inline(scale=2, border=0, dark="#000")
            context = minutes._context(inspection, number="02/BB-ĐKT", draft=False, version=2,
                                       verification_code=code, verify_url=url, qr_svg=qr)
            return render_pdf(render_minutes_html(context), archival=True)

        render_alone()  # warm caches
        render_times, issue_times = [], []
        for n in range(args.repeat):
            start = time.perf_counter()
            render_alone()
            render_times.append(time.perf_counter() - start)
            details = minutes.details_of(inspection)
            minutes.save_details(inspection, start_time=details.start_time, end_time=f"16:{10 + n:02d}",
                                 place=details.place, representatives=details.unit_representatives,
                                 comments=details.unit_comments, copies=details.copies, actor=lead, now=when)
            db.session.commit()
            current = minutes.current_issued(inspection)
            start = time.perf_counter()
            minutes.issue(inspection, actor=lead, now=when + timedelta(minutes=n), verify_base_url="http://127.0.0.1:5000",
                          replaces_version=current.version, reason=f"Sửa giờ kết thúc (lần {n + 1})", confirmed=True)
            db.session.commit()
            issue_times.append(time.perf_counter() - start)
        render_median, issue_median = statistics.median(render_times), statistics.median(issue_times)
        print(f"render only   median {render_median * 1000:7.1f} ms  (min {min(render_times) * 1000:.1f}, "
              f"max {max(render_times) * 1000:.1f}, n={len(render_times)})")
        print(f"issue (all)   median {issue_median * 1000:7.1f} ms  (min {min(issue_times) * 1000:.1f}, "
              f"max {max(issue_times) * 1000:.1f}, n={len(issue_times)})")
        print(f"ratio issue / render: {issue_median / render_median:.2f} by medians, "
              f"{min(issue_times) / min(render_times):.2f} by minima (target ≤ 1.30)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
