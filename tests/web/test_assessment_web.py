"""The assessment as users meet it: the team's proposal on the summary, gaps before submitting, the
chairman's final verdict, labels instead of codes, and the ``verdict explain`` command giving the
page's verdict."""

import json
import re
import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from audit.db import db
from audit.models import Inspection, Unit
from audit.services import inspections as inspection_service


def planned_id(code="NG-LAEE-MC"):
    unit = db.session.scalar(select(Unit.id).where(Unit.code == code))
    return db.session.scalar(select(Inspection.id).where(Inspection.unit_id == unit, Inspection.state == "planned"))


def save(client, iid, item_id, value, note=""):
    response = client.post(f"/inspections/{iid}/answers", headers={"Accept": "application/json"},
                           json={"op_id": f"op-{uuid.uuid4().hex}", "item_id": item_id, "value": value,
                                 "note": note, "base_version": None})
    assert response.status_code == 200, response.json
    return response


def add_dossier(client, iid, n, late=False):
    received = date(2019, 10, 1) + timedelta(days=n)
    due = received + timedelta(days=5)
    returned = due + timedelta(days=3 if late else -1)
    response = client.post(f"/inspections/{iid}/dossiers", data={
        "code": f"000.00.22.H37-{n:04d}", "field": "ho_tich", "received_date": received.strftime("%d/%m/%Y"),
        "due_date": due.strftime("%d/%m/%Y"), "returned_date": returned.strftime("%d/%m/%Y"),
        "in_register": "y", "in_system": "y", "control_slip_complete": "y", "apology_issued": "y" if late else ""})
    assert response.status_code == 302


def fill_model_desk(client, iid, **overrides):
    from audit.demo_inspections import good_answers

    checklist = inspection_service.checklist_of(db.session.get(Inspection, iid))
    values = {**good_answers(checklist), **overrides}
    sample_items = {i.id for i in checklist.items if i.sample_metric} - {"E04"}
    for item in checklist.items:
        if item.id not in sample_items or item.id in overrides:
            save(client, iid, item.id, values[item.id], note=overrides.get(f"note_{item.id}", ""))


def test_harassment_at_la_ee_is_not_substantive_and_says_why(client, demo, login):
    """As the issue asks: the La Êê checklist with harassment at the counter and everything else in order."""
    login("thanhtra")
    iid = planned_id()
    for n in range(12):
        add_dossier(client, iid, n)
    fill_model_desk(client, iid, A09="no")
    save(client, iid, "A09", "no", note="Công chức đề nghị nộp thêm 200.000 đồng")
    page = client.get(f"/inspections/{iid}").get_data(as_text=True)
    proposal = page.split('id="verdict"')[1].split("</section>")[0]
    assert "Hình thức" in proposal and "Thực chất" not in proposal.split("</h2>")[0]
    assert ("A09 — Có trường hợp công chức đòi thêm giấy tờ, khoản tiền ngoài quy định hoặc gây phiền hà, sách "
            "nhiễu người dân khi giải quyết thủ tục hành chính — riêng vi phạm này đã dẫn đến đánh giá “Hình thức”, dù "
            "điểm số thế nào.") in proposal
    assert "Đoàn kiểm tra đề xuất, Chủ tịch quyết định" in proposal
    assert client.post(f"/inspections/{iid}/submit").status_code == 302
    findings = client.get(f"/inspections/{iid}/findings").get_data(as_text=True)
    assert "Có trường hợp công chức đòi thêm giấy tờ" in findings and "Không có trường hợp công chức đòi" not in findings
    assert "Công chức đề nghị nộp thêm 200.000 đồng" in findings
    assert "Cơ quan chịu trách nhiệm" in findings and "UBND xã La Êê" in findings


def test_a_four_dossier_sample_leaves_the_sample_items_without_basis(client, demo, login):
    login("thanhtra")
    iid = planned_id()
    for n in range(4):
        add_dossier(client, iid, n, late=n == 0)
    for section, item_id in (("D", "D01"), ("D", "D05"), ("E", "E10"), ("F", "F01")):
        fill = client.get(f"/inspections/{iid}/fill/{section}").get_data(as_text=True)
        block = fill.split(f'id="item-{item_id}"')[1].split("</article>")[0]
        assert "Chưa đủ căn cứ" in block and "mẫu mới có 4 hồ sơ; cần tối thiểu 10 hồ sơ" in block
    page = client.get(f"/inspections/{iid}").get_data(as_text=True)
    gaps = page.split('id="gaps"')[1].split("</section>")[0]
    assert "Chưa đủ căn cứ: D01, D05, E04, E10, F01 — mẫu mới có 4 hồ sơ, cần tối thiểu 10 hồ sơ." in gaps
    assert re.search(r'<button type="submit" class="btn" id="submit-button" disabled[^>]*>Trình Trưởng đoàn', page)


