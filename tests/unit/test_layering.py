"""The import directions of the architecture: audit.domain stays standard-library only,
and nothing imports upward."""

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(package: Path):
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield path, alias.name
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                yield path, node.module


def test_domain_imports_only_the_standard_library():
    bad = [
        f"{path.relative_to(ROOT)}: {name}"
        for path, name in imported_modules(ROOT / "audit" / "domain")
        if name.split(".")[0] not in sys.stdlib_module_names and not name.startswith("audit.domain")
    ]
    assert bad == []


@pytest.mark.parametrize(
    "package, forbidden",
    [
        ("audit/services", ("audit.web", "flask_login", "flask_wtf")),
        ("audit/models", ("audit.services", "audit.web")),
        ("audit/catalog", ("audit.models", "audit.services", "audit.web", "flask")),
        ("reports", ("audit.web", "audit.services")),
    ],
)
def test_no_upward_imports(package, forbidden):
    bad = [
        f"{path.relative_to(ROOT)}: {name}"
        for path, name in imported_modules(ROOT / package)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]
    assert bad == []


def test_services_never_read_request_state():
    offenders = []
    for path in (ROOT / "audit" / "services").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for word in ("request", "session[", "current_user", "flask import g"):
            if f"from flask import {word}" in text or f" {word}." in text and word == "current_user":
                offenders.append(f"{path.name}: {word}")
    assert offenders == []
