"""The chairman's figures on the demo data: desks, heads, statistics, the 2019 period, conclusions."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select, update

from audit.db import db
from audit.domain.errors import DomainError, InvalidInput
from audit.domain.review import parse_period
from audit.models import Conclusion, Inspection, Notification, Unit, User
from audit.services import conclusions, review
from audit.services import heads as heads_service

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
Y2019 = parse_period("2019")


PARTS = {"strengths": "Công chức niềm nở với người dân.", "causes": "Thiếu kiểm tra, đôn đốc."}


def test_dashboard_lists_every_desk_with_latest_verdict(demo):
    rows = review.with_trends(review.desks(Y2019, today=TODAY), Y2019)
    by_code = {r.unit.code: r for r in rows}
    assert len([c for c in by_code if c.endswith("-MC") and c != "NG-MC"]) == 12
    assert by_code["NG-LAEE-MC"].latest["verdict"] == "formal"
    assert by_code["NG-TAPOO-MC"].scores == [75.3, 75.3]  # two inspections in 2019, oldest first
    assert by_code["NG-LAEE-MC"].overdue_items > 0
    current = review.desks(parse_period("2026"), today=TODAY)
    assert {r.unit.code for r in current} == {f"DN-{c}-TTPV" for c in
                                               ("THANHMY", "BENGIANG", "NAMGIANG", "DACPRING", "LADEE", "LAEE")}
    inspected = {r.unit.code for r in current if r.latest}
    assert inspected == {"DN-BENGIANG-TTPV", "DN-NAMGIANG-TTPV"}  # the city's two finalised inspections of 2026
    regime = review.desks(None, regime="nd118_2025", today=TODAY)
    assert {r.unit.code for r in regime if r.latest} == inspected


def test_heads_table_puts_repeat_offenders_first(demo):
    heads = heads_service.heads(Y2019, today=TODAY)
    top = heads[0]
    assert top.overdue > 0
    tapoo = next(h for h in heads if h.person_name == "Hôih Thị Dung")
    assert tapoo.repeats > 0 and tapoo.formal == 2
    assert any(h.person_name == "Bríu Quân" and h.findings == 20 for h in heads)


def test_period_figures_match_the_published_ones(demo):
    figures = review.period_figures(Y2019, today=TODAY)
    assert figures.desks_inspected == {"district": 1, "commune": 12}
    assert figures.desks_total == {"district": 1, "commune": 12}
    district, commune = figures.dossiers["district"], figures.dossiers["commune"]
    assert district.received == 1147 and district.procedures == 266
    assert commune.received == 42518
    assert (district.in_time + commune.in_time) / (district.handled + commune.handled) > 0.95
    late_fields = [row.key for row in figures.late_by_field[:3]]
    assert set(late_fields) == {"dat_dai", "xay_dung", "chung_thuc"} or late_fields[:2] == ["dat_dai", "xay_dung"]
    assert {r.unit.code for r in figures.contradictions} >= {"NG-LAEE-MC"}
    assert figures.repeat_heads and figures.remediation["overdue"] > 0


def test_conclusion_is_issued_once_flags_the_head_and_tells_the_unit(demo):
    chairman = db.session.scalar(select(User).where(User.username == "chutich-tp"))
    inspection = db.session.scalar(select(Inspection).join(Unit).where(Unit.code == "NG-LAEE-MC",
                                                                       Inspection.state == "finalised"))
    with pytest.raises(InvalidInput):
        conclusions.conclude(inspection, directives="Khắc phục ngay", **PARTS,
        responsibility_review=True, review_reason="",
                             actor=chairman, now=NOW)
    conclusion = conclusions.conclude(inspection, directives="Khắc phục ngay các tồn tại.\nBáo cáo trước 30/4.",
                                      **PARTS,
        responsibility_review=True, review_reason="Tái phạm, để Bộ phận hoạt động hình thức",
                                      actor=chairman, now=NOW)
    db.session.commit()
    assert conclusion.head.person_name == "Bríu Quân" and conclusion.pdf.startswith(b"%PDF")
    with pytest.raises(DomainError):
        conclusions.conclude(inspection, directives="lần hai", **PARTS,
        responsibility_review=False, review_reason="",
                             actor=chairman, now=NOW)
    db.session.rollback()
    stored = db.session.get(Conclusion, conclusion.id)
    stored.directives = "sửa"
    with pytest.raises(DomainError):
        db.session.flush()
    db.session.rollback()
    unit_user = db.session.scalar(select(User).where(User.username == "donvi-la-ee"))
    assert db.session.scalar(select(Notification).where(Notification.user_id == unit_user.id,
                                                        Notification.kind == "conclusion")) is not None
    planned = db.session.scalar(select(Inspection).where(Inspection.state == "planned"))
    with pytest.raises(DomainError):
        conclusions.conclude(planned, directives="x", **PARTS,
        responsibility_review=False, review_reason="", actor=chairman,
                             now=NOW)


def test_the_chairman_decides_the_final_verdict_with_a_reason(demo):
    from audit.models import AuditLogEntry

    chairman = db.session.scalar(select(User).where(User.username == "chutich-tp"))
    tapoo = db.session.scalar(select(Inspection).join(Unit).where(Unit.code == "NG-TAPOO-MC",
                                                                  Inspection.inspection_date == date(2019, 11, 5)))
    assert tapoo.verdict == "formal" and tapoo.final_verdict == "formal" and not tapoo.verdict_is_final
    with pytest.raises(InvalidInput):  # changing the team's proposal needs a reason
        conclusions.conclude(tapoo, directives="Khắc phục", **PARTS,
        responsibility_review=False, review_reason="",
                             final_verdict="partly_substantive", actor=chairman, now=NOW)
    with pytest.raises(InvalidInput):  # a verdict of another scale is not a choice here
        conclusions.conclude(tapoo, directives="Khắc phục", **PARTS,
        responsibility_review=False, review_reason="",
                             final_verdict="good_compliance", verdict_reason="x", actor=chairman, now=NOW)
    db.session.rollback()
    conclusion = conclusions.conclude(
        tapoo, directives="Khắc phục các tồn tại về thiết bị và số liệu.", **PARTS,
        responsibility_review=False,
        review_reason="", final_verdict="partly_substantive",
        verdict_reason="Đơn vị đã sửa camera, máy lấy số trước khi kết luận; số liệu báo cáo đã được điều chỉnh.",
        actor=chairman, now=NOW)
    db.session.commit()
    assert (conclusion.proposed_verdict, conclusion.final_verdict) == ("formal", "partly_substantive")
    assert conclusion.verdict_changed and tapoo.final_verdict == "partly_substantive" and tapoo.verdict_is_final
    row = next(r for r in review.desks(Y2019, today=TODAY) if r.unit.code == "NG-TAPOO-MC")
    assert row.latest["verdict"] == "partly_substantive" and row.latest["final"] and not row.not_real
    hoih = next(h for h in heads_service.heads(Y2019, today=TODAY) if h.person_name == "Hôih Thị Dung")
    assert hoih.formal == 1  # the April inspection stays formal; November was changed by the chairman
    entry = db.session.scalar(select(AuditLogEntry).where(AuditLogEntry.action == "inspection.conclude",
                                                          AuditLogEntry.target_id == tapoo.id))
    assert entry.payload["after"]["proposed_verdict"] == "formal"
    assert entry.payload["after"]["final_verdict"] == "partly_substantive"


def test_a_confirmed_verdict_needs_no_reason(demo):
    chairman = db.session.scalar(select(User).where(User.username == "chutich-tp"))
    zuoih = db.session.scalar(select(Inspection).join(Unit).where(Unit.code == "NG-ZUOIH-MC"))
    conclusion = conclusions.conclude(zuoih, directives="Khắc phục.", **PARTS,
        responsibility_review=False, review_reason="",
                                      actor=chairman, now=NOW)
    assert conclusion.final_verdict == conclusion.proposed_verdict == "partly_substantive"
    assert not conclusion.verdict_changed and conclusion.verdict_reason is None


def test_findings_by_section_are_titled_by_the_checklist_each_inspection_pinned(demo):
    """A Directive 26 "A" is working hours, a one-stop desk's "A" its staff: the period report names each
    section as the checklist version the inspection used names it, never from a table of its own."""
    from audit.models import Finding
    from audit.services.inspections import catalog

    directive = catalog().versions_of("directive-26")[-1]
    titles = {s.title for c in catalog().versions_of("one-stop-desk") for s in c.sections}
    before = dict(review.findings_by_section(Y2019))
    total = sum(before.values())
    assert before and all(title in titles or title is None for title in before)
    cha_val = db.session.scalar(select(Inspection).where(Inspection.id == 7))
    staff = next(s.title for s in catalog().get(cha_val.checklist_key, cha_val.checklist_version).sections
                 if s.key == "A")
    moved = sum(1 for f in cha_val.findings if f.status == "draft" and f.item_id and f.item_id.startswith("A"))
    assert moved
    # test data: the same inspection as if it had been made with the Directive 26 checklist (a finalised
    # inspection cannot be changed through the application, so the row is rewritten directly)
    db.session.execute(update(Inspection).where(Inspection.id == 7).values(
        checklist_key=directive.key, checklist_version=directive.version))
    after = dict(review.findings_by_section(Y2019))
    working_hours = next(s.title for s in directive.sections if s.key == "A")
    assert working_hours == "Chấp hành thời giờ làm việc"
    assert after[working_hours] == moved
    assert after[staff] == before[staff] - moved
    assert sum(after.values()) == total
    assert db.session.scalar(select(Finding.id).where(Finding.inspection_id == 7)) is not None


def test_each_unit_s_sample_figures_on_the_statistics_page_are_its_latest_inspection_s_own(demo):
    """The statistics page reads every unit's latest inspection at once; the sample it shows for a unit is the
    one that inspection's own page shows (answers.sample_summary)."""
    from audit.services.answers import sample_summary

    rows = review.on_time_by_unit(Y2019)
    compared = 0
    for row in rows:
        latest = db.session.scalars(select(Inspection).where(
            Inspection.unit_id == row.unit.id, Inspection.state == "finalised",
            Inspection.inspection_date.between(Y2019.start, Y2019.end))
            .order_by(Inspection.inspection_date.desc(), Inspection.id.desc())).first()
        if latest is None:
            assert row.sample_size == 0 and row.sample_rate is None
            continue
        summary = sample_summary(latest)
        assert (row.sample_size, row.sample_rate) == (summary.size, summary.metrics["on_time_rate"]), row.unit.code
        compared += summary.size > 0
    assert compared >= 3


