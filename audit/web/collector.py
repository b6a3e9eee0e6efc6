"""Python's garbage collector held while a request is served, and let run again once its response is done.

Left alone, the collector runs wherever a request's allocations cross its threshold: measured in process on a
province on 2026-12-07, about 4 young collections a dashboard request, 14 a statistics page, 42 an Excel report,
and in a period report's PDF (25 pages) enough to take a second of its three (``reports.pdf``). Held, nothing is
collected until the server closes the response (PEP 3333: after its last byte, whatever the response: a page, a
streamed file, an error); then the collector runs again, and the next allocation starts the collection that the
collector itself finds due. The pages' own times did not change beyond the noise (the dashboard, heads,
statistics and Excel, 8–80 requests each in process, interleaved with the code before); the 0.3–0.45 s that a
period PDF's layout takes to collect is no longer part of its response, though the worker still spends it
before taking its next request. What a request drops in reference cycles stays until its end, then goes at once
(the period PDF's peak was the same either way: 155 and 157 MB resident).
"""

from __future__ import annotations

import gc
import threading

from werkzeug.wsgi import ClosingIterator

_lock = threading.Lock()
_held = False  # by a request of this process (the collector is the process's, not a thread's)


def hold() -> bool:
    """Pause the collector for a request; True when this request paused it. A hold whose response was never
    closed (a test client's response left open) is let go instead, and this request runs with the collector on,
    so garbage never waits for more than one request."""
    global _held
    with _lock:
        if _held:
            _held = False
            gc.enable()
            return False
        if not gc.isenabled():  # paused by someone else (a request of another thread): theirs to start again
            return False
        gc.disable()
        _held = True
        return True


def release(held: bool = True) -> None:
    """The request's response is done: the collector runs again (if that request paused it and it is still
    paused)."""
    global _held
    with _lock:
        if held and _held:
            _held = False
            gc.enable()


class CollectorHeld:
    """WSGI middleware: the collector held from the start of each request until its response is closed."""

    def __init__(self, wsgi_app) -> None:
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        held = hold()
        try:
            response = self.wsgi_app(environ, start_response)
        except BaseException:
            release(held)
            raise
        return ClosingIterator(response, lambda: release(held))
