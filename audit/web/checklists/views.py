"""Read-only view of the checklist versions (what inspectors will fill, and on what legal basis)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from flask import Blueprint, abort, current_app, render_template

from audit.catalog import get_catalog, get_register
from audit.domain.policy import Permission
from audit.domain.verdicts import verdicts_of
from audit.web.authz import require

bp = Blueprint("checklists", __name__, url_prefix="/checklists")


def _catalog():
    return get_catalog(Path(current_app.config["CHECKLISTS_DIR"]))


@bp.get("")
@require(Permission.CHECKLIST_VIEW)
def index():
    catalog = _catalog()
    return render_template("checklists/index.html", groups=[(k, catalog.versions_of(k)) for k in catalog.keys()])


@bp.get("/<key>/v<int:version>")
@require(Permission.CHECKLIST_VIEW)
def detail(key: str, version: int):
    try:
        checklist = _catalog().get(key, version)
    except KeyError:
        abort(404)
    verdicts = verdicts_of(checklist.rules.scale) if checklist.rules else ()
    return render_template("checklists/detail.html", checklist=checklist, verdicts=[v.value for v in verdicts],
                           register=_register())


def _register():
    return get_register(Path(current_app.config["CHECKLISTS_DIR"]))


def _citing(key: str) -> list[tuple]:
    """(checklist version, item, citation) for every citation of ``key``, oldest version first."""
    return [(checklist, item, citation) for checklist in sorted(_catalog().versions, key=lambda c: (c.key, c.version))
            for item in checklist.items for citation in item.citations if citation.doc == key]


@bp.get("/legal")
@require(Permission.CHECKLIST_VIEW)
def legal_index():
    """The register of legal documents the checklists cite, newest first."""
    register = _register()
    documents = sorted(register.documents, key=lambda d: (d.effective_from or date.min), reverse=True)
    counts = {d.key: len(_citing(d.key)) for d in documents}
    return render_template("checklists/legal_index.html", documents=documents, counts=counts)


@bp.get("/legal/<path:key>")
@require(Permission.CHECKLIST_VIEW)
def legal_document(key: str):
    """One legal document: what it is, when in force, what amends it, which items cite it, where it was read."""
    register = _register()
    if key not in register:
        abort(404)
    document = register.get(key)
    amendments = [register.get(k) for k in document.amended_by]
    return render_template("checklists/legal_document.html", document=document, register=register,
                           amendments=amendments, amends=register.amended_documents(key),
                           replaced_by=register.get(document.replaced_by) if document.replaced_by else None,
                           citing=_citing(key))
