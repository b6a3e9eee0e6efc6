from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from audit.db import db
from audit.domain.errors import DomainError, LoginThrottled
from audit.domain.policy import Role
from audit.models import LoginAttempt, Unit, User
from audit.services import auth, users

NOW = datetime(2019, 3, 5, 2, 0, tzinfo=UTC)


def user(name):
    return db.session.scalar(select(User).where(User.username == name))


def test_passwords_are_hashed_with_a_current_algorithm(app, demo):
    assert user("admin").password_hash.startswith(("scrypt:", "pbkdf2:sha256"))
    assert "NamGiang@2019" not in user("admin").password_hash


def test_scrypt_is_the_production_default():
    from audit.config import BaseConfig

    assert BaseConfig.PASSWORD_HASH_METHOD == "scrypt"


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({"username": "Chủ Tịch"}, "username"),
        ({"password": "short"}, "10 characters"),
        ({"username": "admin"}, "already taken"),
        ({"role": Role.UNIT_USER, "unit": None}, "must belong to a unit"),
    ],
)
def test_create_user_refuses_bad_input(demo, kwargs, fragment):
    base = dict(username="new-user", full_name="Nguyễn Văn A", role=Role.INSPECTOR, unit=None,
                password="Mat-khau-2019!", actor=None, now=NOW)
    base.update(kwargs)
    with pytest.raises(DomainError) as err:
        users.create_user(**base)
    assert fragment in str(err.value)


def test_deactivate_and_reset_end_sessions(demo):
    admin, inspector = user("admin"), user("thanhtra")
    version = inspector.session_version
    users.set_active(inspector, False, actor=admin, now=NOW)
    assert not inspector.active and inspector.session_version == version + 1
    temporary = users.reset_password(inspector, actor=admin, now=NOW)
    assert inspector.must_change_password and users.verify_password(inspector, temporary)
    with pytest.raises(DomainError):
        users.set_active(admin, False, actor=admin, now=NOW)
    with pytest.raises(DomainError):
        users.update_user(admin, full_name="x", job_title=None, role=Role.CHAIRMAN, unit=None, actor=admin, now=NOW)


def test_five_failures_delay_that_address_at_that_account_only(demo):
    """The victim logs in from elsewhere at once; the guessing address waits 1 minute, then longer."""
    for second in range(5):
        with pytest.raises(auth.InvalidLogin):
            auth.authenticate("thanhtra", "wrong-password", address="10.0.0.1", now=NOW + timedelta(seconds=second))
    with pytest.raises(LoginThrottled) as err:
        auth.authenticate("thanhtra", "NamGiang@2019", address="10.0.0.1", now=NOW + timedelta(seconds=10))
    assert err.value.params["minutes"] == 1
    assert auth.authenticate("thanhtra", "NamGiang@2019", address="10.0.0.2",
                             now=NOW + timedelta(seconds=11)).username == "thanhtra"
    # a success from elsewhere does not clear the guesser's count: another failure there doubles the wait
    with pytest.raises(auth.InvalidLogin):
        auth.authenticate("thanhtra", "wrong-password", address="10.0.0.1", now=NOW + timedelta(minutes=2))
    with pytest.raises(LoginThrottled) as err:
        auth.authenticate("thanhtra", "NamGiang@2019", address="10.0.0.1", now=NOW + timedelta(minutes=2, seconds=5))
    assert err.value.params["minutes"] == 2
    assert db.session.scalar(select(LoginAttempt).where(LoginAttempt.succeeded.is_(True))) is not None


def test_inactive_account_cannot_log_in(demo):
    user("thanhtra").active = False
    with pytest.raises(auth.InvalidLogin):
        auth.authenticate("thanhtra", "NamGiang@2019", address="a", now=NOW)


def test_unit_user_must_have_a_unit_in_the_database_too(demo):
    from sqlalchemy.exc import IntegrityError

    u = user("donvi-la-ee")
    u.unit_id = None
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()
    assert db.session.get(Unit, user("donvi-la-ee").unit_id) is not None
