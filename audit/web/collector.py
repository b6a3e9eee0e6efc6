"""Python's garbage collector held while a request is served, and run once its response has been sent.

A worker serves one request at a time. Left alone, the collector runs wherever a request's allocations cross
its threshold: measured in process on a province on 2026-12-07, about 4 young collections a dashboard request,
14 a statistics page, 42 an Excel report, and in a period report's PDF (25 pages) enough to take a second of its
three (``reports.pdf``). Held from the start of a request, the collection the request made due runs when its
response is closed (the last byte handed to the server), with the generation the collector would have chosen.
Most of a page's objects are freed by their reference counts before then, so that collection is small, and the
pages' own times did not change beyond the noise (the dashboard, heads, statistics and Excel, 8–80 requests
each, interleaved with the code before); the PDF's 0.3–0.45 s collection of its layout is what no longer
delays the reader. What a request drops in reference cycles stays until its end, then goes at once (the
period PDF's peak was the same either way: 155 and 157 MB resident).
"""

from __future__ import annotations

import gc
import threading

from flask import Flask

_lock = threading.Lock()
_held = False  # by a request of this process (the collector is the process's, not a thread's)


def collect_as_due() -> None:
    """Collect the oldest generation whose count has passed its threshold, as the collector would on the next
    allocation (the full collection without CPython's extra condition that a quarter of the heap be new)."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[0] and counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return


def hold() -> None:
    """From the start of a request. A hold its response never released (a test client that did not close it) is
    released first, so garbage never waits for more than one request."""
    global _held
    with _lock:
        if _held:
            collect_as_due()
            gc.enable()
            _held = False
        if gc.isenabled():
            gc.disable()
            _held = True


def release() -> None:
    """Once the response has been sent: what is due is collected, and the collector runs again."""
    global _held
    with _lock:
        if _held:
            _held = False
            collect_as_due()
            gc.enable()


def hold_collector_during_requests(app: Flask) -> None:
    def hold_collector():
        hold()

    # first of the app's hooks, before the CSRF check Flask-WTF registered when the app was built
    app.before_request_funcs.setdefault(None, []).insert(0, hold_collector)

    @app.after_request
    def release_collector_once_sent(response):
        response.call_on_close(release)
        return response
