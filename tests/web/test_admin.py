"""Admin pages: appointing heads, units, accounts and the CSV import — good and bad input."""

from io import BytesIO

import pytest
from sqlalchemy import func, select

from audit.db import db
from audit.models import AuditLogEntry, HeadTenure, Unit, User

HEADER = "record,code,name,kind,parent_code,valid_from,valid_to,succeeds,title\n"


@pytest.fixture
def admin(client, demo, login):
    return login("admin")


def unit_id(code):
    return db.session.scalar(select(Unit.id).where(Unit.code == code))


def count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_unit_page_answers_who_headed_on_a_date(client, demo, login):
    login("chutich")
    body = client.get(f"/units/{unit_id('NG-LAEE')}?on=2019-08-14").get_data(as_text=True)
    assert "Ngày 14/08/2019:" in body and "<strong>Bríu Quân</strong>" in body
    body = client.get(f"/units/{unit_id('NG-LAEE')}?on=15/08/2019").get_data(as_text=True)
    assert "<strong>Alăng Thị Hoa</strong>" in body
    assert "UBND xã La Êê" in body and "Được kế thừa bởi" in body
    bad = client.get(f"/units/{unit_id('NG-LAEE')}?on=32/13/2019")
    assert bad.status_code == 400 and "Ngày không hợp lệ" in bad.get_data(as_text=True)


def test_unit_tree_filters_by_date(client, demo, login):
    login("admin")  # the administrator sees every unit; a chairman only their authority's
    body_2019 = client.get("/units?on=2019-05-01&kind=commune").get_data(as_text=True)
    body_2026 = client.get("/units?on=2026-01-01&kind=commune").get_data(as_text=True)
    assert "UBND xã Zuôih" in body_2019 and "UBND xã Bến Giằng" not in body_2019
    assert "UBND xã Bến Giằng" in body_2026 and "UBND xã Zuôih" not in body_2026
    assert client.get("/units?on=hôm-qua").status_code == 400


def test_unit_tree_shows_head_history(client, demo, login):
    login("chutich")
    body = client.get("/units").get_data(as_text=True)
    assert "Lịch sử người đứng đầu (2)" in body
    assert "Bríu Quân — 01/07/2016 – 14/08/2019" in body


def test_unit_user_sees_only_own_unit_in_tree(client, demo, login):
    login("donvi-la-ee")
    body = client.get("/units").get_data(as_text=True)
    assert "UBND xã La Êê" in body and "Bộ phận Một cửa xã La Êê" in body
    assert "UBND xã Zuôih" not in body and "UBND huyện Nam Giang" not in body


def test_appoint_head_then_overlap_is_refused_and_nothing_saved(client, admin):
    url = f"/units/{unit_id('NG-ZUOIH')}/heads"
    ok = client.post(url, data={"person_name": "Clâu Thị Na", "title": "Chủ tịch UBND xã", "start_date": "2021-07-01"})
    assert ok.status_code == 302
    tenures_before = count(HeadTenure)
    clash = client.post(url, data={"person_name": "Zơrâm A", "title": "Chủ tịch UBND xã",
                                   "start_date": "01/01/2019", "end_date": "31/12/2019"})
    body = clash.get_data(as_text=True)
    assert clash.status_code == 409
    assert "trùng với thời gian của ông/bà Clâu Blao" in body or "Pơloong Thị Dếch" in body
    assert count(HeadTenure) == tenures_before


@pytest.mark.parametrize(
    "data, message",
    [
        ({"person_name": "", "title": "", "start_date": ""}, "Mục này không được để trống"),
        ({"person_name": "x" * 201, "title": "t", "start_date": "01/01/2020"}, "Tối đa 200 ký tự"),
        ({"person_name": "A", "title": "t", "start_date": "30/02/2020"}, "Ngày không hợp lệ"),
        ({"person_name": "A", "title": "t", "start_date": "01/01/2030", "end_date": "01/01/2029"},
         "Ngày kết thúc không được trước ngày bắt đầu"),
    ],
)
def test_appoint_head_bad_input(client, admin, data, message):
    before = count(HeadTenure)
    response = client.post(f"/units/{unit_id('NG-LAEE')}/heads", data=data)
    assert response.status_code in (409, 422)
    assert message in response.get_data(as_text=True)
    assert count(HeadTenure) == before


def test_create_unit_and_bad_unit_input(client, admin):
    before = count(Unit)
    ok = client.post("/admin/units/new", data={"code": "NG-THU", "name": "Phòng Thử", "kind": "department",
                                               "parent_id": str(unit_id("NG")), "valid_to": "30/06/2025"})
    assert ok.status_code == 302 and count(Unit) == before + 1
    for data, status, message in [
        ({"code": "NG-THU", "name": "x", "kind": "department", "parent_id": str(unit_id("NG")),
          "valid_to": "30/06/2025"}, 409, "đã tồn tại"),
        ({"code": "NG-X", "name": "x", "kind": "commune_desk", "parent_id": str(unit_id("NG")),
          "valid_to": "30/06/2025"}, 409, "không thể trực thuộc"),
        ({"code": "NG-X", "name": "x", "kind": "planet", "parent_id": ""}, 422, "Not a valid choice"),
        ({"code": "NG-X", "name": "x", "kind": "department", "parent_id": "999999"}, 422, ""),
    ]:
        response = client.post("/admin/units/new", data=data)
        assert response.status_code == status, data
        assert message in response.get_data(as_text=True)
    assert count(Unit) == before + 1


