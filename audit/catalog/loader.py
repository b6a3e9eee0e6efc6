"""Read checklist version files, validate them, and build domain objects.

Every problem is reported with the file's path and the line (and field path) at fault,
so a person editing YAML can find it. Dates stay strings while validating (the loader
does not resolve YAML timestamps) and become :class:`datetime.date` afterwards.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from audit.domain.assessment import PLACEHOLDER
from audit.domain.checklist import (
    AnswerType,
    AssessmentRules,
    Basis,
    BasisKind,
    Checklist,
    Citation,
    Condition,
    Confidence,
    Item,
    NaPolicy,
    NaRule,
    Scale,
    Scoring,
    Section,
    SignalKind,
    SignalRule,
)

SCHEMA_FILE = "checklist.schema.json"
FILE_RE = re.compile(r"^v([1-9][0-9]*)\.yaml$")
SCORING_FOR_ANSWER = {
    AnswerType.YES_NO_NA: {"yes_no_na"},
    AnswerType.RATING_0_2: {"rating_0_2"},
    AnswerType.TEXT: {"text"},
    AnswerType.NUMBER: {"linear", "ratio", "input"},
    AnswerType.PERCENTAGE: {"linear", "ratio", "input"},
}


@dataclass(frozen=True)
class FileProblem:
    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field + ': ' if self.field else ''}{self.message}"


class ChecklistFileError(Exception):
    """A checklist file is invalid; ``problems`` lists each problem with its location."""

    def __init__(self, problems: list[FileProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@cache
def no_dates_loader():
    """A SafeLoader that leaves ``2025-07-01`` as a string so the schema sees what was written.

    On libyaml (PyYAML's wheels carry it) when present: the pure-Python parser took over two seconds to
    read the checklists at a command's start, libyaml a tenth of that; both build the same nodes and data.
    Made on first use: a command that builds the catalogue from the validated cache never imports PyYAML."""
    import yaml

    class NoDatesLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass

    NoDatesLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return NoDatesLoader


def load_schema(root: Path) -> dict:
    return json.loads((root / SCHEMA_FILE).read_text(encoding="utf-8"))


def load_file(path: Path, root: Path, schema: dict | None = None) -> Checklist:
    """Load and fully validate one version file; raises :class:`ChecklistFileError`."""
    return load_file_data(path, root, schema)[0]


def load_file_data(path: Path, root: Path, schema: dict | None = None) -> tuple[Checklist, dict]:
    """:func:`load_file`, also returning the validated data the checklist was built from (:func:`build`
    makes the same checklist of it)."""
    import jsonschema
    import yaml

    rel = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ChecklistFileError([FileProblem(rel, raw[: err.start].count(b"\n") + 1, "", "not UTF-8")]) from None
    try:
        node = yaml.compose(text, Loader=no_dates_loader())
        data = yaml.load(text, Loader=no_dates_loader())
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        line = mark.line + 1 if mark else None
        message = getattr(err, "problem", None) or str(err)
        raise ChecklistFileError([FileProblem(rel, line, "", f"YAML syntax error: {message}")]) from None
    if not isinstance(data, dict):
        raise ChecklistFileError([FileProblem(rel, 1, "", "the file must hold a mapping")])

    validator = jsonschema.Draft202012Validator(schema or load_schema(root))
    problems = [
        FileProblem(rel, _line_of(node, list(err.absolute_path)), _field(err.absolute_path), err.message)
        for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if problems:
        raise ChecklistFileError(problems)
    problems = _semantic_problems(data, path, rel, node)
    if problems:
        raise ChecklistFileError(problems)
    return build(data, hashlib.sha256(raw).hexdigest(), rel), data


def _field(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_of(node, path: list) -> int | None:
    """Line (1-based) of the YAML node at ``path``; the closest existing parent if it is missing."""
    import yaml

    line = node.start_mark.line + 1 if node is not None else None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == part), None)
            if match is None:
                return line
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return line
        line = node.start_mark.line + 1
    return line


def _semantic_problems(data: dict, path: Path, rel: str, node) -> list[FileProblem]:
    problems: list[FileProblem] = []

    def add(where: list, message: str) -> None:
        problems.append(FileProblem(rel, _line_of(node, where), _field(where), message))

    match = FILE_RE.match(path.name)
    if not match:
        add([], "file name must be v<N>.yaml")
    elif int(match.group(1)) != data["version"]:
        add(["version"], f"version {data['version']} does not match the file name {path.name}")
    if path.parent.name != data["key"]:
        add(["key"], f"key {data['key']!r} does not match the folder {path.parent.name!r}")
    try:
        start = date.fromisoformat(data["valid_from"])
        end = date.fromisoformat(data["valid_to"]) if data["valid_to"] else None
        if end and end < start:
            add(["valid_to"], "valid_to is before valid_from")
    except ValueError as err:
        add(["valid_from"], f"invalid date: {err}")

    seen_sections: set[str] = set()
    ids: dict[str, list] = {}
    for s_index, section in enumerate(data["sections"]):
        if section["key"] in seen_sections:
            add(["sections", s_index, "key"], f"section key {section['key']} is repeated")
        seen_sections.add(section["key"])
        for i_index, item in enumerate(section["items"]):
            where = ["sections", s_index, "items", i_index]
            if item["id"] in ids:
                add(where + ["id"], f"item id {item['id']} is repeated")
            ids[item["id"]] = where
            if not item["id"].startswith(section["key"]):
                add(where + ["id"], f"item id {item['id']} must start with its section key {section['key']}")
            answer_type = AnswerType(item["answer_type"])
            if item["scoring"]["type"] not in SCORING_FOR_ANSWER[answer_type]:
                add(where + ["scoring", "type"],
                    f"scoring {item['scoring']['type']!r} does not fit answer type {answer_type.value!r}")
    for item_where in ids.values():
        item = data["sections"][item_where[1]]["items"][item_where[3]]
        problems_of_item(item, item_where, ids, add)
    sample = data.get("assessment", {}).get("sample", {})
    if sample.get("population_item") and sample["population_item"] not in ids:
        add(["assessment", "sample", "population_item"], f"refers to unknown item {sample['population_item']}")
    if any(s.get("scored", True) for s in data["sections"]) and "assessment" not in data:
        add([], "a checklist with scored sections needs its assessment rules")
    rules = data.get("assessment")
    if rules and rules["poor_below"] > rules["good_from"]:
        add(["assessment", "poor_below"], "poor_below is above good_from")
    if rules and rules["partial_from_points"] > rules["formal_from_points"]:
        add(["assessment", "partial_from_points"], "partial_from_points is above formal_from_points")
    return problems


def problems_of_item(item: dict, where: list, ids: dict, add) -> None:
    """Cross-field rules of one item that the schema cannot express."""
    answer_type = AnswerType(item["answer_type"])
    conditions = list(item.get("signal", {}).get("when", []))
    na = item.get("na")
    if isinstance(na, dict):
        conditions += na["when"]
    refs = [c.get("item") for c in conditions] + [item["scoring"].get("denominator")]
    for ref in refs:
        if ref is not None and ref not in ids:
            add(where, f"refers to unknown item {ref}")
    scored = item["weight"] > 0 and item["scoring"]["type"] not in ("input", "text")
    if answer_type is not AnswerType.TEXT and na is None:
        add(where, "say whether “not applicable” is allowed (na: never, allowed or when)")
    if (scored or "signal" in item) and not (item.get("finding") and item.get("requirement")):
        add(where, "a scored item needs its finding statement and requirement")
    for key in ("finding", "requirement"):
        for name in PLACEHOLDER.findall(item.get(key, "")):
            if name == "value":
                if answer_type in (AnswerType.YES_NO_NA, AnswerType.TEXT):
                    add(where + [key], "{value} only fits items answered with a number, percentage or rating")
            elif name not in ids:
                add(where + [key], f"placeholder {{{name}}} names no item")
    signal = item.get("signal")
    if signal and any(isinstance(c["value"], (int, float)) for c in signal.get("when", [])) and "basis" not in signal:
        add(where + ["signal"], "a threshold needs its basis (law, or the team's proposal)")
    if signal and signal["kind"] != "reality" and signal.get("points"):
        add(where + ["signal", "points"], "only reality signals carry points")


def _citation(data: dict) -> Citation:
    article = data.get("article", ())
    return Citation(doc=data["doc"], confidence=Confidence(data["confidence"]),
                    article=tuple(article) if isinstance(article, list) else ((article,) if article else ()),
                    clause=data.get("clause"), point=data.get("point"), section=data.get("section"),
                    appendix=data.get("appendix"), form=data.get("form"), about=data.get("about", ""))


def _basis(data: dict | None) -> Basis | None:
    return Basis(BasisKind(data["kind"]), data.get("note", ""), data.get("doc"), data.get("ref", "")) if data else None


def _conditions(raw) -> tuple[Condition, ...]:
    return tuple(Condition(op=c["op"], value=c["value"], item=c.get("item")) for c in raw or ())


def _na(raw) -> NaPolicy:
    if isinstance(raw, dict):
        return NaPolicy(NaRule.WHEN, _conditions(raw["when"]))
    return NaPolicy(NaRule(raw or "never"))


def _signal(raw) -> SignalRule | None:
    if not raw:
        return None
    return SignalRule(kind=SignalKind(raw["kind"]), points=raw.get("points", 0), when=_conditions(raw.get("when")),
                      basis=_basis(raw.get("basis")))


def _rules(raw) -> AssessmentRules | None:
    if not raw:
        return None
    return AssessmentRules(
        scale=Scale(raw["scale"]), min_coverage=raw["min_coverage"], good_from=raw["good_from"],
        poor_below=raw["poor_below"], partial_from_points=raw["partial_from_points"],
        formal_from_points=raw["formal_from_points"], sample_minimum=raw["sample"]["minimum"],
        sample_population_item=raw["sample"].get("population_item"), confidence=raw["confidence"],
        basis=_basis(raw["basis"]))


def build(data: dict, sha256: str, rel: str) -> Checklist:
    """The checklist of a version file's validated data (its sha256 and path as given)."""
    sections = []
    for section in data["sections"]:
        items = []
        for item in section["items"]:
            scoring = item["scoring"]
            items.append(
                Item(
                    id=item["id"],
                    section=section["key"],
                    text=item["text"],
                    answer_type=AnswerType(item["answer_type"]),
                    weight=float(item["weight"]),
                    scoring=Scoring(
                        type=scoring["type"],
                        full_at=scoring.get("full_at"),
                        zero_at=scoring.get("zero_at"),
                        denominator=scoring.get("denominator"),
                        basis=_basis(scoring.get("basis")),
                    ),
                    citations=tuple(_citation(c) for c in item["citations"]),
                    critical=item.get("critical", False),
                    na=_na(item.get("na")),
                    signal=_signal(item.get("signal")),
                    finding=item.get("finding", ""),
                    requirement=item.get("requirement", ""),
                    reported_metric=item.get("reported_metric"),
                    guidance=item.get("guidance", ""),
                    evidence=item.get("evidence", ""),
                    sample_metric=item.get("sample_metric"),
                    params=tuple(sorted(item.get("params", {}).items())),
                )
            )
        sections.append(Section(key=section["key"], title=section["title"], items=tuple(items),
                                scored=section.get("scored", True)))
    return Checklist(
        key=data["key"],
        version=data["version"],
        title=data["title"],
        status=data["status"],
        legal_regime=data["legal_regime"],
        valid_from=date.fromisoformat(data["valid_from"]),
        valid_to=date.fromisoformat(data["valid_to"]) if data["valid_to"] else None,
        legal_basis=tuple(data["legal_basis"]),
        sections=tuple(sections),
        rules=_rules(data.get("assessment")),
        sha256=sha256,
        path=rel,
        description=data.get("description", ""),
        extras={"applies_to": tuple(data["applies_to"])},
    )


def discover(root: Path) -> list[Path]:
    """Every ``<key>/v<N>.yaml`` under ``root``, sorted by key then version number."""
    found = [p for p in root.glob("*/*.yaml") if p.parent.parent == root]
    def order(p: Path):
        m = FILE_RE.match(p.name)
        return (p.parent.name, int(m.group(1)) if m else 0, p.name)
    return sorted(found, key=order)
