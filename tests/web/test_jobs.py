"""Background jobs on the Redis server: a request's mail is handed to a job after the commit, waits in Redis while
no worker runs, and is sent by a worker started later on any node (`flask jobs worker`)."""

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from audit.db import db
from audit.jobs import queue
from audit.models import OutboxMail
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
