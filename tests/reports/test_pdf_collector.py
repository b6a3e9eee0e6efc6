"""The garbage collector held while a PDF is laid out, and in a web request until its response is done.

The rules, literally: during a render the collector does not run; when ``render_pdf`` returns outside a request
the render's garbage is gone and the collector runs again; in a request, nothing is collected until the response
is closed, then what is due is collected and the collector runs again; a response never closed is released by
the next request."""

import gc
import weakref

import pytest

from audit.web import collector
from reports import pdf
from reports.pdf import render_pdf

PAGE = "<html><body>" + "".join(f"<p>Bộ phận một cửa xã số {n}</p>" for n in range(300)) + "</body></html>"


def _collections() -> list[int]:
    return [generation["collections"] for generation in gc.get_stats()]


class Cycle:
    """An object in a reference cycle: only the collector frees it."""

    def __init__(self):
        self.me = self


def _dropped_cycle() -> weakref.ref:
    cycle = Cycle()
    return weakref.ref(cycle)


@pytest.fixture(autouse=True)
def collector_running():
    collector.release()
    assert gc.isenabled()
    yield
    collector.release()
    gc.enable()


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
    cycle = _dropped_cycle()
    data = render_pdf(PAGE)
    after = _collections()
    assert data.startswith(b"%PDF-")
    # held: at most one young collection before the layout starts, then the one full collection at the end
    assert after[0] - before[0] <= 1 and after[1] == before[1]
    assert after[2] == before[2] + 1
    assert cycle() is None and gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused_and_collects_nothing():
    gc.disable()
    try:
        cycle = _dropped_cycle()
        render_pdf(PAGE)
        assert not gc.isenabled() and cycle() is not None
    finally:
        gc.enable()


def test_what_a_request_left_is_collected_when_its_response_is_closed(client, demo, login):
    login("chutich")
    response = client.get("/reports/period.pdf?period=2019")
    assert response.status_code == 200 and response.data.startswith(b"%PDF-")
    # the file is the reader's; the layout's garbage waits for the response to be done
    cycle = _dropped_cycle()
    assert not gc.isenabled() and cycle() is not None
    response.close()
    assert gc.isenabled() and cycle() is None


def test_a_page_is_served_without_a_collection_and_collects_after(client, demo, login):
    login("chutich")
    client.get("/dashboard").close()
    gc.collect()
    before = _collections()
    response = client.get("/dashboard")  # thousands of objects: with the collector running, several collections
    during = _collections()
    assert response.status_code == 200 and during == before
    response.close()
    assert gc.isenabled() and _collections() != before and gc.get_count()[0] <= gc.get_threshold()[0]


def test_a_response_never_closed_is_released_by_the_next_request(client, demo, login):
    login("chutich")
    client.get("/reports/period.pdf?period=2019")  # never closed
    cycle = _dropped_cycle()
    assert not gc.isenabled()
    health = client.get("/health")
    assert health.status_code == 200 and cycle() is None
    health.close()
    assert gc.isenabled()


def test_collect_as_due_picks_the_generation_the_collector_would():
    gc.collect()
    before = _collections()
    collector.collect_as_due()  # nothing due
    assert _collections() == before
    gc.disable()
    try:
        kept = [[n] for n in range(gc.get_threshold()[0] + 10)]  # past the youngest generation's threshold
        collector.collect_as_due()
        after = _collections()
        assert after[0] == before[0] + 1 and after[1:] == before[1:] and len(kept) > 700
    finally:
        gc.enable()
