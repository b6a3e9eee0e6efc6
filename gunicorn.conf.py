"""gunicorn's settings, read from the project folder (every way of serving KTCV starts gunicorn there).

Command-line options still win; this file only adds what each worker does once the app is loaded."""


def post_worker_init(worker):
    """WeasyPrint (about a second to import) is loaded before the first request instead of during it, then
    the objects of the loaded app are kept out of the garbage collector's scans: they live as long as the
    worker, and scanning them again and again slows long PDF renders and the autosave tail.

    Only here, never at import of ``wsgi``: a command-line process frozen before WeasyPrint was loaded
    crashed on exit (seen: ``flask minutes render`` ended with signal 11 after writing its file)."""
    import gc

    from reports.pdf import load_weasyprint

    load_weasyprint()
    gc.freeze()
