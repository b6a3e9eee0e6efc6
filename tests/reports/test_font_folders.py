"""WeasyPrint copies a stylesheet's fonts into a folder of the temporary directory (``weasyprint-*``, about
1.5 MB) for each font configuration, and removes it only when the configuration is collected. A gunicorn worker is
recycled every few hundred requests (``run.sh``: ``--max-requests 500``) and its PDF helper with it: every process
that lays out a PDF removes its folder as it ends, whichever way it is ended."""

from __future__ import annotations

import os
import signal
import sqlite3
import time

import pytest

from reports import renderer
from tests.web.test_live_server import login, opener

HTML = "<h1>BIÊN BẢN KIỂM TRA CÔNG VỤ</h1><p>Đoàn kiểm tra làm việc tại Bộ phận Một cửa xã La Êê.</p>"


@pytest.fixture
def temporary(tmp_path, monkeypatch):
    """A temporary directory of the test's own for the processes it starts (``TMPDIR``)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


def _fonts(folder) -> list[str]:
    return sorted(path.name for path in folder.glob("weasyprint-*"))


def _wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not within the time allowed"
        time.sleep(0.1)


def _ready_helper(temporary) -> renderer.Helper:
    helper = renderer.Helper()
    deadline = time.monotonic() + 60
    while not helper.take():
        assert helper.alive() and time.monotonic() < deadline
        time.sleep(0.05)
    helper.release()
    assert len(_fonts(temporary)) == 1  # loaded: its fonts are there until it ends
    return helper


def test_a_commands_renderer_removes_its_fonts_whether_it_rendered_or_was_ended_unasked(temporary):
    child = renderer.Renderer()
    assert child.render(HTML, stylesheet="minutes.css", archival=False).startswith(b"%PDF-")
    assert _fonts(temporary) == []

    unasked = renderer.Renderer()  # a command that failed before its PDF ends its renderer at exit
    assert unasked.process.stdout.readline() == renderer.READY
    assert len(_fonts(temporary)) == 1
    unasked.close()
    assert _fonts(temporary) == []


def test_a_helper_removes_its_fonts_when_closed_when_its_parent_ends_and_when_systemd_stops_it(temporary):
    closed = _ready_helper(temporary)
    assert closed.take() and closed.send([HTML, HTML], stylesheet="minutes.css")
    assert len(closed.receive(2, timeout=60)) == 2
    closed.close()  # what a worker does at its exit, or after the helper failed it
    assert _fonts(temporary) == []

    orphan = _ready_helper(temporary)
    orphan.process.stdin.close()  # its parent ended (even killed): the input closes
    assert orphan.process.wait(timeout=30) == 0
    orphan.close()
    assert _fonts(temporary) == []

    stopped = _ready_helper(temporary)
    os.kill(stopped.process.pid, signal.SIGINT)  # a Ctrl-C at the terminal: it stays with its parent
    time.sleep(0.3)
    assert stopped.alive()
    os.kill(stopped.process.pid, signal.SIGTERM)  # systemd stopping the service signals every process
    assert stopped.process.wait(timeout=30) == 0
    stopped.close()
    assert _fonts(temporary) == []


@pytest.mark.slow
def test_a_server_stopped_after_serving_pdfs_leaves_no_fonts_in_the_temporary_directory(fresh_server, tmp_path):
    temporary = tmp_path / "server-tmp"
    temporary.mkdir()
    fresh_server.env["TMPDIR"] = str(temporary)
    fresh_server.workers = 1
    fresh_server.start()
    with sqlite3.connect(fresh_server.instance / "ktcv.sqlite3") as database:
        inspection_id = database.execute(
            "SELECT i.id FROM inspections i JOIN units u ON u.id = i.unit_id WHERE u.code = 'NG-ZUOIH-MC'").fetchone()[0]
    browser = opener()
    login(browser, fresh_server.url, "chutich")
    with browser.open(f"{fresh_server.url}/inspections/{inspection_id}/minutes/preview.pdf", timeout=120) as response:
        assert response.status == 200 and response.read().startswith(b"%PDF-")
    # the worker laid out the minutes and its helper loaded the fonts as it started: a folder each
    _wait_for(lambda: len(_fonts(temporary)) == 2)
    fresh_server.stop()  # gunicorn's master stops its worker, which ends its helper
    _wait_for(lambda: _fonts(temporary) == [])
