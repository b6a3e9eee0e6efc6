"""Input no real user sends — numbers too big for the database, text longer than any entry, a file larger than
the limit — gets a clear Vietnamese 4xx and changes nothing (never a 500, never half an import)."""

import pytest
from sqlalchemy import func, select

from audit.db import db
from audit.domain.inputs import MAX_COUNT, MAX_RECORD_ID, record_number
from audit.models import DossierStatistic, Inspection, OutgoingDocument, Unit
from tests.web.test_corrections_web import NARRATIVE

TWENTY_DIGITS = "9" * 20


@pytest.mark.parametrize(("raw", "expected"), [
    ("0", 0), ("17", 17), (str(MAX_RECORD_ID), MAX_RECORD_ID), (str(MAX_RECORD_ID + 1), None), (TWENTY_DIGITS, None),
    ("", None), ("-1", None), ("1e3", None), ("١٢", None), (12, 12), (2**63, None), (-1, None), (True, None),
])
def test_record_numbers_fit_the_database(raw, expected):
    assert record_number(raw) == expected


def _planned_id():
    unit = db.session.scalar(select(Unit.id).where(Unit.code == "NG-LAEE-MC"))
    return db.session.scalar(select(Inspection.id).where(Inspection.unit_id == unit, Inspection.state == "planned"))


def test_a_twenty_digit_version_from_a_tablet_is_refused(client, demo, login):
    login("thanhtra")
    iid = _planned_id()
    json_save = client.post(f"/inspections/{iid}/answers", headers={"Accept": "application/json"},
                            json={"item_id": "A02", "value": "yes", "base_version": int(TWENTY_DIGITS)})
    assert json_save.status_code == 400 and json_save.get_json()["message"] == "Dữ liệu gửi lên không hợp lệ."
    page = client.get(f"/inspections/{iid}/fill").get_data(as_text=True)
    assert page  # the form page opens
    form_save = client.post(f"/inspections/{iid}/fill/A", data={"value-A02": "yes", "base-A02": TWENTY_DIGITS})
    assert form_save.status_code == 400
    assert not [a for a in db.session.get(Inspection, iid).answers if a.item_id == "A02"]


def test_a_twenty_digit_replaced_id_or_year_is_refused(client, demo, login):
    login("chutich-tp")
    registered = db.session.scalar(select(func.count(OutgoingDocument.id)))
    issued = client.post("/reports/period?period=2026", data=dict(NARRATIVE, replaces_id=TWENTY_DIGITS))
    assert issued.status_code == 302  # no report in force yet: the id is ignored as none
    again = client.post("/reports/period?period=2026", data=dict(NARRATIVE, replaces_id=TWENTY_DIGITS, reason="x", confirm="y"))
    assert again.status_code == 409  # not the report in force
    assert db.session.scalar(select(func.count(OutgoingDocument.id))) == registered + 1
    assert client.get(f"/documents?year={TWENTY_DIGITS}").status_code == 400


def test_a_reason_longer_than_any_real_one_is_refused(client, demo, login):
    login("chutich-tp")
    assert client.post("/reports/period?period=2026", data=NARRATIVE).status_code == 302
    current = db.session.scalar(select(OutgoingDocument).where(OutgoingDocument.superseded_at.is_(None))
                                .order_by(OutgoingDocument.id.desc()))
    refused = client.post("/reports/period?period=2026", data=dict(
        NARRATIVE, causes="Khác trước", replaces_id=current.id, reason="x" * 200_000, confirm="y"))
    assert refused.status_code == 422 and "Lý do dài quá 2000 ký tự." in refused.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(OutgoingDocument, current.id).superseded_at is None


def _upload(client, content: bytes):
    # the body built here, in memory (the test client would spool a large one to a temporary file it never closes)
    boundary = "ktcv-test-boundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"thong-ke.csv\"\r\n"
            "Content-Type: text/csv\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return client.post("/statistics?period=2019", data=body,
                       content_type=f"multipart/form-data; boundary={boundary}")


