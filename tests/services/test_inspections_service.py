"""Inspections end to end through the services, on a real database."""

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from PIL import Image
from sqlalchemy import func, select

from audit.db import db
from audit.domain.errors import DomainError, InvalidInput, NotAllowed
from audit.domain.inspections import InspectionLocked
from audit.models import Answer, AnswerOperation, AuditLogEntry, Evidence, Inspection, Unit, User
from audit.services import answers, evidence, findings, inspections, sample
from audit.storage import LocalStore

NOW = datetime(2019, 11, 20, 3, 0, tzinfo=UTC)


def user(name):
    return db.session.scalar(select(User).where(User.username == name))


def planned(code="NG-LAEE-MC", day=date(2019, 11, 20)):
    unit = db.session.scalar(select(Unit).where(Unit.code == code))
    return db.session.scalar(select(Inspection).where(Inspection.unit_id == unit.id,
                                                      Inspection.inspection_date == day))


def test_plan_pins_the_version_of_the_regime(demo):
    for code, day, version in [("NG-ZUOIH-MC", date(2021, 12, 5), 1), ("NG-ZUOIH-MC", date(2025, 6, 30), 3),
                               ("DN-NAMGIANG-TTPV", date(2025, 7, 1), 2), ("DN-NAMGIANG-TTPV", date(2026, 7, 1), 4)]:
        team = ("truongdoan", "thanhtra") if code.startswith("NG-") else ("truongdoan-tp", "thanhtra-tp")
        lead = user(team[0])
        unit = db.session.scalar(select(Unit).where(Unit.code == code))
        inspection = inspections.plan_inspection(
            unit=unit, inspection_date=day, announced=False, decision_number="1/QĐ-UBND",
            decision_date=day - timedelta(days=7), checklist_key="one-stop-desk", lead=lead, members=[user(team[1])],
            secretary=None, actor=lead, now=NOW)
        checklist = inspections.catalog().get("one-stop-desk", version)
        assert (inspection.checklist_version, inspection.checklist_sha256) == (version, checklist.sha256)
        assert inspection.legal_regime == checklist.legal_regime


@pytest.mark.parametrize(
    "change, fragment",
    [
        ({"inspection_date": date(2026, 1, 1)}, "does not exist on the inspection date"),
        ({"decision_date": date(2019, 12, 5)}, "must precede"),
        ({"lead": "donvi-la-ee"}, "cannot be on an inspection team"),
        ({"secretary": "thanhtra"}, "secretary must be another person"),
        ({"checklist_key": "directive-26", "unit": "NG-LAEE-MC", "inspection_date": date(2016, 1, 1),
          "decision_date": date(2015, 12, 1)}, "No version"),
    ],
)
def test_plan_refuses_bad_plans(demo, change, fragment):
    args = dict(unit="NG-LAEE-MC", inspection_date=date(2019, 12, 2), announced=False, decision_number="1",
                decision_date=date(2019, 11, 30), checklist_key="one-stop-desk", lead="truongdoan",
                members=["thanhtra"], secretary=None)
    args.update(change)
    args["unit"] = db.session.scalar(select(Unit).where(Unit.code == args["unit"]))
    args["lead"] = user(args["lead"])
    args["members"] = [user(m) for m in args["members"]]
    args["secretary"] = user(args["secretary"]) if args["secretary"] else None
    with pytest.raises(DomainError) as err:
        inspections.plan_inspection(actor=user("truongdoan"), now=NOW, **args)
    assert fragment in str(err.value)


def test_resent_operation_is_stored_once(demo):
    inspection, inspector = planned(), user("thanhtra")
    saves = lambda: db.session.scalar(select(func.count()).where(AuditLogEntry.action == "answer.save"))  # noqa: E731
    before = saves()
    first = answers.save_answer(inspection, item_id="A02", value="no", note="13:40 không có ai",
                                base_version=0, op_id="op-0000001", actor=inspector, now=NOW)
    again = answers.save_answer(inspection, item_id="A02", value="no", note="13:40 không có ai",
                                base_version=0, op_id="op-0000001", actor=inspector, now=NOW)
    db.session.commit()
    assert again.duplicate and not first.duplicate and again.answer.version == 1
    assert db.session.scalar(select(func.count()).select_from(AnswerOperation)) == 1
    assert inspection.state == "in_progress"
    assert saves() == before + 1


