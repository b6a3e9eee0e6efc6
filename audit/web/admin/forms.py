from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import PasswordField, SelectField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice

from audit.domain.people import HONORIFIC_WORDS, Honorific
from audit.domain.policy import Role
from audit.domain.units import UnitKind
from audit.web.forms import VNDateField, max_length, optional, optional_record_id, required
from audit.web.labels import ROLE_LABELS, UNIT_KIND_LABELS


class UnitForm(FlaskForm):
    code = StringField(_l("Unit code"), validators=[required(), max_length(40)],
                       description=_l("Upper-case letters, digits and dashes, e.g. NG-LAEE"))
    name = StringField(_l("Unit name"), validators=[required(), max_length(200)])
    kind = SelectField(_l("Kind of unit"), choices=[SelectChoice(k.value, UNIT_KIND_LABELS[k]) for k in UnitKind],
                       validators=[required()])
    parent_id = SelectField(_l("Parent unit"), coerce=optional_record_id, validate_choice=True)
    valid_from = VNDateField(_l("Valid from"), validators=[optional()])
    valid_to = VNDateField(_l("Valid until"), validators=[optional()])
    predecessor_ids = SelectMultipleField(_l("Succeeds (merged units)"), coerce=int, validate_choice=True)


class UserForm(FlaskForm):
    username = StringField(_l("Username"), validators=[required(), max_length(64)],
                           render_kw={"autocapitalize": "none", "autocomplete": "off"})
    full_name = StringField(_l("Full name"), validators=[required(), max_length(200)])
    job_title = StringField(_l("Position"), validators=[optional(), max_length(200)])
    email = StringField(_l("E-mail (for reminders)"), validators=[optional(), max_length(200)])
    role = SelectField(_l("Role"), choices=[SelectChoice(r.value, ROLE_LABELS[r]) for r in Role], validators=[required()])
    unit_id = SelectField(_l("Unit"), coerce=optional_record_id, validate_choice=True)
    authority_id = SelectField(_l("Inspecting authority (chairman, team lead, inspector)"),
                               coerce=optional_record_id, validate_choice=True)
    honorific = SelectField(_l("Addressed as"), validators=[optional()],
                            choices=[SelectChoice("", "—")] + [SelectChoice(h.value, HONORIFIC_WORDS[h]) for h in Honorific])
    password = PasswordField(_l("Initial password"), validators=[required(), max_length(128)],
                             render_kw={"autocomplete": "new-password"},
                             description=_l("At least 10 characters; the user must change it at first login."))


class UserEditForm(UserForm):
    username = None
    password = None


class ImportForm(FlaskForm):
    file = FileField(_l("CSV file (UTF-8)"), validators=[FileRequired(message=_l("Choose a file."))])
