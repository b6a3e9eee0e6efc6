"""Unbound extensions, bound to the app in ``create_app``."""

from __future__ import annotations

import click
from flask_babel import Babel
from flask_compress import Compress
from flask_login import LoginManager
from flask_wtf import CSRFProtect


class DeferredMigrate:
    """Flask-Migrate, imported and bound on first use: a ``flask db …`` command, or a read of
    ``app.extensions["migrate"]`` (Flask-Migrate's functions and ``audit/migrations/env.py`` read it).

    Importing Flask-Migrate imports Alembic, Mako and Pygments: about a quarter of a second that every other
    command and every worker start paid for nothing. Once used, the app holds exactly what
    ``Migrate().init_app(app, db, **options)`` gives it."""

    def init_app(self, app, db, **options) -> None:
        pending = _PendingMigrate(app, db, options)
        app.extensions["migrate"] = pending
        app.cli.add_command(_DeferredGroup("db", pending, help="Perform database migrations."))


class _PendingMigrate:
    """Stands in ``app.extensions["migrate"]`` until Flask-Migrate is bound; any attribute read binds it."""

    def __init__(self, app, db, options: dict):
        self._app, self._db, self._options, self._bound = app, db, options, None

    def bind(self):
        if self._bound is None:
            from flask_migrate import Migrate

            Migrate().init_app(self._app, self._db, **self._options)  # replaces this stand-in and the `db` group
            self._bound = self._app.extensions["migrate"]
        return self._bound

    def __getattr__(self, name):
        return getattr(self.bind(), name)


class _DeferredGroup(click.Group):
    """Listed under its help text; parsing its arguments hands over to Flask-Migrate's own ``db`` group."""

    def __init__(self, name: str, pending: _PendingMigrate, **attrs):
        super().__init__(name, **attrs)
        self._pending = pending

    def make_context(self, info_name, args, parent=None, **extra):
        self._pending.bind()
        return self._pending._app.cli.commands["db"].make_context(info_name, args, parent=parent, **extra)


login_manager = LoginManager()
csrf = CSRFProtect()
migrate = DeferredMigrate()
babel = Babel()
compress = Compress()
