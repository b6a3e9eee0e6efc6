"""gunicorn entry point: ``gunicorn wsgi:app``, and the app of ``flask --app wsgi <command>``. The only module that
builds an app at import; a command that neither serves nor builds a page gets the app without its views."""

import sys

from audit.app import create_app, serves_pages

app = create_app(pages=serves_pages(sys.argv))
