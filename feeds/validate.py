"""Check a podcast RSS feed against Apple's, Spotify's and Podcasting 2.0's rules.

``RULES`` is the whole rule book: each rule has an id, a severity, a message template and the
source it comes from. ``validate_feed`` returns one ``Finding`` per problem, in document order;
``load_feed`` reads a feed from a file or an http(s) URL.
"""

from __future__ import annotations

import gzip
import html
import io
import itertools
import re
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from lxml import etree

from feeds.categories import APPLE_CATEGORIES
from feeds.guids import podcast_guid
from feeds.shownotes import DESCRIPTION_MAX_BYTES
from segments.errors import FeedError
from segments.rfc2822 import WEEKDAYS, parse_rfc2822
from segments.timecode import parse_timecode

Severity = Literal["error", "warning", "info"]

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
ATOM = "http://www.w3.org/2005/Atom"

#: The prefixes a podcast feed conventionally uses, and the only URI each may be bound to.
NAMESPACES: dict[str, str] = {
    "itunes": ITUNES,
    "podcast": PODCAST,
    "content": CONTENT,
    "atom": ATOM,
}
_PREFIX_OF = {uri: prefix for prefix, uri in NAMESPACES.items()}


@dataclass(frozen=True)
class Rule:
    """One check: its id, how bad a violation is, what to say, and why (with the source)."""

    id: str
    severity: Severity
    message: str
    rationale: str


@dataclass(frozen=True)
class Finding:
    """One violation of a rule at one place in the feed."""

    rule: str
    severity: Severity
    message: str
    where: str
    line: int | None = None


_APPLE = "Apple Podcasts RSS requirements"
_P20 = "Podcasting 2.0 namespace"