def test_resent_operation_after_later_saves_changes_nothing(demo):
    """A tablet resends an operation stored long ago (its reply was lost), after the answer moved on: the
    later answer stands, with or without the version the tablet saw."""
    inspection, inspector = planned(), user("thanhtra")
    old = dict(item_id="A02", value="no", note="13:40 không có ai", op_id="op-old-00001", actor=inspector, now=NOW)
    answers.save_answer(inspection, base_version=0, **old)
    answers.save_answer(inspection, item_id="A02", value="yes", note="14:05 đã có người", base_version=1,
                        op_id="op-new-00001", actor=inspector, now=NOW)
    for base_version in (0, None):
        again = answers.save_answer(inspection, base_version=base_version, **old)
        assert again.duplicate and (again.answer.value, again.answer.version) == ("yes", 2)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(AnswerOperation)) == 2


def test_resent_not_applicable_stays_stored_though_the_answers_changed_since(demo):
    """E04 may be "not applicable" only while E02 (late dossiers) is 0. The tablet's "not applicable" was stored,
    its reply lost; E02 was then changed to 3. Sent again, the operation is the one stored (a duplicate), not a
    new answer judged against today's E02: the tablet must not be told it was refused."""
    inspection, inspector = planned(), user("thanhtra")
    answers.save_answer(inspection, item_id="E02", value="0", note="", base_version=0, op_id="op-e02-00001",
                        actor=inspector, now=NOW)
    na = dict(item_id="E04", value="na", note="", base_version=0, op_id="op-e04-00001", actor=inspector, now=NOW)
    assert answers.save_answer(inspection, **na).answer.value == "na"
    answers.save_answer(inspection, item_id="E02", value="3", note="", base_version=1, op_id="op-e02-00002",
                        actor=inspector, now=NOW)
    again = answers.save_answer(inspection, **na)
    assert again.duplicate and (again.answer.value, again.answer.version) == ("na", 1)
    with pytest.raises(InvalidInput):  # a new "not applicable" is judged against E02 as it stands
        answers.save_answer(inspection, **{**na, "op_id": "op-e04-00002", "base_version": 1})


@pytest.mark.parametrize("base_version", [0, None])
def test_operation_id_of_another_answer_is_refused(demo, base_version):
    """An operation id names one answer: sent again for another item, the save is refused and the other item
    keeps no answer (the caller rolls the request back)."""
    inspection, inspector = planned(), user("thanhtra")
    answers.save_answer(inspection, item_id="A02", value="no", note="", base_version=0, op_id="op-one-00001",
                        actor=inspector, now=NOW)
    db.session.commit()
    with pytest.raises(DomainError) as err:
        answers.save_answer(inspection, item_id="B05", value="yes", note="", base_version=base_version,
                            op_id="op-one-00001", actor=inspector, now=NOW)
    assert "already used for another answer" in str(err.value)
    db.session.rollback()
    assert db.session.scalar(select(Answer).where(Answer.inspection_id == inspection.id,
                                                  Answer.item_id == "B05")) is None


def test_concurrent_change_is_a_conflict_not_an_overwrite(demo):
    inspection = planned()
    lead, inspector = user("truongdoan"), user("thanhtra")
    answers.save_answer(inspection, item_id="B05", value="yes", note="", base_version=0, op_id="op-a-000001",
                        actor=lead, now=NOW)
    with pytest.raises(answers.AnswerConflict) as err:
        answers.save_answer(inspection, item_id="B05", value="no", note="", base_version=0, op_id="op-b-000001",
                            actor=inspector, now=NOW)
    assert err.value.current.value == "yes" and err.value.current.version == 1
    kept = answers.save_answer(inspection, item_id="B05", value="no", note="", base_version=1, op_id="op-b-000002",
                               actor=inspector, now=NOW)
    assert kept.answer.value == "no" and kept.answer.version == 2


