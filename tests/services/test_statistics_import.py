"""Importing an export as the provincial system writes it, against the demo's unit tree: its own headers,
names and labels; drafts, the mapping remembered per source, commit all or none, re-import never doubles."""

from datetime import UTC, datetime
from io import BytesIO

import pytest
from sqlalchemy import func, select

from audit.db import db
from audit.domain.errors import Conflict, ImportRejected
from audit.domain.review import parse_period
from audit.domain.stats_columns import Column
from audit.domain.stats_import import ImportState
from audit.models import AuditLogEntry, DossierStatistic, StatisticsImport, Unit, User
from audit.services import review, statistics

NOW = datetime(2026, 12, 3, 3, 0, tzinfo=UTC)
Y2020 = parse_period("2020")

# semicolon, UTF-8 with BOM, CRLF, a two-row header with merged groups, names and national labels
PROVINCIAL = ("\ufeffĐơn vị;Lĩnh vực;Số hồ sơ nhận giải quyết;;;Số hồ sơ đã giải quyết;;;"
              "Số hồ sơ đang giải quyết;;Trả lại/rút hồ sơ\r\n"
              ";;Từ kỳ trước;Trực tuyến;Trực tiếp;Trước hạn;Đúng hạn;Quá hạn;Trong hạn;Quá hạn;\r\n"
              "UBND huyện Nam Giang;Đất đai;12;40;380;20;360;30;20;2;4\r\n"
              "UBND xã La Êê;Tư pháp;0;10;500;0;505;0;5;0;1\r\n"
              "Xã Zuôih;Người có công;1;0;30;0;29;1;1;0;0\r\n"
              "THỊ TRẤN THẠNH MỸ;Giáo dục;0;0;12;0;12;0;0;0;0\r\n").encode("utf-8")


def _chairman() -> User:
    return db.session.scalar(select(User).where(User.username == "chutich"))


def _draft(data: bytes, name="bao-cao-2020.csv", period="2020", source="Cổng DVC tỉnh Quảng Nam"):
    imp = statistics.draft(data, name, source=source, period_text=period, actor=_chairman(), now=NOW)
    db.session.commit()
    return imp


def _count() -> int:
    return db.session.scalar(select(func.count(DossierStatistic.id)))


def test_a_provincial_export_imports_without_any_mapping_and_the_figures_follow_the_form(demo):
    imp = _draft(PROVINCIAL)
    prepared = statistics.prepare(imp, scope=None)
    assert prepared.ready, (prepared.preview.problems, prepared.preview.unknown_units, prepared.preview.unknown_fields,
                            prepared.preview.missing_columns, prepared.overlaps)
    # the district's own rows go to the district's one-stop desk; a commune's to its desk
    assert [r.unit.code for r in prepared.preview.rows] == ["NG-MC", "NG-LAEE-MC", "NG-ZUOIH-MC", "NG-THANHMY-MC"]
    assert [r.field.key for r in prepared.preview.rows] == ["dat_dai", "tu_phap", "nguoi_co_cong", "giao_duc"]
    before = _count()
    outcome = statistics.commit(imp, actor=_chairman(), now=NOW, scope=None)
    db.session.commit()
    assert (outcome.rows, outcome.replaced, outcome.unchanged) == (4, 0, False)
    assert _count() == before + 4
    land = db.session.scalar(select(DossierStatistic).join(Unit).where(Unit.code == "NG-MC",
                                                                       DossierStatistic.period_start == Y2020.start))
    assert (land.carried_over, land.received, land.received_online, land.received_in_person) == (12, 420, 40, 380)
    assert (land.early, land.on_time, land.late, land.pending, land.pending_overdue, land.returned) == \
        (20, 360, 30, 22, 2, 4)
    assert land.rate == 92.7  # (20 + 360) / 410 handled, not over the 432 to handle
    assert imp.import_state is ImportState.COMMITTED and imp.rows == 4


