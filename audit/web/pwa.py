"""The installable app: web app manifest, icons, the service worker and the offline page.

The service worker precaches the app shell (styles, scripts, icons, the offline page) by content
hash, serves inspection pages network-first with the copy the tablet stored, and falls back to the
offline page for anything else when there is no network.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, current_app, render_template, send_from_directory, url_for
from flask_babel import gettext as _

bp = Blueprint("pwa", __name__)

#: Static files every page may need offline (paths under audit/static).
SHELL = (
    "css/app.css", "js/early.js", "js/app.js", "js/store.js", "js/fill.js", "js/dossiers.js", "js/summary.js", "js/offline.js",
    "vendor/idb-8.0.4/umd.js", "icons/icon-192.png", "icons/icon-512.png", "icons/favicon.ico",
)


@lru_cache(maxsize=1)
def _revisions(static_folder: str, templates: str) -> tuple[tuple[str, str], ...]:
    """(path, content hash) of each shell file and of the offline page's template, read once per process."""
    static = Path(static_folder)
    result = [(f"/static/{name}", hashlib.sha256((static / name).read_bytes()).hexdigest()[:16]) for name in SHELL]
    page = b"".join((Path(templates) / name).read_bytes() for name in ("pwa/offline.html", "macros/pwa.html"))
    result.append(("/offline", hashlib.sha256(page).hexdigest()[:16]))
    return tuple(result)


def precache_manifest() -> list[dict]:
    revisions = _revisions(current_app.static_folder, current_app.template_folder)
    return [{"url": url, "revision": revision} for url, revision in revisions]


@bp.get("/sw.js")
def service_worker():
    body = render_template("pwa/sw.js", precache=precache_manifest(),
                           workbox=url_for("static", filename="vendor/workbox-7.4.1/"))
    response = current_app.response_class(body, mimetype="application/javascript")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    return response


@bp.get("/manifest.webmanifest")
def manifest():
    icons = [{"src": url_for("static", filename=f"icons/icon-{size}{suffix}.png"), "sizes": f"{size}x{size}",
              "type": "image/png", "purpose": purpose}
             for size in (192, 512) for suffix, purpose in (("", "any"), ("-maskable", "maskable"))]
    data = {"name": _("KTCV — Public service inspection"), "short_name": "KTCV", "lang": "vi", "start_url": "/",
            "scope": "/", "display": "standalone", "background_color": "#f4f6f9", "theme_color": "#a3141c",
            "description": _("Inspection of discipline (Directive 26/CT-TTg) and of one-stop desks, on a tablet, "
                             "with or without a network."), "icons": icons}
    response = current_app.response_class(current_app.json.dumps(data), mimetype="application/manifest+json")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/favicon.ico")
def favicon():
    return send_from_directory(Path(current_app.static_folder) / "icons", "favicon.ico",
                               mimetype="image/vnd.microsoft.icon", max_age=86400)


@bp.get("/offline")
def offline():
    """What this tablet stores for work without a network (read from the browser's storage by script).
    Also the page shown when a page that was not stored is opened with no network."""
    return render_template("pwa/offline.html")
