"""The command line as an operator runs it: a real process, its exit code and its file."""

from __future__ import annotations

import io
import subprocess

import pypdf
from sqlalchemy import create_engine, text

from tests.conftest import ROOT


def _render(server, inspection_id: int, out) -> subprocess.CompletedProcess:
    return subprocess.run([str(server.bin / "flask"), "--app", "wsgi", "minutes", "render", str(inspection_id),
                           str(out)], cwd=ROOT, env=server.env,
                          capture_output=True, text=True, timeout=120)


def test_minutes_render_writes_the_issued_copy_and_a_draft_and_exits_cleanly(live_server, tmp_path):
    """A command that renders a PDF ends with exit code 0: once, a process frozen for the garbage collector
    before WeasyPrint was loaded wrote its file and then died on exit with signal 11, which cron reports as
    a failure. The issued minutes come out byte for byte as issued; the draft is a readable PDF."""
    engine = create_engine(live_server.database_url)
    try:
        with engine.connect() as conn:
            issued_id, issued_pdf = conn.execute(text(
                "SELECT inspection_id, pdf FROM issued_minutes ORDER BY id LIMIT 1")).one()
            draft_id = conn.execute(text(
                "SELECT i.id FROM inspections i WHERE i.state = 'finalised' AND NOT EXISTS "
                "(SELECT 1 FROM issued_minutes m WHERE m.inspection_id = i.id) ORDER BY i.id LIMIT 1")).scalar_one()
    finally:
        engine.dispose()

    issued_out, draft_out = tmp_path / "issued.pdf", tmp_path / "draft.pdf"
    issued = _render(live_server, issued_id, issued_out)
    assert issued.returncode == 0, issued.stderr[-2000:]
    assert "bản phát hành" in issued.stdout
    assert issued_out.read_bytes() == bytes(issued_pdf)

    draft = _render(live_server, draft_id, draft_out)
    assert draft.returncode == 0, draft.stderr[-2000:]
    assert "renderer process" not in draft.stderr  # laid out by the renderer started beside the command
    assert "bản xem trước" in draft.stdout
    reader = pypdf.PdfReader(io.BytesIO(draft_out.read_bytes()))
    assert len(reader.pages) >= 1 and "BIÊN BẢN" in reader.pages[0].extract_text().upper()


def test_a_command_without_pages_loads_no_view_and_the_server_every_page():
    """The command line read as flask reads it: a command of COMMANDS_WITHOUT_PAGES gets the app without views
    (none of their modules imported), whatever flask's own options come first; serving, the route list and
    anything unknown get every page."""
    from audit.app import COMMANDS_WITHOUT_PAGES, serves_pages
    from audit.startup import COMMANDS_RENDERING_A_PDF, flask_command

    assert flask_command(["/srv/.venv/bin/flask", "--app", "wsgi", "minutes", "render", "2", "out.pdf"]) == (
        "minutes", "render", "2", "out.pdf")
    assert flask_command(["flask", "-A", "wsgi", "--debug", "--env-file", ".env", "minutes", "render"])[:2] in (
        COMMANDS_RENDERING_A_PDF)
    for argv in (["gunicorn", "wsgi:app"], ["flask", "--app", "wsgi"], ["flask", "--app", "minutes"], []):
        assert flask_command(argv) == (), argv
    assert flask_command(["flask", "--app", "wsgi", "minutes", "--help"])[:2] not in COMMANDS_RENDERING_A_PDF

    assert "minutes" in COMMANDS_WITHOUT_PAGES
    for argv in (["/srv/.venv/bin/flask", "--app", "wsgi", "minutes", "render", "2", "out.pdf"],
                 ["flask", "-A", "wsgi", "--env-file", "run", "db", "upgrade"],
                 ["flask", "--debug", "--app", "wsgi", "head-totals", "check"]):
        assert serves_pages(argv) is False, argv
    for argv in (["gunicorn", "wsgi:app"], ["flask", "--app", "wsgi", "run"], ["flask", "--app", "wsgi", "routes"],
                 ["flask", "--app", "wsgi", "shell"], ["flask", "--app", "minutes"], ["flask"], [],
                 ["/usr/bin/python", "-m", "pytest"]):
        assert serves_pages(argv) is True, argv

    script = ("import sys; sys.argv = ['flask', '--app', 'wsgi', %r]; import wsgi; "
              "print(sorted(m for m in sys.modules if m.startswith('audit.web.') and m.endswith('views')), "
              "len(list(wsgi.app.url_map.iter_rules())))")
    env = {"AUDIT_DEMO": "true", "PATH": "/usr/bin:/bin", "AUDIT_INSTANCE_PATH": "/tmp/ktcv-pages-test"}
    python = str(ROOT / ".venv" / "bin" / "python")
    without = subprocess.run([python, "-c", script % "minutes"], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=120)
    served = subprocess.run([python, "-c", script % "routes"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert without.returncode == 0 and served.returncode == 0, without.stderr[-2000:] + served.stderr[-2000:]
    views, rules = without.stdout.rsplit(" ", 1)
    assert views == "[]" and int(rules) == 1  # the static files' rule only
    views, rules = served.stdout.rsplit(" ", 1)
    assert "audit.web.minutes.views" in views and int(rules) > 50
