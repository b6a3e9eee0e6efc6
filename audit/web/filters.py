"""Jinja filters and globals: Vietnamese dates and numbers, labels, permission checks."""

from __future__ import annotations

from flask_babel import gettext

from audit.domain import checklist as checklist_rules
from audit.domain import procedure_fields, vndate, vnnumber
from audit.domain.assessment import render_reason
from audit.domain.findings import SEVERITY_LABELS
from audit.domain.inspections import STATE_LABELS as INSPECTION_STATE_LABELS
from audit.domain.inspections import TEAM_ROLE_LABELS, TeamRole
from audit.domain.inspections import State as InspectionState
from audit.domain.remediation import STATE_LABELS as REMEDIATION_STATE_LABELS
from audit.domain.remediation import State as RemediationState
from audit.domain.stats_columns import Column
from audit.domain.stats_import import COLUMN_LABELS, LEVEL_LABELS, ImportState
from audit.domain.stats_import import STATE_LABELS as IMPORT_STATE_LABELS
from audit.domain.stats_units import HOW_LABELS, How
from audit.domain.verdicts import VERDICT_LABELS, Verdict

from .authz import can_do
from .labels import ANSWER_TYPE_LABELS, CONFIDENCE_LABELS, REGIME_LABELS, REMEDIATION_ACTION_LABELS, ROLE_LABELS, UNIT_KIND_LABELS


def _label(mapping):
    def lookup(value):
        for key, label in mapping.items():
            if key == value:
                return label
        return value

    return lookup


def verdict_label(code: str | None) -> str:
    """The label of a verdict code in the user's language ("" for none)."""
    return gettext(VERDICT_LABELS[Verdict(code)]) if code else ""


def severity_label(code: str) -> str:
    return gettext(SEVERITY_LABELS[code])


def answer_label(raw: str | None, item) -> str:
    """``{{ answer.value|answer_label(item) }}``: "Đạt", "Không áp dụng", "85 %"… never a stored code."""
    return checklist_rules.answer_label(item, raw, gettext)


def item_labels(item) -> dict:
    """What each stored code of an item reads as (for scripts that show answers, e.g. a conflict)."""
    if item.answer_type is checklist_rules.AnswerType.YES_NO_NA:
        codes = checklist_rules.ANSWER_LABELS
    elif item.answer_type is checklist_rules.AnswerType.RATING_0_2:
        codes = {**checklist_rules.RATING_LABELS, "na": checklist_rules.ANSWER_LABELS["na"]}
    else:
        codes = {"na": checklist_rules.ANSWER_LABELS["na"]}
    return {code: gettext(label) for code, label in codes.items()}


def signal_label(kind) -> str:
    return gettext(checklist_rules.SIGNAL_LABELS[checklist_rules.SignalKind(kind)])


def basis_label(kind) -> str:
    return gettext(checklist_rules.BASIS_LABELS[checklist_rules.BasisKind(kind)])


def reason_text(reason) -> str:
    """A verdict reason (a domain ``Reason`` or its stored dict) in the user's language."""
    message = reason["message"] if isinstance(reason, dict) else reason.message
    params = (reason.get("params") if isinstance(reason, dict) else reason.params) or {}
    return render_reason(message, params, gettext)


#: How each remediation state looks (presentation only; the states and their names live in the domain).
REMEDIATION_STATE_BADGES = {RemediationState.OPEN: "state", RemediationState.RESPONDED: "state-submitted",
                            RemediationState.RETURNED: "sev-medium", RemediationState.ACCEPTED: "badge-ok"}


def remediation_state(code: str) -> str:
    return gettext(REMEDIATION_STATE_LABELS[RemediationState(code)])


def remediation_state_badge(code: str) -> str:
    return REMEDIATION_STATE_BADGES[RemediationState(code)]


def import_state_label(state) -> str:
    return gettext(IMPORT_STATE_LABELS[ImportState(state)])


def column_label(column) -> str:
    return gettext(COLUMN_LABELS[Column(column)])


def team_role_label(role) -> str:
    return gettext(TEAM_ROLE_LABELS[TeamRole(role)]) if role else ""


def inspection_state_label(state) -> str:
    return gettext(INSPECTION_STATE_LABELS[InspectionState(state)])


def match_label(how) -> str:
    return gettext(HOW_LABELS[How(how)])


def level_label(level: str) -> str:
    return gettext(LEVEL_LABELS[level]) if level in LEVEL_LABELS else level


def register_filters(app) -> None:
    app.jinja_env.filters.update(
        vn_date=vndate.short_date,
        vn_datetime=vndate.short_datetime,
        vn_long_date=vndate.long_date,
        vn_number=vnnumber.number,
        vn_percent=vnnumber.percent,
        role_label=_label(ROLE_LABELS),
        unit_kind_label=_label(UNIT_KIND_LABELS),
        answer_type_label=_label(ANSWER_TYPE_LABELS),
        confidence_label=_label(CONFIDENCE_LABELS),
        regime_label=_label(REGIME_LABELS),
        remediation_action=_label(REMEDIATION_ACTION_LABELS),
        remediation_state=remediation_state,
        remediation_state_badge=remediation_state_badge,
        verdict_label=verdict_label,
        severity_label=severity_label,
        answer_label=answer_label,
        reason_text=reason_text,
        signal_label=signal_label,
        basis_label=basis_label,
        field_label=procedure_fields.label_of,
        import_state_label=import_state_label,
        column_label=column_label,
        level_label=level_label,
        match_label=match_label,
        team_role_label=team_role_label,
        inspection_state_label=inspection_state_label,
    )
    app.jinja_env.globals.update(can_do=can_do, answer_choices=checklist_rules.answer_choices, item_labels=item_labels)
