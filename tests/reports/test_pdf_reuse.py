"""A PDF kept for the same HTML: served again as it was, never for other HTML, bounded, and never a reason to fail."""

import os
import subprocess

from reports.pdf import render_pdf, render_pdf_reusing


def text_of(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return " ".join(out.split())


def page(words: str) -> str:
    return f"<html><body><p>{words}</p></body></html>"


def test_the_same_html_is_served_from_the_folder_and_other_html_is_rendered(tmp_path):
    folder = tmp_path / "cache"
    first = render_pdf_reusing(page("Bộ phận một cửa xã La Êê"), folder)
    assert first == render_pdf(page("Bộ phận một cửa xã La Êê"))  # the very file WeasyPrint makes
    kept = list(folder.glob("*.pdf"))
    assert len(kept) == 1 and kept[0].read_bytes() == first
    # served from the folder: a file changed there (a stand-in no renderer would make) comes back as it is
    marker = first.replace(b"%%EOF", b"%%EOF\n% kept copy")
    kept[0].write_bytes(marker)
    assert render_pdf_reusing(page("Bộ phận một cửa xã La Êê"), folder) == marker
    # other figures, another file: never the kept one
    other = render_pdf_reusing(page("Bộ phận một cửa xã Zuôih"), folder)
    assert "Zuôih" in text_of(other) and "La Êê" not in text_of(other)
    assert len(list(folder.glob("*.pdf"))) == 2


def test_a_kept_file_that_is_no_pdf_is_rendered_again(tmp_path):
    folder = tmp_path / "cache"
    good = render_pdf_reusing(page("Đoàn kiểm tra"), folder)
    (kept,) = folder.glob("*.pdf")
    kept.write_bytes(b"")  # a disk that lost the file's content
    assert render_pdf_reusing(page("Đoàn kiểm tra"), folder) == good
    assert kept.read_bytes() == good


def test_only_the_most_recently_used_files_stay(tmp_path):
    folder = tmp_path / "cache"
    render_pdf_reusing(page("một"), folder, keep=2)
    render_pdf_reusing(page("hai"), folder, keep=2)
    (older,) = [p for p in folder.glob("*.pdf") if "một" in text_of(p.read_bytes())]
    os.utime(older, (1, 1))  # used long ago
    abandoned = folder / "left-by-a-killed-worker.part"
    abandoned.write_bytes(b"%PDF-")
    os.utime(abandoned, (1, 1))
    render_pdf_reusing(page("ba"), folder, keep=2)
    texts = sorted(text_of(p.read_bytes()) for p in folder.glob("*.pdf"))
    assert texts == ["ba", "hai"]
    assert not abandoned.exists()


def test_a_folder_that_cannot_be_written_still_gives_the_pdf(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    pdf = render_pdf_reusing(page("Biên bản"), blocked / "pdf")
    assert pdf.startswith(b"%PDF-") and "Biên bản" in text_of(pdf)
