"""The file store, the same checks on both backends: a folder, and S3 as an S3-compatible server (moto's, started
here in a thread: a protocol-level stand-in that answers the S3 API over HTTP, not a full object store)."""

import hashlib
import os

import pytest

from audit.storage import LocalStore, Missing, S3Store, copy, digest_of


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture(params=["local", "s3"])
def store(request, tmp_path):
    if request.param == "local":
        return LocalStore(tmp_path / "files")
    import boto3

    endpoint = request.getfixturevalue("s3_server")
    bucket = f"ktcv-{os.urandom(4).hex()}"
    boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key="test",
                 region_name="us-east-1").create_bucket(Bucket=bucket)
    return S3Store(bucket=bucket, endpoint_url=endpoint, access_key="test", secret_key="test", prefix="ktcv/")


def spooled(tmp_path, data: bytes):
    path = tmp_path / f"spool-{hashlib.sha256(data).hexdigest()[:8]}"
    path.write_bytes(data)
    return path


def test_an_object_goes_in_and_comes_back_byte_for_byte_under_its_hash(store, tmp_path):
    data = os.urandom(3 * 1024 * 1024 + 17)  # several chunks, not a multiple of one
    key = hashlib.sha256(data).hexdigest()
    assert not store.has(key)
    store.put_file(key, spooled(tmp_path, data))
    assert store.has(key) and list(store.keys()) == [key]
    with store.open(key) as stream:
        assert digest_of(stream) == (key, len(data))
    store.put_file(key, spooled(tmp_path, data))  # the same bytes again: one object
    assert list(store.keys()) == [key]
    store.delete(key)
    assert not store.has(key)
    with pytest.raises(Missing):
        store.open(key)


def test_a_key_that_is_not_a_hash_is_refused(store, tmp_path):
    for bad in ("../../etc/passwd", "ABC", "a" * 63, "a" * 64 + ".exe"):
        with pytest.raises(ValueError):
            store.put_file(bad, spooled(tmp_path, b"x"))


def test_verify_finds_an_altered_object_and_a_missing_one(store, tmp_path):
    good, bad = b"bien ban", b"anh chup quay"
    good_key, bad_key = hashlib.sha256(good).hexdigest(), hashlib.sha256(bad).hexdigest()
    store.put_file(good_key, spooled(tmp_path, good))
    store.put_file(bad_key, spooled(tmp_path, b"something else under that name"))  # altered after the fact
    thumb = f"{good_key}.thumb.jpg"
    store.put_file(thumb, spooled(tmp_path, b"a thumbnail: derived, checked for presence only"))
    missing = hashlib.sha256(b"never stored").hexdigest()
    problems = {(p.key, p.what) for p in store.verify({good_key, thumb, missing})}
    assert problems == {(bad_key, "altered"), (missing, "missing")}


def test_a_store_is_copied_to_another_whole_and_only_once(store, tmp_path):
    source = LocalStore(tmp_path / "source")
    blobs = [os.urandom(1000 + n) for n in range(5)]
    for blob in blobs:
        source.put_file(hashlib.sha256(blob).hexdigest(), spooled(tmp_path, blob))
    assert copy(source, store, source.keys(), tmp_path / "spool") == 5
    assert copy(source, store, source.keys(), tmp_path / "spool") == 0  # again: nothing to copy
    assert sorted(store.keys()) == sorted(source.keys()) and store.verify(set(source.keys())) == []
    assert not list((tmp_path / "spool").iterdir())  # the spool file is gone after each copy


def test_ping_says_when_the_store_cannot_be_used(tmp_path):
    from audit.storage import StoreError

    blocked = tmp_path / "a-file"
    blocked.write_bytes(b"")
    with pytest.raises(StoreError):
        LocalStore(blocked / "files").ping()
    with pytest.raises(StoreError, match="mounted"):  # a missing share is never quietly made a local folder
        LocalStore(tmp_path / "files").ping()
    assert not (tmp_path / "files").exists()
    (tmp_path / "files").mkdir()
    LocalStore(tmp_path / "files").ping()


class Endless:
    """An upload stream that never ends, counting what is read from it (a client sending more than allowed)."""

    def __init__(self):
        self.read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        assert size > 0, "an upload must be read in chunks, never whole"
        self.read_bytes += size
        return b"\xff" * size


def test_an_upload_is_spooled_in_chunks_and_stops_at_its_limit(tmp_path):
    from audit.services import files
    from audit.storage import CHUNK

    store = LocalStore(tmp_path / "files", tmp_path / "spool")
    endless = Endless()
    with pytest.raises(files.TooLarge):
        files.spool(store, endless, limit=5 * CHUNK)
    assert endless.read_bytes <= 6 * CHUNK  # it stopped one chunk past the limit, not at the end of memory
    assert not [p for p in (tmp_path / "spool").iterdir() if p.is_file()]  # and kept nothing

    data = os.urandom(3 * CHUNK + 17)
    with open(spooled(tmp_path, data), "rb") as stream:
        upload = files.spool(store, stream, limit=5 * CHUNK)
    assert (upload.key, upload.size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert upload.path.read_bytes() == data and upload.head(4) == data[:4]
    upload.discard()
    assert not upload.path.exists()
