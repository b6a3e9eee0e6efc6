"""The minutes read back from real PDFs: layout, fonts, every fact with its diacritics, the watermark."""

import io
import re
import subprocess
from datetime import UTC, timedelta

import pypdf
import pytest
from sqlalchemy import select

from audit.db import db
from audit.models import Inspection, IssuedMinutes, Unit
from audit.services import minutes as minutes_service
from reports.fetcher import AssetFetcher, FetchRefused

MM = 72 / 25.4


def text_of(pdf: bytes) -> str:
    """pdftotext's reading of the file, whitespace folded."""
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return " ".join(out.split())


def positions(page) -> list[tuple[float, float, str]]:
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], text))

    page.extract_text(visitor_text=visit)
    return found


@pytest.fixture
def issued(demo):
    inspection = db.session.scalar(select(Inspection).join(Unit).where(Unit.code == "NG-LAEE-MC",
                                                                       Inspection.state == "finalised"))
    return inspection, minutes_service.current_issued(inspection)


@pytest.fixture
def planned(demo):
    return db.session.scalar(select(Inspection).join(Unit).where(Unit.code == "NG-LAEE-MC",
                                                                 Inspection.state == "planned"))


def test_page_size_margins_and_page_numbers(issued):
    reader = pypdf.PdfReader(io.BytesIO(issued[1].pdf))
    assert len(reader.pages) >= 3
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == (595.3, 841.9)  # A4
    first = positions(reader.pages[0])
    xs = [x for x, _, _ in first]
    ys = [y for _, y, _ in first]
    assert 30 * MM - 1 <= min(xs) <= 35 * MM  # left margin 30–35 mm
    assert max(ys) <= 841.89 - 20 * MM  # top margin ≥ 20 mm
    assert not any(t.strip() == "1" and y > 841.89 - 20 * MM for _, y, t in first)  # no number on page 1
    second = positions(reader.pages[1])
    number = [(x, y) for x, y, t in second if t.strip() == "2" and y > 841.89 - 25 * MM]
    assert number, "page 2 is numbered in the top margin"
    body_centre = (30 * MM + 595.28 - 15 * MM) / 2
    assert abs(number[0][0] + 3 - body_centre) < 8  # centred (the glyph is ~6 pt wide)
    for page in reader.pages:  # bottom margin: only the footer line with the verification code lies in it
        low = " ".join(t.strip() for _x, y, t in positions(page) if y < 20 * MM - 2 and t.strip())
        assert not low or low.startswith("Mã xác thực"), low


