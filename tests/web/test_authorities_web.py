"""After the 2025 reform, as the people of each authority meet KTCV: the city's chairman sees the whole city,
La Êê's chairman only La Êê, the district's people only the district; documents speak in the name of the
authority in force on their date; no unit that has ended shows a head "today"; nobody is "Ông/Bà"."""

import io
import re
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from audit.db import db, utcnow
from audit.domain.errors import DomainError
from audit.models import Inspection, Unit, User
from audit.services import inspections as inspection_service
from tests.web.test_review_web import pdf_text

CITY_CENTRES = {"Thạnh Mỹ", "Bến Giằng", "Nam Giang", "Đắc Pring", "La Dêê", "La Êê"}


def _unit(code: str) -> Unit:
    return db.session.scalar(select(Unit).where(Unit.code == code))


def _centres_named(page: str) -> set[str]:
    return {name for name in CITY_CENTRES if f"Trung tâm Phục vụ hành chính công xã {name}" in page}


def test_the_city_chairman_sees_all_six_communes_and_the_commune_chairman_only_his(client, demo, login):
    login("chutich-tp")
    assert _centres_named(client.get("/dashboard?period=2026").get_data(as_text=True)) == CITY_CENTRES
    client.post("/logout")
    login("chutich-la-ee")
    dashboard = client.get("/dashboard?period=2026").get_data(as_text=True)
    assert _centres_named(dashboard) == {"La Êê"}
    for page in ("/dashboard?period=2019", "/dashboard/heads?period=2026", "/dashboard/heads", "/inspections",
                 "/units", "/remediation", "/statistics?period=2026", "/"):
        text = client.get(page).get_data(as_text=True)
        for other in CITY_CENTRES - {"La Êê"}:
            assert f"xã {other}" not in text, (page, other)
        assert "huyện Nam Giang" not in text.replace("UBND huyện Nam Giang (", ""), page
    assert client.get(f"/units/{_unit('DN-BENGIANG').id}").status_code == 404
    assert client.get(f"/units/{_unit('NG-LAEE').id}").status_code == 404  # the dissolved La Êê is not his
    assert client.get(f"/units/{_unit('DN-LAEE-TTPV').id}").status_code == 200


def test_the_commune_chairman_report_and_export_hold_only_his_commune(client, demo, login):
    login("chutich-la-ee")
    text = pdf_text(client.get("/reports/period.pdf?period=2026").data)
    assert text.startswith("ỦY BAN NHÂN DÂN") and "XÃ LA ÊÊ" in text and "La Êê, ngày" in text
    assert "Bến Giằng" not in text and "Nam Giang" not in text
    book = load_workbook(io.BytesIO(client.get("/reports/period.xlsx?period=2026").data))
    cells = " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value)
    assert "Bến Giằng" not in cells and "Nam Giang" not in cells


def test_the_district_people_never_see_the_city(client, demo, login):
    login("thanhtra")
    listing = client.get("/inspections").get_data(as_text=True)
    assert "Bến Giằng" not in listing and "La Êê" in listing
    city_inspection = db.session.scalar(select(Inspection.id).join(Unit).where(Unit.code == "DN-BENGIANG-TTPV"))
    assert client.get(f"/inspections/{city_inspection}").status_code == 404
    assert client.get(f"/inspections/{city_inspection}/findings").status_code == 404


def test_the_2026_conclusion_is_issued_by_the_city_and_names_nobody_ongba(client, demo, login):
    login("chutich-tp")
    iid = db.session.scalar(select(Inspection.id).join(Unit).where(Unit.code == "DN-BENGIANG-TTPV"))
    text = pdf_text(client.get(f"/inspections/{iid}/conclusion.pdf").data)
    assert text.startswith("ỦY BAN NHÂN DÂN") and "THÀNH PHỐ ĐÀ NẴNG" in text and "Đà Nẵng, ngày 28 tháng 10" in text
    assert "NAM GIANG" not in text.split("THÔNG BÁO")[0]  # not the abolished district
    assert "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH" in text.replace("- ", "") or "CHỦ TỊCH" in text
    assert "Phan Minh Khôi" in text and "Ông/Bà" not in text and "ông/bà" not in text