#: The rule book. Message templates are filled with ``str.format`` from the check's values.
RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        # --- the document ---------------------------------------------------------------------
        Rule(
            "rss-root-missing",
            "error",
            "the root element is <{root}>, not <rss>",
            "RSS 2.0 spec: a feed is an <rss> document; Apple and Spotify read only RSS 2.0",
        ),
        Rule(
            "rss-version-missing",
            "error",
            "<rss> has no version attribute",
            'RSS 2.0 spec: <rss version="2.0">',
        ),
        Rule(
            "rss-version-invalid",
            "error",
            'rss version is "{value}", not "2.0"',
            'RSS 2.0 spec: <rss version="2.0">',
        ),
        Rule(
            "rss-channel-missing",
            "error",
            "<rss> has no <channel>",
            "RSS 2.0 spec: <rss> contains exactly one <channel>",
        ),
        Rule(
            "namespace-uri-wrong",
            "error",
            'prefix "{prefix}" is bound to "{uri}", not "{expected}"; apps ignore its tags',
            "Apple (itunes), Podcasting 2.0 (podcast), RSS content and Atom modules: apps match "
            "tags by namespace URI, so a wrong URI hides every tag using it",
        ),
        # --- channel --------------------------------------------------------------------------
        Rule(
            "channel-title-missing",
            "error",
            "the channel has no <title>",
            f"RSS 2.0 spec and {_APPLE}: title is required",
        ),
        Rule(
            "channel-description-missing",
            "error",
            "the channel has no <description>",
            f"RSS 2.0 spec and {_APPLE}: description is required",
        ),
        Rule(
            "channel-link-missing",
            "warning",
            "the channel has no <link>",
            "RSS 2.0 spec requires <link>; Apple recommends it",
        ),
        Rule(
            "channel-language-missing",
            "error",
            "the channel has no <language>",
            f"{_APPLE}: <language> (ISO 639) is required",
        ),
        Rule(
            "channel-language-invalid",
            "error",
            'language "{value}" is not an ISO 639 code (like "en" or "en-US")',
            f"{_APPLE}: <language> takes an ISO 639 code",
        ),
        Rule(
            "channel-image-missing",
            "error",
            "the channel has no <itunes:image>",
            f"{_APPLE}: show artwork in <itunes:image href> is required",
        ),
        Rule(
            "image-href-invalid",
            "error",
            'itunes:image href "{href}" does not end in .jpg, .jpeg or .png',
            f"{_APPLE}: artwork is JPEG or PNG and its URL ends in the matching extension",
        ),
        Rule(
            "channel-category-missing",
            "error",
            "the channel has no <itunes:category>",
            f"{_APPLE}: a category from Apple's list is required",
        ),
        Rule(
            "channel-category-unknown",
            "error",
            'itunes:category "{value}" is not in Apple\'s list{hint}',
            f"{_APPLE}: the category must match Apple's list exactly, casing included",
        ),
        Rule(
            "channel-subcategory-unknown",
            "error",
            'itunes:category "{value}" is not a subcategory of "{parent}"{hint}',
            f"{_APPLE}: the subcategory must be one of its category's, with exact casing",
        ),
        Rule(
            "channel-category-extra",
            "info",
            "{count} more top-level itunes:category after the first; Apple reads only the first",
            f"{_APPLE}: only the first category and its subcategory count",
        ),
        Rule(
            "channel-explicit-missing",
            "error",
            "the channel has no <itunes:explicit>",
            f"{_APPLE}: itunes:explicit (true or false) is required",
        ),
        Rule(
            "explicit-deprecated",
            "warning",
            'itunes:explicit is "{value}"; write "true" or "false"',
            f"{_APPLE}: yes/no/clean were replaced by true/false and current validators reject "
            "them",
        ),
        Rule(
            "explicit-invalid",
            "error",
            'itunes:explicit is "{value}", not "true" or "false"',
            f"{_APPLE}: itunes:explicit takes true or false",
        ),
        Rule(
            "channel-author-missing",
            "warning",
            "the channel has no <itunes:author>",
            f"{_APPLE}: itunes:author is recommended",
        ),
        Rule(
            "channel-owner-missing",
            "warning",
            "the channel has no <itunes:owner>",
            f"{_APPLE} and Spotify: the owner's email receives the ownership verification code",
        ),
        Rule(
            "channel-owner-email-missing",
            "warning",
            "itunes:owner has no <itunes:email>",
            f"{_APPLE} and Spotify: the owner's email receives the ownership verification code",
        ),
        Rule(
            "channel-owner-email-invalid",
            "warning",
            'itunes:email "{value}" is not an email address',
            f"{_APPLE} and Spotify: the owner's email must be real to verify ownership",
        ),
        Rule(
            "channel-copyright-missing",
            "info",
            "the channel has no <copyright>",
            f"{_APPLE}: copyright is recommended",
        ),
        Rule(
            "channel-no-items",
            "error",
            "the channel has no <item>: there is no episode",
            f"{_APPLE}: a show is accepted and listed only with at least one episode",
        ),
        Rule(
            "channel-type-missing",
            "info",
            "the channel has no <itunes:type> (episodic is assumed)",
            f"{_APPLE}: itunes:type (episodic or serial) is recommended",
        ),
        Rule(
            "channel-type-invalid",
            "error",
            'itunes:type is "{value}", not "episodic" or "serial"',
            f"{_APPLE}: itunes:type takes episodic or serial",
        ),
        Rule(
            "channel-self-link-missing",
            "warning",
            'the channel has no <atom:link rel="self">',
            "RSS Best Practices (Atom self link): names the feed's own URL, which "
            "Podcasting 2.0 derives podcast:guid from",
        ),
        Rule(
            "podcast-guid-invalid",
            "error",
            'podcast:guid "{value}" is not a UUID',
            f"{_P20}, podcast:guid: a UUID",
        ),
        Rule(
            "podcast-guid-not-v5",
            "warning",
            'podcast:guid "{value}" is a version {version} UUID, not version 5',
            f"{_P20}, podcast:guid: a UUIDv5 of the feed URL",
        ),
        Rule(
            "podcast-guid-not-from-feed-url",
            "info",
            'podcast:guid "{value}" is not the UUIDv5 of the self URL "{url}" ({expected}); '
            "fine if the feed moved after the GUID was assigned",
            f"{_P20}, podcast:guid: UUIDv5 of the feed URL without scheme and trailing slashes, "
            "assigned once and kept when the URL moves",
        ),
        Rule(
            "podcast-locked-invalid",
            "error",
            'podcast:locked is "{value}", not "yes" or "no"',
            f"{_P20}, podcast:locked: yes or no",
        ),
        Rule(
            "tag-value-too-long",
            "warning",
            "<{tag}> is {length} characters; at most 255",
            f"{_APPLE}: tag values other than descriptions are at most 255 characters",
        ),
        Rule(
            "date-invalid",
            "error",
            '<{tag}> "{value}" is not an RFC 2822 date',
            'RSS 2.0 spec and Apple: dates are RFC 2822, like "Wed, 15 Jun 2016 09:30:00 -0700"',
        ),
        Rule(
            "date-weekday-wrong",
            "warning",
            '<{tag}> "{value}" says {given} but that date is a {actual}',
            "RFC 2822 section 3.3: the day of the week must match the date",
        ),
        # --- descriptions (channel and item) --------------------------------------------------
        Rule(
            "description-too-long",
            "error",
            "<{tag}> is {size} bytes; at most 4000",
            f"{_APPLE}: descriptions are at most 4000 bytes",
        ),
        Rule(
            "description-html-not-allowed",
            "warning",
            "<{tag}> uses HTML tags Apple does not allow: {tags}",
            f"{_APPLE}: descriptions may use only <p> <ol> <ul> <li> <a>",
        ),
        Rule(
            "description-html-double-escaped",
            "warning",
            "<{tag}> contains escaped markup such as {sample}; listeners see the tags as text",
            "Field experience (issue trackers): HTML escaped twice shows up as literal tags",
        ),
        Rule(
            "description-chapters-not-from-zero",
            "warning",
            "the chapter lines in <description> start at {first}, not 00:00",
            "Spotify: timestamps in the episode description become chapters only when the "
            "first is 00:00",
        ),
        Rule(
            "description-chapters-not-ascending",
            "warning",
            "chapter line {time} in <description> is not after the one before it",
            "Spotify: chapter timestamps in the description must be in ascending order",
        ),
        Rule(
            "description-chapters-too-few",
            "info",
            "<description> has {count} chapter line(s); Spotify needs at least 3",
            "Spotify: at least three timestamps are needed to make chapters",
        ),
        # --- items ----------------------------------------------------------------------------
        Rule(
            "item-title-missing",
            "error",
            "the item has no <title>",
            f"{_APPLE}: every episode needs a title",
        ),
        Rule(
            "item-title-episode-number",
            "info",
            'the title "{value}" contains an episode number ("{number}")',
            f"{_APPLE}: do not put episode or season numbers in the title; use itunes:episode",
        ),
        Rule(
            "item-description-missing",
            "info",
            "the item has no <description>",
            f"{_APPLE}: an episode description is recommended",
        ),
        Rule(
            "item-enclosure-missing",
            "error",
            "the item has no <enclosure>",
            f"{_APPLE}: every episode needs an enclosure with url, length and type",
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
            f"{_APPLE}: the enclosure url is the full URL apps download the episode from",
        ),
        Rule(
            "item-enclosure-url-duplicate",
            "error",
            'the enclosure url "{url}" is already used by {other}',
            f"{_APPLE}: enclosure URLs must be unique within the feed",
        ),
        Rule(
            "item-enclosure-filename-not-ascii",
            "error",
            'the enclosure file name "{name}" is not ASCII',
            f"{_APPLE}: file names use ASCII characters only",
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
            f"{_APPLE}: length is the file's real size in bytes (seconds and placeholders are a "
            "known mistake)",
        ),
        Rule(
            "item-enclosure-length-repeated",
            "warning",
            "enclosure length {value} is the same as {other}'s; a copied or guessed value?",
            f"{_APPLE}: length is each file's real size; two episodes are never byte for byte "
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
            f"{_APPLE}: audio/mpeg for MP3, audio/x-m4a for M4A, matching the real file",
        ),
        Rule(
            "item-guid-missing",
            "warning",
            "the item's <guid> is {state}",
            f"{_APPLE}: a permanent GUID keeps apps from re-downloading or duplicating episodes",
        ),
        Rule(
            "item-guid-duplicate",
            "error",
            'guid "{value}" is already used by {other}',
            "RSS 2.0 spec: a guid identifies one item; apps merge or drop duplicates",
        ),
        Rule(
            "item-guid-permalink-not-url",
            "warning",
            'guid "{value}" is not a URL but isPermaLink is {how}',
            'RSS 2.0 spec: isPermaLink defaults to true; a non-URL guid needs isPermaLink="false"',
        ),
        Rule(
            "item-pubdate-missing",
            "warning",
            "the item has no <pubDate>",
            f"{_APPLE}: pubDate orders episodes and is recommended",
        ),
        Rule(
            "item-pubdate-future",
            "info",
            'pubDate "{value}" is in the future',
            f"{_APPLE}: episodes dated in the future may be hidden until that date",
        ),
        Rule(
            "item-duration-missing",
            "info",
            "the item has no <itunes:duration>",
            f"{_APPLE}: itunes:duration is recommended",
        ),
        Rule(
            "item-duration-fractional",
            "warning",
            'itunes:duration "{value}" has a fraction; write whole seconds',
            f"{_APPLE}: itunes:duration is whole seconds (or HH:MM:SS)",
        ),
        Rule(
            "item-duration-invalid",
            "error",
            'itunes:duration "{value}" is neither whole seconds nor [HH:]MM:SS',
            f"{_APPLE}: itunes:duration is whole seconds (or HH:MM:SS, MM:SS)",
        ),
        Rule(
            "item-episode-invalid",
            "error",
            '<{tag}> "{value}" is not a whole number above 0',
            f"{_APPLE}: itunes:episode and itunes:season are integers greater than 0",
        ),
        Rule(
            "item-episode-missing-serial",
            "error",
            "the show is serial but the item has no <itunes:episode>",
            f"{_APPLE}: serial shows need itunes:episode on every episode",
        ),
        Rule(
            "item-episode-type-invalid",
            "error",
            'itunes:episodeType is "{value}", not full, trailer or bonus',
            f"{_APPLE}: itunes:episodeType takes full, trailer or bonus",
        ),
        # --- Podcasting 2.0 -------------------------------------------------------------------
        Rule(
            "podcast-transcript-url-missing",
            "error",
            "podcast:transcript has no url",
            f"{_P20}, podcast:transcript: url is required",
        ),
        Rule(
            "podcast-transcript-type-invalid",
            "error",
            'podcast:transcript type "{value}" is not one of {allowed}',
            f"{_P20}, podcast:transcript: type is one of the listed MIME types",
        ),
        Rule(
            "podcast-chapters-url-missing",
            "error",
            "podcast:chapters has no url",
            f"{_P20}, podcast:chapters: url is required",
        ),
        Rule(
            "podcast-chapters-type-invalid",
            "warning",
            'podcast:chapters type is "{value}", not "application/json+chapters"',
            f"{_P20}, podcast:chapters: type application/json+chapters",
        ),
        Rule(
            "podcast-person-name-missing",
            "error",
            "podcast:person has no name",
            f"{_P20}, podcast:person: the name is the element's text",
        ),
        Rule(
            "podcast-person-name-too-long",
            "warning",
            "the podcast:person name is {length} characters; at most 128",
            f"{_P20}, podcast:person: names are at most 128 characters",
        ),
        Rule(
            "podcast-person-role-unknown",
            "warning",
            'podcast:person role "{value}" is not in the Podcast Taxonomy',
            f"{_P20}, podcast:person: role comes from the Podcast Taxonomy Project list",
        ),
        Rule(
            "podcast-person-group-unknown",
            "warning",
            'podcast:person group "{value}" is not in the Podcast Taxonomy',
            f"{_P20}, podcast:person: group comes from the Podcast Taxonomy Project list",
        ),
        Rule(
            "podcast-funding-url-missing",
            "error",
            "podcast:funding has no url",
            f"{_P20}, podcast:funding: url is required",
        ),
        Rule(
            "podcast-soundbite-invalid",
            "error",
            'podcast:soundbite {attribute} "{value}" is not a number of seconds',
            f"{_P20}, podcast:soundbite: startTime and duration are seconds",
        ),
        Rule(
            "podcast-soundbite-duration-out-of-range",
            "warning",
            "podcast:soundbite duration {value} s is outside 15 to 120 s",
            f"{_P20}, podcast:soundbite: a soundbite lasts 15 to 120 seconds",
        ),
        Rule(
            "podcast-season-invalid",
            "error",
            'podcast:season "{value}" is not a whole number',
            f"{_P20}, podcast:season: an integer",
        ),
        Rule(
            "podcast-episode-invalid",
            "error",
            'podcast:episode "{value}" is not a number',
            f"{_P20}, podcast:episode: a decimal number",
        ),
        Rule(
            "podcast-transcript-captions-untimed",
            "warning",
            'podcast:transcript rel="captions" has type "{value}", which carries no times',
            f"{_P20}, podcast:transcript: captions are timed (text/vtt, application/x-subrip, "
            "application/json)",
        ),
        Rule(
            "podcast-medium-invalid",
            "error",
            'podcast:medium "{value}" is not one of the spec\'s media',
            f"{_P20}, podcast:medium: podcast, music, video, film, audiobook, newsletter, blog, "
            "publisher, course (or a list form ending in L), mixed",
        ),
        Rule(
            "podcast-liveitem-status-invalid",
            "error",
            'podcast:liveItem status "{value}" is not pending, live or ended',
            f"{_P20}, podcast:liveItem: status is pending, live or ended",
        ),
        Rule(
            "podcast-liveitem-time-invalid",
            "error",
            'podcast:liveItem {attribute} "{value}" is not an ISO 8601 date and time',
            f"{_P20}, podcast:liveItem: start and end are ISO 8601 times",
        ),
        Rule(
            "podcast-liveitem-contentlink-missing",
            "error",
            "podcast:liveItem has no podcast:contentLink",
            f"{_P20}, podcast:liveItem: must contain at least one podcast:contentLink",
        ),
        # --- every URL ------------------------------------------------------------------------
        Rule(
            "url-not-https",
            "warning",
            '{attribute} "{url}" is http, not https',
            f"{_APPLE} and {_P20}: URLs to web resources should be https",
        ),
    )
}

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

