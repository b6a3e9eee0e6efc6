"""The renderer process a command starts beside itself (``reports.renderer``): the same bytes as in-process, and
nothing lost when it fails."""

from __future__ import annotations

import io

import pypdf
import pytest

from reports import renderer
from reports.pdf import render_pdf

HTML = ("<h1>BIÊN BẢN KIỂM TRA CÔNG VỤ</h1><p>Đoàn kiểm tra làm việc tại Bộ phận Một cửa xã La Êê.</p>"
        "<table class='grid'><tr><td>Hồ sơ tiếp nhận</td><td class='num'>1.204</td></tr></table>")


@pytest.fixture(autouse=True)
def _nothing_started():
    yield
    left = renderer.take()
    if left is not None:
        left.close()


def _text(pdf: bytes) -> str:
    return pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_the_child_renders_the_same_bytes_as_this_process():
    child = renderer.Renderer()
    from_child = child.render(HTML, stylesheet="minutes.css", archival=False)
    assert from_child is not None and from_child == render_pdf(HTML)
    assert "BIÊN BẢN KIỂM TRA CÔNG VỤ" in _text(from_child)
    assert child.render(HTML, stylesheet="minutes.css", archival=False) is None  # one document per child


def test_render_pdf_uses_the_started_child_once_then_renders_in_process():
    renderer.start()
    started = renderer._started
    assert started is not None
    first = render_pdf(HTML)
    assert renderer.take() is None and started.process is None  # taken and used
    assert first == render_pdf(HTML)


def test_a_dead_child_costs_only_an_in_process_render(caplog):
    renderer.start()
    dead = renderer._started.process
    dead.kill()
    long = HTML + "<p>Hồ sơ đã tiếp nhận trong kỳ.</p>" * 2000  # more than a pipe holds: the write itself fails
    pdf = render_pdf(long)
    assert "BIÊN BẢN KIỂM TRA CÔNG VỤ" in _text(pdf)
    assert "rendering in this process" in caplog.text
    assert dead.stdin.closed and dead.stdout.closed  # the failed write leaves no pipe open


def test_a_child_that_cannot_render_answers_none_and_the_error_is_this_process_own():
    child = renderer.Renderer()
    assert child.render(HTML, stylesheet="no-such.css", archival=False) is None
    with pytest.raises(FileNotFoundError):
        render_pdf(HTML, stylesheet="no-such.css")


def test_a_child_never_asked_ends_with_the_process():
    child = renderer.Renderer()
    process = child.process
    child.close()
    assert process.returncode is not None and child.process is None


def test_the_command_that_makes_a_pdf_starts_the_renderer_as_the_app_is_loaded_and_no_other_does(tmp_path):
    """``wsgi.py`` starts the renderer for ``flask minutes render`` before it builds the app; a server or any
    other command starts none. Read in a new process, as the command line loads the app."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = ("import sys; sys.argv = %r; import wsgi; from reports import renderer; "
              "started = renderer.take(); print(started is not None and started.process.poll() is None); "
              "started and started.close()")
    env = {"AUDIT_DEMO": "true", "PATH": "/usr/bin:/bin", "AUDIT_INSTANCE_PATH": str(tmp_path)}
    for argv, expected in ((["/srv/.venv/bin/flask", "--app", "wsgi", "minutes", "render", "2", "out.pdf"], "True"),
                           (["flask", "--app", "wsgi", "minutes", "--help"], "False"),
                           (["flask", "--app", "wsgi", "routes"], "False"), (["gunicorn", "wsgi:app"], "False")):
        run = subprocess.run([sys.executable, "-c", script % argv], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=120)
        assert run.returncode == 0, run.stderr[-2000:]
        assert run.stdout.strip() == expected, (argv, run.stdout)