def test_fonts_are_the_bundled_serif_and_embedded(issued, tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(issued[1].pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        assert "KTCV-Serif" in row, row
        assert " yes yes yes " in row, row  # embedded, subset, with a ToUnicode map
    assert "DejaVu" not in out and "Noto" not in out


def test_every_fact_is_in_the_issued_minutes(issued):
    inspection, minutes = issued
    text = text_of(minutes.pdf)
    for fact in [
        "UBND HUYỆN NAM GIANG", "ĐOÀN KIỂM TRA CÔNG VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", f"Số: {minutes.number}", "Nam Giang, ngày 05 tháng 3 năm 2019",
        "BIÊN BẢN", "Kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính và cơ chế một cửa tại Bộ phận Một cửa xã La Êê",
        "Chỉ thị số 26/CT-TTg ngày 05/9/2016", "Nghị định số 61/2018/NĐ-CP",
        "Quyết định số 45/QĐ-UBND ngày 25/02/2019", "vào lúc 13 giờ 40 phút", "đột xuất (không báo trước)",
        "Bà Trần Thị Thu Hà, Trưởng phòng Nội vụ — Trưởng đoàn", "Ông Lê Minh Khoa", "Thành viên",
        "Ông Bríu Quân, Chủ tịch UBND xã La Êê",  # the head, among the representatives, is named once
        "Hôih Văn Ka", "Nhân sự và tác phong tại Bộ phận Một cửa", "Điểm thực hiện nhiệm vụ: 58,6/100",
        "Số hồ sơ chọn mẫu: 12", "Tỷ lệ hồ sơ trả kết quả đúng hạn: 58,3 % (7/12 hồ sơ)",
        "tỷ lệ đơn vị báo cáo (99,5 %) vượt quá khoảng này",
        # the team proposes, with reasons that state what was found; the chairman decides
        "Đoàn kiểm tra đề xuất đánh giá: HÌNH THỨC", "Đề xuất đánh giá trên được báo cáo Chủ tịch xem xét, kết luận.",
        "riêng vi phạm này đã dẫn đến đánh giá “Hình thức”",
        "Các dấu hiệu hình thức cộng lại 10 điểm",
        # findings as findings, with the measured value; responsibility on the People's Committee
        "Tại thời điểm kiểm tra, trong giờ làm việc, không có công chức trực tại quầy tiếp nhận và trả kết quả.",
        "Chỉ 40 % công chức theo văn bản phân công có mặt đúng vị trí khi kiểm tra (yêu cầu 100 %).",
        "Trách nhiệm: UBND xã La Êê; người đứng đầu: Bríu Quân, Chủ tịch UBND xã.",
        "Bố trí công chức trực tại quầy tiếp nhận và trả kết quả trong toàn bộ giờ làm việc",
        "KIẾN NGHỊ, YÊU CẦU KHẮC PHỤC", "20/03/2019", "04/04/2019",
        "Đơn vị thống nhất với kết quả kiểm tra và cam kết khắc phục trong thời hạn.",
        "kết thúc vào lúc 16 giờ 30 phút", "lập thành 02 bản",
        "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA", "TRƯỞNG ĐOÀN KIỂM TRA", "Nơi nhận:", "- UBND xã La Êê;",
        "- Chủ tịch UBND huyện Nam Giang (để báo cáo);", "- Lưu: VT, hồ sơ kiểm tra.",
        f"Mã xác thực {minutes.verification_code}",
    ]:
        assert fact in text, fact
    assert "Người đứng đầu đơn vị vào ngày kiểm tra" not in text and "Ông/Bà" not in text
    assert text.count("Trưởng đoàn") == 1  # the lead's role once (not also in the position)
    numbers = re.findall(r"(\d+) \S.{5,200}? (\d\d/\d\d/\d{4})", text.split("KIẾN NGHỊ, YÊU CẦU KHẮC PHỤC")[1])
    assert numbers and numbers[0][0] == "1"
    assert "DỰ THẢO" not in text
    # no checklist question as a finding, no software words, nothing left untranslated; codes only in the footer
    text = re.sub(r"Mã xác thực \S+ — kiểm tra tại \S+", "", text)
    findings_part = text.split("Các tồn tại, hạn chế:")[1].split("ĐẠI DIỆN ĐƠN VỊ")[0]
    assert "?" not in findings_part
    for word in ("phiên bản", "mã kiểm tra", "chỉ số hình thức", "sha256", "Formal", "point(s)", "score"):
        assert word not in text, word


def test_issued_minutes_are_pdf_a(issued):
    xmp = pypdf.PdfReader(io.BytesIO(issued[1].pdf)).xmp_metadata
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("3", "B")


def test_draft_of_unfinalised_inspection_is_watermarked(planned):
    pdf = minutes_service.preview_pdf(planned)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert all("DỰ THẢO" in page.extract_text() for page in reader.pages)
    assert "Nam Giang, ngày 20 tháng 11 năm 2019" in text_of(pdf)
    assert "Alăng Thị Hoa" in text_of(pdf)


def test_user_text_is_escaped(planned, demo):
    from audit.models import User

    lead = db.session.scalar(select(User).where(User.username == "truongdoan"))
    minutes_service.save_details(planned, start_time="08:00", end_time="09:00", place="<img src=x>",
                                 representatives="", comments="<b>in đậm</b> & <script>x</script>", copies=2,
                                 actor=lead, now=planned.created_at)
    from reports import render_minutes_html

    html = render_minutes_html(minutes_service._context(planned, number="x", draft=True))
    assert "&lt;b&gt;in đậm&lt;/b&gt; &amp; &lt;script&gt;" in html and "<script>" not in html
    assert "<b>in đậm</b> & <script>x</script>" in text_of(minutes_service.preview_pdf(planned))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "http://example.org/font.ttf", "https://127.0.0.1/x.css",
                                 "data:text/plain,hello", "file:///work/../etc/passwd", "ftp://x/y"])
def test_fetcher_refuses_everything_but_the_assets(url):
    with pytest.raises((FetchRefused, ValueError)):
        AssetFetcher().fetch(url)


def test_fetcher_serves_the_bundled_font():
    from reports.fetcher import ASSETS

    response = AssetFetcher().fetch((ASSETS / "fonts" / "LiberationSerif-Regular.ttf").as_uri())
    assert response.read()[:4] == b"\x00\x01\x00\x00"


