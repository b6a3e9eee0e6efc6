"""Fixtures: a fresh real database per test (SQLite file, and PostgreSQL when a server answers)."""

from __future__ import annotations

import os
import shutil
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from jinja2 import StrictUndefined
from sqlalchemy import create_engine, event, text
from sqlalchemy.pool import NullPool

from audit.app import create_app
from audit.config import TestConfig
from audit.db import db
from audit.web.collector import release as release_collector

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _postgres_url() -> str | None:
    url = os.environ.get("TEST_DATABASE_URL") or PG_DEFAULT
    url = url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return url
    except Exception:  # noqa: BLE001 - no server: PostgreSQL runs are skipped, SQLite still runs
        if os.environ.get("TEST_DATABASE_URL"):
            raise
        return None


POSTGRES_URL = _postgres_url()
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])


def pytest_report_header(config):
    return f"database backends: {', '.join(BACKENDS)}" + ("" if POSTGRES_URL else " (no PostgreSQL server answered)")


_ADMIN = {}


def _admin_engine():
    """One autocommit engine for CREATE/DROP DATABASE, disposed at the end of the session."""
    if "engine" not in _ADMIN:
        _ADMIN["engine"] = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    return _ADMIN["engine"]


def _pg_url(database: str) -> str:
    return POSTGRES_URL.rsplit("/", 1)[0] + "/" + database


def _seed(url: str, instance: Path) -> None:
    from audit import demo as demo_module

    app = make_app(url, instance)
    with app.app_context():
        db.create_all()
        demo_module.seed()
        db.session.commit()
        if url.startswith("sqlite"):
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(scope="session")
def seeded_templates(tmp_path_factory):
    """The demo data seeded once per backend; tests that ask for ``demo`` get a fresh copy of it."""
    templates: dict[str, str] = {}

    def get(backend: str) -> str:
        if backend not in templates:
            folder = tmp_path_factory.mktemp(f"template-{backend}")
            if backend == "sqlite":
                path = folder / "template.sqlite3"
                _seed(f"sqlite:///{path}", folder / "instance")
                templates[backend] = str(path)
            else:
                name = f"ktcv_tmpl_{uuid.uuid4().hex[:10]}"
                with _admin_engine().connect() as conn:
                    conn.execute(text(f'CREATE DATABASE "{name}"'))
                _seed(_pg_url(name), folder / "instance")
                templates[backend] = name
        return templates[backend]

    yield get
    for backend, name in templates.items():
        if backend == "postgresql":
            with _admin_engine().connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    if "engine" in _ADMIN:
        _ADMIN.pop("engine").dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path, seeded_templates):
    """A URL to a fresh database: empty, or a copy of the seeded demo when the test asks for ``demo``.

    SQLite: a new file. PostgreSQL: a new schema, or a new database made from the seeded template.
    """
    seeded = "demo" in request.fixturenames
    if request.param == "sqlite":
        path = tmp_path / "test.sqlite3"
        if seeded:
            shutil.copyfile(seeded_templates("sqlite"), path)
        yield f"sqlite:///{path}"
        return
    if seeded:
        name = f"t_{uuid.uuid4().hex[:12]}"
        with _admin_engine().connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{seeded_templates("postgresql")}"'))
        try:
            yield _pg_url(name)
        finally:
            with _admin_engine().connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with _admin_engine().connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    finally:
        with _admin_engine().connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


def make_app(database_url: str, instance: Path, **overrides):
    config = {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}
    config.update(SQLALCHEMY_DATABASE_URI=database_url, SECRET_KEY="test-secret", **overrides)
    os.environ["AUDIT_INSTANCE_PATH"] = str(instance)
    app = create_app(config)
    app.jinja_env.undefined = StrictUndefined
    return app


@contextmanager
def statements_sent(engine):
    """The statements ``engine`` sends while the block runs, each as a ``(statement, parameters)`` pair, in order;
    the listener is removed however the block ends."""
    sent: list[tuple[str, object]] = []

    def listener(conn, cursor, statement, parameters, context, executemany):
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", listener)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", listener)


def pdf_pages(pdf: bytes) -> list[str]:
    """Each page's text as ``pdftotext -layout`` reads it (poppler, as a reader's viewer would), whitespace
    folded."""
    import subprocess

    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return [" ".join(page.split()) for page in out.decode().split("\f") if page.strip()]


