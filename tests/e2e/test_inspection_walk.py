"""The issue's walk, in Debian's Chromium at tablet size with touch: an inspector fills a planned
inspection (photos, dossier sample, a reload, a dropped connection), the team lead finalises it."""

import sqlite3

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.conftest import menu
from tests.e2e.test_tablet import log_in

pytestmark = pytest.mark.e2e

NUMBERS = {"E02": "2", "E03": "2", "E06": "0", "E09": "400", "G02": "150"}
FAILING = {"A02": "no", "A09": "no", "B05": "no"}
OFFLINE_ITEMS = ("H01", "H02", "H04")


def answer_section(page, skip=()):
    """Answer every unanswered item on the current section page by touch."""
    for item in page.locator(".qitem").all():
        item_id = item.get_attribute("data-item")
        kind = item.get_attribute("data-type")
        if item_id in skip:
            continue
        if kind == "yes_no_na":
            if item.locator("input[type=radio]:checked").count():
                continue
            label = "Không đạt" if FAILING.get(item_id) == "no" else "Đạt"
            item.locator(".choice-btn", has_text=label).first.tap()
        elif kind == "rating_0_2":
            if item.locator("input[type=radio]:checked").count():
                continue
            item.locator(".choice-btn", has_text="2 — đạt").tap()
        elif kind == "text":
            item.locator("textarea").first.fill("Bộ phận có cải thiện so với lần kiểm tra tháng 3/2019.")
            item.locator("textarea").first.dispatch_event("change")
        else:
            box = item.locator("input.input-number")
            if box.input_value():
                continue
            box.fill(NUMBERS.get(item_id, "100"))
            box.dispatch_event("change")


def wait_saved(page):
    expect(page.locator("#sync-status")).to_have_text("Đã lưu tất cả câu trả lời.", timeout=15000)


def photo(tmp_path):
    image = Image.new("RGB", (800, 600), (30, 120, 200))
    exif = Image.Exif()
    exif.get_ifd(0x8769)[36867] = "2019:11:20 13:41:00"
    path = tmp_path / "quay-mot-cua.jpg"
    image.save(path, "JPEG", exif=exif)
    return path


