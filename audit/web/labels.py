"""Translatable labels for enum values shown in the interface."""

from flask_babel import lazy_gettext as _l

from audit.domain.checklist import AnswerType, Confidence
from audit.domain.inspections import REGIME_LABELS as DOMAIN_REGIME_LABELS
from audit.domain.policy import Role
from audit.domain.remediation import EVENT_LABELS
from audit.domain.units import UnitKind

ROLE_LABELS = {
    Role.ADMIN: _l("System administrator"),
    Role.CHAIRMAN: _l("Chairman of the People's Committee"),
    Role.TEAM_LEAD: _l("Inspection team lead"),
    Role.INSPECTOR: _l("Inspection team member"),
    Role.UNIT_USER: _l("Inspected unit officer"),
}

UNIT_KIND_LABELS = {
    UnitKind.PROVINCE: _l("Provincial People's Committee"),
    UnitKind.DISTRICT: _l("District People's Committee"),
    UnitKind.DEPARTMENT: _l("Specialised department"),
    UnitKind.DISTRICT_DESK: _l("District one-stop desk"),
    UnitKind.COMMUNE: _l("Commune or town People's Committee"),
    UnitKind.COMMUNE_DESK: _l("Commune one-stop desk"),
    UnitKind.COMMUNE_CENTRE: _l("Commune public administration service centre"),
}

ANSWER_TYPE_LABELS = {
    AnswerType.YES_NO_NA: _l("Pass / Fail / Not applicable"),
    AnswerType.NUMBER: _l("Number"),
    AnswerType.PERCENTAGE: _l("Percentage"),
    AnswerType.RATING_0_2: _l("Rating 0–2"),
    AnswerType.TEXT: _l("Text"),
}

CONFIDENCE_LABELS = {
    Confidence.CONFIRMED: _l("confirmed"),
    Confidence.PARTLY: _l("partly confirmed"),
    Confidence.UNVERIFIED: _l("to be verified"),
}

REGIME_LABELS = {regime: _l(label) for regime, label in DOMAIN_REGIME_LABELS.items()}

REMEDIATION_ACTION_LABELS = {action: _l(label) for action, label in EVENT_LABELS.items()}
