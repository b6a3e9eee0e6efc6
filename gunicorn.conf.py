"""gunicorn's settings, read from the project folder (every way of serving KTCV starts gunicorn there).

Command-line options still win; this file only adds what each worker does once the app is loaded."""


def post_worker_init(worker):
    """WeasyPrint (about a second to import) is loaded before the first request instead of during it, the
    worker's PDF helper is started (``reports.renderer.helper``: a second process that lays out half of a large
    report, 70–120 MB), then the objects of the loaded app are kept out of the garbage collector's
    scans: they live as long as the worker, and scanning them again and again slows long PDF renders and the
    autosave tail.

    Only here, never at import of ``wsgi``: a command-line process frozen before WeasyPrint was loaded
    crashed on exit (seen: ``flask minutes render`` ended with signal 11 after writing its file)."""
    import gc

    from reports import renderer
    from reports.pdf import load_weasyprint

    load_weasyprint()
    renderer.helper()  # the worker's PDF helper starts loading now, ready before a large report is asked for
    gc.freeze()


#: after these requests of a worker, what its first requests loaded for good (compiled templates and SQL, the
#: checklist catalog, the unit tree) is kept out of the collector's scans too
_FREEZE_AFTER = frozenset({1, 10, 100, 1000})


def post_request(worker, req, environ, resp):
    """The response has been sent: freeze again after a worker's first requests. Without it each full
    collection scans those caches again: measured in process on the statistics page of a province, 12 requests,
    a median of 75 ms but a third of the requests at 115 ms; with the caches frozen, 79–84 ms all."""
    if worker.nr in _FREEZE_AFTER:
        import gc

        gc.collect()
        gc.freeze()
