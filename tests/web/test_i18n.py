"""Every interface string is marked for translation and has a Vietnamese translation."""

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from audit.i18n import gaps, stale_catalogs

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "audit" / "translations" / "vi" / "LC_MESSAGES" / "messages.po"


def read(path: Path):
    with path.open("rb") as fh:
        return list(read_po(fh))


def test_catalogue_translates_every_extracted_message(tmp_path):
    """The check tools/i18n.sh runs: every marked string has a reviewed translation, none is left over."""
    pot = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(ROOT / "babel.cfg"),
                    "-k", "_l", "-k", "N_", "-o", str(pot), str(ROOT)], check=True, capture_output=True)
    assert len([m for m in read(pot) if m.id]) > 500, "nothing was extracted"
    found = gaps(pot, PO)
    assert found.untranslated == [], "untranslated: run tools/i18n.sh update and translate them"
    assert found.fuzzy == [], "fuzzy: review each guess and remove its flag"
    assert found.unused == [], "unused: run tools/i18n.sh update"


def test_a_catalogue_with_a_gap_is_reported(tmp_path):
    """Both directions: the check does find an untranslated, a fuzzy and an unused entry."""
    pot, po = tmp_path / "messages.pot", tmp_path / "vi" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    pot.write_text('msgid "Save"\nmsgstr ""\n\nmsgid "Close"\nmsgstr ""\n\nmsgid "Open"\nmsgstr ""\n',
                   encoding="utf-8")
    po.write_text('msgid "Save"\nmsgstr "Lưu"\n\n#, fuzzy\nmsgid "Close"\nmsgstr "Đóng lại"\n\n'
                  'msgid "Gone"\nmsgstr "Đã bỏ"\n', encoding="utf-8")
    found = gaps(pot, po)
    assert (found.untranslated, found.fuzzy, found.unused) == (["Open"], ["Close"], ["Gone"])


def test_the_compiled_catalogue_is_not_older_than_its_source():
    assert stale_catalogs(PO.parents[2]) == [], "run tools/i18n.sh compile (test.sh and run.sh do)"


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


def test_templates_translate_through_the_catalogue_with_plurals_and_escaping(app):
    """The templates' own translation callables (one catalogue per process): a message, a plural with its
    number, a variable escaped as Flask-Babel's callables escape it, and the same outside any request."""
    source = app.jinja_env.from_string("{{ _('Dashboard') }}|{{ ngettext('%(num)d desk shown', '%(num)d desks shown', 3) }}|"
              "{{ _('Scores, oldest first: %(scores)s', scores='<b>') }}")
    with app.test_request_context():
        in_request = source.render()
    with app.app_context():
        outside = source.render()
    assert in_request == outside
    dashboard, shown, scores = in_request.split("|")
    assert dashboard == "Tổng quan"
    assert shown == "Đang hiển thị 3 bộ phận"
    assert "&lt;b&gt;" in scores and "<b>" not in scores and not scores.startswith("Scores")
