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