def _store_quarters(unit_id: int, field: str, year: int, quarters: list[tuple]) -> None:
    """The reporting form's rows of one unit and field, one per quarter of ``year``: (carried over, received,
    early, on time, late, pending, of which overdue, returned, procedures)."""
    from audit.models import DossierStatistic

    starts = [date(year, 1, 1), date(year, 4, 1), date(year, 7, 1), date(year, 10, 1)]
    ends = [date(year, 3, 31), date(year, 6, 30), date(year, 9, 30), date(year, 12, 31)]
    for start, end, figures in zip(starts, ends, quarters, strict=False):
        carried, received, early, on_time, late, pending, overdue, returned, procedures = figures
        db.session.add(DossierStatistic(unit_id=unit_id, field=field, period_start=start, period_end=end,
                                        carried_over=carried, received=received, early=early, on_time=on_time,
                                        late=late, pending=pending, pending_overdue=overdue, returned=returned,
                                        procedures=procedures, imported_at=NOW))
    db.session.flush()


def test_four_quarters_make_a_year_without_counting_pending_twice(demo):
    """As the reporting form counts a year from its quarters: carried over into the year is Q1's, still being
    handled at its end is Q4's, the flows are summed, the procedures are the most any quarter names (not their
    sum), and a breakdown no quarter gave stays unknown."""
    unit = db.session.scalar(select(Unit).where(Unit.code == "NG-LAEE-MC"))
    _store_quarters(unit.id, "dat_dai", 2031, [(5, 100, 0, 90, 5, 10, 1, None, 40), (10, 100, 0, 95, 5, 10, 2, None, 42),
                                               (10, 100, 0, 100, 0, 10, 0, 3, 42), (10, 100, 0, 100, 4, 6, 3, None, 41)])
    _store_quarters(unit.id, "tu_phap", 2031, [(0, 7, 1, 5, 1, 0, 0, 0, 3)])  # another field, not mixed in

    def totals(text):
        rows = review.unit_field_totals(parse_period(text), frozenset({unit.id}))
        return {r.field: r.totals for r in rows}

    year = totals("2031")
    land = year["dat_dai"]
    assert (land.carried_over, land.received, land.handled, land.late, land.pending, land.pending_overdue) == \
        (5, 400, 399, 14, 6, 3)
    assert land.to_handle == land.handled + land.pending
    assert (land.procedures, land.returned) == (42, 3)  # the most any quarter names; the one quarter that said
    assert (year["tu_phap"].received, year["tu_phap"].late, year["tu_phap"].returned) == (7, 1, 0)
    q2 = totals("2031-Q2")["dat_dai"]  # one quarter: that quarter as it was given
    assert (q2.carried_over, q2.received, q2.early, q2.on_time, q2.late, q2.pending,
            q2.pending_overdue, q2.returned, q2.procedures) == (10, 100, 0, 95, 5, 10, 2, None, 42)
    assert totals("2030") == {}
