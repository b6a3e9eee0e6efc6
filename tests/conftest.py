"""Fixtures: a fresh real database per test (SQLite file, and PostgreSQL when a server answers)."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest
from jinja2 import StrictUndefined
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from audit.app import create_app
from audit.config import TestConfig
from audit.db import db

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


@pytest.fixture
def app(database_url, tmp_path):
    app = make_app(database_url, tmp_path / "instance")
    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()
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


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """gunicorn (sync workers) serving a migrated, demo-seeded SQLite instance, like ./run.sh."""
    import subprocess
    import sys
    import time
    import urllib.request

    instance = tmp_path_factory.mktemp("live-instance")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(AUDIT_INSTANCE_PATH=str(instance), AUDIT_SESSION_COOKIE_SECURE="false",
               AUDIT_REMEMBER_COOKIE_SECURE="false")
    bin_dir = Path(sys.executable).parent
    for command in (["db", "upgrade"], ["seed-demo"]):
        subprocess.run([str(bin_dir / "flask"), "--app", "wsgi", *command], cwd=ROOT, env=env, check=True,
                       capture_output=True)
    port = _free_port()
    log = (instance / "gunicorn.log").open("wb")
    server = subprocess.Popen([str(bin_dir / "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}",
                               "--timeout", "60", "wsgi:app"], cwd=ROOT, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError((instance / "gunicorn.log").read_text()) from None
            time.sleep(0.2)
    try:
        yield {"url": base, "env": env, "instance": instance}
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
