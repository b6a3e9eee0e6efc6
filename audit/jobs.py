"""Background jobs on the Redis server, with RQ: the work a request should not wait for, done by
``flask --app wsgi jobs worker`` processes on any node.

With ``AUDIT_REDIS_URL`` set:

- the mail a request queued (in the outbox, in its transaction) is handed to a job once the request commits;
- a period report is rendered, numbered and signed by a job while the chairman's page waits for it;
- a confirmed statistics import is written by a job while its page waits;
- ``flask --app wsgi jobs enqueue remind`` (from cron, on any node) queues the daily reminders.

A job lives in Redis, not in a worker: one queued while no worker runs, or whose worker was killed while
running it, is done by the next worker (an abandoned job is retried, ``RETRIES`` times). Jobs are idempotent:
mail is claimed row by row in the outbox, a reminder is one row per item and day, a report job run again finds
the report it issued, an import is claimed once by a conditional update.

Without ``AUDIT_REDIS_URL`` (or with the Redis server unreachable when the work is asked for) everything runs
in the request as before: mail is tried after the response, the report issued and the import written at once,
reminders by the ``remind-overdue`` command.
"""

from __future__ import annotations

from functools import lru_cache

QUEUE = "ktcv"
RETRIES = 3
TIMEOUT = 300  # seconds a job may run before it counts as abandoned
#: seconds between a worker's clean-ups (RQ's default is 600): a job whose worker died is found and retried
#: this long at most after the dead worker's heartbeat lapsed (90 s after its last beat)
MAINTENANCE = 30
#: seconds between two looks of a page that waits for a job (the period report, a statistics import)
WAITING_REFRESH = 2


def connection(url: str, *, quick: bool = False):
    """A connection to the Redis server; ``quick``: short timeouts and no retries (a request handing over work
    must not wait on a Redis server that is down: the work waits in the database instead)."""
    from redis import Redis

    if not quick:
        return Redis.from_url(url)
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2, retry=Retry(NoBackoff(), 0))


def queue(url: str, *, quick: bool = False):
    from rq import Queue

    return Queue(QUEUE, connection=connection(url, quick=quick))


def enqueue(url: str, function: str, *args, timeout: int = TIMEOUT, quick: bool = False, meta: dict | None = None,
            **kwargs):
    """Queue ``function`` (a dotted path) with retries; the job's id. ``meta``: kept with the job (who asked)."""
    from rq import Retry

    job = queue(url, quick=quick).enqueue(function, *args, retry=Retry(max=RETRIES, interval=[10, 60, 300]),
                                          job_timeout=timeout, meta=meta or {}, **kwargs)
    return job.id


class Unreachable(Exception):
    """The Redis server does not answer: a job's state cannot be read now."""


def fetch(url: str, job_id: str, kind: str):
    """The job ``job_id`` of ``kind`` (its ``meta["kind"]``), or None when Redis no longer has it, it is another
    kind of job or no job id; :class:`Unreachable` when Redis does not answer."""
    from redis.exceptions import RedisError
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    if not job_id or len(job_id) > 64 or not all(c.isalnum() or c == "-" for c in job_id):
        return None
    try:
        job = Job.fetch(job_id, connection=connection(url, quick=True))
        job.get_status()  # read now, while the error can still be told apart
    except NoSuchJobError:
        return None
    except RedisError as err:
        raise Unreachable(str(err)) from err
    return job if job.meta.get("kind") == kind else None


def outcome(job) -> tuple[str, dict]:
    """What a job of a waiting page says: ("waiting", {}), ("done", result), ("refused", result) or
    ("failed", {}); a result of another shape (an older release's) counts as failed."""
    from rq.job import JobStatus

    status = job.get_status(refresh=False)
    if status not in (JobStatus.FINISHED, JobStatus.FAILED, JobStatus.STOPPED, JobStatus.CANCELED):
        return "waiting", {}
    result = job.return_value() if status == JobStatus.FINISHED else None
    if not isinstance(result, dict) or result.get("failed"):
        return "failed", {}
    if result.get("refused"):
        return "refused", result
    return "done", result


def hand_over_mail(url: str, ids: list[int]) -> None:
    """Queue the sending of a request's mail; with Redis unreachable the mail simply waits in the outbox for
    ``flask mail send`` (nothing is lost, the request is already answered)."""
    import logging

    try:
        enqueue(url, "audit.jobs.deliver_mail", ids, quick=True)
    except Exception:  # noqa: BLE001 - the outbox keeps the mail
        logging.getLogger(__name__).exception("mail could not be handed to a background job")


