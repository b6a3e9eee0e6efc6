"""The server side of offline work: JSON 401s a tablet can act on, atomic answer versions, operations
recognised when resent (answers, photos, dossiers), the offline manifest, and the installable app."""

import hashlib
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from audit.db import db
from audit.models import Answer, Evidence, Inspection, SampledDossierRow, Unit

ROOT = Path(__file__).resolve().parents[2]


def planned_id():
    unit = db.session.scalar(select(Unit.id).where(Unit.code == "NG-LAEE-MC"))
    return db.session.scalar(select(Inspection.id).where(Inspection.unit_id == unit, Inspection.state == "planned"))


def post(client, iid, **payload):
    return client.post(f"/inspections/{iid}/answers", json=payload, headers={"Accept": "application/json"})


def stored(iid, item):
    db.session.expire_all()
    return db.session.scalar(select(Answer).where(Answer.inspection_id == iid, Answer.item_id == item))


@pytest.fixture
def inspector(client, demo, login):
    return login("thanhtra")


# ---------------------------------------------------------------- a tablet's session and token


def test_expired_session_answers_json_401_never_html(client, demo):
    response = client.post(f"/inspections/{planned_id()}/answers", json={"item_id": "A02", "value": "yes"},
                           headers={"Accept": "application/json"})
    assert response.status_code == 401 and response.is_json and response.json["status"] == "login"
    assert client.get("/auth/csrf", headers={"Accept": "application/json"}).status_code == 401


def test_stale_security_token_answers_json_401_and_a_fresh_token_works(app, demo):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert client.post("/login", data={"username": "thanhtra", "password": "NamGiang@2019",
                                       "csrf_token": token}).status_code == 302
    iid = planned_id()
    stale = client.post(f"/inspections/{iid}/answers", headers={"Accept": "application/json", "X-CSRFToken": "old"},
                        json={"op_id": "csrf-op-00001", "item_id": "A02", "value": "yes", "base_version": 0})
    assert stale.status_code == 401 and stale.is_json and stale.json["status"] == "csrf"
    assert stored(iid, "A02") is None
    fresh = client.get("/auth/csrf", headers={"Accept": "application/json"}).json["csrf_token"]
    again = client.post(f"/inspections/{iid}/answers", headers={"Accept": "application/json", "X-CSRFToken": fresh},
                        json={"op_id": "csrf-op-00001", "item_id": "A02", "value": "yes", "base_version": 0})
    assert again.status_code == 200 and stored(iid, "A02").value == "yes"


# ---------------------------------------------------------------- versions: check and write in one statement


def test_a_stale_save_that_changes_only_the_note_is_a_conflict(client, inspector):
    iid = planned_id()
    assert post(client, iid, op_id="note-op-00001", item_id="A02", value="no", note="13:40 không có ai",
                base_version=0).status_code == 200
    assert post(client, iid, op_id="note-op-00002", item_id="A02", value="no", note="đã hỏi bảo vệ",
                base_version=1).status_code == 200
    stale = post(client, iid, op_id="note-op-00003", item_id="A02", value="no", note="ghi chú khác", base_version=1)
    assert stale.status_code == 409 and stale.json["current"]["note"] == "đã hỏi bảo vệ"
    assert stored(iid, "A02").note == "đã hỏi bảo vệ" and stored(iid, "A02").version == 2


def test_the_same_answer_with_a_stale_base_stores_nothing_new(client, inspector):
    iid = planned_id()
    post(client, iid, op_id="same-op-00001", item_id="A04", value="yes", note="", base_version=0)
    post(client, iid, op_id="same-op-00002", item_id="A04", value="no", note="", base_version=1)
    again = post(client, iid, op_id="same-op-00003", item_id="A04", value="no", note="", base_version=1)
    assert again.status_code == 200 and again.json["answer"]["version"] == 2


def test_two_first_saves_of_one_item_give_one_saved_and_one_conflict(client, inspector):
    iid = planned_id()
    first = post(client, iid, op_id="first-op-0001", item_id="A05", value="yes", base_version=0)
    second = post(client, iid, op_id="first-op-0002", item_id="A05", value="no", base_version=0)
    assert (first.status_code, second.status_code) == (200, 409)
    assert second.is_json and second.json["current"]["value"] == "yes"


