"""Route × role × unit: the executable specification of who may reach what.

Later issues add their routes to ROUTES; ``test_every_route_is_in_the_matrix`` fails until they do.

Two worlds live in the demo: the district of Nam Giang until 30/06/2025 (chutich, truongdoan, thanhtra act for
its People's Committee) and, from 01/07/2025, the city of Đà Nẵng (chutich-tp, truongdoan-tp, thanhtra-tp) and
its communes (chutich-la-ee chairs La Êê only). The city reads, as history, the district's communes and desks
that its communes succeed; the district's people never see the city's units; a commune chairman sees only
their commune. Outside one's scope a record answers 404, as if it did not exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO

import pytest
from sqlalchemy import select

from audit.db import db
from audit.models import Authority, Inspection, OutgoingDocument, RemediationItem, Unit, User

ACTORS = {
    "anonymous": None,
    "admin": "admin",
    "chairman": "chutich",
    "team_lead": "truongdoan",
    "inspector": "thanhtra",
    "unit_user": "donvi-la-ee",
    "city_chairman": "chutich-tp",
    "city_lead": "truongdoan-tp",
    "city_inspector": "thanhtra-tp",
    "commune_chairman": "chutich-la-ee",
}
STAFF = ("admin", "chairman", "team_lead", "inspector", "city_chairman", "city_lead", "city_inspector",
         "commune_chairman")
ALL_LOGGED_IN = STAFF + ("unit_user",)
DISTRICT = ("chairman", "team_lead", "inspector")  # the district's people: the city's records do not exist for them


@dataclass
class Route:
    endpoint: str
    method: str
    path: str  # may use {own}, {other}, {user}
    expect: dict
    data: dict = field(default_factory=dict)
    files: dict | None = None
    json: dict | None = None


def expect(default_logged_in: int, anonymous: int = 302, **by_actor) -> dict:
    result = {actor: default_logged_in for actor in ALL_LOGGED_IN}
    result["anonymous"] = anonymous
    result.update(by_actor)
    return result


def admin_only(success: int) -> dict:
    return expect(403, admin=success)


def staff(status: int, anonymous: int = 302) -> dict:
    """Staff who can read a district inspection get ``status`` (the district's and, as history, the city's); a
    unit user has no access to inspections at all; La Êê's chairman of today does not see the district's."""
    return expect(status, anonymous=anonymous, unit_user=403, commune_chairman=404)


def staff_write(status: int, anonymous: int = 302) -> dict:
    """A change to a district inspection: as :func:`staff`, but a chairman's role never fills, submits or
    finalises (403 once the record is in scope; La Êê's chairman still gets 404, out of scope)."""
    return expect(status, anonymous=anonymous, unit_user=403, commune_chairman=404, chairman=403, city_chairman=403)


def team(status: int, others: int, anonymous: int = 302) -> dict:
    """The inspection team (truongdoan, thanhtra) gets ``status``; staff outside it get ``others``."""
    return expect(others, anonymous=anonymous, team_lead=status, inspector=status, unit_user=403,
                  commune_chairman=404)


def city_record(status: int, *, commune: int = 404, unit_user: int = 404) -> dict:
    """A record of the city after 2025: the administrator and the city's people get ``status``; the district's
    people get 404; La Êê's chairman ``commune``; the unit user of the dissolved La Êê ``unit_user``."""
    return expect(status, unit_user=unit_user, commune_chairman=commune, **{actor: 404 for actor in DISTRICT})


def chairmen(status: int, **by_actor) -> dict:
    """The review pages: every chairman (district, city, commune) and the administrator."""
    return expect(403, **{"admin": status, "chairman": status, "city_chairman": status, "commune_chairman": status,
                          **by_actor})


CSV = ("record,code,name,kind,parent_code,valid_from,valid_to,succeeds,title\n"
       "unit,NG-TEST,Phòng Thử nghiệm,department,NG,,30/06/2025,,\n").encode()

ROUTES = [
    Route("main.health", "GET", "/health", expect(200, anonymous=200)),
    # the test databases are made from the models, not by migrations: not "ready" for a load balancer
    Route("main.ready", "GET", "/health/ready", expect(503, anonymous=503)),
    Route("auth.login", "GET", "/login", expect(302, anonymous=200)),
    Route("auth.login", "POST", "/login", expect(302, anonymous=401),
          data={"username": "admin", "password": "wrong-password"}),
    Route("auth.logout", "POST", "/logout", expect(302)),
    Route("auth.change_password", "GET", "/account/password", expect(200)),
    Route("auth.change_password", "POST", "/account/password", expect(422), data={"current": ""}),
    Route("main.home", "GET", "/", expect(200)),
    Route("units.index", "GET", "/units", expect(200)),
    Route("units.detail", "GET", "/units/{own}", expect(200, commune_chairman=404)),
    Route("units.detail", "GET", "/units/{other}", expect(200, unit_user=404, commune_chairman=404)),
    Route("units.detail", "GET", "/units/{dn_own}", city_record(200, commune=200)),
    Route("units.detail", "GET", "/units/{dn_other}", city_record(200)),
    Route("units.detail", "GET", "/units/999999", expect(404)),
    Route("units.appoint_head", "POST", "/units/{own}/heads", admin_only(302),
          data={"person_name": "Bríu Thị Ngân", "title": "Chủ tịch UBND xã", "start_date": "01/07/2021"}),
    Route("units.appoint_head", "POST", "/units/{other}/heads", admin_only(302),
          data={"person_name": "Clâu Thị Na", "title": "Chủ tịch UBND xã", "start_date": "01/07/2021"}),
    Route("admin.new_unit", "GET", "/admin/units/new", admin_only(200)),
    Route("admin.new_unit", "POST", "/admin/units/new", admin_only(302),
          data={"code": "NG-TEST", "name": "Phòng Thử nghiệm", "kind": "department", "parent_id": "{district}",
                "valid_to": "30/06/2025"}),
    Route("admin.import_units", "GET", "/admin/units/import", admin_only(200)),
    Route("admin.import_units", "POST", "/admin/units/import", admin_only(302), files={"file": CSV}),
    Route("admin.users", "GET", "/admin/users", admin_only(200)),
    Route("admin.new_user", "GET", "/admin/users/new", admin_only(200)),
    Route("admin.new_user", "POST", "/admin/users/new", admin_only(302),
          data={"username": "kiemtra2", "full_name": "Võ Thị Bình", "role": "inspector", "unit_id": "",
                "authority_id": "{dn_authority}", "honorific": "ba", "password": "Kiem-tra-2019!"}),
    Route("admin.edit_user", "GET", "/admin/users/{user}", admin_only(200)),
    Route("admin.edit_user", "GET", "/admin/users/999999", admin_only(404)),
    Route("admin.edit_user", "POST", "/admin/users/{user}", admin_only(302),
          data={"full_name": "Lê Minh Khoa", "job_title": "Chuyên viên", "role": "inspector", "unit_id": "",
                "authority_id": "{ng_authority}", "honorific": "ong"}),
    Route("admin.toggle_active", "POST", "/admin/users/{user}/active", admin_only(302)),
    Route("admin.reset_password", "POST", "/admin/users/{user}/reset-password", admin_only(200)),
    Route("checklists.index", "GET", "/checklists", expect(200)),
    Route("checklists.detail", "GET", "/checklists/one-stop-desk/v1", expect(200)),
    Route("checklists.detail", "GET", "/checklists/one-stop-desk/v9", expect(404)),
    Route("checklists.legal_index", "GET", "/checklists/legal", expect(200)),
    Route("checklists.legal_document", "GET", "/checklists/legal/ND-61/2018", expect(200)),
    Route("checklists.legal_document", "GET", "/checklists/legal/ND-999/2030", expect(404)),
    Route("static", "GET", "/static/css/app.css", expect(200, anonymous=200)),
    Route("auth.csrf_token", "GET", "/auth/csrf", expect(200, anonymous=401)),
    Route("pwa.service_worker", "GET", "/sw.js", expect(200, anonymous=200)),
    Route("pwa.manifest", "GET", "/manifest.webmanifest", expect(200, anonymous=200)),
    Route("pwa.favicon", "GET", "/favicon.ico", expect(200, anonymous=200)),
    Route("pwa.offline", "GET", "/offline", expect(200, anonymous=200)),
    # ------------------------------------------------------------ inspections
    # {insp}: the planned La Êê inspection (team: truongdoan lead, thanhtra member); {final}: a finalised one.
    Route("inspections.index", "GET", "/inspections", expect(200, unit_user=403)),  # each sees their scope
    Route("inspections.plan", "GET", "/inspections/new", expect(403, admin=200, team_lead=200, city_lead=200)),
    # a lead plans for their own authority only: the city's lead cannot choose the district's desk or team
    Route("inspections.plan", "POST", "/inspections/new", expect(403, admin=302, team_lead=302, city_lead=422),
          data={"unit_id": "{desk}", "checklist_key": "one-stop-desk", "inspection_date": "10/12/2019",
                "announced": "0", "decision_number": "301/QĐ-UBND", "decision_date": "01/12/2019",
                "lead_id": "{lead}", "member_ids": "{user}", "secretary_id": ""}),
    Route("inspections.plan", "POST", "/inspections/new", expect(403, admin=302, team_lead=422, city_lead=302),
          data={"unit_id": "{dn_desk}", "checklist_key": "one-stop-desk", "inspection_date": "10/12/2026",
                "announced": "0", "decision_number": "1601/QĐ-UBND", "decision_date": "01/12/2026",
                "lead_id": "{dn_lead}", "member_ids": "{dn_user}", "secretary_id": ""}),
    Route("inspections.summary", "GET", "/inspections/{insp}", staff(200)),
    Route("inspections.summary", "GET", "/inspections/{dn_insp}", city_record(200, commune=200, unit_user=403)),
    Route("inspections.summary", "GET", "/inspections/{dn_final}", city_record(200, unit_user=403)),
    Route("inspections.summary", "GET", "/inspections/999999", staff(404)),
    Route("inspections.fill_start", "GET", "/inspections/{insp}/fill", staff(302)),
    Route("inspections.fill_section", "GET", "/inspections/{insp}/fill/A", staff(200)),
    Route("inspections.fill_section", "GET", "/inspections/{insp}/fill/Q", staff(404)),
    Route("inspections.save_section", "POST", "/inspections/{insp}/fill/A", team(302, others=403),
          data={"value-A01": "yes", "base-A01": "0", "go": "stay"}),
    Route("inspections.save_section", "POST", "/inspections/{final}/fill/A", staff_write(409),
          data={"value-A01": "yes", "base-A01": "0", "go": "stay"}),
    Route("inspections.save_answer", "POST", "/inspections/{insp}/answers", team(200, others=403, anonymous=401),
          json={"op_id": "matrix-op-0001", "item_id": "A02", "value": "yes", "note": "", "base_version": 0}),
    Route("inspections.answers_state", "GET", "/inspections/{insp}/answers", staff(200)),
    Route("inspections.upload_photo", "POST", "/inspections/{insp}/items/A02/photos", team(302, others=403),
          files={"photo": "jpeg"}),
    Route("inspections.evidence_file", "GET", "/inspections/{insp}/evidence/999999", staff(404)),
    Route("inspections.dossiers", "GET", "/inspections/{insp}/dossiers", staff(200)),
    Route("inspections.dossiers", "POST", "/inspections/{insp}/dossiers", team(302, others=403),
          data={"code": "H-01", "field": "ho_tich", "received_date": "01/11/2019", "due_date": "05/11/2019",
                "returned_date": "05/11/2019", "in_register": "y", "in_system": "y"}),
    Route("inspections.delete_dossier", "POST", "/inspections/{insp}/dossiers/999999/delete", staff_write(404)),
    Route("inspections.edit_dossier", "GET", "/inspections/{final}/dossiers/{dossier}/edit", staff(200)),
    Route("inspections.edit_dossier", "GET", "/inspections/{insp}/dossiers/999999/edit", staff(404)),
    Route("inspections.edit_dossier", "POST", "/inspections/{final}/dossiers/{dossier}/edit", staff_write(409),
          data={"code": "H-01", "field": "ho_tich", "received_date": "01/11/2019", "due_date": "05/11/2019"}),
    Route("inspections.sync_dossier", "POST", "/inspections/{insp}/dossiers/sync", team(200, others=403, anonymous=401),
          json={"op_id": "matrix-op-0002", "action": "add", "client_id": "matrix-dossier-0001",
                "dossier": {"code": "H-02", "field": "ho_tich", "received": "01/11/2019", "due": "05/11/2019"}}),
    Route("inspections.sync_dossier", "POST", "/inspections/{final}/dossiers/sync", staff_write(409, anonymous=401),
          json={"op_id": "matrix-op-0003", "action": "remove", "client_id": "matrix-dossier-0001"}),
    Route("inspections.offline_manifest", "GET", "/inspections/{insp}/offline.json", staff(200)),
    Route("inspections.offline_manifest", "GET", "/inspections/999999/offline.json", staff(404)),
    Route("inspections.findings", "GET", "/inspections/{final}/findings", staff(200)),
    Route("inspections.sync_findings", "POST", "/inspections/{insp}/findings/sync", team(409, others=403)),
    Route("inspections.add_finding", "POST", "/inspections/{final}/findings/new", staff_write(409),
          data={"statement": "x", "severity": "low", "requirement": "y"}),
    Route("inspections.edit_finding", "GET", "/inspections/{final}/findings/{finding}", staff(200)),
    Route("inspections.edit_finding", "GET", "/inspections/{insp}/findings/{finding}", staff(404)),
    Route("inspections.edit_finding", "POST", "/inspections/{final}/findings/{finding}", staff_write(409),
          data={"statement": "x", "severity": "low", "requirement": "y"}),
    Route("inspections.drop_finding", "POST", "/inspections/{final}/findings/{finding}/drop", staff_write(409),
          data={"reason": "x"}),
    Route("inspections.restore_finding", "POST", "/inspections/{final}/findings/{finding}/restore", staff_write(409)),
    Route("inspections.submit", "POST", "/inspections/{insp}/submit", team(409, others=403)),
    Route("inspections.reopen", "POST", "/inspections/{insp}/reopen", team(409, others=403)),
    Route("inspections.finalise", "POST", "/inspections/{final}/finalise", staff_write(409)),
    # ------------------------------------------------------------ minutes ({final} has issued version 1)
    Route("minutes.index", "GET", "/inspections/{final}/minutes", staff(200)),
    Route("minutes.index", "POST", "/inspections/{final}/minutes", expect(403, team_lead=302, commune_chairman=404),
          data={"start_time": "13:40", "end_time": "16:30", "place": "Trụ sở UBND xã", "copies": "2"}),
    Route("minutes.preview", "GET", "/inspections/{final}/minutes/preview.pdf", staff(200)),
    # issued already: issuing again without naming the version it replaces is a conflict, never a second copy
    Route("minutes.issue", "POST", "/inspections/{final}/minutes/issue", expect(403, team_lead=409,
                                                                               commune_chairman=404)),
    # the inspected unit keeps copies of its own minutes; nobody else's
    Route("minutes.download", "GET", "/inspections/{final}/minutes/v1.pdf", expect(200, commune_chairman=404)),
    Route("minutes.download", "GET", "/inspections/{final_other}/minutes/v1.pdf", expect(404)),
    Route("minutes.download", "GET", "/inspections/{final}/minutes/v9.pdf", expect(404)),
    Route("minutes.upload_signed", "POST", "/inspections/{final}/minutes/v1/signed", team(302, others=403),
          files={"scan": "jpeg"}),
    Route("minutes.download_signed", "GET", "/inspections/{final}/minutes/v1/signed", expect(404)),
    Route("review.documents", "GET", "/documents", expect(200, unit_user=403)),
    Route("review.period_report", "GET", "/reports/period?period=2019",
          expect(403, chairman=200, city_chairman=200, commune_chairman=200)),
    Route("review.period_report", "POST", "/reports/period?period=2019",
          expect(403, chairman=422, city_chairman=422, commune_chairman=422), data={"recipient": ""}),
    # a period report's job: its requester only (no Redis here, so no job: 404 to every chairman)
    Route("review.period_job", "GET", "/reports/period/jobs/nojob",
          expect(403, chairman=404, city_chairman=404, commune_chairman=404)),
    # the district's 2019 year report: the district's people (the district itself is no commune's predecessor)
    Route("review.document_pdf", "GET", "/documents/{period_doc}.pdf",
          expect(404, admin=200, chairman=200, team_lead=200, inspector=200)),
    # La Êê's remediation report of 2019: its unit officer too
    Route("review.document_pdf", "GET", "/documents/{remediation_doc}.pdf", expect(200, commune_chairman=404)),
    Route("review.document_pdf", "GET", "/documents/999999.pdf", expect(404)),
    # the lead may issue; a report is in force (the demo's 02/BC-ĐKT), so a request not naming it is a conflict
    Route("remediation.issue_report", "POST", "/inspections/{final}/remediation-report/issue",
          expect(403, team_lead=409, commune_chairman=404)),
    Route("review.documents", "GET", "/documents?year=twenty", expect(400, unit_user=403)),
    Route("minutes.verify", "GET", "/verify", expect(200, anonymous=200)),
    Route("minutes.verify", "POST", "/verify", expect(422, anonymous=422)),
    # ------------------------------------------------------------ remediation
    # {ritem}: La Êê's open A02 item (donvi-la-ee's own); {rother}: an item of Zuôih; {rresp}: La Êê's
    # B05 item, responded and awaiting verification.
    Route("remediation.index", "GET", "/remediation", expect(200)),
    Route("remediation.item", "GET", "/remediation/{ritem}", expect(200, commune_chairman=404)),
    Route("remediation.item", "GET", "/remediation/{rother}", expect(200, unit_user=404, commune_chairman=404)),
    Route("remediation.item", "GET", "/remediation/{dn_ritem}", city_record(200)),
    Route("remediation.item", "GET", "/remediation/999999", expect(404)),
    Route("remediation.act", "POST", "/remediation/{ritem}/respond", expect(403, unit_user=302, commune_chairman=404),
          data={"text": "Đã bố trí lịch trực"}),
    Route("remediation.act", "POST", "/remediation/{rother}/respond", expect(403, unit_user=404, commune_chairman=404),
          data={"text": "Đoán mã số của đơn vị khác"}),
    Route("remediation.act", "POST", "/remediation/{dn_ritem}/respond", city_record(403),
          data={"text": "Đoán mã số của đơn vị khác"}),
    Route("remediation.act", "POST", "/remediation/{ritem}/accept", expect(409, unit_user=403, commune_chairman=404)),
    Route("remediation.act", "POST", "/remediation/{rresp}/accept",
          expect(403, team_lead=302, inspector=302, commune_chairman=404)),
    Route("remediation.act", "POST", "/remediation/{rresp}/return",
          expect(403, team_lead=302, inspector=302, commune_chairman=404), data={"text": "Chưa có minh chứng"}),
    Route("remediation.act", "POST", "/remediation/{ritem}/request_extension",
          expect(403, unit_user=302, commune_chairman=404), data={"text": "Chờ kinh phí", "new_deadline": "30/06/2030"}),
    Route("remediation.act", "POST", "/remediation/{ritem}/grant_extension",
          expect(403, team_lead=409, inspector=409, commune_chairman=404)),
    # the deadline is the chairman's of the authority in charge today: the city's, since the district ended
    Route("remediation.act", "POST", "/remediation/{ritem}/set_deadline",
          expect(403, team_lead=302, city_chairman=302, commune_chairman=404), data={"new_deadline": "31/12/2030"}),
    Route("remediation.act", "POST", "/remediation/{ritem}/delete", expect(404)),
    Route("remediation.download_file", "GET", "/remediation/files/999999", expect(404)),
    Route("remediation.inbox", "GET", "/inbox", expect(200)),
    Route("remediation.mark_read", "POST", "/inbox/read", expect(302)),
    Route("remediation.open_note", "GET", "/inbox/999999", expect(404)),
    Route("remediation.report", "GET", "/inspections/{final}/remediation-report.pdf", expect(200, commune_chairman=404)),
    Route("remediation.report", "GET", "/inspections/{final_other}/remediation-report.pdf",
          expect(200, unit_user=404, commune_chairman=404)),
    Route("remediation.report", "GET", "/inspections/{dn_final}/remediation-report.pdf", city_record(200)),
    # ------------------------------------------------------------ the chairman's review
    Route("review.dashboard", "GET", "/dashboard?period=2019", chairmen(200)),
    Route("review.dashboard", "GET", "/dashboard?period=nineteen", chairmen(400)),
    Route("review.heads", "GET", "/dashboard/heads", chairmen(200)),
    # a district inspection left open in 2025 is concluded by the city, in charge of the district's work
    Route("review.conclude", "GET", "/inspections/{final}/conclude", expect(403, city_chairman=200, commune_chairman=404)),
    Route("review.conclude", "POST", "/inspections/{final}/conclude", expect(403, city_chairman=302, commune_chairman=404),
          data={"directives": "Khắc phục ngay các tồn tại.", "strengths": "Công chức niềm nở.",
                "causes": "Thiếu kiểm tra, đôn đốc."}),
    # the draft of the notice: whoever may issue it, and nobody else (nothing is stored)
    Route("review.conclude_preview", "POST", "/inspections/{final}/conclude/preview",
          expect(403, city_chairman=200, commune_chairman=404),
          data={"directives": "Khắc phục ngay các tồn tại.", "strengths": "Công chức niềm nở.",
                "causes": "Thiếu kiểm tra, đôn đốc."}),
    # the city's inspection of La Êê: the city's chairman decides it, not La Êê's (nor the district's)
    Route("review.conclude", "GET", "/inspections/{dn_insp}/conclude", expect(403, chairman=404, city_chairman=200)),
    Route("review.conclusion_pdf", "GET", "/inspections/{final}/conclusion.pdf", expect(404)),
    Route("review.conclusion_pdf", "GET", "/inspections/{dn_final}/conclusion.pdf", city_record(200)),
    Route("review.statistics", "GET", "/statistics", chairmen(200)),
    # figures of the district's desk: the district's chairman imports them; the city's desks are not it
    # any chairman may upload a file: it is read as a draft, with the units of the uploader's jurisdiction only
    Route("review.statistics", "POST", "/statistics", chairmen(302),
          files={"file": b"unit_code,field,period,received,on_time,late\nNG-MC,dat_dai,2020,10,9,1\n"}),
    # a draft holds the whole file: its author's alone (the district's chairman uploaded this one)
    Route("review.statistics_import", "GET", "/statistics/imports/{stat_draft}", chairmen(404, chairman=200)),
    Route("review.statistics_mapping", "POST", "/statistics/imports/{stat_draft}/mapping",
          chairmen(404, chairman=302), data={"field:Hàng hải": "khac"}),
    Route("review.statistics_confirm", "POST", "/statistics/imports/{stat_draft}/confirm", chairmen(404, chairman=302)),
    Route("review.statistics_discard", "POST", "/statistics/imports/{stat_draft}/discard", chairmen(404, chairman=302)),
    Route("review.period_pdf", "GET", "/reports/period.pdf?period=2019", chairmen(200)),
    Route("review.period_xlsx", "GET", "/reports/period.xlsx?period=2019", chairmen(200)),
]

def _jpeg() -> bytes:
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 60)).save(out, "JPEG")
    return out.getvalue()


