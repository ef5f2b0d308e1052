"""Read a page by its URL: fetch it, keep it in the show's ``pages/``, import it like a file.

The fetched page is stored under a name made from its URL (``pages/<name>``; never over another
page: an identical one is reused, a different one gets ``-2``, ``-3``...), decoded by the charset
its headers state when they state one (then stored as UTF-8), else kept as sent for the page
reader's own decoding (UTF-8, the page's declared charset, detection). The segment records the
URL and the moment it was fetched in its ``source``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import unquote

from segments.files import write_atomic
from segments.http import PAGE_TYPES, Response, fetch
from segments.importers.detect import CHARSET_ALIASES
from segments.importers.rawpage import Reason
from segments.importers.read import PageResult, read_page
from segments.urls import split_url

__all__ = ["page_file_name", "read_page_url"]

#: The suffix a stored page gets, by the type it was served as.
SUFFIXES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}
#: Suffixes of page addresses, replaced by the stored page's own.
PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".txt", ".php", ".asp", ".aspx", ".jsp")


def page_file_name(url: str, mime: str | None) -> str:
    """Return the file name a page fetched from ``url`` is kept under.

    >>> page_file_name("https://example.org/shows/the-frame/gold-medal?id=3", "text/html")
    'gold-medal.html'
    >>> page_file_name("https://example.org/", "text/plain")
    'example.org.txt'
    >>> page_file_name("https://example.org/story.php", "text/html")
    'story.html'
    """
    parts = split_url(url)
    last = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) or (parts.hostname or "page")
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", last).strip(".-")[:80] or "page"
    suffix = SUFFIXES.get(mime or "", ".html")
    if Path(stem).suffix.lower() in PAGE_SUFFIXES:
        stem = stem[: -len(Path(stem).suffix)]
    return stem + suffix


def _page_bytes(response: Response) -> bytes:
    """The bytes to keep: as UTF-8 when the headers name a charset that decodes them."""
    charset = response.charset
    if charset is None:
        return response.body
    try:
        return response.body.decode(CHARSET_ALIASES.get(charset, charset)).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return response.body


def _keep(pages_dir: Path, name: str, data: bytes) -> Path:
    """Store ``data`` as ``pages_dir/name``, never replacing a different page."""
    stem, suffix = Path(name).stem, Path(name).suffix
    for number in range(1, 1000):
        path = pages_dir / (name if number == 1 else f"{stem}-{number}{suffix}")
        if not path.exists():
            write_atomic(path, data, overwrite=False)
            return path
        if path.is_file() and path.read_bytes() == data:
            return path
    raise AssertionError("a thousand different pages of one name")


def read_page_url(
    url: str,
    pages_dir: Path,
    segments_dir: Path | None,
    now: dt.datetime | None = None,
    reasons: list[Reason] | None = None,
) -> PageResult:
    """Fetch the page at ``url``, keep it in ``pages_dir`` and read it as ``read_page`` does."""
    response = fetch(url, accept=PAGE_TYPES, what="page (HTML or text)")
    fetched = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    path = _keep(
        Path(pages_dir), page_file_name(response.url, response.mime_type), _page_bytes(response)
    )
    result = read_page(path, segments_dir, reasons, base_url=response.url)
    segment = result.segment
    assert segment.source is not None
    segment.source.url = response.url
    segment.source.fetched = fetched
    # A page without its own address (og:url) links relative to where it was fetched from, as
    # a browser reads it: read_page resolved them against base_url before the URL policy.
    return result
