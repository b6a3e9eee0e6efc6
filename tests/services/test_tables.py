"""Exports read as a person sees them: CSV either way, XLSX with merged headers, legacy encodings refused."""

import io
import unicodedata

import pytest
from openpyxl import Workbook

from audit.domain.errors import ImportRejected
from audit.domain.stats_columns import Column, header_paths, map_columns
from audit.services.tables import read_table
from tests.unit.test_stats_columns import FORM_06 as HEADER_3

NUMBERS = [f"({n})" for n in range(1, 14)]
ROW = ["1", "Đất đai", "45", "12", "28", "5", "38", "3", "30", "5", "7", "6", "1"]


def xlsx(rows, merges=()) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append([int(c) if c.isdigit() else (c or None) for c in row])
    for merge in merges:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_three_row_merged_header_in_xlsx_maps_every_figure():
    data = xlsx(HEADER_3 + [NUMBERS, ROW], merges=("C1:F1", "G1:J1", "K1:M1", "D2:E2", "A1:A3", "B1:B3"))
    table = read_table(data, "bao-cao.xlsx")
    assert len(table.header) == 3 and table.rows == [(5, ROW)]  # the row of column numbers is skipped
    mapped = map_columns(header_paths(table.header))
    assert mapped.columns[9] is Column.HANDLED_LATE and mapped.columns[12] is Column.PENDING_OVERDUE
    assert mapped.columns[4] is Column.RECEIVED_IN_PERSON and mapped.unknown == ()


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_csv_with_either_delimiter_with_or_without_bom_and_crlf(delimiter, bom):
    lines = ["Đơn vị;Lĩnh vực;Số hồ sơ đã giải quyết đúng hạn;Số hồ sơ đã giải quyết quá hạn",
             "UBND xã La Êê;Hộ tịch;120;4"]
    text = "\r\n".join(line.replace(";", delimiter) for line in lines) + "\r\n"
    table = read_table(bom + text.encode(), "xuat.csv")
    assert table.header == [["Đơn vị", "Lĩnh vực", "Số hồ sơ đã giải quyết đúng hạn", "Số hồ sơ đã giải quyết quá hạn"]]
    assert table.rows == [(2, ["UBND xã La Êê", "Hộ tịch", "120", "4"])]


def cp1258(text: str) -> bytes:
    """As Windows-1258 stores Vietnamese: a letter it holds whole, else the letter and its tone mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in "\u0302\u0306\u031b"))
            out += (base + "".join(m for m in marks if m not in "\u0302\u0306\u031b")).encode("cp1258")
    return out


def test_a_legacy_vietnamese_encoding_is_refused_with_how_to_save_utf8():
    data = cp1258("Đơn vị,Lĩnh vực,Đúng hạn,Quá hạn\nXã La Êê,Hộ tịch,120,4\n")
    with pytest.raises(ImportRejected) as refused:
        read_table(data, "xuat.csv")
    assert "CSV UTF-8" in refused.value.problems[0].message and "legacy" in refused.value.problems[0].message


def test_a_file_that_is_not_a_workbook_or_has_no_figures_is_refused():
    with pytest.raises(ImportRejected):
        read_table(b"PK\x03\x04 not really a zip", "x.xlsx")
    with pytest.raises(ImportRejected) as refused:
        read_table("Đơn vị,Lĩnh vực\nXã La Êê,Hộ tịch\n".encode(), "x.csv")
    assert refused.value.problems[0].message == "The file has no data rows."
