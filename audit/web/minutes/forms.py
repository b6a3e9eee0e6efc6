from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import IntegerField, StringField, TextAreaField
from wtforms.validators import NumberRange

from audit.web.forms import max_length, optional, required


class DetailsForm(FlaskForm):
    start_time = StringField(_l("Start time (hh:mm)"), validators=[required(), max_length(5)],
                             render_kw={"placeholder": "08:00", "inputmode": "numeric"})
    end_time = StringField(_l("Closing time (hh:mm)"), validators=[required(), max_length(5)],
                           render_kw={"placeholder": "11:00", "inputmode": "numeric"})
    place = StringField(_l("Place"), validators=[required(), max_length(300)])
    representatives = TextAreaField(_l("Representatives of the unit (one per line: name, position)"),
                                    validators=[optional(), max_length(2000)])
    comments = TextAreaField(_l("Comments of the inspected unit"), validators=[optional(), max_length(4000)])
    copies = IntegerField(_l("Number of copies"), default=2, render_kw={"inputmode": "numeric"},
                          validators=[NumberRange(min=1, max=9, message=_l("Between 1 and 9."))])


class SignedScanForm(FlaskForm):
    scan = FileField(_l("Scan of the signed minutes (PDF or photo)"),
                     validators=[FileRequired(message=_l("Choose a file."))])


class VerifyForm(FlaskForm):
    code = StringField(_l("Verification code"), validators=[optional(), max_length(20)],
                       render_kw={"placeholder": "ABCD-EFGH-JKLM", "autocapitalize": "characters"})
    document = FileField(_l("Or the PDF file"))
