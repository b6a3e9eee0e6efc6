from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from wtforms import HiddenField, TextAreaField

from audit.web.forms import VNDateField, max_length, optional


class ActionForm(FlaskForm):
    """One form for every step; the view checks which fields the step needs."""

    submission_id = HiddenField()
    text = TextAreaField(_l("Text"), validators=[optional(), max_length(4000)])
    files = MultipleFileField(_l("Evidence (photos or PDF)"))
    new_deadline = VNDateField(_l("Date"), validators=[optional()])
