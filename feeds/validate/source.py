"""Read a feed's bytes from a file or an http(s) URL, refusing anything larger than a feed.

URLs go through the project's one HTTP client (``segments.http``): an overall deadline, a size
limit, redirects checked by the URL policy, gzip decoded (a broken body is one line).
"""

from __future__ import annotations

from pathlib import Path

from segments.errors import FeedError, InputError
from segments.files import open_input
from segments.http import FEED_LIMITS, HttpError, fetch, is_http_url

#: Larger than any real feed: a file or response this big is a mistake, refused unread.
MAX_FEED_BYTES = FEED_LIMITS.max_bytes


def load_feed(location: str) -> bytes:
    """Read a feed from a file path or an http(s) URL."""
    if is_http_url(location):
        try:
            return fetch(location, limits=FEED_LIMITS, what="feed").body
        except HttpError as exc:
            raise FeedError(exc.message, exc.where) from exc
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