@pytest.mark.parametrize("value", ["150", "abc", "-2"])
def test_refused_values_answer_json_422_with_the_reason(client, inspector, value):
    response = post(client, planned_id(), op_id=f"bad-{value}-0001", item_id="A03", value=value, note="n")
    assert response.status_code == 422 and response.is_json and response.json["message"]


# ---------------------------------------------------------------- photos and dossiers sent twice


def jpeg(size=(80, 60)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "JPEG")
    return out.getvalue()


def upload(client, iid, data, **form):
    response = client.post(f"/inspections/{iid}/items/A02/photos", headers={"Accept": "application/json"},
                           data={"photo": (io.BytesIO(data), "anh.jpg"), **form}, content_type="multipart/form-data")
    response.request.environ["wsgi.input"].close()
    return response


def test_a_photo_sent_twice_is_stored_once_with_the_tablet_time(client, inspector):
    iid, data = planned_id(), jpeg()
    first = upload(client, iid, data, op_id="photo-op-0001", taken_at="2019-11-20T13:41:00+07:00")
    again = upload(client, iid, data, op_id="photo-op-0001", taken_at="2019-11-20T13:41:00+07:00")
    assert (first.json["status"], again.json["status"]) == ("saved", "duplicate")
    assert first.json["id"] == again.json["id"] and first.json["sha256"] == hashlib.sha256(data).hexdigest()
    evidence = db.session.scalar(select(Evidence).where(Evidence.op_id == "photo-op-0001"))
    assert db.session.scalar(select(func.count(Evidence.id)).where(Evidence.inspection_id == iid)) == 1
    assert evidence.taken_at.isoformat() == "2019-11-20T06:41:00+00:00"  # no EXIF: the tablet's time


def sync(client, iid, **payload):
    return client.post(f"/inspections/{iid}/dossiers/sync", json=payload, headers={"Accept": "application/json"})


def test_dossier_changes_from_a_tablet_are_recognised_when_resent(client, inspector):
    iid = planned_id()
    dossier = {"code": "000.00.22.H37-191101-0001", "field": "ho_tich", "received": "01/11/2019",
               "due": "2019-11-05", "returned": "04/11/2019", "in_register": True, "in_system": True}
    add = sync(client, iid, op_id="d-op-000001", action="add", client_id="tablet-dossier-1", dossier=dossier)
    assert add.status_code == 200 and add.json["status"] == "saved" and add.json["revision"] == 1
    again = sync(client, iid, op_id="d-op-000001", action="add", client_id="tablet-dossier-1", dossier=dossier)
    assert again.json["status"] == "duplicate" and again.json["revision"] == 1
    edit = sync(client, iid, op_id="d-op-000002", action="edit", client_id="tablet-dossier-1",
                dossier={**dossier, "code": "000.00.22.H37-191101-0002", "apology_issued": True})
    assert edit.json["dossier"]["code"].endswith("0002") and edit.json["dossier"]["apology_issued"] is True
    clash = sync(client, iid, op_id="d-op-000003", action="add", client_id="tablet-dossier-2",
                 dossier={**dossier, "code": "000.00.22.H37-191101-0002"})
    assert clash.status_code == 422 and "đã có trong mẫu" in clash.json["message"]
    bad = sync(client, iid, op_id="d-op-000004", action="add", client_id="tablet-dossier-3",
               dossier={**dossier, "received": "31/02/2019"})
    assert bad.status_code == 422 and bad.is_json
    assert sync(client, iid, op_id="d-op-000005", action="remove", client_id="tablet-dossier-1").json["status"] == "saved"
    assert sync(client, iid, op_id="d-op-000005", action="remove", client_id="tablet-dossier-1").json["status"] == \
        "duplicate"
    assert sync(client, iid, op_id="d-op-000006", action="edit", client_id="tablet-dossier-1",
                dossier=dossier).status_code == 409
    assert db.session.scalar(select(func.count(SampledDossierRow.id)).where(
        SampledDossierRow.inspection_id == iid)) == 0


