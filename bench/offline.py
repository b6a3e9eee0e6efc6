"""Offline benchmark, in Debian's Chromium against gunicorn on 127.0.0.1:

1. bytes transferred to bring the first fill page onto a tablet that never opened the app: the login page,
   the home page it leads to, the fill page, their styles and scripts, the service worker and everything it
   precaches (all of it counted), beside the next section once the service worker holds the app shell;
2. seconds to "Chuẩn bị làm việc ngoại tuyến" (every page of the inspection stored on the tablet) for the
   planned inspection of the demo, from the tap to "stored", repeated on fresh profiles.

    .venv/bin/python bench/offline.py --runs 5
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from audit.catalog import DEFAULT_ROOT, get_catalog  # noqa: E402
from bench.common import demo_server  # noqa: E402
from tests.e2e.conftest import ARGS, CHROMIUM, TABLET_LANDSCAPE  # noqa: E402

PASSWORD = "NamGiang@2019"


def launch(playwright, profile: str):
    return playwright.chromium.launch_persistent_context(
        profile, executable_path=CHROMIUM, args=ARGS, headless=True, viewport=TABLET_LANDSCAPE,
        device_scale_factor=1.5, has_touch=True, is_mobile=True, locale="vi-VN", service_workers="allow")


def log_in(page, base: str) -> None:
    page.goto(base + "/login")
    page.get_by_label("Tên đăng nhập").fill("thanhtra")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "/login" not in url)


class Meter:
    """Bytes sent to the tablet: the bodies as the server wrote them (its access log: compressed where they
    were compressed, the service worker's own requests and importScripts included) plus about 600 bytes of
    headers per response."""

    HEADERS = 600

    def __init__(self, log: Path):
        self.log = log
        self.mark = 0

    def lines(self) -> list[tuple[str, int]]:
        text = self.log.read_text() if self.log.exists() else ""
        result = []
        for line in text.splitlines():
            path, _, size = line.split(" ")
            result.append((path, int(size) if size.isdigit() else 0))
        return result

    def reset(self) -> None:
        self.mark = len(self.lines())

    def measure(self) -> tuple[int, int]:
        new = self.lines()[self.mark:]
        return sum(size + self.HEADERS for _, size in new), len(new)


def first_load(playwright, base: str, inspection_id: int, meter: Meter) -> dict:
    with tempfile.TemporaryDirectory(prefix="ktcv-profile-") as profile:
        context = launch(playwright, profile)
        try:
            page = context.pages[0] if context.pages else context.new_page()
            meter.reset()  # from the login page on: the service worker installs on the first page
            log_in(page, base)
            page.goto(f"{base}/inspections/{inspection_id}/fill/A")
            page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            first = meter.measure()
            meter.reset()
            page.goto(f"{base}/inspections/{inspection_id}/fill/B")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            again = meter.measure()
        finally:
            context.close()
    return {"first": first, "again": again}


def prepare(playwright, base: str, inspection_id: int) -> tuple[float, str]:
    with tempfile.TemporaryDirectory(prefix="ktcv-profile-") as profile:
        context = launch(playwright, profile)
        try:
            page = context.pages[0] if context.pages else context.new_page()
            log_in(page, base)
            page.goto(f"{base}/inspections/{inspection_id}")
            page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")  # the app shell is stored
            started = time.perf_counter()
            page.get_by_role("button", name="Chuẩn bị làm việc ngoại tuyến").click()
            page.wait_for_function(f"() => document.documentElement.dataset.offlineReady === '{inspection_id}'",
                                   timeout=60_000)
            seconds = time.perf_counter() - started
            return seconds, page.locator("#prepare-note").inner_text()
        finally:
            context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh tablets for the preparation timing")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    items = len(get_catalog(DEFAULT_ROOT).get("one-stop-desk", 1).items)
    log = Path(tempfile.mkdtemp(prefix="ktcv-bench-log-")) / "access.log"
    with demo_server(args.workers, access_log=log) as (host, instance), sync_playwright() as playwright:
        base = f"http://{host}"
        with sqlite3.connect(instance / "ktcv.sqlite3") as database:
            inspection_id = database.execute(
                "SELECT i.id FROM inspections i JOIN units u ON u.id = i.unit_id "
                "WHERE u.code = 'NG-LAEE-MC' AND i.state = 'planned'").fetchone()[0]
        load = first_load(playwright, base, inspection_id, Meter(log))
        times, note = [], ""
        for _ in range(args.runs):
            seconds, note = prepare(playwright, base, inspection_id)
            times.append(seconds)
    (first, first_n), (again, again_n) = load["first"], load["again"]
    print(f"offline benchmark — Debian Chromium {CHROMIUM}, gunicorn {args.workers} sync workers, SQLite")
    print(f"new tablet, login → home → fill page A, all included: {first / 1024:.1f} KB in {first_n} requests "
          f"(target ≤ 200 KB: {'met' if first <= 200 * 1024 else 'NOT met'})")
    print(f"next section, app shell on the tablet:               {again / 1024:.1f} KB in {again_n} requests "
          f"(ratio {first / again:.1f}×)")
    print(f"prepare for offline work, {items}-item checklist, {args.runs} fresh tablets: "
          f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s "
          f"(target ≤ 3 s: {'met' if max(times) <= 3 else 'NOT met'})")
    print(f"what the tablet said: {note}")


if __name__ == "__main__":
    main()
