import re

import pytest
from sqlalchemy import select

from audit.db import db
from audit.models import User
from tests.conftest import make_app


@pytest.fixture
def served(database_url, tmp_path):
    """An app whose requests each run in their own context, as in production (no test-wide app context, so
    nothing a request caches in ``g`` — the logged-in user — is seen by the next one)."""
    from audit import demo
    from audit.db import db as database

    app = make_app(database_url, tmp_path / "instance")
    with app.app_context():
        database.create_all()
        demo.seed()
        database.session.commit()
        database.session.remove()
    yield app
    with app.app_context():
        database.drop_all()
        database.engine.dispose()


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


def test_the_csrf_token_changes_at_login(database_url, tmp_path):
    """The security token of the login page is no good once logged in (each request in its own context)."""
    from audit import demo
    from audit.db import db as database

    app = make_app(database_url, tmp_path / "instance", WTF_CSRF_ENABLED=True)
    with app.app_context():
        database.create_all()
        demo.seed()
        database.session.commit()
        database.session.remove()
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    before = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert client.post("/login", data={"username": "admin", "password": "NamGiang@2019",
                                       "csrf_token": before}).status_code == 302
    after = client.get("/auth/csrf").get_json()["csrf_token"]
    assert client.post("/logout", data={"csrf_token": before}).status_code == 400
    assert client.post("/logout", data={"csrf_token": after}).status_code == 302
    with app.app_context():
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


def _from(address):
    return {"REMOTE_ADDR": address}


def test_repeated_failures_delay_that_place_only(client, demo, app):
    """Five wrong passwords from one address delay that address's next attempt at the account (1 minute, then
    growing); the same person logs in from another address at once; another account from the first address is
    not delayed."""
    for _ in range(10):
        client.post("/login", data={"username": "thanhtra", "password": "wrong-one!"}, environ_base=_from("10.0.0.66"))
    response = client.post("/login", data={"username": "thanhtra", "password": "NamGiang@2019"},
                           environ_base=_from("10.0.0.66"))
    # attempts made while delayed are not tried (nor counted): five failures, one minute
    assert response.status_code == 429
    assert "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 1 phút." in response.get_data(as_text=True)
    other = app.test_client()
    assert other.post("/login", data={"username": "thanhtra", "password": "NamGiang@2019"},
                      environ_base=_from("10.0.0.7")).status_code == 302
    third = app.test_client()
    assert third.post("/login", data={"username": "truongdoan", "password": "NamGiang@2019"},
                      environ_base=_from("10.0.0.66")).status_code == 302