@lru_cache(maxsize=1)
def _app():
    """The app of this worker process (jobs run outside any request)."""
    from audit.app import create_app

    return create_app()


def deliver_mail(ids: list[int] | None = None) -> dict:
    """Send the outbox's mail that is due (``ids``: only those); what fails stays for the next run."""
    from audit.db import db
    from audit.mailer import deliver_due

    with _app().app_context():
        try:
            return deliver_due(ids=ids)
        finally:
            db.session.remove()


def remind() -> dict:
    """The day's reminders (one per item per day, whichever node runs it), then their mail."""
    from audit.db import db, utcnow
    from audit.mailer import deliver_due
    from audit.services.remediation import send_reminders

    with _app().app_context():
        try:
            counts = send_reminders(now=utcnow())
            db.session.commit()
            counts["sent"] = deliver_due()["sent"]
            return counts
        finally:
            db.session.remove()


def _refusal(err) -> dict:
    """A service's refusal as a job's answer: the message for the page, and the status the request path gives
    the same refusal (409 for a conflict, 403 for a step not allowed, 422 otherwise)."""
    from audit.domain.errors import Conflict, ImportRejected, NotAllowed

    if isinstance(err, ImportRejected) and err.problems:  # the first problem says what to mend
        err = err.problems[0]
    status = 409 if isinstance(err, Conflict) else 403 if isinstance(err, NotAllowed) else 422
    return {"refused": err.message, "params": dict(err.params or {}), "status": status}


def _answered(what: str, work) -> dict:
    """Run ``work()`` (a service call returning the job's answer) in the app and commit it: a service's refusal
    is an answer (:func:`_refusal`), anything else a failure (:func:`_failed`); either way nothing is kept."""
    from audit.db import db
    from audit.domain.errors import DomainError

    with _app().app_context():
        try:
            try:
                answer = work()
                db.session.commit()
            except DomainError as err:
                db.session.rollback()
                return _refusal(err)
            except Exception:  # noqa: BLE001 - answered as failed: the page shows the form or the draft again
                db.session.rollback()
                return _failed(what)
            return answer
        finally:
            db.session.remove()


def _failed(what: str) -> dict:
    """A job that failed on its own (not its worker dying): logged, and answered at once, so its page shows the
    form again instead of waiting through retries that would fail the same way."""
    import logging

    logging.getLogger(__name__).exception("%s failed", what)
    return {"failed": True}


def issue_period_report(*, user_id: int, period: str, recipient: str, narrative: dict, replaces_id: int | None,
                        reason: str, confirmed: bool) -> dict:
    """Issue a period report as the chairman asked (the page that asked waits for this job). A refusal (a report
    issued meanwhile, nothing changed) is an answer, not a failure (:func:`_refusal`); done:
    ``{"document_id": id, "number": ...}``. The job's id is kept on the document: run again after its worker
    died, the job returns the report it issued."""
    from rq import get_current_job

    from audit.db import db, utcnow
    from audit.domain.review import parse_period
    from audit.models import User
    from audit.services import period_report
    from audit.services.units import scope_of

    job = get_current_job()

    def work() -> dict:
        actor = db.session.get(User, user_id)
        document = period_report.issue(
            parse_period(period), recipient=recipient, narrative=narrative, actor=actor, now=utcnow(),
            scope=scope_of(actor), replaces_id=replaces_id, reason=reason, confirmed=confirmed,
            request_key=job.id if job else None)
        return {"document_id": document.id, "number": document.number}

    return _answered("the period report job", work)


def import_job_id(import_id: int) -> str:
    """One job per import, named after it: its page finds it, and a second confirmation finds it queued."""
    return f"statistics-import-{import_id}"


def commit_import(*, import_id: int, user_id: int) -> dict:
    """Write a confirmed statistics import (its page waits for this job). A refusal (confirmed or discarded
    meanwhile, no longer ready) is an answer (:func:`_refusal`); done: ``{"rows": n, ...}``."""
    from audit.db import db, utcnow
    from audit.models import StatisticsImport, User
    from audit.services import statistics
    from audit.services.units import scope_of

    def work() -> dict:
        actor = db.session.get(User, user_id)
        imp = db.session.get(StatisticsImport, import_id)
        outcome = statistics.commit(imp, actor=actor, now=utcnow(), scope=scope_of(actor))
        return {"rows": outcome.rows, "replaced": outcome.replaced, "unchanged": outcome.unchanged}

    return _answered("the statistics import job", work)
