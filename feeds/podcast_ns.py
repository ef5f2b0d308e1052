"""A feedgen extension for the Podcasting 2.0 namespace, and ``itunes:explicit`` as true/false.

feedgen 1.0 knows no ``podcast:`` tags and writes ``itunes:explicit`` only as yes/no/clean, which
current validators reject; these classes write both. Register with::

    fg.register_extension("podcast20", PodcastNsExtension, PodcastNsEntryExtension)

Element names and attributes follow podcastindex-org/podcast-namespace, docs/tags/*.md.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from typing import NamedTuple

import feedgen.feed  # noqa: F401  (feedgen.ext.* needs feedgen.feed imported first)
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from lxml import etree

from segments.model import Location, PodcastImage, Trailer, ValueBlock

PODCAST_NS = "https://podcastindex.org/namespace/1.0"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"

#: The MIME type podcast:chapters requires for a JSON chapters file.
CHAPTERS_TYPE = "application/json+chapters"


class PersonTag(NamedTuple):
    """One podcast:person: the name as text, ``role`` and ``group`` from the spec's taxonomy."""

    name: str
    role: str = "host"
    group: str = "cast"
    img: str | None = None
    href: str | None = None


class TranscriptTag(NamedTuple):
    """One podcast:transcript: absolute URL, MIME type, optional language and rel."""

    url: str
    type: str
    language: str | None = None
    rel: str | None = None


class AlternateEnclosureTag(NamedTuple):
    """One podcast:alternateEnclosure: another encoding of the episode, with one podcast:source.

    ``integrity`` is a Subresource Integrity string (``sha384-...``, see ``sri``) or None.
    """

    url: str
    type: str
    length: int
    bitrate: int | None = None
    title: str | None = None
    integrity: str | None = None
    #: RFC 6381 codecs string (``opus``, ``mp4a.40.2``); ``default`` marks the main enclosure.
    codecs: str | None = None
    default: bool = False


def sri(data: bytes) -> str:
    """Return the Subresource Integrity string of ``data`` (W3C SRI: sha384, base64).

    >>> sri(b"")
    'sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb'
    """
    return sri_of(hashlib.sha384(data))


def sri_of(digest: hashlib._Hash) -> str:
    """Return the Subresource Integrity string of a finished SHA-384 ``digest``."""
    return "sha384-" + base64.b64encode(digest.digest()).decode("ascii")


class LiveItemTag(NamedTuple):
    """One podcast:liveItem: an airing, its stream (enclosure) and the page to listen on."""

    status: str
    start: datetime
    end: datetime
    title: str
    guid: str
    stream_url: str
    stream_type: str
    content_link: str
    content_label: str = "Listen live"


def _tag(name: str, ns: str = PODCAST_NS) -> str:
    return f"{{{ns}}}{name}"


# Qualified names, made once: a 10,000-item feed creates ~70,000 of these elements.
PERSON, TRANSCRIPT, CHAPTERS = _tag("person"), _tag("transcript"), _tag("chapters")
SEASON, EPISODE, GUID, LOCKED, FUNDING = (
    _tag("season"), _tag("episode"), _tag("guid"), _tag("locked"), _tag("funding")
)  # fmt: skip
UPDATE_FREQUENCY, LIVE_ITEM, CONTENT_LINK = (
    _tag("updateFrequency"), _tag("liveItem"), _tag("contentLink")
)  # fmt: skip
LICENSE, TXT, PODROLL, REMOTE_ITEM = (
    _tag("license"), _tag("txt"), _tag("podroll"), _tag("remoteItem")
)  # fmt: skip
NEW_FEED_URL = _tag("new-feed-url", ITUNES_NS)
ALTERNATE_ENCLOSURE, SOURCE, INTEGRITY = (
    _tag("alternateEnclosure"), _tag("source"), _tag("integrity")
)  # fmt: skip
EXPLICIT = _tag("explicit", ITUNES_NS)
SOUNDBITE, MEDIUM = _tag("soundbite"), _tag("medium")
VALUE, VALUE_RECIPIENT, LOCATION = _tag("value"), _tag("valueRecipient"), _tag("location")
IMAGE, TRAILER = _tag("image"), _tag("trailer")

