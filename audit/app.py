"""Application factory."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask, request

from .config import PROJECT_ROOT, BaseConfig
from .startup import flask_command


def database_url_from_env(url: str) -> str:
    """Use psycopg 3 for ``postgres://``/``postgresql://`` URLs."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def postgresql_engine_options(options: dict, url: str) -> dict:
    """``options`` with every PostgreSQL session planning each statement for its own parameters.

    psycopg prepares a statement on the server once it has run five times; PostgreSQL then tries a generic plan,
    blind to the parameters, and keeps it when its estimate looks no worse. For ``unit_id = ANY(:units)`` (a
    chairman's 551 units) that estimate is far off: the heads table went from 12 to 83 ms on its eleventh
    request. Planning anew costs a fraction of a millisecond; the statements stay prepared (parsed once).
    Options already given in the URL (``?options=-csearch_path%3D…``) or in ``connect_args`` are kept."""
    from sqlalchemy.engine import make_url

    connect_args = dict(options.get("connect_args", {}))
    given = connect_args.get("options") or make_url(url).query.get("options")
    connect_args["options"] = " ".join(filter(None, [given, "-c plan_cache_mode=force_custom_plan"]))
    return {**options, "connect_args": connect_args}


def _secret_key(instance: Path) -> str:
    """The instance's secret key, generated on first run and kept in ``instance/secret_key``."""
    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip()


#: ``flask`` commands that neither serve nor build a page: their process registers no view (the views and their
#: forms are a tenth of a second of a cold ``flask minutes render``). None of them builds a URL: services, mail and
#: documents take the public address from ``AUDIT_PUBLIC_URL``, never from the routes.
COMMANDS_WITHOUT_PAGES = frozenset({
    "backup", "checklists", "db", "demo-logins", "files", "head-totals", "import-units", "mail", "minutes",
    "remind-overdue", "seed-demo", "statistics", "verdict",
})


def serves_pages(argv: list[str]) -> bool:
    """False only for a ``flask`` process running one of :data:`COMMANDS_WITHOUT_PAGES` (read off its command
    line by :func:`audit.startup.flask_command`); gunicorn, ``flask run``, ``flask routes``, ``flask shell`` and
    any other command get every page."""
    command = flask_command(argv)
    return not command or command[0] not in COMMANDS_WITHOUT_PAGES


def create_app(config: dict | None = None, *, pages: bool = True) -> Flask:
    """Build the app: defaults → ``AUDIT_*`` environment → ``DATABASE_URL`` → ``config`` argument. ``pages=False``
    for a command-line process that neither serves nor builds a page (:func:`serves_pages`)."""
    app = Flask(
        "audit",
        root_path=str(PROJECT_ROOT / "audit"),
        instance_path=str(Path(os.environ.get("AUDIT_INSTANCE_PATH", PROJECT_ROOT / "instance")).resolve()),
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder="static",
    )
    app.config.from_object(BaseConfig)
    app.config.from_prefixed_env("AUDIT")
    if os.environ.get("DATABASE_URL"):
        app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    if config:
        app.config.update(config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.setdefault(
        "SQLALCHEMY_DATABASE_URI", "sqlite:///" + str(Path(app.instance_path) / "ktcv.sqlite3")
    )
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url_from_env(app.config["SQLALCHEMY_DATABASE_URI"])
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = postgresql_engine_options(app.config["SQLALCHEMY_ENGINE_OPTIONS"],
                                                                            app.config["SQLALCHEMY_DATABASE_URI"])
    if not app.config.get("SECRET_KEY"):
        if not (app.config.get("DEMO") or app.config.get("TESTING")):
            # several app servers must sign sessions with one key: it comes from the environment, never from a
            # file that each machine would make for itself
            raise RuntimeError("Set AUDIT_SECRET_KEY (the same long random value on every app server), e.g. "
                               "python3 -c 'import secrets; print(secrets.token_hex(32))'")
        app.config["SECRET_KEY"] = _secret_key(Path(app.instance_path))  # the demo: kept in instance/

    from . import models  # noqa: F401  (registers the tables)
    from .db import db
    from .extensions import babel, compress, csrf, login_manager, migrate
    from .i18n import TemplateCatalogue, stale_catalogs

    for po_path in stale_catalogs(Path(app.config["BABEL_TRANSLATION_DIRECTORIES"])):
        # compiled at install time (run.sh, test.sh), never by a worker at start: say so, serve English ids
        app.logger.warning("%s is not compiled or is newer than its .mo: run tools/i18n.sh compile", po_path)
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "audit" / "migrations"), render_as_batch=True,
                     compare_type=True)
    csrf.init_app(app)
    # Styles, scripts and JSON travel compressed (a tablet on a weak signal gets a fifth of the bytes). HTML
    # pages do not: they carry the CSRF token next to text the user typed (BREACH).
    app.config.setdefault("COMPRESS_MIMETYPES", ["text/css", "text/javascript", "application/javascript",
                                                 "application/json", "application/manifest+json"])
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    app.config.setdefault("COMPRESS_STREAMS", False)
    compress.init_app(app)

    @app.after_request  # runs before Flask-Compress's hook (registered earlier, so run later)
    def static_files_as_bytes(response):
        # a static file is streamed from disk, which Flask-Compress would only wrap (leaving the file to the
        # garbage collector); read into memory (the largest is 18 KB) it is compressed and the file closed
        if (request.endpoint == "static" and response.status_code == 200
                and response.mimetype in app.config["COMPRESS_MIMETYPES"]):
            response.direct_passthrough = False
            response.make_sequence()
        return response

    @app.after_request
    def mail_after_commit(response):
        # mail the request queued (audit.services.outbox) goes once the response has been sent, outside the
        # request's transaction; a rolled-back request left nothing in the outbox to send
        from .services.outbox import queued_now

        ids = queued_now()
        if ids and app.config.get("MAIL_SERVER") and app.config.get("REDIS_URL"):
            # a background job on any node, handed over once the response is done (after the commit)
            from .jobs import hand_over_mail

            response.call_on_close(lambda: hand_over_mail(app.config["REDIS_URL"], ids))
        elif ids and app.config.get("MAIL_SERVER"):
            from .mailer import deliver_after_request

            response.call_on_close(lambda: deliver_after_request(app, ids))
        return response
    babel.init_app(app, locale_selector=lambda: app.config["BABEL_DEFAULT_LOCALE"])
    TemplateCatalogue(app.config["BABEL_TRANSLATION_DIRECTORIES"], app.config["BABEL_DEFAULT_LOCALE"]) \
        .install(app.jinja_env)
    login_manager.init_app(app)
    if pages:
        from .web import init_web

        init_web(app)

    from . import oplog, storage
    from .catalog import cache as catalog_cache
    from .cli import register_cli

    app.extensions["ktcv_store"] = storage.from_config(app.config, app.instance_path)
    # checklist folders that validated, by the digest of their files: a new process skips parsing them again
    catalog_cache.keep_in(Path(app.instance_path) / "cache")

    oplog.configure(app.config["LOG_LEVEL"], app.config["LOG_FORMAT"])
    register_cli(app)
    return app
