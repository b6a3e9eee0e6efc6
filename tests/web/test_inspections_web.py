"""The inspection pages as the team uses them: autosave, plain-form saving, photos, sample, findings, finalising."""

import io
import re

import pytest
from PIL import Image
from sqlalchemy import func, select

from audit.db import db
from audit.models import Answer, AnswerOperation, AuditLogEntry, Evidence, Inspection, SampledDossierRow, Unit
from tests.conftest import statements_sent


def planned_id():
    unit = db.session.scalar(select(Unit.id).where(Unit.code == "NG-LAEE-MC"))
    return db.session.scalar(select(Inspection.id).where(Inspection.unit_id == unit, Inspection.state == "planned"))


def answer(inspection_id, item):
    return db.session.scalar(select(Answer).where(Answer.inspection_id == inspection_id, Answer.item_id == item))


@pytest.fixture
def inspector(client, demo, login):
    return login("thanhtra")


def post_json(client, iid, **payload):
    return client.post(f"/inspections/{iid}/answers", json=payload, headers={"Accept": "application/json"})


def test_autosave_dedupes_and_detects_conflicts(client, inspector):
    iid = planned_id()
    op = {"op_id": "tablet-op-0001", "item_id": "A02", "value": "no", "note": "13:40 không có ai", "base_version": 0}
    first = post_json(client, iid, **op)
    assert first.status_code == 200 and first.json["status"] == "saved"
    assert first.json["progress"]["answered"] == 1
    again = post_json(client, iid, **op)
    assert again.status_code == 200 and again.json["status"] == "duplicate"
    assert db.session.scalar(select(func.count()).select_from(AnswerOperation)) == 1
    stale = post_json(client, iid, op_id="tablet-op-0002", item_id="A02", value="yes", base_version=0)
    assert stale.status_code == 409 and stale.json["current"]["value"] == "no"
    assert "Hãy chọn câu trả lời cần giữ" in stale.json["message"]
    assert answer(iid, "A02").value == "no"
    keep = post_json(client, iid, op_id="tablet-op-0003", item_id="A02", value="yes", base_version=1)
    assert keep.json["answer"]["version"] == 2


@pytest.mark.parametrize(
    "payload, status, fragment",
    [
        ({"item_id": "A03", "value": "150", "op_id": "op-x-000001"}, 422, "từ 0 đến 100"),
        ({"item_id": "A02", "value": "có lẽ", "op_id": "op-x-000002"}, 422, "Đạt, Không đạt"),
        ({"item_id": "Q99", "value": "yes", "op_id": "op-x-000003"}, 422, "Không có tiêu chí Q99"),
        ({"item_id": "A02", "value": True, "op_id": "op-x-000004"}, 400, "không hợp lệ"),
        ({"item_id": "A02", "value": "yes", "op_id": "short"}, 400, "không hợp lệ"),
        ({"value": "yes"}, 400, "không hợp lệ"),
    ],
)
def test_autosave_refuses_bad_answers(client, inspector, payload, status, fragment):
    iid = planned_id()
    response = post_json(client, iid, **payload)
    assert response.status_code == status
    assert fragment in response.json["message"]
    assert db.session.scalar(select(func.count()).where(Answer.inspection_id == iid)) == 0


def test_an_autosave_of_an_answered_item_takes_eight_statements(client, inspector):
    """A tablet's usual save (an item answered before, resent with the version it saw) sends eight statements:
    the user with the session; the inspection with its team; the unit tree's token (the tree, kept by the
    process, tells whether the inspector reaches its unit); the stored answer with the operation if it was applied
    before; the update; the operation; the audit log entry; the items answered (the progress it reports). Each
    read once, none per item or per member."""
    iid = planned_id()
    assert post_json(client, iid, op_id="op-count-0001", item_id="A02", value="no", base_version=0).status_code == 200
    # a context of its own: the request starts with an empty session, as in the server (not the test's)
    with statements_sent(db.engine) as captured, client.application.app_context():
        response = post_json(client, iid, op_id="op-count-0002", item_id="A02", value="yes",
                             note="14:05 đã có người", base_version=1)
    sent = [" ".join(statement.split()) for statement, _ in captured]
    assert response.status_code == 200 and response.json["status"] == "saved"
    assert response.json["answer"]["version"] == 2 and response.json["progress"]["answered"] == 1
    assert len(sent) == 8, "\n".join(s[:150] for s in sent)
    assert [s.split(" ")[0] for s in sent].count("SELECT") == 5
    assert sum(s.startswith("UPDATE answers") for s in sent) == 1
    assert sum("unit_tree_stamp" in s for s in sent) == 1  # the tree itself, kept, is not read
    assert sum(s.startswith("INSERT INTO answer_operations") for s in sent) == 1
    assert sum(s.startswith("INSERT INTO audit_log") for s in sent) == 1
    # what the statements wrote is there once committed: the answer, the operation, the audit entry
    db.session.expire_all()
    assert (answer(iid, "A02").value, answer(iid, "A02").version) == ("yes", 2)
    assert db.session.scalar(select(AnswerOperation.version).where(AnswerOperation.op_id == "op-count-0002")) == 2
    entry = db.session.scalar(select(AuditLogEntry).where(AuditLogEntry.action == "answer.save")
                              .order_by(AuditLogEntry.id.desc()))
    assert entry.target_id == iid and entry.payload["before"]["value"] == "no"
    assert entry.payload["after"] == {"value": "yes", "note": "14:05 đã có người", "version": 2}
    assert entry.payload["op_id"] == "op-count-0002"


