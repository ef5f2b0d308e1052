"""Rules for the Podcasting 2.0 ``podcast:`` namespace, one tag after another.

Source: the namespace's specification
(https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md), one page per tag
(https://github.com/Podcastindex-org/podcast-namespace/tree/main/docs/tags), and its Podcast
Taxonomy Project list of person roles and groups
(https://github.com/Podcastindex-org/podcast-namespace/blob/main/taxonomy.json).
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime

from lxml import etree

from feeds.guids import podcast_guid
from feeds.validate.active import ACTIVE_SCHEMES, url_scheme
from feeds.validate.common import P20, Places, Report, Rule, is_url, it, pc, self_links, text
from segments.rfc2822 import parse_rfc2822

RULES = (
    Rule(
        "podcast-guid-invalid",
        "error",
        'podcast:guid "{value}" is not a UUID',
        f"{P20}, podcast:guid: a UUID",
    ),
    Rule(
        "podcast-guid-not-v5",
        "warning",
        'podcast:guid "{value}" is a version {version} UUID, not version 5',
        f"{P20}, podcast:guid: a UUIDv5 of the feed URL",
    ),
    Rule(
        "podcast-guid-not-from-feed-url",
        "info",
        'podcast:guid "{value}" is not the UUIDv5 of the self URL "{url}" ({expected}); '
        "fine if the feed moved after the GUID was assigned",
        f"{P20}, podcast:guid: UUIDv5 of the feed URL without scheme and trailing slashes, "
        "assigned once and kept when the URL moves",
    ),
    Rule(
        "podcast-locked-invalid",
        "error",
        'podcast:locked is "{value}", not "yes" or "no"',
        f"{P20}, podcast:locked: yes or no",
    ),
    Rule(
        "podcast-transcript-url-missing",
        "error",
        "podcast:transcript has no url",
        f"{P20}, podcast:transcript: url is required",
    ),
    Rule(
        "podcast-transcript-type-invalid",
        "error",
        'podcast:transcript type "{value}" is not one of {allowed}',
        f"{P20}, podcast:transcript: type is a transcript MIME type (the listed ones, SRT's names)",
    ),
    Rule(
        "podcast-chapters-url-missing",
        "error",
        "podcast:chapters has no url",
        f"{P20}, podcast:chapters: url is required",
    ),
    Rule(
        "podcast-chapters-type-invalid",
        "warning",
        'podcast:chapters type is "{value}", not "application/json+chapters"',
        f"{P20}, podcast:chapters: type application/json+chapters",
    ),
    Rule(
        "podcast-person-name-missing",
        "error",
        "podcast:person has no name",
        f"{P20}, podcast:person: the name is the element's text",
    ),
    Rule(
        "podcast-person-name-too-long",
        "warning",
        "the podcast:person name is {length} characters; at most 128",
        f"{P20}, podcast:person: names are at most 128 characters",
    ),
    Rule(
        "podcast-person-role-unknown",
        "warning",
        'podcast:person role "{value}" is not in the Podcast Taxonomy',
        f"{P20}, podcast:person: role comes from the Podcast Taxonomy Project list",
    ),
    Rule(
        "podcast-person-group-unknown",
        "warning",
        'podcast:person group "{value}" is not in the Podcast Taxonomy',
        f"{P20}, podcast:person: group comes from the Podcast Taxonomy Project list",
    ),
    Rule(
        "podcast-funding-url-missing",
        "error",
        "podcast:funding has no url",
        f"{P20}, podcast:funding: url is required",
    ),
    Rule(
        "podcast-soundbite-invalid",
        "error",
        'podcast:soundbite {attribute} "{value}" is not a number of seconds',
        f"{P20}, podcast:soundbite: startTime and duration are seconds",
    ),
    Rule(
        "podcast-soundbite-duration-out-of-range",
        "warning",
        "podcast:soundbite duration {value} s is outside 15 to 120 s",
        f"{P20}, podcast:soundbite: a soundbite lasts 15 to 120 seconds",
    ),
    Rule(
        "podcast-season-invalid",
        "error",
        'podcast:season "{value}" is not a whole number',
        f"{P20}, podcast:season: an integer",
    ),
    Rule(
        "podcast-episode-invalid",
        "error",
        'podcast:episode "{value}" is not a number',
        f"{P20}, podcast:episode: a decimal number",
    ),
    Rule(
        "podcast-transcript-captions-untimed",
        "warning",
        'podcast:transcript rel="captions" has type "{value}", which carries no times',
        f"{P20}, podcast:transcript: captions are timed (text/vtt, application/x-subrip, "
        "application/json)",
    ),
    Rule(
        "podcast-medium-invalid",
        "error",
        'podcast:medium "{value}" is not one of the spec\'s media',
        f"{P20}, podcast:medium: podcast, music, video, film, audiobook, newsletter, blog, "
        "publisher, course (or a list form ending in L), mixed",
    ),
    Rule(
        "podcast-liveitem-status-invalid",
        "error",
        'podcast:liveItem status "{value}" is not pending, live or ended',
        f"{P20}, podcast:liveItem: status is pending, live or ended",
    ),
    Rule(
        "podcast-liveitem-time-invalid",
        "error",
        'podcast:liveItem {attribute} "{value}" is not an ISO 8601 date and time',
        f"{P20}, podcast:liveItem: start and end are ISO 8601 times",
    ),
    Rule(
        "podcast-value-attribute-missing",
        "error",
        "podcast:value has no {attribute}",
        f"{P20}, podcast:value: type (the service, such as lightning) and method are required",
    ),
    Rule(
        "podcast-valuerecipient-attribute-missing",
        "error",
        "podcast:valueRecipient has no {attribute}",
        f"{P20}, podcast:valueRecipient: type, address and split are required; apps cannot pay "
        "a recipient without them",
    ),
    Rule(
        "podcast-valuerecipient-split-invalid",
        "error",
        'podcast:valueRecipient split "{value}" is not a whole number of shares',
        f"{P20}, podcast:valueRecipient: split is the number of shares of the payment",
    ),
    Rule(
        "podcast-value-recipients-missing",
        "error",
        "podcast:value has no podcast:valueRecipient",
        f"{P20}, podcast:value: one or more podcast:valueRecipient elements say who is paid",
    ),
    Rule(
        "podcast-alternateenclosure-type-missing",
        "error",
        "podcast:alternateEnclosure has no type",
        f"{P20}, podcast:alternateEnclosure: type (a MIME type) is required",
    ),
    Rule(
        "podcast-alternateenclosure-length-invalid",
        "error",
        'podcast:alternateEnclosure length "{value}" is not a whole number of bytes',
        f"{P20}, podcast:alternateEnclosure: length is the file's size in bytes",
    ),
    Rule(
        "podcast-alternateenclosure-source-missing",
        "error",
        "podcast:alternateEnclosure has no podcast:source",
        f"{P20}, podcast:alternateEnclosure: at least one podcast:source says where it is",
    ),
    Rule(
        "podcast-alternateenclosure-bitrate-invalid",
        "error",
        'podcast:alternateEnclosure bitrate "{value}" is not a number of bits per second',
        f"{P20}, podcast:alternateEnclosure: bitrate is the encoding's bit rate (a number)",
    ),
    Rule(
        "podcast-alternateenclosure-default-invalid",
        "error",
        'podcast:alternateEnclosure default "{value}" is not true or false',
        f"{P20}, podcast:alternateEnclosure: default is a boolean",
    ),
    Rule(
        "podcast-alternateenclosure-default-twice",
        "error",
        "more than one podcast:alternateEnclosure of this item is the default",
        f"{P20}, podcast:alternateEnclosure: default marks the one default media source",
    ),
    Rule(
        "podcast-source-uri-missing",
        "error",
        "podcast:source has no uri",
        f"{P20}, podcast:source: uri is required",
    ),
    Rule(
        "podcast-integrity-invalid",
        "error",
        'podcast:integrity type "{type}" with value "{value}": type is sri or pgp-signature and '
        "value is given",
        f"{P20}, podcast:integrity: type sri or pgp-signature, and the value, are required",
    ),
    Rule(
        "podcast-integrity-sri-invalid",
        "error",
        'podcast:integrity value "{value}" is not a Subresource Integrity hash',
        "W3C Subresource Integrity, 3.5: sha256-, sha384- or sha512- and the base64 digest "
        f"({P20}, podcast:integrity: type sri)",
    ),
    Rule(
        "podcast-updatefrequency-rrule-invalid",
        "error",
        'podcast:updateFrequency rrule "{value}" is not an RFC 5545 recurrence rule',
        f"{P20}, podcast:updateFrequency: rrule is an iCalendar RRULE (RFC 5545, 3.3.10)",
    ),
    Rule(
        "podcast-updatefrequency-text-too-long",
        "warning",
        "podcast:updateFrequency text is {length} characters; aggregators may cut it after 128",
        f"{P20}, podcast:updateFrequency: do not exceed 128 characters",
    ),
    Rule(
        "podcast-contentlink-href-missing",
        "error",
        "podcast:contentLink has no href",
        f"{P20}, podcast:contentLink: href is required",
    ),
    Rule(
        "podcast-txt-invalid",
        "error",
        "podcast:txt is {state}",
        f"{P20}, podcast:txt: free text of at most 4000 characters, a purpose of at most 128",
    ),
    Rule(
        "podcast-license-invalid",
        "error",
        "podcast:license is {state}",
        f"{P20}, podcast:license: a licenses.json identifier or a custom name (at most 128 "
        "characters)",
    ),
    Rule(
        "podcast-remoteitem-feedguid-missing",
        "error",
        "podcast:remoteItem has no feedGuid",
        f"{P20}, podcast:remoteItem: feedGuid (the remote feed's podcast:guid) is required",
    ),
    Rule(
        "podcast-podroll-empty",
        "error",
        "podcast:podroll has no podcast:remoteItem",
        f"{P20}, podcast:podroll: one or more podcast:remoteItem elements",
    ),
    Rule(
        "podcast-image-href-missing",
        "error",
        "podcast:image has no href",
        f"{P20}, podcast:image: href is the only required attribute",
    ),
    Rule(
        "podcast-location-invalid",
        "error",
        "podcast:location is {state}",
        f"{P20}, podcast:location: a place's name, not blank, at most 128 characters",
    ),
    Rule(
        "podcast-location-attribute-invalid",
        "error",
        'podcast:location {attribute} "{value}" is not {form}',
        f"{P20}, podcast:location: rel subject or creator, geo an RFC 5870 geo URI, osm an "
        "OpenStreetMap type letter and id, country ISO 3166-1 alpha-2",
    ),
    Rule(
        "podcast-image-attribute-invalid",
        "error",
        'podcast:image {attribute} "{value}" is not {form}',
        f"{P20}, podcast:image: aspect-ratio a CSS ratio (16/9), width and height pixels, "
        "purpose space-separated tokens of at most 128 characters",
    ),
    Rule(
        "podcast-trailer-attribute-missing",
        "error",
        "podcast:trailer has no {attribute}",
        f"{P20}, podcast:trailer: url and pubdate are required",
    ),
    Rule(
        "podcast-trailer-pubdate-invalid",
        "error",
        'podcast:trailer pubdate "{value}" is not an RFC 2822 date',
        f"{P20}, podcast:trailer: pubdate is an RFC 2822 date; apps play the newest trailer",
    ),
    Rule(
        "podcast-trailer-title-invalid",
        "error",
        "podcast:trailer's title is {state}",
        f"{P20}, podcast:trailer: the title is required, at most 128 characters",
    ),
    Rule(
        "podcast-trailer-number-invalid",
        "error",
        'podcast:trailer {attribute} "{value}" is not a whole number',
        f"{P20}, podcast:trailer: length is a number of bytes, season a podcast:season number",
    ),
    Rule(
        "podcast-season-name-invalid",
        "error",
        "podcast:season name is {state}",
        f"{P20}, podcast:season: the name is optional, at most 128 characters",
    ),
    Rule(
        "new-feed-url-invalid",
        "error",
        'itunes:new-feed-url "{value}" is not an absolute http(s) URL',
        "Apple Podcasts RSS requirements: itunes:new-feed-url is the feed's new URL",
    ),
    Rule(
        "podcast-liveitem-contentlink-missing",
        "error",
        "podcast:liveItem has no podcast:contentLink",
        f"{P20}, podcast:liveItem: must contain at least one podcast:contentLink",
    ),
)

#: podcast:transcript types: the Podcasting 2.0 spec lists these "such as" examples, and SRT's
#: other names (application/srt, text/srt) are in real feeds and read by apps.
TRANSCRIPT_TYPES = (
    "text/plain",
    "text/html",
    "text/vtt",
    "application/json",
    "application/x-subrip",
    "application/srt",
    "text/srt",
)

#: podcast:medium values (Podcasting 2.0 docs/tags/medium.md): each medium and its list form.
_MEDIA = (
    "podcast", "music", "video", "film", "audiobook", "newsletter", "blog", "publisher", "course"
)  # fmt: skip
PODCAST_MEDIA = frozenset(_MEDIA) | {f"{m}L" for m in _MEDIA} | {"mixed"}

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

#: Podcasting 2.0: person names are at most this many characters.
MAX_PERSON_NAME_CHARS = 128
#: Podcasting 2.0: aggregators may cut the updateFrequency text after this many characters.
UPDATE_FREQUENCY_MAX_CHARS = 128
#: Podcasting 2.0: podcast:txt values are at most this many characters.
TXT_MAX_CHARS = 4000
#: Podcasting 2.0: podcast:license values and podcast:txt purposes are at most 128 characters.
SHORT_TEXT_MAX_CHARS = 128
#: Podcasting 2.0: a soundbite lasts this many seconds.
SOUNDBITE_SECONDS = (15.0, 120.0)

#: podcast:location's attributes (docs/tags/location.md): each one's form, and its name in words.
#: show.toml's reader checks a producer's location against the same table.
LOCATION_FORMS: dict[str, tuple[re.Pattern[str], str]] = {
    "rel": (re.compile(r"subject|creator"), "subject or creator"),
    "geo": (
        re.compile(
            r"geo:-?\d{1,2}(?:\.\d+)?,-?\d{1,3}(?:\.\d+)?(?:,-?\d+(?:\.\d+)?)?(?:;[^\s;]+)*"
        ),
        "a geo URI (RFC 5870) such as geo:34.0522,-118.2437",
    ),
    "osm": (re.compile(r"[NWR]\d+(?:#\d+)?"), "an OpenStreetMap id such as R207359"),
    "country": (re.compile(r"[A-Z]{2}"), "an ISO 3166-1 alpha-2 code such as US"),
}


#: podcast:image's attributes with a form (docs/tags/image.md), as LOCATION_FORMS; show.toml's
#: reader checks them with the same table (its keys spell aspect-ratio as aspect_ratio).
IMAGE_FORMS: dict[str, tuple[re.Pattern[str], str]] = {
    "aspect-ratio": (
        re.compile(r"[1-9]\d*(?:\.\d+)?(?:\s*/\s*[1-9]\d*(?:\.\d+)?)?"),
        "a ratio such as 16/9",
    ),
    "width": (re.compile(r"[1-9]\d{0,5}"), "a whole number of pixels"),
    "height": (re.compile(r"[1-9]\d{0,5}"), "a whole number of pixels"),
    "type": (re.compile(r"(?:image|video)/[a-z0-9][a-z0-9.+-]*"), "an image/ or video/ MIME type"),
    "purpose": (
        re.compile(r"(?=.{1,128}$)\S+(?: \S+)*"),
        "space-separated tokens, 128 characters at most",
    ),
}


def image_problem(attribute: str, value: str) -> str | None:
    """Say what a podcast:image attribute should be, or None when ``value`` has its form.

    >>> image_problem("aspect-ratio", "16/9"), image_problem("width", "wide")
    (None, 'a whole number of pixels')
    """
    form, words = IMAGE_FORMS[attribute]
    return None if form.fullmatch(value) else words


def location_problem(attribute: str, value: str) -> str | None:
    """Say what a podcast:location attribute should be, or None when ``value`` has its form.

    >>> location_problem("geo", "geo:34.05,-118.24"), location_problem("country", "usa")
    (None, 'an ISO 3166-1 alpha-2 code such as US')
    """
    form, words = LOCATION_FORMS[attribute]
    return None if form.fullmatch(value) else words


_UUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")


def check_show(channel: etree._Element, places: Places, report: Report) -> None:
    """Check the tags only the channel carries: podcast:guid and podcast:locked."""
    guid = channel.find(pc("guid"))
    if guid is not None:
        selfs = self_links(channel)
        self_url = selfs[0].get("href") if selfs else None
        _check_podcast_guid(text(guid) or "", self_url, places.of(guid), report)
    for locked in channel.findall(pc("locked")):
        value = text(locked) or ""
        if value not in ("yes", "no"):
            report.add("podcast-locked-invalid", places.of(locked), value=value)


def check_tags(channel: etree._Element, places: Places, report: Report) -> None:
    """Check the podcast: tags that may stand on the channel, its items and its live items."""
    for el in channel.iter(pc("transcript")):
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
    for el in channel.iter(pc("chapters")):
        if not (el.get("url") or "").strip():
            report.add("podcast-chapters-url-missing", places.of(el))
        if (el.get("type") or "").strip() != "application/json+chapters":
            report.add("podcast-chapters-type-invalid", places.of(el), value=el.get("type") or "")
    for el in channel.iter(pc("person")):
        _check_person(el, places, report)
    for el in channel.iter(pc("funding")):
        if not (el.get("url") or "").strip():
            report.add("podcast-funding-url-missing", places.of(el))
    for el in channel.iter(pc("soundbite")):
        _check_soundbite(el, places, report)
    for el in channel.iter(pc("season")):
        if not re.fullmatch(r"\d+", text(el) or ""):
            report.add("podcast-season-invalid", places.of(el), value=text(el))
        name = el.get("name")
        if name is not None and (not name.strip() or len(name) > SHORT_TEXT_MAX_CHARS):
            state = "blank" if not name.strip() else f"{len(name)} characters; at most 128"
            report.add("podcast-season-name-invalid", places.of(el), state=state)
    for el in channel.iter(pc("episode")):
        if not re.fullmatch(r"\d+(?:\.\d+)?", text(el) or ""):
            report.add("podcast-episode-invalid", places.of(el), value=text(el))
    for el in channel.iter(pc("medium")):
        if (text(el) or "") not in PODCAST_MEDIA:
            report.add("podcast-medium-invalid", places.of(el), value=text(el))
    for el in channel.iter(pc("liveItem")):
        _check_live_item(el, places, report)
    for el in channel.iter(pc("value")):
        _check_value(el, places, report)
    for el in channel.iter(pc("alternateEnclosure")):
        _check_alternate_enclosure(el, places, report)
    for el in channel.iter(pc("source")):
        if not (el.get("uri") or "").strip():
            report.add("podcast-source-uri-missing", places.of(el))
    for el in channel.iter(pc("integrity")):
        kind, value = (el.get("type") or "").strip(), (el.get("value") or "").strip()
        if kind not in ("sri", "pgp-signature") or not value:
            report.add("podcast-integrity-invalid", places.of(el), type=kind, value=value)
        elif kind == "sri" and not _SRI.fullmatch(value):
            report.add("podcast-integrity-sri-invalid", places.of(el), value=value)
    for item in channel.iter("item", pc("liveItem")):
        defaults = [
            el for el in item.findall(pc("alternateEnclosure")) if el.get("default") == "true"
        ]
        if len(defaults) > 1:
            report.add("podcast-alternateenclosure-default-twice", places.of(defaults[1]))
    for el in channel.iter(pc("updateFrequency")):
        _check_update_frequency(el, places, report)
    for el in channel.iter(pc("txt")):
        value, purpose = text(el) or "", el.get("purpose")
        if not value or len(value) > TXT_MAX_CHARS:
            state = "empty" if not value else f"{len(value)} characters; at most {TXT_MAX_CHARS}"
            report.add("podcast-txt-invalid", places.of(el), state=state)
        elif purpose is not None and len(purpose) > SHORT_TEXT_MAX_CHARS:
            report.add(
                "podcast-txt-invalid", places.of(el), state="given a purpose over 128 characters"
            )
    for el in channel.iter(pc("license")):
        value = text(el) or ""
        if not value or len(value) > SHORT_TEXT_MAX_CHARS:
            state = "empty" if not value else f"{len(value)} characters; at most 128"
            report.add("podcast-license-invalid", places.of(el), state=state)
    for el in channel.iter(pc("podroll")):
        if el.find(pc("remoteItem")) is None:
            report.add("podcast-podroll-empty", places.of(el))
    for el in channel.iter(pc("remoteItem")):
        if not (el.get("feedGuid") or "").strip():
            report.add("podcast-remoteitem-feedguid-missing", places.of(el))
    for el in channel.iter(pc("trailer")):
        _check_trailer(el, places, report)
    for el in channel.iter(pc("location")):
        _check_location(el, places, report)
    for el in channel.iter(pc("image")):
        if not (el.get("href") or "").strip():
            report.add("podcast-image-href-missing", places.of(el))
        for attribute in IMAGE_FORMS:
            value = el.get(attribute)
            if value is not None and (form := image_problem(attribute, value)) is not None:
                where = places.of(el)
                report.add(
                    "podcast-image-attribute-invalid",
                    where,
                    attribute=attribute,
                    value=value,
                    form=form,
                )
    for el in channel.iter(it("new-feed-url")):
        if not is_url(text(el) or ""):
            report.add("new-feed-url-invalid", places.of(el), value=text(el))
    for el in channel.iter(pc("contentLink")):
        if not (el.get("href") or "").strip():
            report.add("podcast-contentlink-href-missing", places.of(el))


def _check_podcast_guid(value: str, self_url: str | None, where: str, report: Report) -> None:
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


def _check_live_item(el: etree._Element, places: Places, report: Report) -> None:
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
    if el.find(pc("contentLink")) is None:
        report.add("podcast-liveitem-contentlink-missing", where)


def _check_trailer(el: etree._Element, places: Places, report: Report) -> None:
    where = places.of(el)
    for attribute in ("url", "pubdate"):
        if not (el.get(attribute) or "").strip():
            report.add("podcast-trailer-attribute-missing", where, attribute=attribute)
    pubdate = (el.get("pubdate") or "").strip()
    parsed = parse_rfc2822(pubdate) if pubdate else None
    if pubdate and (parsed is None or parsed[0].tzinfo is None):
        report.add("podcast-trailer-pubdate-invalid", where, value=pubdate)
    title = text(el) or ""
    if not title or len(title) > SHORT_TEXT_MAX_CHARS:
        state = "blank" if not title else f"{len(title)} characters; at most 128"
        report.add("podcast-trailer-title-invalid", where, state=state)
    for attribute in ("length", "season"):
        value = el.get(attribute)
        if value is not None and not re.fullmatch(r"\d+", value):
            report.add("podcast-trailer-number-invalid", where, attribute=attribute, value=value)


def _check_location(el: etree._Element, places: Places, report: Report) -> None:
    name = text(el) or ""
    if not name or len(name) > SHORT_TEXT_MAX_CHARS:
        state = "blank" if not name else f"{len(name)} characters; at most 128"
        report.add("podcast-location-invalid", places.of(el), state=state)
    for attribute in LOCATION_FORMS:
        value = el.get(attribute)
        if value is None or (attribute == "geo" and url_scheme(value) in ACTIVE_SCHEMES):
            continue  # an active geo URL is url-active's to report
        if (form := location_problem(attribute, value)) is not None:
            report.add(
                "podcast-location-attribute-invalid",
                places.of(el),
                attribute=attribute,
                value=value,
                form=form,
            )


def _check_value(el: etree._Element, places: Places, report: Report) -> None:
    where = places.of(el)
    for attribute in ("type", "method"):
        if not (el.get(attribute) or "").strip():
            report.add("podcast-value-attribute-missing", where, attribute=attribute)
    recipients = el.findall(pc("valueRecipient"))
    if not recipients:
        report.add("podcast-value-recipients-missing", where)
    for recipient in recipients:
        here = places.of(recipient)
        for attribute in ("type", "address", "split"):
            if not (recipient.get(attribute) or "").strip():
                report.add("podcast-valuerecipient-attribute-missing", here, attribute=attribute)
        split = (recipient.get("split") or "").strip()
        if split and not (split.isdigit() and split.isascii()):
            report.add("podcast-valuerecipient-split-invalid", here, value=split)


def _check_alternate_enclosure(el: etree._Element, places: Places, report: Report) -> None:
    where = places.of(el)
    if not (el.get("type") or "").strip():
        report.add("podcast-alternateenclosure-type-missing", where)
    length = el.get("length")
    if length is not None and not (length.strip().isdigit() and length.strip().isascii()):
        report.add("podcast-alternateenclosure-length-invalid", where, value=length)
    if el.find(pc("source")) is None:
        report.add("podcast-alternateenclosure-source-missing", where)
    bitrate = el.get("bitrate")
    if bitrate is not None and not _BITRATE.fullmatch(bitrate.strip()):
        report.add("podcast-alternateenclosure-bitrate-invalid", where, value=bitrate)
    default = el.get("default")
    if default is not None and default not in ("true", "false"):
        report.add("podcast-alternateenclosure-default-invalid", where, value=default)


#: W3C SRI's hash-expression: a hash algorithm, "-", its digest in base64 (section 3.5).
_SRI = re.compile(r"sha(256|384|512)-[A-Za-z0-9+/]+={0,2}")
#: A bit rate: a positive decimal number (the spec gives no unit beyond the example's bit/s).
_BITRATE = re.compile(r"[0-9]+(\.[0-9]+)?")


#: RFC 5545, 3.3.10: FREQ is required; the other rule parts by name.
_RRULE_PARTS = frozenset(
    {"FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY",
     "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST"}
)  # fmt: skip
_FREQS = frozenset({"SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"})


def is_bad_rrule(value: str) -> bool:
    """Tell whether an RRULE value breaks RFC 5545's grammar of NAME=VALUE parts with a FREQ.

    >>> is_bad_rrule("FREQ=WEEKLY;BYDAY=MO,WE"), is_bad_rrule("weekly"), is_bad_rrule("")
    (False, True, True)
    """
    parts: dict[str, str] = {}
    for part in value.strip().split(";"):
        name, equals, setting = part.partition("=")
        if not equals or name.upper() not in _RRULE_PARTS or not setting or name in parts:
            return True
        parts[name.upper()] = setting
    return parts.get("FREQ", "").upper() not in _FREQS


def _check_update_frequency(el: etree._Element, places: Places, report: Report) -> None:
    rrule = el.get("rrule")
    if rrule is not None and is_bad_rrule(rrule):
        report.add("podcast-updatefrequency-rrule-invalid", places.of(el), value=rrule)
    length = len(text(el) or "")
    if length > UPDATE_FREQUENCY_MAX_CHARS:
        report.add("podcast-updatefrequency-text-too-long", places.of(el), length=length)


def _check_person(el: etree._Element, places: Places, report: Report) -> None:
    name = text(el) or ""
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


def _check_soundbite(el: etree._Element, places: Places, report: Report) -> None:
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
