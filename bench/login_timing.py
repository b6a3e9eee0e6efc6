"""Login failures for a known and an unknown username, with the production hash (scrypt), side by side in one
run: the medians should match (a gap would tell an attacker which usernames exist).

    .venv/bin/python bench/login_timing.py --rounds 20

Each attempt comes from a new address, so throttling never answers first; known and unknown alternate in
pairs so that drift in the machine's load falls on both alike.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    os.environ["AUDIT_INSTANCE_PATH"] = tempfile.mkdtemp(prefix="ktcv-bench-login-")
    from audit.app import create_app
    from audit.config import TestConfig

    config = {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}
    config.update(SQLALCHEMY_DATABASE_URI="sqlite://", SECRET_KEY="bench", PASSWORD_HASH_METHOD="scrypt")
    app = create_app(config)
    from audit import demo
    from audit.db import db

    with app.app_context():
        db.create_all()
        demo.seed()
        db.session.commit()
    client = app.test_client()
    counter = itertools.count(1)

    def attempt(username: str) -> float:
        n = next(counter)
        started = time.perf_counter()
        response = client.post("/login", data={"username": username, "password": f"wrong-{n}"},
                               environ_base={"REMOTE_ADDR": f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"})
        elapsed = time.perf_counter() - started
        assert response.status_code == 401 or response.status_code == 200, response.status_code
        return elapsed

    for _ in range(3):  # warm-up: the first hash of each kind, caches
        attempt("thanhtra"), attempt("khong-co-ai")
    known, unknown = [], []
    for _ in range(args.rounds):
        known += [attempt("thanhtra"), attempt("thanhtra")]
        unknown += [attempt("khong-co-ai"), attempt("khong-co-ai")]
    k, u = statistics.median(known) * 1000, statistics.median(unknown) * 1000
    print(f"login failure, scrypt: known username median {k:.1f} ms, unknown {u:.1f} ms "
          f"(n={len(known)} each); unknown/known = {u / k:.2f}")


if __name__ == "__main__":
    main()
