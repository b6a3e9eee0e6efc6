"""The preview a user confirms: an export in the provincial layout, with its own names and labels."""

import pytest

from audit.domain.review import parse_period
from audit.domain.stats_columns import Column, header_paths, map_columns
from audit.domain.stats_preview import build
from audit.domain.stats_units import Candidate, UnitMatcher

HEADER = [["Đơn vị", "Lĩnh vực", "Số hồ sơ nhận giải quyết", "", "Số hồ sơ đã giải quyết", "", "",
           "Số hồ sơ đang giải quyết"],
          ["", "", "Từ kỳ trước", "Mới tiếp nhận", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số"]]
LA_EE, ZUOIH = Candidate(1, "NG-LAEE", "Xã La Êê"), Candidate(2, "NG-ZUOIH", "Xã Zuôih")
MATCHER = UnitMatcher([LA_EE, ZUOIH])
COLUMNS = map_columns(header_paths(HEADER)).columns
YEAR = parse_period("2019")


def test_the_header_of_the_example_is_understood():
    assert list(COLUMNS.values()) == [Column.UNIT, Column.FIELD, Column.CARRIED_OVER, Column.RECEIVED_NEW,
                                      Column.HANDLED_EARLY, Column.HANDLED_ON_TIME, Column.HANDLED_LATE,
                                      Column.PENDING_TOTAL]


def test_an_export_with_its_own_names_and_labels_is_ready_and_totals_add_up():
    rows = [(3, ["UBND xã La Êê", "Tư pháp", "2", "120", "5", "100", "10", "7"]),
            (4, ["UBND xã La Êê", "Đất đai", "0", "30", "0", "25", "3", "2"]),
            (5, ["Xã Zuôih", "Tư pháp", "1", "1.147", "0", "1.100", "40", "8"])]
    preview = build(rows, COLUMNS, MATCHER, period=YEAR)
    assert preview.ready, (preview.problems, preview.unknown_units, preview.unknown_fields)
    assert [(r.unit, r.field.key) for r in preview.rows] == [(LA_EE, "tu_phap"), (LA_EE, "dat_dai"), (ZUOIH, "tu_phap")]
    by_field = preview.totals("field")
    assert by_field["Tư pháp"].received == 1267 and by_field["Tư pháp"].late == 50
    assert preview.totals("unit")["Xã La Êê"].on_time == 125


def test_rows_that_break_the_form_are_named_by_line_and_nothing_is_ready():
    rows = [(3, ["UBND xã La Êê", "Tư pháp", "2", "120", "5", "100", "10", "8"]),  # 122 to handle, 123 accounted
            (4, ["UBND xã La Êê", "Tư pháp", "0", "1", "0", "1", "0", "0"]),  # the same unit and field again
            (5, ["Xã Zuôih", "Đất đai", "0", "abc", "0", "0", "0", "0"])]
    preview = build(rows, COLUMNS, MATCHER, period=YEAR)
    assert not preview.ready
    assert [(p.line, p.message) for p in preview.problems] == [
        (3, "Carried over + received (%(to_handle)d) must equal handled + in progress (%(done)d)."),
        (4, "This unit, field and period are already on line %(line)d."),
        (5, "“%(value)s” is not a whole number.")]


def test_unmatched_units_and_fields_are_listed_to_map_then_the_mapping_is_used():
    rows = [(3, ["Xã La Ê", "Hàng hải", "0", "1", "0", "1", "0", "0"])]
    preview = build(rows, COLUMNS, MATCHER, period=YEAR)
    assert preview.unknown_units == {"Xã La Ê": [3]} and preview.unknown_fields == {"Hàng hải": [3]}
    assert not preview.ready and not preview.rows
    mapped = build(rows, COLUMNS, UnitMatcher([LA_EE, ZUOIH], mapped={"Xã La Ê": LA_EE.id}), period=YEAR,
                   field_mapping={"Hàng hải": "khac"})
    assert mapped.ready and mapped.rows[0].unit == LA_EE and mapped.rows[0].field.key == "khac"


def test_missing_columns_are_asked_for_before_any_row():
    preview = build([(2, ["Xã La Êê", "12"])], {0: Column.UNIT, 1: Column.HANDLED_ON_TIME}, MATCHER, period=YEAR)
    # a unit, a field, the received and the late dossiers are needed to keep a row and state its rate
    assert preview.missing_columns == [Column.FIELD, Column.HANDLED_LATE, Column.RECEIVED_NEW] and not preview.ready
    no_period = build([(2, ["Xã La Êê", "Hộ tịch", "12", "12", "0"])],
                      {0: Column.UNIT, 1: Column.FIELD, 2: Column.RECEIVED_NEW, 3: Column.HANDLED_ON_TIME,
                       4: Column.HANDLED_LATE}, MATCHER)
    assert no_period.missing_columns == [Column.PERIOD]


def test_totals_by_level_and_the_commune_named_for_its_desk():
    desk = Candidate(7, "NG-LAEE-MC", "Bộ phận Một cửa xã La Êê", "commune")
    district_desk = Candidate(9, "NG-MC", "Bộ phận TN&TKQ huyện Nam Giang", "district")
    matcher = UnitMatcher([desk, Candidate(7, "NG-LAEE", "Xã La Êê", "commune"), district_desk,
                           Candidate(9, "NG", "Huyện Nam Giang", "district")])
    rows = [(3, ["UBND xã La Êê", "Hộ tịch", "0", "100", "0", "90", "10", "0"]),
            (4, ["UBND huyện Nam Giang", "Đất đai", "5", "40", "10", "20", "5", "10"])]
    preview = build(rows, COLUMNS, matcher, period=YEAR)
    assert preview.ready, preview.problems
    assert [r.unit.id for r in preview.rows] == [7, 9]  # the committee's figures are its desk's
    levels = preview.totals("level")
    assert (levels["commune"].received, levels["commune"].late, levels["commune"].rate) == (100, 10, 90.0)
    assert (levels["district"].carried_over, levels["district"].handled, levels["district"].pending) == (5, 35, 10)


def test_the_first_release_layout_still_reads():
    header = [["unit_code", "field", "period", "received", "on_time", "late", "procedures"]]
    columns = map_columns(header_paths(header)).columns
    matcher = UnitMatcher([Candidate(7, "NG-LAEE-MC", "Bộ phận Một cửa xã La Êê", "commune")])
    preview = build([(2, ["NG-LAEE-MC", "dat_dai", "2019", "420", "389", "31", "96"])], columns, matcher)
    assert preview.ready, (preview.problems, preview.missing_columns)
    kept = preview.rows[0].kept
    assert (kept.received, kept.on_time, kept.late, kept.carried_over, kept.pending) == (420, 389, 31, 0, None)


def test_a_year_and_its_quarter_in_one_file_would_count_twice_and_are_refused():
    header = [["Đơn vị", "Lĩnh vực", "Kỳ", "Mới tiếp nhận", "Đúng hạn", "Trả quá hạn"]]
    columns = map_columns(header_paths(header)).columns
    rows = [(2, ["Xã La Êê", "Hộ tịch", "2020", "100", "90", "10"]),
            (3, ["Xã La Êê", "Hộ tịch", "2020-Q1", "25", "20", "5"]),
            (4, ["Xã La Êê", "Hộ tịch", "2021-Q1", "25", "20", "5"])]  # another year: no overlap
    preview = build(rows, columns, MATCHER)
    assert [(p.line, p.params) for p in preview.problems] == [(3, {"line": 2, "period": "2020"})]
    assert not preview.ready


@pytest.mark.parametrize(("text", "value"), [
    ("1.147", 1147), ("1 147", 1147), ("1,147", 1147), ("1.147.000", 1147000), ("420.0", 420), ("3820", 3820),
    ("", None), ("-", None), ("12.5", "12.5"), ("420.50", "420.50"), ("1.14", "1.14"), ("-3", "-3"), ("abc", "abc"),
])
def test_a_separator_is_for_thousands_only_between_groups_of_three(text, value):
    # "420.0" from a tool that writes floats is 420, never 4200; "12.5" is not a count at all
    from audit.domain.stats_preview import _number

    assert _number(text) == value
