"""Read a feed's bytes from a file or an http(s) URL, refusing anything larger than a feed."""

from __future__ import annotations

import gzip
import io
import re
import urllib.error
import urllib.request
from pathlib import Path

from segments.errors import FeedError, InputError
from segments.files import open_input

#: Larger than any real feed: a file or response this big is a mistake, refused unread.
MAX_FEED_BYTES = 100 * 1024 * 1024


def _gunzip(data: bytes, location: str) -> bytes:
    """Return gzip-compressed feed bytes uncompressed, at most the size a feed may have."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            return stream.read(MAX_FEED_BYTES + 1)
    except (OSError, EOFError) as exc:
        raise FeedError(f"the server sent broken gzip data: {exc}", location) from exc


def load_feed(location: str) -> bytes:
    """Read a feed from a file path or an http(s) URL."""
    if re.match(r"https?://", location, re.IGNORECASE):
        request = urllib.request.Request(
            location, headers={"User-Agent": "segcast-feed-validator", "Accept": "*/*"}
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                data: bytes = response.read(MAX_FEED_BYTES + 1)
                encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
            if encoding in ("gzip", "x-gzip"):  # sent unasked by some servers and CDNs
                data = _gunzip(data, location)
        except urllib.error.HTTPError as exc:
            if 300 <= exc.code < 400:  # urllib follows redirects; it gives up on a loop
                raise FeedError(
                    f"HTTP {exc.code}: too many redirects (a redirect loop)", location
                ) from exc
            raise FeedError(f"HTTP {exc.code} {exc.reason}", location) from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FeedError(f"cannot fetch the feed: {reason}", location) from exc
    else:
        try:
            # The one input opener: a FIFO or device is refused before it is read.
            with open_input(Path(location), what="feed file") as handle:
                data = handle.read(MAX_FEED_BYTES + 1)  # a huge file is refused, never loaded
        except InputError as exc:  # missing, a directory, a FIFO...
            raise FeedError(exc.message, location) from exc
        except OSError as exc:
            raise FeedError(f"cannot read the feed: {exc.strerror or exc}", location) from exc
    if len(data) > MAX_FEED_BYTES:
        raise FeedError(f"the feed is larger than {MAX_FEED_BYTES // 2**20} MB", location)
    return data