@pytest.mark.parametrize("item, value", [("A02", "maybe"), ("A03", "101"), ("B02", "3"), ("E02", "-1"), ("X99", "yes")])
def test_bad_answers_are_refused(demo, item, value):
    with pytest.raises(InvalidInput):
        answers.save_answer(planned(), item_id=item, value=value, note="", base_version=0, op_id=None,
                            actor=user("thanhtra"), now=NOW)


def test_only_the_team_may_answer(demo):
    with pytest.raises(NotAllowed):
        answers.save_answer(planned(), item_id="A02", value="yes", note="", base_version=0, op_id=None,
                            actor=user("chutich"), now=NOW)


def test_sample_feeds_the_items_that_depend_on_it_once_it_reaches_its_minimum(demo):
    inspection, inspector = planned(), user("thanhtra")
    common = dict(field="dat_dai", received=date(2019, 10, 1), due=date(2019, 10, 15), in_system=True,
                  control_slip_complete=True, actor=inspector, now=NOW)
    sample.add_dossier(inspection, code="H1", returned=date(2019, 10, 14), in_register=True, apology_issued=False,
                        **common)
    sample.add_dossier(inspection, code="H2", returned=date(2019, 10, 20), in_register=False, apology_issued=False,
                        **common)
    # two dossiers prove nothing: nothing is filled in, the items have no basis yet
    assert not {a.item_id for a in inspection.answers} & {"D01", "D05", "E04", "E10", "F01"}
    summary = answers.sample_summary(inspection)
    assert (summary.size, summary.required, summary.enough) == (2, 10, False)
    assert inspections.evaluate(inspection).insufficient == ("D01", "D05", "E04", "E10", "F01")
    for n in range(3, 11):
        sample.add_dossier(inspection, code=f"H{n}", returned=date(2019, 10, 14), in_register=True,
                            apology_issued=False, **common)
    stored = {a.item_id: a for a in inspection.answers}
    assert stored["E10"].value == "90" and stored["E10"].source == "sample"  # 9 of 10 on time
    assert stored["E04"].value == "0"  # one late dossier, no apology letter
    assert stored["D01"].value == "100"  # found in the register or the system
    with pytest.raises(InvalidInput):
        sample.add_dossier(inspection, code="H11", returned=date(2019, 9, 1), in_register=True,
                            apology_issued=False, **common)
    answers.save_answer(inspection, item_id="E10", value="80", note="", base_version=stored["E10"].version,
                        op_id=None, actor=inspector, now=NOW)
    sample.remove_dossier(inspection, inspection.dossiers[0], actor=inspector, now=NOW)
    remaining = {a.item_id: a.value for a in inspection.answers}
    assert remaining["E10"] == "80"  # answered by hand: kept
    assert "D01" not in remaining  # nine dossiers: the sample's own figures are withdrawn


def test_a_smaller_population_lowers_the_sample_minimum(demo):
    inspection, inspector = planned(), user("thanhtra")
    for n in range(4):
        sample.add_dossier(inspection, code=f"H{n}", field="ho_tich", received=date(2019, 10, 1),
                            due=date(2019, 10, 4), returned=date(2019, 10, 3), in_register=True, in_system=True,
                            control_slip_complete=True, apology_issued=False, actor=inspector, now=NOW)
    assert "E10" not in {a.item_id for a in inspection.answers}
    answers.save_answer(inspection, item_id="E09", value="4", note="Cả kỳ chỉ tiếp nhận 4 hồ sơ", base_version=None,
                        op_id=None, actor=inspector, now=NOW)
    assert {a.item_id: a.value for a in inspection.answers}["E10"] == "100"


def test_na_is_refused_where_it_cannot_apply(demo):
    inspection, inspector = planned(), user("thanhtra")
    for item_id in ("A02", "D08", "G02", "C02"):
        with pytest.raises(InvalidInput):
            answers.save_answer(inspection, item_id=item_id, value="na", note="", base_version=None, op_id=None,
                                actor=inspector, now=NOW)
    answers.save_answer(inspection, item_id="E02", value="6", note="", base_version=None, op_id=None,
                        actor=inspector, now=NOW)
    with pytest.raises(InvalidInput) as err:
        answers.save_answer(inspection, item_id="E04", value="na", note="", base_version=None, op_id=None,
                            actor=inspector, now=NOW)
    assert "E02" in str(err.value)