_SubElement = etree.SubElement


def _persons(parent: etree._Element, persons: list[PersonTag]) -> None:
    for name, role, group, img, href in persons:
        attrib = {"role": role, "group": group}
        if img:
            attrib["img"] = img
        if href:
            attrib["href"] = href
        _SubElement(parent, PERSON, attrib).text = name


def _seconds(value: float) -> str:
    """Seconds as the namespace writes them: a plain decimal, to the millisecond.

    >>> _seconds(73.5), _seconds(30.0)
    ('73.5', '30')
    """
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _explicit(parent: etree._Element, explicit: bool | None) -> None:
    if explicit is not None:
        _SubElement(parent, EXPLICIT).text = "true" if explicit else "false"


def _insert_date(parent: etree._Element, tag: str, value: datetime, *, after: str) -> None:
    """Insert an RFC 2822 date element right after the ``after`` child, or last without one."""
    anchor = parent.find(after)
    element = etree.Element(tag)
    element.text = format_datetime(value)
    parent.insert(len(parent) if anchor is None else parent.index(anchor) + 1, element)


@dataclass
class _ChannelFields:
    guid: str | None = None
    locked: bool | None = None
    locked_owner: str | None = None
    explicit: bool | None = None
    persons: list[PersonTag] = field(default_factory=list)
    funding: list[tuple[str, str]] = field(default_factory=list)
    last_build_date: datetime | None = None
    update_frequency: tuple[str, str] | None = None
    license: str | None = None
    medium: str | None = None
    value: ValueBlock | None = None
    locations: list[Location] = field(default_factory=list)
    images: list[PodcastImage] = field(default_factory=list)
    trailers: list[Trailer] = field(default_factory=list)
    txt: list[tuple[str, str | None]] = field(default_factory=list)
    podroll: list[tuple[str, str | None]] = field(default_factory=list)
    new_feed_url: str | None = None
    live_items: list[LiveItemTag] = field(default_factory=list)
    description_cdata: bool = False


def _alternate_enclosure(parent: etree._Element, alt: AlternateEnclosureTag) -> None:
    attrib = {"type": alt.type, "length": str(alt.length)}
    if alt.bitrate is not None:
        attrib["bitrate"] = str(alt.bitrate)
    if alt.default:
        attrib["default"] = "true"
    if alt.title:
        attrib["title"] = alt.title
    if alt.codecs:
        attrib["codecs"] = alt.codecs
    el = _SubElement(parent, ALTERNATE_ENCLOSURE, attrib)
    _SubElement(el, SOURCE, {"uri": alt.url})
    if alt.integrity:
        _SubElement(el, INTEGRITY, {"type": "sri", "value": alt.integrity})


def _value(parent: etree._Element, value: ValueBlock) -> None:
    """Write one podcast:value and its podcast:valueRecipient elements (docs/tags/value*.md)."""
    attrib = {"type": value.type, "method": value.method}
    if value.suggested is not None:
        attrib["suggested"] = value.suggested
    el = _SubElement(parent, VALUE, attrib)
    for r in value.recipients:
        recipient = {"type": r.type, "address": r.address, "split": str(r.split)}
        if r.name:
            recipient["name"] = r.name
        if r.custom_key:
            recipient["customKey"] = r.custom_key
        if r.custom_value:
            recipient["customValue"] = r.custom_value
        if r.fee:
            recipient["fee"] = "true"
        _SubElement(el, VALUE_RECIPIENT, recipient)


def _location(parent: etree._Element, location: Location) -> None:
    """Write one podcast:location: the name as text, the attributes given (docs/tags/location)."""
    attrib = {
        name: value
        for name, value in (
            ("rel", location.rel),
            ("geo", location.geo),
            ("osm", location.osm),
            ("country", location.country),
        )
        if value is not None
    }
    _SubElement(parent, LOCATION, attrib).text = location.name


