"""HTML → PDF with WeasyPrint.

WeasyPrint (through Pango/GLib) is not safe to use from several threads at once with shared
font state: each thread keeps its own FontConfiguration and pre-parsed stylesheets, created on
first use and reused afterwards (one per gunicorn sync worker in production). Reusing them saves
time and stops the memory growth a fresh FontConfiguration per render causes.

Each configuration copies the stylesheet's fonts into a folder of its own in the temporary directory
(``weasyprint-*``, about 1.5 MB). WeasyPrint removes it only when the configuration is collected, which a
process leaving by ``os._exit`` (the renderer processes) or ending with its objects frozen (a gunicorn worker,
recycled every few hundred requests) never does: :func:`release_fonts` removes them as the process ends, unless
it is killed outright (SIGKILL: the out-of-memory killer, gunicorn ending a worker past its timeout).
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import os
import shutil
import tempfile
import threading
import time
import weakref
from collections.abc import Sequence
from pathlib import Path

STYLES = Path(__file__).resolve().parent / "styles"
ASSETS = Path(__file__).resolve().parent / "assets"
_local = threading.local()
#: every thread's font configuration, with the process that made it (a forked child inherits them, not their
#: folders), for release_fonts; and the processes that will release them at their exit
_font_configs: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_releasing: set[int] = set()
log = logging.getLogger(__name__)


def load_weasyprint() -> None:
    """Import WeasyPrint, finding its C libraries through the dynamic linker's cache only.

    WeasyPrint tries each library under several names (Windows and macOS ones first); for every name that is not
    found, cffi asks ``ctypes.util.find_library``, which on Linux then runs gcc and ld to look for it
    (Kozea/WeasyPrint#1125): dozens of subprocesses, a fifth of a second of every cold render. The linker's
    cache (``ldconfig -p``, the first thing ``find_library`` asks, with the same machine check) knows every
    installed library; a name it does not know fails at once, and WeasyPrint's last names are plain sonames
    that the dynamic loader opens by itself."""
    import sys

    if "weasyprint" in sys.modules:
        return
    import ctypes.util

    from audit.startup import collector_paused

    from_cache = getattr(ctypes.util, "_findSoname_ldconfig", None)
    original = ctypes.util.find_library
    if sys.platform.startswith("linux") and from_cache is not None:
        ctypes.util.find_library = from_cache
    try:
        with collector_paused():
            import weasyprint  # noqa: F401
    finally:
        ctypes.util.find_library = original


def _tools(stylesheet: str):
    load_weasyprint()
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    from .fetcher import AssetFetcher  # WeasyPrint's import costs about a second: only when a PDF is made

    if not hasattr(_local, "font_config"):
        _local.font_config = FontConfiguration()
        _font_configs[_local.font_config] = os.getpid()
        if os.getpid() not in _releasing:
            import atexit

            _releasing.add(os.getpid())
            atexit.register(release_fonts)
        _local.fetcher = AssetFetcher()
        _local.css = {}
    if stylesheet not in _local.css:
        _local.css[stylesheet] = CSS(filename=str(STYLES / stylesheet), font_config=_local.font_config,
                                     url_fetcher=_local.fetcher)
    return _local.font_config, _local.css[stylesheet], _local.fetcher


def release_fonts() -> None:
    """Remove the folders of fonts that this process's font configurations copied (see the module's note). Only
    as the process ends: the fonts loaded are read from there for as long as a configuration is used."""
    for config, owner in list(_font_configs.items()):
        folder = getattr(config, "_folder", None)  # WeasyPrint's (pinned); its __del__ removes the same folder
        if folder and owner == os.getpid():
            shutil.rmtree(folder, ignore_errors=True)  # told to stop meanwhile, the process removes it again
            config._folder = None


def render_pdf(html: str | Sequence[str], *, stylesheet: str = "minutes.css", archival: bool = False,
               share: bool = False) -> bytes:
    """Render ``html`` with one of ``reports/styles``; ``archival`` produces PDF/A-3b.

    ``html`` may be a list of parts (a report, then its annexes), each laid out on its own, its pages numbered
    from 1, and printed in that order. An archival document is one WeasyPrint document made of every part's pages;
    otherwise each part becomes a PDF and :func:`joined` puts them together, so that the parts can be laid out at
    once in two processes: with ``share``, a large document's larger parts are sent to this process's helper
    (``reports.renderer.helper``) while this process lays out the others. The bytes are the same whichever
    process laid out a part. The first render of a process that started a renderer process
    (``reports.renderer.start``, a command) is made there."""
    from . import renderer

    parts = [html] if isinstance(html, str) else list(html)
    started = renderer.take()
    if started is not None:
        pdf = started.render(parts, stylesheet=stylesheet, archival=archival)
        if pdf is not None:
            return pdf
    if archival or len(parts) == 1:
        return _laid_out(parts, stylesheet, archival)
    if share and sum(map(len, parts)) >= SHARE_FROM:
        helper = renderer.helper()
        theirs = _shared(parts)
        if helper is not None and helper.send([parts[index] for index in theirs], stylesheet=stylesheet):
            began = time.monotonic()
            try:
                pdfs = {index: _laid_out([part], stylesheet, False) for index, part in enumerate(parts)
                        if index not in theirs}
            except BaseException:
                helper.close()  # its answer is not awaited: the next document starts another helper
                raise
            # about as much work as this process's share: a helper far slower than that is stuck, and this
            # process lays out its parts instead
            answered = helper.receive(len(theirs), timeout=max(HELPER_PATIENCE, 3 * (time.monotonic() - began))) \
                or [_laid_out([parts[index]], stylesheet, False) for index in theirs]
            pdfs.update(zip(theirs, answered, strict=True))
            return joined([pdfs[index] for index in range(len(parts))])
    return joined([_laid_out([part], stylesheet, False) for part in parts])


#: the least time (seconds) to wait for the helper's parts once this process has laid out its own
HELPER_PATIENCE = 10.0
#: the least HTML (characters, every part) worth sharing with the helper: below it, sending the parts and joining
#: the files costs about what the second core saves
SHARE_FROM = 20_000


def _shared(parts: list[str]) -> list[int]:
    """Which of ``parts`` (two or more) the helper lays out: the largest first to whichever side has less HTML so
    far, the helper taking ties, so the two sides take about as long (this process keeps one part at least)."""
    theirs, loads = [], {"ours": 0, "theirs": 0}
    for index in sorted(range(len(parts)), key=lambda i: -len(parts[i])):
        side = "theirs" if loads["theirs"] <= loads["ours"] else "ours"
        loads[side] += len(parts[index])
        if side == "theirs":
            theirs.append(index)
    return sorted(theirs)


def _laid_out(parts: list[str], stylesheet: str, archival: bool) -> bytes:
    """One PDF of ``parts`` laid out in this process, each part's pages numbered from 1."""
    load_weasyprint()
    from weasyprint import HTML

    from audit.startup import collector_paused

    font_config, css, fetcher = _tools(stylesheet)
    options = {"stylesheets": [css], "pdf_variant": "pdf/a-3b" if archival else None}
    # A layout builds a few hundred thousand objects that all live until it ends, so each collection during it
    # scans them again and frees next to nothing: measured on 2026-12-07, a province's period report (25 pages,
    # 3,931 table cells) took 3.2–3.9 s with the collector running, 2.25–2.5 s without (best of 3, three runs
    # each); one collection at the end frees its garbage, about 400,000 objects in cycles (0.3–0.45 s).
    with collector_paused(collect=True):
        documents = [HTML(string=part, url_fetcher=fetcher, base_url=str(STYLES)).render(font_config=font_config,
                                                                                          **options)
                     for part in parts]
        document = documents[0] if len(documents) == 1 else \
            documents[0].copy([page for each in documents for page in each.pages])
        return document.write_pdf(**options)


