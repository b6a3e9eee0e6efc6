"""Two tablets saving the same item at the same instant, over HTTP against gunicorn (two worker processes),
on SQLite and PostgreSQL: exactly one is stored, the other is told of a conflict with the stored
answer, and no saved answer is ever lost or overwritten unseen."""

import json
import threading
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from bench.common import Client

pytestmark = pytest.mark.slow

ROUNDS = 100


def host_of(server) -> str:
    return server.url.removeprefix("http://")


def planned_inspection(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT i.id FROM inspections i JOIN units u ON u.id = i.unit_id "
                                 "WHERE u.code = 'NG-LAEE-MC' AND i.state = 'planned'")).scalar_one()


def stored(engine, inspection_id: int, item: str):
    with engine.connect() as conn:
        return conn.execute(text("SELECT value, note, version FROM answers WHERE inspection_id = :i AND item_id = :t"),
                            {"i": inspection_id, "t": item}).one_or_none()


def save(client: Client, inspection_id: int, payload: dict):
    status, body = client.request("POST", f"/inspections/{inspection_id}/answers", json.dumps(payload).encode(),
                                  {"Content-Type": "application/json", "Accept": "application/json",
                                   "X-CSRFToken": client.csrf})
    return status, json.loads(body)


def at_once(calls):
    """Run the calls in threads released together; their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(n, call):
        barrier.wait()
        results[n] = call()

    threads = [threading.Thread(target=run, args=(n, call)) for n, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_tablets_race_on_one_item_and_no_update_is_lost(fresh_server_any):
    server = fresh_server_any.start()
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        iid = planned_inspection(engine)
        tablets = {"lead": Client(host_of(server)), "member": Client(host_of(server))}
        tablets["lead"].login("truongdoan")
        tablets["member"].login("thanhtra")
        version, saved_total, conflicts = 0, 0, 0
        for round_ in range(ROUNDS):
            # odd rounds: the same value with different notes (a note-only change is a change too)
            payloads = {name: {"op_id": uuid.uuid4().hex, "item_id": "A02", "base_version": version,
                               "value": ("yes" if name == "lead" else "no") if round_ % 2 == 0 else "yes",
                               "note": f"{name} vòng {round_}"} for name in tablets}
            results = dict(zip(tablets, at_once(
                [lambda n=name, p=payloads: save(tablets[n], iid, p[n]) for name in tablets]), strict=True))
            statuses = sorted(status for status, _ in results.values())
            assert statuses == [200, 409], (round_, results)  # never 500, never both "saved"
            winner = next(name for name, (status, _) in results.items() if status == 200)
            loser = next(name for name in tablets if name != winner)
            won, lost = results[winner][1], results[loser][1]
            assert won["status"] == "saved" and won["answer"]["version"] == version + 1
            assert lost["status"] == "conflict" and lost["current"]["note"] == payloads[winner]["note"]
            row = stored(engine, iid, "A02")
            assert (row.value, row.note, row.version) == (payloads[winner]["value"], payloads[winner]["note"],
                                                          version + 1), round_
            version += 1
            saved_total += 1
            conflicts += 1
        with engine.connect() as conn:
            logged = conn.execute(text("SELECT count(*) FROM audit_log WHERE action = 'answer.save' "
                                       "AND target_id = :i"), {"i": iid}).scalar_one()
            operations = conn.execute(text("SELECT count(*), count(DISTINCT version) FROM answer_operations "
                                           "WHERE inspection_id = :i AND item_id = 'A02'"), {"i": iid}).one()
        # every answer told "saved" is a version of its own, recorded once: none was lost or overwritten
        assert saved_total == ROUNDS and conflicts == ROUNDS
        assert stored(engine, iid, "A02").version == ROUNDS == logged == operations[0] == operations[1]
    finally:
        engine.dispose()


def test_the_same_operation_sent_twice_at_once_is_stored_once(fresh_server_any):
    server = fresh_server_any.start()
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        iid = planned_inspection(engine)
        first, second = Client(host_of(server)), Client(host_of(server))
        first.login("thanhtra")
        second.login("thanhtra")  # one tablet's queue resent by a second connection
        for round_ in range(20):
            payload = {"op_id": uuid.uuid4().hex, "item_id": "C02", "value": str(50 + round_),
                       "note": "", "base_version": round_}
            results = at_once([lambda p=payload: save(first, iid, p), lambda p=payload: save(second, iid, p)])
            assert sorted(body["status"] for _, body in results) == ["duplicate", "saved"], results
            assert {body["answer"]["version"] for _, body in results} == {round_ + 1}
        assert stored(engine, iid, "C02").version == 20
    finally:
        engine.dispose()
