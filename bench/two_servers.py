"""Two app servers on one PostgreSQL database: the dashboard under load, one server against two.

Generates the province dataset (bench/province.py) in PostgreSQL, then measures the dashboard with closed-loop
clients (each sends its next request when the last one is answered): N clients on one gunicorn server, then
2N clients split over two servers on the same database. Both runs are in this one process, side by side; the
figures are p50 and p95 over every request of each run, with the throughput. On one machine the two servers
share its cores: the run shows whether a second server adds capacity here or only splits it. With ``--pin``
each server is held to a core of its own (``taskset``: the first server to core 0, the second to core 1), the
nearest this one machine comes to a second machine: the second server brings its own core, and what is shared
(PostgreSQL, the clients) stays shared, so the run shows whether the shared database keeps the servers from
scaling out.

    .venv/bin/python bench/two_servers.py --inspections 40000 --clients 4 --seconds 30
    .venv/bin/python bench/two_servers.py --inspections 40000 --clients 2 --workers 1 --seconds 30 --pin
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text  # noqa: E402

from bench.common import BIN, ROOT, Client, free_port, percentile  # noqa: E402
from bench.province_data import PG_ADMIN, generate  # noqa: E402


def serve(url: str, folder: Path, workers: int, core: int | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "AUDIT_INSTANCE_PATH": str(folder), "DATABASE_URL": url,
           "AUDIT_SESSION_COOKIE_SECURE": "false", "AUDIT_SECRET_KEY": "bench-two-servers", "AUDIT_LOG_LEVEL": "WARNING"}
    folder.mkdir(parents=True, exist_ok=True)
    pinned = ["taskset", "-c", str(core)] if core is not None else []
    process = subprocess.Popen([*pinned, str(BIN / "gunicorn"), "--workers", str(workers), "--bind",
                                f"127.0.0.1:{port}", "--log-level", "warning", "--timeout", "120", "wsgi:app"],
                               cwd=ROOT, env=env)
    deadline = time.monotonic() + 30
    while True:
        try:
            client = Client(f"127.0.0.1:{port}")
            client.request("GET", "/health")
            return process, f"127.0.0.1:{port}"
        except OSError:
            if time.monotonic() > deadline:
                process.terminate()
                raise
            time.sleep(0.2)


def load(hosts: list[str], clients: int, seconds: float) -> tuple[list[float], int]:
    """``clients`` closed-loop clients spread over ``hosts`` for ``seconds``: every dashboard time (ms), errors."""
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def run(host: str) -> None:
        client = Client(host)
        client.login("chutich")
        client.request("GET", "/dashboard")  # warm
        while time.monotonic() < stop:
            start = time.perf_counter()
            status, _ = client.request("GET", "/dashboard")
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                if status == 200:
                    times.append(elapsed)
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=run, args=(hosts[n % len(hosts)],)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, errors[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=25)
    parser.add_argument("--communes", type=int, default=10)
    parser.add_argument("--inspections", type=int, default=40000)
    parser.add_argument("--answers", type=int, default=50)
    parser.add_argument("--clients", type=int, default=4, help="clients on one server (twice as many on two)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--pin", action="store_true", help="each server on a core of its own (taskset)")
    args = parser.parse_args()
    cores = (0, 1 % (os.cpu_count() or 1)) if args.pin else (None, None)

    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS ktcv_bench_two WITH (FORCE)"))
        conn.execute(text("CREATE DATABASE ktcv_bench_two"))
    url = PG_ADMIN.rsplit("/", 1)[0] + "/ktcv_bench_two"
    counts = generate(url, districts=args.districts, communes_per=args.communes, inspections=args.inspections,
                      answers_per=args.answers)
    folder = Path(tempfile.mkdtemp(prefix="ktcv-two-"))
    servers = []
    try:
        servers.append(serve(url, folder / "a", args.workers, cores[0]))
        one, one_errors = load([servers[0][1]], args.clients, args.seconds)
        servers.append(serve(url, folder / "b", args.workers, cores[1]))
        two, two_errors = load([s[1] for s in servers], 2 * args.clients, args.seconds)
    finally:
        for process, _ in servers:
            process.terminate()
            process.wait(timeout=10)
        with admin.connect() as conn:
            conn.execute(text("DROP DATABASE IF EXISTS ktcv_bench_two WITH (FORCE)"))
        admin.dispose()
    pinning = "each server on a core of its own" if args.pin else "servers on every core"
    print(f"two app servers — PostgreSQL, {counts}; {os.cpu_count()} cores, {pinning}; "
          f"{args.workers} workers per server")
    print(f"{'run':<34}{'requests':>9}{'errors':>7}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}")
    for label, times, errors in ((f"1 server, {args.clients} clients", one, one_errors),
                                 (f"2 servers, {2 * args.clients} clients", two, two_errors)):
        print(f"{label:<34}{len(times):>9}{errors:>7}{len(times) / args.seconds:>8.1f}"
              f"{statistics.median(times):>9.1f}{percentile(times, 95):>9.1f}")
    print(f"p95 two servers at twice the load / p95 one server: {percentile(two, 95) / percentile(one, 95):.2f}")


if __name__ == "__main__":
    main()
