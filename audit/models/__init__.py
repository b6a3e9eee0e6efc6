"""ORM models; importing this package registers every table on the metadata (Alembic needs it)."""

from . import guards  # noqa: E402,F401  (flush-time guarantees)
from .audit_log import AuditLogEntry
from .auth import LoginAttempt, UserSession
from .authorities import Authority
from .documents import DocumentCounter, OutgoingDocument
from .inspections import Answer, AnswerOperation, Evidence, Finding, Inspection, InspectionMember, SampledDossierRow
from .minutes import IssuedMinutes, MinutesDetails
from .outbox import OutboxMail
from .remediation import Notification, RemediationEvent, RemediationFile, RemediationItem, ReminderLog
from .review import Conclusion, DossierStatistic, HeadQuarterTotal, StatisticsImport, StatisticsMapping
from .units import HeadTenure, Unit, UnitSuccession
from .users import User

__all__ = [
    "Answer", "AnswerOperation", "AuditLogEntry", "Authority", "DocumentCounter",
    "OutgoingDocument", "Conclusion", "DossierStatistic", "StatisticsImport", "StatisticsMapping", "Evidence", "Finding",
    "HeadQuarterTotal", "HeadTenure", "Inspection",
    "InspectionMember", "IssuedMinutes", "LoginAttempt", "MinutesDetails", "Notification", "OutboxMail", "RemediationEvent",
    "RemediationFile", "RemediationItem", "ReminderLog", "SampledDossierRow", "Unit", "UnitSuccession", "User",
    "UserSession",
]

