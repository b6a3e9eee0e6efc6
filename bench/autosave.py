"""Autosave benchmark: N concurrent inspectors saving answers against gunicorn on 127.0.0.1.

Each client logs in, then sends answer operations (JSON, with op ids and base versions, as the
tablet does) for its own share of the checklist items. In the same run and at the same
concurrency the clients call the trivial /health route, so the ratio autosave / trivial is
measured side by side. Phases alternate (trivial, autosave, trivial, autosave) to spread the
machine's noise over both. Bounded by --requests per phase and --seconds per phase.

    .venv/bin/python bench/autosave.py --clients 8 --requests 400

Open loop (``--open-loop``): a fixed number of tablets each save one answer every ``--interval``
seconds on its own schedule, whether or not the server has answered the previous one, for
``--duration`` seconds; meanwhile probe clients call /health on a schedule of their own. Latency is
measured from the moment a request was due, so a server that falls behind shows it (no coordinated
omission). Each tablet works on an item of its own, as inspectors on different desks do.

    .venv/bin/python bench/autosave.py --open-loop --tablets 50 --interval 2 --duration 60
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from audit.catalog import DEFAULT_ROOT, get_catalog  # noqa: E402
from bench.common import Client, demo_server, summary  # noqa: E402


def answer_for(item, i: int) -> str:
    """A valid answer of the item's type, varying with ``i``."""
    kind = item.answer_type.value
    if kind == "yes_no_na":
        return ("yes", "no")[i % 2]
    if kind == "rating_0_2":
        return str(i % 3)
    if kind == "percentage":
        return str(i % 101)
    if kind == "number":
        return str(i % 50)
    return f"Nhận xét {i}"


