"""Two app servers, one PostgreSQL database and one shared store (S3, here moto's S3-compatible server started by
the test): driven alternately, they serve the same users as one — a session started on one is honoured by the
other, a photo uploaded through one is served by the other, numbers allocated on both never collide, and two
reminder runs at once send each reminder once."""

import io
import re
import secrets
import subprocess
import uuid

import pytest
from PIL import Image
from sqlalchemy import create_engine, text

from audit.app import database_url_from_env
from tests.conftest import POSTGRES_URL, ROOT, LiveServer, _admin_engine, _pg_url

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs the PostgreSQL server")


@pytest.fixture
def shared_store():
    import boto3
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key="test",
                 region_name="us-east-1").create_bucket(Bucket="ktcv")
    yield {"AUDIT_STORAGE": "s3", "AUDIT_S3_ENDPOINT_URL": endpoint, "AUDIT_S3_BUCKET": "ktcv",
           "AUDIT_S3_ACCESS_KEY_ID": "test", "AUDIT_S3_SECRET_ACCESS_KEY": "test"}
    server.stop()


@pytest.fixture
def two_servers(tmp_path, shared_store):
    name = f"two_{uuid.uuid4().hex[:12]}"
    with _admin_engine().connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    common = {"AUDIT_SECRET_KEY": secrets.token_hex(32), **shared_store}
    servers = []
    try:
        for label in ("a", "b"):  # each with an instance folder of its own: nothing is shared on disk
            (tmp_path / label).mkdir()
            server = LiveServer(tmp_path / label, _pg_url(name), workers=1)
            server.env.update(common)
            servers.append(server)
        servers[0].prepare()
        for server in servers:
            server.start()
        yield servers
    finally:
        for server in servers:
            server.stop()
        with _admin_engine().connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def csrf(session, url: str) -> str:
    page = session.get(url).text
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert match, url
    return match.group(1)


def log_in(session, server, username: str) -> None:
    answer = session.post(server.url + "/login", data={"username": username, "password": "NamGiang@2019",
                                                       "csrf_token": csrf(session, server.url + "/login")})
    assert answer.status_code == 200 and "Đăng xuất" in answer.text, answer.text[:300]


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (160, 120), (200, 30, 40)).save(out, "JPEG")
    return out.getvalue()


def test_two_app_servers_serve_the_same_users_as_one(two_servers):
    import requests

    a, b = two_servers
    errors = []

    def check(answer, *expected):
        if answer.status_code >= 500 or (expected and answer.status_code not in expected):
            errors.append((answer.request.method, answer.url, answer.status_code))
        return answer

    # a session started on one server is honoured by the other (one secret key, sessions in the database)
    inspector = requests.Session()
    log_in(inspector, a, "thanhtra-tp")
    home = check(inspector.get(b.url + "/"), 200)
    assert not home.url.endswith("/login") and "Đăng xuất" in home.text
    # a photo uploaded through one is served by the other, byte for byte
    planned = re.search(r'href="/inspections/(\d+)"', check(inspector.get(b.url + "/inspections?state=planned"),
                                                           200).text).group(1)
    photo = jpeg()
    saved = check(inspector.post(a.url + f"/inspections/{planned}/items/A01/photos",
                                 data={"csrf_token": csrf(inspector, b.url + f"/inspections/{planned}")},
                                 files={"photo": ("quay.jpg", photo, "image/jpeg")},
                                 headers={"Accept": "application/json"}), 200).json()
    assert check(inspector.get(b.url + saved["url"]), 200).content == photo
    assert check(inspector.get(a.url + saved["thumb"]), 200).headers["Content-Type"] == "image/jpeg"
    # numbers allocated on both servers never collide: the city's chairman concludes one inspection on each
    chairman = requests.Session()
    log_in(chairman, b, "chutich-tp")
    waiting = re.findall(r'href="(/inspections/\d+/conclude)"', check(chairman.get(a.url + "/"), 200).text)
    assert len(set(waiting)) >= 2
    numbers = []
    for server, url in zip((a, b), sorted(set(waiting))[:2], strict=True):
        done = check(chairman.post(server.url + url, data={
            "csrf_token": csrf(chairman, server.url + url), "strengths": "Công chức niềm nở.",
            "causes": "Thiếu kiểm tra, đôn đốc.", "directives": "Khắc phục ngay các tồn tại."}), 200)
        numbers += re.findall(r"\((\d+/TB-UBND)\)", done.text)
    assert len(numbers) == 2 and len(set(numbers)) == 2, numbers
    # two reminder runs at once, one per server: each item reminded once today, neither run fails
    runs = [subprocess.Popen([str(s.bin / "flask"), "--app", "wsgi", "remind-overdue"], cwd=ROOT,
                             env=s.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for s in (a, b)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    engine = create_engine(database_url_from_env(a.database_url))
    with engine.connect() as conn:
        duplicated = conn.execute(text("SELECT COUNT(*) FROM (SELECT item_id, day FROM reminder_log "
                                       "GROUP BY item_id, day HAVING COUNT(*) > 1) AS d")).scalar()
        reminded = conn.execute(text("SELECT COUNT(*) FROM reminder_log")).scalar()
    engine.dispose()
    assert duplicated == 0 and reminded > 0
    assert errors == []
