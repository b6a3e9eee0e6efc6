"""Translations: the Vietnamese catalogue (``messages.po``, the source, edited with Babel's tools) and its
compiled form (``messages.mo``, made at install time by ``tools/i18n.sh compile``, never committed)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path


def stale_catalogs(directory: Path) -> list[Path]:
    """The ``messages.po`` files whose ``messages.mo`` is missing or older (the app then shows English ids)."""
    stale = []
    for po_path in sorted(directory.glob("*/LC_MESSAGES/messages.po")):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            stale.append(po_path)
    return stale


@dataclass
class Gaps:
    untranslated: list = field(default_factory=list)
    fuzzy: list = field(default_factory=list)
    unused: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.untranslated or self.fuzzy or self.unused)


def gaps(pot_path: Path, po_path: Path) -> Gaps:
    """What the catalogue lacks against the extracted messages: no translation, a guess still marked fuzzy, or
    an entry no code uses any more."""
    from babel.messages.pofile import read_po  # the catalogue tools only: the app reads the compiled .mo

    with pot_path.open("rb") as fh:
        extracted = {m.id for m in read_po(fh) if m.id}
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale="vi")
    found = Gaps()
    present = set()
    for message in catalog:
        if not message.id:
            continue
        present.add(message.id)
        if message.id not in extracted:
            found.unused.append(message.id)
        elif message.fuzzy:
            found.fuzzy.append(message.id)
        elif not (all(message.string) if isinstance(message.string, tuple) else message.string):
            found.untranslated.append(message.id)
    found.untranslated += sorted(extracted - present, key=str)
    return found


class TemplateCatalogue:
    """The catalogue templates translate through: the configured locale's, read once per process on first use.
    Flask-Babel's own template callables ask for the request's translations at every string (context, locale and
    cache lookups), which cost a dashboard page about 5 % of its time for its 170 strings. The app's locale is
    its configuration's (its selector reads nothing from the request), so the answer is the same every time."""

    def __init__(self, directory: str, locale: str) -> None:
        self._directory, self._locale = directory, locale
        self._translations = None

    @property
    def translations(self):
        if self._translations is None:
            from babel.support import Translations

            # a missing .mo gives Babel's NullTranslations: English ids, as Flask-Babel serves then
            self._translations = Translations.load(self._directory, [self._locale], "messages")
        return self._translations

    def install(self, jinja_env) -> None:
        jinja_env.install_gettext_callables(
            gettext=lambda s: self.translations.ugettext(s),
            ngettext=lambda s, p, n: self.translations.ungettext(s, p, n),
            pgettext=lambda c, s: self.translations.upgettext(c, s),
            npgettext=lambda c, s, p, n: self.translations.unpgettext(c, s, p, n),
            newstyle=True)


def in_vietnamese(message: str) -> str:
    """``message`` translated into Vietnamese whatever the reader's interface language: administrative
    documents are Vietnamese by law."""
    from flask_babel import force_locale, gettext

    with force_locale("vi"):
        return gettext(message)


def _main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] != "check":
        print("usage: python -m audit.i18n check PATH/messages.pot", file=sys.stderr)
        return 2
    pot = Path(argv[2])
    po = pot.parent / "vi" / "LC_MESSAGES" / "messages.po"
    found = gaps(pot, po)
    for kind, label in (("untranslated", "untranslated"), ("fuzzy", "fuzzy (review, then remove the flag)"),
                        ("unused", "unused (run tools/i18n.sh update)")):
        for message in getattr(found, kind):
            print(f"{label}: {message!r}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv))
