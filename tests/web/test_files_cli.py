"""`flask files verify` re-hashes the store against the database; `files adopt` takes in the first release's
folders."""

import hashlib

from audit.db import db, utcnow
from audit.domain.remediation import Action
from audit.services import remediation as remediation_service
from tests.services.test_remediation_service import jpeg
from tests.web.test_remediation_web import item_of


def test_verify_lists_a_missing_and_an_altered_file_and_fails(runner, demo, app):
    from sqlalchemy import select

    from audit.models import User

    store = app.extensions["ktcv_store"]
    unit_user = db.session.scalar(select(User).where(User.username == "donvi-la-ee"))
    photos = [jpeg(), jpeg()[:-2] + b"\x00\xd9"]  # two different files
    remediation_service.act(item_of("A02"), Action.RESPOND, actor=unit_user, now=utcnow(), storage=store,
                            text="Ảnh lịch trực", files=[("a.jpg", photos[0]), ("b.jpg", photos[1])])
    db.session.commit()
    keys = [hashlib.sha256(p).hexdigest() for p in photos]
    assert all(store.has(k) for k in keys)
    result = runner.invoke(args=["files", "verify"])
    assert result.exit_code == 0 and "0 vấn đề" in result.output
    store.path(keys[0]).write_bytes(b"changed on disk")
    store.delete(keys[1])
    result = runner.invoke(args=["files", "verify"])
    assert result.exit_code == 1
    assert f"{keys[0]}: bị thay đổi" in result.output and f"{keys[1]}: thiếu" in result.output


def test_adopt_moves_the_first_releases_files_into_the_store(runner, app):
    from pathlib import Path

    instance = Path(app.instance_path)
    data = b"first release photo"
    digest = hashlib.sha256(data).hexdigest()
    (instance / "evidence" / digest[:2]).mkdir(parents=True)
    (instance / "evidence" / digest[:2] / f"{digest}.jpg").write_bytes(data)
    (instance / "evidence" / digest[:2] / f"{digest}.thumb.jpg").write_bytes(b"thumb")
    result = runner.invoke(args=["files", "adopt"])
    assert result.exit_code == 0 and "2 tệp" in result.output
    store = app.extensions["ktcv_store"]
    assert store.path(digest).read_bytes() == data and store.has(f"{digest}.thumb.jpg")
    assert not list((instance / "evidence").rglob("*.jpg"))
    assert "0 tệp" in runner.invoke(args=["files", "adopt"]).output  # again: nothing left to move