def test_an_operation_id_sent_again_for_another_answered_item_is_refused(client, inspector):
    """Both items answered already (the save reads the answer and the operation together): an operation id that
    stored A02 cannot store B05, and B05 keeps its answer."""
    iid = planned_id()
    assert post_json(client, iid, op_id="op-reuse-0001", item_id="A02", value="no", base_version=0).status_code == 200
    assert post_json(client, iid, op_id="op-reuse-0002", item_id="B05", value="yes", base_version=0).status_code == 200
    # an empty session: the answer is read with the operation
    with statements_sent(db.engine) as sent, client.application.app_context():
        again = post_json(client, iid, op_id="op-reuse-0001", item_id="B05", value="no", base_version=1)
    assert any("answer_operations" in s and s.lstrip().startswith("SELECT answers.") for s, _ in sent), sent
    assert again.status_code == 409 and "đã được dùng cho một câu trả lời khác" in again.json["message"]
    db.session.expire_all()
    assert (answer(iid, "B05").value, answer(iid, "B05").version) == ("yes", 1)
    assert (answer(iid, "A02").value, answer(iid, "A02").version) == ("no", 1)


def test_autosave_without_login_answers_401_json(client, demo):
    response = post_json(client, planned_id(), item_id="A02", value="yes")
    assert response.status_code == 401 and response.json["status"] == "login"


def test_plain_form_saves_a_section_all_or_nothing(client, inspector):
    iid = planned_id()
    bad = client.post(f"/inspections/{iid}/fill/A", data={"value-A01": "yes", "base-A01": "0",
                                                           "value-A03": "120", "base-A03": "0", "go": "next"})
    assert bad.status_code == 422
    assert "từ 0 đến 100" in bad.get_data(as_text=True)
    assert answer(iid, "A01") is None
    ok = client.post(f"/inspections/{iid}/fill/A", data={"value-A01": "yes", "base-A01": "0", "value-A03": "80",
                                                          "base-A03": "0", "na-A07": "1", "base-A07": "0",
                                                          "note-A01": "Quyết định 12/QĐ-UBND", "go": "next"})
    assert ok.status_code == 302 and ok.headers["Location"].endswith("/fill/B")
    assert (answer(iid, "A01").value, answer(iid, "A01").note) == ("yes", "Quyết định 12/QĐ-UBND")
    assert answer(iid, "A07").value == "na"
    page = client.get(f"/inspections/{iid}/fill/A").get_data(as_text=True)
    assert 'name="value-A01" value="yes" checked' in page and 'value="80"' in page


def test_plain_form_conflict_shows_both_answers(client, demo, login):
    iid = planned_id()
    login("truongdoan")
    client.post(f"/inspections/{iid}/fill/B", data={"value-B01": "no", "base-B01": "0", "go": "stay"})
    client.post("/logout")
    login("thanhtra")
    response = client.post(f"/inspections/{iid}/fill/B", data={"value-B01": "yes", "base-B01": "0", "go": "stay"})
    body = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Trần Thị Thu Hà" in body and "thành viên khác vừa thay đổi" in body
    assert answer(iid, "B01").value == "no"
    # saving again now carries the current version: the inspector's choice wins
    assert client.post(f"/inspections/{iid}/fill/B", data={"value-B01": "yes", "base-B01": "1",
                                                           "go": "stay"}).status_code == 302
    assert answer(iid, "B01").value == "yes"


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (0, 90, 160)).save(out, "JPEG")
    return out.getvalue()


def upload(client, iid, data, name="anh.jpg", json=False):
    response = client.post(f"/inspections/{iid}/items/A02/photos", data={"photo": (io.BytesIO(data), name)},
                           content_type="multipart/form-data",
                           headers={"Accept": "application/json"} if json else {})
    response.request.environ["wsgi.input"].close()
    return response


def test_photos_upload_and_thumbnail(client, inspector):
    iid = planned_id()
    response = upload(client, iid, jpeg(), json=True)
    assert response.status_code == 200
    thumb = client.get(response.json["thumb"])
    assert thumb.status_code == 200 and thumb.mimetype == "image/jpeg"
    thumb.close()
    original = client.get(response.json["url"])
    assert original.data == jpeg()
    original.close()
    page = client.get(f"/inspections/{iid}/fill/A").get_data(as_text=True)
    assert 'capture="environment"' in page and "thumb=1" in page


