"""Rules for each episode's ``<enclosure>``: a unique absolute URL, a size in bytes, a MIME type.

Sources: the RSS 2.0 specification's ``<enclosure>``
(https://www.rssboard.org/rss-specification) and Apple Podcasts
requirements (https://podcasters.apple.com/support/823-podcast-requirements) with its tag list
(https://help.apple.com/itc/podcasts_connect/#/itcb54353390).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from lxml import etree

from feeds.validate.common import APPLE, Places, Report, Rule, is_url, it, text
from segments.timecode import parse_timecode

RULES = (
    Rule(
        "item-enclosure-missing",
        "error",
        "the item has no <enclosure>",
        f"{APPLE}: every episode needs an enclosure with url, length and type",
    ),
    Rule(
        "item-enclosure-url-missing",
        "error",
        "the enclosure has no url",
        "RSS 2.0 spec: enclosure url is required",
    ),
    Rule(
        "item-enclosure-url-invalid",
        "error",
        'the enclosure url "{url}" is not an absolute http(s) URL without spaces',
        f"{APPLE}: the enclosure url is the full URL apps download the episode from",
    ),
    Rule(
        "item-enclosure-url-duplicate",
        "error",
        'the enclosure url "{url}" is already used by {other}',
        f"{APPLE}: enclosure URLs must be unique within the feed",
    ),
    Rule(
        "item-enclosure-filename-not-ascii",
        "error",
        'the enclosure file name "{name}" is not ASCII',
        f"{APPLE}: file names use ASCII characters only",
    ),
    Rule(
        "item-enclosure-length-missing",
        "error",
        "the enclosure has no length",
        "RSS 2.0 spec: enclosure length (bytes) is required",
    ),
    Rule(
        "item-enclosure-length-not-bytes",
        "error",
        'enclosure length "{value}" is not a positive whole number of bytes',
        "RSS 2.0 spec and Apple: length is the file's size in bytes, not 0, not a guess",
    ),
    Rule(
        "item-enclosure-length-suspicious",
        "warning",
        "enclosure length {value} bytes is too small for an episode; seconds or a guess?",
        f"{APPLE}: length is the file's real size in bytes (seconds and placeholders are a "
        "known mistake)",
    ),
    Rule(
        "item-enclosure-length-is-duration",
        "warning",
        "enclosure length {value} is the episode's itunes:duration in seconds, not its bytes",
        f"{APPLE}: length is the file's size in bytes; seconds written there are a known "
        "mistake, whatever the number",
    ),
    Rule(
        "item-enclosure-length-repeated",
        "warning",
        "enclosure length {value} is the same as {other}'s; a copied or guessed value?",
        f"{APPLE}: length is each file's real size; two episodes are never byte for byte "
        "the same length",
    ),
    Rule(
        "item-enclosure-type-missing",
        "error",
        "the enclosure has no type",
        "RSS 2.0 spec: enclosure type (MIME type) is required",
    ),
    Rule(
        "item-enclosure-type-mismatch",
        "error",
        'enclosure type "{type}" does not match the "{ext}" file (expected {expected})',
        f"{APPLE}: audio/mpeg for MP3, audio/x-m4a for M4A, matching the real file",
    ),
)

#: Enclosure file extension -> the MIME types Apple and the IANA register for it.
ENCLOSURE_TYPES: dict[str, tuple[str, ...]] = {
    ".mp3": ("audio/mpeg",),
    ".m4a": ("audio/x-m4a", "audio/mp4"),
    ".mp4": ("video/mp4", "audio/mp4"),
    ".m4v": ("video/x-m4v", "video/mp4"),
    ".mov": ("video/quicktime",),
    ".pdf": ("application/pdf",),
    ".aac": ("audio/aac", "audio/x-aac"),
    ".ogg": ("audio/ogg",),
    ".oga": ("audio/ogg",),
    ".opus": ("audio/opus", "audio/ogg"),
    ".flac": ("audio/flac", "audio/x-flac"),
    ".wav": ("audio/wav", "audio/x-wav", "audio/wave"),
}

#: Below this many bytes an enclosure cannot be an episode (under a second of 96 kbit/s audio).
SUSPICIOUS_LENGTH_BYTES = 10_000


def _duration_seconds(item: etree._Element) -> int | None:
    """Return the item's itunes:duration in whole seconds, or None when absent or unreadable."""
    value = text(item.find(it("duration")))
    if not value:
        return None
    try:
        return round(parse_timecode(value))
    except ValueError:
        return None


@dataclass
class Seen:
    """The enclosure URLs and lengths of the items checked so far, each with its item's label."""

    urls: dict[str, str] = field(default_factory=dict)
    lengths: dict[int, str] = field(default_factory=dict)


def check_enclosure(item: etree._Element, places: Places, report: Report, seen: Seen) -> None:
    """Check an item's enclosure against the rules and against the items ``seen`` before it."""
    enclosure = item.find("enclosure")
    if enclosure is None:
        report.add("item-enclosure-missing", places.of(item))
        return
    where = places.of(enclosure)
    url = (enclosure.get("url") or "").strip()
    if not url:
        report.add("item-enclosure-url-missing", where)
    else:
        if not is_url(url) or any(char.isspace() for char in url):
            report.add("item-enclosure-url-invalid", where, url=url)
        if url in seen.urls:
            report.add("item-enclosure-url-duplicate", where, url=url, other=seen.urls[url])
        else:
            seen.urls[url] = places.labels[item]
        name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
        if not name.isascii():
            report.add("item-enclosure-filename-not-ascii", where, name=name)
    length = enclosure.get("length")
    if length is None:
        report.add("item-enclosure-length-missing", where)
    elif not (length.strip().isdigit() and length.strip().isascii()) or int(length) == 0:
        report.add("item-enclosure-length-not-bytes", where, value=length)
    elif int(length) < SUSPICIOUS_LENGTH_BYTES:
        report.add("item-enclosure-length-suspicious", where, value=int(length))
    elif int(length) == _duration_seconds(item):
        report.add("item-enclosure-length-is-duration", where, value=int(length))
    elif int(length) in seen.lengths:
        report.add(
            "item-enclosure-length-repeated",
            where,
            value=int(length),
            other=seen.lengths[int(length)],
        )
    else:
        seen.lengths[int(length)] = places.labels[item]
    mime = enclosure.get("type")
    if mime is None or not mime.strip():
        report.add("item-enclosure-type-missing", where)
    elif url:
        path = urlsplit(url).path.lower()
        ext = path[path.rfind(".") :] if "." in path.rsplit("/", 1)[-1] else ""
        expected = ENCLOSURE_TYPES.get(ext)
        if expected and mime.strip().lower() not in expected:
            report.add(
                "item-enclosure-type-mismatch",
                where,
                type=mime,
                ext=ext,
                expected=" or ".join(expected),
            )
