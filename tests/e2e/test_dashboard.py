"""The chairman's review in Debian's Chromium, at tablet and desktop size."""

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.conftest import TABLET_PORTRAIT, menu
from tests.e2e.test_tablet import log_in, small_targets

pytestmark = pytest.mark.e2e
DESKTOP = {"width": 1600, "height": 1000}


@pytest.mark.parametrize("viewport", [TABLET_PORTRAIT, DESKTOP], ids=["tablet", "desktop"])
def test_dashboard_layout(page, live_server, viewport, shot):
    page.set_viewport_size(viewport)
    log_in(page, live_server["url"], "chutich")
    menu(page, "Tổng quan")
    page.get_by_label("Kỳ").fill("2019")
    page.get_by_role("button", name="Lọc").tap()
    expect(page.locator("#formal-count")).not_to_have_text("0")
    expect(page.locator("tr.desk")).to_have_count(13)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert small_targets(page) == []
    shot(page, f"dashboard-{viewport['width']}")


def test_chairman_reviews_concludes_and_downloads_the_2019_report(page, live_server, shot):
    """The city's chairman, in charge of the district's open work since 01/07/2025, reviews 2019 as history."""
    base = live_server["url"]
    asked = []  # the notice is permanent: the chairman is asked first, and says yes
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    log_in(page, base, "chutich-tp")
    page.goto(f"{base}/dashboard?period=2019")
    formal = page.locator("tr.desk-formal")
    expect(formal.first).to_be_visible()
    expect(page.locator("tr.desk-formal", has_text="Bộ phận Một cửa xã Đắc Pre")).to_have_count(1)
    page.get_by_role("link", name="Người đứng đầu").first.tap()
    expect(page.locator("#heads tbody tr").first).to_contain_text("Pơloong Plênh")  # most overdue items (Chà Vàl)
    expect(page.locator("#heads tr.attention", has_text="Hôih Thị Dung")).to_have_count(1)
    expect(page.locator("#heads tr.attention").first).to_be_visible()
    page.go_back()
    page.locator("tr.desk-formal", has_text="Bộ phận Một cửa xã Đắc Pre").get_by_role("link", name="kết luận").tap()
    page.get_by_label("Ưu điểm").fill("Bộ phận có đủ công chức được phân công, niêm yết đầy đủ thủ tục.")
    page.get_by_label("Nguyên nhân của tồn tại, hạn chế").fill("Người đứng đầu chưa kiểm tra, đôn đốc thường xuyên.")
    page.get_by_label("Kết luận và chỉ đạo (mỗi ý một dòng)").fill(
        "Chủ tịch UBND xã Đắc Pre chỉ đạo khắc phục ngay các tồn tại.\nBáo cáo kết quả trước ngày 30/9/2019.")
    page.get_by_text("Yêu cầu xem xét trách nhiệm người đứng đầu").tap()
    page.get_by_label("Lý do xem xét trách nhiệm").fill("Bộ phận Một cửa hoạt động hình thức.")
    page.get_by_role("button", name="Kết luận và ban hành thông báo").tap()
    expect(page.locator("#conclusion")).to_contain_text("Thông báo số")
    assert any("không thể sửa" in message for message in asked), asked
    expect(page.locator("#conclusion")).to_contain_text("Hồ Văn Kên")
    shot(page, "conclusion")
    page.goto(f"{base}/dashboard?period=2019")
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Báo cáo kỳ (PDF)").tap()
    assert pdf_download.value.suggested_filename == "bao-cao-kiem-tra-cong-vu-2019.pdf"
    with open(pdf_download.value.path(), "rb") as fh:
        assert fh.read(5) == b"%PDF-"
    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Báo cáo kỳ (Excel)").tap()
    with open(xlsx_download.value.path(), "rb") as fh:
        book = load_workbook(io.BytesIO(fh.read()))
    assert ("cấp xã", 12, 12) in list(book["Bộ phận một cửa"].iter_rows(values_only=True))
