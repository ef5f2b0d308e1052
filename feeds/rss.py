"""The RSS 2.0 feed: a show and its episodes in, the feed's bytes out (pure, reproducible).

feedgen writes the RSS and iTunes parts; ``feeds.podcast_ns`` adds Podcasting 2.0 and
``itunes:explicit``. The rules of RSS 2.0 (https://www.rssboard.org/rss-specification),
Apple Podcasts (https://podcasters.apple.com/support/823-podcast-requirements) and the
Podcasting 2.0 namespace (https://podcastindex.org/namespace/1.0) are checked here, where the
feed is made, so that no caller can write ``length="None"`` or a float duration.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from feedgen.feed import FeedGenerator

from feeds.chapters import soundbites_from_chapters
from feeds.guids import podcast_guid
from feeds.live import live_airings, update_frequency
from feeds.podcast_ns import (
    AlternateEnclosureTag,
    LiveItemTag,
    PersonTag,
    PodcastNsEntryExtension,
    PodcastNsExtension,
    TranscriptTag,
)
from feeds.roles import published_role
from feeds.sanitize import plain_text, sanitize_channel_description
from feeds.shownotes import DESCRIPTION_MAX_BYTES, names_a_host
from segments.errors import FeedError, SegcastError
from segments.model import Person, Segment, Show
from segments.schedule import describe_time
from segments.urls import UrlField, check_urls, segment_urls, show_urls

#: What the generator element says; no version, so upgrading segcast alone changes no bytes.
GENERATOR = "segcast"


class TranscriptLink(NamedTuple):
    """A transcript file as the feed references it: absolute URL, MIME type, rel (or None)."""

    url: str
    type: str
    rel: str | None = None


@dataclass(kw_only=True)
class Episode:
    """One feed item: a segment plus the facts of its published audio and companion files.

    ``description`` is HTML for the item description (Apple's tags only, at most 4000 bytes) and
    ``content_html`` the full show notes; when ``description`` is None the segment's summary is
    used as plain text.
    """

    segment: Segment
    enclosure_url: str
    length_bytes: int
    mime_type: str
    duration_seconds: float | None
    transcripts: list[TranscriptLink] = field(default_factory=list)
    chapters_url: str | None = None
    pub_date: datetime
    description: str | None = None
    content_html: str | None = None
    language: str | None = None
    #: The same episode in other encodings (AAC, Opus from the one master), as
    #: podcast:alternateEnclosure; the enclosure stays the MP3 every app plays.
    alternates: list[AlternateEnclosureTag] = field(default_factory=list)
    #: Where errors about this episode point: its segment file (default "segment SLUG").
    source: str | None = None


def person_tag(person: Person) -> PersonTag:
    """Return the podcast:person tag for a person on an episode (role and group: feeds.roles).

    Its ``href`` and ``img`` are checked with the episode's other URLs (``check_published``).
    """
    taxonomy = published_role(person.role)
    return PersonTag(
        name=plain_text(person.name),
        role=taxonomy.role,
        group=taxonomy.group,
        img=person.img,
        href=person.href,
    )


def item_persons(segment: Segment, show: Show) -> list[PersonTag]:
    """Return an item's podcast:person list; the show's hosts lead when the segment names none.

    An item's persons replace the channel's for that episode, so a segment that names only its
    guests still lists the hosts. A segment that names nobody gets none (the channel's apply).
    """
    if not segment.people:
        return []
    tags = [person_tag(p) for p in segment.people]
    if not names_a_host(segment):
        tags = [PersonTag(name=plain_text(host)) for host in show.hosts] + tags
    return tags


def truncate_utf8(text: str, max_bytes: int) -> str:
    """Return ``text`` cut at a word to at most ``max_bytes`` UTF-8 bytes, with an ellipsis.

    >>> truncate_utf8("short", 10)
    'short'
    >>> truncate_utf8("one two three", 11)
    'one two…'
    """
    if len(text.encode("utf-8")) <= max_bytes:
        return text
    budget = max_bytes - len("…".encode())
    cut = text.encode("utf-8")[:budget].decode("utf-8", "ignore")
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


def item_urls(ep: Episode) -> list[UrlField]:
    """Return every URL a feed item (or its page) publishes: the segment's, then the files'."""
    fields = segment_urls(ep.segment)
    audio = ep.segment.audio
    stated = audio is not None and audio.url == ep.enclosure_url
    fields.append(UrlField("audio.url" if stated else "enclosure url", ep, "enclosure_url"))
    fields += [UrlField(f"transcript {t.type}", t, "url") for t in ep.transcripts]
    if ep.chapters_url is not None:
        fields.append(UrlField("chapters url", ep, "chapters_url"))
    fields += [UrlField(f"alternate enclosure {a.type}", a, "url") for a in ep.alternates]
    return fields


def check_published(show: Show, episodes: list[Episode]) -> None:
    """Refuse (FeedError naming the file and key) any URL the feed or pages would publish that is
    not http(s): the last guard for values that reached a writer without passing a reader."""
    try:
        check_urls(show_urls(show), "show")
        for ep in episodes:
            check_urls(item_urls(ep), ep.source or f"segment {ep.segment.slug}")
    except SegcastError as exc:
        raise FeedError(exc.message, exc.where) from exc


def _require(show: Show) -> None:
    for name in ("title", "description", "link", "feed_url"):
        if not getattr(show, name):
            raise FeedError(f"{name} is missing", "show")


def _check_episodes(show: Show, episodes: list[Episode]) -> None:
    urls: dict[str, str] = {}
    guids: dict[str, str] = {}
    for ep in episodes:
        slug = ep.segment.slug
        where = ep.source or f"segment {slug}"
        if not ep.segment.guid:
            raise FeedError("has no GUID (the build assigns one and stores it)", where)
        if isinstance(ep.length_bytes, bool) or not isinstance(ep.length_bytes, int):
            raise FeedError(f"enclosure length must be bytes, not {ep.length_bytes!r}", where)
        if ep.length_bytes <= 0:
            raise FeedError(f"enclosure length must be positive, not {ep.length_bytes}", where)
        if ep.pub_date.tzinfo is None or ep.pub_date.utcoffset() is None:
            raise FeedError("pubDate has no time zone", where)
        if ep.duration_seconds is not None and ep.duration_seconds < 0:
            raise FeedError(f"negative duration {ep.duration_seconds}", where)
        for name in ("episode", "season"):
            number = getattr(ep.segment, name)
            if number is not None and number <= 0:
                raise FeedError(f"{name} must be a whole number above 0, not {number}", where)
        # Apple: a serial show numbers its full episodes; trailers and bonus may go without.
        numbered = ep.segment.episode is not None or ep.segment.episode_type != "full"
        if show.type == "serial" and not numbered:
            raise FeedError("a serial show needs an episode number on every episode", where)
        if ep.enclosure_url in urls:
            other = urls[ep.enclosure_url]
            raise FeedError(f"enclosure URL {ep.enclosure_url} is also used by {other}", where)
        if ep.segment.guid in guids:
            other = guids[ep.segment.guid]
            raise FeedError(f"GUID {ep.segment.guid} is also used by {other}", where)
        urls[ep.enclosure_url] = where
        for alt in ep.alternates:
            if isinstance(alt.length, bool) or not isinstance(alt.length, int) or alt.length <= 0:
                raise FeedError(f"alternate enclosure {alt.url}: length must be bytes", where)
            if alt.default and alt.url == ep.enclosure_url:
                continue  # the enclosure's own entry in the list of encodings
            if alt.url in urls:
                raise FeedError(f"alternate enclosure URL {alt.url} is also used", where)
            urls[alt.url] = where
        guids[ep.segment.guid] = where


def new_feed_generator() -> FeedGenerator:
    """Return a FeedGenerator with the iTunes extension and our Podcasting 2.0 one loaded."""
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.register_extension("podcast20", PodcastNsExtension, PodcastNsEntryExtension)
    return fg


def _channel(fg: FeedGenerator, show: Show, last_build: datetime | None) -> None:
    fg.title(plain_text(show.title or ""))
    assert show.description is not None  # _require checked it
    description, is_html = sanitize_channel_description(show.description)
    fg.description(description)
    # The channel <link> is feedgen's last link() call: the self link first.
    fg.link(href=show.feed_url, rel="self", type="application/rss+xml")
    fg.link(href=show.link, rel="alternate")
    if show.language:
        fg.language(show.language)
    if show.copyright:
        fg.copyright(plain_text(show.copyright))
    fg.generator(GENERATOR)
    if show.artwork:
        fg.image(url=show.artwork, title=plain_text(show.title or ""), link=show.link)
        fg.podcast.itunes_image(show.artwork)
        if fg.podcast.itunes_image() != show.artwork:  # feedgen drops it silently otherwise
            raise FeedError(f"artwork URL must end in .jpg or .png: {show.artwork}", "show")
    if show.author:
        fg.podcast.itunes_author(plain_text(show.author))
    if show.owner_name or show.owner_email:
        name = plain_text(show.owner_name) if show.owner_name else None
        fg.podcast.itunes_owner(name=name, email=show.owner_email)
    if show.category:
        category = {"cat": show.category}
        if show.subcategory:
            category["sub"] = show.subcategory
        fg.podcast.itunes_category(category)
    fg.podcast.itunes_type(show.type)
    ext: PodcastNsExtension = fg.podcast20
    ext.description_cdata(is_html)
    if show.explicit is not None:
        ext.explicit(show.explicit)
    if show.podcast_guid:
        ext.guid(show.podcast_guid)
    if show.locked is not None:
        ext.locked(show.locked, show.owner_email)
    for funding in show.funding:
        ext.funding(funding.url, plain_text(funding.label))
    for host in show.hosts:
        ext.person(PersonTag(name=plain_text(host)))
    # feedgen stamps the clock by default (and formats by switching the locale): ours is written
    # by the extension from the newest item; an empty feed gets none at all.
    fg._FeedGenerator__rss_lastBuildDate = None
    if last_build is not None:
        ext.last_build_date(last_build)
    if show.new_feed_url:
        ext.new_feed_url(show.new_feed_url)
    if show.license:
        ext.license(show.license)
    if show.medium:
        ext.medium(show.medium)
    for location in show.locations:
        ext.location(location)
    for image in show.images:
        ext.image(image)
    for trailer in show.trailers:
        ext.trailer(trailer)
    if show.value is not None:
        ext.value(show.value)
    for record in show.txt:
        ext.txt(record.text, record.purpose)
    for remote in show.podroll:
        ext.remote_item(remote.feed_guid, remote.feed_url)
    frequency = update_frequency(show.schedule)
    if frequency is not None:
        ext.update_frequency(frequency.rrule, frequency.text)


def _clock(moment: datetime) -> str:
    return describe_time(moment.timetz().replace(tzinfo=None))


def live_items(show: Show, episodes: list[Episode], now: datetime) -> list[LiveItemTag]:
    """Return the podcast:liveItem tags of the airings around ``now``; none without a stream.

    The stream is show.toml's ``live_stream_url``; the content link is the show's page.
    """
    if not show.live_stream_url or show.schedule is None:
        return []
    assert show.link is not None and show.feed_url is not None  # _require checked them
    airings = live_airings(
        show.schedule,
        now,
        feed_guid=show.podcast_guid or podcast_guid(show.feed_url),
        minutes=show.airing_minutes,
        published=[ep.pub_date for ep in episodes],
    )
    name = plain_text(show.title or "")
    return [
        LiveItemTag(
            status=airing.status,
            start=airing.start,
            end=airing.end,
            title=f"{name}, live {airing.start:%Y-%m-%d} at {_clock(airing.start)}",
            guid=airing.guid,
            stream_url=show.live_stream_url,
            stream_type=show.live_stream_type,
            content_link=show.link,
        )
        for airing in airings
    ]


def _item(fg: FeedGenerator, show: Show, ep: Episode) -> None:
    segment = ep.segment
    fe = fg.add_entry(order="append")
    fe.title(plain_text(segment.title))
    fe.guid(segment.guid, permalink=False)
    link = segment.link or (segment.source.url if segment.source else None)
    if link:  # checked by check_published: apps make <link> clickable
        fe.link(href=link)
    ext: PodcastNsEntryExtension = fe.podcast20
    if ep.description:
        fe.description(ep.description)
        ext.description_cdata()
        if ep.content_html:
            fe.content(ep.content_html, type="CDATA")
    elif segment.summary:
        fe.description(truncate_utf8(plain_text(segment.summary), DESCRIPTION_MAX_BYTES))
    fe.enclosure(url=ep.enclosure_url, length=str(ep.length_bytes), type=ep.mime_type)
    ext.pub_date(ep.pub_date)
    if ep.duration_seconds is not None:
        fe.podcast.itunes_duration(round(ep.duration_seconds))
    if segment.episode is not None:
        fe.podcast.itunes_episode(segment.episode)
        ext.episode(segment.episode)
    if segment.season is not None:
        fe.podcast.itunes_season(segment.season)
        ext.season(segment.season, show.season_names.get(segment.season))
    fe.podcast.itunes_episode_type(segment.episode_type)
    if segment.explicit is not None:
        ext.explicit(segment.explicit)
    language = ep.language or segment.language or show.language
    for url, mime, rel in ep.transcripts:
        ext.transcript(TranscriptTag(url=url, type=mime, language=language, rel=rel))
    if ep.chapters_url:
        ext.chapters(ep.chapters_url)
    for person in item_persons(segment, show):
        ext.person(person)
    bites = segment.soundbites  # the producer's own win; else the chapters', when the show asks
    if not bites and show.soundbites_from_chapters:
        bites = soundbites_from_chapters(segment.chapters, ep.duration_seconds)
    for soundbite in bites:
        title = plain_text(soundbite.title) if soundbite.title else None
        ext.soundbite(soundbite.start_seconds, soundbite.duration_seconds, title)
    for alternate in ep.alternates:
        ext.alternate_enclosure(alternate)


def build_feed(show: Show, episodes: list[Episode], *, now: datetime | None = None) -> bytes:
    """Return the RSS feed of ``show`` with ``episodes``, newest first; same inputs, same bytes.

    ``now`` is the build's moment: with a live stream configured, the airings around it become
    podcast:liveItem entries (pending, live or ended then). Without it there are none.
    """
    _require(show)
    _check_episodes(show, episodes)
    check_published(show, episodes)
    ordered = sorted(episodes, key=lambda ep: ep.pub_date, reverse=True)
    with _cyclic_gc_paused():
        fg = new_feed_generator()
        newest = ordered[0].pub_date if ordered else None
        # lastBuildDate is when the feed last changed: never later than the build's moment.
        if newest is not None and now is not None:
            newest = min(newest, now)
        _channel(fg, show, newest)
        if now is not None:
            for live in live_items(show, episodes, now):
                fg.podcast20.live_item(live)
        for ep in ordered:
            _item(fg, show, ep)
        try:
            data: bytes = fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True)
        except ValueError as exc:  # feedgen's own checks of required fields
            raise FeedError(str(exc), "feed") from exc
    return data


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a feed is built.

    feedgen keeps several dicts and objects per entry alive until the end; every collection
    triggered while they pile up walks all of them again. Measured on 10,000 items: half the
    time of adding the entries. Nothing built here forms a cycle that needs the collector.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
