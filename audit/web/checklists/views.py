"""Read-only view of the checklist versions (what inspectors will fill, and on what legal basis)."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, current_app, render_template

from audit.catalog import get_catalog
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
    return render_template("checklists/detail.html", checklist=checklist, verdicts=[v.value for v in verdicts])
