"""What a page reader hands to the structurer: the page's blocks in order, and its metadata.

Text and HTML readers differ only in how they find these; turning blocks into a Segment (sections,
questions, speakers, roles, furniture removal) happens once, in ``segments.importers.structure``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from segments.model import AudioRef, Image, Person, Show

#: Separators between a headline and the site name in ``<title>`` and ``og:title`` (and
#: between the parts a site prints after it: section, programme).
TITLE_SEPARATORS: tuple[str, ...] = (" | ", " - ", " – ", " — ", " : ", " :: ", " · ", " « ", " » ")

BlockKind = Literal["heading", "paragraph", "question", "caption", "credit", "quote", "list_item"]


@dataclass
class Block:
    """One block of a page's main text, in document order.

    ``kind`` is what the markup says when a reader knows (an HTML ``<h2>`` is a heading, a bold
    paragraph ending in "?" a question); a text reader gives "paragraph" and lets the structurer
    decide. ``speaker`` is a label the markup separated from the text (``<strong>Rick:</strong>``).
    """

    text: str
    kind: BlockKind = "paragraph"
    speaker: str | None = None
    #: A time mark printed before the text ("[00:12:30] JOHN HORN: ..."), in seconds.
    start_seconds: float | None = None
    #: A heading's level when the markup gives one (``<h2>`` is 2); None for other blocks. Not
    #: compared: two blocks with the same text and kind say the same.
    level: int | None = field(default=None, compare=False)


#: The fields a ``Reason`` explains.
ReasonField = Literal[
    "title", "published", "summary", "text", "person", "question", "speaker", "audio", "image"
]


@dataclass(frozen=True)
class Reason:
    """Which rule gave a field its value (``segcast import --explain``): what, and why."""

    field: ReasonField
    value: str
    rule: str


@dataclass
class RawPage:
    """A page as read, before structuring. Metadata fields are what the page states outright."""

    path: str
    kind: Literal["text", "html"]
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    published: datetime | date | None = None
    description: str | None = None
    language: str | None = None
    site_name: str | None = None
    people: list[Person] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    audio: list[AudioRef] = field(default_factory=list)
    show: Show | None = None
    #: The page's structured data types it a programme's episode (schema.org PodcastEpisode,
    #: RadioEpisode, Episode).
    episode: bool = False
    #: The page's ``<title>`` as printed, site and programme names included (``title`` may be
    #: the headline the reader cut it to).
    page_title: str | None = None
    #: Which rule found each stated fact above (the reader's side of ``--explain``).
    reasons: list[Reason] = field(default_factory=list)
