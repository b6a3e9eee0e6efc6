"""The chairman's pages and files read back: the 2019 report as PDF and Excel, the dashboard, conclusions."""

import io

from openpyxl import load_workbook
from sqlalchemy import select

from audit.db import db, utcnow
from audit.domain.vndate import local_today, long_date
from audit.models import Inspection, OutgoingDocument, Unit
from audit.web.files import kept_pdfs
from tests.conftest import pdf_pages


def pdf_text(data: bytes) -> str:
    return " ".join(pdf_pages(data))


def test_period_report_pdf_and_excel_carry_the_2019_figures(client, demo, login):
    login("chutich")
    pdf = client.get("/reports/period.pdf?period=2019")
    assert pdf.mimetype == "application/pdf"
    text = pdf_text(pdf.data)
    for fact in ("BÁO CÁO", "theo cơ chế một cửa, 2019", "Đã kiểm tra 12/12 bộ phận một cửa cấp xã",
                 "Đã kiểm tra 1/1 bộ phận một cửa cấp huyện", "0 1.147 1.147 1.093 54 0 95,3 % 266", "0 42.518 42.518",
                 "0 43.665 43.665 43.006 659 0 98,5 % 266", "Đất đai", "Xây dựng", "Quy hoạch",
                 "tính trên số hồ sơ đã giải quyết trong kỳ", "Số liệu của từng Bộ phận Một cửa",
                 "Bộ phận Một cửa xã La Êê: báo cáo", "Hôih Thị Dung"):
        assert fact in text, fact
    xlsx = client.get("/reports/period.xlsx?period=2019")
    book = load_workbook(io.BytesIO(xlsx.data))
    desks = list(book["Bộ phận một cửa"].iter_rows(values_only=True))
    assert ("cấp xã", 12, 12) in desks and ("cấp huyện", 1, 1) in desks
    dossiers = {row[0]: row for row in book["Hồ sơ"].iter_rows(min_row=5, values_only=True)}
    # carried over, received, handled, early or on time, late, in progress, rate, procedures
    assert dossiers["cấp huyện"][2] == 1147 and dossiers["cấp huyện"][8] == 266
    assert dossiers["cấp xã"][2] == 42518
    share = book["Hồ sơ"]["H5"]  # a percentage is a number with a percentage format, not text
    assert isinstance(share.value, float) and 0.9 < share.value <= 1 and share.number_format == "0.0%"
    on_time = (dossiers["cấp huyện"][4] + dossiers["cấp xã"][4]) / (dossiers["cấp huyện"][3] + dossiers["cấp xã"][3])
    assert on_time > 0.95
    by_unit = {row[0]: row for row in book["Hồ sơ theo đơn vị"].iter_rows(min_row=5, values_only=True)}
    assert by_unit["Bộ phận Tiếp nhận và Trả kết quả huyện Nam Giang"][2] == 1147
    late = list(book["Quá hạn theo lĩnh vực"].iter_rows(min_row=5, values_only=True))
    assert [row[0] for row in late[:2]] == ["Đất đai", "Xây dựng"]
    heads = list(book["Người đứng đầu tái phạm"].iter_rows(min_row=5, values_only=True))
    assert any(row[0] == "Hôih Thị Dung" and row[4] > 0 for row in heads)
    per_desk = book["Tổng hợp bộ phận"]
    # dated today: in the name of the authority in charge today, the city (the district ended in 2025)
    assert (per_desk["A1"].value, per_desk["A2"].value) == (
        "UBND thành phố Đà Nẵng", "Báo cáo kết quả kiểm tra công vụ 2019: tổng hợp bộ phận")
    rows = {row[0]: row for row in per_desk.iter_rows(min_row=5, values_only=True)}
    laee = rows["Bộ phận Một cửa xã La Êê"]
    assert laee[2] == "Hình thức" and isinstance(laee[4], float) and laee[5] > 0  # verdict, score, open items
    assert per_desk["E5"].number_format == "0.0"


def test_dashboard_finds_formal_desks(client, demo, login):
    login("chutich")
    page = client.get("/dashboard?period=2019").get_data(as_text=True)
    assert 'id="formal-count">3<' in page
    assert page.count("desk-formal") == 3 and "<polyline" in page
    later = client.get("/dashboard?period=2026").get_data(as_text=True)
    assert "Bến Giằng" not in later and "DN-LAEE" not in later  # the district chairman: the district's desks only
    heads = client.get("/dashboard/heads?period=2019").get_data(as_text=True).split('id="heads"')[1]
    assert heads.index("Hôih Thị Dung") < heads.index("Bríu Quân")  # most overdue and repeats first


