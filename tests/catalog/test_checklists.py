"""The shipped checklists: valid, frozen by checksum, complete for both legal regimes."""

import shutil
from datetime import date
from pathlib import Path

import pytest

from audit.catalog import DEFAULT_ROOT, ChecklistFileError, get_catalog, get_register, validate_all
from audit.catalog.integrity import file_sha256, read_checksums
from audit.catalog.loader import load_file, load_schema
from audit.domain.checklist import AnswerType


@pytest.fixture(scope="module")
def catalog():
    return get_catalog(DEFAULT_ROOT)


def test_every_shipped_file_is_valid_and_recorded():
    loaded, problems = validate_all(DEFAULT_ROOT)
    assert problems == []
    assert {(c.key, c.version) for c in loaded} >= {("one-stop-desk", 1), ("one-stop-desk", 2), ("directive-26", 1)}


def test_published_versions_match_their_checksums():
    recorded = read_checksums(DEFAULT_ROOT)
    assert recorded, "CHECKSUMS must list the published versions"
    for rel, digest in recorded.items():
        assert file_sha256(DEFAULT_ROOT / rel) == digest, f"{rel} changed after publication"


@pytest.mark.parametrize(
    "version, regime, start, end",
    [(1, "nd61_2018", date(2018, 6, 21), date(2021, 12, 5)), (3, "nd61_2018", date(2021, 12, 6), date(2025, 6, 30)),
     (2, "nd118_2025", date(2025, 7, 1), date(2026, 6, 30)), (4, "nd118_2025", date(2026, 7, 1), None)],
)
def test_one_stop_versions_per_regime(catalog, version, regime, start, end):
    checklist = catalog.get("one-stop-desk", version)
    assert (checklist.legal_regime, checklist.valid_from, checklist.valid_to) == (regime, start, end)
    assert len(checklist.items) >= 50
    ids = [i.id for i in checklist.items]
    assert len(ids) == len(set(ids))
    assert {i.answer_type for i in checklist.items} == set(AnswerType)
    critical = {i.id for i in checklist.items if i.critical}
    assert {"A02", "A09", "C02", "D01", "D08", "E04", "E07", "H05"} <= critical
    assert "G02" not in critical  # an invented 30 % evaluation threshold must not decide anything
    register = get_register(DEFAULT_ROOT)
    for item in checklist.items:
        for citation in item.citations:
            assert citation.doc in register and register.citable_on(citation.doc, start), (item.id, citation.doc)
    assert checklist.rules.min_coverage == 0.8 and checklist.rules.sample_minimum == 10


@pytest.mark.parametrize("key, version", [("one-stop-desk", 1), ("one-stop-desk", 2), ("one-stop-desk", 3),
                                          ("one-stop-desk", 4), ("directive-26", 1)])
def test_every_item_says_what_its_failure_means(catalog, key, version):
    checklist = catalog.get(key, version)
    for item in checklist.items:
        if item.scored or item.signal:
            # a finding is a statement of what is wrong, a requirement says what to do: never the question
            assert item.finding and not item.finding.rstrip().endswith("?"), item.id
            assert item.requirement and not item.requirement.rstrip().endswith("?"), item.id
            assert item.finding != item.text and item.requirement != item.text, item.id
        if item.scoring.type in ("linear", "ratio"):
            assert item.scoring.basis is not None, item.id
        if item.signal and any(isinstance(c.value, int | float) for c in item.signal.when):
            assert item.signal.basis is not None, item.id
    assert checklist.rules.basis.kind.value == "proposal"  # the bands are the team's proposal, not law


def test_integrity_items_carry_the_decisive_consequence_in_the_data(catalog):
    for version in (1, 2, 3, 4):
        checklist = catalog.get("one-stop-desk", version)
        decisive = {i.id for i in checklist.items if i.signal and i.signal.kind.value == "decisive"}
        # harassment, records outside the register, dossiers handled outside the desk, backdating
        assert decisive == {"A09", "D01", "D08", "E07"}
        assert checklist.item("E01").reported_metric == "on_time_rate"
        assert checklist.item("H05").signal.kind.value == "limiting"
    d26 = catalog.get("directive-26", 1)
    assert {i.id for i in d26.items if i.signal and i.signal.kind.value == "decisive"} == {"C02", "C04", "D01"}
    assert d26.rules.scale.value == "directive_26"


