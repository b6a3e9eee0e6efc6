"""ORM models; importing this package registers every table on the metadata (Alembic needs it)."""

from .audit_log import AuditLogEntry
from .auth import LoginAttempt
from .units import HeadTenure, Unit, UnitSuccession
from .users import User

__all__ = ["AuditLogEntry", "HeadTenure", "LoginAttempt", "Unit", "UnitSuccession", "User"]