def test_inspector_fills_offline_and_lead_finalises(page, context, live_server, tmp_path, shot):
    base = live_server["url"]
    asked = []  # finalising is for good: the lead is asked first, and says yes
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    log_in(page, base, "thanhtra")
    menu(page, "Kiểm tra")
    page.locator("#inspections-state").select_option(label="Đã lập kế hoạch")  # the inspections still to do
    page.get_by_role("button", name="Lọc").tap()
    expect(page.locator("#inspections-count")).to_contain_text("kết quả")
    planned = page.locator("#inspection-list tr", has_text="Đã lập kế hoạch")
    planned.get_by_role("link", name="Bộ phận Một cửa xã La Êê").tap()
    expect(page.get_by_role("heading", name="Bộ phận Một cửa xã La Êê")).to_be_visible()
    inspection_url = page.url

    # the dossier sample first: two dossiers are below the minimum of ten, so they fill in nothing and the
    # inspector answers D01, D05, E04, E10 and F01 by hand
    page.get_by_role("link", name="Mẫu hồ sơ").first.tap()
    for code, returned in (("000.00.22.H37-191105-0003", "08/11/2019"), ("000.00.22.H37-191106-0005", "19/11/2019")):
        page.get_by_label("Mã hồ sơ").fill(code)
        page.get_by_label("Lĩnh vực").select_option("dat_dai")
        page.get_by_label("Ngày tiếp nhận").fill("01/11/2019")
        page.get_by_label("Ngày hẹn trả").fill("15/11/2019")
        page.get_by_label("Ngày trả kết quả (để trống nếu chưa trả)").fill(returned)
        for label in ("Có trong Sổ theo dõi (Mẫu 06)", "Có trên hệ thống điện tử", "Phiếu kiểm soát (Mẫu 05) đầy đủ"):
            page.get_by_text(label, exact=True).tap()
        page.get_by_role("button", name="Thêm vào mẫu").tap()
        expect(page.locator("#sample-rows")).to_contain_text(code)  # kept on the tablet, then sent
    expect(page.locator("#sample-figures")).to_contain_text("50 %")
    expect(page.locator("#sample-too-small")).to_contain_text("Mẫu mới có 2 hồ sơ; cần tối thiểu 10 hồ sơ")

    page.get_by_role("link", name="Bảng kiểm tra", exact=True).last.tap()
    expect(page.locator("h2.section-title")).to_contain_text("A.")
    page.locator("#item-A02 .photo-input").set_input_files(str(photo(tmp_path)))
    expect(page.locator("#item-A02 .thumb img")).to_have_count(1)
    sections = page.locator(".chips .chip").all_inner_texts()
    keys = [text.split()[0] for text in sections]
    for index, key in enumerate(keys):
        expect(page.locator("h2.section-title")).to_contain_text(f"{key}.")
        answer_section(page, skip=OFFLINE_ITEMS if key == "H" else ())
        if key == "H":
            context.set_offline(True)
            for item_id in OFFLINE_ITEMS:
                page.locator(f"#item-{item_id} .choice-btn", has_text="Đạt").first.tap()
            expect(page.locator("#sync-status")).to_contain_text("Mất kết nối", timeout=5000)
            shot(page, "walk-offline")
            context.set_offline(False)
        wait_saved(page)
        if key == "C":
            page.reload()
            expect(page.locator("#item-C01 input[value=yes]")).to_be_checked()
            page.goto(inspection_url + "/fill/A")
            expect(page.locator("#item-A02 input[value=no]")).to_be_checked()
            expect(page.locator("#item-A03 input.input-number")).to_have_value("100")
            expect(page.locator("#item-A02 .thumb img")).to_have_count(1)
            page.goto(inspection_url + "/fill/D")
            continue
        if index + 1 < len(keys):
            page.get_by_role("button", name=f"Lưu và sang phần {keys[index + 1]}").tap()
        else:
            shot(page, "walk-last-section")
            page.get_by_role("button", name="Lưu và xem kết quả").tap()

    expect(page.locator("#progress-count, .scoreline")).not_to_have_count(0)
    expect(page.locator("#tablet-state")).to_be_hidden()  # the summary waits for the tablet, then reads anew
    page.wait_for_load_state("networkidle")
    page.goto(inspection_url + "/fill/H")
    for item_id in OFFLINE_ITEMS:
        expect(page.locator(f"#item-{item_id} input[value=yes]")).to_be_checked()
    database = sqlite3.connect(live_server["instance"] / "ktcv.sqlite3")
    inspection_id = int(inspection_url.rstrip("/").rsplit("/", 1)[1])
    rows = database.execute("SELECT item_id, version FROM answers WHERE inspection_id = ? AND item_id IN (?, ?, ?)",
                            (inspection_id, *OFFLINE_ITEMS)).fetchall()
    ops = database.execute("SELECT item_id, COUNT(*) FROM answer_operations WHERE inspection_id = ? AND item_id IN "
                           "(?, ?, ?) GROUP BY item_id", (inspection_id, *OFFLINE_ITEMS)).fetchall()
    answered = database.execute("SELECT COUNT(*) FROM answers WHERE inspection_id = ?", (inspection_id,)).fetchone()[0]
    resaved = database.execute("SELECT COUNT(*) FROM answers WHERE inspection_id = ? AND source = 'inspector' "
                               "AND version > 1", (inspection_id,)).fetchone()[0]
    database.close()
    assert sorted(rows) == [(i, 1) for i in OFFLINE_ITEMS], "each offline answer stored once"
    assert sorted(ops) == [(i, 1) for i in OFFLINE_ITEMS]
    assert answered == 62
    assert resaved == 0, "an unchanged answer is never stored as a new version"

    page.goto(inspection_url)
    page.get_by_role("button", name="Trình Trưởng đoàn").tap()
    expect(page.locator(".flash-success")).to_contain_text("Đã trình")
    page.get_by_role("button", name="Đăng xuất").tap()
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()

    log_in(page, base, "truongdoan")
    page.goto(inspection_url)
    page.get_by_role("button", name="Kết thúc cuộc kiểm tra").tap()
    expect(page.locator(".flash-success")).to_contain_text("Đã kết thúc cuộc kiểm tra")
    verdict = page.locator("#verdict")
    expect(verdict).to_contain_text("Hình thức")
    expect(verdict).to_contain_text("riêng vi phạm này đã dẫn đến đánh giá “Hình thức”, dù điểm số thế nào")
    expect(verdict).to_contain_text("Tại thời điểm kiểm tra, trong giờ làm việc, không có công chức trực")
    expect(page.locator("#head-of-unit")).to_contain_text("Alăng Thị Hoa")
    findings = page.locator("ol.findings li")
    expect(findings.first).to_contain_text("người đứng đầu: Alăng Thị Hoa")
    expect(page.locator("ol.findings")).to_contain_text("Tái phạm")
    assert any("Hoàn tất cuộc kiểm tra này?" in message for message in asked), asked
    shot(page, "walk-finalised")
