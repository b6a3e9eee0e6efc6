"""`flask backup create DIR` and `backup restore DIR`: a round trip on SQLite and on PostgreSQL gives back the
database as it was and every stored file byte for byte; a backup that differs from its checksums is refused."""

import hashlib
import os
import subprocess

from sqlalchemy import create_engine, text

from audit.app import database_url_from_env
from audit.storage import LocalStore
from tests.conftest import ROOT

TABLES = ("units", "users", "inspections", "answers", "findings", "remediation_items", "notifications",
          "outgoing_documents", "audit_log")


def counts(url: str) -> dict:
    engine = create_engine(database_url_from_env(url))
    try:
        with engine.connect() as conn:
            return {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in TABLES}
    finally:
        engine.dispose()


def test_a_backup_comes_back_whole_and_a_damaged_one_is_refused(fresh_server_any, tmp_path):
    server = fresh_server_any
    store = LocalStore(server.instance / "files")
    blobs = [os.urandom(200_000 + n) for n in range(3)]
    for n, blob in enumerate(blobs):
        spool = tmp_path / f"blob{n}"
        spool.write_bytes(blob)
        store.put_file(hashlib.sha256(blob).hexdigest(), spool)
    before = counts(server.database_url)
    assert before["inspections"] > 0 and before["audit_log"] > 0
    backup = tmp_path / "backup"
    out = server.flask("backup", "create", str(backup)).stdout.decode()
    assert "3 tệp" in out and (backup / "SHA256SUMS").exists() and (backup / "manifest.json").exists()
    # disaster: rows deleted, files lost
    engine = create_engine(database_url_from_env(server.database_url))
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM notifications"))
        conn.execute(text("DELETE FROM audit_log"))
    engine.dispose()
    for key in list(store.keys()):
        store.delete(key)
    assert counts(server.database_url)["notifications"] == 0 and not list(store.keys())
    server.flask("backup", "restore", str(backup), "--yes")
    assert counts(server.database_url) == before
    if server.database_url.startswith("postgresql"):
        # the planner's statistics gathered again and the tables vacuumed (their visibility maps made), not left to
        # autovacuum, which may be off
        engine = create_engine(database_url_from_env(server.database_url))
        with engine.connect() as conn:
            assert conn.execute(text("SELECT last_analyze IS NOT NULL AND last_vacuum IS NOT NULL "
                                     "FROM pg_stat_user_tables WHERE relname = 'inspections'")).scalar() is True
        engine.dispose()
    assert sorted(store.path(hashlib.sha256(b).hexdigest()).read_bytes() for b in blobs) == sorted(blobs)
    assert b"0 v\xe1\xba\xa5n \xc4\x91\xe1\xbb\x81" in server.flask("files", "verify").stdout  # "0 vấn đề"
    # one byte changed in the backup: nothing is restored
    dump = next(p for p in backup.iterdir() if p.name.startswith("database."))
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dump.write_bytes(bytes(data))
    refused = subprocess.run([str(server.bin / "flask"), "--app", "wsgi", "backup", "restore", str(backup), "--yes"],
                             cwd=ROOT, env=server.env, capture_output=True, text=True)
    assert refused.returncode == 1 and "checksum" in refused.stderr
    assert counts(server.database_url) == before
