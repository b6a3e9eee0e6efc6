"""gunicorn entry point: ``gunicorn wsgi:app``, and the app of ``flask --app wsgi <command>``. The only module that
builds an app at import; a command that neither serves nor builds a page gets the app without its views."""

import sys

from audit.startup import collector_paused, freeze_at_exit, start_renderer_if_needed

start_renderer_if_needed(sys.argv)  # a PDF's renderer made ready on the other core while the app is built
with collector_paused():
    from audit.app import create_app, serves_pages

    pages = serves_pages(sys.argv)
    app = create_app(pages=pages)


def _close_connections() -> None:
    from audit.db import db

    with app.app_context():
        db.session.remove()
        for engine in db.engines.values():
            engine.dispose()


if not pages:
    freeze_at_exit(_close_connections)
