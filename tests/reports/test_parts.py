"""A document in parts (a report, then its annexes): each part's pages numbered from 1, the parts in order, and the
same file whether this process laid out every part or its helper laid out some of them (``reports.renderer``)."""

from __future__ import annotations

import io
import time
from types import SimpleNamespace

import pypdf
import pytest

from reports import pdf as pdf_module
from reports import renderer
from reports.pdf import SHARE_FROM, _shared, render_pdf
from reports.review import _annexes
from tests.conftest import pdf_pages as _pages


def _part(title: str, rows: int) -> str:
    cells = "".join(f"<tr><td>Bộ phận Một cửa xã {title} {n:03d}</td><td class='num'>{n * 37:,}</td></tr>"
                    for n in range(rows))
    return (f"<html><head><meta charset='utf-8'></head><body><p class='doc-type'>{title}</p>"
            f"<table class='grid'><tbody>{cells}</tbody></table></body></html>")


REPORT = [_part("BÁO CÁO", 10), _part("PHỤ LỤC I", 160), _part("PHỤ LỤC II", 120)]


def _ready_helper() -> renderer.Helper:
    """This process's helper, once it has loaded WeasyPrint (it is started by the first ask)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        taken = renderer.helper()
        if taken is not None:
            taken.release()  # only looked at: handed back
            return taken
        time.sleep(0.1)
    raise AssertionError("the helper never got ready")


@pytest.fixture
def laid_out_here(monkeypatch):
    """How many parts this process laid out itself."""
    count = [0]
    original = pdf_module._laid_out

    def counted(parts, stylesheet, archival):
        count[0] += len(parts)
        return original(parts, stylesheet, archival)

    monkeypatch.setattr(pdf_module, "_laid_out", counted)
    return count


@pytest.fixture
def sent(monkeypatch):
    """The parts each call handed to the helper (its real work is left as it is)."""
    calls = []
    original = renderer.Helper.send

    def send(self, parts, *, stylesheet):
        calls.append(len(parts))
        return original(self, parts, stylesheet=stylesheet)

    monkeypatch.setattr(renderer.Helper, "send", send)
    return calls


def test_the_larger_parts_go_to_the_helper_until_both_sides_hold_about_as_much():
    assert _shared(["b" * 5, "a" * 69, "c" * 48]) == [1]  # the body and annex II here, annex I there
    assert _shared(["a" * 10, "b" * 10]) == [0]  # a tie: the helper takes the first, this process the other
    assert _shared(["a" * 30, "b" * 10, "c" * 10, "d" * 10]) == [0]
    assert _shared(["a" * 10, "b" * 10, "c" * 10, "d" * 10]) == [0, 2]
    for sizes in ([1, 1], [3, 1, 1], [1, 2, 3, 4, 5], [100, 1, 1, 1]):
        theirs = _shared(["x" * n for n in sizes])
        assert theirs and len(theirs) < len(sizes) and theirs == sorted(set(theirs))  # both sides work


def test_each_part_is_numbered_from_one_and_follows_the_one_before():
    assert sum(map(len, REPORT)) >= SHARE_FROM
    pages = _pages(render_pdf(REPORT))
    starts = [i for i, page in enumerate(pages) if page.startswith(("BÁO CÁO", "PHỤ LỤC"))]
    assert [pages[i].split(" Bộ")[0] for i in starts] == ["BÁO CÁO", "PHỤ LỤC I", "PHỤ LỤC II"]
    assert starts[0] == 0 and starts[2] - starts[1] >= 2 and len(pages) - starts[2] >= 2  # annexes of 2 pages+
    for start, end in zip(starts, [*starts[1:], len(pages)], strict=True):
        # the first page of each part shows no number, the next ones 2, 3… (Decree 30: from page 2)
        assert [page.split()[0] for page in pages[start + 1:end]] == [str(n) for n in range(2, end - start + 1)]


def test_the_helper_lays_out_its_share_and_the_file_is_the_one_this_process_makes_alone(sent, laid_out_here, caplog):
    _ready_helper()
    shared = render_pdf(REPORT, share=True)
    # annex I went to the helper, whose answer was taken: this process laid out the two other parts only
    assert sent == [1] and laid_out_here[0] == 2 and "helper" not in caplog.text
    assert shared == render_pdf(REPORT)  # every part here: byte for byte the same file
    assert laid_out_here[0] == 5
    assert len(pypdf.PdfReader(io.BytesIO(shared)).pages) == len(_pages(shared))


def test_a_small_document_or_an_archival_one_is_laid_out_here(sent):
    _ready_helper()
    small = [_part("BÁO CÁO", 3), _part("PHỤ LỤC I", 3)]
    assert sum(map(len, small)) < SHARE_FROM
    render_pdf(small, share=True)
    archival = render_pdf(REPORT, share=True, archival=True)
    assert sent == []
    xmp = pypdf.PdfReader(io.BytesIO(archival)).xmp_metadata  # one PDF/A file of every part's pages
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("3", "B")
    assert [page.split()[0] for page in _pages(archival)] == [page.split()[0] for page in _pages(render_pdf(REPORT))]


def test_a_dead_helper_costs_an_in_process_layout_and_the_next_document_has_a_new_one(sent, caplog):
    helper = _ready_helper()
    helper.process.kill()
    helper.process.wait()
    alone = render_pdf(REPORT)
    assert render_pdf(REPORT, share=True) == alone and sent == []  # seen dead: not asked, laid out here
    replacement = _ready_helper()
    assert replacement is not helper and replacement.alive()
    # killed after it was handed the parts: its answer never comes, this process lays them out itself
    taken = renderer.helper()
    assert taken is replacement
    taken.busy = False
    original_send = renderer.Helper.send

    def send_then_die(self, parts, *, stylesheet):
        done = original_send(self, parts, stylesheet=stylesheet)
        self.process.kill()
        return done

    renderer.Helper.send = send_then_die
    try:
        assert render_pdf(REPORT, share=True) == alone
    finally:
        renderer.Helper.send = original_send
    assert "the PDF helper failed" in caplog.text or "answered no PDF" in caplog.text
    assert not replacement.alive() and _ready_helper().alive()


def test_a_part_the_helper_cannot_lay_out_is_laid_out_here_and_a_new_helper_takes_the_next(caplog):
    helper = _ready_helper()
    assert renderer.helper() is helper
    assert helper.send(REPORT[1:2], stylesheet="no-such.css")  # it fails there: answers "0", and ends
    assert helper.receive(1, timeout=30) is None and not helper.alive()
    assert "answered no PDF" in caplog.text
    with pytest.raises(FileNotFoundError):  # laid out here, the error is this process's own
        render_pdf(REPORT, share=True, stylesheet="no-such.css")
    replacement = _ready_helper()
    assert replacement is not helper and render_pdf(REPORT, share=True) == render_pdf(REPORT)


def test_a_helper_that_does_not_answer_in_time_is_ended_and_its_parts_laid_out_here(caplog):
    helper = _ready_helper()
    assert renderer.helper() is helper
    assert helper.send(REPORT[1:2], stylesheet="minutes.css")
    assert helper.receive(1, timeout=0.001) is None  # far less than a layout takes
    assert "did not answer in time" in caplog.text and not helper.alive()


def test_a_lone_annex_has_no_number_and_two_are_numbered_in_the_order_the_report_names_them():
    both = _annexes(SimpleNamespace(by_unit=["row"], repeat_heads=["head"]))
    assert [(a["kind"], a["label"]) for a in both] == [("by_unit", "Phụ lục I"), ("heads", "Phụ lục II")]
    alone = _annexes(SimpleNamespace(by_unit=[], repeat_heads=["head"]))
    assert [(a["kind"], a["label"]) for a in alone] == [("heads", "Phụ lục")]
    assert _annexes(SimpleNamespace(by_unit=[], repeat_heads=[])) == []


def test_handing_a_large_document_to_a_helper_that_reads_nothing_meanwhile_does_not_wait_for_it(caplog):
    """A helper still busy (collecting the last document's garbage; here stopped outright) reads nothing: parts
    larger than a pipe's usual 64 KB are handed over at once all the same, and its answer's timeout then ends it."""
    import os
    import signal
    import threading

    helper = _ready_helper()
    assert renderer.helper() is helper
    parts = [_part("PHỤ LỤC I", 1500), _part("PHỤ LỤC II", 1100)]
    assert sum(len(p.encode()) for p in parts) > 3 * (1 << 16)
    os.kill(helper.process.pid, signal.SIGSTOP)
    handed = []
    try:
        sending = threading.Thread(target=lambda: handed.append(helper.send(parts, stylesheet="minutes.css")))
        sending.start()
        sending.join(timeout=2.0)
        assert handed == [True], "the parts were not handed over within 2 s"
    finally:
        os.kill(helper.process.pid, signal.SIGCONT)  # a send still waiting then goes through
        sending.join(timeout=30)
    # 2,600 rows take seconds to lay out: told to stop, the helper removes its fonts and ends
    assert helper.receive(2, timeout=0.2) is None
    assert "did not answer in time" in caplog.text and not helper.alive()
    assert _ready_helper().alive()  # the next document has a new one