def _fill_all(inspection, inspector, overrides):
    checklist = inspections.checklist_of(inspection)
    from audit.demo_inspections import good_answers

    values = {**good_answers(checklist), **overrides}
    for item in checklist.items:
        answers.save_answer(inspection, item_id=item.id, value=values[item.id], note="", base_version=None,
                            op_id=None, actor=inspector, now=NOW)


def test_submit_finalise_findings_name_the_head_and_repeats(demo):
    inspection, inspector, lead = planned(), user("thanhtra"), user("truongdoan")
    _fill_all(inspection, inspector, {"A02": "no", "B05": "no", "H05": "no"})
    assessment = inspections.submit(inspection, actor=inspector, now=NOW)
    # an empty counter (a sign of formality) and alcohol at work (a prohibited act): not "thực chất"
    assert assessment.verdict.value == "partly_substantive"
    by_item = {f.item_id: f for f in inspection.findings}
    assert set(by_item) == {"A02", "B05", "H05"}
    assert by_item["A02"].head.person_name == "Alăng Thị Hoa"  # chairman since 15/08/2019
    assert by_item["A02"].statement.startswith("Tại thời điểm kiểm tra, trong giờ làm việc, không có công chức")
    assert by_item["A02"].repeat and by_item["A02"].severity == "high"  # failed in March too: medium raised
    assert by_item["B05"].repeat and by_item["B05"].severity == "medium"  # low raised one step
    assert not by_item["H05"].repeat and by_item["H05"].severity == "high"  # a prohibited act
    with pytest.raises(NotAllowed):
        inspections.finalise(inspection, actor=inspector, now=NOW)
    findings.drop_finding(by_item["H05"], reason="Không có căn cứ, người dân nhầm lẫn", actor=lead, now=NOW)
    inspections.finalise(inspection, actor=lead, now=NOW)
    db.session.commit()
    assert inspection.state == "finalised" and inspection.verdict == "partly_substantive" and inspection.finalised_at


def test_finalised_inspection_never_changes(demo):
    inspection = db.session.scalar(select(Inspection).where(Inspection.state == "finalised"))
    lead = user("truongdoan")
    with pytest.raises(InspectionLocked):
        answers.save_answer(inspection, item_id="A02", value="yes", note="", base_version=None, op_id=None,
                            actor=lead, now=NOW)
    with pytest.raises(InspectionLocked):
        findings.drop_finding(inspection.findings[0], reason="x", actor=lead, now=NOW)
    db.session.rollback()
    # Even bypassing the services, the flush guard refuses.
    inspection = db.session.scalar(select(Inspection).where(Inspection.state == "finalised"))
    inspection.findings[0].requirement = "sửa lén"
    with pytest.raises(InspectionLocked):
        db.session.flush()
    db.session.rollback()
    answer = db.session.scalar(select(Answer).where(Answer.inspection_id == inspection.id))
    db.session.delete(answer)
    with pytest.raises(InspectionLocked):
        db.session.flush()
    db.session.rollback()


def test_audit_log_is_append_only(demo):
    entry = db.session.scalar(select(AuditLogEntry))
    entry.action = "tampered"
    with pytest.raises(DomainError):
        db.session.flush()
    db.session.rollback()
    db.session.delete(db.session.scalar(select(AuditLogEntry)))
    with pytest.raises(DomainError):
        db.session.flush()
    db.session.rollback()


def test_submit_is_refused_while_critical_items_are_unanswered(demo):
    inspection, inspector = planned(), user("thanhtra")
    answers.save_answer(inspection, item_id="A02", value="yes", note="", base_version=None, op_id=None,
                        actor=inspector, now=NOW)
    with pytest.raises(DomainError) as err:
        inspections.submit(inspection, actor=inspector, now=NOW)
    assert "A09, C02, D01, D08, E02, E04, E07, H05" in str(err.value)
    assert inspection.state == "in_progress"


