"""Background jobs on the Redis server: a request's mail is handed to a job after the commit, waits in Redis while
no worker runs, and is sent by a worker started later on any node (`flask jobs worker`); a period report is
issued by a job while the chairman's page waits; a job whose worker dies is done by the next one."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from audit.db import db
from audit.jobs import QUEUE, enqueue, queue
from audit.models import OutboxMail, ReminderLog
from tests.conftest import ROOT
from tests.services.test_remediation_service import Mailbox
from tests.web.test_remediation_web import item_of, post_form

REDIS = "redis://127.0.0.1:6379/15"  # a database of its own on the machine's Redis server


def test_a_requests_mail_waits_in_redis_and_a_worker_started_later_sends_it(client, demo, login, app,
                                                                           database_url, tmp_path):
    from redis import Redis

    Redis.from_url(REDIS).flushdb()
    with Mailbox() as box:
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=box.port, REDIS_URL=REDIS)
        login("donvi-la-ee")
        answer = post_form(client, f"/remediation/{item_of('A02').id}/respond", {"text": "Đã phân công lịch trực"})
        answer.close()  # the response is sent: the mail is handed over to a job
        assert answer.status_code == 302 and box.messages == []  # not sent by the request itself
        waiting = db.session.scalar(select(func.count()).select_from(OutboxMail).where(OutboxMail.sent_at.is_(None)))
        assert waiting >= 1 and queue(REDIS).count == 1  # no worker runs: the job waits in Redis
        env = dict(os.environ, DATABASE_URL=database_url, AUDIT_REDIS_URL=REDIS, AUDIT_MAIL_SERVER="127.0.0.1",
                   AUDIT_MAIL_PORT=str(box.port), AUDIT_DEMO="true", AUDIT_SECRET_KEY="test",
                   AUDIT_INSTANCE_PATH=str(tmp_path / "worker"))
        worker = subprocess.run([str(Path(sys.executable).parent / "flask"), "--app", "wsgi", "jobs", "worker",
                                 "--burst"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert worker.returncode == 0, worker.stderr[-2000:]
        assert len(box.messages) == waiting and queue(REDIS).count == 0
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(OutboxMail).where(OutboxMail.sent_at.is_(None))) == 0


def test_without_redis_configured_the_commands_say_what_is_missing(runner):
    result = runner.invoke(args=["jobs", "worker", "--burst"])
    assert result.exit_code == 2 and "AUDIT_REDIS_URL" in result.output


def test_a_job_whose_worker_is_killed_mid_run_is_done_by_the_next_worker(demo, database_url, tmp_path):
    """A job survives a worker restart: it lives in Redis; the next worker finds it abandoned and runs it again
    (RQ's retry), and it is done once: the day's reminders are one per item however many runs started."""
    from redis import Redis
    from rq.job import Job, JobStatus
    from rq.registry import ScheduledJobRegistry, StartedJobRegistry
    from rq.scheduler import RQScheduler

    redis = Redis.from_url(REDIS)
    redis.flushdb()
    marker = tmp_path / "started"
    job_id = enqueue(REDIS, "tests.web.slow_jobs.remind_after_a_pause", str(marker), timeout=60)
    env = dict(os.environ, DATABASE_URL=database_url, AUDIT_REDIS_URL=REDIS, AUDIT_DEMO="true",
               AUDIT_SECRET_KEY="test", AUDIT_INSTANCE_PATH=str(tmp_path / "worker"))
    flask = str(Path(sys.executable).parent / "flask")
    worker = subprocess.Popen([flask, "--app", "wsgi", "jobs", "worker"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert time.monotonic() < deadline and worker.poll() is None, "the worker never started the job"
            time.sleep(0.2)
    finally:
        os.killpg(worker.pid, signal.SIGKILL)  # the node dies: the worker and the process running the job
        worker.wait()
    job = Job.fetch(job_id, connection=redis)
    assert job.get_status() == JobStatus.STARTED  # abandoned mid-run, still in Redis
    assert db.session.scalar(select(func.count()).select_from(ReminderLog)) == 0

    # 90 s later the dead worker's heartbeat and its scheduler lock (61 s) have lapsed, and the next worker's
    # maintenance finds the job abandoned. The time is moved on instead of waited for: the lock is let go and
    # the registry cleaned up as of two minutes from now (what that maintenance calls).
    redis.delete(RQScheduler.get_locking_key(QUEUE))
    StartedJobRegistry(queue=queue(REDIS)).cleanup(timestamp=time.time() + 120)
    job.refresh()
    assert job.get_status() == JobStatus.SCHEDULED and job.retries_left == 2  # retried, after its interval
    due = ScheduledJobRegistry(queue=queue(REDIS)).get_scheduled_time(job)
    time.sleep(max(0.0, due.timestamp() - time.time()) + 1)
    again = subprocess.run([flask, "--app", "wsgi", "jobs", "worker", "--burst"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr[-2000:]
    job.refresh()
    assert job.get_status() == JobStatus.FINISHED, again.stderr[-2000:]
    db.session.expire_all()
    sent = db.session.scalar(select(func.count()).select_from(ReminderLog))
    counts = job.return_value()
    assert sent > 0 and sent == counts["due_soon"] + counts["overdue"]
    assert db.session.scalar(select(func.count(func.distinct(ReminderLog.item_id)))) == sent  # one per item


def run_worker(app, database_url: str, tmp_path) -> None:
    """A worker node: the same database, and the signing certificates on a folder shared with the app's node."""
    env = dict(os.environ, DATABASE_URL=database_url, AUDIT_REDIS_URL=REDIS, AUDIT_DEMO="true",
               AUDIT_SECRET_KEY="test", AUDIT_INSTANCE_PATH=str(tmp_path / "worker"),
               AUDIT_SIGNING_DIR=str(Path(app.instance_path) / "signing"), AUDIT_SIGNING_TEST_CERTIFICATES="true")
    worker = subprocess.run([str(Path(sys.executable).parent / "flask"), "--app", "wsgi", "jobs", "worker", "--burst"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert worker.returncode == 0, worker.stderr[-2000:]


def test_a_period_report_is_issued_by_a_job_while_the_chairmans_page_waits(client, demo, login, app, database_url,
                                                                           tmp_path):
    from redis import Redis

    from audit.models import OutgoingDocument
    from tests.web.test_corrections_web import NARRATIVE, _current, text_of

    Redis.from_url(REDIS).flushdb()
    app.config.update(REDIS_URL=REDIS)
    login("chutich-tp")
    asked = client.post("/reports/period?period=2026", data=NARRATIVE)
    assert asked.status_code == 302 and "/reports/period/jobs/" in asked.location
    assert _current(":2026-01-01:2026-12-31") is None  # nothing issued by the request itself
    waiting = client.get(asked.location)
    page = waiting.get_data(as_text=True)
    assert waiting.status_code == 202 and 'http-equiv="refresh"' in page and "Báo cáo đang được lập" in page

    other = app.test_client()  # another chairman never sees someone else's job
    with app.app_context():  # a context of its own, as every request on a real server has
        assert other.post("/login", data={"username": "chutich", "password": "NamGiang@2019"}).status_code == 302
        assert other.get(asked.location).status_code == 404

    run_worker(app, database_url, tmp_path)
    done = client.get(asked.location)
    issued = _current(":2026-01-01:2026-12-31")
    assert done.status_code == 302, done.get_data(as_text=True)[-3000:]
    assert done.location.endswith(f"/documents/{issued.id}.pdf")
    assert issued.issued_by.username == "chutich-tp" and issued.narrative["causes"] == NARRATIVE["causes"]
    pdf = client.get(done.location)
    assert pdf.status_code == 200 and f"Số: {issued.number}" in text_of(pdf.data)

    # the same request again, now that a report is in force: refused by the job, and nothing written is lost
    again = client.post("/reports/period?period=2026", data=NARRATIVE)
    run_worker(app, database_url, tmp_path)
    refused = client.get(again.location)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 409 and "Nhân sự mới bố trí sau sắp xếp." in page
    assert 'action="/reports/period?period=2026"' in page and f'name="replaces_id" value="{issued.id}"' in page
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(OutgoingDocument).where(
        OutgoingDocument.kind == "period_report", OutgoingDocument.subject.contains(":2026-01-01:"))) == 1


def test_with_redis_down_the_report_is_issued_by_the_request(client, demo, login, app):
    from tests.web.test_corrections_web import NARRATIVE, _current

    app.config.update(REDIS_URL="redis://127.0.0.1:1/0")  # nothing listens there
    login("chutich-tp")
    issued = client.post("/reports/period?period=2026", data=NARRATIVE)
    document = _current(":2026-01-01:2026-12-31")
    assert issued.status_code == 302 and issued.location.endswith(f"/documents/{document.id}.pdf")
    # a waiting page opened while the job server does not answer: a 503 that says so and looks again
    waiting = client.get("/reports/period/jobs/0a1b2c3d")
    page = waiting.get_data(as_text=True)
    assert waiting.status_code == 503 and "không trả lời" in page and 'http-equiv="refresh"' in page


def test_with_redis_down_an_import_is_written_by_the_request(client, demo, login, app):
    from audit.models import DossierStatistic
    from tests.services.test_statistics_import import PROVINCIAL
    from tests.web.test_statistics_web import _token, _upload

    app.config.update(REDIS_URL="redis://127.0.0.1:1/0")  # nothing listens there
    login("chutich")
    rows_before = db.session.scalar(select(func.count(DossierStatistic.id)))
    page_url = _upload(client, PROVINCIAL).headers["Location"]
    page = client.get(page_url)
    assert page.status_code == 200 and 'id="import-ready"' in page.get_data(as_text=True)
    confirm = client.post(page_url + "/confirm", data={"csrf_token": _token(page.get_data(as_text=True))})
    assert confirm.status_code == 302
    assert db.session.scalar(select(func.count(DossierStatistic.id))) == rows_before + 4


def test_a_confirmed_import_is_written_by_a_job_while_its_page_waits(client, demo, login, app, database_url,
                                                                     tmp_path):
    from redis import Redis

    from audit.models import DossierStatistic, StatisticsImport
    from tests.services.test_statistics_import import PROVINCIAL
    from tests.web.test_statistics_web import _token, _upload

    Redis.from_url(REDIS).flushdb()
    app.config.update(REDIS_URL=REDIS)
    login("chutich")
    rows_before = db.session.scalar(select(func.count(DossierStatistic.id)))
    page_url = _upload(client, PROVINCIAL).headers["Location"]
    token = _token(client.get(page_url).get_data(as_text=True))
    confirm = client.post(page_url + "/confirm", data={"csrf_token": token})
    assert confirm.status_code == 302 and confirm.location.endswith(page_url)
    again = client.post(page_url + "/confirm", data={"csrf_token": token})  # a second tap: the same job
    assert again.status_code == 302 and queue(REDIS).count == 1
    waiting = client.get(page_url).get_data(as_text=True)
    assert 'id="import-waiting"' in waiting and 'http-equiv="refresh"' in waiting
    assert 'id="import-ready"' not in waiting  # nothing to confirm twice while it is written
    assert db.session.scalar(select(func.count(DossierStatistic.id))) == rows_before

    run_worker(app, database_url, tmp_path)
    db.session.expire_all()
    done = client.get(page_url).get_data(as_text=True)
    assert 'id="import-waiting"' not in done and "Đã nhập — 4 dòng" in done
    assert db.session.scalar(select(func.count(DossierStatistic.id))) == rows_before + 4
    imported = db.session.scalar(select(StatisticsImport).order_by(StatisticsImport.id.desc()))
    assert imported.rows == 4 and imported.committed_at is not None
    # the import's job is no report job: the report's waiting page does not take it for one
    assert client.get(f"/reports/period/jobs/statistics-import-{imported.id}").status_code == 404
