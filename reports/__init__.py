"""PDF documents in the Decree 30/2020 layout: context builders and the WeasyPrint renderer.

Reports read plain values (and read-only models); they never import ``audit.web`` or ``audit.services``.
"""

from .minutes import MinutesContext, build_minutes_context, render_minutes_html
from .pdf import render_pdf, render_pdf_reusing

__all__ = ["MinutesContext", "build_minutes_context", "render_minutes_html", "render_pdf", "render_pdf_reusing"]
