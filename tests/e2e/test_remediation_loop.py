"""Respond → return → respond → accept, in Debian's Chromium at tablet size with touch."""

import sqlite3

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.conftest import menu
from tests.e2e.test_tablet import log_in

pytestmark = pytest.mark.e2e


def log_out(page):
    page.get_by_role("button", name="Đăng xuất").tap()
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()


def test_respond_return_respond_accept(page, live_server, tmp_path, shot):
    base = live_server["url"]
    with sqlite3.connect(live_server["instance"] / "ktcv.sqlite3") as database:
        item_id = database.execute(
            "SELECT r.id FROM remediation_items r JOIN findings f ON f.id = r.finding_id JOIN inspections i "
            "ON i.id = r.inspection_id WHERE f.item_id = 'A03' AND i.inspection_date = '2019-03-05'").fetchone()[0]
    photo = tmp_path / "danh-sach-truc.jpg"
    Image.new("RGB", (640, 480), (240, 240, 230)).save(photo, "JPEG")

    log_in(page, base, "donvi-la-ee")
    menu(page, "Khắc phục")
    expect(page.locator("#group-overdue")).to_contain_text("UBND xã La Êê")
    page.goto(f"{base}/remediation/{item_id}")
    expect(page.locator("#overdue-badge")).to_be_visible()
    page.get_by_label("Nội dung đã khắc phục").fill("Đã bố trí đủ công chức theo văn bản phân công.")
    page.locator("#files-respond").set_input_files(str(photo))
    page.get_by_role("button", name="Gửi báo cáo khắc phục").tap()
    expect(page.locator("#item-state")).to_contain_text("Đã báo cáo, chờ xác minh")
    expect(page.locator("#timeline")).to_contain_text("danh-sach-truc.jpg")
    log_out(page)

    log_in(page, base, "thanhtra")
    page.goto(f"{base}/remediation/{item_id}")
    page.get_by_label("Lý do trả lại").fill("Ảnh chưa cho thấy công chức có mặt tại quầy.")
    page.get_by_role("button", name="Trả lại đơn vị").tap()
    expect(page.locator("#item-state")).to_contain_text("Bị trả lại")
    log_out(page)

    log_in(page, base, "donvi-la-ee")
    menu(page, selector="#inbox-link")
    page.get_by_role("link", name=f"Yêu cầu khắc phục số {item_id} bị trả lại").first.tap()
    page.get_by_label("Nội dung đã khắc phục").fill("Bổ sung ảnh chụp có ngày giờ tại quầy.")
    page.locator("#files-respond").set_input_files(str(photo))
    page.get_by_role("button", name="Gửi báo cáo khắc phục").tap()
    expect(page.locator("#item-state")).to_contain_text("Đã báo cáo, chờ xác minh")
    log_out(page)

    log_in(page, base, "thanhtra")
    page.goto(f"{base}/remediation/{item_id}")
    page.get_by_role("button", name="Chấp nhận và đóng").tap()
    expect(page.locator("#item-state")).to_contain_text("Đã khắc phục, Đoàn kiểm tra chấp nhận")
    log_out(page)

    log_in(page, base, "donvi-la-ee")
    menu(page, selector="#inbox-link")
    expect(page.locator("#inbox")).to_contain_text(f"Yêu cầu khắc phục số {item_id} đã được chấp nhận và đóng.")
    page.goto(f"{base}/remediation/{item_id}")
    expect(page.locator("#timeline .event")).to_have_count(5)
    shot(page, "remediation-closed")
