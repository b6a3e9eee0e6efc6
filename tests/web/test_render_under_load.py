"""Several minutes rendered at once against the real server (gunicorn sync workers)."""

import concurrent.futures
import io
import sqlite3

import pypdf
import pytest

from tests.web.test_live_server import fetch, login, opener

pytestmark = pytest.mark.slow


def test_concurrent_renders_are_all_correct(live_server):
    base = live_server["url"]
    with sqlite3.connect(live_server["instance"] / "ktcv.sqlite3") as database:
        inspection_id = database.execute(
            "SELECT i.id FROM inspections i JOIN units u ON u.id = i.unit_id WHERE u.code = 'NG-ZUOIH-MC'").fetchone()[0]
    browsers = []
    for _ in range(6):
        browser = opener()
        login(browser, base, "chutich")
        browsers.append(browser)

    def render(browser):
        with browser.open(f"{base}/inspections/{inspection_id}/minutes/preview.pdf", timeout=120) as response:
            return response.status, response.read()

    with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(render, browsers * 2))  # 12 renders, 6 at a time
    assert [status for status, _ in results] == [200] * 12
    pages = {len(pypdf.PdfReader(io.BytesIO(pdf)).pages) for _, pdf in results}
    texts = {pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text() for _, pdf in results}
    assert len(pages) == 1 and len(texts) == 1  # every render gives the same document
    assert "Bộ phận Một cửa xã Zuôih" in texts.pop()
    log = (live_server["instance"] / "gunicorn.log").read_text(errors="replace")
    for alarm in ("CRITICAL", "GLib", "Pango-", "Traceback", "WORKER TIMEOUT"):
        assert alarm not in log, log[-2000:]
    assert "Hợp lệ" not in fetch(opener(), f"{base}/verify")  # the server still answers normally