def test_the_same_file_twice_changes_nothing_and_a_corrected_file_replaces_never_doubles(demo):
    first = _draft(PROVINCIAL)
    statistics.commit(first, actor=_chairman(), now=NOW, scope=None)
    db.session.commit()
    count = _count()
    by_unit = {r.unit.code: (r.figures.received, r.figures.late) for r in review.on_time_by_unit(Y2020)}
    again = _draft(PROVINCIAL)
    outcome = statistics.commit(again, actor=_chairman(), now=NOW, scope=None)
    db.session.commit()
    assert outcome.unchanged and _count() == count
    assert again.import_state is ImportState.UNCHANGED and first.import_state is ImportState.COMMITTED
    assert {r.unit.code: (r.figures.received, r.figures.late) for r in review.on_time_by_unit(Y2020)} == by_unit
    corrected = _draft(PROVINCIAL.replace(b"0;10;500;0;505;0;5;0;1", b"0;10;510;0;510;5;5;0;1"))
    outcome = statistics.commit(corrected, actor=_chairman(), now=NOW, scope=None)
    db.session.commit()
    assert (outcome.rows, outcome.replaced, outcome.unchanged) == (4, 4, False)
    assert _count() == count  # replaced, not added
    db.session.refresh(first)
    assert first.import_state is ImportState.REPLACED
    laee = next(r for r in review.on_time_by_unit(Y2020) if r.unit.code == "NG-LAEE-MC")
    assert (laee.figures.received, laee.figures.late) == (520, 5)
    entry = db.session.scalar(select(AuditLogEntry).where(AuditLogEntry.action == "statistics.import")
                              .order_by(AuditLogEntry.id.desc()).limit(1))
    assert entry.payload["before"]["rows"] == 4 and entry.payload["before"]["imports"] == [first.id]


def test_a_draft_is_confirmed_once(demo):
    imp = _draft(PROVINCIAL)
    statistics.commit(imp, actor=_chairman(), now=NOW, scope=None)
    with pytest.raises(Conflict):
        statistics.commit(imp, actor=_chairman(), now=NOW, scope=None)
    with pytest.raises(Conflict):
        statistics.discard(imp, actor=_chairman(), now=NOW)


def test_unmatched_names_and_labels_are_listed_then_the_answers_are_remembered_for_the_source(demo):
    data = ("Cơ quan,Lĩnh vực,Tiếp nhận,Đúng hạn,Trả quá hạn\n"
            "UBND xã Là Ê,Hàng hải,10,9,1\n"
            "Xã Cà Dy,Hộ tịch,5,5,0\n").encode()
    imp = _draft(data, source="Phần mềm một cửa cũ")
    prepared = statistics.prepare(imp, scope=None)
    assert not prepared.ready
    assert prepared.preview.unknown_units == {"UBND xã Là Ê": [2]}
    assert prepared.preview.unknown_fields == {"Hàng hải": [2]}
    assert _count() == _count()  # nothing stored by a preview
    with pytest.raises(ImportRejected):
        statistics.commit(imp, actor=_chairman(), now=NOW, scope=None)
    laee = db.session.scalar(select(Unit).where(Unit.code == "NG-LAEE-MC"))
    statistics.remember("Phần mềm một cửa cũ", units={"UBND xã Là Ê": laee.id}, fields={"Hàng hải": "khac"}, now=NOW)
    db.session.commit()
    assert statistics.prepare(imp, scope=None).ready
    # the next file of the same source needs no mapping screen
    later = _draft(data.replace(b"10,9,1", b"11,9,2"), source="Phần mềm một cửa cũ")
    assert statistics.prepare(later, scope=None).ready
    # another source is asked again
    other = _draft(data, source="Nguồn khác")
    assert not statistics.prepare(other, scope=None).ready


def test_a_column_the_user_corrects_is_read_as_said_and_remembered(demo):
    data = ("Đơn vị;Lĩnh vực;Nhận mới;Đúng hạn;Trễ\n"
            "Xã Cà Dy;Hộ tịch;5;4;1\n").encode()
    imp = _draft(data, source="Bảng tự lập")
    prepared = statistics.prepare(imp, scope=None)
    assert Column.HANDLED_LATE in prepared.preview.missing_columns
    assert [u for _i, u in prepared.recognised.unknown] == ["Nhận mới", "Trễ"]
    statistics.remember("Bảng tự lập", columns={"Nhận mới": "received_new", "Trễ": "handled_late"}, now=NOW)
    prepared = statistics.prepare(imp, scope=None)
    assert prepared.ready and prepared.preview.rows[0].kept.late == 1


def test_broken_rows_are_named_by_line_and_nothing_is_stored(demo):
    data = PROVINCIAL.replace(b"1;0;30;0;29;1;1;0;0", b"1;0;30;0;29;1;9;0;0").replace(b"0;0;12;0;12;0;0;0;0",
                                                                                  b"0;0;12;0;x;0;0;0;0")
    imp = _draft(data)
    prepared = statistics.prepare(imp, scope=None)
    assert {p.line for p in prepared.preview.problems} == {5, 6}
    before = _count()
    with pytest.raises(ImportRejected):
        statistics.commit(imp, actor=_chairman(), now=NOW, scope=None)
    db.session.rollback()
    assert _count() == before


