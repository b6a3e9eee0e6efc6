"""Demo inspections for Nam Giang: the 2019 round (formal, partly substantive, weak, substantive desks)
and two planned ones — La Êê in November 2019, after its chairman changed, and the La Êê public
administration service centre under Decree 118."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import select

from audit.db import db
from audit.domain.checklist import AnswerType, Checklist
from audit.domain.inspections import State
from audit.domain.vndate import LOCAL_TZ
from audit.models import Inspection, RemediationItem, Unit, User
from audit.services import answers as answer_service
from audit.services import inspections as inspection_service
from audit.services import sample as sample_service


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
    # Two dossiers were late in the period, each with its apology letter; 160 ratings on 412 dossiers.
    answers.update({"E01": "99.5", "E02": "2", "E03": "2", "E04": "100", "E06": "0", "E09": "412", "G02": "160"})
    if checklist.has_item("F07"):  # from 01/07/2026: the Centre's score on the national portal, out of 100
        answers["F07"] = "91"
    return answers


FORMAL = {
    "A02": ("no", "Lúc 13 giờ 40 không có công chức nào tại quầy; công chức Tư pháp – Hộ tịch đang ở phòng làm việc riêng."),
    "A03": ("40", "2/5 công chức được phân công có mặt."),
    "A04": ("no", ""), "A10": ("no", "Không có sổ theo dõi giờ làm việc."),
    "B05": ("no", "Máy tính tra cứu không bật, không kết nối mạng."), "B07": ("no", ""),
    "C02": ("55", "Còn niêm yết 9 thủ tục đã bị bãi bỏ theo quyết định công bố năm 2018."),
    "C03": ("1", ""), "D08": ("no", "Người dân cho biết nộp hồ sơ đất đai trực tiếp tại phòng Địa chính."),
    "E02": ("6", ""), "E03": ("0", ""), "E04": ("0", "6 hồ sơ quá hạn, không có phiếu xin lỗi nào."),
    "E07": ("70", "3 hồ sơ nhập lùi ngày trả trên hệ thống."),
    "G01": ("no", ""), "G02": ("0", "Hòm phiếu đánh giá trống."), "G05": ("no", ""), "H02": ("no", ""),
    "Z01": ("Bộ phận Một cửa tồn tại chủ yếu trên hình thức: có biển tên, có bảng niêm yết nhưng không người trực, "
            "hồ sơ tiếp nhận ngoài sổ.", ""),
}
# Formal without an integrity failure: equipment, figures and earlier recommendations for show (7 points).
FORMAL_LIGHT = {
    "A01": ("no", "Không có văn bản phân công."), "A03": ("60", ""), "A10": ("no", ""), "B05": ("no", ""),
    "B06": ("no", "Camera không hoạt động."), "B07": ("no", ""), "C01": ("no", "Bảng niêm yết cũ, khó đọc."),
    "D02": ("70", ""), "F01": ("85", ""), "F03": ("60", ""), "G05": ("no", ""),
    "G06": ("no", ""), "G07": ("30", "Phần lớn kiến nghị lần trước chưa khắc phục."), "H02": ("no", ""),
    "H08": ("no", ""),
}
PARTIAL = {
    "A08": ("1", "Một số công chức trả lời cộc lốc."),
    "E01": ("88", ""), "F02": ("15", ""), "G01": ("no", "Không phát phiếu đánh giá kèm Mẫu 01."),
    "G03": ("85", ""), "H03": ("90", "1 công chức đến muộn 20 phút."),
    "A10": ("no", "Chưa có nhận xét gửi cơ quan cử công chức."), "B06": ("no", "Camera hỏng từ tháng 02/2019."),
    "G05": ("no", ""), "G06": ("no", "Số liệu báo cáo quý II lệch với hệ thống."),
    "F03": ("70", ""), "C03": ("1", "Thiếu phí, lệ phí ở 3 thủ tục."),
    "Z01": ("Bộ phận hoạt động nhưng còn một số tồn tại về công khai thủ tục và lấy ý kiến người dân.", ""),
}
# Slow but honest: many shortcomings and late dossiers, every one recorded and apologised for.
WEAK = {
    "A03": ("60", "3/5 công chức có mặt; 2 người đi hỗ trợ thôn, có lịch công tác."), "A04": ("no", ""),
    "A05": ("no", ""), "A08": ("0", "Công chức hướng dẫn qua loa, người dân phải hỏi lại nhiều lần."),
    "B02": ("0", "Phòng chật, người dân đứng chờ ngoài hiên."), "B03": ("no", ""), "B04": ("no", ""), "B08": ("no", ""),
    "C03": ("0", ""), "C04": ("no", ""), "C05": ("no", ""), "D02": ("60", ""), "D03": ("no", ""),
    "E01": ("58", "Theo số liệu hệ thống."), "E02": ("31", ""), "E03": ("31", ""), "E05": ("no", ""),
    "E06": ("7", ""), "E08": ("40", ""), "F02": ("0", ""), "F04": ("0", ""), "G01": ("no", ""), "G03": ("60", ""),
    "G04": ("50", ""), "G05": ("no", ""), "H01": ("no", ""), "H02": ("no", ""), "H03": ("70", ""), "H04": ("no", ""),
    "H07": ("0", ""), "B01": ("no", "Không có biển chỉ dẫn từ đường vào."), "C01": ("no", ""),
    "A06": ("no", "Công chức Địa chính mới tuyển dụng, chưa đủ thời gian công tác."), "A10": ("no", ""),
    "H08": ("no", ""), "D09": ("no", "Biên lai không ghi ngày."), "H06": ("no", ""),
    "G07": ("na", "Lần kiểm tra đầu tiên."),
    "Z01": ("Bộ phận hoạt động thật, ghi chép trung thực nhưng còn yếu về cơ sở vật chất, thái độ và thời hạn.", ""),
}

GOOD_SAMPLE, FORMAL_SAMPLE, WEAK_SAMPLE = "good", "formal", "weak"


def _dossiers(day: date, kind: str) -> list[dict]:
    """Twelve sampled dossiers (the checklist asks for at least ten)."""
    fields = ["ho_tich", "chung_thuc", "dat_dai", "dat_dai", "xay_dung", "ho_tich", "chung_thuc", "ho_tich",
              "bao_tro_xa_hoi", "chung_thuc", "dat_dai", "ho_tich"]
    rows = []
    for n, field_ in enumerate(fields):
        received = -60 + 4 * n
        due = received + (10 if field_ in ("dat_dai", "xay_dung") else 3)
        returned, register, system, slip, apology = due - 1, True, True, True, False
        if kind == FORMAL_SAMPLE and n in (2, 3, 4, 7, 10):  # late, no apology; some outside the register
            returned, apology = due + 6, False
            register = system = n not in (2, 3, 10)
            slip = n in (4,)
        if kind == WEAK_SAMPLE and n in (2, 3, 4, 8, 10):  # late, but recorded and apologised for
            returned, apology = due + 5, True
        rows.append(dict(code=f"000.00.22.H37-{(day.toordinal() + received) % 1000000:06d}-{n + 1:04d}", field=field_,
                         received=day.fromordinal(day.toordinal() + received),
                         due=day.fromordinal(day.toordinal() + due),
                         returned=day.fromordinal(day.toordinal() + returned), in_register=register,
                         in_system=system, control_slip_complete=slip, apology_issued=apology))
    return rows


def _fill(inspection, profile: dict, actor: User, day: date, sample_kind: str) -> None:
    checklist = inspection_service.checklist_of(inspection)
    answers = good_answers(checklist)
    notes = {}
    for item_id, (value, note) in profile.items():
        answers[item_id] = value
        notes[item_id] = note
    for row in _dossiers(day, sample_kind):
        sample_service.add_dossier(inspection, actor=actor, now=at(day, 9, 30), **row)
    # The sample answers the items that depend on it; the inspector answers E04 by hand from E02 and E03
    # (the sample's own late dossiers need not be the ones the period had).
    sample_fed = {i.id for i in checklist.items if i.sample_metric} - {"E04"}
    for item in checklist.items:
        if item.id in sample_fed and item.id not in profile:
            continue
        answer_service.save_answer(inspection, item_id=item.id, value=answers[item.id], note=notes.get(item.id, ""),
                                   base_version=None, op_id=None, actor=actor, now=at(day, 10))


def seed() -> int:
    """Create the demo inspections; returns how many."""
    unit = lambda code: db.session.scalar(select(Unit).where(Unit.code == code))  # noqa: E731
    user = lambda name: db.session.scalar(select(User).where(User.username == name))  # noqa: E731
    teams = {"NG": (user("truongdoan"), user("thanhtra")), "DN": (user("truongdoan-tp"), user("thanhtra-tp"))}
    secretaries = {"NG": user("thuky"), "DN": user("thuky-tp")}
    # the year's inspection plans of the district (2019) and of the city (2026) the inspections carry out
    plans_of = {"NG": ("12/KH-UBND", date(2019, 1, 15)), "DN": ("245/KH-UBND", date(2026, 9, 25))}
    good, formal, weak = GOOD_SAMPLE, FORMAL_SAMPLE, WEAK_SAMPLE
    plans = [
        ("NG-LAEE-MC", date(2019, 3, 5), False, "45/QĐ-UBND", date(2019, 2, 25), FORMAL, formal, True),
        ("NG-ZUOIH-MC", date(2019, 5, 14), True, "112/QĐ-UBND", date(2019, 5, 2), PARTIAL, good, True),
        ("NG-MC", date(2019, 6, 11), True, "140/QĐ-UBND", date(2019, 6, 3), {}, good, True),
        # The rest of the 2019 round: every commune desk inspected ("12/12 bộ phận một cửa cấp xã").
        ("NG-TAPOO-MC", date(2019, 4, 9), False, "88/QĐ-UBND", date(2019, 4, 1), FORMAL_LIGHT, good, True),
        ("NG-THANHMY-MC", date(2019, 6, 18), True, "146/QĐ-UBND", date(2019, 6, 10), {}, good, True),
        ("NG-CADY-MC", date(2019, 7, 2), True, "160/QĐ-UBND", date(2019, 6, 24), {}, good, True),
        ("NG-CHAVAL-MC", date(2019, 7, 16), False, "171/QĐ-UBND", date(2019, 7, 8), WEAK, weak, True),
        ("NG-CHOCHUN-MC", date(2019, 8, 6), True, "190/QĐ-UBND", date(2019, 7, 29), PARTIAL, good, True),
        ("NG-DACPRE-MC", date(2019, 8, 20), False, "201/QĐ-UBND", date(2019, 8, 12), FORMAL_LIGHT, good, True),
        ("NG-DACPRING-MC", date(2019, 9, 3), True, "215/QĐ-UBND", date(2019, 8, 26), {}, good, True),
        ("NG-DACTOI-MC", date(2019, 9, 17), True, "228/QĐ-UBND", date(2019, 9, 9), PARTIAL, good, True),
        ("NG-LADEE-MC", date(2019, 10, 1), True, "240/QĐ-UBND", date(2019, 9, 23), {}, good, True),
        ("NG-TABHING-MC", date(2019, 10, 15), False, "252/QĐ-UBND", date(2019, 10, 7), PARTIAL, good, True),
        ("NG-TAPOO-MC", date(2019, 11, 5), False, "280/QĐ-UBND", date(2019, 10, 28), FORMAL_LIGHT, good, True),
        ("NG-LAEE-MC", date(2019, 11, 20), False, "298/QĐ-UBND", date(2019, 11, 12), None, good, False),
        # After the reform: the city's Department of Home Affairs inspects the commune Centres.
        ("DN-BENGIANG-TTPV", date(2026, 10, 14), False, "1391/QĐ-UBND", date(2026, 10, 6), FORMAL_LIGHT, good, True),
        ("DN-NAMGIANG-TTPV", date(2026, 11, 4), True, "1455/QĐ-UBND", date(2026, 10, 27), PARTIAL, good, True),
        ("DN-LAEE-TTPV", date(2026, 12, 3), True, "1520/QĐ-UBND", date(2026, 11, 20), None, good, False),
    ]
    for code, day, announced, number, decided, profile, sample_kind, finalise in plans:
        body = "DN" if code.startswith("DN-") else "NG"
        lead, member = teams[body]
        plan_number, plan_date = plans_of[body]
        inspection = inspection_service.plan_inspection(
            unit=unit(code), inspection_date=day, announced=announced, decision_number=number, decision_date=decided,
            plan_number=plan_number, plan_date=plan_date, checklist_key="one-stop-desk", lead=lead, members=[member],
            secretary=secretaries[body], actor=lead, now=at(decided, 15))
        if profile is None:
            continue
        _fill(inspection, profile, member, day, sample_kind)
        inspection_service.submit(inspection, actor=member, now=at(day, 16))
        if finalise:
            inspection_service.finalise(inspection, actor=lead, now=at(day, 16, 45))
            if code == "NG-LAEE-MC":
                _issue_minutes(inspection, lead, day)
            if code == "DN-BENGIANG-TTPV":
                _conclude(inspection, day)
    _issue_reports(teams["NG"][0], user("chutich"))
    return len(plans)


def _issue_reports(lead: User, chairman: User) -> None:
    """The 2019 paperwork as it was issued: La Êê's remediation report (May) and the district's year report."""
    from audit.domain.review import parse_period
    from audit.services import period_report, remediation_report

    laee = db.session.scalar(select(Inspection).join(Unit).where(Unit.code == "NG-LAEE-MC",
                                                                 Inspection.state == State.FINALISED))
    remediation_report.issue(laee, actor=lead, now=at(date(2019, 5, 20), 9))
    period_report.issue(parse_period("2019"), actor=chairman, now=at(date(2019, 12, 20), 9), scope=None,
                        recipient="Ủy ban nhân dân tỉnh Quảng Nam",
                        narrative={
                            "assessment": "Năm 2019, Ủy ban nhân dân huyện kiểm tra đột xuất và theo kế hoạch toàn bộ "
                                          "13 bộ phận một cửa; phần lớn bộ phận hoạt động nền nếp.",
                            "shortcomings": "Một số bộ phận một cửa cấp xã hoạt động hình thức: không có công chức trực "
                                            "tại quầy, hồ sơ giải quyết ngoài bộ phận một cửa, số liệu báo cáo cao hơn "
                                            "kết quả đối chiếu mẫu hồ sơ.",
                            "causes": "Người đứng đầu một số xã chưa quan tâm chỉ đạo; bố trí công chức kiêm nhiệm, "
                                      "chưa có người dự phòng; trang thiết bị xuống cấp.",
                            "recommendations": "Chủ tịch UBND các xã chấn chỉnh ngay các tồn tại; Phòng Nội vụ kiểm tra "
                                               "lại các đơn vị bị đánh giá hình thức trong quý I năm 2020.",
                        })


def _conclude(inspection, day: date) -> None:
    """The city chairman concluded the October 2026 inspection of Bến Giằng two weeks later."""
    from audit.services import conclusions

    chairman = db.session.scalar(select(User).where(User.username == "chutich-tp"))
    conclusions.conclude(
        inspection, directives="Chủ tịch UBND xã Bến Giằng chỉ đạo Trung tâm khắc phục các tồn tại nêu trên, báo cáo "
                               "kết quả về Sở Nội vụ trước ngày 31/12/2026.\nSở Nội vụ theo dõi, kiểm tra lại việc "
                               "khắc phục trong quý I năm 2027.",
        strengths="Trung tâm bố trí đủ quầy, niêm yết đầy đủ thủ tục; công chức niềm nở với người dân.",
        causes="Chưa có công chức dự phòng khi công chức được phân công vắng mặt; lãnh đạo Trung tâm chưa theo dõi, "
               "đôn đốc thường xuyên; thiết bị chưa được sửa chữa kịp thời.",
        responsibility_review=False, review_reason="", actor=chairman, now=at(day.fromordinal(day.toordinal() + 14), 9))


def _issue_minutes(inspection, lead: User, day: date) -> None:
    """The March inspection of La Êê has issued minutes, as it would in real life."""
    from flask import current_app

    from audit.services import minutes as minutes_service

    minutes_service.save_details(
        inspection, start_time="13:40", end_time="16:30", place="Trụ sở UBND xã La Êê, Bộ phận Một cửa",
        representatives="Ông Bríu Quân, Chủ tịch UBND xã La Êê\nÔng Hôih Văn Ka, công chức Văn phòng – Thống kê",
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