def test_insufficient_evidence_needs_a_reason_to_finalise(demo):
    inspection, inspector, lead = planned(), user("thanhtra"), user("truongdoan")
    for item_id, value in {"A02": "yes", "A09": "yes", "C02": "100", "D01": "100", "D08": "yes", "E02": "0",
                           "E04": "na", "E07": "100", "H05": "yes"}.items():
        answers.save_answer(inspection, item_id=item_id, value=value, note="", base_version=None, op_id=None,
                            actor=inspector, now=NOW)
    assert inspections.submit(inspection, actor=inspector, now=NOW).verdict.value == "insufficient_evidence"
    with pytest.raises(DomainError):
        inspections.finalise(inspection, actor=lead, now=NOW)
    inspections.finalise(inspection, actor=lead, now=NOW, incomplete_reason="Đơn vị đóng cửa do lũ")
    assert inspection.incomplete_reason == "Đơn vị đóng cửa do lũ"


def jpeg(size=(64, 48), exif_time="2019:11:20 13:42:05") -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif.get_ifd(0x8769)[36867] = exif_time
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_photo_is_stored_with_hash_size_and_photo_time(demo, tmp_path):
    data = jpeg()
    store = LocalStore(tmp_path)
    item = evidence.add_photo(planned(), item_id="A02", filename="quay.jpg", data=data, storage=store,
                              actor=user("thanhtra"), now=NOW)
    assert item.size == len(data) and item.sha256 == __import__("hashlib").sha256(data).hexdigest()
    assert item.taken_at == datetime(2019, 11, 20, 6, 42, 5, tzinfo=UTC)  # 13:42 in Viet Nam
    assert not store.has(evidence.evidence_key(item))  # in the store only once the transaction commits
    db.session.commit()
    assert store.path(evidence.evidence_key(item)).read_bytes() == data
    assert store.has(evidence.evidence_key(item, thumbnail=True))
    assert not [p for p in tmp_path.rglob("*") if ".part-" in p.name]


def test_a_photo_of_a_rolled_back_request_leaves_no_file(demo, tmp_path):
    store = LocalStore(tmp_path / "files")
    evidence.add_photo(planned(), item_id="A03", filename="quay.jpg", data=jpeg(), storage=store,
                       actor=user("thanhtra"), now=NOW)
    spooled = db.session.info["staged_files"]
    assert [path for _, _, path in spooled if path.exists()]  # kept in spool files until the commit
    db.session.rollback()
    assert not [path for _, _, path in spooled if path.exists()] and not list(store.keys())


@pytest.mark.parametrize(
    "data, fragment",
    [
        (b"#!/bin/sh\nrm -rf /\n", "not a readable image"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "not a readable image"),
        (b"GIF89a" + b"\x00" * 20, "not a readable image"),
        (b"", "empty"),
    ],
)
def test_non_images_are_refused(demo, tmp_path, data, fragment):
    with pytest.raises(InvalidInput) as err:
        evidence.add_photo(planned(), item_id="A02", filename="x.jpg", data=data, storage=LocalStore(tmp_path),
                           actor=user("thanhtra"), now=NOW)
    assert fragment in str(err.value)
    assert db.session.scalar(select(func.count()).select_from(Evidence)) == 0


def test_decompression_bomb_and_oversize_are_refused(demo, tmp_path, monkeypatch):
    bomb = io.BytesIO()
    Image.new("1", (12000, 12000)).save(bomb, "PNG")  # 144 Mpx that compresses to a few kB
    with pytest.raises(InvalidInput) as err:
        evidence.add_photo(planned(), item_id="A02", filename="bomb.png", data=bomb.getvalue(), storage=LocalStore(tmp_path),
                           actor=user("thanhtra"), now=NOW)
    assert "too many pixels" in str(err.value)
    with pytest.raises(InvalidInput):
        evidence.add_photo(planned(), item_id="A02", filename="big.jpg", data=b"\xff" * (evidence.MAX_BYTES + 1),
                           storage=LocalStore(tmp_path), actor=user("thanhtra"), now=NOW)
    assert not list(tmp_path.rglob("*.png"))


