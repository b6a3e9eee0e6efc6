"""Photo evidence: checked from its content, stored unchanged by sha256, with a thumbnail."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import select

from audit.db import db, insert_or_ignore
from audit.domain.errors import N_, DomainError, InvalidInput
from audit.domain.inspections import ensure_editable
from audit.domain.text import safe_filename
from audit.domain.vndate import LOCAL_TZ
from audit.models import Evidence, Inspection, User
from audit.storage import Store

from . import audit_log, files
from .inspections import checklist_of, start_if_planned

MAX_BYTES = 12 * 1024 * 1024
MAX_PIXELS = 60_000_000  # a 60-megapixel photo; anything larger is refused as a possible decompression bomb
FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}
THUMB_SIZE = (480, 480)
EXIF_IFD, DATETIME_ORIGINAL, DATETIME = 0x8769, 36867, 306


def _open_checked(source: bytes | Path) -> Image.Image:
    """The image in ``source`` (bytes, or a file on disk: an upload read from its spool file), checked."""
    def opened() -> Image.Image:
        return Image.open(io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with opened() as probe:
                if probe.format not in FORMATS:
                    raise InvalidInput(N_("Only JPEG, PNG or WebP photos are accepted."))
                if probe.width * probe.height > MAX_PIXELS:
                    raise InvalidInput(N_("The image has too many pixels (at most %(max)d million)."),
                                      max=MAX_PIXELS // 1_000_000)
                probe.verify()
            image = opened()
            image.load()
            return image
    except DomainError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InvalidInput(N_("The image has too many pixels (at most %(max)d million)."),
                          max=MAX_PIXELS // 1_000_000) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise InvalidInput(N_("The file is not a readable image.")) from None


def photo_or_pdf_type(upload: files.Spooled) -> str:
    """The content type of an upload that must be a photo or a plain PDF, from its content (refused with
    :class:`InvalidInput` otherwise): remediation evidence and signed scans."""
    if upload.head(5) == b"%PDF-":
        from .pdfcheck import check_pdf

        with upload.open() as stream:
            check_pdf(stream)  # a plain PDF: no scripts, actions or embedded files
        return "application/pdf"
    with _open_checked(upload.path) as image:
        return FORMATS[image.format][0]


def photo_time(image: Image.Image) -> datetime | None:
    """When the photo was taken, from its EXIF data (camera local time, taken as Viet Nam time)."""
    exif = image.getexif()
    raw = exif.get_ifd(EXIF_IFD).get(DATETIME_ORIGINAL) or exif.get(DATETIME)
    if not raw:
        return None
    try:
        local = datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S").replace(tzinfo=LOCAL_TZ)
    except ValueError:
        return None
    return local.astimezone(UTC)


@dataclass(frozen=True)
class Added:
    evidence: Evidence
    duplicate: bool = False


def add_photo(inspection: Inspection, *, item_id: str, filename: str, data: bytes | BinaryIO, storage: Store,
              actor: User, now: datetime, op_id: str | None = None, taken_on_tablet: datetime | None = None) -> Evidence:
    return add_photo_once(inspection, item_id=item_id, filename=filename, data=data, storage=storage, actor=actor,
                          now=now, op_id=op_id, taken_on_tablet=taken_on_tablet).evidence


def _spooled(storage: Store, data: bytes | BinaryIO) -> files.Spooled:
    return files.spool_within(storage, data, limit=MAX_BYTES, refusal=InvalidInput(
        N_("The photo is larger than %(size)d MB."), size=MAX_BYTES // (1024 * 1024)))


def add_photo_once(inspection: Inspection, *, item_id: str, filename: str, data: bytes | BinaryIO, storage: Store,
                   actor: User, now: datetime, op_id: str | None = None,
                   taken_on_tablet: datetime | None = None) -> Added:
    """Attach a photo to an item. Refuses non-images, oversize files and decompression bombs with
    :class:`DomainError`; the stored bytes are exactly those uploaded. ``data``: the bytes, or the upload's
    stream, copied in chunks to a spool file (never held whole in memory). ``op_id`` (the tablet's operation
    id) makes a resent photo a duplicate, stored once. A photo resized on the tablet has lost its EXIF
    data: ``taken_on_tablet`` (the time the tablet took it) stands in for the EXIF time then."""
    ensure_editable(inspection.inspection_state, inspection.team_role_of(actor.id))
    if op_id:
        seen = db.session.scalar(select(Evidence).where(Evidence.op_id == op_id))
        if seen is not None:
            if seen.inspection_id != inspection.id or seen.item_id != item_id:
                raise DomainError(N_("This operation id was already used for another photo."))
            if not storage.has(seen.sha256) and not storage.pending_path(seen.sha256).exists():
                resent = _spooled(storage, data)
                if resent.key == seen.sha256:
                    files.stage_spooled(resent)  # the first copy never reached the store: this one will
                else:
                    resent.discard()
            return Added(seen, duplicate=True)
    try:
        checklist_of(inspection).item(item_id)
    except KeyError:
        raise InvalidInput(N_("Unknown checklist item %(item)s."), item=item_id) from None
    upload = _spooled(storage, data)
    try:
        if not upload.size:
            raise InvalidInput(N_("The file is empty."))
        image = _open_checked(upload.path)
    except BaseException:
        upload.discard()
        raise
    content_type, extension = FORMATS[image.format]
    digest = upload.key
    files.stage_spooled(upload)  # in the store once the request commits
    thumb = thumbnail_key(digest)
    if not storage.has(thumb):
        preview = ImageOps.exif_transpose(image).convert("RGB")
        preview.thumbnail(THUMB_SIZE)
        out = io.BytesIO()
        preview.save(out, "JPEG", quality=80)
        files.stage(storage, thumb, out.getvalue())
    values = dict(inspection_id=inspection.id, item_id=item_id, filename=safe_filename(filename, "anh"),
                  content_type=content_type, size=upload.size, sha256=digest, width=image.width,
                  height=image.height, taken_at=photo_time(image) or taken_on_tablet, uploaded_by_id=actor.id,
                  uploaded_at=now, op_id=op_id)
    if op_id:
        if not insert_or_ignore(Evidence, values, ["op_id"]):  # the same photo, sent twice at once
            return Added(db.session.scalar(select(Evidence).where(Evidence.op_id == op_id)), duplicate=True)
        evidence = db.session.scalar(select(Evidence).where(Evidence.op_id == op_id))
        if evidence not in inspection.evidence:
            inspection.evidence.append(evidence)
    else:
        evidence = Evidence(inspection=inspection, **{k: v for k, v in values.items() if k != "inspection_id"})
        db.session.add(evidence)
        db.session.flush()
    start_if_planned(inspection, actor, now)
    audit_log.record(actor, "evidence.add", "inspection", inspection.id, now=now,
                     after={"item": item_id, "sha256": digest, "size": upload.size, "taken_at": evidence.taken_at,
                            "op_id": op_id})
    return Added(evidence)


def thumbnail_key(digest: str) -> str:
    return f"{digest}.thumb.jpg"


def evidence_key(evidence: Evidence, thumbnail: bool = False) -> str:
    """The photo's object in the store (its sha256), or its thumbnail's."""
    return thumbnail_key(evidence.sha256) if thumbnail else evidence.sha256


FORMATS_BY_TYPE = {content_type: extension for content_type, extension in FORMATS.values()}
