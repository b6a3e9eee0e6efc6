"""A renderer made ready in a second process while a command-line process builds its app.

A cold ``flask minutes render`` spends most of its time before WeasyPrint lays out a line: ``flask`` and the app
(about 0.65 s, measured 2026-12-07), the inspection read and its HTML (0.35 s), WeasyPrint's import and its first
fonts (0.5 s). WeasyPrint does not need the app, so a command that will make a PDF starts this module as a child
process before the app is built (``wsgi.py``): the child imports WeasyPrint, reads the stylesheet and lays out
one line (fonts loaded) while the parent builds the app and the document's HTML, then renders the HTML it is
sent, once, with the same ``render_pdf`` as in-process, and the parent never imports WeasyPrint. The bytes are
the same either way (WeasyPrint writes no date). Anything wrong with the child (it did not start, it died, it
answered nonsense) only means the parent renders in-process, as it would without it. The gain depends on a second
core: measured on 2026-12-07, 2.16 s against 2.92 s (medians of 5 interleaved runs), on a machine where two busy
processes at once took 1.95 s and 3.19 s for what one alone did in 1.78 s.

The same module is a server's helper (:func:`helper`): a child kept beside each process that serves requests, to
which ``render_pdf`` sends the larger parts of a large document (a period report's longest annex) while it lays
out the others itself; the two halves take the two cores (see ``reports.pdf.render_pdf``).

The protocol, on the child's standard input and output: once ready (WeasyPrint loaded), the child writes
``ready``; then, for each document, one line of JSON (``stylesheet``, ``archival``, ``lengths``: each part's size;
``each``: a PDF for each part rather than one for the document) followed by the parts, UTF-8 HTML; the answer is
one line holding the PDFs' lengths (0: failed), then the PDFs.
A command's child serves one document; a helper serves until its standard input closes (its parent ended).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import select
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger(__name__)
#: how long a child told to stop may take before it is killed (its copy of the fonts is then left behind): little
#: where a request waits (a helper that failed it), more as the process itself ends
GRACE_AT_FAULT, GRACE_AT_EXIT = 0.5, 3.0
_WARM_UP = '<p style="font-family: \'KTCV Serif\'">Biên bản <b>kiểm tra</b> <i>công vụ</i></p>'


class Renderer:
    """One child process that renders one document."""

    def __init__(self, stylesheet: str = "minutes.css") -> None:
        self.process = _child(stylesheet)

    def render(self, html: str | list[str], *, stylesheet: str, archival: bool) -> bytes | None:
        """The PDF from the child, or None (the caller renders in-process). The child serves one document."""
        process, self.process = self.process, None
        if process is None:
            return None
        try:
            _send(process, [html] if isinstance(html, str) else html, stylesheet=stylesheet, archival=archival)
            process.stdin.close()
            if process.stdout.readline() != READY:
                raise ValueError("the child did not get ready")
            pdfs = _answer(process.stdout.readline, process.stdout.read)
            process.wait(timeout=10)
        except (OSError, ValueError, subprocess.TimeoutExpired) as error:
            log.warning("the renderer process failed (%s): rendering in this process", error)
            _end(process, GRACE_AT_FAULT)
            return None
        finally:
            _close(process)
        if pdfs is not None and len(pdfs) == 1:
            return pdfs[0]
        log.warning("the renderer process answered no PDF: rendering in this process")
        return None

    def close(self, grace: float = GRACE_AT_FAULT) -> None:
        process, self.process = self.process, None
        if process is not None:
            _end(process, grace)
            _close(process)


READY = b"ready\n"


def _child(*args: str) -> subprocess.Popen:
    """This module run as a child process, with pipes to talk to it."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen([sys.executable, "-m", "reports.renderer", *args], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def _answer(line: Callable[[], bytes], read: Callable[[int], bytes]) -> list[bytes] | None:
    """The PDFs of an answer, read with ``line`` (its first line) and ``read`` (so many bytes), or None when the
    child could not render (or answered anything but PDFs)."""
    lengths = [int(n) for n in line().split()]
    pdfs = [read(n) for n in lengths if n > 0]
    if lengths and len(pdfs) == len(lengths) and all(len(pdf) == n and pdf.startswith(b"%PDF-")
                                                     for pdf, n in zip(pdfs, lengths, strict=True)):
        return pdfs
    return None


