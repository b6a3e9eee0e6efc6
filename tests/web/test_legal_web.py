"""The register of legal documents as people meet it: a page per document, the checklist page linking to it,
findings whose legal basis is printed as the law stood on the inspection date, and a plan form that offers
the units the checklists apply to (the Directive 26 checklist for departments)."""

import re
from datetime import date

from sqlalchemy import select

from audit.catalog import DEFAULT_ROOT
from audit.catalog.legal import load_register
from audit.db import db
from audit.domain.findings import legal_basis
from audit.models import Inspection, Unit, User


def test_the_register_lists_every_document_with_its_dates(client, demo, login):
    login("thanhtra")
    page = client.get("/checklists/legal").get_data(as_text=True)
    assert page.count('href="/checklists/legal/') == len(load_register(DEFAULT_ROOT).documents)
    assert "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ" in page
    assert "Danh mục văn bản pháp luật" in client.get("/checklists").get_data(as_text=True)


def test_a_document_page_shows_when_it_was_in_force_what_amends_it_and_who_cites_it(client, demo, login):
    login("thanhtra")
    page = client.get("/checklists/legal/ND-61/2018").get_data(as_text=True)
    assert "21/06/2018" in page and "30/06/2025" in page
    assert "được thay thế bởi" in page and "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ" in page
    amended = page.split('id="amended-by"')[1].split("</ul>")[0]
    assert "107/2021/NĐ-CP" in amended and "có hiệu lực từ 06/12/2021" in amended
    citing = page.split('id="citing-items"')[1].split("</table>")[0]
    assert "phiên bản 1</a>" in citing and 'href="/checklists/one-stop-desk/v1#item-A01"' in citing
    assert "trích dẫn trước khi văn bản được ban hành" not in citing


def test_an_assumed_date_and_an_unchecked_date_of_effect_say_so(client, demo, login):
    login("thanhtra")
    page = client.get("/checklists/legal/ND-118/2025").get_data(as_text=True)
    amended = page.split('id="amended-by"')[1].split("</ul>")[0]
    assert "367/2025/NĐ-CP" in amended and "áp dụng từ 01/07/2026 (ngày giả định, chưa đối chiếu)" in amended
    decree_367 = client.get("/checklists/legal/ND-367/2025").get_data(as_text=True)
    assert "Chưa đọc được ngày ký và ngày có hiệu lực" in decree_367.split('id="in-force-from"')[1]
    decree_107 = client.get("/checklists/legal/ND-107/2021").get_data(as_text=True)
    assert "ngày có hiệu lực chưa đối chiếu: tính từ ngày ký" in decree_107.split('id="in-force-from"')[1]
    citing = decree_107.split('id="citing-items"')[1].split("</table>")[0]
    assert "phiên bản 3</a>" in citing and "phiên bản 1</a>" not in citing
    assert "trích dẫn ngoài thời gian văn bản có hiệu lực" not in citing  # validation refuses any such citation


def test_an_unknown_document_is_404_and_the_checklist_page_links_each_citation(client, demo, login):
    login("donvi-la-ee")  # a unit officer may read the checklists and the law they rest on
    assert client.get("/checklists/legal/ND-999/2030").status_code == 404
    page = client.get("/checklists/one-stop-desk/v1").get_data(as_text=True)
    assert 'href="/checklists/legal/ND-61/2018"' in page and 'href="/checklists/legal/CT-26/2016"' in page


def test_a_printed_legal_basis_follows_the_inspection_date_and_leaves_unchecked_articles_out():
    from audit.catalog import get_catalog

    register = load_register(DEFAULT_ROOT)
    v1 = get_catalog(DEFAULT_ROOT).get("one-stop-desk", 1)
    in_2019 = {item.id: legal_basis(item, v1, date(2019, 11, 20), register) for item in v1.items}
    assert not any("107/2021" in text or "766/QĐ-TTg" in text or "45/2020" in text for text in in_2019.values())
    # Directive 26's section numbering and Decree 61's article numbers are unchecked: documents, no articles
    assert in_2019["A02"] == ("Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ; Nghị định số "
                              "61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ")
    # dress at work: Article 5 of Decision 129/2007, confirmed, is printed with its article
    assert in_2019["A05"].startswith("Điều 5 Quyết định số 129/2007/QĐ-TTg ngày 02/8/2007 của Thủ tướng Chính phủ")
    v3 = get_catalog(DEFAULT_ROOT).get("one-stop-desk", 3)
    in_2023 = legal_basis(v3.item("A02"), v3, date(2023, 3, 1), register)
    assert in_2023.endswith("được sửa đổi, bổ sung bởi Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ")


