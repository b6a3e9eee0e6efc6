"""Extract UI messages, write the Vietnamese catalogue from tools/vi_translations.py, report gaps.

Usage: .venv/bin/python tools/update_translations.py   (exit 1 if a message has no translation)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from vi_translations import VI  # noqa: E402

POT = ROOT / "audit" / "translations" / "messages.pot"
PO = ROOT / "audit" / "translations" / "vi" / "LC_MESSAGES" / "messages.po"


def main() -> int:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(ROOT / "babel.cfg"),
                    "-k", "_l", "-k", "N_", "--no-location", "--omit-header", "-o", str(POT), str(ROOT)],
                   check=True, capture_output=True)
    with POT.open("rb") as fh:
        catalog = read_po(fh, locale="vi")
    missing = []
    for message in catalog:
        if not message.id:
            continue
        if message.id in VI:
            message.string = VI[message.id]
        else:
            missing.append(message.id)
    catalog.project, catalog.version = "KTCV", "1"
    catalog.copyright_holder = "KTCV contributors"
    catalog.last_translator = catalog.language_team = "KTCV contributors"
    catalog.fuzzy = False
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as fh:
        write_po(fh, catalog, no_location=True, width=0)
    unused = sorted(set(VI) - {m.id for m in catalog if m.id})
    for m in missing:
        print(f"missing translation: {m!r}")
    for m in unused:
        print(f"unused translation: {m!r}")
    return 1 if missing or unused else 0


if __name__ == "__main__":
    sys.exit(main())
