"""The file store as the web layer uses it: which store this app has, and answering with one of its objects."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from flask import Response, abort, current_app, send_file

from audit.storage import CHUNK, LocalStore, Missing, Store


def store() -> Store:
    return current_app.extensions["ktcv_store"]


def kept_pdfs(instance_path: str | Path | None = None) -> Path:
    """The instance's folder of PDFs kept for the same HTML (``reports.render_pdf_reusing``): a draft or a period
    report asked for again is served from there. A cache, not the file store: issued documents live in the
    database. Without ``instance_path``, the current app's (the benchmarks name the served instance's)."""
    return Path(instance_path or current_app.instance_path) / "cache" / "pdf"


def send_object(key: str, *, mimetype: str, download_name: str | None = None, as_attachment: bool = False,
                max_age: int | None = None):
    """The object ``key`` as the response (streamed; a 404 when the store does not have it)."""
    current = store()
    waiting = current.pending_path(key)
    if not current.has(key) and waiting.exists():  # its upload failed at commit: served from here until flushed
        return send_file(waiting, mimetype=mimetype, download_name=download_name, as_attachment=as_attachment,
                         max_age=max_age)
    if isinstance(current, LocalStore):  # the file itself: conditional and range requests for free
        path = current.path(key)
        if not path.exists():
            abort(404)
        return send_file(path, mimetype=mimetype, download_name=download_name, as_attachment=as_attachment,
                         max_age=max_age)
    try:
        body = current.open(key)
    except Missing:
        abort(404)

    def chunks():
        try:
            while chunk := body.read(CHUNK):
                yield chunk
        finally:
            body.close()

    response = Response(chunks(), mimetype=mimetype, direct_passthrough=True)
    if download_name:
        kind = "attachment" if as_attachment else "inline"
        response.headers["Content-Disposition"] = f"{kind}; filename*=UTF-8''{quote(download_name)}"
    return response