def test_units_outside_the_importers_scope_are_not_offered(demo):
    imp = _draft(PROVINCIAL)
    laee = db.session.scalar(select(Unit).where(Unit.code == "NG-LAEE-MC"))
    prepared = statistics.prepare(imp, scope=frozenset({laee.id}))
    assert [r.unit.code for r in prepared.preview.rows] == ["NG-LAEE-MC"]
    assert set(prepared.preview.unknown_units) == {"UBND huyện Nam Giang", "Xã Zuôih", "THỊ TRẤN THẠNH MỸ"}


def test_a_quarter_stored_blocks_the_year_that_would_count_it_twice(demo):
    quarter = _draft(PROVINCIAL, period="2020-q1")
    statistics.commit(quarter, actor=_chairman(), now=NOW, scope=None)
    db.session.commit()
    year = _draft(PROVINCIAL)
    prepared = statistics.prepare(year, scope=None)
    assert not prepared.ready and {p.row for p in prepared.overlaps} == {3, 4, 5, 6}


def test_an_xlsx_with_a_three_row_merged_header_imports(demo):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Đơn vị", "Lĩnh vực", "Số hồ sơ nhận giải quyết", None, None, None,
                  "Số hồ sơ đã giải quyết", None, None, None, "Số hồ sơ đang giải quyết", None, None])
    sheet.append([None, None, None, "Tổng số", "Trong đó", None, None, "Tổng số", "Trước hạn", "Đúng hạn",
                  "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"])
    sheet.append([None, None, None, None, "Trực tuyến", "Trực tiếp/dịch vụ bưu chính", "Từ kỳ trước"])
    for cells in ("D1:G1", "H1:K1", "L1:N1", "E2:G2", "A1:A3", "B1:B3", "C1:C3", "D2:D3", "H2:H3", "I2:I3",
                  "J2:J3", "K2:K3", "L2:L3", "M2:M3", "N2:N3"):
        sheet.merge_cells(cells)
    sheet.append([1, "UBND huyện Nam Giang", "Xây dựng", 110, 30, 70, 10, 100, 5, 90, 5, 10, 10, 0])
    sheet.append([2, "Xã Tà Pơơ", "Chứng thực", 300, 0, 300, 0, 300, 0, 300, 0, 0, 0, 0])
    out = BytesIO()
    book.save(out)
    imp = _draft(out.getvalue(), name="bieu-06.xlsx")
    prepared = statistics.prepare(imp, scope=None)
    assert prepared.ready, (prepared.preview.problems, prepared.preview.missing_columns)
    district = prepared.preview.rows[0].kept
    assert (district.carried_over, district.received, district.handled, district.pending) == (10, 100, 100, 10)
    statistics.commit(imp, actor=_chairman(), now=NOW, scope=None)
    db.session.commit()
    assert db.session.scalar(select(func.count(StatisticsImport.id))
                             .where(StatisticsImport.state == "committed")) == 1


def test_a_damaged_workbook_is_refused_not_a_crash(demo):
    import zipfile

    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<<<")
    with pytest.raises(ImportRejected):
        statistics.draft(out.getvalue(), "hong.xlsx", source="x", period_text="2020", actor=None, now=NOW)


def test_a_total_below_carried_over_is_a_row_problem_never_a_failed_commit(demo):
    data = "Đơn vị;Lĩnh vực;Từ kỳ trước;Tổng số tiếp nhận;Đúng hạn;Trả quá hạn\nXã Zuôih;Hộ tịch;10;5;5;0\n".encode()
    imp = _draft(data.replace("Tổng số tiếp nhận".encode(), b"received"))
    prepared = statistics.prepare(imp, scope=None)
    assert {p.line for p in prepared.preview.problems} == {2} and not prepared.ready
    with pytest.raises(ImportRejected):
        statistics.commit(imp, actor=_chairman(), now=NOW, scope=None)


def test_quarters_imported_one_by_one_make_the_year(demo):
    header = "Đơn vị;Lĩnh vực;Từ kỳ trước;Mới tiếp nhận;Đúng hạn;Trả quá hạn;Đang giải quyết\n"
    for quarter, row in (("2020-q1", "0;100;80;0;20"), ("2020-q2", "20;100;110;0;10"), ("2020-q3", "10;50;60;0;0"),
                         ("2020-q4", "0;40;30;2;8")):
        imp = _draft((header + f"Xã Zuôih;Hộ tịch;{row}\n").encode(), period=quarter)
        statistics.commit(imp, actor=_chairman(), now=NOW, scope=None)
        db.session.commit()
    [zuoih] = [r for r in review.on_time_by_unit(Y2020) if r.unit.code == "NG-ZUOIH-MC"]
    figures = zuoih.figures
    assert (figures.carried_over, figures.received, figures.handled, figures.pending) == (0, 290, 282, 8)
    assert figures.to_handle == figures.handled + figures.pending