def test_a_photo_the_store_refuses_at_commit_waits_on_this_server_and_a_flush_sends_it(demo, tmp_path):
    """The record is committed before the store is written: a refusal then must not lose the bytes."""
    data = jpeg()
    blocked = tmp_path / "files"
    blocked.write_text("a file where the store's folder should be (an unmounted share, a full disk)")
    store = LocalStore(blocked, spool=tmp_path / "spool")
    item = evidence.add_photo(planned(), item_id="A02", filename="quay.jpg", data=data, storage=store,
                              actor=user("thanhtra"), now=NOW)
    db.session.commit()  # no exception: the request has its answer
    assert sorted(p.name for p in store.pending()) == sorted([item.sha256, f"{item.sha256}.thumb.jpg"])
    assert (store.spool / "pending" / item.sha256).read_bytes() == data
    blocked.unlink()
    blocked.mkdir()  # the share is back
    assert store.flush_pending() == (2, 0)
    assert store.path(item.sha256).read_bytes() == data and store.pending() == []


def test_the_answers_of_many_inspections_read_at_once_are_each_inspection_s_own_answers(demo):
    """The statistics page reads the answers of hundreds of inspections at once; it must see what the assessment
    sees for each: the inspectors' own answers, without those the sample filled in."""
    from sqlalchemy import select

    from audit.db import db
    from audit.models import Answer, Inspection
    from audit.services import inspections as service

    inspections = db.session.scalars(select(Inspection)).all()
    at_once = service.answers_by_inspection([i.id for i in inspections])
    assert db.session.scalar(select(Answer.id).where(Answer.source == "sample").limit(1)) is not None
    assert sum(len(a) for a in at_once.values()) > 100
    for inspection in inspections:
        assert at_once[inspection.id] == service.answers_of(inspection), inspection.id


def test_a_finding_changed_while_the_lead_finalises_loses_and_the_finalised_inspection_keeps_its_findings(demo):
    """A member's change to the findings that reaches the database after the lead finalised (the member's page
    still said "submitted") is refused as a conflict and changes nothing: the heads' figures already count the
    findings of the finalised inspection."""
    from sqlalchemy import update

    from audit.domain.errors import Conflict
    from audit.domain.findings import Severity
    from audit.models import Finding
    from audit.services import head_totals

    lead = user("truongdoan")
    inspection = db.session.scalars(select(Inspection).where(Inspection.state == "planned")
                                    .where(Inspection.members.any(user_id=lead.id))).first()
    inspections.start_if_planned(inspection, lead, NOW)
    kept = findings.add_finding(inspection, statement="Không niêm yết thủ tục mới.", observation="",
                                severity=Severity.MEDIUM, legal_basis="", requirement="Niêm yết đủ.", deadline=None,
                                responsible_official=None, actor=lead, now=NOW)
    db.session.commit()
    # the lead's finalising commits meanwhile; this session still holds the inspection as it was
    db.session.execute(update(Inspection).where(Inspection.id == inspection.id)
                       .values(state="finalised", submitted_at=NOW, finalised_at=NOW)
                       .execution_options(synchronize_session=False))
    before = db.session.scalar(select(func.count(Finding.id)).where(Finding.inspection_id == inspection.id))
    assert inspection.state == "in_progress"
    with pytest.raises(Conflict):
        findings.add_finding(inspection, statement="Thêm sau khi đã kết thúc.", observation="", severity=Severity.LOW,
                             legal_basis="", requirement="", deadline=None, responsible_official=None, actor=lead,
                             now=NOW)
    with pytest.raises(Conflict):
        findings.drop_finding(kept, reason="Bỏ sau khi đã kết thúc.", actor=lead, now=NOW)
    db.session.rollback()
    assert db.session.scalar(select(func.count(Finding.id)).where(Finding.inspection_id == inspection.id)) == before
    assert db.session.get(Finding, kept.id).status == "draft"
    assert head_totals.stored() == head_totals.computed()