#: podcast:transcript types the Podcasting 2.0 spec lists.
TRANSCRIPT_TYPES = (
    "text/plain",
    "text/html",
    "text/vtt",
    "application/json",
    "application/x-subrip",
)

#: podcast:medium values (Podcasting 2.0 docs/tags/medium.md): each medium and its list form.
_MEDIA = (
    "podcast", "music", "video", "film", "audiobook", "newsletter", "blog", "publisher", "course"
)  # fmt: skip
PODCAST_MEDIA = frozenset(_MEDIA) | {f"{m}L" for m in _MEDIA} | {"mixed"}

#: Apple's allowed HTML in descriptions.
DESCRIPTION_TAGS = frozenset({"p", "ol", "ul", "li", "a"})

#: Podcast Taxonomy Project (Podcastindex-org/podcast-namespace taxonomy.json): group -> roles,
#: compared case-insensitively. "Translater" is the taxonomy's own spelling; both are accepted.
PERSON_TAXONOMY: dict[str, tuple[str, ...]] = {
    "Creative Direction": (
        "Director",
        "Assistant Director",
        "Executive Producer",
        "Senior Producer",
        "Producer",
        "Associate Producer",
        "Development Producer",
        "Creative Director",
    ),
    "Cast": (
        "Host",
        "Co-Host",
        "Guest Host",
        "Guest",
        "Voice Actor",
        "Narrator",
        "Announcer",
        "Reporter",
    ),
    "Writing": (
        "Author",
        "Editorial Director",
        "Co-Writer",
        "Writer",
        "Songwriter",
        "Guest Writer",
        "Story Editor",
        "Managing Editor",
        "Script Editor",
        "Script Coordinator",
        "Researcher",
        "Editor",
        "Fact Checker",
        "Translator",
        "Translater",
        "Transcriber",
        "Logger",
    ),
    "Audio Production": (
        "Studio Coordinator",
        "Technical Director",
        "Technical Manager",
        "Audio Engineer",
        "Remote Recording Engineer",
        "Post Production Engineer",
    ),
    "Audio Post-Production": (
        "Audio Editor",
        "Sound Designer",
        "Foley Artist",
        "Composer",
        "Theme Music",
        "Music Production",
        "Music Contributor",
    ),
    "Administration": (
        "Production Coordinator",
        "Booking Coordinator",
        "Production Assistant",
        "Content Manager",
        "Marketing Manager",
        "Sales Representative",
        "Sales Manager",
    ),
    "Visuals": ("Graphic Designer", "Cover Art Designer"),
    "Community": ("Social Media Manager",),
    "Misc.": ("Consultant", "Intern"),
    "Video Production": ("Camera Operator", "Lighting Designer", "Camera Grip", "Assistant Camera"),
    "Video Post-Production": ("Editor", "Assistant Editor"),
}
_ROLES = frozenset(r.lower() for roles in PERSON_TAXONOMY.values() for r in roles)
_GROUPS = frozenset(g.lower() for g in PERSON_TAXONOMY)

