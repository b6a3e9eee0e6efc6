"""Corrections of issued reports the way Decree 30 wants them, as the chairman's staff and the team lead meet
them: a replacing report has its own number and names the replaced one (which stays downloadable and marked),
asks for a reason and a confirmation, is refused when nothing changed, and a repeated click issues once."""

import io
import subprocess
from datetime import timedelta

from sqlalchemy import func, select

from audit.db import db, utcnow
from audit.domain.remediation import Action
from audit.models import Inspection, OutgoingDocument, RemediationItem, Unit, User
from audit.services import remediation as remediation_service
from audit.storage import LocalStore

NARRATIVE = {"recipient": "Ủy ban nhân dân thành phố Đà Nẵng", "assessment": "Các trung tâm phục vụ hành chính công "
             "cấp xã đã đi vào hoạt động.", "shortcomings": "Một số nơi niêm yết chưa đầy đủ.",
             "causes": "Nhân sự mới bố trí sau sắp xếp.", "recommendations": "Bổ sung công chức, tập huấn."}


def text_of(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return " ".join(out.split())


def _current(subject_part: str) -> OutgoingDocument | None:
    db.session.expire_all()
    return db.session.scalar(select(OutgoingDocument).where(OutgoingDocument.subject.contains(subject_part),
                                                            OutgoingDocument.superseded_at.is_(None)))


def test_a_period_report_is_replaced_once_with_its_own_number_and_a_reason(client, demo, login):
    login("chutich-tp")
    first = client.post("/reports/period?period=2026", data=NARRATIVE)
    assert first.status_code == 302
    issued = _current(":2026-01-01:2026-12-31")
    assert issued.narrative["causes"] == NARRATIVE["causes"]
    # the page now offers the replacement, with the text as issued to correct rather than retype
    page = client.get("/reports/period?period=2026").get_data(as_text=True)
    assert f'name="replaces_id" value="{issued.id}"' in page and "Nhân sự mới bố trí sau sắp xếp." in page
    # issuing again without naming the report in force: a conflict (another tab issued it meanwhile)
    assert client.post("/reports/period?period=2026", data=NARRATIVE).status_code == 409
    same = dict(NARRATIVE, replaces_id=issued.id, reason="Sửa lỗi chính tả", confirm="y")
    # without a reason or a confirmation: refused, nothing issued
    assert client.post("/reports/period?period=2026", data=dict(same, reason="")).status_code == 422
    assert client.post("/reports/period?period=2026", data=dict(same, confirm="")).status_code == 422
    refused = client.post("/reports/period?period=2026", data=same)  # nothing changed
    assert refused.status_code == 422 and "không có gì để thay thế" in refused.get_data(as_text=True)
    assert _current(":2026-01-01:2026-12-31").id == issued.id
    changed = dict(same, causes="Nhân sự mới bố trí sau sắp xếp; chưa được tập huấn nghiệp vụ.")
    assert client.post("/reports/period?period=2026", data=changed).status_code == 302
    # the double click: the same request again names a report already replaced
    assert client.post("/reports/period?period=2026", data=changed).status_code == 409
    new = _current(":2026-01-01:2026-12-31")
    old = db.session.get(OutgoingDocument, issued.id)
    assert new.id != issued.id and new.number != old.number and new.replaces_id == old.id
    assert old.superseded_at is not None and new.reason == "Sửa lỗi chính tả"
    assert f"Báo cáo này thay thế Báo cáo số {old.number} ngày" in text_of(new.pdf)
    assert "chưa được tập huấn nghiệp vụ" in text_of(new.pdf)
    # the replaced one stays downloadable, and the register marks it
    kept = client.get(f"/documents/{old.id}.pdf")
    assert kept.status_code == 200 and kept.data == old.pdf
    register = client.get("/documents?year=2026").get_data(as_text=True)
    assert f"Được thay thế bởi văn bản số {new.number}" in register
    assert f"Thay thế văn bản số {old.number}: Sửa lỗi chính tả" in register
    assert db.session.query(OutgoingDocument).filter(OutgoingDocument.subject == new.subject).count() == 2


def test_the_remediation_report_is_replaced_the_same_way(client, demo, login, tmp_path):
    inspection = db.session.scalar(select(Inspection).join(Unit).where(Unit.code == "NG-LAEE-MC",
                                                                      Inspection.state == "finalised"))
    item = db.session.scalar(select(RemediationItem).where(RemediationItem.inspection_id == inspection.id))
    issued = _current(f"remediation_report:{inspection.id}")
    assert issued is not None and issued.number == "02/BC-ĐKT"  # the demo's, issued in 2019
    login("truongdoan")
    page = client.get(f"/remediation/{item.id}").get_data(as_text=True)
    assert f'name="replaces_id" value="{issued.id}"' in page and "Thay thế văn bản số 02/BC-ĐKT" in page
    url = f"/inspections/{inspection.id}/remediation-report/issue"
    assert client.post(url).status_code == 409  # a report is in force: a replacement names it
    form = {"replaces_id": issued.id, "reason": "Cập nhật kết quả khắc phục đến nay", "confirm": "y"}
    assert client.post(url, data=dict(form, confirm="")).status_code == 422
    unchanged = client.post(url, data=form)  # nothing has happened since the report was issued
    assert unchanged.status_code == 409 and "không có gì để thay thế" in unchanged.get_data(as_text=True)
    # the unit reports what it did on one item: now the report has something new to say
    unit_user = db.session.scalar(select(User).where(User.username == "donvi-la-ee"))
    open_item = db.session.scalar(select(RemediationItem).where(RemediationItem.inspection_id == inspection.id,
                                                                RemediationItem.state == "open"))
    remediation_service.act(open_item, Action.RESPOND, actor=unit_user, now=utcnow(), storage=LocalStore(tmp_path),
                            text="Đã bố trí công chức trực quầy cả ngày.")
    db.session.commit()
    assert client.post(url, data=form).status_code == 302
    assert client.post(url, data=form).status_code == 409  # the repeated click
    new = _current(f"remediation_report:{inspection.id}")
    # its own entry in today's register (the city's, successor of the district): a number of 2026
    assert new.replaces_id == issued.id and (new.authority_id, new.year) != (issued.authority_id, issued.year)
    assert "Báo cáo này thay thế Báo cáo số 02/BC-ĐKT ngày 20/05/2019" in text_of(new.pdf)
    assert "Đã bố trí công chức trực quầy cả ngày." in text_of(new.pdf)
    again = client.post(url, data=dict(form, replaces_id=new.id))
    assert again.status_code == 409 and _current(f"remediation_report:{inspection.id}").id == new.id  # unchanged
    page = client.get(f"/remediation/{item.id}").get_data(as_text=True)
    assert "02/BC-ĐKT</a> <small class=\"muted\">" in page and "đã bị thay thế" in page
    # the inspected unit downloads both, the replaced one too
    client.post("/logout")
    login("donvi-la-ee")
    assert client.get(f"/documents/{issued.id}.pdf").status_code == 200
    assert client.get(f"/documents/{new.id}.pdf").status_code == 200


def test_the_chairman_replaces_a_conclusion_notice_which_stays_verifiable_and_marked(client, demo, login):
    from audit.models import Conclusion

    conclusion = db.session.scalar(select(Conclusion))  # Bến Giằng, concluded by the city chairman
    inspection_id, old_number, old_pdf = conclusion.inspection_id, conclusion.number, conclusion.pdf
    login("chutich-tp")
    page = client.get(f"/inspections/{inspection_id}/conclude").get_data(as_text=True)
    assert f'name="replaces_id" value="{conclusion.document_id}"' in page and conclusion.causes in page
    form = {"final_verdict": conclusion.final_verdict, "verdict_reason": conclusion.verdict_reason or "",
            "strengths": conclusion.strengths, "causes": conclusion.causes, "directives": conclusion.directives,
            "replaces_id": conclusion.document_id, "reason": "Bổ sung chỉ đạo về niêm yết", "confirm": "y"}
    url = f"/inspections/{inspection_id}/conclude"
    assert client.post(url, data=dict(form, replaces_id="")).status_code == 409  # already concluded
    assert client.post(url, data=form).status_code == 422  # nothing changed
    changed = dict(form, directives=conclusion.directives + "\nNiêm yết lại toàn bộ thủ tục trong 10 ngày.")
    assert client.post(url, data=dict(changed, reason="")).status_code == 422
    done = client.post(url, data=changed)
    assert done.status_code == 302, done.get_data(as_text=True).split("flash-error")[1][:400]
    assert client.post(url, data=changed).status_code == 409  # the double click
    db.session.expire_all()
    new = db.session.scalar(select(Conclusion).where(Conclusion.inspection_id == inspection_id,
                                                     Conclusion.superseded_at.is_(None)))
    old_doc = db.session.get(OutgoingDocument, new.document.replaces_id)
    old = db.session.get(Conclusion, conclusion.id)
    assert new.number != old_number and old_doc.number == old_number
    assert old.pdf == old_pdf and old.superseded_at is not None and old_doc.superseded_at is not None
    text = text_of(new.pdf)
    assert f"Thông báo này thay thế Thông báo số {old_number} ngày" in text and "Bổ sung chỉ đạo về niêm yết" in text
    assert "Niêm yết lại toàn bộ thủ tục trong 10 ngày." in text
    # the replaced notice: still downloadable from the register, and /verify says it was replaced
    assert client.get(f"/documents/{old_doc.id}.pdf").data == old_pdf
    checked = client.post("/verify", data={"document": (io.BytesIO(old_pdf), "tb.pdf")},
                          content_type="multipart/form-data").get_data(as_text=True)
    assert f"đã được thay thế bởi văn bản số {new.number}" in checked
    # the unit downloads the notice in force
    client.post("/logout")
    login("donvi-2025-ben-giang")
    assert client.get(f"/inspections/{inspection_id}/conclusion.pdf").data == new.pdf


def test_the_draft_of_a_replacing_notice_says_what_it_replaces_and_why(client, demo, login):
    from audit.models import Conclusion

    conclusion = db.session.scalar(select(Conclusion))  # Bến Giằng, concluded by the city chairman
    login("chutich-tp")
    form = {"final_verdict": conclusion.final_verdict, "verdict_reason": conclusion.verdict_reason or "",
            "strengths": conclusion.strengths, "causes": conclusion.causes,
            "directives": conclusion.directives + "\nNiêm yết lại toàn bộ thủ tục trong 10 ngày.",
            "replaces_id": conclusion.document_id}
    url = f"/inspections/{conclusion.inspection_id}/conclude/preview"
    without = client.post(url, data=form)
    assert without.status_code == 422 and "Hãy nêu lý do thay thế" in without.get_data(as_text=True)
    draft = client.post(url, data=dict(form, reason="Bổ sung chỉ đạo về niêm yết"))
    assert draft.status_code == 200
    text = text_of(draft.data)
    assert f"Thông báo này thay thế Thông báo số {conclusion.number} ngày" in text
    assert "Bổ sung chỉ đạo về niêm yết" in text
    db.session.expire_all()
    assert db.session.scalar(select(Conclusion).where(Conclusion.superseded_at.is_not(None))) is None  # nothing replaced


def test_a_report_job_run_again_after_its_worker_died_returns_the_report_it_issued(demo):
    """A job that committed its report but died before being marked done runs again: it finds that report by
    the job's id kept on it, instead of refusing it as issued meanwhile or issuing it twice; even when the
    figures changed in between (a later run would compute other content)."""
    import pytest

    from audit.domain.errors import Conflict
    from audit.domain.review import parse_period
    from audit.services import period_report
    from audit.services.units import scope_of

    chairman = db.session.scalar(select(User).where(User.username == "chutich-tp"))
    parts = dict(recipient=NARRATIVE["recipient"], narrative={k: v for k, v in NARRATIVE.items() if k != "recipient"})

    def run(request_key, **changes):
        return period_report.issue(parse_period("2026"), actor=chairman, now=utcnow() + timedelta(days=1),
                                   scope=scope_of(chairman), request_key=request_key, **{**parts, **changes})

    first = run("job-1")
    db.session.commit()
    assert first.request_key == "job-1"
    assert run("job-1", recipient="Văn phòng Chính phủ").id == first.id  # the same job again: its own report
    with pytest.raises(Conflict):  # another job (or a request) not knowing the report in force is refused
        run("job-2")
    db.session.rollback()
    with pytest.raises(Conflict):
        run(None)
    db.session.rollback()
    assert _current(":2026-01-01:2026-12-31").id == first.id
    assert db.session.scalar(select(func.count()).select_from(OutgoingDocument).where(
        OutgoingDocument.request_key.is_not(None))) == 1