def joined(pdfs: list[bytes]) -> bytes:
    """The pages of ``pdfs`` in order as one PDF, with the first one's title, metadata and language (pypdf)."""
    import pypdf
    from pypdf.generic import NameObject

    writer = pypdf.PdfWriter()
    first = None
    for pdf in pdfs:
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        first = first or reader
        writer.append(reader)
    if first.metadata:
        writer.add_metadata(dict(first.metadata))
    language = first.trailer["/Root"].get("/Lang")
    if language is not None:  # read aloud in Vietnamese by a screen reader
        writer.root_object[NameObject("/Lang")] = language
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def render_pdf_reusing(html: str | Sequence[str], folder: Path, *, stylesheet: str = "minutes.css",
                       keep: int = 32) -> bytes:
    """The PDF of ``html`` (one document or its parts, as :func:`render_pdf` takes them, shared with the helper
    when large), kept in ``folder`` and served again while the same HTML is asked for.

    The output of WeasyPrint (and of pypdf joining parts) is a function of the HTML, the stylesheets, the fonts
    and their versions (no date is written into the file), so the key is a digest of all four: a change to the
    figures, to the layout or to the renderer makes a new PDF, never a stale one. The ``keep`` most recently used
    files stay; the folder is a cache, not a record (issued documents are stored and signed elsewhere). A folder
    that cannot be written only costs the next request a render."""
    digest = hashlib.sha256(_renderer_digest(stylesheet).encode())
    for part in [html] if isinstance(html, str) else html:
        digest.update(f"{len(part)}:".encode())
        digest.update(part.encode())
    path = folder / f"{digest.hexdigest()}.pdf"
    try:
        pdf = path.read_bytes()
        if pdf.startswith(b"%PDF-"):
            os.utime(path)
            return pdf
    except OSError:
        pass
    pdf = render_pdf(html, stylesheet=stylesheet, share=True)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".part", delete=False) as part:
            part.write(pdf)
        os.replace(part.name, path)
        _prune(folder, keep)
    except OSError as error:
        log.warning("PDF not kept in %s: %s", folder, error)
    return pdf


@functools.cache
def _renderer_digest(stylesheet: str) -> str:
    """The stylesheet, every asset it may load (fonts) and WeasyPrint's version, as one digest; read once a
    process (a deployment replaces the process)."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"weasyprint {version('weasyprint')} pypdf {version('pypdf')} {stylesheet}".encode())
    for path in [STYLES / stylesheet, *sorted(p for p in ASSETS.rglob("*") if p.is_file())]:
        digest.update(path.relative_to(STYLES.parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _prune(folder: Path, keep: int) -> None:
    """Leave the ``keep`` most recently used PDFs in ``folder``, and no partial file abandoned an hour ago (one
    being written by another worker now is left alone)."""
    kept = sorted(folder.glob("*.pdf"), key=lambda p: p.stat().st_mtime, reverse=True)
    abandoned = [p for p in folder.glob("*.part") if p.stat().st_mtime < time.time() - 3600]
    for path in kept[keep:] + abandoned:
        path.unlink(missing_ok=True)
