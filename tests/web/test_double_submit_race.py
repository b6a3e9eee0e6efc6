"""Twenty copies of one irreversible request sent at the same instant (a double tap, a resent queue, several
tabs), over HTTP against gunicorn with four workers, on SQLite and PostgreSQL: exactly one goes through,
every other copy is a 409 — JSON to a JSON client, a page to a browser — never a 500, and the step is done
once (one submission, one finalisation, one minutes number, one conclusion notice, one response, one
remediation report)."""

import json
import re
import urllib.parse

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from bench.common import Client
from tests.web.test_answer_race import at_once, host_of, save

pytestmark = pytest.mark.slow

COPIES = 20


def _clients(server, username: str) -> list[Client]:
    clients = []
    for _ in range(COPIES):
        client = Client(host_of(server))
        client.login(username)
        clients.append(client)
    return clients


def _post(client: Client, path: str, fields: dict | None, as_json: bool):
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": client.csrf}
    if as_json:
        headers["Accept"] = "application/json"
    return client.request("POST", path, urllib.parse.urlencode(fields or {}).encode(), headers)


def _message(body: bytes) -> str:
    """What a refused request said (the JSON message, or the page's error text)."""
    text_ = body.decode(errors="replace")
    if text_.startswith("{"):
        return json.loads(text_).get("message", text_)
    match = re.search(r'class="[^"]*(?:flash-error|error-message)[^"]*"[^>]*>(.*?)</', text_, re.S)
    return match.group(1).strip() if match else text_[-400:]


def _race(server, clients: list[Client], path: str, fields: dict | None = None) -> None:
    """Send the copies at once (every other one as a JSON client); one 302, the rest 409 of the right kind."""
    results = at_once([lambda c=c, n=n: _post(c, path, fields, n % 2 == 1) for n, c in enumerate(clients)])
    statuses = sorted(status for status, _ in results)
    assert statuses == [302] + [409] * (COPIES - 1), (path, statuses, [_message(b) for s, b in results if s != 302][:2],
                                                          (server.instance / "gunicorn.log").read_text()[-3000:])
    for n, (status, body) in enumerate(results):
        if status == 409 and n % 2 == 1:
            assert json.loads(body)["status"] == "conflict", body[:300]
        elif status == 409:
            assert b"<html" in body.lower() and b"Traceback" not in body


def _one(engine, sql: str, **params):
    with engine.connect() as conn:
        return conn.execute(text(sql), params).one()


def test_twenty_copies_of_each_irreversible_step_go_through_once(fresh_server_any):
    server = fresh_server_any
    server.workers = 4
    server.start()
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        iid = _one(engine, "SELECT i.id FROM inspections i JOIN units u ON u.id = i.unit_id "
                           "WHERE u.code = 'NG-LAEE-MC' AND i.state = 'planned'")[0]
        # the member fills the checklist (as the tablet does), then twenty submits at once
        member = _clients(server, "thanhtra")
        with engine.connect() as conn:
            items = conn.execute(text("SELECT item_id FROM answers a JOIN inspections i ON i.id = a.inspection_id "
                                      "JOIN units u ON u.id = i.unit_id WHERE u.code = 'NG-LAEE-MC' "
                                      "AND i.state = 'finalised'")).scalars().all()
            values = dict(conn.execute(text("SELECT item_id, value FROM answers WHERE inspection_id = "
                                            "(SELECT min(inspection_id) FROM answers)")).all())
        for item in items:
            status, body = save(member[0], iid, {"item_id": item, "value": values.get(item, "yes"), "base_version": 0})
            assert status == 200, body
        _race(server, member, f"/inspections/{iid}/submit")
        assert _one(engine, "SELECT state FROM inspections WHERE id = :i", i=iid)[0] == "submitted"

        lead = _clients(server, "truongdoan")
        _race(server, lead, f"/inspections/{iid}/finalise")
        assert _one(engine, "SELECT state FROM inspections WHERE id = :i", i=iid)[0] == "finalised"
        assert _one(engine, "SELECT count(*) FROM audit_log WHERE action = 'inspection.finalise' "
                            "AND target_id = :i", i=iid)[0] == 1

        details = {"start_time": "08:00", "end_time": "11:00", "place": "Trụ sở UBND xã La Êê",
                   "comments": "Đơn vị không có ý kiến.", "copies": "2"}
        status, _ = _post(lead[0], f"/inspections/{iid}/minutes", details, False)
        assert status == 302
        _race(server, lead, f"/inspections/{iid}/minutes/issue")
        assert _one(engine, "SELECT count(*), count(DISTINCT number) FROM issued_minutes "
                            "WHERE inspection_id = :i", i=iid) == (1, 1)

        chairman = _clients(server, "chutich-tp")
        _race(server, chairman, f"/inspections/{iid}/conclude", {"directives": "Chủ tịch UBND xã La Êê chỉ đạo khắc phục.",
                                                         "causes": "Chưa kiểm tra thường xuyên.",
                                                         "strengths": "Công chức niềm nở với người dân."})
        assert _one(engine, "SELECT count(*) FROM conclusions WHERE inspection_id = :i", i=iid)[0] == 1

        # the unit's response to one item, sent twenty times (one form, the same submission id)
        item_id = _one(engine, "SELECT r.id FROM remediation_items r JOIN findings f ON f.id = r.finding_id "
                               "JOIN inspections i ON i.id = f.inspection_id JOIN units u ON u.id = i.unit_id "
                               "WHERE u.code = 'NG-LAEE-MC' AND i.state = 'finalised' AND r.state = 'open' "
                               "ORDER BY r.id LIMIT 1")[0]
        unit = _clients(server, "donvi-la-ee")
        _race(server, unit, f"/remediation/{item_id}/respond",
              {"text": "Đã phân công lịch trực, niêm yết tại quầy", "submission_id": "form-race-0001"})
        assert _one(engine, "SELECT count(*) FROM remediation_events WHERE item_id = :i AND action = 'respond'",
                    i=item_id)[0] == 1
        # the lead's remediation report: one number
        before = _one(engine, "SELECT count(*) FROM outgoing_documents")[0]
        _race(server, lead, f"/inspections/{iid}/remediation-report/issue")
        assert _one(engine, "SELECT count(*) FROM outgoing_documents")[0] == before + 1
        log = (server.instance / "gunicorn.log").read_text()
        assert "Traceback" not in log, log[-3000:]
    finally:
        engine.dispose()
