"""Read the register of legal documents (``checklists/legal-register.yaml``), check it against its JSON
Schema and its own references, and build :class:`audit.domain.legal.Register`."""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

from audit.domain.legal import CONFIDENCE_WORDS, DocumentKind, LegalDocument, Register

from .loader import ChecklistFileError, FileProblem, _field, _line_of, no_dates_loader

REGISTER_FILE = "legal-register.yaml"
REGISTER_SCHEMA = "legal-register.schema.json"


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def load_register(root: Path) -> Register:
    """The register under ``root``; raises :class:`ChecklistFileError` naming the line of every problem."""
    return load_register_data(root)[0]


def load_register_data(root: Path) -> tuple[Register, dict]:
    """:func:`load_register`, also returning the validated data the register was built from (:func:`build_register`
    makes the same register of it)."""
    import jsonschema
    import yaml

    path = root / REGISTER_FILE
    text = path.read_text(encoding="utf-8")
    node = yaml.compose(text, Loader=no_dates_loader())
    data = yaml.load(text, Loader=no_dates_loader())
    schema = json.loads((root / REGISTER_SCHEMA).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    problems = [FileProblem(REGISTER_FILE, _line_of(node, list(e.absolute_path)), _field(e.absolute_path), e.message)
                for e in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))]
    if problems:
        raise ChecklistFileError(problems)
    entries = data["documents"]
    keys = [e["key"] for e in entries]
    for n, entry in enumerate(entries):
        where = ["documents", n]
        if keys.count(entry["key"]) > 1:
            problems.append(FileProblem(REGISTER_FILE, _line_of(node, where), _field(where),
                                        f"the key {entry['key']} is used twice"))
        for ref in [entry.get("replaced_by")] + entry.get("amended_by", []):
            if ref and ref not in keys:
                problems.append(FileProblem(REGISTER_FILE, _line_of(node, where), _field(where),
                                            f"{entry['key']} refers to {ref}, which is not in the register"))
        signed, start, until = (_day(entry.get(k)) for k in ("signed", "in_force_from", "in_force_until"))
        if signed and start and start < signed:
            problems.append(FileProblem(REGISTER_FILE, _line_of(node, where), _field(where),
                                        f"{entry['key']} takes effect before it was signed"))
        if entry.get("assumed_in_force_from") and (signed or start):
            problems.append(FileProblem(REGISTER_FILE, _line_of(node, where), _field(where),
                                        f"{entry['key']}: a date is assumed only when no date was read"))
        if bool(entry.get("assumed_in_force_from")) != bool(entry.get("assumption")):
            problems.append(FileProblem(REGISTER_FILE, _line_of(node, where), _field(where),
                                        f"{entry['key']}: an assumed date of effect needs its reason (assumption)"))
        if until and (start or signed) and until < (start or signed):
            problems.append(FileProblem(REGISTER_FILE, _line_of(node, where), _field(where),
                                        f"{entry['key']} ends before it begins"))
    if problems:
        raise ChecklistFileError(problems)
    return build_register(data), data


def build_register(data: dict) -> Register:
    """The register of its validated data."""
    entries = data["documents"]
    return Register(tuple(
        LegalDocument(key=e["key"], kind=DocumentKind(e["kind"]), number=e["number"], issuer=e["issuer"],
                      signed=_day(e["signed"]), in_force_from=_day(e["in_force_from"]), title=e["title"],
                      confidence=CONFIDENCE_WORDS[e["confidence"]], in_force_until=_day(e.get("in_force_until")),
                      replaced_by=e.get("replaced_by"), source=e["source"],
                      amended_by=tuple(e.get("amended_by", [])),
                      assumed_in_force_from=_day(e.get("assumed_in_force_from")), assumption=e.get("assumption", ""))
        for e in entries))


@lru_cache(maxsize=4)
def get_register(root: Path) -> Register:
    """The register under ``root``, loaded once per process; built from the record of a folder that validated
    (:mod:`audit.catalog.cache`) when there is one."""
    from . import cache

    stored = cache.load(root)
    if stored is not None and stored.register is not None:
        return build_register(stored.register)
    return load_register(root)