JPEG = _jpeg()

CASES = [
    pytest.param(route, actor, route.expect[actor], id=f"{route.method} {route.path} as {actor}")
    for route in ROUTES
    for actor in ACTORS
]


def _ids():
    code = lambda c: db.session.scalar(select(Unit.id).where(Unit.code == c))  # noqa: E731
    items = db.session.scalars(select(RemediationItem)).all()
    final = db.session.scalar(select(Inspection).where(Inspection.state == "finalised",
                                                       Inspection.unit_id == code("NG-LAEE-MC")))
    return {
        "own": code("NG-LAEE"),
        "other": code("NG-ZUOIH"),
        "district": code("NG"),
        "desk": code("NG-DACPRE-MC"),
        "user": db.session.scalar(select(User.id).where(User.username == "thanhtra")),
        "lead": db.session.scalar(select(User.id).where(User.username == "truongdoan")),
        "insp": db.session.scalar(select(Inspection.id).where(Inspection.state == "planned",
                                                              Inspection.unit_id == code("NG-LAEE-MC"))),
        "final": final.id,
        "finding": final.findings[0].id,
        "dossier": final.dossiers[0].id,
        "final_other": db.session.scalar(select(Inspection.id).where(Inspection.state == "finalised",
                                                                     Inspection.unit_id == code("NG-ZUOIH-MC"))),
        "ritem": next(i.id for i in items if i.inspection_id == final.id and i.finding.item_id == "A02"),
        "rresp": next(i.id for i in items if i.inspection_id == final.id and i.finding.item_id == "B05"),
        "rother": next(i.id for i in items if i.unit_id == code("NG-ZUOIH-MC")),
        "dn_own": code("DN-LAEE"),
        "dn_other": code("DN-BENGIANG"),
        "dn_desk": code("DN-NAMGIANG-TTPV"),
        "dn_lead": db.session.scalar(select(User.id).where(User.username == "truongdoan-tp")),
        "dn_user": db.session.scalar(select(User.id).where(User.username == "thanhtra-tp")),
        "dn_insp": db.session.scalar(select(Inspection.id).where(Inspection.unit_id == code("DN-LAEE-TTPV"))),
        "dn_final": db.session.scalar(select(Inspection.id).where(Inspection.unit_id == code("DN-BENGIANG-TTPV"))),
        "dn_ritem": next(i.id for i in items if i.unit_id == code("DN-BENGIANG-TTPV")),
        "ng_authority": db.session.scalar(select(Authority.id).where(Authority.code == "NG")),
        "period_doc": db.session.scalar(select(OutgoingDocument.id).where(OutgoingDocument.kind == "period_report")),
        "remediation_doc": db.session.scalar(select(OutgoingDocument.id).where(
            OutgoingDocument.kind == "remediation_report")),
        "dn_authority": db.session.scalar(select(Authority.id).where(Authority.code == "DN")),
        "stat_draft": _statistics_draft(),
    }


