"""HTML → PDF with WeasyPrint.

WeasyPrint (through Pango/GLib) is not safe to use from several threads at once with shared
font state: each thread keeps its own FontConfiguration and pre-parsed stylesheets, created on
first use and reused afterwards (one per gunicorn sync worker in production). Reusing them saves
time and stops the memory growth a fresh FontConfiguration per render causes.
"""

from __future__ import annotations

import threading
from pathlib import Path

STYLES = Path(__file__).resolve().parent / "styles"
_local = threading.local()


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
    """Render ``html`` with one of ``reports/styles``; ``archival`` produces PDF/A-3b."""
    load_weasyprint()
    from weasyprint import HTML

    font_config, css, fetcher = _tools(stylesheet)
    document = HTML(string=html, url_fetcher=fetcher, base_url=str(STYLES))
    return document.write_pdf(stylesheets=[css], font_config=font_config,
                              pdf_variant="pdf/a-3b" if archival else None)