#: ISO 639-1 language codes (two letters); three-letter ISO 639-2/3 codes are accepted by form.
_ISO_639_1_TEXT = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu "
    "cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi "
    "ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks "
    "ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl "
    "nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl "
    "sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve "
    "vi vo wa wo xh yi yo za zh zu "
)
ISO_639_1 = frozenset(_ISO_639_1_TEXT.split())

#: Below this many bytes an enclosure cannot be an episode (under a second of 96 kbit/s audio).
SUSPICIOUS_LENGTH_BYTES = 10_000

#: Apple: tag values other than descriptions are at most this many characters.
MAX_TAG_CHARS = 255
#: Podcasting 2.0: person names are at most this many characters.
MAX_PERSON_NAME_CHARS = 128
#: Podcasting 2.0: a soundbite lasts this many seconds.
SOUNDBITE_SECONDS = (15.0, 120.0)

#: Elements whose long text is a description, not a "tag value".
_LONG_TEXT = frozenset({"description", f"{{{ITUNES}}}summary", f"{{{CONTENT}}}encoded"})

_MAX_FEED_BYTES = 100 * 1024 * 1024


_DURATION_CLOCK = re.compile(r"(?:\d+:)?\d{1,2}:\d{2}")


def duration_problem(value: str) -> str | None:
    """Return the rule id an itunes:duration value breaks, or None if it is fine.

    >>> [duration_problem(v) for v in ("1805", "30:05", "1:05:20", "07:00")]
    [None, None, None, None]
    >>> [duration_problem(v) for v in ("1805.5", "1:05:20.5", "1:75:00", "abc", "")]
    ['item-duration-fractional', 'item-duration-fractional', 'item-duration-invalid', \
'item-duration-invalid', 'item-duration-invalid']
    """
    text = value.strip()
    if text.isdigit() and text.isascii():
        return None
    whole, dot, fraction = text.partition(".")
    if dot and fraction.isdigit() and duration_problem(whole) is None and whole:
        return "item-duration-fractional"
    if not _DURATION_CLOCK.fullmatch(text):
        return "item-duration-invalid"
    try:
        parse_timecode(text)  # "1:75:00": a unit after the first is 60 or more
    except ValueError:
        return "item-duration-invalid"
    return None


