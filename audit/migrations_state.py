"""Whether the database is at the migration this code was written for (for /health/ready)."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import text

from audit.config import PROJECT_ROOT
from audit.db import db


@lru_cache(maxsize=1)
def code_head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(PROJECT_ROOT / "audit" / "migrations"))
    return ScriptDirectory.from_config(config).get_current_head()


def known(version: str) -> bool:
    """Whether ``version`` is one of this code's migrations (a backup from a newer KTCV is not)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(PROJECT_ROOT / "audit" / "migrations"))
    try:
        return ScriptDirectory.from_config(config).get_revision(version) is not None
    except Exception:  # an unknown revision id
        return False


def current_version() -> str | None:
    """The migration the database is at (``None``: made without migrations)."""
    try:
        return db.session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except Exception:  # no table: a database made without migrations, or none yet
        db.session.rollback()
        return None


def schema_is_current() -> bool:
    return current_version() == code_head()
