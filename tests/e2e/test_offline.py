"""A tablet in a mountain commune: the whole inspection filled with no network, and the paths that used
to lose answers.

Each test has a live server of its own (gunicorn, as ./run.sh starts it) that it stops to cut the tablet
off and starts again to bring it back, and a Chromium profile of its own on disk, so that closing the
browser and opening it again keeps what a real tablet keeps (IndexedDB, the service worker and its
caches). What reaches the server is read back from its database.
"""

from __future__ import annotations

import hashlib
import io
import re
import time
import urllib.request
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from tests.e2e.conftest import ARGS, CHROMIUM, TABLET_LANDSCAPE

pytestmark = pytest.mark.e2e

PASSWORD = "NamGiang@2019"

#: Every operation the tablet holds, photos with the SHA-256 and size of the stored blob.
READ_QUEUE = """async () => {
  const d = await new Promise((ok, fail) => { const r = indexedDB.open('ktcv'); r.onsuccess = () => ok(r.result);
                                               r.onerror = fail; });
  const all = await new Promise(ok => { const r = d.transaction('ops').objectStore('ops').getAll();
                                        r.onsuccess = () => ok(r.result); });
  d.close();
  const out = [];
  for (const op of all) {
    const o = {kind: op.kind, item_id: op.item_id || null, state: op.state, op_id: op.op_id,
               value: op.value === undefined ? null : op.value, note: op.note || '', message: op.message || ''};
    if (op.blob) {
      const buf = await op.blob.arrayBuffer();
      const hash = await crypto.subtle.digest('SHA-256', buf);
      o.sha256 = Array.from(new Uint8Array(hash)).map(b => b.toString(16).padStart(2, '0')).join('');
      o.size = buf.byteLength;
      const bitmap = await createImageBitmap(op.blob);
      o.width = bitmap.width; o.height = bitmap.height;
    }
    out.push(o);
  }
  return out;
}"""


#: True once the tablet's queue holds no operation (everything sent and done with).
QUEUE_EMPTY = """async () => {
  const d = await new Promise(ok => { const r = indexedDB.open('ktcv'); r.onsuccess = () => ok(r.result); });
  const n = await new Promise(ok => { const r = d.transaction('ops').objectStore('ops').count();
                                      r.onsuccess = () => ok(r.result); });
  d.close(); return n === 0; }"""

#: The page's autosave pause (800 ms after the last keystroke) never ends: the inspector leaves before it does.
NO_AUTOSAVE_PAUSE = ("window.setTimeout = (later => (fn, ms, ...rest) => ms === 800 ? 0 : later(fn, ms, ...rest))"
                     "(window.setTimeout);")

# ---------------------------------------------------------------- the tablet and the server