def test_submit_is_refused_naming_the_critical_items(client, demo, login):
    login("thanhtra")
    iid = planned_id()
    save(client, iid, "A02", "yes")
    response = client.post(f"/inspections/{iid}/submit")
    assert response.status_code == 409
    assert "Cần trả lời các mục bắt buộc trước: A09, C02, D01, D08, E02, E04, E07, H05." in response.get_data(as_text=True)
    assert db.session.get(Inspection, iid).state == "in_progress"


def test_a_planned_inspection_offers_submit_only_as_the_server_would_judge_it(client, demo, login):
    """The page's button and the server agree: nothing answered yet, the button is disabled and the server
    names the critical items (it never answers "not possible in this state" to a button it showed)."""
    login("thanhtra")
    iid = planned_id()
    page = client.get(f"/inspections/{iid}").get_data(as_text=True)
    assert re.search(r'id="submit-button" disabled', page)
    response = client.post(f"/inspections/{iid}/submit")
    assert response.status_code == 409 and "Cần trả lời các mục bắt buộc trước: A02" in response.get_data(as_text=True)
    assert "Không thể thực hiện bước này ở trạng thái hiện tại" not in response.get_data(as_text=True)
    assert db.session.get(Inspection, iid).state == "planned"  # nothing half-done


def test_na_is_offered_only_where_it_can_apply_and_refused_otherwise(client, demo, login):
    login("thanhtra")
    iid = planned_id()
    fill = client.get(f"/inspections/{iid}/fill/A").get_data(as_text=True)
    a02 = fill.split('id="item-A02"')[1].split("</article>")[0]
    a07 = fill.split('id="item-A07"')[1].split("</article>")[0]
    assert 'value="na"' not in a02 and 'value="na"' in a07
    refused = client.post(f"/inspections/{iid}/answers", headers={"Accept": "application/json"},
                          json={"op_id": "op-na-a02-001", "item_id": "A02", "value": "na"})
    assert refused.status_code == 422 and "không chấp nhận “Không áp dụng”" in refused.json["message"]


def test_read_only_answers_show_labels_never_codes(client, demo, login):
    login("chutich")
    unit = db.session.scalar(select(Unit.id).where(Unit.code == "NG-LAEE-MC"))
    iid = db.session.scalar(select(Inspection.id).where(Inspection.unit_id == unit, Inspection.state == "finalised"))
    page = client.get(f"/inspections/{iid}/fill/A").get_data(as_text=True)
    answers = re.findall(r'<p class="readonly-answer"><strong>([^<]*)</strong>', page)
    assert "Không đạt" in answers and "Đạt" in answers and "40 %" in answers
    assert not {"yes", "no", "na", "40"} & set(answers)


def test_the_chairman_confirms_or_changes_the_proposal(client, demo, login):
    login("chutich-tp")  # in charge of the district's open work since 01/07/2025
    unit = db.session.scalar(select(Unit.id).where(Unit.code == "NG-TAPOO-MC"))
    iid = db.session.scalar(select(Inspection.id).where(Inspection.unit_id == unit,
                                                         Inspection.inspection_date == date(2019, 11, 5)))
    form = client.get(f"/inspections/{iid}/conclude").get_data(as_text=True)
    options = re.findall(r'<option (?:selected )?value="(\w+)"', form)
    assert options == ["substantive", "partly_substantive", "weak", "formal", "insufficient_evidence"]
    assert re.search(r'<option selected value="formal"', form)
    refused = client.post(f"/inspections/{iid}/conclude", data={"final_verdict": "partly_substantive",
                                                                "directives": "Khắc phục", "strengths": "Có",
                                                                "causes": "Thiếu đôn đốc"})
    assert refused.status_code == 422 and "Nêu lý do khi kết luận khác với đề xuất" in refused.get_data(as_text=True)
    done = client.post(f"/inspections/{iid}/conclude", data={
        "strengths": "Công chức niềm nở với người dân.", "causes": "Thiết bị xuống cấp.",
        "final_verdict": "partly_substantive", "directives": "Khắc phục các tồn tại.",
        "verdict_reason": "Đơn vị đã sửa thiết bị và điều chỉnh số liệu trước khi kết luận."})
    assert done.status_code == 302
    page = client.get(f"/inspections/{iid}/conclude").get_data(as_text=True)
    assert "thay đổi so với đề xuất của Đoàn vì: Đơn vị đã sửa thiết bị" in page
    dashboard = client.get("/dashboard?period=2019").get_data(as_text=True)
    row = next(r for r in dashboard.split('<tr class="desk') if "Xã Tà Pơơ" in r or "xã Tà Pơơ" in r)
    assert "Thực chất một phần" in row and "kết luận của Chủ tịch" in row
    laee = next(r for r in dashboard.split('<tr class="desk') if "Bộ phận Một cửa xã La Êê" in r)
    assert "Hình thức" in laee and "đề xuất của Đoàn" in laee
    notice = client.get(f"/inspections/{iid}/conclusion.pdf")
    import subprocess

    text = " ".join(subprocess.run(["pdftotext", "-", "-"], input=notice.data, capture_output=True,
                                   check=True).stdout.decode().split())
    assert "Đoàn kiểm tra đề xuất đánh giá: Hình thức" in text
    assert "Chủ tịch kết luận: THỰC CHẤT MỘT PHẦN, khác với đề xuất của Đoàn kiểm tra, vì: Đơn vị đã sửa thiết bị" in text
    assert "Chỉ 85 % hồ sơ mẫu có trên Hệ thống thông tin một cửa điện tử (yêu cầu 100 %)" in text