@pytest.mark.parametrize("data, message", [(b"MZ\x90\x00 not an image", "không phải là ảnh"),
                                           (b"<svg onload='alert(1)'/>", "không phải là ảnh")])
def test_bad_photos_are_refused(client, inspector, data, message):
    iid = planned_id()
    response = upload(client, iid, data, name="anh.jpg")
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Evidence)) == 0


def test_photo_over_the_size_limit(client, inspector, app):
    app.config["MAX_CONTENT_LENGTH"] = 50_000
    response = upload(client, planned_id(), b"\xff\xd8" + b"0" * 60_000)
    assert response.status_code == 413


def test_dossier_sample_form(client, inspector):
    iid = planned_id()
    bad = client.post(f"/inspections/{iid}/dossiers", data={"code": "H-1", "field": "dat_dai",
                                                            "received_date": "10/11/2019", "due_date": "01/11/2019"})
    assert bad.status_code == 422 and "Ngày hẹn trả không được trước ngày tiếp nhận" in bad.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(SampledDossierRow).where(
        SampledDossierRow.inspection_id == iid)) == 0
    ok = client.post(f"/inspections/{iid}/dossiers", data={"code": "H-1", "field": "dat_dai",
                                                           "received_date": "01/11/2019", "due_date": "10/11/2019",
                                                           "returned_date": "12/11/2019", "in_system": "y"})
    assert ok.status_code == 302
    page = client.get(f"/inspections/{iid}/dossiers").get_data(as_text=True)
    assert "<strong>0 %</strong>" in page  # on time: the only dossier was late
    # one dossier proves nothing: the items that depend on the sample have no basis yet
    assert "Mẫu mới có 1 hồ sơ; cần tối thiểu 10 hồ sơ" in page
    assert answer(iid, "E10") is None
    fill = client.get(f"/inspections/{iid}/fill/E").get_data(as_text=True)
    assert "Chưa đủ căn cứ" in fill


def test_submit_finalise_and_lock(client, demo, login):
    iid = planned_id()
    login("thanhtra")
    from audit.demo_inspections import good_answers
    from audit.services.inspections import checklist_of

    inspection = db.session.get(Inspection, iid)
    values = {**good_answers(checklist_of(inspection)), "A02": "no", "A09": "no", "B05": "no"}
    for item_id, value in values.items():
        assert post_json(client, iid, op_id=f"fill-{item_id}-0001", item_id=item_id, value=value,
                         base_version=0).status_code == 200
    assert client.post(f"/inspections/{iid}/submit").status_code == 302
    assert client.post(f"/inspections/{iid}/finalise").status_code == 403  # only the lead
    client.post("/logout")
    login("truongdoan")
    summary = client.get(f"/inspections/{iid}").get_data(as_text=True)
    assert "Đề xuất đánh giá của Đoàn kiểm tra" in summary and "Hình thức" in summary
    assert "riêng vi phạm này đã dẫn đến đánh giá “Hình thức”, dù điểm số thế nào" in summary
    assert "Có trường hợp công chức đòi thêm giấy tờ, khoản tiền ngoài quy định" in summary
    assert "Alăng Thị Hoa" in summary and "Tái phạm" in summary
    findings = client.get(f"/inspections/{iid}/findings").get_data(as_text=True)
    finding_id = int(re.search(r'id="finding-(\d+)"', findings).group(1))
    edited = client.post(f"/inspections/{iid}/findings/{finding_id}", data={
        "statement": "Lúc 13 giờ 40 không có công chức trực tại quầy", "severity": "high",
        "requirement": "Phân công lịch trực, niêm yết tại quầy", "deadline": "05/12/2019"})
    assert edited.status_code == 302
    assert client.post(f"/inspections/{iid}/findings/{finding_id}/drop", data={"reason": ""}).status_code == 422
    assert client.post(f"/inspections/{iid}/finalise").status_code == 302
    final = client.get(f"/inspections/{iid}").get_data(as_text=True)
    assert "Đã kết thúc" in final
    before = answer(iid, "A02").version
    locked = post_json(client, iid, op_id="late-op-00001", item_id="A02", value="yes", base_version=before)
    assert locked.status_code == 409 and "đã kết thúc" in locked.json["message"]
    assert answer(iid, "A02").version == before
    assert client.post(f"/inspections/{iid}/reopen").status_code == 409


def test_chairman_reads_but_cannot_fill(client, demo, login):
    login("chutich")
    iid = planned_id()
    page = client.get(f"/inspections/{iid}/fill/A").get_data(as_text=True)
    assert "không thuộc đoàn kiểm tra này" in page and 'type="radio"' not in page
    listing = client.get("/inspections").get_data(as_text=True)
    assert "Bộ phận Một cửa xã La Êê" in listing and "Hình thức" in listing
