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

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import SplitResult, urljoin, urlsplit

from segments.errors import SegcastError
from segments.model import Segment, Show

PUBLISHED_SCHEMES = ("http", "https")

UrlKind = Literal["absolute", "relative-allowed"]


#: Whitespace (Unicode's, as ``str.isspace``) and ASCII control characters. One regular expression,
#: not a loop over characters: every URL of a 10,000-item feed passes here.
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


#: An ASCII http(s) URL whose host part has no brackets, port-free or not: urlsplit would read it
#: as http(s) with a host and never raise, so it is published. Everything else goes to urlsplit.
_PLAIN_WEB_URL = re.compile(
    r"(?:https?|HTTPS?)://[A-Za-z0-9.\-_~!$&'()*+,;=:@]+(?:[/?#][\x21-\x7e]*)?\Z"
)


def _has_space_or_control(url: str) -> bool:
    return _SPACE_OR_CONTROL.search(url) is not None


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
    if _PLAIN_WEB_URL.match(url):
        return True  # the common case, decided without urlsplit (see _PLAIN_WEB_URL)
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[::1/feed.xml": an unclosed IPv6 bracket
        return False
    if "%" in parts.netloc.rsplit("@", 1)[-1]:
        return False  # "http://%5Bbad/a.mp3": a percent-encoded host no client resolves
    if parts.scheme:
        return parts.scheme.lower() in PUBLISHED_SCHEMES and bool(parts.netloc)
    if url.startswith("//") or parts.netloc:
        return False  # scheme-relative: the reader's scheme decides; refuse it
    # No scheme: a relative reference. A colon before the first slash would be read as a scheme by
    # some readers ("javascript&colon;..." decoded, "java\tscript:"), so refuse those too.
    head = url.split("/", 1)[0]
    return allow_relative and ":" not in head


def check_url(
    value: object, *, path: str | Path | None, key: str, allow_relative: bool = False
) -> str:
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


def _escape_brackets(url: str) -> str:
    return url.replace("[", "%5B").replace("]", "%5D")


def split_url(url: str) -> SplitResult:
    """Split a URL a page gave, as ``urlsplit`` does, without failing on a stray bracket.

    ``urlsplit`` refuses a bracket in the host part that is no IPv6 address ("http://[x/a.mp3",
    "http://a]b/ep.mp3", a template's unfilled "[host]") with ``ValueError``; brackets in a path,
    query or fragment it keeps. Brackets are not allowed outside an IPv6 host (RFC 3986), so such
    a URL is read with them percent-encoded, and ``is_published_url`` then refuses its host.

    >>> split_url("https://abo.example.fr#xtor=CS1-263[HEADER]").netloc
    'abo.example.fr'
    >>> split_url("http://[::1]:8000/feed.xml").hostname
    '::1'
    >>> split_url("http://[broken/a.mp3").path
    '/a.mp3'
    """
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit(_escape_brackets(url))


def join_url(base_url: str, url: str) -> str:
    """Resolve a URL a page gave against the page's own, as ``urljoin`` does, never failing.

    >>> join_url("https://radio.example.org/a/", "b.mp3")
    'https://radio.example.org/a/b.mp3'
    >>> join_url("https://radio.example.org/", "http://a]b/ep.mp3")
    'http://a%5Db/ep.mp3'
    """
    try:
        return urljoin(base_url, url)
    except ValueError:
        return urljoin(_escape_brackets(base_url), _escape_brackets(url))


def resolve_url(url: str, base_url: str | None) -> str:
    """Return ``url`` made absolute against ``base_url`` (a relative chapter URL), else as given.

    >>> resolve_url("img/1.jpg", "https://example.org/show/")
    'https://example.org/show/img/1.jpg'
    >>> resolve_url("https://cdn.example.net/a.jpg", "https://example.org/show/")
    'https://cdn.example.net/a.jpg'
    """
    if urlsplit(url).scheme or not base_url:
        return url
    return urljoin(base_url, url)


@dataclass(frozen=True)
class UrlField:
    """One URL a segment or show carries: its key as the producer's file names it, its holder
    (a model object) and attribute, and whether a relative URL is allowed there."""

    key: str
    holder: object
    attribute: str
    allow_relative: bool = False

    @property
    def value(self) -> str | None:
        value = getattr(self.holder, self.attribute)
        return value if isinstance(value, str) or value is None else str(value)


def segment_urls(segment: Segment) -> list[UrlField]:
    """Return every URL ``segment`` carries that some writer publishes, keyed as its segment
    file names them (``people[0].href``, ``chapters[2].image``); chapters may be relative."""
    fields = [UrlField("link", segment, "link")]
    if segment.source is not None:
        fields.append(UrlField("source.url", segment.source, "url"))
    if segment.audio is not None:
        fields.append(UrlField("audio.url", segment.audio, "url"))
    for n, person in enumerate(segment.people):
        fields += [UrlField(f"people[{n}].href", person, "href")]
        fields += [UrlField(f"people[{n}].img", person, "img")]
    for n, image in enumerate(segment.images):
        fields.append(UrlField(f"images[{n}].url", image, "url"))
    for n, chapter in enumerate(segment.chapters):
        fields.append(UrlField(f"chapters[{n}].url", chapter, "url", allow_relative=True))
        fields.append(UrlField(f"chapters[{n}].image", chapter, "image", allow_relative=True))
    # An imported feed's chapters file and transcripts, republished by URL.
    fields.append(UrlField("chapters_url", segment, "chapters_url"))
    for n, transcript in enumerate(segment.transcripts):
        fields.append(UrlField(f"transcripts[{n}].url", transcript, "url"))
    return [field for field in fields if field.value is not None]


#: The show's URL keys (show.toml's names) that the feed, the pages and the tags publish.
SHOW_URL_KEYS: tuple[str, ...] = (
    "link",
    "base_url",
    "feed_url",
    "artwork",
    "live_stream_url",
    "new_feed_url",
)


def show_urls(show: Show) -> list[UrlField]:
    """Return every URL ``show`` carries that some writer publishes, keyed as show.toml names
    them (``funding[0].url``, ``podroll[1].feed_url``)."""
    fields = [UrlField(key, show, key) for key in SHOW_URL_KEYS]
    fields += [UrlField(f"funding[{n}].url", f, "url") for n, f in enumerate(show.funding)]
    fields += [
        UrlField(f"podroll[{n}].feed_url", r, "feed_url") for n, r in enumerate(show.podroll)
    ]
    return [field for field in fields if field.value is not None]


def check_urls(fields: list[UrlField], where: str | Path | None) -> None:
    """Raise the error :func:`check_url` gives for the first field that may not be published.

    Writers call this as their last guard: a value that reached them without passing a reader
    (an importer, a caller of the library) is refused, never published."""
    for field in fields:
        check_url(field.value, path=where, key=field.key, allow_relative=field.allow_relative)