class Tablet:
    """A Chromium profile on disk: ``close()`` and ``open()`` are the inspector closing and reopening the
    browser; ``offline()`` and ``online()`` the signal going and coming back (with the server stopped,
    nothing on the tablet can reach it whatever the browser believes)."""

    def __init__(self, playwright, profile: Path, server):
        self.playwright, self.profile, self.server = playwright, profile, server
        self.context = self.page = None
        self.is_offline = False
        self.login_retries = 0

    def open(self) -> Tablet:
        self.context = self.playwright.chromium.launch_persistent_context(
            str(self.profile), executable_path=CHROMIUM, args=ARGS, headless=True, viewport=TABLET_LANDSCAPE,
            device_scale_factor=1.5, has_touch=True, is_mobile=True, locale="vi-VN", service_workers="allow")
        self.context.set_default_timeout(20_000)
        if self.is_offline:
            self.context.set_offline(True)
        self.page = self.context.pages[0] if self.context.pages else self.context.new_page()
        return self

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
            self.context = self.page = None

    def offline(self) -> None:
        self.server.stop()
        self.is_offline = True
        self.context.set_offline(True)

    def online(self) -> None:
        self.server.start()
        self.is_offline = False
        self.context.set_offline(False)

    def go(self, path: str) -> None:
        self.page.goto(self.server.url + path)

    def log_in(self, username: str = "thanhtra") -> None:
        page = self.page
        if "/login" not in page.url:
            self.go("/login")
        for attempt in range(2):
            page.get_by_label("Tên đăng nhập").fill(username)
            page.get_by_label("Mật khẩu").fill(PASSWORD)
            page.get_by_role("button", name="Đăng nhập").tap()
            refused = page.get_by_text("Biểu mẫu đã hết hạn hoặc không hợp lệ")
            page.wait_for_url(lambda url: "/login" not in url) if attempt else expect(
                refused.or_(page.locator("h1", has_text="Xin chào")).or_(page.locator("#section-form"))
                .or_(page.locator("#tablet-state"))).to_be_attached(timeout=20_000)  # a login under load
            if not refused.count():
                page.wait_for_url(lambda url: "/login" not in url)
                return
            # Seen only under heavy load after a browser restart: the login form's security token did not
            # match (see the closing note of issue 10). The page says to reload and try again; so does this.
            self.login_retries += 1
            self.go("/login")

    def queue(self) -> list[dict]:
        return self.page.evaluate(READ_QUEUE)

    def wait_for_service_worker(self) -> None:
        """Until the worker is active and this page is one of its clients.

        Seen once in CI under load: the worker activated and claimed its clients while this page's navigation
        was still under way, and the page was left uncontrolled. Nothing in the app needs the current page to be
        controlled (the next navigation goes through the active worker either way), but the walks below reload
        pages offline, so an uncontrolled page is reloaded once, as a user would, and is then controlled.
        """
        self.page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
        controlled = "() => !!navigator.serviceWorker.controller"
        try:
            self.page.wait_for_function(controlled, timeout=10_000)
        except PlaywrightTimeout:
            self.page.reload()
            self.page.wait_for_function(controlled, timeout=30_000)

    def prepare(self, inspection_id: int) -> None:
        """The inspector's one tap: every page of the inspection stored on the tablet."""
        self.go(f"/inspections/{inspection_id}")
        self.wait_for_service_worker()
        self.page.get_by_role("button", name="Chuẩn bị làm việc ngoại tuyến").tap()
        self.page.wait_for_function(f"() => document.documentElement.dataset.offlineReady === '{inspection_id}'",
                                    timeout=30_000)
        expect(self.page.locator("#prepare-note")).to_contain_text("Đã lưu")


@pytest.fixture
def server(fresh_server):
    return fresh_server.start()


@pytest.fixture
def tablet(playwright, tmp_path, server):
    device = Tablet(playwright, tmp_path / "profile", server).open()
    try:
        yield device
    finally:
        device.close()


def database(server):
    return create_engine(server.database_url)


def planned_inspection(server) -> int:
    with database(server).connect() as conn:
        return conn.execute(text(
            "SELECT i.id FROM inspections i JOIN units u ON u.id = i.unit_id "
            "WHERE u.code = 'NG-LAEE-MC' AND i.state = 'planned'")).scalar_one()


def rows(server, sql: str, **params) -> list:
    engine = database(server)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(sql), params))
    finally:
        engine.dispose()


def answers_on_server(server, inspection_id: int) -> dict[str, tuple]:
    return {r.item_id: (r.value, r.note, r.version) for r in rows(
        server, "SELECT item_id, value, note, version FROM answers WHERE inspection_id = :i AND source = 'inspector'",
        i=inspection_id)}


