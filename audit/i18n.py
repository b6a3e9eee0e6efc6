"""Compile the translation catalogues when the .po is newer than the .mo (compiled files are not committed)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


def compile_catalogs(directory: Path) -> list[Path]:
    """Compile every ``<lang>/LC_MESSAGES/messages.po`` under ``directory`` that changed; returns those written."""
    written = []
    for po_path in directory.glob("*/LC_MESSAGES/messages.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as fh:
            catalog = read_po(fh)
        tmp = mo_path.with_suffix(".mo.tmp")
        with tmp.open("wb") as fh:
            write_mo(fh, catalog)
        tmp.replace(mo_path)
        written.append(mo_path)
    return written


def in_vietnamese(message: str) -> str:
    """``message`` translated into Vietnamese whatever the reader's interface language: administrative
    documents are Vietnamese by law."""
    from flask_babel import force_locale, gettext

    with force_locale("vi"):
        return gettext(message)