def test_na_is_refused_where_an_item_can_always_be_checked(catalog):
    checklist = catalog.get("one-stop-desk", 1)
    never = {i.id for i in checklist.items if not i.na_allowed}
    assert {"A02", "A09", "C02", "D01", "D08", "E07", "G02", "H05"} <= never
    assert checklist.item("E04").na.rule.value == "when"  # only when no dossier was late (E02 = 0)
    assert {"A07", "B07", "G07", "H08"} <= {i.id for i in checklist.items if i.na_allowed}


def test_regime_specific_parameters(catalog):
    v1, v2 = catalog.get("one-stop-desk", 1), catalog.get("one-stop-desk", 2)
    assert dict(v1.item("A07").params) == {"min_months": 6, "max_months": 24}
    assert dict(v2.item("A07").params) == {"min_months": 12, "max_months": 36}
    assert any(c.doc == "ND-61/2018" for c in v1.item("A02").citations)
    assert all(c.doc != "ND-61/2018" for i in v2.items for c in i.citations)


@pytest.mark.parametrize(
    "day, version",
    [(date(2019, 3, 5), 1), (date(2021, 12, 5), 1), (date(2021, 12, 6), 3), (date(2025, 6, 30), 3),
     (date(2025, 7, 1), 2), (date(2026, 6, 30), 2), (date(2026, 7, 1), 4), (date(2026, 11, 27), 4),
     (date(2018, 1, 1), None)],
)
def test_version_is_chosen_by_the_inspection_date(catalog, day, version):
    found = catalog.for_date("one-stop-desk", day)
    assert (found.version if found else None) == version


def test_directive_26_checklist_covers_the_directive(catalog):
    d26 = catalog.get("directive-26", 1)
    text = " ".join(i.text for i in d26.items).lower()
    for word in ("giờ", "thẻ", "giao tiếp", "rượu", "thuốc lá", "người đứng đầu"):
        assert word in text
    assert catalog.for_date("directive-26", date(2019, 3, 5)) is d26


# ---------------------------------------------------------------- broken files


def copy_tree(tmp_path: Path) -> Path:
    root = tmp_path / "checklists"
    shutil.copytree(DEFAULT_ROOT, root)
    return root


def problems_for(root: Path, rel: str) -> list:
    with pytest.raises(ChecklistFileError) as err:
        load_file(root / rel, root, load_schema(root))
    return err.value.problems


def test_yaml_syntax_error_reports_path_and_line(tmp_path):
    root = copy_tree(tmp_path)
    path = root / "directive-26" / "v1.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[30] = lines[30] + " : : ["
    path.write_text("\n".join(lines), encoding="utf-8")
    problems = problems_for(root, "directive-26/v1.yaml")
    assert problems[0].path == "directive-26/v1.yaml"
    assert problems[0].line is not None and 29 <= problems[0].line <= 33


def test_schema_error_reports_field_and_line(tmp_path):
    root = copy_tree(tmp_path)
    path = root / "directive-26" / "v1.yaml"
    text = path.read_text(encoding="utf-8")
    line_no = text[: text.index("answer_type: rating_0_2")].count("\n") + 1
    path.write_text(text.replace("answer_type: rating_0_2", "answer_type: stars", 1), encoding="utf-8")
    problems = problems_for(root, "directive-26/v1.yaml")
    assert any(p.field.endswith("answer_type") and p.line == line_no for p in problems)


def test_semantic_errors_are_found(tmp_path):
    root = copy_tree(tmp_path)
    path = root / "directive-26" / "v1.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("id: A02", "id: A01", 1), encoding="utf-8")
    messages = " ".join(p.message for p in problems_for(root, "directive-26/v1.yaml"))
    assert "repeated" in messages
    path.write_text(original.replace('doc: "QD-129/2007"', 'doc: "XX-1/2000"'), encoding="utf-8")
    _, found = validate_all(root)
    assert any("directive-26/v1.yaml" in p and "XX-1/2000 is not in the register of legal documents" in p
               for p in found), found


def test_changed_published_file_fails_the_checksum(tmp_path):
    root = copy_tree(tmp_path)
    path = root / "one-stop-desk" / "v1.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Lúc kiểm tra", "Khi kiểm tra", 1), encoding="utf-8")
    _, problems = validate_all(root)
    assert any("one-stop-desk/v1.yaml" in p and "changed" in p for p in problems)