def test_a_correction_is_a_new_document_naming_the_one_it_replaces(issued):
    inspection, first = issued
    from audit.domain.errors import DomainError, InvalidInput
    from audit.models import User

    lead = db.session.scalar(select(User).where(User.username == "truongdoan"))
    later = first.issued_at + timedelta(days=30)  # the same year: the register gives the next number
    with pytest.raises(InvalidInput):  # a reason and a confirmation are asked
        minutes_service.issue(inspection, actor=lead, now=later, verify_base_url="http://ktcv.local",
                              replaces_version=1, reason="", confirmed=True)
    with pytest.raises(DomainError, match="Nothing has changed"):  # nothing changed: nothing to replace
        minutes_service.issue(inspection, actor=lead, now=later, verify_base_url="http://ktcv.local",
                              replaces_version=1, reason="Sửa giờ kết thúc", confirmed=True)
    db.session.rollback()
    details = minutes_service.details_of(inspection)
    minutes_service.save_details(inspection, start_time=details.start_time, end_time="16:45", place=details.place,
                                 representatives=details.unit_representatives, comments=details.unit_comments,
                                 copies=details.copies, actor=lead, now=later)
    old_bytes = first.pdf
    second = minutes_service.issue(inspection, actor=lead, now=later, verify_base_url="http://ktcv.local",
                                   replaces_version=1, reason="Sửa giờ kết thúc buổi kiểm tra", confirmed=True)
    db.session.commit()
    with pytest.raises(DomainError, match="issued again meanwhile"):  # the same request again: issued once
        minutes_service.issue(inspection, actor=lead, now=later, verify_base_url="http://ktcv.local",
                              replaces_version=1, reason="Sửa giờ kết thúc buổi kiểm tra", confirmed=True)
    db.session.rollback()
    versions = minutes_service.issued_versions(inspection)
    assert [(v.version, v.current) for v in versions] == [(1, False), (2, True)]
    assert versions[0].pdf == old_bytes and first.number == "01/BB-ĐKT"
    # its own number: the next of the body's register of the year (the demo issued two reports in 2019 since)
    assert second.number == "04/BB-ĐKT"
    text = text_of(second.pdf)
    assert f"Biên bản này thay thế Biên bản số {first.number}" in text and "Sửa giờ kết thúc buổi kiểm tra" in text
    assert "16 giờ 45 phút" in text
    assert "http://ktcv.local/verify?code=" + second.verification_code in text
    versions[0].sha256 = "0" * 64
    from audit.domain.errors import DomainError

    with pytest.raises(DomainError):
        db.session.flush()
    db.session.rollback()
    assert db.session.get(IssuedMinutes, versions[0].id).pdf == old_bytes


def test_minutes_cite_the_plan_and_every_member_of_the_team_signs(issued):
    """Căn cứ: the decrees, then the inspection plan, then the decision forming the team; under the text, the
    unit's representative and the lead side by side, then the secretary and the members, each with a name."""
    inspection, minutes = issued
    text = text_of(minutes.pdf)
    plan = "Căn cứ Kế hoạch số 12/KH-UBND ngày 15/01/2019 của UBND huyện Nam Giang về kiểm tra công vụ năm 2019;"
    assert plan in text
    assert text.index("Nghị định số 61/2018/NĐ-CP") < text.index(plan) < text.index("Quyết định số 45/QĐ-UBND")
    last = pypdf.PdfReader(io.BytesIO(minutes.pdf)).pages[-1]
    found = positions(last)

    def at(words):
        return next((x, y) for x, y, t in found if words in t)

    unit_x, unit_y = at("ĐẠI DIỆN ĐƠN VỊ")
    lead_x, lead_y = at("TRƯỞNG ĐOÀN KIỂM TRA")
    secretary_x, secretary_y = at("THƯ KÝ ĐOÀN KIỂM TRA")
    members_x, members_y = at("THÀNH VIÊN ĐOÀN KIỂM TRA")
    assert abs(unit_y - lead_y) < 1 and unit_x < lead_x  # one row: the unit left, the lead right
    assert abs(secretary_y - members_y) < 1 and secretary_y < unit_y - 60  # a second row, below
    assert secretary_x < members_x
    # each signer's name below their heading: lead, secretary, member
    for heading_y, name in ((lead_y, "Trần Thị Thu Hà"), (secretary_y, "Nguyễn Thị Hồng Vân"),
                            (members_y, "Lê Minh Khoa")):
        assert at(name)[1] < heading_y - 50, name
    assert text.count("Nguyễn Thị Hồng Vân") == 2  # in the team (Thư ký) and under the signature


def test_the_plan_is_given_whole_or_not_at_all(demo):
    from datetime import date, datetime

    from audit.domain.errors import InvalidInput
    from audit.models import User
    from audit.services import inspections as inspection_service

    lead = db.session.scalar(select(User).where(User.username == "truongdoan"))
    unit = db.session.scalar(select(Unit).where(Unit.code == "NG-LAEE-MC"))
    common = dict(unit=unit, inspection_date=date(2019, 12, 3), announced=False, decision_number="300/QĐ-UBND",
                  decision_date=date(2019, 11, 28), checklist_key="one-stop-desk", lead=lead, members=[],
                  secretary=None, actor=lead, now=datetime(2019, 11, 28, 8, tzinfo=UTC))
    with pytest.raises(InvalidInput):
        inspection_service.plan_inspection(plan_number="12/KH-UBND", plan_date=None, **common)
    with pytest.raises(InvalidInput):
        inspection_service.plan_inspection(plan_number="12/KH-UBND", plan_date=date(2019, 12, 10), **common)
    db.session.rollback()
