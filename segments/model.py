"""The segment and show model: plain dataclasses shared by every stage.

Unknown is ``None`` (never ``-1``, ``0`` or ``""``). Times are float seconds with the unit in the
name; instants are tz-aware ``datetime``; a page that only gives a day gives a ``date``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from segments.schedule import Schedule

Role = Literal["host", "interviewer", "reporter", "guest"]
ROLES: tuple[Role, ...] = ("host", "interviewer", "reporter", "guest")

EpisodeType = Literal["full", "trailer", "bonus"]
ShowType = Literal["episodic", "serial"]
#: Where an episode is on its way out: a draft is never published; a scheduled one (or any whose
#: ``published`` moment is still to come) goes out with the first build after that moment.
Status = Literal["draft", "scheduled", "published"]
STATUSES: tuple[Status, ...] = ("draft", "scheduled", "published")


@dataclass
class Person:
    """Someone on the episode, with the role the page gives them."""

    name: str
    role: Role
    href: str | None = None
    img: str | None = None


@dataclass
class Image:
    """A photo from the page: its caption and credit as printed there."""

    url: str | None = None
    caption: str | None = None
    credit: str | None = None


@dataclass
class AudioRef:
    """Where an episode's audio is, and what is known of it.

    ``size_is_estimate`` is true for sizes read from text such as "Download this story 2MB": such a
    size is never used as an enclosure length.
    """

    path: Path | None = None
    url: str | None = None
    label: str | None = None
    size_bytes: int | None = None
    size_is_estimate: bool = False
    mime_type: str | None = None
    duration_seconds: float | None = None


@dataclass
class Section:
    """One part of a transcript: an optional topic heading, an optional question, and the answer.

    ``speaker`` is who speaks the paragraphs; ``questioner`` who asked the question (the
    interviewer, when the page says). Times are known only for timed transcripts.
    """

    paragraphs: list[str] = field(default_factory=list)
    heading: str | None = None
    question: str | None = None
    speaker: str | None = None
    questioner: str | None = None
    start_seconds: float | None = None
    end_seconds: float | None = None


@dataclass
class Soundbite:
    """A stretch an app may play as the episode's preview (podcast:soundbite), in programme time
    like chapters, so the build's timeline shift moves it with them."""

    start_seconds: float
    duration_seconds: float
    title: str | None = None


@dataclass
class Chapter:
    """A chapter marker; ``end_seconds`` defaults to the next chapter's start when written."""

    start_seconds: float
    title: str
    end_seconds: float | None = None
    url: str | None = None
    image: str | None = None


@dataclass
class Source:
    """Where a segment was imported from: a page file, or the URL it was fetched from and when,
    or an item of an existing feed (``kind`` "feed")."""

    path: str | None = None
    url: str | None = None
    kind: Literal["text", "html", "segment", "feed"] | None = None
    #: The page's SHA-256 (hex) when it was imported: a build tells when the page changed since.
    sha256: str | None = None
    #: A short hash of each key the page gave, as imported (``segments.update``): a key whose
    #: value no longer matches was edited by the producer, and re-importing keeps it.
    fingerprints: dict[str, str] = field(default_factory=dict)
    fetched: datetime | None = None


@dataclass
class TxtRecord:
    """A podcast:txt record: free text (a verification code), and what it is for."""

    text: str
    purpose: str | None = None


@dataclass
class RemoteFeed:
    """A podcast:remoteItem of the podroll: another show's podcast:guid, and its feed URL."""

    feed_guid: str
    feed_url: str | None = None


@dataclass
class ValueRecipient:
    """One podcast:valueRecipient: who is paid (``type`` node or lnaddress, the address) and
    their ``split`` (shares of each payment); ``fee`` marks a host's cut."""

    type: str
    address: str
    split: int
    name: str | None = None
    fee: bool = False
    custom_key: str | None = None
    custom_value: str | None = None


@dataclass
class ValueBlock:
    """A podcast:value: the payment layer (``type`` such as lightning), its ``method`` (keysend,
    lnaddress), an optional suggested amount (decimal text, as the spec writes it), recipients."""

    type: str
    method: str
    recipients: list[ValueRecipient]
    suggested: str | None = None


@dataclass
class Trailer:
    """A podcast:trailer: a teaser of the show (or of ``season``), its title and when it was
    published (tz-aware). The URL is the producer's; its byte count is not known, so none is
    written (the spec recommends, not requires, a length)."""

    title: str
    url: str
    pubdate: datetime
    type: str | None = None
    season: int | None = None


