"""The deployment path of ./run.sh: migrations, demo seed and gunicorn, used over real HTTP."""

import http.cookiejar
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def opener():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def fetch(browser, url, data=None) -> str:
    with browser.open(url, data=data) as response:
        return response.read().decode()


def login(browser, base, username, password="NamGiang@2019") -> str:
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', fetch(browser, base + "/login")).group(1)
    data = urllib.parse.urlencode({"username": username, "password": password, "csrf_token": token}).encode()
    return fetch(browser, base + "/login", data)


def test_demo_users_log_in_over_http_and_see_their_pages(live_server):
    base = live_server["url"]
    for username, expected in [("admin", "Quản trị hệ thống"), ("chutich", "Chủ tịch UBND"),
                               ("truongdoan", "Trưởng đoàn kiểm tra"), ("thanhtra", "Thành viên đoàn kiểm tra"),
                               ("donvi-la-ee", "UBND xã La Êê")]:
        browser = opener()
        home = login(browser, base, username)
        assert expected in home, username
    browser = opener()
    login(browser, base, "donvi-la-ee")
    with pytest.raises(urllib.error.HTTPError) as err:
        fetch(browser, base + "/admin/users")
    assert err.value.code == 403
    err.value.close()


def test_login_without_csrf_token_is_refused(live_server):
    data = urllib.parse.urlencode({"username": "admin", "password": "NamGiang@2019"}).encode()
    with pytest.raises(urllib.error.HTTPError) as err:
        fetch(opener(), live_server["url"] + "/login", data)
    assert err.value.code == 400
    err.value.close()


def test_secret_key_generated_once_and_second_seed_keeps_data(live_server):
    key = live_server["instance"] / "secret_key"
    assert key.exists() and len(key.read_text().strip()) == 64
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    assert (live_server["instance"] / "ktcv.sqlite3").exists()
    before = key.read_text()
    flask = str(Path(sys.executable).parent / "flask")
    again = subprocess.run([flask, "--app", "wsgi", "seed-demo"], cwd=ROOT, env=live_server["env"],
                           capture_output=True, text=True, check=True)
    assert "giữ nguyên" in again.stdout
    assert key.read_text() == before
