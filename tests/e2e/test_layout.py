"""Every role on a portrait and a landscape tablet: the compact header, no sideways scrolling, targets a finger
can hit, and irreversible steps that ask first."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import TABLET_LANDSCAPE, TABLET_PORTRAIT, menu
from tests.e2e.test_tablet import log_in, small_targets

pytestmark = pytest.mark.e2e

# each role's everyday pages (a list, a record, a form)
PAGES = {
    "chutich": ["/", "/dashboard?period=2019", "/dashboard/heads?period=2019", "/statistics?period=2019",
                "/inspections", "/remediation", "/units"],
    "thanhtra": ["/offline", "/", "/inspections", "/remediation", "/checklists"],
    "donvi-la-ee": ["/", "/remediation", "/inbox"],
    "admin": ["/", "/units", "/admin/users", "/checklists", "/inspections"],
}


@pytest.mark.parametrize("viewport", [TABLET_PORTRAIT, TABLET_LANDSCAPE], ids=["portrait", "landscape"])
@pytest.mark.parametrize("username", list(PAGES))
def test_every_role_fits_the_tablet(page, live_server, viewport, username):
    page.set_viewport_size(viewport)
    log_in(page, live_server["url"], username)
    for path in PAGES[username]:
        page.goto(live_server["url"] + path)
        header = page.evaluate("document.querySelector('.topbar').getBoundingClientRect().height")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert header <= 64, f"{path}: the header takes {header} px"
        assert width <= viewport["width"], f"{path}: {width} px wide on a {viewport['width']} px screen"
        assert small_targets(page) == [], path
    if username in ("thanhtra", "chutich"):  # an inspection's own pages too: its summary, its findings
        page.goto(live_server["url"] + "/inspections")
        first = page.evaluate("""[...document.querySelectorAll('main a')].map(a => a.getAttribute('href'))
                                 .find(h => /^\\/inspections\\/\\d+$/.test(h))""")
        for suffix in ("", "/findings"):
            page.goto(live_server["url"] + first + suffix)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"{first}{suffix}: {width} px wide"
            assert small_targets(page) == [], f"{first}{suffix}"
    # the menu opens below the header and holds every entry of the role
    menu(page, "Trang chủ")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Xin chào")


def test_an_irreversible_step_asks_first_and_a_no_changes_nothing(page, live_server):
    page.set_viewport_size(TABLET_PORTRAIT)
    log_in(page, live_server["url"], "chutich")
    page.goto(live_server["url"] + "/statistics?period=2019")
    export = ("Đơn vị;Lĩnh vực;Mới tiếp nhận;Đúng hạn;Trả quá hạn\n"
              "UBND xã Zuôih;Hộ tịch;5;5;0\n").encode()
    page.set_input_files("input[name=file]", files=[{"name": "thu.csv", "mimeType": "text/csv", "buffer": export}])
    page.fill("input[name=report_period]", "2018")
    page.get_by_role("button", name="Đọc và xem trước").tap()
    expect(page.locator("#import-ready")).to_be_visible()
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.locator("#confirm").tap()
    page.wait_for_timeout(300)
    assert asked and "thay thế số liệu đã lưu" in asked[0]
    expect(page.locator("#import-state")).to_contain_text("Chờ xác nhận")  # said no: nothing sent
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#confirm").tap()
    expect(page.locator("#import-state")).to_contain_text("Đã nhập")


# (page, the list's id, words typed, text every row shown must hold) for each role's lists
SEARCHES = {
    "chutich": [("/inspections", "inspections", "zuoih", "Zuôih"), ("/remediation", "items", "zuoih", "Zuôih"),
                ("/units", "units", "zuoih", "Zuôih"), ("/statistics?period=2019", "by-unit", "zuoih", "Zuôih")],
    "thanhtra": [("/inspections", "inspections", "ta poo", "Tà Pơơ"), ("/inspections/7/findings", "findings",
                                                                      "ngoai so", "")],
    "donvi-la-ee": [("/remediation", "items", "so theo doi", ""), ("/inbox", "inbox", "khac phuc", "khắc phục")],
    "admin": [("/admin/users", "users", "donvi", "donvi-"), ("/units", "units", "la ee", "La Êê")],
}


@pytest.mark.parametrize("viewport", [TABLET_PORTRAIT, TABLET_LANDSCAPE], ids=["portrait", "landscape"])
@pytest.mark.parametrize("username", list(SEARCHES))
def test_every_list_can_be_searched_on_the_tablet(page, live_server, viewport, username):
    page.set_viewport_size(viewport)
    log_in(page, live_server["url"], username)
    for path, list_id, words, holds in SEARCHES[username]:
        page.goto(live_server["url"] + path)
        before = page.locator(f"#{list_id}-count").inner_text()
        page.locator(f"#{list_id}-q").fill(words)
        page.locator(f"#{list_id}-q").press("Enter")
        expect(page.locator(f"#{list_id}-count")).to_contain_text("kết quả trên tổng số")
        after = page.locator(f"#{list_id}-count").inner_text()
        assert after != before, path
        assert page.locator(f"#{list_id}-q").input_value() == words  # what was typed stays in the box
        if holds:
            shown = page.locator(f"#{list_id}-count ~ * tbody tr, #{list_id}-count ~ * ul#inbox li").all_inner_texts()
            assert shown and all(holds in row for row in shown), (path, shown[:3])
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{path}: {width} px wide after a search"
        assert small_targets(page) == [], path


def test_a_printed_list_shows_the_rows_and_what_was_asked_not_the_controls(page, live_server):
    page.set_viewport_size(TABLET_PORTRAIT)
    log_in(page, live_server["url"], "chutich")
    page.goto(live_server["url"] + "/inspections?q=xa&state=finalised&sort=score")
    expect(page.locator("#inspections-printed-filters")).to_be_hidden()  # on screen the form says it
    page.emulate_media(media="print")
    for hidden in (".topbar", "#inspections-filters", ".footer"):
        expect(page.locator(hidden)).to_be_hidden()
    printed = page.locator("#inspections-printed-filters")
    expect(printed).to_be_visible()
    expect(printed).to_contain_text("“xa”")
    expect(printed).to_contain_text("Đã kết thúc")
    expect(printed).to_contain_text("điểm thấp nhất trước")
    expect(page.locator("#inspection-list thead")).to_be_visible()
    page.goto(live_server["url"] + "/dashboard?period=2019")
    expect(page.locator("#printed-period")).to_contain_text("2019")


def test_a_date_box_has_the_devices_calendar_beside_it_and_keeps_the_vietnamese_form(page, live_server):
    page.set_viewport_size(TABLET_PORTRAIT)
    log_in(page, live_server["url"], "truongdoan")
    page.goto(live_server["url"] + "/inspections/new")
    box = page.locator("input[name=inspection_date]")
    button = box.locator("xpath=following-sibling::button[contains(@class,'date-button')]")
    expect(button).to_have_attribute("aria-label", "Chọn ngày trên lịch")
    size = button.bounding_box()
    assert size["width"] >= 44 and size["height"] >= 44
    # what the calendar hands back when a day is tapped (the native picker itself is the browser's)
    box.locator("xpath=following-sibling::input[@type='date']").evaluate(
        "p => { p.value = '2026-12-15'; p.dispatchEvent(new Event('change')); }")
    expect(box).to_have_value("15/12/2026")
    box.fill("01/02/2027")  # typing stays possible
    expect(box).to_have_value("01/02/2027")
    assert page.evaluate("document.documentElement.scrollWidth") <= TABLET_PORTRAIT["width"]


def test_the_chairman_previews_the_notice_beside_the_form_without_being_asked_to_issue(page, live_server):
    page.set_viewport_size(TABLET_PORTRAIT)
    log_in(page, live_server["url"], "chutich-tp")
    conclude = page.locator("#to-conclude a[href$='/conclude']").first.get_attribute("href")
    page.goto(live_server["url"] + conclude)
    page.fill("textarea[name=strengths]", "Công chức niềm nở với người dân.")
    page.fill("textarea[name=causes]", "Người đứng đầu chưa kiểm tra thường xuyên.")
    page.fill("textarea[name=directives]", "Chủ tịch UBND xã chỉ đạo khắc phục ngay các tồn tại nêu trên.")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    with page.context.expect_page() as opened:
        page.locator("#preview-notice").tap()
    draft = opened.value
    draft.wait_for_load_state()
    assert draft.url.endswith(conclude + "/preview") and asked == []  # a preview issues nothing: no question
    expect(page.locator("button.btn-primary")).to_be_enabled()  # the form stays as typed, ready to issue
    expect(page.locator("textarea[name=directives]")).to_have_value(
        "Chủ tịch UBND xã chỉ đạo khắc phục ngay các tồn tại nêu trên.")