def photo(path: Path, seed: int, size=(3000, 2000)) -> Path:
    """A camera-sized photo (larger than the tablet keeps), different for each seed."""
    image = Image.new("RGB", size, (40 + seed * 50, 120, 200 - seed * 40))
    for x in range(0, size[0], 97):
        for y in range(0, size[1], 89):
            image.putpixel((x, y), (255, (x * seed) % 255, y % 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92)
    path.write_bytes(buffer.getvalue())
    return path


# ---------------------------------------------------------------- answering as an inspector does


NOTES = {"A02": "13:40 có công chức trực, đeo thẻ", "B01": "Niêm yết đủ, cập nhật tháng 7/2019",
         "C01": "Sổ theo dõi ghi đầy đủ"}


def answer_section(page, notes: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Answer every item of the section on screen; returns item → (stored value, note)."""
    given = {}
    for item in page.locator("article.qitem").all():
        item_id, kind = item.get_attribute("data-item"), item.get_attribute("data-type")
        if kind == "yes_no_na":
            item.locator("label.choice-yes").tap()
            value = "yes"
        elif kind == "rating_0_2":
            item.locator("label.choice-2").tap()
            value = "2"
        elif kind == "text":
            value = f"Ghi nhận tại quầy cho {item_id}"
            item.locator(f"textarea[name='value-{item_id}']").fill(value)
        elif kind == "percentage":
            item.locator(f"input[name='value-{item_id}']").fill("96,5")
            value = "96.5"
        else:
            item.locator(f"input[name='value-{item_id}']").fill("12")
            value = "12"
        note = notes.get(item_id, "")
        if note:
            item.locator(f"textarea[name='note-{item_id}']").fill(note)
        given[item_id] = (value, note)
    return given


def next_section(page) -> bool:
    """Tap "Lưu và sang phần …" (or, on the last section, "Lưu và xem kết quả"); False on the last one."""
    forward = page.get_by_role("button", name="Lưu và sang phần")
    if forward.count():
        before = page.url
        forward.tap()
        page.wait_for_url(lambda url: url != before)
        page.locator("#section-form").wait_for()
        return True
    return False


def add_dossier(page, code: str, received: str, due: str, returned: str = "") -> None:
    form = page.locator("#dossier-form")
    form.locator("[name=code]").fill(code)
    form.locator("[name=received_date]").fill(received)
    form.locator("[name=due_date]").fill(due)
    form.locator("[name=returned_date]").fill(returned)
    form.locator("[name=in_register]").check()
    form.locator("[name=in_system]").check()
    form.locator("[name=control_slip_complete]").check()
    page.locator("#dossier-submit").tap()
    expect(page.locator(f"#sample-rows tr:has-text('{code}')")).to_be_visible()


# ---------------------------------------------------------------- the whole inspection, offline


def test_whole_checklist_filled_offline_with_photos_and_dossiers_reaches_the_server_once(tablet, server, tmp_path,
                                                                                        shot):
    iid = planned_inspection(server)
    tablet.go("/login")
    tablet.log_in()
    tablet.prepare(iid)

    tablet.offline()
    page = tablet.page
    tablet.go(f"/inspections/{iid}/fill")  # the stored copy: no network, no server
    expect(page.locator("#netbanner")).to_be_visible()
    expected: dict[str, tuple[str, str]] = {}
    sections, reloads = 0, 0
    pictures = [photo(tmp_path / f"anh-{n}.jpg", n) for n in range(3)]
    photo_items = []
    while True:
        sections += 1
        expected.update(answer_section(page, NOTES))
        if len(photo_items) < 3:  # a photo on the first item of each of the first three sections
            first = page.locator("article.qitem").first.get_attribute("data-item")
            page.locator(f".photo-input[data-item='{first}']").set_input_files(str(pictures[len(photo_items)]))
            expect(page.locator(f"#item-{first} .thumb.pending")).to_have_count(1)
            photo_items.append(first)
        if sections in (2, 4):  # reloads with no network: the page comes from the tablet, the answers too
            reloads += 1
            page.reload()
            for item_id, (value, note) in answer_section_values(page).items():
                assert (value, note) == expected[item_id], f"{item_id} after reload {reloads}"
        if sections == 5:  # the browser is closed and opened again, still offline
            url = page.url
            tablet.close()
            tablet.open()
            page = tablet.page
            page.goto(url)
            for item_id, (value, note) in answer_section_values(page).items():
                assert (value, note) == expected[item_id], f"{item_id} after the browser restart"
        if not next_section(page):
            break
    assert sections >= 8 and reloads == 2

    tablet.go(f"/inspections/{iid}/dossiers")
    add_dossier(page, "LAEE-2019-031", "01/07/2019", "05/07/2019", "04/07/2019")
    add_dossier(page, "LAEE-2019-032", "02/07/2019", "09/07/2019", "12/07/2019")
    page.locator("#sample-rows tr:has-text('LAEE-2019-032') .dossier-edit").tap()  # corrected, still offline
    page.locator("#dossier-form [name=returned_date]").fill("08/07/2019")
    page.locator("#dossier-submit").tap()
    expect(page.locator("#sample-rows tr:has-text('LAEE-2019-032')")).to_contain_text("08/07/2019")

    queued = tablet.queue()
    photos = [op for op in queued if op["kind"] == "photo"]
    assert len(photos) == 3 and all(max(p["width"], p["height"]) <= 1600 for p in photos), "resized on the tablet"
    assert {op["item_id"] for op in queued if op["kind"] == "answer"} == set(expected)
    assert all(op["state"] in ("queued", "sending") for op in queued)  # still on the tablet, none refused
    assert answers_on_server_when_back(server, iid) == {}, "nothing reached the server while offline"

    tablet.go(f"/inspections/{iid}")  # the summary, from the tablet: submit waits for the queue
    expect(page.locator("#tablet-state")).to_be_visible()
    expect(page.locator("#submit-button")).to_be_disabled()
    shot(page, "offline-summary-waiting")

    tablet.online()
    page.reload()
    # if the session cookie did not survive the browser restart, the tablet asks for a login first
    login_link = page.get_by_role("link", name="Đăng nhập lại")
    if "/login" not in page.url:
        expect(login_link.or_(page.locator("#tablet-state[hidden]"))).to_be_attached(timeout=30_000)
    if "/login" in page.url or login_link.count():
        if login_link.count():
            login_link.tap()
        tablet.log_in()
        tablet.go(f"/inspections/{iid}")
    expect(page.locator("#tablet-state")).to_be_hidden(timeout=60_000)
    expect(page.locator("#submit-button")).to_be_enabled()
    page.wait_for_function(QUEUE_EMPTY, timeout=30_000)

    stored = answers_on_server(server, iid)
    assert {k: (v, n) for k, (v, n, _) in stored.items()} == expected
    assert {version for (_, _, version) in stored.values()} == {1}, "each answer stored once"
    saves = rows(server, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'answer.save' AND target_id = :i",
                 i=iid)[0].n
    assert saves == len(expected)
    evidence = rows(server, "SELECT item_id, sha256, width, height FROM evidence WHERE inspection_id = :i", i=iid)
    assert sorted((e.item_id, e.sha256) for e in evidence) == sorted((p["item_id"], p["sha256"]) for p in photos)
    assert sorted(e.item_id for e in evidence) == sorted(photo_items)
    for e in evidence:
        on_disk = server.instance / "files" / e.sha256[:2] / e.sha256
        assert hashlib.sha256(on_disk.read_bytes()).hexdigest() == e.sha256, "byte-identical to the tablet's blob"
    dossiers = rows(server, "SELECT code, returned_date FROM sampled_dossiers WHERE inspection_id = :i ORDER BY code",
                    i=iid)
    assert [(d.code, str(d.returned_date)) for d in dossiers] == [("LAEE-2019-031", "2019-07-04"),
                                                                  ("LAEE-2019-032", "2019-07-08")]
    shot(page, "offline-summary-all-sent")


def answer_section_values(page) -> dict[str, tuple[str, str]]:
    """What the section on screen shows, item → (value, note), as the server would store it."""
    page.locator("#section-form").wait_for()
    page.wait_for_function("() => document.querySelectorAll('.qitem .save-state.pending').length > 0")
    return page.evaluate("""() => {
      const out = {};
      document.querySelectorAll('article.qitem').forEach(el => {
        const id = el.dataset.item, type = el.dataset.type;
        let value = null;
        if (type === 'yes_no_na' || type === 'rating_0_2') {
          const c = el.querySelector('input[type=radio]:checked'); value = c ? c.value : null;
        } else {
          const f = el.querySelector(`[name="value-${id}"]`); value = f.value.trim() || null;
          if (value && type === 'percentage') value = value.replace(',', '.');
        }
        const n = el.querySelector(`[name="note-${id}"]`);
        out[id] = [value, n ? n.value : ''];
      });
      return out; }""")


def answers_on_server_when_back(server, inspection_id: int) -> dict:
    """Read while the server is stopped: the database is what the server would find on restart."""
    return answers_on_server(server, inspection_id)


# ---------------------------------------------------------------- the paths that used to lose answers


def status(page):
    return page.locator("#sync-status")


def first_section(tablet, iid: int):
    tablet.go(f"/inspections/{iid}/fill")
    tablet.page.locator("#section-form").wait_for()
    return tablet.page


def wait_for_server(server, iid: int, item: str, predicate, timeout: float = 30):
    """Poll the server's database until ``predicate(answer row or None)`` holds."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        found = rows(server, "SELECT value, note, version FROM answers WHERE inspection_id = :i AND item_id = :item",
                     i=iid, item=item)
        row = found[0] if found else None
        if predicate(row):
            return row
        if time.monotonic() > deadline:
            raise AssertionError(f"{item} on the server: {row}")
        time.sleep(0.2)


def test_unsent_answers_keep_the_submit_button_disabled_until_they_reach_the_server(tablet, server):
    """Loss path 1: answers still on the tablet when the summary is opened were never sent."""
    iid = planned_inspection(server)
    tablet.go("/login")
    tablet.log_in()
    tablet.prepare(iid)
    page = first_section(tablet, iid)
    tablet.offline()
    page.locator("#item-A02 label.choice-no").tap()
    page.locator("#note-A02").fill("14:05 không có công chức tại quầy")
    page.get_by_role("button", name="Lưu và sang phần B").tap()
    page.wait_for_url("**/fill/B")
    page.get_by_role("link", name="Tổng hợp").tap()  # the summary, stored on the tablet
    expect(page.locator("#tablet-pending")).to_contain_text("1 thay đổi")
    expect(page.locator("#submit-button")).to_be_disabled()
    tablet.online()
    row = wait_for_server(server, iid, "A02", lambda r: r is not None)
    assert (row.value, row.note, row.version) == ("no", "14:05 không có công chức tại quầy", 1)
    expect(page.locator("#tablet-state")).to_be_hidden(timeout=15000)  # the page reloads once sent: slow under load


def test_a_note_typed_just_before_leaving_the_page_is_not_lost(tablet, server):
    """Loss path 2: a note typed less than a moment before the page is left."""
    iid = planned_inspection(server)
    tablet.go("/login")
    tablet.log_in()
    page = first_section(tablet, iid)
    page.locator("#item-A04 label.choice-yes").tap()
    wait_for_server(server, iid, "A04", lambda r: r is not None)
    page.locator("#note-A04").press_sequentially("Biển tên đủ")
    page.locator("a.chip", has_text="C").first.tap()  # at once, well before the autosave pause ends
    page.wait_for_url("**/fill/C")
    row = wait_for_server(server, iid, "A04", lambda r: r.note == "Biển tên đủ")
    assert row.value == "yes" and row.version == 2
    page.wait_for_function(QUEUE_EMPTY)  # sent once and gone from the tablet


def test_the_session_ends_while_offline_and_nothing_is_lost(tablet, server):
    """Loss path 3: after the session ended the server answered HTML and the tablet dropped the queue."""
    iid = planned_inspection(server)
    tablet.go("/login")
    tablet.log_in()
    tablet.prepare(iid)
    page = first_section(tablet, iid)
    tablet.offline()
    for item in ("A01", "A02", "A04"):
        page.locator(f"#item-{item} label.choice-yes").tap()
    page.locator("#note-A04").fill("Có nội quy")
    expect(status(page)).to_contain_text("3 thay đổi")
    tablet.context.clear_cookies()  # the session expired while the tablet was in the mountains
    tablet.online()
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    expect(status(page)).to_contain_text("Phiên đăng nhập đã hết: 3 thay đổi")
    # every page of the inspection tries its turn at sending (one at a time): the last one settles them queued
    deadline = time.monotonic() + 15
    while [op["state"] for op in tablet.queue()] != ["queued"] * 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [op["state"] for op in tablet.queue()] == ["queued"] * 3
    assert answers_on_server(server, iid) == {}
    page.get_by_role("link", name="Đăng nhập lại").tap()
    page.wait_for_url("**/login?next=*")
    tablet.log_in()
    page.wait_for_url(re.compile(rf"/inspections/{iid}/fill"))
    wait_for_server(server, iid, "A04", lambda r: r is not None and r.note == "Có nội quy")
    assert {k: v for k, (v, _, _) in answers_on_server(server, iid).items()} == {"A01": "yes", "A02": "yes",
                                                                               "A04": "yes"}
    expect(status(page)).to_have_text("Đã lưu tất cả câu trả lời.")


def test_refused_values_stay_visible_and_marked_and_the_status_never_says_all_saved(tablet, server):
    iid = planned_inspection(server)
    tablet.go("/login")
    tablet.log_in()
    tablet.go(f"/inspections/{iid}/fill/E")
    page = tablet.page
    expect(status(page)).to_have_text("")  # nothing answered: nothing claimed
    percentage = page.locator("article.qitem[data-type=percentage]").first
    item = percentage.get_attribute("data-item")
    box = percentage.locator(f"input[name='value-{item}']")
    box.fill("150")
    percentage.locator(f"textarea[name='note-{item}']").fill("Theo báo cáo của xã")
    box.blur()
    expect(status(page)).to_contain_text(f"1 câu trả lời bị từ chối: {item}")
    expect(percentage).to_have_class(re.compile("has-error"))
    expect(box).to_have_value("150")
    expect(percentage.locator(f"textarea[name='note-{item}']")).to_have_value("Theo báo cáo của xã")
    expect(status(page)).not_to_contain_text("Đã lưu tất cả")
    assert [op["state"] for op in tablet.queue()] == ["refused"]
    page.reload()  # still refused, still shown, after a reload
    expect(page.locator(f"input[name='value-{item}']")).to_have_value("150")
    expect(status(page)).to_contain_text("bị từ chối")
    page.locator(f"input[name='value-{item}']").fill("95")
    page.locator(f"input[name='value-{item}']").blur()
    expect(status(page)).to_have_text("Đã lưu tất cả câu trả lời.")
    row = wait_for_server(server, iid, item, lambda r: r is not None)
    assert (row.value, row.note) == ("95", "Theo báo cáo của xã")


def test_a_note_typed_while_the_answer_was_being_queued_survives_a_reload(tablet, server):
    """Loss path seen in CI: the answer is chosen (queued at once) and the note typed while the queue was still
    writing it; the page is then left before the autosave pause ends. The queue's write used to discard the
    draft holding the note, and a draft kept under the queued operation's id would be taken by the server for
    the operation it had already saved."""
    iid = planned_inspection(server)
    tablet.go("/login")
    tablet.log_in()
    page = first_section(tablet, iid)
    note = "Công chức vắng lúc 9:10"
    # The inspector leaves before the autosave pause of the note ends: the pause never ends on this page.
    page.evaluate(f"() => {{ {NO_AUTOSAVE_PAUSE} }}")
    page.evaluate("""note => {
      const item = document.getElementById('item-A02');
      const no = item.querySelector('input[type=radio][value=no]');
      no.checked = true;
      no.dispatchEvent(new Event('change', {bubbles: true}));   // queued at once
      const box = document.getElementById('note-A02');
      box.value = note;                                           // typed before the queue's write finished
      box.dispatchEvent(new Event('input', {bubbles: true}));
    }""", note)
    row = wait_for_server(server, iid, "A02", lambda r: r is not None)
    assert (row.value, row.note, row.version) == ("no", "", 1)  # the answer as queued, without its note
    page.wait_for_function(QUEUE_EMPTY)  # that operation is done with on the tablet
    page.reload()
    expect(page.locator("#note-A02")).to_have_value(note)
    expect(status(page)).to_have_text("Đã lưu tất cả câu trả lời.")
    row = wait_for_server(server, iid, "A02", lambda r: r.note == note, timeout=15)
    assert (row.value, row.note, row.version) == ("no", note, 2)
    assert tablet.queue() == []


def test_words_typed_while_the_page_loads_go_on_under_an_operation_of_their_own(tablet, server):
    """The page before left a draft of A02's note that reached the server as it went (operation X). Words typed
    into the next page before it has adopted that draft are another operation: typed under X, the server would
    take them for X, already stored, and drop them; and the box must not be reset to X's words."""
    iid = planned_inspection(server)
    tablet.go("/login")
    tablet.log_in()
    page = first_section(tablet, iid)
    page.locator("#item-A02 label.choice-no").tap()
    wait_for_server(server, iid, "A02", lambda r: r is not None)
    expect(status(page)).to_have_text("Đã lưu tất cả câu trả lời.")
    op = "0123456789abcdef0123456789abcdef"
    sent = page.evaluate("""async ([iid, op]) => {
      const key = 'ktcv-drafts-' + iid, all = JSON.parse(localStorage.getItem(key) || '{}');
      all['A02'] = {op_id: op, value: 'no', note: 'Vắng', base: 1};
      localStorage.setItem(key, JSON.stringify(all));
      const token = document.querySelector('input[name=csrf_token]').value;
      const r = await fetch('/inspections/' + iid + '/answers', {method: 'POST', credentials: 'same-origin',
        headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRFToken': token},
        body: JSON.stringify({op_id: op, item_id: 'A02', value: 'no', note: 'Vắng', base_version: 1})});
      return r.status; }""", [iid, op])
    assert sent == 200
    # on the next page, before its scripts have read the tablet's store: words typed, and no autosave pause ends
    page.context.add_init_script(NO_AUTOSAVE_PAUSE + """
      if (!sessionStorage.getItem('typed')) {
        document.addEventListener('DOMContentLoaded', () => {
          const box = document.getElementById('note-A02');
          if (!box) return;
          sessionStorage.setItem('typed', '1');
          box.value = 'Vắng lúc 9:10';
          box.dispatchEvent(new Event('input', {bubbles: true}));
        }, {once: true});
      }""")
    page.reload()
    expect(page.locator("#note-A02")).to_have_value("Vắng lúc 9:10")
    page.wait_for_function(QUEUE_EMPTY)  # the inherited draft was adopted and sent
    expect(page.locator("#note-A02")).to_have_value("Vắng lúc 9:10")  # not reset to the inherited words
    page.reload()  # left before the pause of the new words ends
    row = wait_for_server(server, iid, "A02", lambda r: r.note == "Vắng lúc 9:10", timeout=15)
    assert row.value == "no"


def test_the_offline_status_counts_each_change_once(tablet, server):
    iid = planned_inspection(server)
    tablet.go("/login")
    tablet.log_in()
    tablet.prepare(iid)
    page = first_section(tablet, iid)
    tablet.offline()
    for item in ("A01", "A02", "A04", "A05", "A06"):
        page.locator(f"#item-{item} label.choice-yes").tap()
    page.locator("#note-A06").fill("Ghi chú thêm cho A06")
    page.locator("#note-A06").blur()
    expect(status(page)).to_have_text(
        "Mất kết nối — 5 thay đổi đang lưu trên máy tính bảng, sẽ gửi khi có kết nối.")
    assert len(tablet.queue()) == 5


def test_two_tablets_on_one_item_both_answers_shown_and_keep_mine_works_on_the_first_tap(playwright, tmp_path,
                                                                                        server):
    iid = planned_inspection(server)
    first = Tablet(playwright, tmp_path / "first", server).open()
    second = Tablet(playwright, tmp_path / "second", server).open()
    try:
        for device in (first, second):
            device.go("/login")
            device.log_in()
        a, b = first_section(first, iid), first_section(second, iid)
        a.locator("#item-A02 label.choice-yes").tap()
        wait_for_server(server, iid, "A02", lambda r: r is not None)
        b.locator("#item-A02 label.choice-no").tap()  # the second tablet still shows A02 unanswered
        conflict = b.locator("#item-A02 div.conflict")
        expect(conflict).to_be_visible()
        expect(conflict.locator(".conflict-theirs-text")).to_have_text("Đạt")
        expect(conflict.locator(".conflict-mine-value")).to_have_text("Không đạt")
        note = b.locator("#note-A02")
        note.fill("Không có công chức tại quầy lúc 14:05")  # typed during the conflict, the field keeps focus
        expect(conflict.locator(".conflict-mine-value")).to_contain_text("Không đạt")
        conflict.get_by_role("button", name="Giữ câu trả lời của tôi").tap()
        expect(conflict).to_be_hidden()
        row = wait_for_server(server, iid, "A02", lambda r: r.version == 2)
        assert (row.value, row.note) == ("no", "Không có công chức tại quầy lúc 14:05")
        expect(status(b)).to_have_text("Đã lưu tất cả câu trả lời.")
        b.wait_for_timeout(1500)  # longer than the autosave pause: no second conflict comes
        expect(conflict).to_be_hidden()
        assert wait_for_server(server, iid, "A02", lambda r: r is not None).version == 2
    finally:
        first.close()
        second.close()


def test_the_sample_figures_follow_the_server_without_losing_the_next_dossier_being_typed(tablet, server):
    iid = planned_inspection(server)
    tablet.go("/login")
    tablet.log_in()
    tablet.go(f"/inspections/{iid}/dossiers")
    page = tablet.page
    expect(page.locator("#sample-too-small")).to_contain_text("Mẫu mới có 0 hồ sơ")
    add_dossier(page, "LAEE-2019-041", "01/07/2019", "05/07/2019", "04/07/2019")
    page.locator("#dossier-form [name=code]").fill("LAEE-2019-042")  # the next one, at once
    expect(page.locator("#sample-too-small")).to_contain_text("Mẫu mới có 1 hồ sơ")  # figures read again
    expect(page.locator("#sample-figures")).to_contain_text("100 %")
    expect(page.locator("#dossier-form [name=code]")).to_have_value("LAEE-2019-042")  # nothing typed was lost
    assert [r.code for r in rows(server, "SELECT code FROM sampled_dossiers WHERE inspection_id = :i", i=iid)] == [
        "LAEE-2019-041"]


def test_a_summary_served_while_the_last_answer_was_landing_reads_itself_again(tablet, server):
    """The race seen once in a full run: the inspector opens the summary while the fill page is still sending.
    The server renders the summary before that answer lands, the fill page then removes it from the tablet's
    queue, and the summary finds the queue empty. It must not keep the server's stale figures (nor a submit
    button disabled for gaps that are filled): it reads itself again, once."""
    iid = planned_inspection(server)
    tablet.go("/login")
    tablet.log_in()
    page = first_section(tablet, iid)
    deadline = time.monotonic() + 20
    summary = f"{server.url}/inspections/{iid}"
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in tablet.context.cookies(server.url))
    # the summary as the server renders it before the answer lands ...
    with urllib.request.urlopen(urllib.request.Request(summary, headers={"Cookie": cookie})) as response:
        stale = response.read()
    assert re.search(rb"<strong>0/\d+</strong>", stale), "the summary rendered before the answer"
    asked = []
    tablet.context.route(summary, lambda route: asked.append(route), times=1)
    loads = []
    page.on("load", lambda: loads.append(page.url))
    # ... is what the tablet gets when the inspector taps an answer and at once "Tổng hợp": the answer goes out,
    # lands, and the fill page, still there while the summary is on its way, takes it off the tablet's queue
    page.evaluate("""url => { document.querySelector('#item-A02 label.choice-no').click();
                               location.href = url; }""", summary)
    while not rows(server, "SELECT 1 FROM answers WHERE inspection_id = :i AND item_id = 'A02'", i=iid):
        assert time.monotonic() < deadline + 40, "the answer reached the server"
        page.wait_for_timeout(100)
    page.wait_for_timeout(1000)
    assert asked, "the summary was asked for"
    asked[0].fulfill(status=200, content_type="text/html; charset=utf-8", body=stale)
    page.wait_for_url(summary)
    expect(page.locator("#tablet-state")).to_be_hidden(timeout=15_000)
    page.wait_for_function("() => document.readyState === 'complete'")
    answered = page.locator(".scoreline strong").nth(4)
    expect(answered).not_to_have_text(re.compile(r"^0/"), timeout=15_000)
    assert len([url for url in loads if url == summary]) == 2, "read again once, not more"
