from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice

from audit.domain.findings import SEVERITY_LABELS as DOMAIN_SEVERITY_LABELS
from audit.domain.findings import Severity
from audit.domain.sampling import FIELDS
from audit.web.forms import VNDateField, date_required, max_length, optional, optional_record_id, required

SEVERITY_LABELS = {s: _l(label) for s, label in DOMAIN_SEVERITY_LABELS.items()}
FIELD_LABELS = {
    "dat_dai": _l("Land"), "xay_dung": _l("Construction"), "quy_hoach": _l("Planning"),
    "ho_tich": _l("Civil status"), "chung_thuc": _l("Certification"), "bao_tro_xa_hoi": _l("Social protection"),
    "lao_dong": _l("Labour"), "kinh_doanh": _l("Business registration"), "khac": _l("Other"),
}


class PlanForm(FlaskForm):
    unit_id = SelectField(_l("Unit inspected"), coerce=optional_record_id, validators=[required()])
    checklist_key = SelectField(_l("Checklist"), validators=[required()])
    inspection_date = VNDateField(_l("Inspection date"), validators=[date_required])
    announced = RadioField(_l("Notice"), choices=[SelectChoice("0", _l("Unannounced (đột xuất)")),
                                                   SelectChoice("1", _l("Announced in advance"))],
                           default="0", validators=[required()])
    decision_number = StringField(_l("Number of the decision forming the team"),
                                  validators=[required(), max_length(60)],
                                  description=_l("For example: 125/QĐ-UBND"))
    decision_date = VNDateField(_l("Date of the decision"), validators=[date_required])
    plan_number = StringField(_l("Number of the inspection plan"), validators=[optional(), max_length(60)],
                              description=_l("The plan the inspection carries out, cited by the minutes; "
                                             "for example: 15/KH-UBND"))
    plan_date = VNDateField(_l("Date of the plan"), validators=[optional()])
    lead_id = SelectField(_l("Team lead"), coerce=optional_record_id, validators=[required()])
    member_ids = SelectMultipleField(_l("Team members"), coerce=int)
    secretary_id = SelectField(_l("Secretary"), coerce=optional_record_id)


class DossierForm(FlaskForm):
    client_id = HiddenField()
    code = StringField(_l("Dossier code"), validators=[required(), max_length(60)])
    field = SelectField(_l("Field"), choices=[SelectChoice(k, FIELD_LABELS[k]) for k in FIELDS])
    received_date = VNDateField(_l("Received on"), validators=[date_required])
    due_date = VNDateField(_l("Due on"), validators=[date_required])
    returned_date = VNDateField(_l("Returned on (empty if not yet)"), validators=[optional()])
    in_register = BooleanField(_l("Found in the register (Mẫu 06)"))
    in_system = BooleanField(_l("Found in the electronic system"))
    control_slip_complete = BooleanField(_l("Control slip (Mẫu 05) complete"))
    apology_issued = BooleanField(_l("Apology letter (Mẫu 04) issued"))


class FindingForm(FlaskForm):
    statement = TextAreaField(_l("Finding (what is wrong, with the measured value)"),
                              validators=[required(), max_length(2000)])
    observation = TextAreaField(_l("Observation (what the team saw or noted)"), validators=[optional(), max_length(4000)])
    severity = SelectField(_l("Severity"), choices=[SelectChoice(s.value, SEVERITY_LABELS[s]) for s in Severity])
    responsible_official = StringField(_l("Responsible official (optional)"), validators=[optional(), max_length(200)])
    legal_basis = TextAreaField(_l("Legal basis"), validators=[optional(), max_length(2000)])
    requirement = TextAreaField(_l("Requirement (what the unit must do)"), validators=[required(), max_length(2000)])
    deadline = VNDateField(_l("Deadline"), validators=[optional()],
                           description=_l("Empty: the default for the severity (15, 30 or 45 days)."))


class DropForm(FlaskForm):
    reason = TextAreaField(_l("Reason for dropping"), validators=[required(), max_length(1000)])


class FinaliseForm(FlaskForm):
    incomplete_reason = TextAreaField(_l("Why finalise with too little data (only when needed)"),
                                      validators=[optional(), max_length(2000)])
