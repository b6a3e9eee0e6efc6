"""The record of a checklist folder that validated (audit.catalog.cache): the same catalogue and register as a fresh
load, used only while every file is unchanged, never made of a folder with a problem."""

import shutil
from pathlib import Path

import pytest

from audit.catalog import DEFAULT_ROOT, ChecklistFileError, cache, get_catalog, get_register, validate_all
from audit.catalog import loader as loader_module
from audit.catalog.legal import load_register


@pytest.fixture
def recorded(tmp_path, monkeypatch):
    """A copy of the shipped checklists, records kept in tmp_path/cache, and a fresh lru cache around each load."""
    root = tmp_path / "checklists"
    shutil.copytree(DEFAULT_ROOT, root)
    monkeypatch.setattr(cache, "_folder", tmp_path / "cache")

    def load(folder: Path = root):
        get_catalog.cache_clear()
        get_register.cache_clear()
        return get_catalog(folder), get_register(folder)

    yield root, load
    get_catalog.cache_clear()
    get_register.cache_clear()


def no_validation(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("validated again")

    monkeypatch.setattr("audit.catalog.load_file_data", refuse)
    monkeypatch.setattr("audit.catalog.load_register_data", refuse)
    monkeypatch.setattr("audit.catalog.legal.load_register_data", refuse)


def test_a_validated_folder_is_built_again_from_its_record(recorded, monkeypatch):
    root, load = recorded
    fresh_catalog, fresh_register = load()
    assert list((root.parent / "cache").glob("checklists-*.json"))
    loaded, register_of_file = validate_all(root)[0], load_register(root)
    no_validation(monkeypatch)
    catalog, register = load()
    assert catalog.versions == fresh_catalog.versions == loaded
    assert catalog.superseded == fresh_catalog.superseded
    assert register == fresh_register == register_of_file


def test_a_changed_file_is_validated_again_and_refused(recorded):
    root, load = recorded
    load()
    path = root / "one-stop-desk" / "v1.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Lúc kiểm tra", "Khi kiểm tra", 1), encoding="utf-8")
    with pytest.raises(ChecklistFileError, match="one-stop-desk/v1.yaml"):
        load()


def test_a_folder_with_a_problem_is_never_recorded(recorded):
    root, load = recorded
    (root / "CHECKSUMS").write_text("", encoding="utf-8")
    with pytest.raises(ChecklistFileError):
        load()
    assert not list((root.parent / "cache").glob("checklists-*.json"))


def test_other_code_or_libraries_make_another_key(recorded, monkeypatch):
    root, load = recorded
    load()
    monkeypatch.setattr(cache, "_code_and_libraries", lambda: "another version of the loader")
    calls = []
    real = loader_module.load_file_data
    monkeypatch.setattr("audit.catalog.load_file_data", lambda *a, **k: calls.append(a) or real(*a, **k))
    load()
    assert calls


def test_without_a_folder_nothing_is_recorded(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "_folder", None)
    assert cache.snapshot(DEFAULT_ROOT) is None
    assert cache.load(DEFAULT_ROOT) is None
