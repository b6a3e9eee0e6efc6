"""The garbage collector held while a PDF is laid out, and in a web request until its response is done.

The rules, literally: during a render the collector does not run; when ``render_pdf`` returns outside a request
the render's garbage is gone and the collector runs again; in a request, nothing is collected until the server
closes the response (a page, a PDF, a streamed or compressed file, an error, an exception that escapes), then the
collector runs again; a response never closed is let go by the next request, which runs with the collector on."""

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


def _collected_by_the_next_allocations(cycle: weakref.ref) -> bool:
    """Allocate past the youngest generation's threshold, as any code after a response does: with the collector
    running, that young cycle is gone."""
    made = [[] for _ in range(3 * gc.get_threshold()[0])]
    return cycle() is None and len(made) > 0


def _settled(client) -> None:
    """The test client never closes a response by itself (login's among them): one request closed, and the next
    starts as under a server."""
    client.get("/health").close()
    assert gc.isenabled()


def test_a_pdf_response_holds_the_collector_until_it_is_closed(client, demo, login):
    login("chutich")
    _settled(client)
    response = client.get("/reports/period.pdf?period=2019")
    assert response.status_code == 200 and response.data.startswith(b"%PDF-")
    # the file is the reader's; nothing is collected until the response is done
    cycle = _dropped_cycle()
    assert not gc.isenabled() and not _collected_by_the_next_allocations(cycle)
    response.close()
    assert gc.isenabled() and _collected_by_the_next_allocations(cycle)


def test_a_page_is_served_without_a_collection(client, demo, login):
    login("chutich")
    _settled(client)
    client.get("/dashboard").close()
    gc.collect()
    before = _collections()
    response = client.get("/dashboard")  # thousands of objects: with the collector running, several collections
    assert response.status_code == 200 and _collections() == before and not gc.isenabled()
    response.close()
    assert gc.isenabled()


@pytest.mark.parametrize("path", ["/static/icons/icon-192.png", "/static/css/app.css", "/no-such-page"])
def test_a_streamed_file_a_compressed_file_and_an_error_let_go_once_closed(client, path):
    response = client.get(path)
    assert response.status_code == (404 if path == "/no-such-page" else 200)
    assert not gc.isenabled()
    response.close()
    assert gc.isenabled()


def test_an_error_page_lets_go_once_closed(app, client):
    def boom():
        raise RuntimeError("a bug in a view")

    app.add_url_rule("/boom-for-the-collector-test", "boom", boom)
    _settled(client)
    response = client.get("/boom-for-the-collector-test")  # our error page, the exception logged
    assert response.status_code == 500 and not gc.isenabled()
    response.close()
    assert gc.isenabled()



def test_an_exception_that_escapes_to_the_server_lets_go():
    """Our error handlers answer every exception with a page; an app under the middleware that raises (a bug in
    a handler itself) still leaves the collector running."""

    def broken(environ, start_response):
        assert not gc.isenabled()
        raise RuntimeError("a bug before any response")

    with pytest.raises(RuntimeError):
        collector.CollectorHeld(broken)({"REQUEST_METHOD": "GET"}, lambda status, headers: None)
    assert gc.isenabled()


def test_a_response_never_closed_is_let_go_by_the_next_request(client, demo, login):
    login("chutich")
    _settled(client)
    client.get("/reports/period.pdf?period=2019")  # never closed
    cycle = _dropped_cycle()
    assert not gc.isenabled()
    health = client.get("/health")  # served with the collector on
    assert health.status_code == 200 and gc.isenabled() and _collected_by_the_next_allocations(cycle)
    health.close()
    assert gc.isenabled()
    client.get("/health").close()  # the next request holds and lets go again as usual
    assert gc.isenabled()
