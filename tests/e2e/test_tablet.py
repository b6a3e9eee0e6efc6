"""A person with a 10-inch tablet: log in, read the unit tree, appoint a head, import a CSV."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import TABLET_LANDSCAPE, TABLET_PORTRAIT, menu

pytestmark = pytest.mark.e2e


def log_in(page, base, username, password="NamGiang@2019"):
    page.goto(base + "/login")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").tap()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Xin chào")


def small_targets(page) -> list[str]:
    """Visible buttons, inputs and navigation links shorter than 44 CSS pixels (what is hidden from the user,
    aria-hidden like the date box's native picker that its calendar button opens, is no target)."""
    return page.eval_on_selector_all(
        "button, .btn, input:not([type=hidden]), select, .mainnav a, .tile, .crumbs a, .table td a",
        """els => els.filter(e => e.offsetParent !== null && !e.closest('[aria-hidden=true]'))
                    .filter(e => e.getBoundingClientRect().height < 44)
                    .map(e => e.outerHTML.slice(0, 80))""",
    )


@pytest.mark.parametrize("viewport", [TABLET_LANDSCAPE, TABLET_PORTRAIT], ids=["landscape", "portrait"])
def test_chairman_reads_unit_tree_on_tablet(page, live_server, viewport, shot):
    page.set_viewport_size(viewport)
    log_in(page, live_server["url"], "chutich")
    assert small_targets(page) == []
    menu(page, "Đơn vị")
    expect(page.get_by_role("heading", name="Đơn vị")).to_be_visible()
    page.get_by_label("Đơn vị hoạt động vào ngày").fill("01/05/2019")
    page.get_by_role("button", name="Lọc").tap()
    expect(page.get_by_text("UBND xã Zuôih")).to_be_visible()
    expect(page.get_by_text("UBND xã Bến Giằng")).to_have_count(0)
    page.get_by_role("link", name="UBND xã La Êê").tap()
    page.get_by_label("Người đứng đầu vào ngày").fill("14/08/2019")
    page.get_by_role("button", name="Tra cứu").tap()
    expect(page.locator("#head-on")).to_contain_text("Bríu Quân")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], "no sideways scrolling on a tablet"
    assert small_targets(page) == []
    shot(page, f"unit-detail-{viewport['width']}x{viewport['height']}")


def test_unit_user_sees_only_own_unit(page, live_server, shot):
    log_in(page, live_server["url"], "donvi-la-ee")
    expect(page.get_by_role("heading", name="UBND xã La Êê")).to_be_visible()
    page.goto(live_server["url"] + "/units")
    expect(page.locator("table.tree tbody tr")).to_have_count(2)
    expect(page.get_by_role("link", name="Tài khoản")).to_have_count(0)
    shot(page, "unit-user-home")


def test_admin_appoints_head_and_sees_overlap_refused(page, live_server, shot):
    log_in(page, live_server["url"], "admin")
    page.goto(live_server["url"] + "/units")
    page.get_by_role("link", name="UBND xã Chơ Chun").tap()
    page.get_by_label("Họ và tên").fill("Bríu Thị Lan")
    page.get_by_label("Chức vụ").fill("Chủ tịch UBND xã")
    page.get_by_label("Giữ chức từ ngày").fill("02/01/2020")
    page.get_by_role("button", name="Ghi nhận", exact=True).tap()
    expect(page.locator(".flash-success")).to_contain_text("Đã ghi nhận Bríu Thị Lan")
    expect(page.get_by_role("cell", name="01/01/2020")).to_be_visible()
    page.get_by_label("Họ và tên").fill("Người Trùng")
    page.get_by_label("Chức vụ").fill("Chủ tịch UBND xã")
    page.get_by_label("Giữ chức từ ngày").fill("01/06/2019")
    page.get_by_label("Giữ chức đến ngày").fill("31/12/2019")
    page.get_by_role("button", name="Ghi nhận", exact=True).tap()
    expect(page.locator(".flash-error")).to_contain_text("trùng với thời gian của ông/bà Alăng Văn Bốn")
    shot(page, "appoint-head-conflict")


def test_admin_import_shows_every_bad_row(page, live_server, tmp_path, shot):
    csv = tmp_path / "donvi.csv"
    csv.write_text("record,code,name,kind,parent_code,valid_from,valid_to,succeeds,title\n"
                   "unit,NG-E2E,UBND xã Thử,commune,NG-KHONG,,30/06/2025,,\n"
                   "head,NG-LAEE,Người Trùng,,,2018-01-01,2018-02-01,,Chủ tịch UBND xã\n", encoding="utf-8")
    log_in(page, live_server["url"], "admin")
    page.goto(live_server["url"] + "/admin/units/import")
    page.get_by_label("Tệp CSV (UTF-8)").set_input_files(str(csv))
    page.get_by_role("button", name="Kiểm tra và nhập").tap()
    problems = page.locator("#import-problems tbody tr")
    expect(problems).to_have_count(2)
    expect(problems.nth(0)).to_contain_text("NG-KHONG")
    expect(problems.nth(1)).to_contain_text("Bríu Quân")
    shot(page, "import-problems")
