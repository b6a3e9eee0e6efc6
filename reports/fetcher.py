"""The only URLs a document may load: files inside ``reports/assets`` (fonts). Every other URL —
the network, other files, ``data:`` — is refused, so a document can never read outside its assets."""

from __future__ import annotations

import mimetypes
import urllib.parse
import urllib.request
from functools import lru_cache
from pathlib import Path

from weasyprint.urls import URLFetcher, URLFetcherResponse

ASSETS = (Path(__file__).resolve().parent / "assets").resolve()


class FetchRefused(ValueError):
    """The document asked for a URL outside the project's assets."""


@lru_cache(maxsize=32)
def _read(path: Path) -> bytes:
    return path.read_bytes()


def asset_path(url: str) -> Path:
    """The asset file a ``file:`` URL names; :class:`FetchRefused` for anything else."""
    if not url.startswith("file:"):
        raise FetchRefused(url)
    path = Path(urllib.request.url2pathname(urllib.parse.urlsplit(url).path)).resolve()
    if not path.is_relative_to(ASSETS) or not path.is_file():
        raise FetchRefused(url)
    return path


class AssetFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves the project's assets from memory and refuses the rest."""

    def __init__(self):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False, fail_on_errors=False)

    def fetch(self, url, headers=None):
        path = asset_path(url)
        mime = mimetypes.guess_type(path.name)[0] or ("font/ttf" if path.suffix == ".ttf" else "application/octet-stream")
        return URLFetcherResponse(url, body=_read(path), headers={"Content-Type": mime})
