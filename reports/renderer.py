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

The protocol, on the child's standard input and output: one line of JSON (``stylesheet``, ``archival``,
``length``), then ``length`` bytes of UTF-8 HTML; the answer is one line holding the PDF's length (0: failed),
then the PDF.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger(__name__)
_WARM_UP = '<p style="font-family: \'KTCV Serif\'">Biên bản <b>kiểm tra</b> <i>công vụ</i></p>'


class Renderer:
    """One child process that renders one document."""

    def __init__(self, stylesheet: str = "minutes.css") -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen([sys.executable, "-m", "reports.renderer", stylesheet], cwd=ROOT, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def render(self, html: str, *, stylesheet: str, archival: bool) -> bytes | None:
        """The PDF from the child, or None (the caller renders in-process). The child serves one document."""
        process, self.process = self.process, None
        if process is None:
            return None
        try:
            body = html.encode()
            header = {"stylesheet": stylesheet, "archival": archival, "length": len(body)}
            process.stdin.write(json.dumps(header).encode() + b"\n" + body)
            process.stdin.close()
            length = int(process.stdout.readline() or b"0")
            pdf = process.stdout.read(length) if length else b""
            process.wait(timeout=10)
        except (OSError, ValueError, subprocess.TimeoutExpired) as error:
            log.warning("the renderer process failed (%s): rendering in this process", error)
            process.kill()
            process.wait()
            return None
        finally:
            _close(process)
        if length and len(pdf) == length and pdf.startswith(b"%PDF-"):
            return pdf
        log.warning("the renderer process answered no PDF: rendering in this process")
        return None

    def close(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            process.kill()
            process.wait()
            _close(process)


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

        atexit.register(_started.close)


def take() -> Renderer | None:
    """The started child, once: a later render is made in-process."""
    global _started
    renderer, _started = _started, None
    return renderer


def _serve(stylesheet: str) -> None:
    import gc

    from .pdf import render_pdf

    gc.disable()  # one document, then the process ends: the garbage of its layout is never worth collecting
    render_pdf(_WARM_UP, stylesheet=stylesheet)  # WeasyPrint imported, the stylesheet read, the fonts loaded
    out = sys.stdout.buffer
    line = sys.stdin.buffer.readline()
    if not line:
        return  # the parent needed no render
    try:
        header = json.loads(line)
        html = sys.stdin.buffer.read(header["length"]).decode()
        pdf = render_pdf(html, stylesheet=header["stylesheet"], archival=bool(header["archival"]))
    except Exception:  # the parent renders in-process and reports its own error
        logging.getLogger(__name__).exception("render failed in the renderer process")
        out.write(b"0\n")
    else:
        out.write(f"{len(pdf)}\n".encode() + pdf)
    out.flush()


if __name__ == "__main__":
    _serve(sys.argv[1] if len(sys.argv) > 1 else "minutes.css")
    sys.stderr.flush()
    # nothing is left to write or close: the interpreter's teardown of WeasyPrint and its fonts (about a tenth of a
    # second) would only keep the parent, which waits for the child, waiting
    os._exit(0)
