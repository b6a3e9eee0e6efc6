"""Each role's home page starts from its own work."""

import re


def test_an_inspector_sees_own_inspections_first(client, demo, login):
    login("thanhtra")
    page = client.get("/").get_data(as_text=True)
    assert 'id="my-inspections"' in page and "Cuộc kiểm tra của bạn" in page
    section = page[page.index('id="my-inspections"'):page.index("</section>", page.index('id="my-inspections"'))]
    assert "Bộ phận Một cửa xã La Êê" in section  # the planned inspection of La Êê, on the demo team
    assert re.search(r"Thành viên đoàn|Trưởng đoàn|Thư ký", section)


def test_a_unit_user_has_no_inspection_list(client, demo, login):
    login("donvi-la-ee")
    assert 'id="my-inspections"' not in client.get("/").get_data(as_text=True)


def test_each_remediation_step_says_what_it_did(client, demo, login):
    from sqlalchemy import select

    from audit.db import db
    from audit.models import Inspection, RemediationItem, Unit

    laee = db.session.scalar(select(Unit.id).where(Unit.code == "NG-LAEE-MC"))
    final = db.session.scalar(select(Inspection).where(Inspection.state == "finalised", Inspection.unit_id == laee))
    item = next(i for i in db.session.scalars(select(RemediationItem).where(RemediationItem.inspection_id == final.id))
                if i.finding.item_id == "A02")
    login("donvi-la-ee")
    page = client.post(f"/remediation/{item.id}/request_extension",
                       data={"text": "Chờ kinh phí", "new_deadline": "30/06/2030"}, follow_redirects=True)
    text = page.get_data(as_text=True)
    assert "Đã gửi đề nghị gia hạn; hạn vẫn là" in text and "Đã lưu." not in text
    client.post("/logout")
    login("chutich-tp")
    page = client.post(f"/remediation/{item.id}/set_deadline", data={"new_deadline": "31/12/2030"},
                       follow_redirects=True)
    assert "Hạn khắc phục nay là 31/12/2030." in page.get_data(as_text=True)


def test_the_chairman_in_charge_sees_what_waits_for_a_conclusion(client, demo, login):
    login("chutich-tp")  # the city, in charge of the district's open work since 01/07/2025
    page = client.get("/").get_data(as_text=True)
    assert 'id="to-conclude"' in page and "Cuộc kiểm tra chờ Chủ tịch kết luận" in page
    section = page[page.index('id="to-conclude"'):page.index("</section>", page.index('id="to-conclude"'))]
    assert "/conclude" in section and "Bộ phận Một cửa xã" in section
    client.post("/logout")
    login("chutich")  # the district's chairman concludes nothing today: the district ended
    page = client.get("/").get_data(as_text=True)
    assert "Mọi cuộc kiểm tra đã hoàn tất đều đã có thông báo kết luận." in page