# ---------------------------------------------------------------- the explain command


ANSWERS_YAML = """\
inspection_date: 2019-11-20
answers:                 # item id → the value as the tablet sends it, optional note
  A09: {value: "no", note: "Công chức đề nghị nộp thêm 200.000 đồng"}
  A03: {value: "85"}
sample:
  - {code: "000.00.01.H01-191001-0001", field: dat_dai, received: 2019-10-01, due: 2019-10-10,
     returned: 2019-10-09, in_register: true, in_system: true,
     control_slip_complete: true, apology_issued: false}
reported_on_time: 99.0
"""


def test_explain_prints_verdict_score_signals_and_reasons(runner, app, tmp_path):
    path = tmp_path / "answers.yaml"
    path.write_text(ANSWERS_YAML, encoding="utf-8")
    result = runner.invoke(args=["verdict", "explain", "one-stop-desk/v1", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["verdict"] == {"code": "formal", "label": "Hình thức"}
    assert data["score"] == 30.0 and data["signals"][0]["item"] == "A09" and data["signals"][0]["kind"] == "decisive"
    assert data["sample"] == {"size": 1, "required": 10, "enough": False, "on_time": 1, "late": 0}
    assert data["reasons"][0]["text"].startswith("A09 — Có trường hợp công chức đòi thêm giấy tờ")
    assert {"verdict", "score", "signals", "reasons", "coverage", "na_share", "missing_critical"} <= set(data)


@pytest.mark.parametrize(
    "body, message",
    [
        ("inspection_date: 2019-11-20\nanswers:\n  A02: {value: na}\n", "không chấp nhận “Không áp dụng”"),
        ("inspection_date: 2019-11-20\nanswers:\n  Q77: {value: 'yes'}\n", "Q77: không có mục này"),
        ("inspection_date: 2019-11-20\nanswers:\n  A03: {value: 150}\n", "từ 0 đến 100"),
        ("inspection_date: 2019-11-20\nanswers:\n  E02: {value: 6}\n  E04: {value: na}\n", "E04: không được chọn"),
        ("answers: {}\n", "Thiếu inspection_date"),
        ("inspection_date: 2019-11-20\nreported_on_time: 120\n", "reported_on_time"),
        ("inspection_date: 2019-11-20\nsample:\n  - {code: x, field: vu_tru, received: 2019-10-01, "
         "due: 2019-10-02}\n", "lĩnh vực"),
        ("inspection_date: [\n", "YAML"),
    ],
)
def test_explain_refuses_what_the_server_refuses(runner, app, tmp_path, body, message):
    path = tmp_path / "answers.yaml"
    path.write_text(body, encoding="utf-8")
    result = runner.invoke(args=["verdict", "explain", "one-stop-desk/v1", str(path)])
    assert result.exit_code == 2 and message in result.output, result.output


def test_explain_refuses_an_unknown_checklist(runner, app, tmp_path):
    path = tmp_path / "answers.yaml"
    path.write_text(ANSWERS_YAML, encoding="utf-8")
    result = runner.invoke(args=["verdict", "explain", "one-stop-desk/v9", str(path)])
    assert result.exit_code == 2 and "Không có bảng kiểm tra" in result.output


def test_explain_gives_the_verdict_of_the_page_for_every_demo_inspection(runner, demo, client, login, tmp_path):
    login("admin")  # sees the district's inspections and the city's
    finalised = db.session.scalars(select(Inspection).where(Inspection.state == "finalised")).all()
    assert len(finalised) == 16  # 14 of the 2019 district, 2 of the city in 2026
    verdicts = set()
    for inspection in finalised:
        exported = runner.invoke(args=["verdict", "export", str(inspection.id)])
        assert exported.exit_code == 0, exported.output
        path = tmp_path / f"{inspection.id}.yaml"
        path.write_text(exported.output, encoding="utf-8")
        explained = runner.invoke(args=["verdict", "explain", f"one-stop-desk/v{inspection.checklist_version}",
                                        str(path)])
        assert explained.exit_code == 0, explained.output
        data = json.loads(explained.output)
        page = client.get(f"/inspections/{inspection.id}").get_data(as_text=True)
        shown = page.split('id="verdict"')[1].split("</h2>")[0]
        assert data["verdict"]["label"] in shown, (inspection.id, data["verdict"])
        assert data["verdict"]["code"] == inspection.verdict
        assert data["score"] == inspection.score
        verdicts.add(data["verdict"]["code"])
    assert verdicts == {"substantive", "partly_substantive", "weak", "formal"}
