"""The register of legal documents: its schema, citations as they stood on a date, and anachronisms.

Stated as an inspector reads a record: a 2019 record cannot mention a decree of 2021; a decree is cited with
an amendment only once the amendment is in force; a document whose date nobody read cannot be shown to
exist on a given day."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from audit.catalog import DEFAULT_ROOT, ChecklistFileError, validate_all
from audit.catalog.legal import load_register
from audit.domain.legal import anachronisms, citation_date

REGISTER = load_register(DEFAULT_ROOT)


def test_the_register_loads_against_its_schema_and_every_reference_resolves():
    assert "ND-61/2018" in REGISTER and "ND-118/2025" in REGISTER
    for document in REGISTER.documents:
        for amending in document.amended_by:
            assert amending in REGISTER
        assert document.replaced_by is None or document.replaced_by in REGISTER


@pytest.mark.parametrize(("day", "text"), [
    (date(2016, 9, 5), "05/9/2016"), (date(2018, 4, 23), "23/4/2018"), (date(2019, 1, 15), "15/01/2019"),
    (date(2021, 12, 6), "06/12/2021"), (date(2025, 2, 3), "03/02/2025")])
def test_dates_are_cited_as_decree_30_writes_them(day, text):
    assert citation_date(day) == text


def test_decree_61_in_2019_is_cited_without_the_2021_amendment():
    text = REGISTER.cite("ND-61/2018", date(2019, 11, 20))
    assert text.startswith("Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa")
    assert "107/2021" not in text


def test_decree_61_after_the_amendment_took_effect_names_it():
    assert REGISTER.cite("ND-61/2018", date(2021, 12, 5)).count("107/2021") == 0
    text = REGISTER.cite("ND-61/2018", date(2022, 3, 1))
    assert text.endswith(", được sửa đổi, bổ sung bởi Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ")


def test_an_amendment_of_unread_date_is_cited_only_from_the_day_assumed_and_flagged_as_assumed():
    decree_367 = REGISTER.get("ND-367/2025")
    assert (decree_367.signed, decree_367.in_force_from) == (None, None)  # nobody read them: never guessed
    assert decree_367.assumed_in_force_from == date(2026, 7, 1) and not decree_367.effect_date_read
    assert "367/2025" not in REGISTER.cite("ND-118/2025", date(2026, 6, 30))
    assert REGISTER.cite("ND-118/2025", date(2026, 12, 2), with_title=False) == (
        "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ, được sửa đổi, bổ sung bởi "
        "Nghị định số 367/2025/NĐ-CP của Chính phủ")
    assert REGISTER.undated_amendments("ND-118/2025") == ()


def test_a_document_of_no_date_read_nor_assumed_is_never_in_force():
    directive = REGISTER.get("CT-27/2023")
    assert directive.effective_from is None
    assert not directive.in_force_on(date(2026, 12, 2)) and not REGISTER.citable_on("CT-27/2023", date(2026, 12, 2))


def test_a_date_is_assumed_only_when_none_was_read_and_always_with_its_reason(tmp_path):
    root = _copy_root(tmp_path)
    text = (root / "legal-register.yaml").read_text(encoding="utf-8")
    text = text.replace('  in_force_from: "2025-07-01"\n',
                        '  in_force_from: "2025-07-01"\n  assumed_in_force_from: "2025-08-01"\n', 1)
    (root / "legal-register.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistFileError) as caught:
        load_register(root)
    assert "ND-118/2025: a date is assumed only when no date was read" in str(caught.value)
    assert "ND-118/2025: an assumed date of effect needs its reason" in str(caught.value)


@pytest.mark.parametrize(("key", "day", "in_force"), [
    ("ND-61/2018", date(2018, 6, 20), False), ("ND-61/2018", date(2018, 6, 21), True),
    ("ND-61/2018", date(2025, 6, 30), True), ("ND-61/2018", date(2025, 7, 1), False),
    ("ND-118/2025", date(2025, 6, 30), False), ("ND-118/2025", date(2025, 7, 1), True)])
def test_the_one_stop_decrees_switch_on_01_07_2025(key, day, in_force):
    assert REGISTER.get(key).in_force_on(day) is in_force


def test_a_version_from_2018_citing_a_2021_decree_is_an_anachronism_named_by_item():
    problems = anachronisms(REGISTER, [("E07", "ND-107/2021"), ("A02", "CT-26/2016")], date(2018, 6, 21))
    assert [(p.where, p.key) for p in problems] == [("E07", "ND-107/2021")]
    assert problems[0].params["start"] == date(2021, 12, 6)
    assert str(problems[0]) == ("E07 cites ND-107/2021, in force from 2021-12-06, in a version in force from "
                                "2018-06-21.")


def test_a_document_is_citable_from_its_first_day_in_force_not_the_day_before():
    assert anachronisms(REGISTER, [("D07", "ND-107/2021")], date(2021, 12, 6)) == []
    assert len(anachronisms(REGISTER, [("D07", "ND-107/2021")], date(2021, 12, 5))) == 1
    assert anachronisms(REGISTER, [("A01", "ND-367/2025")], date(2026, 7, 1)) == []
    assert len(anachronisms(REGISTER, [("A01", "ND-367/2025")], date(2026, 6, 30))) == 1


def test_a_version_citing_a_repealed_or_unknown_or_undated_document_is_refused():
    problems = anachronisms(REGISTER, [("B01", "ND-61/2018"), ("C01", "ND-999/2030"), ("E04", "CT-27/2023")],
                            date(2025, 7, 1))
    assert [(p.where, p.key) for p in problems] == [("B01", "ND-61/2018"), ("C01", "ND-999/2030"),
                                                    ("E04", "CT-27/2023")]


def test_documents_in_force_on_the_first_day_pass_both_ways():
    assert anachronisms(REGISTER, [("A01", "ND-61/2018"), ("A05", "QD-129/2007")], date(2018, 6, 21)) == []
    assert anachronisms(REGISTER, [("A01", "ND-118/2025")], date(2025, 7, 1)) == []


def _copy_root(tmp_path: Path) -> Path:
    root = tmp_path / "checklists"
    root.mkdir()
    for name in ("legal-register.yaml", "legal-register.schema.json", "checklist.schema.json"):
        (root / name).write_text((DEFAULT_ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    return root


def test_a_register_entry_missing_its_date_field_or_with_a_bad_kind_is_refused_with_its_line(tmp_path):
    root = _copy_root(tmp_path)
    data = yaml.safe_load((root / "legal-register.yaml").read_text(encoding="utf-8"))
    data["documents"][1]["kind"] = "thong_bao"
    del data["documents"][2]["signed"]
    (root / "legal-register.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ChecklistFileError) as caught:
        load_register(root)
    text = str(caught.value)
    assert "documents[1].kind" in text and "'signed' is a required property" in text
    assert "legal-register.yaml:" in text


def test_an_amendment_pointing_outside_the_register_is_refused(tmp_path):
    root = _copy_root(tmp_path)
    text = (root / "legal-register.yaml").read_text(encoding="utf-8").replace('  - "ND-107/2021"', '  - "ND-108/2021"')
    (root / "legal-register.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistFileError, match="ND-61/2018 refers to ND-108/2021"):
        load_register(root)


def test_two_versions_of_one_checklist_valid_on_the_same_day_are_refused(tmp_path):
    root = _copy_root(tmp_path)
    (root / "one-stop-desk").mkdir()
    for name in ("v1.yaml", "v2.yaml"):
        text = (DEFAULT_ROOT / "one-stop-desk" / name).read_text(encoding="utf-8")
        if name == "v2.yaml":
            text = text.replace('valid_from: "2025-07-01"', 'valid_from: "2021-12-01"').replace(
                'status: "published"', 'status: "published"')
        (root / "one-stop-desk" / name).write_text(text, encoding="utf-8")
    (root / "CHECKSUMS").write_text("", encoding="utf-8")
    _, problems = validate_all(root)
    assert any("two versions of one checklist cannot apply on the same day" in p and "v2.yaml" in p
               for p in problems), problems


def test_the_minutes_rest_on_the_law_of_the_inspection_date():
    from audit.catalog import get_catalog
    from reports.minutes import legal_grounds

    catalog = get_catalog(DEFAULT_ROOT)
    v1, v2, v3, v4, d26 = (catalog.get("one-stop-desk", 1), catalog.get("one-stop-desk", 2),
                           catalog.get("one-stop-desk", 3), catalog.get("one-stop-desk", 4),
                           catalog.get("directive-26", 1))
    in_2019 = legal_grounds(v1, date(2019, 11, 20))
    assert in_2019 == [
        "Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ về tăng cường kỷ luật, kỷ cương trong các "
        "cơ quan hành chính nhà nước các cấp",
        "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông "
        "trong giải quyết thủ tục hành chính"]
    assert "107/2021" in legal_grounds(v3, date(2023, 5, 10))[1]
    in_2025 = legal_grounds(v2, date(2025, 11, 20))
    assert in_2025[1].startswith("Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ") and "367" not in in_2025[1]
    in_2026 = legal_grounds(v4, date(2026, 12, 2))
    assert in_2026[1].endswith(", được sửa đổi, bổ sung bởi Nghị định số 367/2025/NĐ-CP của Chính phủ")
    assert len(legal_grounds(d26, date(2019, 11, 20))) == 1  # Directive 26 alone for a discipline inspection


@pytest.mark.parametrize(("day", "version"), [
    (date(2018, 6, 20), None), (date(2018, 6, 21), 1), (date(2021, 12, 5), 1), (date(2021, 12, 6), 3),
    (date(2025, 6, 30), 3), (date(2025, 7, 1), 2), (date(2026, 6, 30), 2), (date(2026, 7, 1), 4),
    (date(2026, 12, 2), 4)])
def test_every_switch_date_of_the_one_stop_desk_checklist(day, version):
    """Decree 61 from 21/6/2018; as amended by Decree 107/2021 from 06/12/2021; Decree 118 from 01/7/2025;
    Decree 118 as amended by Decree 367/2025 from the day assumed for it (01/7/2026)."""
    from audit.catalog import get_catalog

    found = get_catalog(DEFAULT_ROOT).for_date("one-stop-desk", day)
    assert (found.version if found else None) == version


def test_no_published_version_cites_a_document_outside_its_time_in_force():
    from audit.catalog import cited_keys, get_catalog

    for checklist in get_catalog(DEFAULT_ROOT).versions:
        cited = [c for c in cited_keys(checklist) if c[1] in REGISTER]
        assert anachronisms(REGISTER, cited, checklist.valid_from) == [], checklist.path


def _v1_with(tmp_path: Path, old: str, new: str) -> list[str]:
    root = _copy_root(tmp_path)
    (root / "one-stop-desk").mkdir()
    text = (DEFAULT_ROOT / "one-stop-desk" / "v1.yaml").read_text(encoding="utf-8")
    assert old in text
    (root / "one-stop-desk" / "v1.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    (root / "CHECKSUMS").write_text("", encoding="utf-8")
    return validate_all(root)[1]


G02_BASIS = 'basis: {kind: "proposal", note: "Đề xuất của Đoàn kiểm tra, không có căn cứ pháp lý: điểm tăng dần'


def test_a_threshold_said_to_rest_on_law_must_name_the_document(tmp_path):
    problems = _v1_with(tmp_path, G02_BASIS, 'basis: {kind: "law", note: "Theo quy định: điểm tăng dần')
    assert any("v1.yaml" in p and "'doc' is a required property" in p for p in problems), problems


def test_a_threshold_resting_on_a_document_outside_the_register_is_refused(tmp_path):
    problems = _v1_with(tmp_path, G02_BASIS,
                        'basis: {kind: "law", doc: "ND-999/2030", ref: "Điều 1", note: "Theo quy định: điểm tăng dần')
    assert any("ND-999/2030 is not in the register of legal documents" in p for p in problems), problems


def test_a_threshold_resting_on_a_registered_law_is_accepted(tmp_path):
    problems = _v1_with(tmp_path, G02_BASIS,
                        'basis: {kind: "law", doc: "ND-61/2018", ref: "Điều 9", note: "Theo quy định: điểm tăng dần')
    assert not any("register" in p or "basis" in p for p in problems), problems


def test_validate_refuses_a_2018_version_citing_a_2021_decree_naming_file_and_item(tmp_path):
    problems = _v1_with(tmp_path, '    citations:\n    - {doc: "ND-61/2018"',
                        '    citations:\n    - {doc: "ND-107/2021", about: "số hóa", confidence: "P"}\n    - {doc: "ND-61/2018"')
    assert any(p.startswith("one-stop-desk/v1.yaml: A01 cites ND-107/2021, in force from 2021-12-06, in a version "
                            "in force from 2018-06-21") for p in problems), problems


def test_validate_refuses_a_version_resting_on_a_repealed_decree(tmp_path):
    problems = _v1_with(tmp_path, 'valid_from: "2018-06-21"\nvalid_to: "2021-12-05"',
                        'valid_from: "2025-07-02"\nvalid_to: null')
    assert any("legal_basis cites ND-61/2018, no longer in force after 2025-06-30" in p for p in problems), problems


def test_a_threshold_without_basis_is_refused(tmp_path):
    line = ('scoring: {type: "ratio", denominator: "E09", full_at: 30, zero_at: 0, basis: {kind: "proposal", '
            'note: "Đề xuất của Đoàn kiểm tra, không có căn cứ pháp lý: điểm tăng dần theo số lượt đánh giá trên số '
            'hồ sơ tiếp nhận, đủ điểm từ 30 %; không quyết định kết quả."}}')
    problems = _v1_with(tmp_path, line, 'scoring: {type: "ratio", denominator: "E09", full_at: 30, zero_at: 0}')
    assert any("v1.yaml" in p and "'basis' is a required property" in p for p in problems), problems
