"""PDF files from outside (evidence, remediation proofs, signed scans), read with a real parser: a file that
does not parse as a PDF (HTML that merely starts with "%PDF-") or that can act by itself (JavaScript, an
open action, launching a program, embedded files, forms that submit) is refused. pypdf decodes names
("/J#61vaScript" is /JavaScript) and opens compressed object streams, so nothing hides there."""

from __future__ import annotations

import io
import logging
from typing import BinaryIO

from audit.domain.errors import N_, InvalidInput

#: keys and action types that make a PDF do something on its own
FORBIDDEN_KEYS = frozenset({"/JS", "/JavaScript", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile",
                            "/EmbeddedFiles", "/RichMedia", "/XFA"})
FORBIDDEN_ACTIONS = frozenset({"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/RichMediaExecute",
                               "/Rendition", "/GoToE"})
MAX_OBJECTS = 200_000


def check_pdf(data: bytes | BinaryIO) -> None:
    """Refuse (:class:`InvalidInput`) anything but a plain, readable PDF (``data``: the bytes, or a seekable
    binary stream such as an upload's spool file)."""
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject

    stream = io.BytesIO(data) if isinstance(data, (bytes, bytearray)) else data
    start = stream.tell()
    head = stream.read(5)
    stream.seek(start)
    if head != b"%PDF-":
        raise InvalidInput(N_("The file is not a PDF."))
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(stream, strict=False)
        if len(reader.pages) == 0:
            raise InvalidInput(N_("The file is not a readable PDF."))
        ids = set()
        for numbers in reader.xref.values():
            ids.update(numbers)
        ids.update(reader.xref_objStm)
        if len(ids) > MAX_OBJECTS:
            raise InvalidInput(N_("The file is not a readable PDF."))
        objects = [reader.trailer] + [reader.get_object(number) for number in sorted(ids)]
    except InvalidInput:
        raise
    except Exception:  # noqa: BLE001 - whatever pypdf cannot read is not accepted
        raise InvalidInput(N_("The file is not a readable PDF.")) from None
    for obj in objects:
        try:
            obj = obj.get_object() if obj is not None else None
        except Exception:  # noqa: BLE001
            raise InvalidInput(N_("The file is not a readable PDF.")) from None
        if not isinstance(obj, DictionaryObject):
            continue
        if FORBIDDEN_KEYS & set(obj.keys()) or str(obj.get("/S", "")) in FORBIDDEN_ACTIONS:
            raise InvalidInput(N_("PDF files with scripts, automatic actions or embedded files are not accepted."))
