"""Jinja filters and globals: Vietnamese dates, labels, permission checks."""

from __future__ import annotations

from audit.domain import vndate

from .authz import can_do
from .labels import ANSWER_TYPE_LABELS, CONFIDENCE_LABELS, REGIME_LABELS, REMEDIATION_ACTION_LABELS, ROLE_LABELS, UNIT_KIND_LABELS


def _label(mapping):
    def lookup(value):
        for key, label in mapping.items():
            if key == value:
                return label
        return value

    return lookup


def register_filters(app) -> None:
    app.jinja_env.filters.update(
        vn_date=vndate.short_date,
        vn_datetime=vndate.short_datetime,
        vn_long_date=vndate.long_date,
        role_label=_label(ROLE_LABELS),
        unit_kind_label=_label(UNIT_KIND_LABELS),
        answer_type_label=_label(ANSWER_TYPE_LABELS),
        confidence_label=_label(CONFIDENCE_LABELS),
        regime_label=_label(REGIME_LABELS),
        remediation_action=_label(REMEDIATION_ACTION_LABELS),
    )
    app.jinja_env.globals.update(can_do=can_do)