def _check_kept_totals() -> None:
    """Whatever the test did through the app, the heads table's kept figures equal those recomputed from the
    findings (``head_totals``): every write path the suite takes is checked."""
    from audit.services import head_totals

    try:
        stored, computed = head_totals.stored(), head_totals.computed()
    finally:
        db.session.remove()
    assert stored == computed, f"head_quarter_totals drifted: kept {stored}, recomputed {computed}"


@pytest.fixture(autouse=True)
def collector_let_go():
    """A response a test never closed still holds the garbage collector (``audit.web.collector``): let go after
    each test, so that the next starts with the collector running."""
    yield
    release_collector()


@pytest.fixture
def app(database_url, tmp_path):
    app = make_app(database_url, tmp_path / "instance")
    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()
        try:
            _check_kept_totals()
        finally:
            db.drop_all()
            db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def demo(app):
    """The Nam Giang demo data (units, heads, 22 accounts, demo inspections), copied from a template."""
    from audit import demo as demo_module

    return demo_module


@pytest.fixture
def login(client):
    """``login(username)`` logs the test client in through the real login form."""

    def do(username: str, password: str = "NamGiang@2019"):
        response = client.post("/login", data={"username": username, "password": password})
        assert response.status_code == 302, response.data[:500]
        return client

    return do


# ---------------------------------------------------------------- a real server, as ./run.sh starts it

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """gunicorn (sync workers) on a migrated, demo-seeded database, started as ./run.sh starts it.

    It can be stopped and started again on the same port (a tablet losing its server), and it serves
    SQLite or, given ``database_url``, PostgreSQL.
    """

    def __init__(self, instance: Path, database_url: str | None = None, workers: int = 2):
        import sys

        self.instance = instance
        self.env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        self.env.update(AUDIT_INSTANCE_PATH=str(instance), AUDIT_SESSION_COOKIE_SECURE="false",
                        AUDIT_REMEMBER_COOKIE_SECURE="false", AUDIT_PUBLIC_URL="https://ktcv.namgiang.example",
                        AUDIT_DEMO="true", AUDIT_SIGNING_TEST_CERTIFICATES="true")
        if database_url:
            self.env["DATABASE_URL"] = database_url
        self.database_url = database_url or f"sqlite:///{instance / 'ktcv.sqlite3'}"
        self.bin = Path(sys.executable).parent
        self.workers = workers
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self._log = None

    def __getitem__(self, key):  # the older dict interface: live_server["url"], ["env"], ["instance"]
        return getattr(self, key)

    def flask(self, *command: str):
        import subprocess

        return subprocess.run([str(self.bin / "flask"), "--app", "wsgi", *command], cwd=ROOT, env=self.env,
                              check=True, capture_output=True)

    def prepare(self) -> LiveServer:
        self.flask("db", "upgrade")
        self.flask("seed-demo")
        return self

    def start(self) -> LiveServer:
        import subprocess
        import time
        import urllib.request

        self._log = (self.instance / "gunicorn.log").open("ab")
        self.process = subprocess.Popen(
            [str(self.bin / "gunicorn"), "--workers", str(self.workers), "--bind", f"127.0.0.1:{self.port}",
             "--timeout", "60", "wsgi:app"], cwd=ROOT, env=self.env, stdout=self._log, stderr=self._log)
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError((self.instance / "gunicorn.log").read_text()) from None
                time.sleep(0.2)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except Exception:
                self.process.kill()
            self.process = None
        if self._log is not None:
            self._log.close()
            self._log = None


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """gunicorn serving a migrated, demo-seeded SQLite instance, like ./run.sh (shared by the session)."""
    server = LiveServer(tmp_path_factory.mktemp("live-instance")).prepare().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fresh_server(tmp_path):
    """A live server of this test's own (its data may be changed freely), not yet started."""
    server = LiveServer(tmp_path / "instance").prepare()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=BACKENDS)
def fresh_server_any(request, tmp_path):
    """As ``fresh_server``, on SQLite and on a new PostgreSQL database when a server answers."""
    if request.param == "sqlite":
        server = LiveServer(tmp_path / "instance").prepare()
        try:
            yield server
        finally:
            server.stop()
        return
    name = f"live_{uuid.uuid4().hex[:12]}"
    with _admin_engine().connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    server = LiveServer(tmp_path / "instance", _pg_url(name))
    try:
        yield server.prepare()
    finally:
        server.stop()
        with _admin_engine().connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
