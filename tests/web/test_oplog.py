"""The operations log: one line per operation saying who did what to which object and how it ended (issue 16,
point 8), at the level and in the format the operator chose."""

import io
import json

import pytest

from audit import oplog
from tests.conftest import make_app
from tests.web.test_remediation_web import item_of, post_form


@pytest.fixture
def log_lines():
    stream = io.StringIO()

    def lines(level="INFO", style="json"):
        oplog.configure(level, style, stream=stream)
        return lambda: [json.loads(line) if style == "json" else line
                        for line in stream.getvalue().splitlines() if line]

    yield lines
    oplog.configure("WARNING", "text")


def test_a_change_is_logged_once_with_who_what_which_object_and_outcome(client, demo, login, log_lines):
    read = log_lines("INFO")
    login("donvi-la-ee")
    item = item_of("A02")
    assert post_form(client, f"/remediation/{item.id}/respond", {"text": "Đã bố trí công chức trực"}).status_code == 302
    client.get("/remediation")  # a page read: not at INFO
    lines = read()
    respond = [line for line in lines if line["what"].startswith("POST remediation.")]
    login_line = next(line for line in lines if line["what"] == "POST auth.login")
    assert login_line["user"] == "donvi-la-ee" and login_line["outcome"] == "done"
    assert len(respond) == 1
    line = respond[0]
    assert line["user"] == "donvi-la-ee" and line["role"] == "unit_user" and line["level"] == "INFO"
    assert f"item_id={item.id}" in line["object"] and line["actions"] == "remediation.respond"
    assert line["outcome"] == "done" and line["status"] == 302 and line["ms"] >= 0 and line["request_id"]
    assert not [line for line in lines if line["what"].startswith("GET ")]


def test_a_refusal_is_a_warning_and_page_reads_appear_at_debug(client, demo, login, log_lines):
    read = log_lines("DEBUG")
    login("donvi-la-ee")
    client.get("/inspections/999999")
    client.get("/remediation")
    lines = read()
    missing = next(line for line in lines if line.get("object") == "inspection_id=999999")
    assert missing["level"] == "WARNING" and missing["outcome"] in ("refused", "denied") and missing["status"] in (403, 404)
    assert any(line["what"] == "GET remediation.index" and line["level"] == "DEBUG" for line in lines)


def test_the_text_format_is_one_line_of_key_value_pairs(client, demo, login, log_lines):
    read = log_lines("INFO", "text")
    login("thanhtra")
    [line] = [line for line in read() if "auth.login" in line]
    assert 'what="POST auth.login"' in line and "user=thanhtra" in line and "outcome=done" in line
    assert "\n" not in line


def test_a_command_is_logged_with_its_outcome(runner, demo, log_lines, tmp_path):
    read = log_lines("INFO")
    result = runner.invoke(args=["remind-overdue"])
    assert result.exit_code == 0, result.output
    [line] = [line for line in read() if line["what"] == "flask remind-overdue"]
    assert line["outcome"] == "done" and line["role"] == "command line"
    bad = tmp_path / "trong.csv"
    bad.write_text("không phải bảng số liệu\n", encoding="utf-8")
    assert runner.invoke(args=["statistics", "import", str(bad), "--period", "2019"]).exit_code != 0
    [line] = [line for line in read() if line["what"] == "flask statistics import"]
    assert line["outcome"] in ("refused", "failed") and line["level"] in ("WARNING", "ERROR")


def test_a_wrong_setting_stops_the_start_with_a_clear_reason(database_url, tmp_path):
    with pytest.raises(ValueError, match="AUDIT_LOG_FORMAT"):
        make_app(database_url, tmp_path, LOG_FORMAT="xml")
    with pytest.raises(ValueError, match="AUDIT_LOG_LEVEL"):
        make_app(database_url, tmp_path, LOG_LEVEL="LOUD")


def test_an_action_rolled_back_is_not_named_and_its_mail_is_not_sent(app, demo):
    from audit.db import db, utcnow
    from audit.services import audit_log, outbox

    audit_log.record(None, "inspection.conclude", "inspection", 1, now=utcnow())
    db.session.info.setdefault(outbox.QUEUED, []).append(1)
    assert db.session.info[audit_log.AUDITED] == ["inspection.conclude"]
    db.session.rollback()
    assert audit_log.AUDITED not in db.session.info and outbox.queued_now() == []


def test_a_request_id_from_a_proxy_is_kept_only_when_it_looks_like_one(client):
    assert client.get("/health", headers={"X-Request-ID": "abc-123.x_y"}).headers["X-Request-ID"] == "abc-123.x_y"
    forged = client.get("/health", headers={"X-Request-ID": "<script>alert(1)</script>"}).headers["X-Request-ID"]
    assert "<" not in forged and len(forged) == 16
