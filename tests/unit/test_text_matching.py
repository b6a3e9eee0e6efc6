"""Matching names and labels as people type them: diacritics, case, spacing and the usual prefixes."""

import pytest

from audit.domain.text import fold, unit_name_key


@pytest.mark.parametrize(("raw", "folded"), [
    ("Đất  đai", "dat dai"), ("ĐẤT ĐAI", "dat dai"), ("dat_dai", "dat dai"), ("Hộ tịch", "ho tich"),
    ("Lao động – Thương binh và Xã hội", "lao dong thuong binh va xa hoi"), ("LĐ-TB&XH", "ld tb xh"),
    ("Người có công", "nguoi co cong"), ("", ""), (None, ""),
])
def test_fold_removes_what_people_leave_out(raw, folded):
    assert fold(raw) == folded


@pytest.mark.parametrize(("raw", "key"), [
    ("UBND xã La Êê", "la ee"), ("Xã La Êê", "la ee"), ("Ủy ban nhân dân xã La Êê", "la ee"),
    ("xa la ee", "la ee"), ("Thị trấn Thạnh Mỹ", "thanh my"), ("UBND Thị trấn Thạnh Mỹ", "thanh my"),
    ("Phường Hải Châu", "hai chau"), ("La Êê", "la ee"),
    ("Xã", "xa"),  # nothing but a prefix: kept, never matched to everything
])
def test_unit_names_match_without_their_prefixes(raw, key):
    assert unit_name_key(raw) == key


def test_different_communes_stay_different():
    assert unit_name_key("Xã La Êê") != unit_name_key("Xã La Dêê")
    assert unit_name_key("Xã Tà Pơơ") != unit_name_key("Xã Tà Bhing")
