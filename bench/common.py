"""Shared helpers for the benchmarks: a demo instance served by gunicorn on 127.0.0.1, and HTTP clients.

Everything stays on this machine; every loop is bounded in count and time.
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def demo_server(workers: int = 2, access_log: Path | None = None):
    """A fresh instance (migrated, demo-seeded) served by gunicorn sync workers; yields (base_url, instance).
    With ``access_log``, gunicorn writes one line per request there: path, status, body bytes sent."""
    with tempfile.TemporaryDirectory(prefix="ktcv-bench-") as folder:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env.update(AUDIT_INSTANCE_PATH=folder, AUDIT_SESSION_COOKIE_SECURE="false",
                   AUDIT_PUBLIC_URL="http://127.0.0.1:5000", AUDIT_SIGNING_TEST_CERTIFICATES="true",
                   AUDIT_DEMO="true")
        for command in (["db", "upgrade"], ["seed-demo"]):
            subprocess.run([str(BIN / "flask"), "--app", "wsgi", *command], cwd=ROOT, env=env, check=True,
                           capture_output=True)
        port = free_port()
        logging = ["--access-logfile", str(access_log), "--access-logformat", "%(U)s %(s)s %(B)s"] if access_log else []
        server = subprocess.Popen([str(BIN / "gunicorn"), "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
                                   "--log-level", "warning", *logging, "wsgi:app"], cwd=ROOT, env=env)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=1):
                        break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.1)
            yield f"127.0.0.1:{port}", Path(folder)
        finally:
            server.terminate()
            server.wait(timeout=10)


class Client:
    """One browser-like session: cookies and the CSRF token, over a kept-open connection when possible."""

    def __init__(self, host: str):
        self.host = host
        self.conn = http.client.HTTPConnection(host, timeout=30)
        self.cookies: dict[str, str] = {}
        self.csrf = ""

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                if attempt:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
        return response.status, data

    def login(self, username: str, password: str = "NamGiang@2019") -> None:
        _, page = self.request("GET", "/login")
        token = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1).decode()
        body = urllib.parse.urlencode({"username": username, "password": password, "csrf_token": token}).encode()
        status, _ = self.request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 302, status
        _, page = self.request("GET", "/")
        self.csrf = re.search(rb'name="csrf_token" value="([^"]+)"', page).group(1).decode()


def forget_kept_pdfs(instance: Path) -> None:
    """Empty the served instance's kept PDFs (``audit.web.files.kept_pdfs``), so that the next request lays its
    document out again."""
    from audit.web.files import kept_pdfs

    for kept in kept_pdfs(instance).glob("*.pdf"):
        kept.unlink()


def timed(fn, n: int, seconds: float) -> list[float]:
    """Milliseconds of each of ``n`` calls of ``fn``, stopping early once ``seconds`` have passed."""
    out, deadline = [], time.monotonic() + seconds
    for _ in range(n):
        if time.monotonic() > deadline:
            break
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary(values: list[float]) -> dict:
    return {"n": len(values), "p50": statistics.median(values) if values else float("nan"),
            "p99": percentile(values, 99)}
