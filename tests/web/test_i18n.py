"""Every interface string is marked for translation and has a Vietnamese translation."""

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "audit" / "translations" / "vi" / "LC_MESSAGES" / "messages.po"


def read(path: Path):
    with path.open("rb") as fh:
        return list(read_po(fh))


def test_catalogue_translates_every_extracted_message(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(ROOT / "babel.cfg"),
                    "-k", "_l", "-k", "N_", "-o", str(pot), str(ROOT)], check=True, capture_output=True)
    extracted = {m.id for m in read(pot) if m.id}
    translated = {m.id: m.string for m in read(PO) if m.id}
    assert extracted, "nothing was extracted"
    assert sorted(extracted - set(translated)) == []
    assert [m for m in extracted if not translated[m]] == []


def test_placeholders_survive_translation():
    import re

    def names(text):
        return set(re.findall(r"%\(\w+\)\w", text))

    for message in read(PO):
        if not message.id:
            continue
        if isinstance(message.id, tuple):  # plural forms: Vietnamese has one
            assert all(names(s) <= names(message.id[1]) and s for s in message.string), message.id
        else:
            assert names(message.id) == names(message.string), message.id


def test_pages_are_vietnamese(client, demo, login):
    login("truongdoan")
    body = client.get("/").get_data(as_text=True)
    assert '<html lang="vi">' in body
    for text in ("Trang chủ", "Đơn vị", "Bảng kiểm tra", "Đăng xuất", "Các Bộ phận Một cửa đang hoạt động"):
        assert text in body
    for english in (">Home<", ">Units<", "Log out"):
        assert english not in body
