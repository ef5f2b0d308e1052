"""The one URL policy: which URLs segcast reads from producers' files and publishes.

Everything we publish (item links, people's ``href``/``img``, chapter ``url``/``img``,
enclosures, images, ID3 ``WOAS``/``WXXX`` frames) is an absolute ``http``/``https`` URL with a host.
Chapters may also use a relative URL, which is resolved against the show's ``base_url``.
``javascript:``, ``data:``, ``file:``, ``vbscript:`` and every other scheme are refused: a reader
may follow them.

Readers of producers' files call :func:`check_url` at the boundary, so a bad URL is an error naming
the file and the key; writers call :func:`is_published_url` as a last guard before output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from segments.errors import SegcastError

PUBLISHED_SCHEMES = ("http", "https")

UrlKind = Literal["absolute", "relative-allowed"]


def _has_space_or_control(url: str) -> bool:
    return any(char.isspace() or ord(char) < 0x20 or ord(char) == 0x7F for char in url)


def is_published_url(url: str | None, *, allow_relative: bool = False) -> bool:
    """Say whether ``url`` may be published: absolute http(s) with a host, or (when allowed) a
    relative reference with no scheme and no host (``chapters/1.jpg``, ``/art.png``).

    >>> is_published_url("https://example.org/a")
    True
    >>> is_published_url("javascript:alert(1)")
    False
    >>> is_published_url("img/1.jpg", allow_relative=True)
    True
    """
    if not url or _has_space_or_control(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[::1/feed.xml": an unclosed IPv6 bracket
        return False
    if parts.scheme:
        return parts.scheme.lower() in PUBLISHED_SCHEMES and bool(parts.netloc)
    if url.startswith("//") or parts.netloc:
        return False  # scheme-relative: the reader's scheme decides; refuse it
    # No scheme: a relative reference. A colon before the first slash would be read as a scheme by
    # some readers ("javascript&colon;..." decoded, "java\tscript:"), so refuse those too.
    head = url.split("/", 1)[0]
    return allow_relative and ":" not in head


def check_url(value: object, *, path: Path | None, key: str, allow_relative: bool = False) -> str:
    """Return ``value`` stripped if it is a URL we may publish, else raise an error naming the file
    and key (``people[0].href: 'javascript:alert(1)' is not an http(s) URL``)."""
    if not isinstance(value, str) or not value.strip():
        raise SegcastError(f"{key}: must be a URL, not {value!r}", path)
    url = value.strip()
    if is_published_url(url, allow_relative=allow_relative):
        return url
    if _has_space_or_control(url):
        raise SegcastError(
            f"{key}: {url!r} has a space or control character; write it as %20", path
        )
    what = "an http(s) URL or a relative one" if allow_relative else "an http(s) URL"
    raise SegcastError(f"{key}: {url!r} is not {what}", path)
