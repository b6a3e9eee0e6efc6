"""Login attempts, kept to throttle repeated failures, and the sessions the server knows (shared by every
worker process)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from audit.db import UTCDateTime, db


class LoginAttempt(db.Model):
    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_username_at", "username", "at"),
        Index("ix_login_attempts_address_at", "address", "at"),
        Index("ix_login_attempts_kind_at", "kind", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # login, password (the current password in the change form), verify (a /verify check)
    kind: Mapped[str] = mapped_column(String(10), default="login", server_default="login")
    username: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    succeeded: Mapped[bool]


class UserSession(db.Model):
    """One logged-in session, known to the server: logout, a password change or a long idle time ends it, and
    a copied cookie of an ended session opens nothing. The cookie carries a random token; only its digest is
    kept here."""

    __tablename__ = "user_sessions"
    __table_args__ = (Index("ix_user_sessions_user", "user_id", "ended_at"),)

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    address: Mapped[str] = mapped_column(String(64))
