"""No garbage collection while a PDF is laid out; its garbage freed once, after the response in a web request.

The rule, literally: during a render the collector does not run; when ``render_pdf`` returns outside a request the
collector runs again and the render's garbage is gone; in a request the reader gets the file first, and the
collection runs when the response is closed (or, failing that, before the next request or render)."""

import gc
import weakref

import pytest

from reports import pdf
from reports.pdf import render_pdf

PAGE = "<html><body>" + "".join(f"<p>Bộ phận một cửa xã số {n}</p>" for n in range(300)) + "</body></html>"


def _collections() -> list[int]:
    return [generation["collections"] for generation in gc.get_stats()]


@pytest.fixture(autouse=True)
def collector_as_found():
    pdf.collect_deferred()
    assert gc.isenabled()
    pdf.defer_collection(False)
    yield
    pdf.defer_collection(False)
    pdf.collect_deferred()
    gc.enable()


class Marker:
    """An object in a reference cycle: only the collector frees it."""

    def __init__(self):
        self.me = self


def test_a_render_outside_a_request_collects_once_at_the_end_and_leaves_the_collector_on():
    from weasyprint import HTML

    font_config, css, fetcher = pdf._tools("minutes.css")  # fonts and stylesheet loaded
    gc.collect()
    before = _collections()
    HTML(string=PAGE, url_fetcher=fetcher).write_pdf(stylesheets=[css], font_config=font_config)
    unheld = _collections()
    # the same layout with the collector running: its youngest generation collected again and again
    assert unheld[0] - before[0] > 20
    gc.collect()
    before = _collections()
    data = render_pdf(PAGE)
    after = _collections()
    assert data.startswith(b"%PDF-")
    # held: at most one young collection before the layout starts, then the one full collection at the end
    assert after[0] - before[0] <= 1 and after[1] == before[1]
    assert after[2] == before[2] + 1
    assert gc.isenabled() and not pdf.collection_pending()


def test_a_deferred_render_keeps_its_garbage_until_collect_deferred():
    render_pdf(PAGE)
    pdf.defer_collection()
    render_pdf(PAGE)
    assert not gc.isenabled() and pdf.collection_pending()
    cycle = Marker()
    alive = weakref.ref(cycle)
    del cycle
    assert alive() is not None  # nothing collects while the collection is deferred
    pdf.collect_deferred()
    assert alive() is None
    assert gc.isenabled() and not pdf.collection_pending()


def test_a_render_collects_what_an_earlier_deferred_render_left_first():
    pdf.defer_collection()
    render_pdf(PAGE)
    cycle = Marker()
    alive = weakref.ref(cycle)
    del cycle
    pdf.defer_collection(False)
    render_pdf(PAGE)
    assert alive() is None
    assert gc.isenabled() and not pdf.collection_pending()


def test_a_collector_paused_by_the_caller_stays_paused():
    gc.disable()
    try:
        render_pdf(PAGE)
        assert not gc.isenabled() and not pdf.collection_pending()
    finally:
        gc.enable()


def test_in_a_request_the_collection_runs_once_the_response_is_closed(client, demo, login):
    login("chutich")
    response = client.get("/reports/period.pdf?period=2019")
    assert response.status_code == 200 and response.data.startswith(b"%PDF-")
    # the file is the reader's; the layout's garbage waits for the response to be done
    assert not gc.isenabled() and pdf.collection_pending()
    response.close()
    assert gc.isenabled() and not pdf.collection_pending()


def test_a_request_that_finds_a_collection_pending_runs_it_first(client, demo, login):
    login("chutich")
    response = client.get("/reports/period.pdf?period=2019")
    assert pdf.collection_pending()
    cycle = Marker()
    alive = weakref.ref(cycle)
    del cycle
    assert client.get("/health").status_code == 200  # the PDF's response was never closed
    assert alive() is None and gc.isenabled() and not pdf.collection_pending()
    response.close()  # nothing left to collect: a no-op
    assert gc.isenabled()
