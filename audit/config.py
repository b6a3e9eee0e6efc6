"""Configuration defaults. Environment overrides are read in ``create_app``, never at import."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class BaseConfig:
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    CHECKLISTS_DIR = str(PROJECT_ROOT / "checklists")

    # Sessions: HttpOnly, SameSite, Secure unless explicitly served over plain HTTP (local demo).
    SESSION_COOKIE_NAME = "ktcv_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = True
    PERMANENT_SESSION_LIFETIME = timedelta(hours=10)
    # an unattended tablet: the session ends after this long without a request (its offline queue stays on the
    # tablet and is sent after the next login)
    SESSION_IDLE_TIMEOUT = timedelta(minutes=60)
    # Reverse proxies in front of KTCV whose X-Forwarded-For/-Proto/-Host are trusted (AUDIT_TRUSTED_PROXIES=1
    # behind one nginx): login throttling then counts the client's address, not the proxy's. 0: none.
    TRUSTED_PROXIES = 0
    # A demonstration (./run.sh): the seeded accounts keep the published password. Elsewhere they must change it.
    DEMO = False

    # An inspection at a desk can take hours on a tablet: the CSRF token lives as long as the session.
    WTF_CSRF_TIME_LIMIT = None
    WTF_CSRF_SSL_STRICT = True

    BABEL_DEFAULT_LOCALE = "vi"
    BABEL_DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
    BABEL_TRANSLATION_DIRECTORIES = str(PROJECT_ROOT / "audit" / "translations")

    MAX_CONTENT_LENGTH = 20 * 1024 * 1024
    IMPORT_MAX_BYTES = 2 * 1024 * 1024
    PASSWORD_HASH_METHOD = "scrypt"
    # Public address of KTCV printed in the verification line of issued documents (AUDIT_PUBLIC_URL). Required
    # before anything is issued: never taken from a request, whose Host header any client chooses.
    PUBLIC_URL = None
    # Signing certificates: SIGNING_DIR/<authority code>.p12 (default instance/signing), their passphrase, and
    # whether KTCV may make its own *test* CA and certificates (the demo and the tests only).
    SIGNING_DIR = None
    SIGNING_PASSPHRASE = None
    SIGNING_TEST_CERTIFICATES = False
    # E-mail (reminders, notifications): off unless a server is given, e.g. AUDIT_MAIL_SERVER=smtp.example.
    MAIL_SERVER = None
    MAIL_PORT = 25
    MAIL_FROM = "ktcv@localhost"
    MAIL_STARTTLS = False
    MAIL_USERNAME = None
    MAIL_PASSWORD = None
    # The operations log (audit.oplog): one line per operation on the standard error stream.
    # AUDIT_LOG_LEVEL=DEBUG adds every page read; AUDIT_LOG_FORMAT=json writes one JSON object per line.
    LOG_LEVEL = "INFO"
    LOG_FORMAT = "text"


class TestConfig(BaseConfig):
    TESTING = True
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = False
    WTF_CSRF_ENABLED = False
    PUBLIC_URL = "https://ktcv.namgiang.example"
    SIGNING_TEST_CERTIFICATES = True
    DEMO = True
    # Cheap hashing keeps hundreds of test accounts fast; production uses scrypt.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"
    # thousands of requests per run: only refusals and failures are logged (a test sets its own level)
    LOG_LEVEL = "WARNING"