def run_phase(clients, work, total: int, seconds: float) -> list[float]:
    """Each client thread calls ``work(client, i)`` until ``total`` calls are done or time is up."""
    latencies: list[float] = []
    lock = threading.Lock()
    counter = iter(range(total))
    deadline = time.monotonic() + seconds

    def worker(client):
        while time.monotonic() < deadline:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            start = time.perf_counter()
            work(client, i)
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(elapsed)

    threads = [threading.Thread(target=worker, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


def open_loop(host: str, inspection_id: int, items, tablets: int, interval: float, duration: float,
              probes: int, probe_interval: float) -> dict:
    """Tablets and /health probes, each on a fixed schedule; returns latencies (ms from when due) by route."""
    results: dict[str, list[float]] = {"autosave": [], "trivial": []}
    errors: list[str] = []
    late: list[int] = []
    lock = threading.Lock()
    clock: dict[str, float] = {}

    def tablet(n: int, client: Client):
        start, stop = clock["start"], clock["stop"]
        item = items[n % len(items)]
        version, i = 0, 0
        due = start + interval * n / tablets  # spread over the interval, as tablets are
        while due < stop:
            pause = due - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            payload = {"op_id": uuid.uuid4().hex, "item_id": item.id, "value": answer_for(item, i),
                       "note": f"máy {n}, lần {i}", "base_version": version}
            status, body = client.request("POST", f"/inspections/{inspection_id}/answers", json.dumps(payload).encode(),
                                          {"Content-Type": "application/json", "Accept": "application/json",
                                           "X-CSRFToken": client.csrf})
            elapsed = (time.monotonic() - due) * 1000
            with lock:
                results["autosave"].append(elapsed)
                if status == 200:
                    version = json.loads(body)["answer"]["version"]
                elif status == 409:  # someone else changed the item: its version is taken, as a tablet would
                    version = json.loads(body)["current"]["version"]
                    errors.append("autosave 409")
                else:
                    errors.append(f"autosave {status}")
            i += 1
            due += interval
            if due < time.monotonic():
                with lock:
                    late.append(n)

    def probe(n: int, client: Client):
        start, stop = clock["start"], clock["stop"]
        due = start + probe_interval * n / probes
        while due < stop:
            pause = due - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            status, _ = client.request("GET", "/health")
            with lock:
                results["trivial"].append((time.monotonic() - due) * 1000)
                if status != 200:
                    errors.append(f"health {status}")
            due += probe_interval

    threads = []
    for n in range(tablets):
        client = Client(host)
        client.login("thanhtra" if n % 2 else "truongdoan")
        threads.append(threading.Thread(target=tablet, args=(n, client)))
    for n in range(probes):
        threads.append(threading.Thread(target=probe, args=(n, Client(host))))
    clock["start"] = time.monotonic() + 1.0  # after the logins: the schedule starts when every tablet is ready
    clock["stop"] = clock["start"] + duration
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=duration + 120)
    return {"results": results, "errors": errors, "late": late}


def main_open_loop(args) -> None:
    with demo_server(args.workers) as (host, instance):
        with sqlite3.connect(instance / "ktcv.sqlite3") as database:
            inspection_id = database.execute(
                "SELECT i.id FROM inspections i JOIN units u ON u.id = i.unit_id "
                "WHERE u.code = 'NG-LAEE-MC' AND i.state = 'planned'").fetchone()[0]
        items = [i for i in get_catalog(DEFAULT_ROOT).get("one-stop-desk", 1).items if not i.sample_metric]
        # warm-up (not recorded): every worker loads the catalogue and opens its connection
        open_loop(host, inspection_id, items[args.tablets:] or items, 4, 0.5, 3, 1, 0.5)
        run = open_loop(host, inspection_id, items, args.tablets, args.interval, args.duration,
                        args.probes, args.probe_interval)
    saves, health = summary(run["results"]["autosave"]), summary(run["results"]["trivial"])
    rate = args.tablets / args.interval + args.probes / args.probe_interval
    print(f"autosave, open loop — {args.tablets} tablets × 1 save / {args.interval:g} s, {args.probes} /health probes "
          f"× 1 / {args.probe_interval:g} s ({rate:.0f} requests/s offered), {args.duration:g} s, gunicorn "
          f"{args.workers} sync workers, SQLite (WAL); latency from when each request was due")
    print(f"{'route':<28}{'n':>6}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    for label, s, values in (("GET /health (trivial)", health, run["results"]["trivial"]),
                             ("POST …/answers (autosave)", saves, run["results"]["autosave"])):
        print(f"{label:<28}{s['n']:>6}{s['p50']:>10.1f}{s['p99']:>10.1f}{max(values):>10.1f}")
    print(f"ratio autosave / trivial under the same load: p50 {saves['p50'] / health['p50']:.1f}×, "
          f"p99 {saves['p99'] / health['p99']:.1f}×")
    print(f"requests sent later than due (server behind): {len(run['late'])}; "
          f"unexpected statuses: {len(run['errors'])} {sorted(set(run['errors']))}")
    print(f"target p99 ≤ 50 ms: {'met' if saves['p99'] <= 50 else 'NOT met'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--open-loop", action="store_true", help="tablets on a fixed schedule (see above)")
    parser.add_argument("--tablets", type=int, default=50)
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between one tablet's saves")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of the open-loop run")
    parser.add_argument("--probes", type=int, default=5, help="/health probe clients in the open-loop run")
    parser.add_argument("--probe-interval", type=float, default=0.5)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=400, help="requests per phase (bounded)")
    parser.add_argument("--seconds", type=float, default=60, help="time limit per phase")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    args = parser.parse_args()
    if args.open_loop:
        main_open_loop(args)
        return

    with demo_server(args.workers) as (host, instance):
        with sqlite3.connect(instance / "ktcv.sqlite3") as database:
            inspection_id = database.execute(
                "SELECT i.id FROM inspections i JOIN units u ON u.id = i.unit_id "
                "WHERE u.code = 'NG-LAEE-MC' AND i.state = 'planned'").fetchone()[0]
        items = get_catalog(DEFAULT_ROOT).get("one-stop-desk", 1).items
        clients = [Client(host) for _ in range(args.clients)]
        for n, client in enumerate(clients):
            client.login("thanhtra" if n % 2 else "truongdoan")
        versions: dict[str, int] = {}
        versions_lock = threading.Lock()
        errors: list[int] = []

        def trivial(client, i):
            status, _ = client.request("GET", "/health")
            if status != 200:
                errors.append(status)

        def autosave(client, i):
            item = items[i % len(items)]
            with versions_lock:
                base = versions.get(item.id, 0)
            payload = {"op_id": uuid.uuid4().hex, "item_id": item.id, "value": answer_for(item, i),
                       "note": f"ghi chú {i}", "base_version": base}
            status, body = client.request("POST", f"/inspections/{inspection_id}/answers",
                                          json.dumps(payload).encode(),
                                          {"Content-Type": "application/json", "Accept": "application/json",
                                           "X-CSRFToken": client.csrf})
            if status == 200:
                with versions_lock:
                    versions[item.id] = json.loads(body)["answer"]["version"]
            elif status != 409:  # two clients on one item: a real conflict, answered like a tablet would
                errors.append(status)

        # Warm-up (not recorded): each worker process loads the checklist catalogue once.
        run_phase(clients, autosave, 4 * args.clients, args.seconds / 2)
        results = {"trivial": [], "autosave": []}
        for name, work in (("trivial", trivial), ("autosave", autosave)) * 2:
            results[name] += run_phase(clients, work, args.requests // 2, args.seconds / 2)

    trivial_s, autosave_s = summary(results["trivial"]), summary(results["autosave"])
    print(f"autosave benchmark — {args.clients} clients, gunicorn {args.workers} sync workers, SQLite (WAL)")
    print(f"{'route':<28}{'n':>6}{'p50 ms':>10}{'p99 ms':>10}")
    print(f"{'GET /health (trivial)':<28}{trivial_s['n']:>6}{trivial_s['p50']:>10.1f}{trivial_s['p99']:>10.1f}")
    print(f"{'POST …/answers (autosave)':<28}{autosave_s['n']:>6}{autosave_s['p50']:>10.1f}{autosave_s['p99']:>10.1f}")
    print(f"ratio autosave / trivial: p50 {autosave_s['p50'] / trivial_s['p50']:.1f}×, "
          f"p99 {autosave_s['p99'] / trivial_s['p99']:.1f}×")
    print(f"unexpected statuses: {len(errors)} {sorted(set(errors))}")


if __name__ == "__main__":
    main()