def _image(parent: etree._Element, image: PodcastImage) -> None:
    """Write one podcast:image (docs/tags/image.md): href first, then the attributes given."""
    attrib = {"href": image.href}
    for name, value in (
        ("alt", image.alt),
        ("aspect-ratio", image.aspect_ratio),
        ("width", image.width),
        ("height", image.height),
        ("type", image.type),
        ("purpose", image.purpose),
    ):
        if value is not None:
            attrib[name] = str(value)
    _SubElement(parent, IMAGE, attrib)


def _trailer(parent: etree._Element, trailer: Trailer) -> None:
    """Write one podcast:trailer (docs/tags/trailer.md): the title as text, pubdate RFC 2822."""
    attrib = {"url": trailer.url, "pubdate": format_datetime(trailer.pubdate)}
    if trailer.type:
        attrib["type"] = trailer.type
    if trailer.season is not None:
        attrib["season"] = str(trailer.season)
    _SubElement(parent, TRAILER, attrib).text = trailer.title


def _live_item(channel: etree._Element, live: LiveItemTag) -> None:
    """Write one podcast:liveItem, as the spec's "robust" example: enclosure, alternate, link."""
    attrib = {"status": live.status, "start": live.start.isoformat(), "end": live.end.isoformat()}
    el = _SubElement(channel, LIVE_ITEM, attrib)
    _SubElement(el, "title").text = live.title
    _SubElement(el, "guid", {"isPermaLink": "false"}).text = live.guid
    # A stream has no byte count; RSS 2.0 requires the attribute, and live feeds write 0.
    _SubElement(el, "enclosure", {"url": live.stream_url, "type": live.stream_type, "length": "0"})
    alternate = _SubElement(el, ALTERNATE_ENCLOSURE, {"type": live.stream_type, "default": "true"})
    _SubElement(alternate, SOURCE, {"uri": live.stream_url})
    _SubElement(el, CONTENT_LINK, {"href": live.content_link}).text = live.content_label


