"""The heads table reads kept rows per head, unit and quarter; these tests state what the rows must hold, from the
chairman's side, and check them against the findings themselves.

Rules, literally:
- a head is charged with every finding in force (not dropped) of a finalised inspection that names them; an
  inspection still being worked on charges nobody;
- a repeat finding counts as a repeat;
- an inspection counts as formal for a head when the verdict that stands is formal or serious violations: the
  chairman's once concluded (a replaced notice no longer counts), else the team's;
- a year or quarter sums exactly the inspections dated in it.
"""

from datetime import UTC, date, datetime

from sqlalchemy import func, select

from audit.db import db
from audit.domain.review import Period, parse_period
from audit.models import Finding, HeadQuarterTotal, Inspection, User
from audit.services import authorities, conclusions, head_totals
from audit.services import heads as heads_service

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
PARTS = {"strengths": "Công chức niềm nở với người dân.", "causes": "Thiếu kiểm tra, đôn đốc."}


def _literal(period: Period | None) -> dict[int, tuple[int, int, int]]:
    """Per head, straight from the rule: (findings, repeats, formal inspections)."""
    out: dict[int, list] = {}
    for inspection in db.session.scalars(select(Inspection).where(Inspection.state == "finalised")):
        if period is not None and not period.start <= inspection.inspection_date <= period.end:
            continue
        verdict = inspection.conclusion.final_verdict if inspection.conclusion else inspection.verdict
        named = {}
        for finding in inspection.findings:
            if finding.status != "draft" or finding.head_tenure_id is None:
                continue
            n, r = named.get(finding.head_tenure_id, (0, 0))
            named[finding.head_tenure_id] = (n + 1, r + int(bool(finding.repeat)))
        for tenure, (n, r) in named.items():
            totals = out.setdefault(tenure, [0, 0, 0])
            totals[0] += n
            totals[1] += r
            totals[2] += verdict in ("formal", "serious_violations")
    return {tenure: tuple(v) for tenure, v in out.items()}


def _read(period: Period | None) -> dict[int, tuple[int, int, int]]:
    figures = heads_service._head_figures(heads_service.span_of(period), None)
    return {row[0]: tuple(int(x or 0) for x in row[1:])
            for row in db.session.execute(figures, heads_service.dates_of(period))}


def test_the_heads_figures_are_the_rule_for_all_time_and_every_demo_year_and_quarter(demo):
    periods = [None] + [parse_period(f"{y}") for y in range(2018, 2027)] + \
        [parse_period(f"{y}-Q{q}") for y in (2019, 2026) for q in (1, 2, 3, 4)]
    seen = 0
    for period in periods:
        literal = _literal(period)
        assert _read(period) == literal, period
        seen += len(literal)
    assert seen > 10  # the demo charges heads in several periods


def test_a_span_that_is_not_whole_quarters_is_counted_from_the_findings(demo):
    span = Period(date(2019, 2, 15), date(2019, 11, 14), "15/02–14/11/2019")
    assert not span.whole_quarters and parse_period("2019").whole_quarters and parse_period("2019-Q3").whole_quarters
    assert _read(span) == _literal(span) and _literal(span)


def _concludable(chairman: User, verdict_not: tuple[str, ...]) -> Inspection:
    """The oldest finalised inspection not yet concluded, naming a head, that ``chairman`` may conclude today."""
    return next(i for i in db.session.scalars(select(Inspection).where(
        Inspection.state == "finalised", Inspection.verdict.not_in(verdict_not),
        Inspection.id.in_(select(Finding.inspection_id).where(Finding.head_tenure_id.is_not(None))),
        Inspection.id.not_in(select(Inspection.id).join(Inspection.conclusion)))
        .order_by(Inspection.inspection_date)) if authorities.chairs(chairman, i, TODAY))


def test_the_chairman_s_formal_verdict_charges_the_head_and_a_replacing_notice_takes_it_back(demo):
    # today the city's chairman concludes, the 2019 district's inspections included
    chairman = db.session.scalars(select(User).where(User.username == "chutich-tp")).one()
    inspection = _concludable(chairman, ("formal", "serious_violations"))
    tenure = next(f.head_tenure_id for f in inspection.findings if f.head_tenure_id)
    period = parse_period(str(inspection.inspection_date.year))
    before = _read(period)[tenure]
    conclusions.conclude(inspection, directives="Chấn chỉnh ngay.", responsibility_review=False, review_reason="",
                         final_verdict="formal", verdict_reason="Mẫu hồ sơ cho thấy làm hình thức.", actor=chairman,
                         now=NOW, **PARTS)
    db.session.commit()
    assert _read(period)[tenure] == (before[0], before[1], before[2] + 1) == _literal(period)[tenure]
    conclusions.conclude(inspection, directives="Chấn chỉnh ngay.", responsibility_review=False, review_reason="",
                         final_verdict=inspection.verdict, verdict_reason="", actor=chairman, now=NOW,
                         replaces_id=inspection.conclusion.document_id, reason="Đính chính kết luận về mức đánh giá.",
                         confirmed=True, **PARTS)
    db.session.commit()
    assert _read(period)[tenure] == before == _literal(period)[tenure]
    assert head_totals.stored() == head_totals.computed()


def test_rebuilding_from_scratch_gives_the_rows_kept_along_the_way(demo):
    kept = head_totals.stored()
    assert kept and sum(f for f, _, _ in kept.values()) == db.session.scalar(
        select(func.count()).select_from(Finding).join(Inspection)
        .where(Inspection.state == "finalised", Finding.status == "draft", Finding.head_tenure_id.is_not(None)))
    db.session.execute(HeadQuarterTotal.__table__.delete())
    assert head_totals.stored() == {}
    assert head_totals.rebuild() == len(kept)
    db.session.commit()
    assert head_totals.stored() == kept


def test_the_operator_checks_the_kept_rows_and_rebuilds_them(demo, runner):
    assert runner.invoke(args=["head-totals", "check"]).exit_code == 0
    row = db.session.scalars(select(HeadQuarterTotal).order_by(HeadQuarterTotal.findings.desc())).first()
    row.findings += 2
    db.session.commit()
    checked = runner.invoke(args=["head-totals", "check"])
    assert checked.exit_code == 1 and "1 dòng lệch" in checked.output
    assert f"đang giữ ({row.findings}," in checked.output and f"tính lại ({row.findings - 2}," in checked.output
    rebuilt = runner.invoke(args=["head-totals", "rebuild"])
    assert rebuilt.exit_code == 0 and f"Đã tính lại {len(head_totals.computed())} dòng" in rebuilt.output
    assert runner.invoke(args=["head-totals", "check"]).exit_code == 0
