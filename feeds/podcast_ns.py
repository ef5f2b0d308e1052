"""A feedgen extension for the Podcasting 2.0 namespace, and ``itunes:explicit`` as true/false.

feedgen 1.0 knows no ``podcast:`` tags and writes ``itunes:explicit`` only as yes/no/clean, which
current validators reject; these classes write both. Register with::

    fg.register_extension("podcast20", PodcastNsExtension, PodcastNsEntryExtension)

Element names and attributes follow podcastindex-org/podcast-namespace, docs/tags/*.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import feedgen.feed  # noqa: F401  (feedgen.ext.* needs feedgen.feed imported first)
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from lxml import etree

PODCAST_NS = "https://podcastindex.org/namespace/1.0"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"

#: The MIME type podcast:chapters requires for a JSON chapters file.
CHAPTERS_TYPE = "application/json+chapters"


@dataclass(frozen=True)
class PersonTag:
    """One podcast:person: the name as text, ``role`` and ``group`` from the spec's taxonomy."""

    name: str
    role: str = "host"
    group: str = "cast"
    img: str | None = None
    href: str | None = None


@dataclass(frozen=True)
class TranscriptTag:
    """One podcast:transcript: absolute URL, MIME type, optional language and rel."""

    url: str
    type: str
    language: str | None = None
    rel: str | None = None


def _sub(parent: etree._Element, tag: str, ns: str = PODCAST_NS) -> etree._Element:
    return etree.SubElement(parent, f"{{{ns}}}{tag}")


def _persons(parent: etree._Element, persons: list[PersonTag]) -> None:
    for person in persons:
        element = _sub(parent, "person")
        element.set("role", person.role)
        element.set("group", person.group)
        if person.img:
            element.set("img", person.img)
        if person.href:
            element.set("href", person.href)
        element.text = person.name


def _explicit(parent: etree._Element, explicit: bool | None) -> None:
    if explicit is not None:
        _sub(parent, "explicit", ITUNES_NS).text = "true" if explicit else "false"


@dataclass
class _ChannelFields:
    guid: str | None = None
    locked: bool | None = None
    locked_owner: str | None = None
    explicit: bool | None = None
    persons: list[PersonTag] = field(default_factory=list)
    funding: list[tuple[str, str]] = field(default_factory=list)


class PodcastNsExtension(BaseExtension):  # type: ignore[misc]
    """Channel tags: podcast:guid, locked, person, funding; itunes:explicit true/false."""

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

    def extend_rss(self, rss_feed: etree._Element) -> etree._Element:
        channel = rss_feed[0]
        f = self.fields
        _explicit(channel, f.explicit)
        if f.guid:
            _sub(channel, "guid").text = f.guid
        if f.locked is not None:
            locked = _sub(channel, "locked")
            if f.locked_owner:
                locked.set("owner", f.locked_owner)
            locked.text = "yes" if f.locked else "no"
        for url, label in f.funding:
            funding = _sub(channel, "funding")
            funding.set("url", url)
            funding.text = label
        _persons(channel, f.persons)
        return rss_feed


@dataclass
class _EntryFields:
    explicit: bool | None = None
    season: int | None = None
    season_name: str | None = None
    episode: int | None = None
    persons: list[PersonTag] = field(default_factory=list)
    transcripts: list[TranscriptTag] = field(default_factory=list)
    chapters_url: str | None = None
    description_cdata: bool = False


class PodcastNsEntryExtension(BaseEntryExtension):  # type: ignore[misc]
    """Item tags: podcast:transcript, chapters, season, episode, person; itunes:explicit."""

    def __init__(self) -> None:
        self.fields = _EntryFields()

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS, "itunes": ITUNES_NS}

    def explicit(self, value: bool) -> None:
        """Set the item's itunes:explicit, written as true or false."""
        self.fields.explicit = value

    def season(self, number: int, name: str | None = None) -> None:
        """Set podcast:season."""
        self.fields.season = number
        self.fields.season_name = name

    def episode(self, number: int) -> None:
        """Set podcast:episode."""
        self.fields.episode = number

    def person(self, person: PersonTag) -> None:
        """Add a podcast:person; an item's persons replace the channel's for that episode."""
        self.fields.persons.append(person)

    def transcript(self, transcript: TranscriptTag) -> None:
        """Add a podcast:transcript (repeatable; clients often keep only the last one)."""
        self.fields.transcripts.append(transcript)

    def chapters(self, url: str) -> None:
        """Set podcast:chapters to a JSON chapters file."""
        self.fields.chapters_url = url

    def description_cdata(self, value: bool = True) -> None:
        """Write the item's description as CDATA (it holds HTML; Apple wants it in CDATA)."""
        self.fields.description_cdata = value

    def extend_rss(self, entry: etree._Element) -> etree._Element:
        f = self.fields
        if f.description_cdata:
            description = entry.find("description")
            if description is not None and description.text:
                description.text = etree.CDATA(description.text)
        _explicit(entry, f.explicit)
        if f.season is not None:
            season = _sub(entry, "season")
            if f.season_name:
                season.set("name", f.season_name)
            season.text = str(f.season)
        if f.episode is not None:
            _sub(entry, "episode").text = str(f.episode)
        for transcript in f.transcripts:
            element = _sub(entry, "transcript")
            element.set("url", transcript.url)
            element.set("type", transcript.type)
            if transcript.language:
                element.set("language", transcript.language)
            if transcript.rel:
                element.set("rel", transcript.rel)
        if f.chapters_url:
            chapters = _sub(entry, "chapters")
            chapters.set("url", f.chapters_url)
            chapters.set("type", CHAPTERS_TYPE)
        _persons(entry, f.persons)
        return entry