class PodcastNsExtension(BaseExtension):  # type: ignore[misc]
    """Channel tags: podcast:guid, locked, person, funding, updateFrequency, liveItem; explicit."""

    def __init__(self) -> None:
        self.fields = _ChannelFields()

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS, "itunes": ITUNES_NS}

    def guid(self, value: str) -> None:
        """Set podcast:guid (a UUIDv5 of the feed URL, see feeds.guids.podcast_guid)."""
        self.fields.guid = value

    def locked(self, value: bool, owner: str | None = None) -> None:
        """Set podcast:locked (yes/no) and the owner email that may unlock it."""
        self.fields.locked = value
        self.fields.locked_owner = owner

    def explicit(self, value: bool) -> None:
        """Set itunes:explicit, written as true or false."""
        self.fields.explicit = value

    def person(self, person: PersonTag) -> None:
        """Add a podcast:person to the channel."""
        self.fields.persons.append(person)

    def funding(self, url: str, label: str) -> None:
        """Add a podcast:funding link."""
        self.fields.funding.append((url, label))

    def last_build_date(self, value: datetime) -> None:
        """Set lastBuildDate (tz-aware), written in RFC 2822 without touching the locale."""
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("lastBuildDate needs a time zone")
        self.fields.last_build_date = value

    def update_frequency(self, rrule: str, text: str) -> None:
        """Set podcast:updateFrequency: an RFC 5545 RRULE and the schedule in words."""
        self.fields.update_frequency = (rrule, text)

    def medium(self, value: str) -> None:
        """Set podcast:medium (the namespace's list: podcast, music, audiobook, ...)."""
        self.fields.medium = value

    def value(self, value: ValueBlock) -> None:
        """Set the channel's podcast:value: how listeners' apps stream payments, and to whom."""
        self.fields.value = value

    def location(self, location: Location) -> None:
        """Add a podcast:location to the channel: where the show is about, or made."""
        self.fields.locations.append(location)

    def image(self, image: PodcastImage) -> None:
        """Add a podcast:image to the channel (art besides itunes:image: wide, banner, ...)."""
        self.fields.images.append(image)

    def trailer(self, trailer: Trailer) -> None:
        """Add a podcast:trailer (apps play the newest by pubdate; ``season`` for a season's)."""
        if trailer.pubdate.utcoffset() is None:
            raise ValueError("a trailer's pubdate needs a time zone")
        self.fields.trailers.append(trailer)

    def license(self, identifier: str) -> None:
        """Set podcast:license (an identifier of the namespace's licenses.json)."""
        self.fields.license = identifier

    def txt(self, text: str, purpose: str | None = None) -> None:
        """Add a podcast:txt record (such as a platform's verification code)."""
        self.fields.txt.append((text, purpose))

    def remote_item(self, feed_guid: str, feed_url: str | None = None) -> None:
        """Add a show to the podcast:podroll, by its podcast:guid."""
        self.fields.podroll.append((feed_guid, feed_url))

    def new_feed_url(self, url: str) -> None:
        """Set itunes:new-feed-url: where the feed moved; apps follow it."""
        self.fields.new_feed_url = url

    def description_cdata(self, value: bool = True) -> None:
        """Write the channel's description as CDATA (it holds sanitised HTML)."""
        self.fields.description_cdata = value

    def live_item(self, live: LiveItemTag) -> None:
        """Add a podcast:liveItem (written before the items, in the order added)."""
        if live.start.utcoffset() is None or live.end.utcoffset() is None:
            raise ValueError("liveItem times need a time zone")
        self.fields.live_items.append(live)

    def extend_rss(self, rss_feed: etree._Element) -> etree._Element:
        channel = rss_feed[0]
        f = self.fields
        if f.description_cdata:
            description = channel.find("description")
            if description is not None and description.text:
                description.text = etree.CDATA(description.text)
        if f.last_build_date is not None:  # where feedgen would have put it
            _insert_date(channel, "lastBuildDate", f.last_build_date, after="language")
        _explicit(channel, f.explicit)
        if f.guid:
            _SubElement(channel, GUID).text = f.guid
        if f.locked is not None:
            owner = {"owner": f.locked_owner} if f.locked_owner else {}
            _SubElement(channel, LOCKED, owner).text = "yes" if f.locked else "no"
        for url, label in f.funding:
            _SubElement(channel, FUNDING, {"url": url}).text = label
        _persons(channel, f.persons)
        if f.new_feed_url:
            _SubElement(channel, NEW_FEED_URL).text = f.new_feed_url
        if f.license:
            _SubElement(channel, LICENSE).text = f.license
        if f.medium:
            _SubElement(channel, MEDIUM).text = f.medium
        for location in f.locations:
            _location(channel, location)
        for image in f.images:
            _image(channel, image)
        for trailer in f.trailers:
            _trailer(channel, trailer)
        if f.value is not None:
            _value(channel, f.value)
        for value, purpose in f.txt:
            _SubElement(channel, TXT, {"purpose": purpose} if purpose else {}).text = value
        if f.podroll:
            podroll = _SubElement(channel, PODROLL)
            for feed_guid, feed_url in f.podroll:
                attrib = {"feedGuid": feed_guid}
                if feed_url:
                    attrib["feedUrl"] = feed_url
                _SubElement(podroll, REMOTE_ITEM, attrib)
        if f.update_frequency is not None:
            rrule, text = f.update_frequency
            _SubElement(channel, UPDATE_FREQUENCY, {"rrule": rrule}).text = text
        for live in f.live_items:  # feedgen appends the items after the extensions ran
            _live_item(channel, live)
        return rss_feed


