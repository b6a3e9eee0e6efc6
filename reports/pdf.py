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


def _tools(stylesheet: str):
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
    from weasyprint import HTML

    font_config, css, fetcher = _tools(stylesheet)
    document = HTML(string=html, url_fetcher=fetcher, base_url=str(STYLES))
    return document.write_pdf(stylesheets=[css], font_config=font_config,
                              pdf_variant="pdf/a-3b" if archival else None)
