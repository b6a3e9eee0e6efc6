"""Shared form fields and validators with Vietnamese messages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import Field
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import DateInput

from audit.domain.vndate import parse_date


class VNDateField(Field):
    """A date typed as dd/mm/yyyy or chosen in the tablet's date picker (ISO)."""

    widget = DateInput()

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return self.data.isoformat() if self.data else ""

    def process_formdata(self, valuelist):
        self.data = None
        if valuelist and valuelist[0].strip():
            try:
                self.data = parse_date(valuelist[0])
            except ValueError:
                self.data = None
                raise ValueError(_l("Invalid date; use dd/mm/yyyy.")) from None


def required():
    return DataRequired(message=_l("This field is required."))


def optional():
    return Optional()


def max_length(limit: int):
    return Length(max=limit, message=_l("At most %(max)d characters."))


def date_required(form, field):
    if field.data is None and not field.errors:
        raise ValidationError(_l("This field is required."))
