"""Minutes rendering benchmark: a typical minutes (≈ 3–5 pages) and a large one (≈ 60 findings, ≈ 20 pages),
cold (a new process: `flask minutes render`), warm (in the gunicorn worker, over HTTP) and, in the same
run, raw WeasyPrint on the same HTML (in this process, one FontConfiguration reused). Reports medians
and the ratio ours / raw. Bounded by --cold and --warm repetitions. The server keeps the preview it laid out
(``render_pdf_reusing``): each warm request empties the kept files first, so that it measures the layout.

    .venv/bin/python bench/minutes.py --cold 3 --warm 7
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BIN, ROOT, Client, demo_server, forget_kept_pdfs  # noqa: E402


def build_large(app) -> int:
    """A finalised inspection of Đắc Pre's desk where almost everything fails: about 60 findings."""
    from sqlalchemy import select

    from audit.db import db
    from audit.domain.findings import Severity
    from audit.models import Unit, User
    from audit.services import answers, findings, inspections

    now = datetime(2019, 9, 10, 9, 0, tzinfo=UTC)
    with app.app_context():
        user = lambda name: db.session.scalar(select(User).where(User.username == name))  # noqa: E731
        lead, member = user("truongdoan"), user("thanhtra")
        unit = db.session.scalar(select(Unit).where(Unit.code == "NG-DACPRE-MC"))
        inspection = inspections.plan_inspection(
            unit=unit, inspection_date=date(2019, 9, 10), announced=False, decision_number="210/QĐ-UBND",
            decision_date=date(2019, 9, 1), checklist_key="one-stop-desk", lead=lead, members=[member],
            secretary=None, actor=lead, now=now)
        for item in inspections.checklist_of(inspection).items:
            kind = item.answer_type.value
            value = {"yes_no_na": "no", "rating_0_2": "0", "percentage": "10", "text": "Nhiều tồn tại."}.get(kind, "40")
            answers.save_answer(inspection, item_id=item.id, value=value,
                                note=f"Ghi nhận tại quầy về tiêu chí {item.id}: chưa thực hiện đúng quy định.",
                                base_version=None, op_id=None, actor=member, now=now)
        findings.sync_findings(inspection, actor=member, now=now)
        while len(inspection.findings) < 60:
            findings.add_finding(inspection, statement=f"Tồn tại bổ sung số {len(inspection.findings) + 1}.",
                                 observation="Đoàn ghi nhận thêm khi làm việc với công chức.", severity=Severity.LOW,
                                 legal_basis="Chỉ thị số 26/CT-TTg", requirement="Khắc phục và báo cáo kết quả.",
                                 deadline=None, responsible_official=None, actor=member, now=now)
        inspections.submit(inspection, actor=member, now=now)
        inspections.finalise(inspection, actor=lead, now=now)
        db.session.commit()
        return inspection.id


def html_of(app, inspection_id: int) -> str:
    from audit.db import db
    from audit.models import Inspection
    from audit.services import minutes
    from reports import render_minutes_html

    with app.test_request_context():
        inspection = db.session.get(Inspection, inspection_id)
        return render_minutes_html(minutes._context(inspection, number="     /BB-ĐKT", draft=False))


def raw_render(html: str, font_config, css) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=html, base_url=str(ROOT / "reports" / "styles")).write_pdf(
        stylesheets=[css], font_config=font_config)


def timed(fn, n: int) -> list[float]:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def measure(label, inspection_id, *, app, client, env, instance, font_config, css, args):
    """Medians for one document: cold (new process), warm (gunicorn worker) and raw WeasyPrint, interleaved."""
    import pypdf

    out = instance / f"{label}.pdf"
    pages = []

    def cold():
        subprocess.run([str(BIN / "flask"), "--app", "wsgi", "minutes", "render", str(inspection_id), str(out)],
                       cwd=ROOT, env=env, check=True, capture_output=True)

    def warm():
        forget_kept_pdfs(instance)  # laid out each time, not the kept preview
        status, body = client.request("GET", f"/inspections/{inspection_id}/minutes/preview.pdf")
        assert status == 200 and body.startswith(b"%PDF"), status
        pages.append(len(pypdf.PdfReader(io.BytesIO(body)).pages))

    html = html_of(app, inspection_id)
    cold_times = timed(cold, args.cold)
    warm()  # warm-up
    raw_render(html, font_config, css)  # warm-up
    warm_times, raw_times = [], []
    for _ in range(args.warm):  # interleaved, so both see the same machine noise
        warm_times += timed(warm, 1)
        raw_times += timed(lambda: raw_render(html, font_config, css), 1)
    return (label, pages[-1], statistics.median(cold_times), statistics.median(warm_times),
            statistics.median(raw_times))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", type=int, default=3)
    parser.add_argument("--warm", type=int, default=7)
    args = parser.parse_args()

    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    with demo_server(workers=1) as (host, instance):
        os.environ["AUDIT_INSTANCE_PATH"] = str(instance)
        from audit.app import create_app

        app = create_app({"SESSION_COOKIE_SECURE": False, "SECRET_KEY": "bench"})
        large_id = build_large(app)
        with app.app_context():
            from sqlalchemy import select

            from audit.db import db
            from audit.models import Inspection, Unit

            typical_id = db.session.scalar(select(Inspection.id).join(Unit).where(Unit.code == "NG-ZUOIH-MC"))
        client = Client(host)
        client.login("chutich")
        # the command as the demo server runs (AUDIT_DEMO: the secret key of the instance folder, not the environment)
        env = {**os.environ, "AUDIT_INSTANCE_PATH": str(instance), "AUDIT_DEMO": "true"}
        font_config = FontConfiguration()
        css = weasyprint.CSS(filename=str(ROOT / "reports" / "styles" / "minutes.css"), font_config=font_config)
        rows = [measure(label, inspection_id, app=app, client=client, env=env, instance=instance,
                        font_config=font_config, css=css, args=args)
                for label, inspection_id in (("typical", typical_id), ("large", large_id))]

    print("minutes benchmark — medians in seconds (cold: new process; warm: gunicorn worker over HTTP; "
          "raw: WeasyPrint alone on the same HTML)")
    print(f"{'document':<10}{'pages':>6}{'cold':>9}{'warm':>9}{'raw':>9}{'warm/raw':>10}")
    for label, pages, cold_s, warm_s, raw_s in rows:
        print(f"{label:<10}{pages:>6}{cold_s:>9.2f}{warm_s:>9.2f}{raw_s:>9.2f}{warm_s / raw_s:>10.2f}")


if __name__ == "__main__":
    main()
