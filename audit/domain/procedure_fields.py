"""Fields of administrative procedures (lĩnh vực TTHC) as exports and catalogues name them, with the aliases
people write, and the nine fields of the first release mapped onto them.

No single national list was found: provincial catalogues group commune and district procedures under these
labels (checked on provincial portals: Thừa Thiên Huế, Lào Cai, Hà Nội, Thanh Hóa — see the closing note of
issue 15); the list is therefore data to extend, and a label no entry knows is shown to the user to map,
never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import fold


@dataclass(frozen=True)
class ProcedureField:
    key: str
    label: str
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.key, self.label, *self.aliases)


FIELDS: tuple[ProcedureField, ...] = (
    ProcedureField("tu_phap", "Tư pháp"),
    ProcedureField("ho_tich", "Hộ tịch", ("Tư pháp – Hộ tịch", "Đăng ký hộ tịch")),
    ProcedureField("chung_thuc", "Chứng thực", ("Tư pháp – Chứng thực",)),
    ProcedureField("dat_dai", "Đất đai", ("Địa chính", "Tài nguyên và Môi trường – Đất đai")),
    ProcedureField("xay_dung", "Xây dựng", ("Cấp phép xây dựng", "Hoạt động xây dựng")),
    ProcedureField("quy_hoach", "Quy hoạch", ("Quy hoạch sử dụng đất",)),
    ProcedureField("quy_hoach_xay_dung", "Quy hoạch xây dựng", ("Quy hoạch xây dựng, kiến trúc",)),
    ProcedureField("bao_tro_xa_hoi", "Bảo trợ xã hội"),
    ProcedureField("nguoi_co_cong", "Người có công", ("Chính sách người có công",)),
    ProcedureField("lao_dong", "Lao động – việc làm", ("Lao động", "Việc làm", "Lao động, tiền lương")),
    ProcedureField("lao_dong_tbxh", "Lao động – Thương binh và Xã hội",
                   ("LĐTBXH", "LĐ-TB&XH", "Lao động, Thương binh và Xã hội")),
    ProcedureField("kinh_doanh", "Thành lập và hoạt động của hộ kinh doanh",
                   ("Kinh doanh", "Đăng ký kinh doanh", "Hộ kinh doanh", "Đăng ký kinh doanh hộ kinh doanh")),
    ProcedureField("giao_duc", "Giáo dục và Đào tạo", ("Giáo dục", "Giáo dục – Đào tạo")),
    ProcedureField("van_hoa", "Văn hóa", ("Văn hóa – Thông tin", "Văn hóa cơ sở", "Văn hóa, Thể thao và Du lịch")),
    ProcedureField("luu_thong_hang_hoa", "Lưu thông hàng hóa trong nước", ("Lưu thông hàng hóa",)),
    ProcedureField("thi_dua_khen_thuong", "Thi đua – Khen thưởng", ("Thi đua, khen thưởng",)),
    ProcedureField("ton_giao", "Tín ngưỡng, tôn giáo", ("Tôn giáo", "Tín ngưỡng")),
    ProcedureField("nong_nghiep", "Nông nghiệp và Phát triển nông thôn", ("Nông nghiệp", "Trồng trọt", "Chăn nuôi")),
    ProcedureField("moi_truong", "Môi trường", ("Tài nguyên và Môi trường",)),
    ProcedureField("an_toan_thuc_pham", "An toàn thực phẩm"),
    ProcedureField("y_te", "Y tế"),
    ProcedureField("noi_vu", "Nội vụ"),
    ProcedureField("khac", "Khác", ("Lĩnh vực khác",)),
)

#: The first release's nine fields (sample dossiers, imported figures): each is one of the list above.
FIRST_RELEASE = ("dat_dai", "xay_dung", "quy_hoach", "ho_tich", "chung_thuc", "bao_tro_xa_hoi", "lao_dong",
                 "kinh_doanh", "khac")

_BY_NAME: dict[str, ProcedureField] = {}
for _field in FIELDS:
    for _name in _field.names():
        _BY_NAME.setdefault(fold(_name), _field)


def match_field(label: str | None) -> ProcedureField | None:
    """The field a label names (its key, label or an alias, with or without diacritics, any case), or ``None``
    for a label no entry knows: the user maps it."""
    return _BY_NAME.get(fold(label))


def field_by_key(key: str) -> ProcedureField:
    return next(f for f in FIELDS if f.key == key)


def label_of(key: str) -> str:
    """The field's label as tables head it ("Đất đai"); an unknown key as it is."""
    return next((f.label for f in FIELDS if f.key == key), key)


def in_sentence(key: str) -> str:
    """The label inside a sentence of a document ("hồ sơ đất đai"): its first letter in lower case."""
    label = label_of(key)
    return label[:1].lower() + label[1:]
