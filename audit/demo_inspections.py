"""Demo inspections for Nam Giang: three finalised in 2019 (formal, partly substantive, substantive)
and two planned ones — La Êê in November 2019, after its chairman changed, and the La Êê public
administration service centre under Decree 118."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import select

from audit.db import db
from audit.domain.checklist import AnswerType, Checklist
from audit.domain.vndate import LOCAL_TZ
from audit.models import RemediationItem, Unit, User
from audit.services import answers as answer_service
from audit.services import inspections as inspection_service


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LOCAL_TZ)


def good_answers(checklist: Checklist) -> dict[str, str]:
    """A desk that meets every requirement (the baseline the profiles below depart from)."""
    answers = {}
    for item in checklist.items:
        if item.answer_type is AnswerType.YES_NO_NA:
            answers[item.id] = "yes"
        elif item.answer_type is AnswerType.RATING_0_2:
            answers[item.id] = "2"
        elif item.answer_type is AnswerType.PERCENTAGE:
            answers[item.id] = "100"
        elif item.answer_type is AnswerType.TEXT:
            answers[item.id] = "Bộ phận hoạt động nền nếp, công chức có mặt đầy đủ, hồ sơ được theo dõi đầy đủ."
    answers.update({"E02": "2", "E03": "2", "E06": "0", "E09": "412", "G02": "160"})
    return answers


FORMAL = {
    "A02": ("no", "Lúc 13 giờ 40 không có công chức nào tại quầy; công chức Tư pháp – Hộ tịch đang ở phòng làm việc riêng."),
    "A03": ("40", "2/5 công chức được phân công có mặt."),
    "A04": ("no", ""), "A10": ("no", "Không có sổ theo dõi giờ làm việc."),
    "B05": ("no", "Máy tính tra cứu không bật, không kết nối mạng."), "B07": ("no", ""),
    "C02": ("55", "Còn niêm yết 9 thủ tục đã bị bãi bỏ theo quyết định công bố năm 2018."),
    "C03": ("1", ""), "D08": ("no", "Người dân cho biết nộp hồ sơ đất đai trực tiếp tại phòng Địa chính."),
    "E02": ("6", ""), "E03": ("0", ""), "E07": ("70", "3 hồ sơ nhập lùi ngày trả trên hệ thống."),
    "G01": ("no", ""), "G02": ("0", "Hòm phiếu đánh giá trống."), "G05": ("no", ""), "H02": ("no", ""),
    "Z01": ("Bộ phận Một cửa tồn tại chủ yếu trên hình thức: có biển tên, có bảng niêm yết nhưng không người trực, "
            "hồ sơ tiếp nhận ngoài sổ.", ""),
}
# Formal without a critical failure: many formality signs (the index crosses 40).
FORMAL_LIGHT = {
    "A01": ("no", "Không có văn bản phân công."), "A03": ("60", ""), "A10": ("no", ""), "B05": ("no", ""),
    "B06": ("no", "Camera không hoạt động."), "B07": ("no", ""), "C01": ("no", "Bảng niêm yết cũ, khó đọc."),
    "D02": ("70", ""), "E07": ("80", ""), "F01": ("85", ""), "F03": ("60", ""), "G05": ("no", ""),
    "G06": ("no", ""), "G07": ("30", "Phần lớn kiến nghị lần trước chưa khắc phục."), "H02": ("no", ""),
    "H08": ("no", ""),
}
PARTIAL = {
    "A08": ("1", "Một số công chức trả lời cộc lốc."),
    "E01": ("88", ""), "F02": ("15", ""), "G01": ("no", "Không phát phiếu đánh giá kèm Mẫu 01."),
    "G03": ("85", ""), "H03": ("90", "1 công chức đến muộn 20 phút."),
    "A10": ("no", "Chưa có nhận xét gửi cơ quan cử công chức."), "B06": ("no", "Camera hỏng từ tháng 02/2019."),
    "G05": ("no", ""), "E07": ("90", ""), "G06": ("no", "Số liệu báo cáo quý II lệch với hệ thống."),
    "F03": ("70", ""), "C03": ("1", "Thiếu phí, lệ phí ở 3 thủ tục."),
    "Z01": ("Bộ phận hoạt động nhưng còn một số tồn tại về công khai thủ tục và lấy ý kiến người dân.", ""),
}


def _dossiers(day: date, bad: bool) -> list[dict]:
    rows = [
        ("000.00.22.H37-190205-0001", "ho_tich", (-30, -27, -27), True, True, True, False),
        ("000.00.22.H37-190207-0004", "chung_thuc", (-26, -26, -26), True, True, True, False),
        ("000.00.22.H37-190211-0009", "dat_dai", (-22, -2, 0 if bad else -4), not bad, True, not bad, False),
        ("000.00.22.H37-190212-0011", "dat_dai", (-21, -6, -3 if bad else -7), not bad, not bad, True, False),
        # still being handled: past its due date at a bad desk, not yet due at a good one
        ("000.00.22.H37-190214-0015", "xay_dung", (-19, -4 if bad else 3, None), True, True, not bad, False),
        ("000.00.22.H37-190218-0020", "ho_tich", (-15, -12, -12), True, True, True, False),
    ]
    result = []
    for code, field_, (received, due, returned), register, system, slip, apology in rows:
        result.append(dict(code=code, field=field_, received=day.fromordinal(day.toordinal() + received),
                           due=day.fromordinal(day.toordinal() + due),
                           returned=None if returned is None else day.fromordinal(day.toordinal() + returned),
                           in_register=register, in_system=system, control_slip_complete=slip, apology_issued=apology))
    return result


def _fill(inspection, profile: dict, actor: User, day: date, bad_sample: bool) -> None:
    checklist = inspection_service.checklist_of(inspection)
    answers = good_answers(checklist)
    notes = {}
    for item_id, (value, note) in profile.items():
        answers[item_id] = value
        notes[item_id] = note
    for row in _dossiers(day, bad_sample):
        answer_service.add_dossier(inspection, actor=actor, now=at(day, 9, 30), **row)
    sample_fed = {i.id for i in checklist.items if i.sample_metric}
    for item in checklist.items:
        if item.id in sample_fed and item.id not in profile:
            continue
        answer_service.save_answer(inspection, item_id=item.id, value=answers[item.id], note=notes.get(item.id, ""),
                                   base_version=None, op_id=None, actor=actor, now=at(day, 10))


def seed() -> int:
    """Create the demo inspections; returns how many."""
    unit = lambda code: db.session.scalar(select(Unit).where(Unit.code == code))  # noqa: E731
    user = lambda name: db.session.scalar(select(User).where(User.username == name))  # noqa: E731
    lead, member = user("truongdoan"), user("thanhtra")
    plans = [
        ("NG-LAEE-MC", date(2019, 3, 5), False, "45/QĐ-UBND", date(2019, 2, 25), FORMAL, True, True),
        ("NG-ZUOIH-MC", date(2019, 5, 14), True, "112/QĐ-UBND", date(2019, 5, 2), PARTIAL, False, True),
        ("NG-MC", date(2019, 6, 11), True, "140/QĐ-UBND", date(2019, 6, 3), {}, False, True),
        # The rest of the 2019 round: every commune desk inspected ("12/12 bộ phận một cửa cấp xã").
        ("NG-TAPOO-MC", date(2019, 4, 9), False, "88/QĐ-UBND", date(2019, 4, 1), FORMAL_LIGHT, True, True),
        ("NG-THANHMY-MC", date(2019, 6, 18), True, "146/QĐ-UBND", date(2019, 6, 10), {}, False, True),
        ("NG-CADY-MC", date(2019, 7, 2), True, "160/QĐ-UBND", date(2019, 6, 24), {}, False, True),
        ("NG-CHAVAL-MC", date(2019, 7, 16), False, "171/QĐ-UBND", date(2019, 7, 8), PARTIAL, False, True),
        ("NG-CHOCHUN-MC", date(2019, 8, 6), True, "190/QĐ-UBND", date(2019, 7, 29), PARTIAL, False, True),
        ("NG-DACPRE-MC", date(2019, 8, 20), False, "201/QĐ-UBND", date(2019, 8, 12), FORMAL_LIGHT, True, True),
        ("NG-DACPRING-MC", date(2019, 9, 3), True, "215/QĐ-UBND", date(2019, 8, 26), {}, False, True),
        ("NG-DACTOI-MC", date(2019, 9, 17), True, "228/QĐ-UBND", date(2019, 9, 9), PARTIAL, False, True),
        ("NG-LADEE-MC", date(2019, 10, 1), True, "240/QĐ-UBND", date(2019, 9, 23), {}, False, True),
        ("NG-TABHING-MC", date(2019, 10, 15), False, "252/QĐ-UBND", date(2019, 10, 7), PARTIAL, False, True),
        ("NG-TAPOO-MC", date(2019, 11, 5), False, "280/QĐ-UBND", date(2019, 10, 28), FORMAL_LIGHT, True, True),
        ("NG-LAEE-MC", date(2019, 11, 20), False, "298/QĐ-UBND", date(2019, 11, 12), None, False, False),
        ("DN-LAEE-TTPV", date(2026, 12, 3), True, "1520/QĐ-UBND", date(2026, 11, 20), None, False, False),
    ]
    for code, day, announced, number, decided, profile, bad_sample, finalise in plans:
        inspection = inspection_service.plan_inspection(
            unit=unit(code), inspection_date=day, announced=announced, decision_number=number, decision_date=decided,
            checklist_key="one-stop-desk", lead=lead, members=[member], secretary=None, actor=lead,
            now=at(decided, 15))
        if profile is None:
            continue
        _fill(inspection, profile, member, day, bad_sample)
        inspection_service.submit(inspection, actor=member, now=at(day, 16))
        if finalise:
            inspection_service.finalise(inspection, actor=lead, now=at(day, 16, 45))
            if code == "NG-LAEE-MC":
                _issue_minutes(inspection, lead, day)
    return len(plans)


def _issue_minutes(inspection, lead: User, day: date) -> None:
    """The March inspection of La Êê has issued minutes, as it would in real life."""
    from flask import current_app

    from audit.services import minutes as minutes_service

    minutes_service.save_details(
        inspection, start_time="13:40", end_time="16:30", place="Trụ sở UBND xã La Êê, Bộ phận Một cửa",
        representatives="Ông/Bà Bríu Quân, Chủ tịch UBND xã La Êê\nÔng/Bà Hôih Văn Ka, công chức Văn phòng – Thống kê",
        comments="Đơn vị thống nhất với kết quả kiểm tra và cam kết khắc phục trong thời hạn.", copies=2,
        actor=lead, now=at(day, 16, 30))
    minutes_service.issue(inspection, actor=lead, now=at(day, 17),
                          verify_base_url=current_app.config.get("PUBLIC_URL") or "http://127.0.0.1:5000")
    _remediation_history(inspection, day)


def _remediation_history(inspection, day: date) -> None:
    """La Êê answered two items in April 2019: one was accepted, the other waits for verification."""
    from audit.domain.remediation import Action
    from audit.services import remediation

    unit_user = db.session.scalar(select(User).where(User.username == "donvi-la-ee"))
    inspector = db.session.scalar(select(User).where(User.username == "thanhtra"))
    items = {item.finding.item_id: item for item in db.session.scalars(
        select(RemediationItem).where(RemediationItem.inspection_id == inspection.id))}
    later = day.fromordinal(day.toordinal() + 10)
    remediation.act(items["A04"], Action.RESPOND, actor=unit_user, now=at(later, 9),
                    text="Đã cấp thẻ công chức cho 5 công chức; công chức đeo thẻ khi làm việc tại quầy.")
    remediation.act(items["A04"], Action.ACCEPT, actor=inspector, now=at(later, 15),
                    text="Đã kiểm tra lại trực tiếp tại quầy.")
    remediation.act(items["B05"], Action.RESPOND, actor=unit_user, now=at(later, 10),
                    text="Đã sửa máy tính tra cứu, kết nối mạng ổn định.")
