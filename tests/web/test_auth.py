import re

import pytest
from sqlalchemy import select

from audit.db import db
from audit.models import User
from tests.conftest import make_app


def test_real_login_form_with_csrf(database_url, tmp_path):
    """CSRF on (as in production): the token from the form lets the login through; none or a wrong one gives 400."""
    from audit import demo
    from audit.db import db as database

    app = make_app(database_url, tmp_path / "instance", WTF_CSRF_ENABLED=True)
    with app.app_context():
        database.create_all()
        demo.seed()
        database.session.commit()
        client = app.test_client()
        page = client.get("/login").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        bad = client.post("/login", data={"username": "admin", "password": "NamGiang@2019", "csrf_token": "x"})
        assert bad.status_code == 400
        assert "mã bảo mật" in bad.get_data(as_text=True)
        missing = client.post("/login", data={"username": "admin", "password": "NamGiang@2019"})
        assert missing.status_code == 400
        ok = client.post("/login", data={"username": "admin", "password": "NamGiang@2019", "csrf_token": token})
        assert ok.status_code == 302
        home = client.get("/")
        assert "Xin chào, Phạm Thị Quỳnh" in home.get_data(as_text=True)
        # every form on the page carries a token; logging out without one is refused
        assert client.post("/logout").status_code == 400
        database.session.remove()
        database.drop_all()
        database.engine.dispose()


def test_session_cookie_is_httponly_and_samesite(client, demo):
    response = client.post("/login", data={"username": "admin", "password": "NamGiang@2019"})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_production_config_marks_cookies_secure():
    from audit.config import BaseConfig

    assert BaseConfig.SESSION_COOKIE_SECURE and BaseConfig.REMEMBER_COOKIE_SECURE


def test_wrong_password_is_refused_in_vietnamese(client, demo):
    response = client.post("/login", data={"username": "admin", "password": "sai-mat-khau"})
    assert response.status_code == 401
    assert "Sai tên đăng nhập hoặc mật khẩu" in response.get_data(as_text=True)


@pytest.mark.parametrize("data", [{"username": "", "password": ""}, {"username": "a" * 65, "password": "x"}])
def test_empty_or_overlong_login_fields(client, demo, data):
    response = client.post("/login", data=data)
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "Mục này không được để trống" in body or "Tối đa 64 ký tự" in body


def test_repeated_failures_are_throttled(client, demo):
    for _ in range(5):
        assert client.post("/login", data={"username": "thanhtra", "password": "wrong-one!"}).status_code == 401
    response = client.post("/login", data={"username": "thanhtra", "password": "NamGiang@2019"})
    assert response.status_code == 429
    assert "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút." in response.get_data(as_text=True)
    # another account from the same address is not locked yet
    assert client.post("/login", data={"username": "truongdoan", "password": "NamGiang@2019"}).status_code == 302


def test_logout_ends_the_session(client, demo, login):
    login("chutich")
    assert client.post("/logout").status_code == 302
    assert client.get("/").status_code == 302


def test_open_redirect_is_refused(client, demo):
    response = client.post("/login?next=https://evil.example/", data={"username": "admin", "password": "NamGiang@2019"})
    assert response.headers["Location"] == "/"
    client.post("/logout")
    response = client.post("/login?next=/units", data={"username": "admin", "password": "NamGiang@2019"})
    assert response.headers["Location"] == "/units"


def test_deactivated_user_loses_open_session(client, demo, login, app):
    login("thanhtra")
    assert client.get("/").status_code == 200
    user = db.session.scalar(select(User).where(User.username == "thanhtra"))
    user.active = False
    user.session_version += 1
    db.session.commit()
    assert client.get("/").status_code == 302


def test_reset_password_forces_a_change_at_next_login(client, demo, login):
    login("admin")
    user_id = db.session.scalar(select(User.id).where(User.username == "thanhtra"))
    page = client.post(f"/admin/users/{user_id}/reset-password").get_data(as_text=True)
    temporary = re.search(r'id="temporary-password">([^<]+)<', page).group(1)
    client.post("/logout")
    response = client.post("/login", data={"username": "thanhtra", "password": temporary})
    assert response.headers["Location"] == "/account/password"
    assert client.get("/units").headers["Location"] == "/account/password"
    weak = client.post("/account/password", data={"current": temporary, "new": "short", "confirm": "short"})
    assert weak.status_code == 422 and "ít nhất 10 ký tự" in weak.get_data(as_text=True)
    mismatch = client.post("/account/password", data={"current": temporary, "new": "Mat-khau-moi-1", "confirm": "x"})
    assert mismatch.status_code == 422 and "không khớp" in mismatch.get_data(as_text=True)
    ok = client.post("/account/password", data={"current": temporary, "new": "Mat-khau-moi-1",
                                                "confirm": "Mat-khau-moi-1"})
    assert ok.status_code == 302
    assert client.get("/units").status_code == 200


def test_security_headers(client):
    response = client.get("/login")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_pages_use_only_local_assets(client, demo, login):
    login("admin")
    for path in ("/", "/units", "/admin/users", "/checklists/one-stop-desk/v2"):
        body = client.get(path).get_data(as_text=True)
        assert not re.search(r'(src|href)="(https?:)?//', body), path