def test_the_heads_table_is_searched_by_name_and_keeps_its_period(client, demo, login):
    """A search finds the heads whose name or unit's name has a word beginning with each word searched
    (diacritics ignored), in the order of attention; sorted by name, the heads read alphabetically."""
    import re

    from audit.domain.text import fold

    login("chutich")

    def names(page):
        table = client.get(page).get_data(as_text=True).split('id="heads"')[1].split("</table>")[0]
        return re.findall(r"<strong>([^<]+)</strong>", table)

    every = names("/dashboard/heads?period=2019")
    assert len(every) > 2
    found = names("/dashboard/heads?period=2019&q=briu")
    assert found == [n for n in every if any(w.startswith("briu") for w in re.findall(r"\w+", fold(n)))] != []
    assert names("/dashboard/heads?period=2019&q=khongcoai") == []
    by_name = names("/dashboard/heads?period=2019&sort=name")
    assert sorted(by_name) == sorted(every) and by_name == sorted(every, key=fold)
    page = client.get("/dashboard/heads?period=2019&q=briu").get_data(as_text=True)
    assert 'name="period" value="2019"' in page  # the search form keeps the period


def test_conclusion_visible_to_the_unit_only(client, demo, login):
    login("chutich-tp")  # the district ended on 30/06/2025: its open work passed to the city
    iid = db.session.scalar(select(Inspection.id).join(Unit).where(Unit.code == "NG-LAEE-MC",
                                                                   Inspection.state == "finalised"))
    empty = client.post(f"/inspections/{iid}/conclude", data={"directives": ""})
    assert empty.status_code == 422 and "Hãy nhập nội dung kết luận" in empty.get_data(as_text=True)
    ok = client.post(f"/inspections/{iid}/conclude", data={
        "strengths": "Công chức niềm nở với người dân.", "causes": "Người đứng đầu chưa kiểm tra thường xuyên.",
        "directives": "Chủ tịch UBND xã La Êê chỉ đạo khắc phục ngay.", "responsibility_review": "y",
        "review_reason": "Bộ phận hoạt động hình thức"})
    assert ok.status_code == 302
    # concluded: a second notice only as a replacement naming the one in force (a conflict otherwise)
    assert client.post(f"/inspections/{iid}/conclude", data={"directives": "lần hai"}).status_code == 409
    client.post("/logout")
    login("donvi-la-ee")
    pdf = client.get(f"/inspections/{iid}/conclusion.pdf")
    text = pdf_text(pdf.data)
    assert "THÔNG BÁO" in text and "Bríu Quân" in text and "Bộ phận hoạt động hình thức" in text
    # concluded in 2026: issued by the city's People's Committee and signed by its chairman, not the district's
    assert "TM. ỦY BAN NHÂN DÂN" in text and "Phan Minh Khôi" in text and "Hồ Văn Thành" not in text
    assert "THÀNH PHỐ ĐÀ NẴNG" in text and "HUYỆN NAM GIANG" not in text
    client.post("/logout")
    login("donvi-zuoih")
    assert client.get(f"/inspections/{iid}/conclusion.pdf").status_code == 404


def test_statistics_page_flags_the_contradiction(client, demo, login):
    login("chutich")
    page = client.get("/statistics?period=2019").get_data(as_text=True)
    assert "mẫu kiểm tra trái với số liệu báo cáo" in page
    bad = client.post("/statistics?period=2019", data={"file": (io.BytesIO(b"unit_code,field\nNG-MC,dat_dai\n"), "s.csv")},
                      content_type="multipart/form-data")
    assert bad.status_code == 422 and "Tệp không có dòng dữ liệu nào." in bad.get_data(as_text=True)