def test_a_sampled_dossier_can_be_corrected_without_javascript(client, inspector):
    iid = planned_id()
    client.post(f"/inspections/{iid}/dossiers", data={"code": "H-1", "field": "ho_tich", "received_date": "01/11/2019",
                                                      "due_date": "05/11/2019", "returned_date": "06/11/2019"})
    row = db.session.scalar(select(SampledDossierRow).where(SampledDossierRow.inspection_id == iid))
    page = client.get(f"/inspections/{iid}/dossiers/{row.id}/edit").get_data(as_text=True)
    assert 'value="H-1"' in page and 'value="06/11/2019"' in page
    done = client.post(f"/inspections/{iid}/dossiers/{row.id}/edit", data={
        "code": "H-1", "field": "ho_tich", "received_date": "01/11/2019", "due_date": "05/11/2019",
        "returned_date": "04/11/2019", "in_register": "y"})
    assert done.status_code == 302
    db.session.expire_all()
    row = db.session.get(SampledDossierRow, row.id)
    assert row.returned_date.day == 4 and row.in_register


# ---------------------------------------------------------------- what a tablet stores, and the app itself


def test_the_offline_manifest_names_every_page_of_the_inspection(client, inspector):
    iid = planned_id()
    data = client.get(f"/inspections/{iid}/offline.json", headers={"Accept": "application/json"}).json
    sections = [f"/inspections/{iid}/fill/{key}" for key in "ABCDEFGHZ"]
    assert data["pages"] == [f"/inspections/{iid}", *sections, f"/inspections/{iid}/dossiers",
                             f"/inspections/{iid}/findings"]
    assert data["aliases"] == {f"/inspections/{iid}/fill": sections[0]}
    assert data["editable"] and data["inspection"]["items"] == 62 and data["sample"]["revision"] == 0


def test_the_installable_app(client, demo):
    manifest = client.get("/manifest.webmanifest")
    assert manifest.mimetype == "application/manifest+json"
    data = json.loads(manifest.get_data(as_text=True))
    assert data["display"] == "standalone" and data["start_url"] == "/" and data["short_name"] == "KTCV"
    for icon in data["icons"]:
        image = client.get(icon["src"])
        assert image.status_code == 200
        assert Image.open(io.BytesIO(image.data)).size == tuple(int(n) for n in icon["sizes"].split("x"))
        image.close()
    worker = client.get("/sw.js")
    body = worker.get_data(as_text=True)
    assert worker.mimetype == "application/javascript" and worker.headers["Service-Worker-Allowed"] == "/"
    assert 'importScripts("/static/vendor/workbox-7.4.1/workbox-sw.js")' in body
    precache = json.loads(re.search(r"precacheAndRoute\((\[.*?\])\)", body).group(1))
    urls = {entry["url"] for entry in precache}
    assert {"/static/css/app.css", "/static/js/fill.js", "/static/js/store.js", "/offline"} <= urls
    for entry in precache:
        if entry["url"].startswith("/static/"):
            content = (ROOT / "audit" / entry["url"].lstrip("/")).read_bytes()
            assert entry["revision"] == hashlib.sha256(content).hexdigest()[:16]
    with client.get("/favicon.ico") as favicon:
        assert favicon.status_code == 200 and favicon.data[:4] == b"\x00\x00\x01\x00"  # an ICO header


def test_the_offline_page_carries_no_user_data(client, demo, login):
    login("thanhtra")
    page = client.get("/offline").get_data(as_text=True)
    assert "Làm việc ngoại tuyến" in page and "Lê Minh Khoa" not in page and '"user": null' in page


def test_pages_link_the_manifest_and_icon(client, demo, login):
    login("thanhtra")
    page = client.get("/").get_data(as_text=True)
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page and 'rel="icon" href="/favicon.ico"' in page


def test_vendored_libraries_are_the_pinned_npm_files_with_their_licences():
    vendor = ROOT / "audit" / "static" / "vendor"
    result = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=vendor, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (vendor / "workbox-7.4.1" / "LICENSE").read_text().startswith("Copyright 2018 Google LLC")
    assert "ISC License" in (vendor / "idb-8.0.4" / "LICENSE").read_text()


def test_styles_and_scripts_travel_compressed_but_pages_do_not(client, demo, login):
    login("thanhtra")
    for path in ("/static/css/app.css", "/static/js/fill.js"):
        with client.get(path, headers={"Accept-Encoding": "gzip"}) as response:
            body = response.get_data()
            assert response.headers["Content-Encoding"] == "gzip", path
            assert len(body) < (ROOT / "audit" / path.lstrip("/")).stat().st_size / 2, path
    page = client.get(f"/inspections/{planned_id()}/fill/A", headers={"Accept-Encoding": "gzip, br"})
    assert "Content-Encoding" not in page.headers  # a page with the CSRF token next to typed text (BREACH)
