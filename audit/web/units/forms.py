from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField

from audit.web.forms import VNDateField, date_required, max_length, optional, required


class AppointHeadForm(FlaskForm):
    person_name = StringField(_l("Full name"), validators=[required(), max_length(200)])
    title = StringField(_l("Position"), validators=[required(), max_length(200)],
                        description=_l("For example: Chủ tịch UBND xã"))
    start_date = VNDateField(_l("In office from"), validators=[date_required])
    end_date = VNDateField(_l("In office until (leave empty if still in office)"), validators=[optional()])
