"""Reading what each column of a provincial export holds, as a person reading the header would."""


from audit.domain.stats_columns import Column, column_of, header_paths, map_columns

# Biểu số 06/VPCP/KSTT as exports lay it out: three header rows, merged cells given in their first column only
FORM_06 = [
    ["STT", "Lĩnh vực, công việc giải quyết theo cấp", "Số hồ sơ nhận giải quyết", "", "", "",
     "Số hồ sơ đã giải quyết", "", "", "", "Số lượng hồ sơ đang giải quyết", "", ""],
    ["", "", "Tổng số", "Trong đó", "", "Từ kỳ trước", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn",
     "Tổng số", "Trong hạn", "Quá hạn"],
    ["", "", "", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "", "", "", "", "", "", "", ""],
]


def test_the_three_row_form_is_read_column_by_column():
    mapped = map_columns(header_paths(FORM_06))
    assert [mapped.columns.get(i) for i in range(13)] == [
        None, Column.FIELD, Column.RECEIVED_TOTAL, Column.RECEIVED_ONLINE, Column.RECEIVED_IN_PERSON,
        Column.CARRIED_OVER, Column.HANDLED_TOTAL, Column.HANDLED_EARLY, Column.HANDLED_ON_TIME, Column.HANDLED_LATE,
        Column.PENDING_TOTAL, Column.PENDING_WITHIN, Column.PENDING_OVERDUE]
    assert mapped.unknown == () and mapped.repeated == ()  # "STT" is a row number, not a figure


def test_late_means_handled_late_or_still_overdue_by_the_group_above_it():
    assert column_of(("Số hồ sơ đã giải quyết", "Quá hạn")) is Column.HANDLED_LATE
    assert column_of(("Số hồ sơ đang giải quyết", "Quá hạn")) is Column.PENDING_OVERDUE
    assert column_of(("Quá hạn",)) is None  # alone it could be either: asked, never guessed
    assert column_of(("Tổng số",)) is None


def test_headers_match_without_diacritics_in_any_case_and_in_english():
    assert column_of(("SO HO SO DA GIAI QUYET", "dung han")) is Column.HANDLED_ON_TIME
    assert column_of(("Handled", "On time")) is Column.HANDLED_ON_TIME
    assert column_of(("In progress", "Overdue")) is Column.PENDING_OVERDUE
    assert column_of(("Đơn vị",)) is Column.UNIT and column_of(("Mã đơn vị",)) is Column.UNIT_CODE
    assert column_of(("Kỳ báo cáo",)) is Column.PERIOD and column_of(("Năm",)) is Column.PERIOD
    assert column_of(("Lĩnh vực",)) is Column.FIELD and column_of(("Cấp",)) is Column.LEVEL
    assert column_of(("Trả lại/Xin rút",)) is Column.RETURNED


def test_a_note_in_brackets_does_not_hide_the_column():
    assert column_of(("Số hồ sơ đã giải quyết", "Đúng hạn (Bao gồm cả hồ sơ chờ Bổ sung và Trả lại/Xin rút)")) \
        is Column.HANDLED_ON_TIME


def test_one_row_headers_that_say_it_all():
    assert column_of(("Số hồ sơ đã giải quyết quá hạn",)) is Column.HANDLED_LATE
    assert column_of(("Số hồ sơ đang giải quyết quá hạn",)) is Column.PENDING_OVERDUE
    assert column_of(("Số kỳ trước chuyển qua",)) is Column.CARRIED_OVER


def test_the_first_release_s_own_headers_still_read():
    mapped = map_columns([(h,) for h in ("unit_code", "field", "period", "received", "on_time", "late")])
    assert list(mapped.columns.values()) == [Column.UNIT_CODE, Column.FIELD, Column.PERIOD, Column.RECEIVED_TOTAL,
                                             Column.HANDLED_ON_TIME, Column.HANDLED_LATE]


def test_unknown_and_repeated_columns_are_listed_for_the_user():
    mapped = map_columns([("Đơn vị",), ("Lĩnh vực",), ("Số hồ sơ treo",), ("Tên đơn vị",)])
    assert mapped.unknown == ((2, "Số hồ sơ treo"),)
    assert mapped.repeated == ((Column.UNIT, (0, 3)),)
