"""Shared form fields and validators with Vietnamese messages."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, make_response
from flask_babel import lazy_gettext as _l
from wtforms import Field
from wtforms.validators import DataRequired, Length, Optional, ValidationError
from wtforms.widgets import TextInput

from audit.db import db
from audit.domain.errors import N_, Conflict, DomainError, InvalidInput, NotAllowed
from audit.domain.inputs import record_number
from audit.domain.inspections import InspectionLocked
from audit.domain.vndate import parse_date
from audit.web.errors import translate, wants_json


class VNDateField(Field):
    """A date written dd/mm/yyyy whatever the device's language (ISO yyyy-mm-dd is accepted too).

    A text box rather than ``type=date``: a browser's date picker shows the device's own format
    (08/14/2019 on an English tablet), and the interface must read as Vietnamese dates. ``data-date`` (the
    calendar button's label) makes app.js add the device's native picker beside the box, filling it dd/mm/yyyy.
    """

    widget = TextInput()

    def __init__(self, label=None, validators=None, **kwargs):
        render_kw = {"placeholder": "dd/mm/yyyy", "autocomplete": "off", "maxlength": "10",
                     "data-date": _l("Choose the date on a calendar"),
                     "pattern": r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}", **kwargs.pop("render_kw", {})}
        super().__init__(label, validators, render_kw=render_kw, **kwargs)

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return self.data.strftime("%d/%m/%Y") if self.data else ""

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


@dataclass
class Outcome:
    """What became of a submitted form: ``done`` after a commit, else the status to re-render with."""

    done: bool
    status: int
    value: object = None


def submit(form, action, *, refused_status: int = 409) -> Outcome:
    """Validate ``form`` and, if valid, run ``action()`` (one service call) and commit.

    GET → 200; invalid input → 422; a :class:`DomainError` from the service is rolled back and
    shown as a form error with ``refused_status``. Nothing is saved unless ``done``.
    """
    if not form.is_submitted():
        return Outcome(False, 200)
    if not form.validate():
        if wants_json():  # a script or a tablet's queue: the reasons as JSON, not a page
            raise InvalidInput(N_("The data sent is not valid: %(errors)s"),
                               errors="; ".join(str(e) for errors in form.errors.values() for e in errors)[:1000])
        return Outcome(False, 422)
    try:
        value = action()
    except (NotAllowed, InspectionLocked):
        raise  # not a problem with the input: the app's error page answers 403 / 409
    except DomainError as err:
        db.session.rollback()
        status = 409 if isinstance(err, Conflict) else refused_status
        if wants_json():
            abort(make_response({"status": "conflict" if status == 409 else "error", "message": translate(err)},
                                status))
        form.form_errors.append(translate(err))
        return Outcome(False, status)
    db.session.commit()
    return Outcome(True, 200, value)


def optional_record_id(value):
    """``coerce`` for a select of records: ``None`` for none chosen, else an id that fits the database
    (WTForms answers "Not a valid choice" for anything else, never a 500)."""
    if value in (None, "", "None"):
        return None
    number = record_number(value)
    if number is None:
        raise ValueError(value)
    return number


def read_upload(storage, limit: int) -> bytes | None:
    """The whole uploaded file, or ``None`` when it is larger than ``limit`` bytes (never a cut-off part)."""
    data = storage.read(limit + 1)
    return None if len(data) > limit else data
