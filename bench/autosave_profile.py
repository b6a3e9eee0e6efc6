"""Autosave in process: one save against /health through Flask's test client, on a fresh demo instance.

Prints the SQL statements of one save (and of /health), the Python function calls of each, and the time per
request (wall and CPU, per round; rounds alternate /health and saves). ``--profile`` adds cProfile's listing
of the saves. The same logged-in inspector saves answers of the demo's planned inspection, every item
answered once before measuring (steady state: each save updates its row). No server, no network: what it
measures is the app's own work, which gunicorn and HTTP add to equally for both routes.

    .venv/bin/python bench/autosave_profile.py --rounds 5 --saves 200 [--sql] [--profile]
"""
import argparse
import atexit
import cProfile
import gc
import io
import json
import os
import pstats
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

p = argparse.ArgumentParser()
p.add_argument("--saves", type=int, default=600)
p.add_argument("--rounds", type=int, default=5)
p.add_argument("--profile", action="store_true")
p.add_argument("--sql", action="store_true")
args = p.parse_args()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent

folder = tempfile.mkdtemp(prefix="ktcv-prof-")
atexit.register(shutil.rmtree, folder, ignore_errors=True)
env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
env.update(AUDIT_INSTANCE_PATH=folder, AUDIT_SESSION_COOKIE_SECURE="false", AUDIT_PUBLIC_URL="http://127.0.0.1:5000",
           AUDIT_SIGNING_TEST_CERTIFICATES="true", AUDIT_DEMO="true")
for command in (["db", "upgrade"], ["seed-demo"]):
    subprocess.run([str(BIN / "flask"), "--app", "wsgi", *command], cwd=ROOT, env=env, check=True, capture_output=True)
os.environ.update(env)
os.environ.pop("DATABASE_URL", None)

from sqlalchemy import event  # noqa: E402

from audit.app import create_app  # noqa: E402
from audit.catalog import DEFAULT_ROOT, get_catalog  # noqa: E402
from audit.db import db  # noqa: E402

app = create_app()
# the operations log goes to a null stream (as gunicorn would to a pipe); it still formats
from audit import oplog  # noqa: E402

oplog.configure(app.config["LOG_LEVEL"], app.config["LOG_FORMAT"], stream=open(os.devnull, "w"))

with sqlite3.connect(Path(folder) / "ktcv.sqlite3") as database:
    inspection_id = database.execute(
        "SELECT i.id FROM inspections i JOIN units u ON u.id = i.unit_id "
        "WHERE u.code = 'NG-LAEE-MC' AND i.state = 'planned'").fetchone()[0]
items = [i for i in get_catalog(DEFAULT_ROOT).get("one-stop-desk", 1).items if not i.sample_metric]

client = app.test_client()
page = client.get("/login").data
token = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1).decode()
r = client.post("/login", data={"username": "thanhtra", "password": "NamGiang@2019", "csrf_token": token})
assert r.status_code == 302, r.status_code
page = client.get("/").data
csrf = re.search(rb'name="csrf_token" value="([^"]+)"', page).group(1).decode()

versions: dict[str, int] = {}
counter = [0]


def save():
    i = counter[0]
    counter[0] += 1
    item = items[i % len(items)]
    value = ("yes", "no")[i % 2] if item.answer_type.value == "yes_no_na" else (
        str(i % 3) if item.answer_type.value == "rating_0_2" else str(i % 50) if item.answer_type.value in (
            "number", "percentage") else f"Nhận xét {i}")
    payload = {"op_id": uuid.uuid4().hex, "item_id": item.id, "value": value, "note": f"ghi chú {i}",
               "base_version": versions.get(item.id, 0)}
    r = client.post(f"/inspections/{inspection_id}/answers", data=json.dumps(payload),
                    headers={"Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf})
    assert r.status_code == 200, (r.status_code, r.data[:300])
    versions[item.id] = r.get_json()["answer"]["version"]


def health():
    r = client.get("/health")
    assert r.status_code == 200


statements: list[str] = []
engine = None
with app.app_context():
    engine = db.engine


@event.listens_for(engine, "before_cursor_execute")
def count(conn, cursor, statement, parameters, context, executemany):
    statements.append(statement)


for _ in range(130):  # warm-up (every item answered once: saves are updates)
    save()
    health()
gc.freeze()
statements.clear()
save()
per_save = list(statements)
statements.clear()
health()
per_health = list(statements)
print(f"statements per save: {len(per_save)}; per /health: {len(per_health)}")
if args.sql:
    for s in per_save:
        print("   ", " ".join(s.split())[:200])

def calls(work, k=100):
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(k):
        work()
    prof.disable()
    return pstats.Stats(prof).total_calls / k


print(f"Python function calls per request: save {calls(save):.0f}, /health {calls(health):.0f}")
n = args.saves
save_t, health_t, save_means, health_means = [], [], [], []
for _ in range(args.rounds):
    for work, times, means in ((health, health_t, health_means), (save, save_t, save_means)):
        batch = []
        c = time.process_time()
        for _ in range(n):
            t = time.perf_counter()
            work()
            batch.append((time.perf_counter() - t) * 1000)
        times += batch
        means.append((time.process_time() - c) * 1000 / n)
ms, mh = statistics.median(save_t), statistics.median(health_t)
print(f"per request, median of {len(save_t)}: save {ms:.2f} ms, /health {mh:.2f} ms, ratio {ms / mh:.2f}")
print("CPU ms/req save    :", " ".join(f"{x:.2f}" for x in save_means))
print("CPU ms/req health  :", " ".join(f"{x:.2f}" for x in health_means))
print("CPU ratios         :", " ".join(f"{a / b:.2f}" for a, b in zip(save_means, health_means, strict=True)))
print(f"CPU medians: save {statistics.median(save_means):.2f} ms, /health {statistics.median(health_means):.2f} ms, "
      f"ratio {statistics.median(save_means) / statistics.median(health_means):.2f}")

if args.profile:
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(n):
        save()
    prof.disable()
    out = io.StringIO()
    st = pstats.Stats(prof, stream=out)
    st.sort_stats("cumulative").print_stats(70)
    print(out.getvalue())
    out = io.StringIO()
    st = pstats.Stats(prof, stream=out)
    st.sort_stats("tottime").print_stats(30)
    print(out.getvalue())
