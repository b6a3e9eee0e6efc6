"""The import as a new user meets it: upload the provincial export as it is, see how it is read, map what is
unknown once, confirm; the statistics page and the period report then carry its figures."""

import io
import re

from sqlalchemy import func, select

from audit.db import db
from audit.models import DossierStatistic, StatisticsImport, StatisticsMapping
from tests.services.test_statistics_import import PROVINCIAL
from tests.web.test_review_web import pdf_text


def _upload(client, data: bytes, name="xuat-tu-he-thong.csv", period="2020", source="Cổng DVC tỉnh"):
    return client.post("/statistics?period=2020", data={"file": (io.BytesIO(data), name), "report_period": period,
                                                         "source": source}, content_type="multipart/form-data")


def _token(page: str) -> str:
    """The form's token where the app checks it (the test configuration may not)."""
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    return found.group(1) if found else ""


def _count() -> int:
    return db.session.scalar(select(func.count(DossierStatistic.id)))


def test_upload_preview_confirm_and_the_figures_show(client, demo, login):
    login("chutich")
    response = _upload(client, PROVINCIAL)
    assert response.status_code == 302
    page_url = response.headers["Location"]
    page = client.get(page_url).get_data(as_text=True)
    assert 'id="import-ready"' in page and "Tất cả 4 dòng đọc được và khớp số" in page
    # how each column is read is shown before anything is stored
    assert "Số hồ sơ đang giải quyết / Quá hạn" in page and 'value="pending_overdue" selected' in page
    assert "Cấp huyện" in page and "Tổng hợp theo lĩnh vực" in page and "Người có công" in page
    before = _count()
    confirm = client.post(page_url + "/confirm", data={"csrf_token": _token(page)})
    assert confirm.status_code == 302 and _count() == before + 4
    statistics = client.get("/statistics?period=2020").get_data(as_text=True)
    assert "Bộ phận Tiếp nhận và Trả kết quả huyện Nam Giang" in statistics and "92,7" in statistics
    report = pdf_text(client.get("/reports/period.pdf?period=2020").data)
    assert "Số liệu của từng Bộ phận Một cửa" in report and "0 510 505 505 0 5 100 %" in report  # La Êê
    # the same file again: nothing changes, and the page says so
    again = _upload(client, PROVINCIAL).headers["Location"]
    page = client.get(again).get_data(as_text=True)
    done = client.post(again + "/confirm", data={"csrf_token": _token(page)}, follow_redirects=True)
    assert "Số liệu này đã được nhập trước đó: không thay đổi gì." in done.get_data(as_text=True)
    assert _count() == before + 4
    # a second confirmation of the same draft is a conflict, not a second import
    late = client.post(again + "/confirm", data={"csrf_token": _token(page)})
    assert late.status_code == 409 and _count() == before + 4


def test_unknown_names_are_mapped_once_on_the_screen_and_remembered(client, demo, login):
    login("chutich")
    data = ("Cơ quan;Lĩnh vực;Tiếp nhận;Đúng hạn;Trả quá hạn\n"
            "UBND xã Là Ê;Hàng hải;10;9;1\n").encode()
    url = _upload(client, data, source="Phần mềm cũ").headers["Location"]
    page = client.get(url).get_data(as_text=True)
    assert 'id="import-not-ready"' in page and "UBND xã Là Ê" in page and "Hàng hải" in page
    assert re.search(r'id="confirm"[^>]*disabled', page)
    unit_id = re.search(r'name="unit:UBND xã Là Ê".*?<option value="(\d+)">Bộ phận Một cửa xã La Êê', page,
                        re.S).group(1)
    saved = client.post(url + "/mapping", data={"csrf_token": _token(page), "unit:UBND xã Là Ê": unit_id,
                                                "field:Hàng hải": "khac"})
    assert saved.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert 'id="import-ready"' in page
    mapping = db.session.scalar(select(StatisticsMapping).where(StatisticsMapping.source == "Phần mềm cũ"))
    assert mapping.units == {"UBND xã Là Ê": int(unit_id)} and mapping.fields == {"Hàng hải": "khac"}
    # a unit outside the list is refused, and nothing is remembered
    refused = client.post(url + "/mapping", data={"csrf_token": _token(page), "unit:Xã khác": "999999"})
    assert refused.status_code == 422


def test_broken_rows_are_named_by_line_and_confirm_is_refused(client, demo, login):
    login("chutich")
    data = PROVINCIAL.replace(b"1;0;30;0;29;1;1;0;0", b"1;0;30;0;29;1;9;0;0")
    url = _upload(client, data).headers["Location"]
    page = client.get(url).get_data(as_text=True)
    assert 'id="row-problems"' in page and "<td data-label=\"Dòng\">5</td>" in page
    before = _count()
    response = client.post(url + "/confirm", data={"csrf_token": _token(page)})
    assert response.status_code == 422 and _count() == before


def test_a_draft_is_its_authors_alone(client, demo, login):
    login("chutich")
    url = _upload(client, PROVINCIAL).headers["Location"]
    client.post("/logout")
    login("chutich-tp")
    assert client.get(url).status_code == 404
    imp = db.session.scalar(select(StatisticsImport).order_by(StatisticsImport.id.desc()).limit(1))
    assert imp.state == "draft"


def test_a_legacy_encoding_is_refused_with_how_to_save_as_utf8(client, demo, login):
    login("chutich")
    legacy = "Đơn vị;Lĩnh vực;Tiếp nhận\nXã Zuôih;Hộ tịch;5\n".encode("cp1258", errors="replace")
    response = _upload(client, legacy)
    text = response.get_data(as_text=True)
    assert response.status_code == 422 and "CSV UTF-8" in text and "bảng mã tiếng Việt cũ" in text
    assert db.session.scalar(select(func.count(StatisticsImport.id))) == 0
