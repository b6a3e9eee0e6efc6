"""Documents as the official who signs them and the unit that keeps them: numbers from the register of
outgoing documents (never shared, even when issued at the same moment), a digital signature that pdfsig
accepts, a verification address from the configuration only, and the inspected unit's own copies."""

import io
import subprocess
import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from audit.db import db, utcnow
from audit.domain.documents import DocumentKind
from audit.domain.errors import DomainError, InvalidInput
from audit.models import Authority, Inspection, OutgoingDocument, Unit, User
from audit.services import documents as document_service
from audit.services import minutes as minutes_service


def _laee():
    return db.session.scalar(select(Inspection).join(Unit).where(Unit.code == "NG-LAEE-MC",
                                                                Inspection.state == "finalised"))


def test_twelve_documents_issued_at_the_same_moment_get_twelve_numbers(app, demo):
    authority_id = db.session.scalar(select(Authority.id).where(Authority.code == "DN"))
    db.session.commit()
    numbers, errors = [], []
    start = threading.Barrier(12)

    def issue():
        with app.app_context():
            try:
                start.wait()
                authority = db.session.get(Authority, authority_id)
                document = document_service.register(authority, DocumentKind.CONCLUSION, "Thử cấp số đồng thời",
                                                     actor=None, now=utcnow())
                db.session.commit()
                numbers.append(document.number)
            except Exception as err:  # noqa: BLE001 - reported below
                errors.append(repr(err))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=issue) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(numbers) == len(set(numbers)) == 12
    seqs = sorted(int(n.split("/")[0]) for n in numbers)
    assert seqs == list(range(seqs[0], seqs[0] + 12))  # consecutive: none skipped, none reused


def test_issued_pdfs_carry_a_signature_pdfsig_accepts(demo, tmp_path):
    from audit.models import Conclusion

    for name, pdf in (("minutes", minutes_service.current_issued(_laee()).pdf),
                      ("conclusion", db.session.scalar(select(Conclusion.pdf)))):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
        assert "Signature is Valid." in out, out
        assert "(thu nghiem)" in out  # the demo's certificate says it is for testing


def test_verify_reports_the_signer_and_a_tampered_copy(client, demo):
    issued = minutes_service.current_issued(_laee())
    page = client.post("/verify", data={"document": (io.BytesIO(issued.pdf), "bb.pdf")},
                       content_type="multipart/form-data").get_data(as_text=True)
    assert "Đã ký số bởi Ủy ban nhân dân huyện Nam Giang (thu nghiem)" in page
    assert "chữ ký số hợp lệ" in page and "không có giá trị pháp lý" in page


def test_nothing_is_issued_without_the_public_address_nor_with_blank_unit_comments(app, demo):
    inspection = _laee()
    lead = db.session.scalar(select(User).where(User.username == "truongdoan"))
    later = minutes_service.current_issued(inspection).issued_at + timedelta(days=3)
    with pytest.raises(DomainError, match="AUDIT_PUBLIC_URL"):
        minutes_service.issue(inspection, actor=lead, now=later, verify_base_url=None, replaces_version=1,
                              reason="x", confirmed=True)
    details = minutes_service.details_of(inspection)
    minutes_service.save_details(inspection, start_time=details.start_time, end_time=details.end_time,
                                 place=details.place, representatives=details.unit_representatives, comments="",
                                 copies=details.copies, actor=lead, now=later)
    with pytest.raises(InvalidInput):  # a blank comment is never printed as the unit's agreement
        minutes_service.issue(inspection, actor=lead, now=later, verify_base_url="https://ktcv.example",
                              replaces_version=1, reason="Sửa ý kiến", confirmed=True)
    db.session.rollback()


def test_the_inspected_unit_downloads_its_own_minutes_and_nothing_else(client, demo, login):
    inspection = _laee()
    login("donvi-la-ee")
    own = client.get(f"/inspections/{inspection.id}/minutes/v1.pdf")
    assert own.status_code == 200 and own.data.startswith(b"%PDF-")
    other = db.session.scalar(select(Inspection.id).join(Unit).where(Unit.code == "NG-ZUOIH-MC"))
    assert client.get(f"/inspections/{other}/minutes/v1.pdf").status_code == 404
    assert client.get(f"/inspections/{inspection.id}/fill/A").status_code == 403  # not the working file


def test_the_register_lists_each_body_s_documents_in_scope(client, demo, login):
    login("chutich-tp")
    page = client.get("/documents").get_data(as_text=True)
    assert "01/TB-UBND" in page and "Bến Giằng" in page and "01/BB-ĐKT" not in page  # the district's are not the city's
    client.post("/logout")
    login("truongdoan")
    page = client.get("/documents?year=2019").get_data(as_text=True)
    assert "01/BB-ĐKT" in page and "UBND huyện Nam Giang" in page and "Bến Giằng" not in page
    assert db.session.scalar(select(OutgoingDocument.number).where(OutgoingDocument.year == 2019)) == "01/BB-ĐKT"


def test_verify_recognises_a_signed_conclusion_notice_by_its_file(client, demo):
    from audit.models import Conclusion

    conclusion = db.session.scalar(select(Conclusion))
    page = client.post("/verify", data={"document": (io.BytesIO(conclusion.pdf), "tb.pdf")},
                       content_type="multipart/form-data")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Thông báo kết luận kiểm tra số 01/TB-UBND của UBND thành phố Đà Nẵng" in text
    assert "Đã ký số bởi Ủy ban nhân dân thành phố Đà Nẵng (thu nghiem)" in text
    changed = bytearray(conclusion.pdf)
    changed[len(changed) // 3] ^= 0x01
    assert client.post("/verify", data={"document": (io.BytesIO(bytes(changed)), "tb.pdf")},
                       content_type="multipart/form-data").status_code == 404