def test_the_2019_minutes_stay_the_district_s_and_name_people_with_their_honorific(client, demo, login):
    login("truongdoan")
    iid = db.session.scalar(select(Inspection.id).join(Unit).where(Unit.code == "NG-LAEE-MC",
                                                                   Inspection.state == "finalised"))
    text = pdf_text(client.get(f"/inspections/{iid}/minutes/v1.pdf").data)
    assert "UBND HUYỆN NAM GIANG" in text and "Nam Giang, ngày" in text and "ĐÀ NẴNG" not in text
    assert "Bà Trần Thị Thu Hà" in text and "Ông Lê Minh Khoa" in text and "Ông/Bà" not in text


def test_no_unit_that_has_ended_shows_a_head_in_office(client, demo, login):
    login("chutich-tp")
    page = client.get(f"/units/{_unit('NG-LAEE').id}").get_data(as_text=True)
    assert "Người đứng đầu hiện nay" not in page and "Người đứng đầu cuối cùng" in page
    assert "Alăng Thị Hoa" in page and "đến 30/06/2025" in page
    heads = client.get("/dashboard/heads?period=2019").get_data(as_text=True).split('id="heads"')[1]
    assert not re.search(r"01/07/2016 – nay", heads)
    client.post("/logout")
    login("donvi-la-ee")  # the officer of the dissolved commune
    home = client.get("/").get_data(as_text=True)
    assert "Người đứng đầu hiện nay" not in home and "Đơn vị đã kết thúc hoạt động ngày 30/06/2025" in home
    assert "UBND xã La Êê" in home  # its successor is named


def test_planning_checks_the_authority_both_ways(demo):
    district_lead = db.session.scalar(select(User).where(User.username == "truongdoan"))
    city_lead = db.session.scalar(select(User).where(User.username == "truongdoan-tp"))
    city_member = db.session.scalar(select(User).where(User.username == "thanhtra-tp"))
    plan = lambda unit, day, lead, member: inspection_service.plan_inspection(  # noqa: E731
        unit=_unit(unit), inspection_date=day, announced=False, decision_number="9/QĐ-UBND",
        decision_date=day, checklist_key="one-stop-desk", lead=lead, members=[member], secretary=None, actor=lead,
        now=utcnow())
    with pytest.raises(DomainError, match="does not inspect on 10/12/2026"):  # the district ended in 2025
        plan("DN-LAEE-TTPV", date(2026, 12, 10), district_lead, district_lead)
    with pytest.raises(DomainError, match="does not inspect on 02/12/2019"):  # the city did not exist yet
        plan("NG-LAEE-MC", date(2019, 12, 2), city_lead, city_member)
    with pytest.raises(DomainError, match="does not act for"):  # the team acts for one authority
        plan("DN-LAEE-TTPV", date(2026, 12, 10), city_lead, district_lead)
    inspection = plan("DN-LAEE-TTPV", date(2026, 12, 10), city_lead, city_member)
    assert inspection.authority.code == "DN"
    db.session.rollback()


def test_the_dashboard_offers_to_conclude_only_to_the_chairman_in_charge(client, demo, login):
    login("chutich")  # the district's chairman: his authority ended on 30/06/2025
    assert "/conclude" not in client.get("/dashboard?period=2019").get_data(as_text=True)
    client.post("/logout")
    login("chutich-tp")
    assert client.get("/dashboard?period=2019").get_data(as_text=True).count("/conclude") >= 12
    client.post("/logout")
    login("chutich-la-ee")  # the city's inspections of La Êê are the city's to conclude
    assert "/conclude" not in client.get("/dashboard?period=2026").get_data(as_text=True)