def test_user_lifecycle(client, admin):
    ok = client.post("/admin/users/new", data={"username": "Kiemtra2", "full_name": "Võ Thị Bình",
                                               "role": "unit_user", "unit_id": str(unit_id("NG-CADY")),
                                               "password": "Kiem-tra-2019!"})
    assert ok.status_code == 302
    user = db.session.scalar(select(User).where(User.username == "kiemtra2"))
    assert user.unit.code == "NG-CADY" and user.must_change_password
    dup = client.post("/admin/users/new", data={"username": "kiemtra2", "full_name": "x", "role": "inspector",
                                                "unit_id": "", "password": "Kiem-tra-2019!"})
    assert dup.status_code == 422 and "đã được sử dụng" in dup.get_data(as_text=True)
    no_unit = client.post(f"/admin/users/{user.id}", data={"full_name": "x", "role": "unit_user", "unit_id": ""})
    assert no_unit.status_code == 422 and "phải thuộc một đơn vị" in no_unit.get_data(as_text=True)
    assert client.post(f"/admin/users/{user.id}/active").status_code == 302
    db.session.refresh(user)
    assert not user.active
    actions = db.session.scalars(select(AuditLogEntry.action).where(AuditLogEntry.target_id == user.id,
                                                                   AuditLogEntry.target_type == "user")).all()
    assert actions == ["user.create", "user.deactivate"]


def test_admin_cannot_lock_themself_out(client, admin):
    me = db.session.scalar(select(User.id).where(User.username == "admin"))
    response = client.post(f"/admin/users/{me}/active")
    assert response.status_code == 409 and "tự khóa" in response.get_data(as_text=True)
    response = client.post(f"/admin/users/{me}", data={"full_name": "x", "role": "chairman", "unit_id": ""})
    assert response.status_code == 422 and "quyền quản trị" in response.get_data(as_text=True)
    assert db.session.get(User, me).active and db.session.get(User, me).role == "admin"


def upload(client, content: bytes, name="donvi.csv"):
    response = client.post("/admin/units/import", data={"file": (BytesIO(content), name)},
                           content_type="multipart/form-data")
    # The test client spools large bodies to a temporary file that it never closes itself.
    response.request.environ["wsgi.input"].close()
    return response


def test_import_lists_every_bad_row_and_imports_nothing(client, admin):
    before = (count(Unit), count(HeadTenure))
    csv = (HEADER +
           "unit,NG-MOI,UBND xã Mới,commune,NG,,30/06/2025,,\n"
           "unit,NG-SAI,UBND xã Sai,commune,NG-KHONG,,30/06/2025,,\n"
           "unit,NG-NGAY,UBND xã Ngày,commune,NG,31/02/2019,30/06/2025,,\n"
           "head,NG-LAEE,Trùng Lặp,,,01/01/2018,31/12/2018,,Chủ tịch UBND xã\n").encode()
    response = upload(client, csv)
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "chưa có dữ liệu nào được nhập" in body
    for row, text in [(3, "NG-KHONG"), (4, "31/02/2019"), (5, "Bríu Quân")]:
        assert f"<td>{row}</td><td>" in body and text in body
    assert (count(Unit), count(HeadTenure)) == before


@pytest.mark.parametrize(
    "content, status, message",
    [
        ((HEADER + "unit,NG-X,UBND xã Chà Vàl,commune,NG,,30/06/2025,,\n").encode("utf-16"), 422, "UTF-8"),
        (b"", 422, "Tệp trống"),
        (b"x" * (2 * 1024 * 1024 + 10), 413, "lớn hơn 2 MB"),
        (b"code;name\nA;B\n", 422, "Thiếu cột"),
    ],
)
def test_import_bad_files(client, admin, content, status, message):
    before = count(Unit)
    response = upload(client, content)
    assert response.status_code == status
    assert message in response.get_data(as_text=True)
    assert count(Unit) == before


def test_import_without_a_file(client, admin):
    response = client.post("/admin/units/import", data={}, content_type="multipart/form-data")
    assert response.status_code == 422 and "Hãy chọn một tệp" in response.get_data(as_text=True)


def test_import_good_file_from_excel(client, admin):
    csv = ("\ufeffrecord;code;name;kind;parent_code;valid_from;valid_to;succeeds;title\n"
           "unit;NG-MOI;UBND xã Mới;commune;NG;;30/06/2025;;\n"
           "unit;NG-MOI-MC;Bộ phận Một cửa xã Mới;commune_desk;NG-MOI;;30/06/2025;;\n"
           "head;NG-MOI;Bhling Thị Vân;;;01/01/2019;;;Chủ tịch UBND xã\n").encode("utf-8")
    response = upload(client, csv)
    assert response.status_code == 302
    page = client.get("/units?q=xa moi").get_data(as_text=True)  # found by a search without diacritics
    assert "Đã nhập 2 đơn vị và 1 người đứng đầu." in page
    assert "Bộ phận Một cửa xã Mới" in page


def test_request_too_large_is_refused(client, admin, app):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = upload(client, b"x" * 5000)
    assert response.status_code == 413 and "Tệp quá lớn" in response.get_data(as_text=True)