def _confirm(client, upload):
    """Open the preview the upload led to and confirm it: (the preview's text, the confirmation's response)."""
    assert upload.status_code == 302, upload.get_data(as_text=True)[:500]
    page = client.get(upload.headers["Location"]).get_data(as_text=True)
    return page, client.post(upload.headers["Location"] + "/confirm")


@pytest.mark.parametrize(("value", "message"), [
    (TWENTY_DIGITS, "Tổng số nhận giải quyết (kỳ trước + mới tiếp nhận) phải nằm trong khoảng từ 0 đến 10.000.000."),
    (str(MAX_COUNT + 1), "Tổng số nhận giải quyết (kỳ trước + mới tiếp nhận) phải nằm trong khoảng từ 0 đến 10.000.000."),
    ("9" * 41, f"“{'9' * 30}” không phải là số nguyên."),
])
def test_statistics_numbers_beyond_any_real_figure_are_refused_by_line(client, demo, login, value, message):
    login("chutich")
    before = db.session.scalar(select(func.count(DossierStatistic.id)))
    content = ("unit_code,field,period,received,on_time,late\n"
               "NG-MC,dat_dai,2020,10,8,2\n"
               f"NG-MC,tu_phap,2020,{value},1,1\n").encode()
    page, confirmed = _confirm(client, _upload(client, content))
    assert message in page and '<td data-label="Dòng">3</td>' in page
    assert confirmed.status_code == 422
    assert db.session.scalar(select(func.count(DossierStatistic.id))) == before  # not even the good row
    assert client.get("/reports/period?period=2019").status_code == 200


def test_a_statistics_file_over_the_limit_is_refused_whole(client, demo, login, app):
    login("chutich")
    before = db.session.scalar(select(func.count(DossierStatistic.id)))
    limit = app.config["IMPORT_MAX_BYTES"]
    good = "unit_code,field,period,received,on_time,late\nNG-MC,dat_dai,2020,10,8,2\n"
    content = (good + "\n" * (limit - len(good) + 1)).encode()  # valid rows first, past the limit by blank lines
    response = _upload(client, content)
    assert response.status_code == 413
    assert f"Tệp lớn hơn {limit // (1024 * 1024)} MB." in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(DossierStatistic.id))) == before
    # the same rows within the limit import
    _page, confirmed = _confirm(client, _upload(client, good.encode()))
    assert confirmed.status_code == 302
    assert db.session.scalar(select(func.count(DossierStatistic.id))) == before + 1


def test_a_twenty_digit_choice_in_an_admin_form_is_refused(client, demo, login):
    login("admin")
    response = client.post("/admin/units/new", data={"code": "NG-THU", "name": "Xã Thử", "kind": "commune",
                                                     "parent_id": TWENTY_DIGITS})
    assert response.status_code in (400, 422)
    assert db.session.scalar(select(Unit).where(Unit.code == "NG-THU")) is None


def test_a_statistics_field_longer_than_the_csv_limit_is_named_by_line(client, demo, login):
    login("chutich")
    before = db.session.scalar(select(func.count(DossierStatistic.id)))
    content = ("unit_code,field,period,received,on_time,late\n"
               "NG-MC,dat_dai,2020,10,8,2\n"
               f"NG-MC,\"{'x' * 140_000}\",2020,1,1,0\n").encode()
    response = _upload(client, content)
    text = response.get_data(as_text=True)
    assert response.status_code == 422 and "Không đọc được dòng này" in text
    assert db.session.scalar(select(func.count(DossierStatistic.id))) == before


def test_the_unit_import_command_refuses_a_file_over_the_limit(runner, demo, app, tmp_path):
    from audit.models import Unit

    big = tmp_path / "don-vi.csv"
    good = "record,code,name,kind,parent_code,valid_from,valid_to,succeeds,title\nunit,NG-TEST,Phòng Thử,department,NG,,,,\n"
    big.write_text(good + "\n" * app.config["IMPORT_MAX_BYTES"])
    result = runner.invoke(args=["import-units", str(big)])
    assert result.exit_code == 1 and "Tệp lớn hơn 2 MB; không nhập gì." in result.output
    assert db.session.scalar(select(Unit).where(Unit.code == "NG-TEST")) is None