def _statistics_draft() -> int:
    from audit.services import statistics
    from tests.services.test_statistics_import import NOW, PROVINCIAL

    author = db.session.scalar(select(User).where(User.username == "chutich"))
    draft = statistics.draft(PROVINCIAL, "xuat-2020.csv", source="Cổng DVC tỉnh", period_text="2020", actor=author,
                             now=NOW)
    db.session.commit()
    return draft.id


@pytest.mark.parametrize("route, actor, status", CASES)
def test_route_role_unit(client, demo, login, route, actor, status):
    ids = _ids()
    if ACTORS[actor]:
        login(ACTORS[actor])
    path = route.path.format(**ids)
    data = {k: (v.format(**ids) if isinstance(v, str) else v) for k, v in route.data.items()}
    if route.files:
        data.update({name: (BytesIO(JPEG if content == "jpeg" else content), "upload.bin")
                     for name, content in route.files.items()})
    if route.json is not None:
        response = client.open(path, method=route.method, json=route.json,
                               headers={"Accept": "application/json"})
    else:
        response = client.open(path, method=route.method, data=data,
                               content_type="multipart/form-data" if route.files else None)
    assert response.status_code == status, response.get_data(as_text=True)[:800]
    if status == 403 and route.json is None:
        body = response.get_data(as_text=True)
        assert any(m in body for m in ("Bạn không có quyền", "Chỉ thành viên đoàn kiểm tra", "Chỉ Trưởng đoàn",
                                       "Bạn không được thực hiện bước này", "Chỉ Chủ tịch")), body
    response.close()


def test_every_route_is_in_the_matrix(app):
    covered = {(r.endpoint, r.method) for r in ROUTES}
    missing = [
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        for method in rule.methods - {"HEAD", "OPTIONS"}
        if (rule.endpoint, method) not in covered
    ]
    assert missing == []