class PodcastNsEntryExtension(BaseEntryExtension):  # type: ignore[misc]
    """Item tags: podcast:transcript, chapters, season, episode, person; itunes:explicit; pubDate.

    It also writes the item's ``pubDate`` (and CDATA descriptions): feedgen formats dates by
    switching the process locale for each one, which is not thread-safe and was a third of the
    time of a 10,000-item build; ``email.utils.format_datetime`` is RFC 2822 in any locale.
    """

    __slots__ = (
        "_alternates",
        "_chapters_url",
        "_description_cdata",
        "_episode",
        "_explicit",
        "_persons",
        "_pub_date",
        "_season",
        "_season_name",
        "_soundbites",
        "_transcripts",
    )

    def __init__(self) -> None:
        self._explicit: bool | None = None
        self._season: int | None = None
        self._season_name: str | None = None
        self._episode: int | None = None
        self._persons: list[PersonTag] = []
        self._transcripts: list[TranscriptTag] = []
        self._chapters_url: str | None = None
        self._description_cdata = False
        self._pub_date: datetime | None = None
        self._alternates: list[AlternateEnclosureTag] = []
        self._soundbites: list[tuple[float, float, str | None]] = []

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS, "itunes": ITUNES_NS}

    def explicit(self, value: bool) -> None:
        """Set the item's itunes:explicit, written as true or false."""
        self._explicit = value

    def season(self, number: int, name: str | None = None) -> None:
        """Set podcast:season."""
        self._season = number
        self._season_name = name

    def episode(self, number: int) -> None:
        """Set podcast:episode."""
        self._episode = number

    def person(self, person: PersonTag) -> None:
        """Add a podcast:person; an item's persons replace the channel's for that episode."""
        self._persons.append(person)

    def transcript(self, transcript: TranscriptTag) -> None:
        """Add a podcast:transcript (repeatable; clients often keep only the last one)."""
        self._transcripts.append(transcript)

    def chapters(self, url: str) -> None:
        """Set podcast:chapters to a JSON chapters file."""
        self._chapters_url = url

    def alternate_enclosure(self, alternate: AlternateEnclosureTag) -> None:
        """Add a podcast:alternateEnclosure: the same episode in another encoding."""
        self._alternates.append(alternate)

    def soundbite(self, start: float, duration: float, title: str | None = None) -> None:
        """Add a podcast:soundbite: ``duration`` seconds from ``start`` an app may play."""
        self._soundbites.append((start, duration, title))

    def description_cdata(self, value: bool = True) -> None:
        """Write the item's description as CDATA (it holds HTML; Apple wants it in CDATA)."""
        self._description_cdata = value

    def pub_date(self, value: datetime) -> None:
        """Set the item's pubDate (tz-aware), written in RFC 2822 without touching the locale."""
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("pubDate needs a time zone")
        self._pub_date = value

    def extend_rss(self, entry: etree._Element) -> etree._Element:
        if self._description_cdata:
            description = entry.find("description")
            if description is not None and description.text:
                description.text = etree.CDATA(description.text)
        if self._pub_date is not None:  # where feedgen would have put it
            _insert_date(entry, "pubDate", self._pub_date, after="enclosure")
        _explicit(entry, self._explicit)
        if self._season is not None:
            name = {"name": self._season_name} if self._season_name else {}
            _SubElement(entry, SEASON, name).text = str(self._season)
        if self._episode is not None:
            _SubElement(entry, EPISODE).text = str(self._episode)
        for url, mime, language, rel in self._transcripts:
            attrib = {"url": url, "type": mime}
            if language:
                attrib["language"] = language
            if rel:
                attrib["rel"] = rel
            _SubElement(entry, TRANSCRIPT, attrib)
        if self._chapters_url:
            _SubElement(entry, CHAPTERS, {"url": self._chapters_url, "type": CHAPTERS_TYPE})
        _persons(entry, self._persons)
        for start, duration, title in self._soundbites:
            attrib = {"startTime": _seconds(start), "duration": _seconds(duration)}
            _SubElement(entry, SOUNDBITE, attrib).text = title
        for alternate in self._alternates:
            _alternate_enclosure(entry, alternate)
        return entry