def test_an_amendment_keeps_the_items_and_old_pins_keep_working(tmp_path):
    from datetime import date as day

    from audit.catalog import Catalog
    from audit.catalog.integrity import AmendmentRefused, items_digest, read_checksums, record_amendment, superseded_by

    root = copy_tree(tmp_path)
    rel = "one-stop-desk/v1.yaml"
    before = read_checksums(root)[rel]
    path = root / rel
    path.write_text(path.read_text(encoding="utf-8").replace("Lúc kiểm tra", "Khi kiểm tra", 1), encoding="utf-8")
    checklist = load_file(path, root)
    with pytest.raises(AmendmentRefused):
        record_amendment(root, rel, items_digest(checklist), "  ", day(2026, 12, 2))  # a reason is required
    record_amendment(root, rel, items_digest(checklist), "Sửa câu chữ A02", day(2026, 12, 2))
    loaded, problems = validate_all(root)
    assert problems == []
    catalog = Catalog(root, loaded, superseded_by(root))
    assert catalog.pinned("one-stop-desk", 1, before) is not None  # an inspection pinned before the amendment
    assert catalog.pinned("one-stop-desk", 1, "0" * 64) is None
    # changing an item's answer type is not an amendment
    path.write_text(path.read_text(encoding="utf-8").replace("answer_type: yes_no_na", "answer_type: text", 1),
                    encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace('scoring: {type: "yes_no_na"}', 'scoring: {type: "text"}',
                                                             1), encoding="utf-8")
    changed = load_file(path, root)
    with pytest.raises(AmendmentRefused):
        record_amendment(root, rel, items_digest(changed), "đổi kiểu trả lời", day(2026, 12, 2))


def test_every_recorded_amendment_leads_to_the_current_file():
    from audit.catalog.integrity import read_amendments, read_records, superseded_by

    records = read_records(DEFAULT_ROOT)
    current = {rec.sha256 for rec in records.values()}
    amendments = read_amendments(DEFAULT_ROOT)
    assert amendments, "the issue-9 amendment of v1, v2 and directive-26 v1 is recorded"
    assert all(final in current for final in superseded_by(DEFAULT_ROOT).values())
    assert all(rec.items for rec in records.values())


def test_threshold_without_basis_is_refused(tmp_path):
    root = copy_tree(tmp_path)
    path = root / "one-stop-desk" / "v1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('scoring: {type: "linear", full_at: 100, zero_at: 50, basis:',
                                 'scoring: {type: "linear", full_at: 100, zero_at: 50, nobasis:', 1), encoding="utf-8")
    problems = problems_for(root, "one-stop-desk/v1.yaml")
    assert any(p.field == "sections[0].items[2].scoring" and "'basis' is a required property" in p.message
               for p in problems)


def test_unknown_placeholder_and_missing_finding_are_refused(tmp_path):
    root = copy_tree(tmp_path)
    path = root / "one-stop-desk" / "v1.yaml"
    text = path.read_text(encoding="utf-8").replace("Chỉ {value} công chức", "Chỉ {Q99} công chức", 1)
    lines = [line for line in text.splitlines() if not line.startswith('    finding: "Công chức làm việc tại quầy')]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    messages = " ".join(f"{p.field} {p.message}" for p in problems_for(root, "one-stop-desk/v1.yaml"))
    assert "{Q99}" in messages and "needs its finding statement and requirement" in messages


def test_cli_validate_reports_broken_file_and_exits_1(tmp_path):
    from audit.app import create_app

    root = copy_tree(tmp_path)
    (root / "directive-26" / "v2.yaml").write_text("key: directive-26\nversion: [\n", encoding="utf-8")
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    result = app.test_cli_runner().invoke(args=["checklists", "validate", "--dir", str(root)])
    assert result.exit_code == 1
    assert "directive-26/v2.yaml:" in result.output
    ok = app.test_cli_runner().invoke(args=["checklists", "validate"])
    assert ok.exit_code == 0 and "one-stop-desk/v2.yaml" in ok.output
