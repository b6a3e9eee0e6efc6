"""Loading a process: what imports and the app factory build lives as long as the process."""

from __future__ import annotations

import atexit
import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection while modules are imported and the app is built. Those objects live as long as
    the process, and each full collection during loading scans all that were made so far: about 400
    collections and a fifth of a second of a cold ``flask minutes render`` (of 1.7 s) went on it. Loading
    makes next to no cyclic garbage; the collector runs again as before once loading is done."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def freeze_at_exit() -> None:
    """For a command-line process: when it ends, keep what it loaded out of the final collections. The
    interpreter frees those objects anyway as it clears the modules; scanning them first took about a tenth of
    a second of a cold ``flask minutes render``. Only at exit: a process frozen before WeasyPrint was loaded
    crashed as it ended (signal 11)."""
    atexit.register(gc.freeze)
