from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import EqualTo

from audit.web.forms import max_length, required


class LoginForm(FlaskForm):
    username = StringField(_l("Username"), validators=[required(), max_length(64)],
                           render_kw={"autocomplete": "username", "autocapitalize": "none"})
    password = PasswordField(_l("Password"), validators=[required(), max_length(128)],
                             render_kw={"autocomplete": "current-password"})


class ChangePasswordForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[required(), max_length(128)],
                            render_kw={"autocomplete": "current-password"})
    new = PasswordField(_l("New password"), validators=[required(), max_length(128)],
                        render_kw={"autocomplete": "new-password"})
    confirm = PasswordField(_l("Repeat the new password"),
                            validators=[required(), EqualTo("new", message=_l("The two passwords differ."))],
                            render_kw={"autocomplete": "new-password"})