def test_behind_a_trusted_proxy_the_client_address_counts(demo, app):
    """With one trusted proxy, X-Forwarded-For is the address: users behind the same proxy are told apart."""
    from audit.app import create_app

    proxied = create_app(dict(app.config, TRUSTED_PROXIES=1))
    client = proxied.test_client()
    with proxied.app_context():
        for _ in range(6):
            client.post("/login", data={"username": "thanhtra", "password": "wrong-one!"},
                        environ_base=_from("10.0.0.1"), headers={"X-Forwarded-For": "203.0.113.5"})
        blocked = client.post("/login", data={"username": "thanhtra", "password": "NamGiang@2019"},
                              environ_base=_from("10.0.0.1"), headers={"X-Forwarded-For": "203.0.113.5"})
        assert blocked.status_code == 429
        fresh = proxied.test_client()
        assert fresh.post("/login", data={"username": "thanhtra", "password": "NamGiang@2019"},
                          environ_base=_from("10.0.0.1"), headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 302
        db.session.remove()
        db.engine.dispose()  # the second app's own pool (else its connection is left to the garbage collector)


def test_logout_ends_the_session(client, demo, login):
    login("chutich")
    assert client.post("/logout").status_code == 302
    assert client.get("/").status_code == 302


def _logged_in(app, username="chutich", password="NamGiang@2019"):
    client = app.test_client()
    assert client.post("/login", data={"username": username, "password": password}).status_code == 302
    return client


def test_a_copied_cookie_opens_nothing_after_logout(served):
    client = _logged_in(served)
    cookie = client.get_cookie("ktcv_session").value
    thief = served.test_client()
    thief.set_cookie("ktcv_session", cookie)
    assert thief.get("/").status_code == 200  # a copy works while the session lives…
    client.post("/logout")
    assert thief.get("/").status_code == 302  # …and not after logout, although the cookie is still valid


def test_an_idle_session_ends_and_a_password_change_ends_the_others(served):
    from datetime import timedelta

    from sqlalchemy import update

    from audit.models import UserSession

    client, other = _logged_in(served, "thanhtra"), _logged_in(served, "thanhtra")
    assert other.get("/").status_code == 200
    changed = client.post("/account/password", data={"current": "NamGiang@2019", "new": "Khoa@Nam-Giang-2026",
                                                     "confirm": "Khoa@Nam-Giang-2026"})
    assert changed.status_code == 302 and client.get("/").status_code == 200
    assert other.get("/").status_code == 302  # the tablet left logged in elsewhere is out
    # an hour without a request: the session has ended
    with served.app_context():
        from audit.db import utcnow

        db.session.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(minutes=61)))
        db.session.commit()
        db.session.remove()
    assert client.get("/").status_code == 302


def test_guessing_the_current_password_is_throttled(client, demo, login):
    login("thanhtra")
    for _ in range(5):
        wrong = client.post("/account/password", data={"current": "not-it-1234", "new": "Khoa@Nam-Giang-2026",
                                                       "confirm": "Khoa@Nam-Giang-2026"})
        assert wrong.status_code == 422
    right = client.post("/account/password", data={"current": "NamGiang@2019", "new": "Khoa@Nam-Giang-2026",
                                                    "confirm": "Khoa@Nam-Giang-2026"})
    assert right.status_code == 429


def test_verify_slows_a_script_guessing_codes(client, demo):
    answers = [client.get(f"/verify?code=AAAA-BBBB-CC{n:02d}").status_code for n in range(35)]
    assert set(answers[:30]) == {404} and answers[30:] == [429] * 5


def test_known_and_unknown_usernames_cost_the_same_work(demo, app):
    """One password hash either way: the dummy hash of an unknown name is made once, not on every call."""
    import time

    from audit.services import users as user_service

    known = db.session.scalar(select(User).where(User.username == "thanhtra"))
    user_service.verify_password(None, "warm-up")

    def median(user):
        times = []
        for _ in range(15):
            start = time.perf_counter()
            user_service.verify_password(user, "wrong-password")
            times.append(time.perf_counter() - start)
        return sorted(times)[7]

    unknown_time, known_time = median(None), median(known)
    assert 0.5 < unknown_time / known_time < 2, (unknown_time, known_time)


def test_demo_accounts_outside_a_demo_must_change_their_password(demo, app):
    from audit import demo as demo_module

    app.config["DEMO"] = False
    try:
        assert demo_module._must_change() is True
    finally:
        app.config["DEMO"] = True
    assert demo_module._must_change() is False


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


def test_nothing_a_logged_in_user_sees_is_cached_but_static_files_are(client, demo, login, app):
    login("chutich")
    minutes = db.session.execute(select(db.text("inspection_id")).select_from(db.text("issued_minutes"))).scalar()
    for path in ("/", "/remediation", f"/inspections/{minutes}/minutes/v1.pdf", "/documents"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "no-store", path
        assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000"), path
    static = client.get("/static/css/app.css")
    assert static.status_code == 200 and "no-store" not in static.headers.get("Cache-Control", "")
    static.close()
    app.config["PUBLIC_URL"] = "http://ktcv.local"  # plain http (a test install): no HSTS
    assert "Strict-Transport-Security" not in client.get("/").headers
