import unicodedata
from datetime import date

import pytest

from audit.domain.errors import ImportRejected
from audit.domain.tenures import Tenure
from audit.domain.unit_import import parse
from audit.domain.units import UnitKind, UnitRef

HEADER = "record,code,name,kind,parent_code,valid_from,valid_to,succeeds,title\n"
EXISTING = {
    "NG": UnitRef("NG", UnitKind.DISTRICT, None, date(2025, 6, 30)),
    "NG-LAEE": UnitRef("NG-LAEE", UnitKind.COMMUNE, None, date(2025, 6, 30), "NG"),
}
TENURES = {"NG-LAEE": [Tenure("Bríu Quân", "Chủ tịch UBND xã", date(2016, 7, 1), None, id=7)]}


def rejected(text: str, encoding="utf-8"):
    with pytest.raises(ImportRejected) as err:
        # Windows-1258 stores Vietnamese letters decomposed (base letter + tone mark).
        data = unicodedata.normalize("NFD", text).encode(encoding) if encoding != "utf-8" else text.encode()
        parse(data, EXISTING, TENURES)
    return [(p.row, p.text()) for p in err.value.problems]


def test_valid_file_gives_units_parents_first_and_heads():
    plan = parse((HEADER +
                  "unit,NG-ZZ-MC,Bộ phận Một cửa xã ZZ,commune_desk,NG-ZZ,,30/06/2025,,\n"
                  "unit,NG-ZZ,UBND xã ZZ,commune,NG,,2025-06-30,,\n"
                  "head,NG-ZZ,Hôih Thị Dung,,,01/01/2019,,,Chủ tịch UBND xã\n").encode("utf-8-sig"),
                 EXISTING, TENURES)
    assert [u.ref.code for u in plan.units] == ["NG-ZZ", "NG-ZZ-MC"]
    assert plan.heads[0].tenure.person_name == "Hôih Thị Dung"
    assert plan.closures == []


def test_new_current_head_closes_stored_open_tenure():
    plan = parse((HEADER + "head,NG-LAEE,Alăng Thị Hoa,,,15/08/2019,,,Chủ tịch UBND xã\n").encode(), EXISTING, TENURES)
    assert [(c.tenure_id, c.end) for c in plan.closures] == [(7, date(2019, 8, 14))]


def test_two_heads_in_file_close_each_other():
    plan = parse((HEADER +
                  "head,NG-LAEE,B,,,01/01/2020,,,Chủ tịch\n"
                  "head,NG-LAEE,A,,,01/01/2019,,,Chủ tịch\n").encode(), EXISTING, TENURES)
    heads = {h.tenure.person_name: h.tenure for h in plan.heads}
    assert heads["A"].end == date(2019, 12, 31)
    assert heads["B"].end == date(2025, 6, 30)  # an open tenure ends with its unit (NG-LAEE ended 30/06/2025)
    assert [c.end for c in plan.closures] == [date(2018, 12, 31)]


def test_every_bad_row_is_reported_by_row_number():
    problems = rejected(HEADER +
                        "unit,NG-A,UBND xã A,commune,NG-NOPE,,30/06/2025,,\n"      # row 2: unknown parent
                        "unit,NG-B,UBND xã B,commune,NG,31/02/2019,30/06/2025,,\n"  # row 3: bad date
                        "head,NG-LAEE,X,,,2015-01-01,2017-01-01,,Chủ tịch\n"        # row 4: overlap
                        "unit,ng b!,,planet,,,,,\n"                                 # row 5: several
                        "fish,NG-C,x,commune,NG,,,,\n")                             # row 6: record type
    rows = [row for row, _ in problems]
    assert rows == sorted(rows)
    assert {2, 3, 4, 5, 6} <= set(rows)
    text = dict(problems)
    assert "NG-NOPE" in text[2]
    assert "31/02/2019" in text[3]
    assert "Bríu Quân" in text[4]
    assert "fish" in text[6]
    assert len([r for r in rows if r == 5]) >= 3  # code, name and kind all reported


def test_wrong_encoding_names_the_line():
    problems = rejected(HEADER + "unit,NG-X,UBND xã Chà Vàl,commune,NG,,30/06/2025,,\n", encoding="cp1258")
    assert problems[0][0] == 2
    assert "UTF-8" in problems[0][1]


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("", "empty"),
        ("record,code,name\n", "no data rows"),
        ("code,name\nX,Y\n", "Missing column"),
        ("record,code,name,colour\nunit,A,B,red\n", "Unknown column"),
        (HEADER + "unit,NG-X,x\n", "Expected 9 columns"),
    ],
)
def test_malformed_files_are_refused(text, fragment):
    problems = rejected(text)
    assert any(fragment in message for _, message in problems)


def test_duplicates_and_existing_codes_are_refused():
    problems = rejected(HEADER + "unit,NG-Q,a,commune,NG,,30/06/2025,,\nunit,NG-Q,b,commune,NG,,30/06/2025,,\n"
                        "unit,NG-LAEE,c,commune,NG,,30/06/2025,,\n")
    assert [row for row, _ in problems] == [3, 4]


def test_unit_cannot_outlive_parent_and_cycles_are_found():
    problems = rejected(HEADER + "unit,NG-Q,a,commune,NG,,,,\n"
                        "unit,NG-D1,d,department,NG-D2,,,,\nunit,NG-D2,d,department,NG-D1,,,,\n")
    text = dict(problems)
    assert "after its parent" in text[2]
    assert "ancestor" in text[3] and "ancestor" in text[4]


def test_successor_must_start_after_predecessor_ends():
    ok = parse((HEADER + "unit,DN-LAEE,UBND xã La Êê,commune,,01/07/2025,,NG-LAEE,\n").encode(), EXISTING, TENURES)
    assert ok.units[0].succeeds == ("NG-LAEE",)
    problems = rejected(HEADER + "unit,DN-X,x,commune,,30/06/2025,,NG-LAEE;NG-NONE,\n")
    assert len(problems) == 2