_EPISODE_NUMBER = re.compile(
    r"\b(?:episode|ep|folge|épisode|episodio)\.?\s*#?\s*\d+|#\s?\d+\b|\bS\d+\s?E\d+\b",
    re.IGNORECASE,
)


def episode_number_in_title(title: str) -> str | None:
    """Return the episode number a title contains, as written, or None.

    >>> episode_number_in_title("Episode 57: Rebel Rubes")
    'Episode 57'
    >>> episode_number_in_title("Wild Garbage #2 (with Jen Cownie)")
    '#2'
    >>> episode_number_in_title("18.03.2022 – Langsam gesprochene Nachrichten") is None
    True
    """
    m = _EPISODE_NUMBER.search(title)
    return m.group(0) if m else None


# A time followed by am/pm ("7:30pm: doors open") is a time of day in prose, not a chapter.
_CHAPTER_LINE = re.compile(
    r"\(?((?:\d{1,2}:)?\d{1,2}:\d{2})\)?(?!\s*[ap]\.?m\b)(?=[\s\-–—:]*\S)", re.IGNORECASE
)
_LINE_BREAK = re.compile(r"<\s*br\s*/?\s*>|<\s*/\s*(?:p|li|div|h\d)\s*>", re.IGNORECASE)
_TAG = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)[^<>]*>")


def chapter_lines(description: str) -> list[tuple[str, int]]:
    """Return the ``(timestamp, seconds)`` of each description line that starts with a timestamp.

    >>> chapter_lines("<p>(00:00) Intro</p><p>(01:30) News</p>Talk at 3:00 here<br>1:02:03 End")
    [('00:00', 0), ('01:30', 90), ('1:02:03', 3723)]
    """
    text = html.unescape(_TAG.sub("", _LINE_BREAK.sub("\n", description)))
    found: list[tuple[str, int]] = []
    for line in text.splitlines():
        m = _CHAPTER_LINE.match(line.strip())
        if m:
            try:
                seconds = parse_timecode(m.group(1))
            except ValueError:  # "(0:75)" is no time
                continue
            found.append((m.group(1), int(seconds)))
    return found


class _Report:
    """Collect findings, each with the source line of the place it names."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.lines: dict[str, int] = {"rss": 1}

    def add(self, rule_id: str, where: str, **values: object) -> None:
        rule = RULES[rule_id]
        message = rule.message.format(**{"hint": "", **values})
        place = where
        while place not in self.lines and "/" in place:
            place = place.rsplit("/", 1)[0]
        line = self.lines.get(place)
        self.findings.append(Finding(rule_id, rule.severity, message, where, line))

    def in_document_order(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: f.line or 0)


def _qname(el: etree._Element) -> str:
    """Return an element's name with the conventional prefix for known namespaces."""
    q = etree.QName(el)
    if q.namespace is None:
        return str(q.localname)
    prefix = _PREFIX_OF.get(q.namespace) or el.prefix or "ns"
    return f"{prefix}:{q.localname}"


def _text(el: etree._Element | None) -> str | None:
    """Return an element's stripped text content, or None if the element is absent."""
    if el is None:
        return None
    return "".join(el.itertext()).strip()


def _is_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


class _Places:
    """Name elements by XPath-like location, items by position and guid."""

    def __init__(self, channel: etree._Element, lines: dict[str, int]) -> None:
        self.labels: dict[etree._Element, str] = {}
        self.lines = lines
        if channel.sourceline:
            lines["channel"] = channel.sourceline
        for n, item in enumerate(channel.findall("item"), start=1):
            guid = _text(item.find("guid"))
            title = _text(item.find("title"))
            if guid:
                label = f"item[{n}] (guid {guid})"
            elif title:
                label = f"item[{n}] (title {title[:60]})"
            else:
                label = f"item[{n}]"
            self.labels[item] = label
            self.of(item)

    def of(self, el: etree._Element) -> str:
        parts: list[str] = []
        node: etree._Element | None = el
        while node is not None and node.getparent() is not None:
            parts.append(self.labels.get(node) or _qname(node))
            node = node.getparent()
        where = "/".join(reversed(parts))
        if el.sourceline:
            self.lines[where] = el.sourceline
        return where


