"""Vietnamese translations of the interface, merged into audit/translations/vi/LC_MESSAGES/messages.po.

Run `.venv/bin/python tools/update_translations.py` after changing UI strings: it extracts the messages,
merges the tables of tools/vi/ (one module per part of the product), and fails if any message is left without a translation.
"""

from vi import assessment, authorities, common, documents, inspections, offline, register, statistics, usability

_PARTS = (common, inspections, documents, assessment, offline, authorities, register, statistics, usability)


def _merge() -> dict:
    merged: dict = {}
    for part in _PARTS:
        twice = merged.keys() & part.VI.keys()
        if twice:
            raise ValueError(f"translated twice ({part.__name__}): {sorted(map(str, twice))[:5]}")
        merged.update(part.VI)
    return merged


VI = _merge()
