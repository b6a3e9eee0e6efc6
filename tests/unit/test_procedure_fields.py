"""Fields of procedures as exports name them: the labels of the issue's provincial export all match."""

import pytest

from audit.domain.procedure_fields import FIELDS, FIRST_RELEASE, field_by_key, match_field
from audit.domain.text import fold

# the seven labels the first release could not place (issue 15), and the ones it could
UNPLACED_BEFORE = {"Tư pháp": "tu_phap", "Giáo dục": "giao_duc", "Người có công": "nguoi_co_cong",
                   "Văn hóa": "van_hoa", "Lưu thông hàng hóa": "luu_thong_hang_hoa",
                   "Lao động – Thương binh và Xã hội": "lao_dong_tbxh", "Quy hoạch xây dựng": "quy_hoach_xay_dung"}


@pytest.mark.parametrize(("label", "key"), list(UNPLACED_BEFORE.items()) + [
    ("Đất đai", "dat_dai"), ("ĐẤT ĐAI", "dat_dai"), ("dat dai", "dat_dai"), ("dat_dai", "dat_dai"),
    ("Hộ tịch", "ho_tich"), ("Chứng thực", "chung_thuc"), ("Bảo trợ xã hội", "bao_tro_xa_hoi"),
    ("LĐ-TB&XH", "lao_dong_tbxh"), ("Kinh doanh", "kinh_doanh"), ("Xây dựng", "xay_dung"),
])
def test_labels_as_exports_write_them_match_one_field(label, key):
    assert match_field(label).key == key


def test_an_unknown_label_is_not_guessed():
    assert match_field("Hàng hải") is None and match_field("") is None
    assert match_field("Quy hoạch xây dựng").key != match_field("Xây dựng").key  # near is not the same


def test_every_first_release_field_is_in_the_list():
    assert all(field_by_key(key) for key in FIRST_RELEASE)


def test_no_two_fields_share_a_name():
    names = [name for f in FIELDS for name in {fold(n) for n in f.names()}]
    assert len(names) == len(set(names))
    assert len({f.key for f in FIELDS}) == len(FIELDS)
