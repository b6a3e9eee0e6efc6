"""/health says whether the database and the file store answer; /health/ready also whether the schema is the
one the code expects (a load balancer sends nothing to a server started before its migration)."""

import json
import urllib.request

from audit.storage import LocalStore


def test_health_checks_the_database_and_the_store(client, app, tmp_path):
    answer = client.get("/health")
    assert answer.status_code == 200 and answer.json == {"status": "ok", "database": "ok", "store": "ok"}
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the store's folder should be")
    app.extensions["ktcv_store"] = LocalStore(blocked / "files")
    answer = client.get("/health")
    assert answer.status_code == 503 and answer.json["status"] == "unhealthy"
    assert answer.json["database"] == "ok" and answer.json["store"].startswith("error:")


def test_ready_only_when_the_schema_is_the_codes(client):
    answer = client.get("/health/ready")  # the test database was made from the models, without migrations
    assert answer.status_code == 503 and answer.json["schema"].startswith("error:")


def test_a_migrated_server_is_ready(live_server):
    with urllib.request.urlopen(live_server.url + "/health/ready", timeout=10) as response:
        assert response.status == 200
        assert json.loads(response.read()) == {"status": "ready", "database": "ok", "store": "ok", "schema": "ok"}