def test_a_citation_is_written_smallest_unit_first_and_an_unchecked_place_is_never_printed():
    from audit.domain.checklist import Citation, Confidence
    from audit.domain.legal import printed_citation

    register = load_register(DEFAULT_ROOT)
    checked = Citation("ND-61/2018", Confidence.CONFIRMED, article=(9,), clause=2, point="a", about="người đứng đầu")
    assert checked.location == "điểm a khoản 2 Điều 9" and checked.ref == "điểm a khoản 2 Điều 9 — người đứng đầu"
    assert Citation("ND-61/2018", Confidence.PARTLY, article=(7, 8)).location == "Điều 7, Điều 8"
    assert Citation("TT-01/2018", Confidence.PARTLY, appendix="I", form="01").location == "Mẫu số 01 Phụ lục I"
    assert Citation("CT-26/2016", Confidence.PARTLY, section="3").location == "mục 3"
    assert printed_citation(register, checked, date(2019, 11, 20)) == (
        "điểm a khoản 2 Điều 9 Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ")
    unchecked = Citation("ND-61/2018", Confidence.UNVERIFIED, article=(9,), clause=2, about="người đứng đầu")
    assert printed_citation(register, unchecked, date(2019, 11, 20)) == (
        "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ")
    about_only = Citation("ND-61/2018", Confidence.CONFIRMED, about="số hóa hồ sơ")
    assert printed_citation(register, about_only, date(2019, 11, 20)) == (
        "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ")  # a description is never printed as law


def test_the_plan_form_offers_departments_for_the_directive_26_checklist(client, demo, login):
    login("truongdoan")
    page = client.get("/inspections/new").get_data(as_text=True)
    department = db.session.scalar(select(Unit).where(Unit.code == "NG-NV"))
    assert re.search(rf'<option value="{department.id}">Phòng Nội vụ huyện Nam Giang', page)
    options = page.split('name="checklist_key"')[1].split("</select>")[0]
    assert re.search(r'<option value="directive-26"[^>]*>[^<]*áp dụng cho: [^<]*Cơ quan chuyên môn', options)
    lead = db.session.scalar(select(User).where(User.username == "truongdoan"))
    response = client.post("/inspections/new", data={
        "unit_id": str(department.id), "checklist_key": "directive-26", "inspection_date": "15/08/2019",
        "announced": "0", "decision_number": "77/QĐ-UBND", "decision_date": "12/08/2019",
        "lead_id": str(lead.id), "secretary_id": ""})
    assert response.status_code == 302
    planned = db.session.scalar(select(Inspection).where(Inspection.unit_id == department.id))
    assert planned.checklist_key == "directive-26" and planned.inspection_date == date(2019, 8, 15)


def test_the_plan_form_refuses_a_one_stop_checklist_for_a_department(client, demo, login):
    login("truongdoan")
    department = db.session.scalar(select(Unit).where(Unit.code == "NG-NV"))
    lead = db.session.scalar(select(User).where(User.username == "truongdoan"))
    response = client.post("/inspections/new", data={
        "unit_id": str(department.id), "checklist_key": "one-stop-desk", "inspection_date": "15/08/2019",
        "announced": "0", "decision_number": "78/QĐ-UBND", "decision_date": "12/08/2019",
        "lead_id": str(lead.id), "secretary_id": ""})
    assert response.status_code == 422
    assert "Bảng kiểm tra này không áp dụng cho loại đơn vị đã chọn." in response.get_data(as_text=True)
    assert db.session.scalar(select(Inspection).where(Inspection.unit_id == department.id)) is None