def test_a_cell_that_would_be_a_formula_is_written_as_text():
    from reports.review import _safe

    assert _safe("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert _safe("+1") == "'+1" and _safe("@x") == "'@x" and _safe("-2") == "'-2"
    assert _safe("Hôih Thị Dung") == "Hôih Thị Dung" and _safe(12) == 12


def test_a_report_on_a_period_after_the_districts_were_abolished_speaks_of_communes_only(client, demo, login):
    """Đà Nẵng's 2026 report: no district level existed in 2026, so no "0/0 desks at district level" line and no
    district row, in the PDF and the workbook alike (the 2019 report above keeps both levels)."""
    login("chutich-tp")
    text = pdf_text(client.get("/reports/period.pdf?period=2026").data)
    assert "bộ phận một cửa cấp xã" in text and "cấp huyện" not in text
    book = load_workbook(io.BytesIO(client.get("/reports/period.xlsx?period=2026").data))
    levels = [row[0] for row in book["Bộ phận một cửa"].iter_rows(values_only=True) if row[0] in ("cấp huyện", "cấp xã")]
    assert levels == ["cấp xã"]


def test_a_period_that_is_no_period_keeps_the_page_and_says_why(client, demo, login):
    login("chutich")
    response = client.get("/statistics?period=2019-Q5")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Số liệu hồ sơ" in page and 'id="by-unit"' in page  # the page itself, not an error page
    assert 'class="flash flash-error"' in page
    # without a period: this year, never the demo's
    from audit.db import utcnow
    from audit.domain.vndate import local_today

    year = str(local_today(utcnow()).year)
    assert f"Số liệu hồ sơ {year}" in client.get("/statistics").get_data(as_text=True)
    # a report is never issued for a period other than the one asked for
    issued = client.post("/reports/period?period=2019-Q5", data={"recipient": "UBND tỉnh"})
    assert issued.status_code == 400


def test_the_chairman_reads_the_notice_before_issuing_it_and_the_preview_changes_nothing(client, demo, login):
    from sqlalchemy import func

    from audit.models import AuditLogEntry, Conclusion, Notification, OutgoingDocument

    login("chutich-tp")
    iid = db.session.scalar(select(Inspection.id).join(Unit).where(Unit.code == "NG-LAEE-MC",
                                                                   Inspection.state == "finalised"))
    written = {"strengths": "Công chức niềm nở với người dân.", "causes": "Người đứng đầu chưa kiểm tra thường xuyên.",
               "directives": "Chủ tịch UBND xã La Êê chỉ đạo khắc phục ngay.", "responsibility_review": "y",
               "review_reason": "Bộ phận hoạt động hình thức"}

    def counts():
        return [db.session.scalar(select(func.count()).select_from(model))
                for model in (Conclusion, OutgoingDocument, Notification, AuditLogEntry)]

    before = counts()
    page = client.get(f"/inspections/{iid}/conclude").get_data(as_text=True)
    assert 'id="preview-notice"' in page and "/conclude/preview" in page
    draft = client.post(f"/inspections/{iid}/conclude/preview", data=written)
    assert draft.status_code == 200 and draft.mimetype == "application/pdf"
    text = pdf_text(draft.data)
    import pypdf

    assert all("DỰ THẢO" in page.extract_text() for page in pypdf.PdfReader(io.BytesIO(draft.data)).pages)
    assert "Số: /TB-UBND" in text  # no number yet: the register gives it at issue
    # addressed to the bodies that exist in 2026: the desk's successor centre, never the dissolved district office
    assert "Trung tâm Phục vụ hành chính công xã La Êê" in text and "huyện Nam Giang" not in text.split("Nơi nhận")[-1]
    assert "Chủ tịch UBND xã La Êê chỉ đạo khắc phục ngay." in text and "Bríu Quân" in text
    assert "THÀNH PHỐ ĐÀ NẴNG" in text  # the body that will issue it today
    assert counts() == before  # nothing registered, stored, sent or logged
    # what could not be issued cannot be previewed either: the same reasons, the text kept in the form
    refused = client.post(f"/inspections/{iid}/conclude/preview", data={**written, "causes": ""})
    body = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "nguyên nhân" in body and "Chủ tịch UBND xã La Êê chỉ đạo" in body
    assert counts() == before
    issued = client.post(f"/inspections/{iid}/conclude", data=written)
    assert issued.status_code == 302
    notice = client.get(f"/inspections/{iid}/conclusion.pdf").data
    assert not any("DỰ THẢO" in page.extract_text() for page in pypdf.PdfReader(io.BytesIO(notice)).pages)
    assert "/TB-UBND" in pdf_text(notice)


def test_a_period_report_downloaded_again_is_the_same_file_until_its_figures_change(app, client, demo, login):
    """The report is laid out once for the same figures and kept in the instance's cache; a correction that shows
    in the report makes a new file, never the kept one."""
    from audit.models import HeadTenure

    kept = kept_pdfs(app.instance_path)
    login("chutich")
    first = client.get("/reports/period.pdf?period=2019")
    again = client.get("/reports/period.pdf?period=2019")
    assert first.status_code == again.status_code == 200 and first.data == again.data
    assert len(list(kept.glob("*.pdf"))) == 1
    head = db.session.scalar(select(HeadTenure).where(HeadTenure.person_name == "Hôih Thị Dung"))
    head.person_name = "Hôih Thị Duyên"
    db.session.commit()
    corrected = pdf_text(client.get("/reports/period.pdf?period=2019").data)
    assert "Hôih Thị Duyên" in corrected and "Hôih Thị Dung" not in corrected
    assert len(list(kept.glob("*.pdf"))) == 2


def test_the_long_tables_of_a_period_report_are_its_annexes_each_on_its_own_pages(client, demo, login):
    """The per-desk figures and the heads with repeats are annexes I and II: the report says where each is, each
    starts on a new page with its number, its title and the report it goes with, and carries the rows."""
    login("chutich")
    pages = pdf_pages(client.get("/reports/period.pdf?period=2019").data)
    starts = [i for i, page in enumerate(pages) if page.startswith("Phụ lục ")]
    assert [pages[i].split()[2] for i in starts] == ["I", "II"]
    first, second = starts
    body, annex_1, annex_2 = " ".join(pages[:first]), " ".join(pages[first:second]), " ".join(pages[second:])
    # the report names both, ends with its signature before them, and no longer holds their rows
    assert "Số liệu của từng Bộ phận Một cửa: chi tiết tại Phụ lục I kèm theo Báo cáo này." in body
    assert "người đứng đầu có phát hiện tái phạm (chi tiết tại Phụ lục II kèm theo Báo cáo này)." in body
    assert "TM. ỦY BAN NHÂN DÂN" in pages[first - 1] and "Hôih Thị Dung" not in body
    assert "Bộ phận Tiếp nhận và Trả kết quả huyện Nam Giang" not in body
    # dated today, so issued by the city: its name and today's date in the line under each annex's title
    today = long_date(local_today(utcnow()))
    attached = f"(Kèm theo Báo cáo số /BC-UBND {today} của Ủy ban nhân dân thành phố Đà Nẵng)"
    assert annex_1.startswith("Phụ lục I SỐ LIỆU TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ CỦA TỪNG BỘ PHẬN MỘT CỬA " + attached)
    assert annex_2.startswith("Phụ lục II NGƯỜI ĐỨNG ĐẦU CÓ PHÁT HIỆN TÁI PHẠM " + attached)
    assert "Bộ phận Một cửa xã Zuôih 0 4.251 4.251 4.191 60 0 98,6 % —" in annex_1 and "Zuôih" not in body
    assert "Hôih Thị Dung" in annex_2 and "Hôih Thị Dung" not in annex_1


def test_an_issued_period_report_names_its_number_on_each_annex_and_stays_one_archival_file(client, demo, login):
    import pypdf

    login("chutich-tp")
    narrative = {"recipient": "Ban Thường vụ Thành ủy", "assessment": "Các bộ phận một cửa hoạt động ổn định.",
                 "shortcomings": "Một số nơi niêm yết chưa đầy đủ.", "causes": "Nhân sự thay đổi.",
                 "recommendations": "Tập huấn công chức một cửa."}
    assert client.post("/reports/period?period=2019", data=narrative).status_code == 302
    issued = db.session.scalar(select(OutgoingDocument).where(OutgoingDocument.kind == "period_report")
                               .order_by(OutgoingDocument.id.desc()).limit(1))  # the one just issued, by the city
    pages = pdf_pages(issued.pdf)
    assert "Tập huấn công chức một cửa." in " ".join(pages) and issued.authority.name.endswith("thành phố Đà Nẵng")
    annexes = [page for page in pages if page.startswith("Phụ lục ")]
    day = long_date(local_today(issued.issued_at))
    attached = f"(Kèm theo Báo cáo số {issued.number} {day} của {issued.authority.name})"
    assert [page.split(" (Kèm theo")[0] for page in annexes] == [
        "Phụ lục I SỐ LIỆU TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ CỦA TỪNG BỘ PHẬN MỘT CỬA",
        "Phụ lục II NGƯỜI ĐỨNG ĐẦU CÓ PHÁT HIỆN TÁI PHẠM"]
    assert all(attached in page for page in annexes), (attached, annexes)
    xmp = pypdf.PdfReader(io.BytesIO(issued.pdf)).xmp_metadata  # one PDF/A-3b file, annexes included
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("3", "B")
