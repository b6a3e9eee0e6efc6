"""Hostile PDFs are refused whatever their disguise; plain PDFs (a scan, our own issued minutes) pass."""

import io
import zlib

import pytest
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from audit.domain.errors import InvalidInput
from audit.services.pdfcheck import check_pdf


def plain_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def with_object_stream(action: bytes) -> bytes:
    """A PDF 1.5 whose link annotation and its action live only inside a compressed object stream (the objects
    a byte search never sees), with a cross-reference stream."""
    head = b"%PDF-1.5\n"
    plain = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [4 0 R] >>"}
    inner = [b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A 5 0 R >>", action]
    offsets_in, body = [], b""
    for obj in inner:
        offsets_in.append(len(body))
        body += obj + b"\n"
    header = b" ".join(b"%d %d" % (number, offset) for number, offset in zip((4, 5), offsets_in, strict=True)) + b"\n"
    packed = zlib.compress(header + body)
    out = bytearray(head)
    where = {}
    for number, obj in plain.items():
        where[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    where[6] = len(out)
    out += (b"6 0 obj\n<< /Type /ObjStm /N 2 /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
            % (len(header), len(packed)) + packed + b"\nendstream\nendobj\n")
    where[7] = len(out)

    def entry(kind, a, b):
        return bytes([kind]) + a.to_bytes(4, "big") + b.to_bytes(2, "big")

    rows = entry(0, 0, 65535) + b"".join(entry(1, where[n], 0) for n in (1, 2, 3))
    rows += entry(2, 6, 0) + entry(2, 6, 1) + entry(1, where[6], 0) + entry(1, where[7], 0)
    out += (b"7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(rows)
            + rows + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % where[7])
    return bytes(out)


def test_plain_pdfs_pass():
    check_pdf(plain_pdf())
    check_pdf(with_object_stream(b"<< /S /URI /URI (https://dichvucong.gov.vn) >>"))  # a harmless link


@pytest.mark.parametrize("name, data", [
    ("javascript in an object stream", lambda: with_object_stream(b"<< /S /JavaScript /JS (app.alert(1)) >>")),
    ("escaped name /J#61vaScript", lambda: with_object_stream(b"<< /S /J#61vaScript /JS (app.alert(1)) >>")),
    ("launch action", lambda: with_object_stream(b"<< /S /Launch /F (cmd.exe) >>")),
    ("html pretending", lambda: b"%PDF-1.4\n<html><script>alert(1)</script></html>"),
    ("not a pdf at all", lambda: b"<html>%PDF-</html>"),
])
def test_hostile_pdfs_are_refused(name, data):
    with pytest.raises(InvalidInput):
        check_pdf(data())


def test_document_level_javascript_open_action_and_attachments_are_refused():
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    action = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                               NameObject("/JS"): TextStringObject("app.alert('x');")})
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("x"), writer._add_object(action)])})})
    scripted = io.BytesIO()
    writer.write(scripted)
    opening = PdfWriter()
    opening.add_blank_page(width=200, height=200)
    opening._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject("https://example.org")})
    opened = io.BytesIO()
    opening.write(opened)
    attaching = PdfWriter()
    attaching.add_blank_page(width=200, height=200)
    attaching.add_attachment("a.exe", b"MZ...")
    attached = io.BytesIO()
    attaching.write(attached)
    for data in (scripted.getvalue(), opened.getvalue(), attached.getvalue()):
        with pytest.raises(InvalidInput):
            check_pdf(data)
