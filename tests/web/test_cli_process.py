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
    assert "bản xem trước" in draft.stdout
    reader = pypdf.PdfReader(io.BytesIO(draft_out.read_bytes()))
    assert len(reader.pages) >= 1 and "BIÊN BẢN" in reader.pages[0].extract_text().upper()
