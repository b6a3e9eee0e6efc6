"""gunicorn entry point: ``gunicorn wsgi:app``. The only module that builds an app at import."""

import gc

from audit.app import create_app

app = create_app()
# Objects created while importing the app live as long as the worker: keep them out of the
# garbage collector's scans, which otherwise slow down long renders (PDF layout allocates a lot).
gc.freeze()