def _send(process: subprocess.Popen, parts: list[str], *, stylesheet: str, archival: bool,
          each: bool = False) -> None:
    bodies = [part.encode() for part in parts]
    header = {"stylesheet": stylesheet, "archival": archival, "lengths": [len(body) for body in bodies],
              "each": each}
    process.stdin.write(json.dumps(header).encode() + b"\n" + b"".join(bodies))
    process.stdin.flush()


#: the room (bytes) asked for in the pipe to a helper: a province's annex is about 75 KB of HTML, more than a pipe's
#: usual 64 KB, and a helper still collecting the last document's garbage (0.2 s) reads nothing meanwhile
PIPE_ROOM = 1 << 20


def _widen(pipe) -> None:
    """Give ``pipe`` room for a large document's parts, so that handing them to a helper never waits for it to
    read: the parent goes on with its own parts at once (measured on a province's period report sent back to
    back in process: 0–111 ms of waiting before, none after), and a helper that hangs cannot hold it on a write
    that has no timeout (its answer has one). Where the system refuses (not Linux; above the limit a user may
    ask, ``/proc/sys/fs/pipe-max-size``), the pipe keeps its size and the parent waits as before."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_ROOM)
    except (ImportError, AttributeError, OSError) as error:
        log.info("the pipe to the PDF helper keeps its size (%s)", error)


class Helper:
    """A child kept beside a serving process: it lays out the parts of documents it is sent, one document at a
    time, for as long as its parent lives (its standard input closes with the parent, and it ends)."""

    def __init__(self) -> None:
        self.process = _child("minutes.css", "--keep")
        _widen(self.process.stdin)
        self.owner = os.getpid()
        self.ready = False
        self.busy = False
        self.pending = bytearray()  # read from the child, not yet taken

    def _fill(self, deadline: float) -> None:
        """Read what the child has written, waiting for it until ``deadline`` (``time.monotonic``) at most."""
        fd = self.process.stdout.fileno()
        if not select.select([fd], [], [], max(0.0, deadline - time.monotonic()))[0]:
            raise TimeoutError("the PDF helper did not answer in time")
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            raise OSError("the PDF helper ended")
        self.pending += chunk

    def _line(self, deadline: float) -> bytes:
        while b"\n" not in self.pending:
            self._fill(deadline)
        end = self.pending.index(b"\n") + 1
        line = bytes(self.pending[:end])
        del self.pending[:end]
        return line

    def _bytes(self, size: int, deadline: float) -> bytes:
        while len(self.pending) < size:
            self._fill(deadline)
        taken = bytes(self.pending[:size])
        del self.pending[:size]
        return taken

    def alive(self) -> bool:
        return self.owner == os.getpid() and self.process.poll() is None

    def take(self) -> bool:
        """True when the child is ready and idle, now (never waits for it): it is then the caller's until
        :meth:`receive` (or a failed :meth:`send`)."""
        if self.busy:
            return False
        if not self.ready:
            try:
                line = self._line(time.monotonic())  # what it has written by now
            except TimeoutError:
                return False  # still loading WeasyPrint
            except OSError:
                self.close()
                return False
            if line != READY:
                self.close()
                return False
            self.ready = True
        self.busy = True
        return True

    def release(self) -> None:
        """Taken by :meth:`take` and not sent anything: free for the next document."""
        self.busy = False

    def send(self, parts: list[str], *, stylesheet: str) -> bool:
        """Hand ``parts`` to the child (a non-archival document); False when it cannot take them."""
        try:
            _send(self.process, parts, stylesheet=stylesheet, archival=False, each=True)
        except (OSError, ValueError) as error:
            log.warning("the PDF helper failed (%s): rendering in this process", error)
            self.close()
            return False
        return True

    def receive(self, count: int, timeout: float) -> list[bytes] | None:
        """The PDF of each of the ``count`` parts sent, answered within ``timeout`` seconds, or None: the caller
        lays them out itself, and the child is ended (the next document starts another)."""
        deadline = time.monotonic() + timeout
        try:
            pdfs = _answer(lambda: self._line(deadline), lambda size: self._bytes(size, deadline))
        except (OSError, ValueError) as error:  # TimeoutError included
            log.warning("the PDF helper failed (%s): rendering in this process", error)
            self.close()
            return None
        if pdfs is None or len(pdfs) != count:
            log.warning("the PDF helper answered no PDF: rendering in this process")
            self.close()
            return None
        self.release()
        return pdfs

    def close(self, grace: float = GRACE_AT_FAULT) -> None:
        self.busy = True  # never handed out again
        if self.owner == os.getpid() and self.process.returncode is None:
            _end(self.process, grace)
        _close(self.process)


_helper: Helper | None = None
_helper_lock = threading.Lock()


def helper() -> Helper | None:
    """This process's helper, taken, when it is ready and idle now; None otherwise (the caller renders
    in-process). The first call of a process, or the first after the helper failed, starts one for the later
    calls (gunicorn's ``post_worker_init`` makes that call when a worker starts)."""
    global _helper
    with _helper_lock:
        current = _helper
        if current is None or not current.alive():
            if current is not None and current.owner == os.getpid():
                current.close()
            try:
                _helper = Helper()
            except OSError as error:
                log.warning("no PDF helper (%s)", error)
                _helper = None
                return None
            if current is None:
                import atexit

                atexit.register(_end_helper)
            return None
        return current if current.take() else None


def _end_helper() -> None:
    if _helper is not None:
        _helper.close(GRACE_AT_EXIT)


def _end(process: subprocess.Popen, grace: float) -> None:
    """End a child: told to stop, it removes its copy of the fonts and exits (within a layout, once the call under
    way returns); killed if it has not within ``grace`` seconds."""
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _close(process: subprocess.Popen) -> None:
    """Both pipes closed, whatever state the child left them in (a write to a dead child leaves stdin's buffer
    unflushable: closing it raises again, and is done all the same)."""
    for pipe in (process.stdin, process.stdout):
        with contextlib.suppress(OSError):
            pipe.close()


_started: Renderer | None = None


def start(stylesheet: str = "minutes.css") -> None:
    """Start the child now (before the app is built), for the next ``render_pdf`` of this process."""
    global _started
    if _started is None:
        try:
            _started = Renderer(stylesheet)
        except OSError as error:
            log.warning("no renderer process (%s)", error)
            return
        import atexit

        atexit.register(_started.close, GRACE_AT_EXIT)


def take() -> Renderer | None:
    """The started child, once: a later render is made in-process."""
    global _started
    renderer, _started = _started, None
    return renderer


def _stop(signum, frame) -> None:
    from .pdf import release_fonts

    release_fonts()
    os._exit(0)


def _serve(stylesheet: str, keep: bool) -> None:
    """Lay out the documents sent on standard input: one (a command's child), or each until the input closes
    (``keep``: a helper)."""
    import gc
    import signal

    from .pdf import render_pdf

    if keep:  # a Ctrl-C at the server's terminal reaches its whole group: the helper ends with its parent instead
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    # told to stop (by its parent, or by systemd stopping the service's every process), it leaves nothing behind
    signal.signal(signal.SIGTERM, _stop)
    # no collection during a layout (in a helper, one runs after each answer, while the parent joins the files)
    gc.disable()
    render_pdf(_WARM_UP, stylesheet=stylesheet)  # WeasyPrint imported, the stylesheet read, the fonts loaded
    out = sys.stdout.buffer
    out.write(READY)
    out.flush()
    while line := sys.stdin.buffer.readline():
        try:
            header = json.loads(line)
            parts = [sys.stdin.buffer.read(length).decode() for length in header["lengths"]]
            style, archival = header["stylesheet"], bool(header["archival"])
            pdfs = [render_pdf(part, stylesheet=style) for part in parts] if header.get("each") \
                else [render_pdf(parts, stylesheet=style, archival=archival)]
        except Exception:  # the parent renders in-process and reports its own error
            logging.getLogger(__name__).exception("render failed in the renderer process")
            with contextlib.suppress(BrokenPipeError):
                out.write(b"0\n")
                out.flush()
            return  # what follows on the input may be out of step: the parent starts another child
        try:
            out.write(" ".join(str(len(pdf)) for pdf in pdfs).encode() + b"\n" + b"".join(pdfs))
            out.flush()
        except BrokenPipeError:
            return  # the parent ended meanwhile (a worker stopped or killed): nobody waits for the answer
        if not keep:
            return
        gc.collect()


if __name__ == "__main__":
    from .pdf import release_fonts

    try:
        _serve(sys.argv[1] if len(sys.argv) > 1 else "minutes.css", keep="--keep" in sys.argv[2:])
    finally:
        release_fonts()  # os._exit below skips the interpreter's exit, where they would be released
    sys.stderr.flush()
    # nothing is left to write or close: the interpreter's teardown of WeasyPrint and its fonts (about a tenth of a
    # second) would only keep the parent, which waits for the child, waiting
    os._exit(0)