def _parse(xml: bytes, source: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        message = re.sub(r", line \d+, column \d+$", "", exc.msg or "syntax error")
        raise FeedError(
            f"not well-formed XML at line {line}, column {column}: {message}", source
        ) from exc


def validate_feed(xml: bytes, source: str, *, now: datetime | None = None) -> list[Finding]:
    """Check a feed document; return its findings in document (source line) order.

    ``source`` names the feed in errors; ``now`` (default: the clock) decides what is "future".
    Raises FeedError when the bytes are not well-formed, namespace-aware XML.
    """
    root = _parse(xml, source)
    report = _Report()
    report.lines["rss"] = root.sourceline or 1
    if etree.QName(root).localname != "rss" or etree.QName(root).namespace is not None:
        report.add("rss-root-missing", _qname(root), root=_qname(root))
        return report.in_document_order()
    version = root.get("version")
    if version is None:
        report.add("rss-version-missing", "rss")
    elif version.strip() != "2.0":
        report.add("rss-version-invalid", "rss", value=version)
    _check_namespaces(root, report)
    channel = root.find("channel")
    if channel is None:
        report.add("rss-channel-missing", "rss")
        return report.in_document_order()
    places = _Places(channel, report.lines)
    _check_channel(channel, places, report)
    _check_items(channel, places, report, now or datetime.now(UTC))
    _check_everywhere(channel, places, report)
    return report.in_document_order()


def _check_namespaces(root: etree._Element, report: _Report) -> None:
    seen: set[tuple[str, str]] = set()
    for el in root.iter(tag=etree.Element):
        for prefix, uri in el.nsmap.items():
            expected = NAMESPACES.get(prefix or "")
            if expected and uri != expected and (prefix, uri) not in seen:
                seen.add((prefix, uri))
                where = "rss" if el is root else "element " + _qname(el)
                report.add("namespace-uri-wrong", where, prefix=prefix, uri=uri, expected=expected)


def _it(tag: str) -> str:
    return f"{{{ITUNES}}}{tag}"


def _pc(tag: str) -> str:
    return f"{{{PODCAST}}}{tag}"


def _check_channel(channel: etree._Element, places: _Places, report: _Report) -> None:
    if not _text(channel.find("title")):
        report.add("channel-title-missing", "channel")
    description = channel.find("description")
    if description is None or not _text(description):
        report.add("channel-description-missing", "channel")
    else:
        _check_description(description, places, report, chapters=False)
    if not _text(channel.find("link")):
        report.add("channel-link-missing", "channel")
    language = _text(channel.find("language"))
    if not language:
        report.add("channel-language-missing", "channel")
    elif not _valid_language(language):
        report.add("channel-language-invalid", "channel/language", value=language)
    if channel.find(_it("image")) is None:
        report.add("channel-image-missing", "channel")
    _check_category(channel, places, report)
    explicit = channel.find(_it("explicit"))
    if explicit is None:
        report.add("channel-explicit-missing", "channel")
    if channel.find(_it("author")) is None:
        report.add("channel-author-missing", "channel")
    owner = channel.find(_it("owner"))
    if owner is None:
        report.add("channel-owner-missing", "channel")
    else:
        email = _text(owner.find(_it("email")))
        if not email:
            report.add("channel-owner-email-missing", places.of(owner))
        elif not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
            report.add(
                "channel-owner-email-invalid", places.of(owner.find(_it("email"))), value=email
            )
    if channel.find("copyright") is None:
        report.add("channel-copyright-missing", "channel")
    show_type = _text(channel.find(_it("type")))
    if show_type is None:
        report.add("channel-type-missing", "channel")
    elif show_type not in ("episodic", "serial"):
        report.add("channel-type-invalid", "channel/itunes:type", value=show_type)
    selfs = [
        link for link in channel.findall(f"{{{ATOM}}}link") if (link.get("rel") or "") == "self"
    ]
    if not selfs:
        report.add("channel-self-link-missing", "channel")
    guid = channel.find(_pc("guid"))
    if guid is not None:
        self_url = selfs[0].get("href") if selfs else None
        _check_podcast_guid(_text(guid) or "", self_url, places.of(guid), report)
    for locked in channel.findall(_pc("locked")):
        value = _text(locked) or ""
        if value not in ("yes", "no"):
            report.add("podcast-locked-invalid", places.of(locked), value=value)


def _valid_language(code: str) -> bool:
    m = re.fullmatch(r"([A-Za-z]{2,3})(?:-[A-Za-z0-9]{1,8})*", code)
    if not m:
        return False
    primary = m.group(1).lower()
    return len(primary) == 3 or primary in ISO_639_1


def _category_hint(value: str, choices: Iterable[str]) -> str:
    for choice in choices:
        if choice.lower() == value.lower():
            return f' (did you mean "{choice}"?)'
    return ""


def _check_category(channel: etree._Element, places: _Places, report: _Report) -> None:
    categories = channel.findall(_it("category"))
    if not categories:
        report.add("channel-category-missing", "channel")
        return
    first = categories[0]
    value = first.get("text") or ""
    where = places.of(first)
    if value not in APPLE_CATEGORIES:
        report.add(
            "channel-category-unknown",
            where,
            value=value,
            hint=_category_hint(value, APPLE_CATEGORIES),
        )
    else:
        sub = first.find(_it("category"))
        if sub is not None:
            sub_value = sub.get("text") or ""
            allowed = APPLE_CATEGORIES[value]
            if sub_value not in allowed:
                report.add(
                    "channel-subcategory-unknown",
                    places.of(sub),
                    value=sub_value,
                    parent=value,
                    hint=_category_hint(sub_value, allowed),
                )
    if len(categories) > 1:
        report.add("channel-category-extra", places.of(categories[1]), count=len(categories) - 1)


_UUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")


def _check_podcast_guid(value: str, self_url: str | None, where: str, report: _Report) -> None:
    if not _UUID.fullmatch(value):
        report.add("podcast-guid-invalid", where, value=value)
        return
    parsed = uuid.UUID(value)
    if parsed.version != 5:
        report.add("podcast-guid-not-v5", where, value=value, version=parsed.version)
    elif self_url and str(parsed) != podcast_guid(self_url):
        report.add(
            "podcast-guid-not-from-feed-url",
            where,
            value=value,
            url=self_url,
            expected=podcast_guid(self_url),
        )


def _markup(el: etree._Element) -> str:
    """Return an element's content as the HTML an app sees, also when tags are not escaped."""
    parts = [el.text or ""]
    for child in el:
        parts.append(etree.tostring(child, encoding="unicode", with_tail=True))
    return "".join(parts).strip()


def _check_description(
    el: etree._Element, places: _Places, report: _Report, *, chapters: bool
) -> None:
    text = _markup(el)
    where = places.of(el)
    tag = _qname(el)
    size = len(text.encode("utf-8"))
    if size > DESCRIPTION_MAX_BYTES:
        report.add("description-too-long", where, tag=tag, size=size)
    used = {m.group(1).lower() for m in _TAG.finditer(text)}
    extra = sorted(used - DESCRIPTION_TAGS)
    if extra:
        report.add(
            "description-html-not-allowed", where, tag=tag, tags=" ".join(f"<{t}>" for t in extra)
        )
    escaped = re.search(r"&lt;\s*/?\s*[A-Za-z][A-Za-z0-9]*[^&]{0,40}?&gt;", text)
    if escaped:
        report.add("description-html-double-escaped", where, tag=tag, sample=escaped.group(0))
    if chapters:
        lines = chapter_lines(text)
        if lines:
            if lines[0][1] != 0:
                report.add("description-chapters-not-from-zero", where, first=lines[0][0])
            for (_, before), (stamp, seconds) in itertools.pairwise(lines):
                if seconds <= before:
                    report.add("description-chapters-not-ascending", where, time=stamp)
            if len(lines) < 3:
                report.add("description-chapters-too-few", where, count=len(lines))


def _check_explicit(el: etree._Element, places: _Places, report: _Report) -> None:
    value = _text(el) or ""
    if value.lower() in ("true", "false"):
        return
    rule = "explicit-deprecated" if value.lower() in ("yes", "no", "clean") else "explicit-invalid"
    report.add(rule, places.of(el), value=value)


def _check_image(el: etree._Element, places: _Places, report: _Report) -> None:
    href = (el.get("href") or "").strip()
    if not urlsplit(href).path.lower().endswith((".jpg", ".jpeg", ".png")):
        report.add("image-href-invalid", places.of(el), href=href)


def _check_items(channel: etree._Element, places: _Places, report: _Report, now: datetime) -> None:
    if channel.find("item") is None:
        report.add("channel-no-items", "channel")
    serial = _text(channel.find(_it("type"))) == "serial"
    enclosures: dict[str, str] = {}
    lengths: dict[int, str] = {}
    guids: dict[str, str] = {}
    for item in channel.findall("item"):
        here = places.of(item)
        title = _text(item.find("title"))
        if not title:
            report.add("item-title-missing", here)
        else:
            number = episode_number_in_title(title)
            if number:
                report.add("item-title-episode-number", here + "/title", value=title, number=number)
        description = item.find("description")
        if description is None or not _text(description):
            report.add("item-description-missing", here)
        else:
            _check_description(description, places, report, chapters=True)
        _check_enclosure(item, places, report, enclosures, lengths)
        _check_guid(item, places, report, guids)
        date = item.find("pubDate")
        if date is None:
            report.add("item-pubdate-missing", here)
        else:
            when = _check_date(date, places, report)
            if when is not None and when > now:
                report.add("item-pubdate-future", places.of(date), value=_text(date))
        duration = item.find(_it("duration"))
        if duration is None:
            report.add("item-duration-missing", here)
        else:
            problem = duration_problem(_text(duration) or "")
            if problem:
                report.add(problem, places.of(duration), value=_text(duration))
        for tag in ("episode", "season"):
            el = item.find(_it(tag))
            if el is not None and not re.fullmatch(r"0*[1-9]\d*", _text(el) or ""):
                report.add("item-episode-invalid", places.of(el), tag=_qname(el), value=_text(el))
        if serial and item.find(_it("episode")) is None:
            report.add("item-episode-missing-serial", here)
        episode_type = item.find(_it("episodeType"))
        if episode_type is not None and (_text(episode_type) or "").lower() not in (
            "full",
            "trailer",
            "bonus",
        ):
            report.add(
                "item-episode-type-invalid", places.of(episode_type), value=_text(episode_type)
            )


def _check_enclosure(
    item: etree._Element,
    places: _Places,
    report: _Report,
    seen: dict[str, str],
    lengths: dict[int, str],
) -> None:
    enclosure = item.find("enclosure")
    if enclosure is None:
        report.add("item-enclosure-missing", places.of(item))
        return
    where = places.of(enclosure)
    url = (enclosure.get("url") or "").strip()
    if not url:
        report.add("item-enclosure-url-missing", where)
    else:
        if not _is_url(url) or any(char.isspace() for char in url):
            report.add("item-enclosure-url-invalid", where, url=url)
        if url in seen:
            report.add("item-enclosure-url-duplicate", where, url=url, other=seen[url])
        else:
            seen[url] = places.labels[item]
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
    elif int(length) in lengths:
        report.add(
            "item-enclosure-length-repeated", where, value=int(length), other=lengths[int(length)]
        )
    else:
        lengths[int(length)] = places.labels[item]
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


def _check_guid(
    item: etree._Element, places: _Places, report: _Report, seen: dict[str, str]
) -> None:
    guid = item.find("guid")
    value = _text(guid)
    if guid is None or not value:
        state = "missing" if guid is None else "empty"
        report.add("item-guid-missing", places.of(item), state=state)
        return
    where = places.of(guid)
    if value in seen:
        report.add("item-guid-duplicate", where, value=value, other=seen[value])
    else:
        seen[value] = places.labels[item]
    permalink = guid.get("isPermaLink")
    if (permalink is None or permalink.strip().lower() == "true") and not _is_url(value):
        how = "true by default" if permalink is None else '"true"'
        report.add("item-guid-permalink-not-url", where, value=value, how=how)


def _check_date(el: etree._Element, places: _Places, report: _Report) -> datetime | None:
    value = _text(el) or ""
    parsed = parse_rfc2822(value)
    where = places.of(el)
    if parsed is None or parsed[0].tzinfo is None:  # a zone name RFC 2822 does not define
        report.add("date-invalid", where, tag=_qname(el), value=value)
        return None
    when, weekday = parsed
    actual = WEEKDAYS[when.weekday()]
    if weekday and weekday != actual:
        report.add(
            "date-weekday-wrong", where, tag=_qname(el), value=value, given=weekday, actual=actual
        )
    return when


def _elements(channel: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Every element with this tag under the channel (items, liveItems and the channel itself)."""
    yield from channel.iter(tag)


def _check_everywhere(channel: etree._Element, places: _Places, report: _Report) -> None:
    """Check tags that may appear on the channel or on items, and every URL."""
    for el in _elements(channel, _it("explicit")):
        _check_explicit(el, places, report)
    for el in _elements(channel, _it("image")):
        _check_image(el, places, report)
    for tag in ("pubDate", "lastBuildDate"):
        for el in channel.findall(tag):
            _check_date(el, places, report)
    for el in channel.iter(tag=etree.Element):
        parent = el.getparent()
        if (
            len(el) == 0
            and el.tag not in _LONG_TEXT
            and etree.QName(el).namespace in (None, ITUNES)
            and parent is not None
            and (parent is channel or parent.tag in ("item", _it("owner")))
        ):
            length = len(_text(el) or "")
            if length > MAX_TAG_CHARS:
                report.add("tag-value-too-long", places.of(el), tag=_qname(el), length=length)
    for el in _elements(channel, _pc("transcript")):
        kind = (el.get("type") or "").strip()
        if el.get("rel") == "captions" and kind in ("text/plain", "text/html"):
            report.add("podcast-transcript-captions-untimed", places.of(el), value=kind)
        if not (el.get("url") or "").strip():
            report.add("podcast-transcript-url-missing", places.of(el))
        if (el.get("type") or "").strip() not in TRANSCRIPT_TYPES:
            report.add(
                "podcast-transcript-type-invalid",
                places.of(el),
                value=el.get("type") or "",
                allowed=", ".join(TRANSCRIPT_TYPES),
            )
    for el in _elements(channel, _pc("chapters")):
        if not (el.get("url") or "").strip():
            report.add("podcast-chapters-url-missing", places.of(el))
        if (el.get("type") or "").strip() != "application/json+chapters":
            report.add("podcast-chapters-type-invalid", places.of(el), value=el.get("type") or "")
    for el in _elements(channel, _pc("person")):
        _check_person(el, places, report)
    for el in _elements(channel, _pc("funding")):
        if not (el.get("url") or "").strip():
            report.add("podcast-funding-url-missing", places.of(el))
    for el in _elements(channel, _pc("soundbite")):
        _check_soundbite(el, places, report)
    for el in _elements(channel, _pc("season")):
        if not re.fullmatch(r"\d+", _text(el) or ""):
            report.add("podcast-season-invalid", places.of(el), value=_text(el))
    for el in _elements(channel, _pc("episode")):
        if not re.fullmatch(r"\d+(?:\.\d+)?", _text(el) or ""):
            report.add("podcast-episode-invalid", places.of(el), value=_text(el))
    for el in _elements(channel, _pc("medium")):
        if (_text(el) or "") not in PODCAST_MEDIA:
            report.add("podcast-medium-invalid", places.of(el), value=_text(el))
    for el in _elements(channel, _pc("liveItem")):
        _check_live_item(el, places, report)
    _check_https(channel, places, report)


def _check_live_item(el: etree._Element, places: _Places, report: _Report) -> None:
    where = places.of(el)
    status = el.get("status") or ""
    if status not in ("pending", "live", "ended"):
        report.add("podcast-liveitem-status-invalid", where, value=status)
    for attribute in ("start", "end"):
        value = (el.get(attribute) or "").strip()
        if attribute == "end" and not value:
            continue  # end is optional
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            when = None
        if when is None or "T" not in value.upper():
            report.add("podcast-liveitem-time-invalid", where, attribute=attribute, value=value)
    if el.find(_pc("contentLink")) is None:
        report.add("podcast-liveitem-contentlink-missing", where)


def _check_person(el: etree._Element, places: _Places, report: _Report) -> None:
    name = _text(el) or ""
    where = places.of(el)
    if not name:
        report.add("podcast-person-name-missing", where)
    elif len(name) > MAX_PERSON_NAME_CHARS:
        report.add("podcast-person-name-too-long", where, length=len(name))
    role = el.get("role")
    if role is not None and role.strip().lower() not in _ROLES:
        report.add("podcast-person-role-unknown", where, value=role)
    group = el.get("group")
    if group is not None and group.strip().lower() not in _GROUPS:
        report.add("podcast-person-group-unknown", where, value=group)


def _check_soundbite(el: etree._Element, places: _Places, report: _Report) -> None:
    where = places.of(el)
    for attribute in ("startTime", "duration"):
        value = el.get(attribute) or ""
        try:
            seconds = float(value)
        except ValueError:
            report.add("podcast-soundbite-invalid", where, attribute=attribute, value=value)
            continue
        low, high = SOUNDBITE_SECONDS
        if attribute == "duration" and not low <= seconds <= high:
            report.add("podcast-soundbite-duration-out-of-range", where, value=value)


#: (tag, attribute) whose value is a web URL that should be https.
HTTPS_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    (_it("image"), "href"),
    ("enclosure", "url"),
    (f"{{{ATOM}}}link", "href"),
    (_pc("transcript"), "url"),
    (_pc("chapters"), "url"),
    (_pc("funding"), "url"),
    (_pc("person"), "href"),
    (_pc("person"), "img"),
)


def _check_https(channel: etree._Element, places: _Places, report: _Report) -> None:
    for tag, attribute in HTTPS_ATTRIBUTES:
        for el in channel.iter(tag):
            if tag == f"{{{ATOM}}}link" and el.get("rel") != "self":
                continue
            url = (el.get(attribute) or "").strip()
            if url.lower().startswith("http://"):
                report.add(
                    "url-not-https", places.of(el), attribute=f"{_qname(el)}@{attribute}", url=url
                )


def _gunzip(data: bytes, location: str) -> bytes:
    """Return gzip-compressed feed bytes uncompressed, at most the size a feed may have."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            return stream.read(_MAX_FEED_BYTES + 1)
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
                data: bytes = response.read(_MAX_FEED_BYTES + 1)
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
            with Path(location).open("rb") as handle:  # a huge file is refused, never loaded
                data = handle.read(_MAX_FEED_BYTES + 1)
        except OSError as exc:
            raise FeedError(f"cannot read the feed: {exc.strerror or exc}", location) from exc
    if len(data) > _MAX_FEED_BYTES:
        raise FeedError(f"the feed is larger than {_MAX_FEED_BYTES // 2**20} MB", location)
    return data
