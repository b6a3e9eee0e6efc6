"""HTML → PDF with WeasyPrint.

WeasyPrint (through Pango/GLib) is not safe to use from several threads at once with shared
font state: each thread keeps its own FontConfiguration and pre-parsed stylesheets, created on
first use and reused afterwards (one per gunicorn sync worker in production). Reusing them saves
time and stops the memory growth a fresh FontConfiguration per render causes.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import tempfile
import threading
import time
from pathlib import Path

STYLES = Path(__file__).resolve().parent / "styles"
ASSETS = Path(__file__).resolve().parent / "assets"
_local = threading.local()
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
        _local.fetcher = AssetFetcher()
        _local.css = {}
    if stylesheet not in _local.css:
        _local.css[stylesheet] = CSS(filename=str(STYLES / stylesheet), font_config=_local.font_config,
                                     url_fetcher=_local.fetcher)
    return _local.font_config, _local.css[stylesheet], _local.fetcher


def render_pdf(html: str, *, stylesheet: str = "minutes.css", archival: bool = False) -> bytes:
    """Render ``html`` with one of ``reports/styles``; ``archival`` produces PDF/A-3b. The first render of a
    process that started a renderer process (``reports.renderer``) is made there."""
    from . import renderer

    started = renderer.take()
    if started is not None:
        pdf = started.render(html, stylesheet=stylesheet, archival=archival)
        if pdf is not None:
            return pdf
    load_weasyprint()
    from weasyprint import HTML

    from audit.startup import collector_paused

    font_config, css, fetcher = _tools(stylesheet)
    # A layout builds a few hundred thousand objects that all live until it ends, so each collection during it
    # scans them again and frees next to nothing: measured on 2026-12-07, a province's period report (25 pages,
    # 3,931 table cells) took 3.2–3.9 s with the collector running, 2.25–2.5 s without (best of 3, three runs
    # each); one collection at the end frees its garbage, about 400,000 objects in cycles (0.3–0.45 s).
    with collector_paused(collect=True):
        document = HTML(string=html, url_fetcher=fetcher, base_url=str(STYLES))
        return document.write_pdf(stylesheets=[css], font_config=font_config,
                                  pdf_variant="pdf/a-3b" if archival else None)


def render_pdf_reusing(html: str, folder: Path, *, stylesheet: str = "minutes.css", keep: int = 32) -> bytes:
    """The PDF of ``html``, kept in ``folder`` and served again while the same HTML is asked for.

    WeasyPrint's output is a function of the HTML, the stylesheets, the fonts and its own version (no date is
    written into the file), so the key is a digest of all four: a change to the figures, to the layout or to the
    renderer makes a new PDF, never a stale one. The ``keep`` most recently used files stay; the folder is a
    cache, not a record (issued documents are stored and signed elsewhere). A folder that cannot be written only
    costs the next request a render."""
    digest = hashlib.sha256(_renderer_digest(stylesheet).encode())
    digest.update(html.encode())
    path = folder / f"{digest.hexdigest()}.pdf"
    try:
        pdf = path.read_bytes()
        if pdf.startswith(b"%PDF-"):
            os.utime(path)
            return pdf
    except OSError:
        pass
    pdf = render_pdf(html, stylesheet=stylesheet)
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

    digest = hashlib.sha256(f"weasyprint {version('weasyprint')} {stylesheet}".encode())
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
