"""Loading a process: what imports and the app factory build lives as long as the process."""

from __future__ import annotations

import atexit
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection while modules are imported and the app is built. Those objects live as long as
    the process, and each collection during loading scans what was made so far: in a cold ``flask minutes
    render`` (measured 2026-12-05), 416 young, 38 middle and 3 full collections, 160–210 ms of about 1.7 s.
    Loading makes next to no cyclic garbage; the collector runs again as before once loading is done."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def freeze_at_exit(close: Callable[[], None]) -> None:
    """For a command-line process: as it ends, ``close`` what must be closed properly (the database's
    connections), then keep everything loaded out of the interpreter's final collections, which scanned it
    only to free it with the process (about 0.1 s of a cold ``flask minutes render``). Objects left in
    reference cycles are then not finalised: nothing of ours needs that once ``close`` has run. Only at exit,
    never while the command runs (see ``gunicorn.conf.py`` for the crash of an earlier freeze)."""

    def end() -> None:
        close()
        gc.freeze()

    atexit.register(end)