@dataclass
class PodcastImage:
    """A podcast:image of the show: its URL and what apps need to pick it (docs/tags/image.md):
    alt text, a CSS aspect ratio ("16/9"), pixels, MIME type, purpose tokens ("social banner")."""

    href: str
    alt: str | None = None
    aspect_ratio: str | None = None
    width: int | None = None
    height: int | None = None
    type: str | None = None
    purpose: str | None = None


@dataclass
class Location:
    """A podcast:location: a place's display name; ``rel`` says whether the show is about it
    (subject) or made there (creator); geo URI, OpenStreetMap id, ISO 3166-1 country."""

    name: str
    rel: Literal["subject", "creator"] | None = None
    geo: str | None = None
    osm: str | None = None
    country: str | None = None


@dataclass
class Funding:
    """A podcast:funding link."""

    url: str
    label: str


@dataclass
class Show:
    """A show: what a segment page says of it, or the whole configuration from ``show.toml``.

    Fields a page cannot know (feed URL, owner, ...) stay ``None`` until configuration fills them.
    """

    title: str | None = None
    tagline: str | None = None
    description: str | None = None
    hosts: list[str] = field(default_factory=list)
    schedule: Schedule | None = None
    category: str | None = None
    subcategory: str | None = None
    language: str | None = None
    artwork: str | None = None
    link: str | None = None
    base_url: str | None = None
    feed_url: str | None = None
    author: str | None = None
    owner_name: str | None = None
    owner_email: str | None = None
    explicit: bool | None = None
    copyright: str | None = None
    type: ShowType = "episodic"
    locked: bool | None = None
    funding: list[Funding] = field(default_factory=list)
    podcast_guid: str | None = None
    #: The station's live stream (podcast:liveItem enclosures), its MIME type, and how long an
    #: airing lasts when the airtimes give no end.
    live_stream_url: str | None = None
    live_stream_type: str = "audio/mpeg"
    airing_minutes: int = 60
    #: podcast:license (a licenses.json identifier such as "cc-by-4.0"), podcast:txt records,
    #: the podroll of shows recommended, and itunes:new-feed-url when the feed moves.
    license: str | None = None
    #: podcast:medium: what the feed is (podcast, music, audiobook, ...); None writes no tag.
    medium: str | None = None
    #: podcast:value (streaming payments) with its recipients; None writes no tag.
    value: ValueBlock | None = None
    #: podcast:location: where the show is about or made (none: not written).
    locations: list[Location] = field(default_factory=list)
    #: podcast:image: more art than the square artwork (wide, banner, ...); none: not written.
    images: list[PodcastImage] = field(default_factory=list)
    #: podcast:trailer: teasers of the show or a season; none: not written.
    trailers: list[Trailer] = field(default_factory=list)
    #: podcast:season names, by season number ("Race for the Whitehouse"); unnamed: no name.
    season_names: dict[int, str] = field(default_factory=dict)
    #: Write a podcast:soundbite per chapter (15 to 120 s) for episodes naming none themselves.
    soundbites_from_chapters: bool = False
    txt: list[TxtRecord] = field(default_factory=list)
    podroll: list[RemoteFeed] = field(default_factory=list)
    new_feed_url: str | None = None


@dataclass
class TranscriptRef:
    """A transcript file published elsewhere (podcast:transcript of an imported feed)."""

    url: str
    type: str
    language: str | None = None
    rel: str | None = None


@dataclass
class Segment:
    """One radio segment or interview: what becomes one podcast episode.

    ``summary`` is plain text, paragraphs separated by a blank line. ``show_notes`` is optional
    Markdown the producer wrote. ``guid`` is assigned once, at first feed build, and never changed.
    """

    slug: str
    title: str
    summary: str | None = None
    published: datetime | date | None = None
    people: list[Person] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    audio: AudioRef | None = None
    #: The recording to master (relative to the show folder), when not ``raw/<slug>.<ext>``.
    raw: Path | None = None
    transcript: list[Section] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    soundbites: list[Soundbite] = field(default_factory=list)
    source: Source | None = None
    guid: str | None = None
    show: Show | None = None
    show_notes: str | None = None
    link: str | None = None
    language: str | None = None
    episode: int | None = None
    season: int | None = None
    episode_type: EpisodeType = "full"
    explicit: bool | None = None
    status: Status = "published"
    #: An imported feed's podcast:chapters and podcast:transcript files, republished as they
    #: were when segcast has no chapters or transcript of its own for the episode.
    chapters_url: str | None = None
    transcripts: list[TranscriptRef] = field(default_factory=list)

    def people_with(self, role: Role) -> list[Person]:
        """Return the people with ``role``, in page order."""
        return [p for p in self.people if p.role == role]
