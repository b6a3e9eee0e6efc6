"""Digital signatures of issued documents (PAdES, with pyHanko).

Each issuing body signs with its own certificate, a PKCS#12 file the administrator puts in
``SIGNING_DIR/<authority code>.p12`` (passphrase ``SIGNING_PASSPHRASE``): the key never enters the database.
With ``SIGNING_TEST_CERTIFICATES`` (the demo and the tests) KTCV makes its own test CA and one certificate per
body on first use; they say plainly that they are for testing and are worth nothing outside the demo.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flask import current_app

from audit.domain.errors import N_, DomainError

TEST_CA_NAME = "KTCV CA thu nghiem (khong co gia tri phap ly)"


def _dir() -> Path:
    configured = current_app.config.get("SIGNING_DIR")
    return Path(configured) if configured else Path(current_app.instance_path) / "signing"


def _passphrase() -> bytes:
    return (current_app.config.get("SIGNING_PASSPHRASE") or "ktcv-demo").encode()


def _safe(code: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in code)


def certificate_path(authority) -> Path:
    return _dir() / f"{_safe(authority.code)}.p12"


def _name(common_name: str):
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "KTCV demo (test only)"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _test_ca():
    """The demo's own CA (made once per instance): for testing only."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    folder = _dir()
    key_file, cert_file = folder / "test-ca.key", folder / "test-ca.pem"
    if key_file.exists() and cert_file.exists():
        key = serialization.load_pem_private_key(key_file.read_bytes(), password=None)
        return key, x509.load_pem_x509_certificate(cert_file.read_bytes())
    folder.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(_name(TEST_CA_NAME)).issuer_name(_name(TEST_CA_NAME))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key, cert


def make_test_certificate(authority) -> Path:
    """A PKCS#12 for ``authority`` signed by the demo's test CA."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    ca_key, ca_cert = _test_ca()
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(UTC)
    name = f"{authority.name} (thu nghiem)"[:64]
    cert = (x509.CertificateBuilder().subject_name(_name(name)).issuer_name(ca_cert.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=1825))
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(ca_key, hashes.SHA256()))
    path = certificate_path(authority)
    path.write_bytes(pkcs12.serialize_key_and_certificates(name.encode(), key, cert, [ca_cert],
                                                           BestAvailableEncryption(_passphrase())))
    return path


_signers: dict[str, object] = {}


def _signer_class():
    """pyHanko's SimpleSigner, keeping its private key parsed once (it re-reads the key for every signature)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from cryptography.hazmat.primitives.serialization import load_der_private_key
    from pyhanko.sign import signers

    digests = {"sha256": hashes.SHA256(), "sha384": hashes.SHA384(), "sha512": hashes.SHA512()}

    class KeptKeySigner(signers.SimpleSigner):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
            if mechanism["algorithm"].native not in ("rsassa_pkcs1v15", "sha256_rsa", "sha384_rsa", "sha512_rsa") \
                    or digest_algorithm not in digests:
                return super().sign_raw(data, digest_algorithm)
            if not hasattr(self, "_kept_key"):
                self._kept_key = load_der_private_key(self.signing_key.dump(), password=None)
            return self._kept_key.sign(data, PKCS1v15(), digests[digest_algorithm])

    return KeptKeySigner


def _signer(authority):
    path = certificate_path(authority)
    if not path.exists():
        if not current_app.config.get("SIGNING_TEST_CERTIFICATES"):
            raise DomainError(N_("No signing certificate is configured for %(body)s: an administrator must put "
                                 "its PKCS#12 file in place before documents are issued."), body=authority.name)
        make_test_certificate(authority)
    key = f"{path}:{path.stat().st_mtime_ns}"
    if key not in _signers:
        _signers[key] = _signer_class().load_pkcs12(pfx_file=str(path), passphrase=_passphrase())
    return _signers[key]


def _outside_event_loop(work):
    """Run ``work`` where pyHanko may start its own event loop: here, or in a worker thread when this thread
    already runs one (a caller using an asyncio-based library, such as a browser driver)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return work()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def sign_pdf(pdf: bytes, authority) -> bytes:
    """``pdf`` signed (PAdES B-B, an incremental update) with the certificate of ``authority``."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(field_name="KTCV", subfilter=SigSeedSubFilter.PADES,
                                        location=authority.place, reason="Ban hành văn bản")
    signer = _signer(authority)
    # a fixed reservation for the CMS container spares pyHanko a trial signature to measure it
    return _outside_event_loop(lambda: signers.sign_pdf(writer, meta, signer=signer, bytes_reserved=16384).getvalue())


@dataclass(frozen=True)
class SignatureCheck:
    signed: bool
    intact: bool  # the bytes are those that were signed
    trusted: bool  # the certificate chains to a trusted root (the demo's test CA counts only in the demo)
    signer: str
    signed_at: datetime | None
    test_certificate: bool


def check_signature(data: bytes) -> SignatureCheck:
    """Whether ``data`` carries a valid signature, and whose."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        signatures = PdfFileReader(io.BytesIO(data)).embedded_signatures
    except Exception:  # noqa: BLE001 - not a PDF pyHanko can read: simply not signed
        return SignatureCheck(False, False, False, "", None, False)
    if not signatures:
        return SignatureCheck(False, False, False, "", None, False)
    roots = []
    ca_file = _dir() / "test-ca.pem"
    if current_app.config.get("SIGNING_TEST_CERTIFICATES") and ca_file.exists():
        from asn1crypto import pem, x509

        roots.append(x509.Certificate.load(pem.unarmor(ca_file.read_bytes())[2]))
    status = _outside_event_loop(lambda: validate_pdf_signature(
        signatures[-1], ValidationContext(trust_roots=roots, allow_fetching=False)))
    name = status.signing_cert.subject.native.get("common_name", "") if status.signing_cert else ""
    return SignatureCheck(True, bool(status.intact and status.valid), bool(status.trusted), name,
                          status.signer_reported_dt, "thu nghiem" in name)
