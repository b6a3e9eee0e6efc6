"""Minutes through the web: downloads are the stored bytes, /verify, signed scans, details, the CLI."""

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select
from sqlalchemy import text as sql_text

from audit.db import db
from audit.models import Inspection, IssuedMinutes, Unit
from audit.web.files import kept_pdfs


def finalised_laee():
    return db.session.scalar(select(Inspection).join(Unit).where(Unit.code == "NG-LAEE-MC",
                                                                 Inspection.state == "finalised"))


def test_downloads_return_the_stored_bytes(client, demo, login):
    login("chutich")
    inspection = finalised_laee()
    stored = db.session.scalar(select(IssuedMinutes).where(IssuedMinutes.inspection_id == inspection.id))
    first = client.get(f"/inspections/{inspection.id}/minutes/v1.pdf").data
    second = client.get(f"/inspections/{inspection.id}/minutes/v1.pdf").data
    assert first == second == stored.pdf
    assert hashlib.sha256(first).hexdigest() == stored.sha256


def test_verify_by_file_and_code_reveals_only_the_match(client, demo, login):
    inspection = finalised_laee()
    stored = db.session.scalar(select(IssuedMinutes).where(IssuedMinutes.inspection_id == inspection.id))
    genuine = client.post("/verify", data={"document": (io.BytesIO(stored.pdf), "bb.pdf")},
                          content_type="multipart/form-data")
    body = genuine.get_data(as_text=True)
    assert genuine.status_code == 200 and "Hợp lệ" in body
    assert f"Biên bản số {stored.number}, phiên bản 1" in body and "Bộ phận Một cửa xã La Êê" in body
    assert "05/03/2019" in body and "đang có hiệu lực" in body
    assert "Bríu Quân" not in body and "Đăng xuất" not in body  # anonymous: nothing else is shown
    changed = bytearray(stored.pdf)
    changed[len(changed) // 2] ^= 0x01
    tampered = client.post("/verify", data={"document": (io.BytesIO(bytes(changed)), "bb.pdf")},
                           content_type="multipart/form-data")
    assert tampered.status_code == 404 and "Không khớp" in tampered.get_data(as_text=True)
    by_code = client.get(f"/verify?code={stored.verification_code.lower().replace('-', '')}")
    assert by_code.status_code == 200 and "Hợp lệ" in by_code.get_data(as_text=True)
    assert client.get("/verify?code=AAAA-BBBB-CCCC").status_code == 404
    assert client.post("/verify", data={}).status_code == 422
    login("truongdoan")
    client.post(f"/inspections/{inspection.id}/minutes", data={
        "start_time": "13:40", "end_time": "16:45", "place": "Trụ sở UBND xã La Êê", "copies": "2",
        "representatives": "Ông Bríu Quân, Chủ tịch UBND xã La Êê", "comments": "Đơn vị không có ý kiến."})
    replaced = client.post(f"/inspections/{inspection.id}/minutes/issue",
                           data={"replaces_version": "1", "reason": "Sửa giờ kết thúc", "confirm": "y"})
    assert replaced.status_code == 302
    client.post("/logout")
    old = client.get(f"/verify?code={stored.verification_code}").get_data(as_text=True)
    assert "đã được thay thế" in old


def test_issue_only_when_finalised_and_by_the_lead(client, demo, login):
    planned = db.session.scalar(select(Inspection).where(Inspection.state == "planned"))
    login("truongdoan")
    assert client.post(f"/inspections/{planned.id}/minutes/issue").status_code == 409
    client.post("/logout")
    login("thanhtra")
    assert client.post(f"/inspections/{finalised_laee().id}/minutes/issue").status_code == 403
    preview = client.get(f"/inspections/{planned.id}/minutes/preview.pdf")
    assert preview.mimetype == "application/pdf" and preview.data.startswith(b"%PDF")


@pytest.mark.parametrize(
    "data, status, message",
    [
        ({"start_time": "25:00", "end_time": "26:00", "place": "x", "copies": "2"}, 422, "giờ:phút"),
        ({"start_time": "14:00", "end_time": "13:00", "place": "x", "copies": "2"}, 422, "phải sau giờ bắt đầu"),
        ({"start_time": "08:00", "end_time": "09:00", "place": "", "copies": "2"}, 422, "không được để trống"),
        ({"start_time": "08:00", "end_time": "09:00", "place": "x", "copies": "12"}, 422, "Từ 1 đến 9"),
    ],
)
def test_details_bad_input(client, demo, login, data, status, message):
    login("truongdoan")
    response = client.post(f"/inspections/{finalised_laee().id}/minutes", data=data)
    assert response.status_code == status and message in response.get_data(as_text=True)


def test_details_after_finalising_only_by_the_lead(client, demo, login):
    login("thanhtra")
    data = {"start_time": "08:00", "end_time": "09:00", "place": "Trụ sở", "copies": "3"}
    assert client.post(f"/inspections/{finalised_laee().id}/minutes", data=data).status_code == 403
    client.post("/logout")
    login("truongdoan")
    assert client.post(f"/inspections/{finalised_laee().id}/minutes", data=data).status_code == 302
    page = client.get(f"/inspections/{finalised_laee().id}/minutes").get_data(as_text=True)
    assert "lần sửa 2" in page


def scan_upload(client, inspection_id, content, name):
    response = client.post(f"/inspections/{inspection_id}/minutes/v1/signed",
                           data={"scan": (io.BytesIO(content), name)}, content_type="multipart/form-data")
    response.request.environ["wsgi.input"].close()
    return response


def test_signed_scan_is_checked_and_kept(client, demo, login):
    login("truongdoan")
    iid = finalised_laee().id
    assert scan_upload(client, iid, b"#!/bin/sh\necho pwned\n", "bien-ban.pdf").status_code == 422
    assert scan_upload(client, iid, b"PK\x03\x04zipfile", "bien-ban.jpg").status_code == 422
    image = io.BytesIO()
    Image.new("L", (200, 280), 240).save(image, "PNG")
    ok = scan_upload(client, iid, image.getvalue(), "scan.png")
    assert ok.status_code == 302
    stored = db.session.scalar(select(IssuedMinutes).where(IssuedMinutes.inspection_id == iid))
    assert stored.signed_sha256 == hashlib.sha256(image.getvalue()).hexdigest()
    assert stored.signed_content_type == "image/png"
    assert stored.signed_scan is None  # the scan is in the file store, not in the record
    assert (Path(client.application.instance_path) / "files" / stored.signed_sha256[:2] / stored.signed_sha256
            ).read_bytes() == image.getvalue()
    with client.get(f"/inspections/{iid}/minutes/v1/signed") as download:
        assert download.data == image.getvalue()
        assert download.headers["Content-Disposition"] == f"attachment; filename=bien-ban-{iid}-v1-da-ky.png"
    again = scan_upload(client, iid, b"%PDF-1.7 fake", "again.pdf")
    assert again.status_code == 422 and "đã có bản ký" in again.get_data(as_text=True)


def test_a_scan_attached_before_the_file_store_is_still_served_from_its_record(client, demo, login):
    """Scans attached by earlier releases are in the minutes' record; they stay readable as they are."""
    login("truongdoan")
    iid = finalised_laee().id
    old_scan = b"%PDF-1.4 scan of an earlier release"
    db.session.execute(sql_text(
        "UPDATE issued_minutes SET signed_scan = :data, signed_sha256 = :sha, signed_size = :size, "
        "signed_content_type = 'application/pdf' WHERE inspection_id = :iid"),
        dict(data=old_scan, sha=hashlib.sha256(old_scan).hexdigest(), size=len(old_scan), iid=iid))
    db.session.commit()
    with client.get(f"/inspections/{iid}/minutes/v1/signed") as download:
        assert download.status_code == 200 and download.data == old_scan
        assert download.mimetype == "application/pdf"


def test_cli_renders_issued_or_draft(runner, demo, tmp_path):
    inspection = finalised_laee()
    out = tmp_path / "bb.pdf"
    result = runner.invoke(args=["minutes", "render", str(inspection.id), str(out)])
    assert result.exit_code == 0 and "bản phát hành" in result.output
    stored = db.session.scalar(select(IssuedMinutes).where(IssuedMinutes.inspection_id == inspection.id))
    assert out.read_bytes() == stored.pdf
    planned = db.session.scalar(select(Inspection).where(Inspection.state == "planned"))
    draft = tmp_path / "draft.pdf"
    assert runner.invoke(args=["minutes", "render", str(planned.id), str(draft)]).exit_code == 0
    assert draft.read_bytes().startswith(b"%PDF")
    assert runner.invoke(args=["minutes", "render", "99999", str(draft)]).exit_code == 1


def test_the_preview_opened_again_is_the_kept_file_until_the_minutes_change(app, client, demo, login):
    """The team opens the preview again and again while writing: the same minutes are served from the instance's
    kept PDFs; details saved in between show in the next preview, which is a new file."""
    import pypdf

    kept = kept_pdfs(app.instance_path)
    inspection = finalised_laee()
    login("truongdoan")
    first = client.get(f"/inspections/{inspection.id}/minutes/preview.pdf")
    again = client.get(f"/inspections/{inspection.id}/minutes/preview.pdf")
    assert first.status_code == again.status_code == 200 and first.data == again.data
    assert len(list(kept.glob("*.pdf"))) == 1
    saved = client.post(f"/inspections/{inspection.id}/minutes", data={
        "start_time": "13:40", "end_time": "16:45", "place": "Nhà văn hóa thôn Pứt", "copies": "2",
        "representatives": "Ông Bríu Quân, Chủ tịch UBND xã La Êê", "comments": "Đơn vị không có ý kiến."})
    assert saved.status_code == 302
    changed = client.get(f"/inspections/{inspection.id}/minutes/preview.pdf")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(changed.data)).pages)
    assert "Nhà văn hóa thôn Pứt" in " ".join(text.split())
    assert changed.data != first.data and len(list(kept.glob("*.pdf"))) == 2
