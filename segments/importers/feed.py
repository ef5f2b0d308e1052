"""Read an existing podcast feed into segments, one per item, every GUID exactly as it was.

lxml reads the XML (no entities, no network, no DTD), and the element tables below say what is
carried over, podcastparser-style: ``CHANNEL`` and ``ITEM`` map each element we read to the field
it fills; ``REBUILT`` lists what the build writes anew (so losing it loses nothing); anything else
is counted as "not carried over" and reported once per kind, never dropped silently. GUIDs and
dates are read from the text itself (feedparser would normalise both): the GUID as written (less
surrounding white space, which readers strip), the pubDate by ``segments.rfc2822`` with its own
offset. An item without a GUID gets its enclosure URL, the identity apps already derived.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from segments.errors import FeedError
from segments.importers.read import drop_refused_values
from segments.importers.structure import slugify
from segments.model import (
    AudioRef,
    Chapter,
    Funding,
    Person,
    RemoteFeed,
    Segment,
    Source,
    TranscriptRef,
    TxtRecord,
)
from segments.rfc2822 import parse_rfc2822
from segments.timecode import parse_timecode
from segments.urls import is_published_url
from segments.whitespace import normalise_space

__all__ = ["CHANNEL", "ITEM", "REBUILT", "Channel", "FeedImport", "read_feed"]

#: The namespaces read, by the prefix used in tables and warnings.
NAMESPACES = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "psc": "http://podlove.org/simple-chapters",
    "atom": "http://www.w3.org/2005/Atom",
}
#: The podcast namespace's first URI, which the spec still accepts (see the validator).
PODCAST_ALIASES = ("https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md",)
_PREFIX = {uri: prefix for prefix, uri in NAMESPACES.items()} | {
    uri: "podcast" for uri in PODCAST_ALIASES
}

#: Channel elements carried over, and the show.toml key each fills.
CHANNEL: dict[str, str] = {
    "title": "title",
    "description": "description",
    "itunes:summary": "description (when there is no description)",
    "link": "link",
    "language": "language",
    "itunes:category": "category, subcategory",
    "itunes:explicit": "explicit",
    "itunes:author": "author",
    "itunes:owner": "owner_name, owner_email",
    "itunes:image": "artwork",
    "image": "artwork (when there is no itunes:image)",
    "copyright": "copyright",
    "itunes:type": "type",
    "podcast:guid": "podcast_guid",
    "podcast:locked": "locked",
    "podcast:funding": "funding",
    "podcast:person": "hosts",
    "podcast:license": "license",
    "podcast:txt": "txt",
    "podcast:podroll": "podroll",
    "item": "one segment file each",
}
#: Item elements carried over, and the segment field each fills.
ITEM: dict[str, str] = {
    "title": "title",
    "guid": "guid (exactly)",
    "pubDate": "published (with its offset)",
    "description": "summary (plain text), show notes (the HTML)",
    "content:encoded": "show notes (the HTML) and summary when there is no description",
    "itunes:summary": "summary when there is no description",
    "link": "link",
    "enclosure": "audio url, size_bytes, mime_type",
    "itunes:duration": "audio duration_seconds",
    "itunes:season": "season",
    "itunes:episode": "episode",
    "podcast:season": "season (when there is no itunes:season)",
    "podcast:episode": "episode (when there is no itunes:episode)",
    "itunes:episodeType": "episode_type",
    "itunes:explicit": "explicit",
    "podcast:person": "people (host and guest roles)",
    "podcast:chapters": "chapters_url (and chapters, once fetched)",
    "psc:chapters": "chapters",
    "podcast:transcript": "transcripts",
}
#: What the build writes anew from the show folder: nothing is lost by not reading it.
REBUILT = frozenset(
    {
        "lastBuildDate",
        "pubDate",
        "generator",
        "docs",
        "atom:link",
        "itunes:new-feed-url",
        "itunes:subtitle",
        "itunes:title",
        "ttl",
    }
)
ROLES = {"host": "host", "guest": "guest"}


@dataclass
class Channel:
    """What the feed says of its show, in show.toml's terms; unknown is ``None``."""

    title: str | None = None
    description: str | None = None
    link: str | None = None
    language: str | None = None
    categories: list[tuple[str, str | None]] = field(default_factory=list)
    explicit: bool | None = None
    author: str | None = None
    owner_name: str | None = None
    owner_email: str | None = None
    artwork: str | None = None
    copyright: str | None = None
    type: str | None = None
    podcast_guid: str | None = None
    locked: bool | None = None
    funding: list[Funding] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    feed_url: str | None = None
    license: str | None = None
    txt: list[TxtRecord] = field(default_factory=list)
    podroll: list[RemoteFeed] = field(default_factory=list)


@dataclass
class FeedImport:
    """A feed read: its channel, a segment per item, and what could not be carried over.

    ``lost`` counts each kind of thing not carried over ("item itunes:image": 12); ``notes``
    are other warnings, one per kind too (items without a GUID, dates without a zone).
    """

    channel: Channel
    segments: list[Segment]
    lost: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)

    def warnings(self) -> list[str]:
        """One line per kind: what was not carried over, and how often."""
        lines = [f"{text} ({count}x)" if count > 1 else text for text, count in self.notes.items()]
        for kind, count in sorted(self.lost.items()):
            lines.append(f"{kind} not carried over (segcast does not write it): {count}x")
        return lines


def _name(element: etree._Element) -> str:
    qname = etree.QName(element)
    prefix = _PREFIX.get(qname.namespace or "")
    if qname.namespace and prefix is None:
        return f"{{{qname.namespace}}}{qname.localname}"
    return f"{prefix}:{qname.localname}" if prefix else qname.localname


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return text or None


def _flag(text: str | None) -> bool | None:
    if text is None:
        return None
    return text.strip().lower() in ("yes", "true", "explicit")


def _whole(text: str | None) -> int | None:
    return int(text) if text is not None and text.strip().isdigit() else None


def _seconds(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        return parse_timecode(text)
    except ValueError:
        return None


def read_feed(data: bytes, where: str) -> FeedImport:
    """Read a feed's bytes into a ``FeedImport``; a feed that is not RSS is one FeedError."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        # A blank line before the XML declaration is common and harmless; readers skip it.
        root = etree.fromstring(data.lstrip() if data[:1].isspace() else data, parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"not well-formed XML: {exc.msg}", where) from exc
    channel_element = root.find("channel") if root.tag == "rss" else None
    if channel_element is None:
        raise FeedError("not an RSS feed (no rss/channel)", where)
    result = FeedImport(Channel(), [])
    channel = result.channel
    slugs: set[str] = set()
    for element in channel_element:
        if not isinstance(element.tag, str):
            continue  # comments, processing instructions
        name = _name(element)
        if name == "item":
            segment = _item(element, len(result.segments) + 1, result, where)
            segment.slug = _unique(segment.slug, slugs)
            result.segments.append(segment)
        elif name in CHANNEL:
            _channel_element(channel, name, element, result)
        elif name in REBUILT:
            if name == "atom:link" and element.get("rel") == "self":
                channel.feed_url = element.get("href")
        else:
            result.lost[f"channel {name}"] += 1
    if channel.description is None:
        channel.description = _text(channel_element.find(f"{{{NAMESPACES['itunes']}}}summary"))
    _apply_url_policy(result)
    return result


def _published_url(url: str | None, what: str, result: FeedImport) -> str | None:
    """``url`` if we may publish it (``segments.urls``), else None and a warning of its kind."""
    if url is None or is_published_url(url):
        return url
    result.notes[f"{what} that is not an http(s) URL, left out"] += 1
    return None


def _apply_url_policy(result: FeedImport) -> None:
    """Leave out every URL the one URL policy refuses (javascript:, data:, file:, ...)."""
    channel = result.channel
    channel.link = _published_url(channel.link, "a channel link", result)
    channel.artwork = _published_url(channel.artwork, "artwork", result)
    channel.feed_url = _published_url(channel.feed_url, "an atom:link self", result)
    channel.funding = [f for f in channel.funding if _published_url(f.url, "funding", result)]
    for remote in channel.podroll:
        remote.feed_url = _published_url(remote.feed_url, "a podroll feedUrl", result)
    for segment in result.segments:
        segment.link = _published_url(segment.link, "an item link", result)
        if segment.audio is not None and not _published_url(
            segment.audio.url, "an enclosure", result
        ):
            segment.audio = None
        for person in segment.people:
            person.href = _published_url(person.href, "a person's href", result)
            person.img = _published_url(person.img, "a person's img", result)
        for chapter in segment.chapters:
            chapter.url = _published_url(chapter.url, "a chapter link", result)
            chapter.image = _published_url(chapter.image, "a chapter image", result)
        segment.chapters_url = _published_url(segment.chapters_url, "a chapters file", result)
        segment.transcripts = [
            t for t in segment.transcripts if _published_url(t.url, "a transcript", result)
        ]
        for problem in drop_refused_values(segment):  # an episode number of 1e20, a size of 0
            result.notes[f"{problem.split(':')[0]}: a value the value rules refuse, left out"] += 1


def _unique(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _channel_element(
    channel: Channel, name: str, element: etree._Element, result: FeedImport
) -> None:
    text = _text(element)
    if name in ("title", "link", "language", "copyright"):
        setattr(channel, name, text)
    elif name == "description":
        channel.description = _plain_text(text) if text else None
    elif name == "itunes:category":
        sub = next((c for c in element if _name(c) == "itunes:category"), None)
        main = element.get("text")
        if main:
            channel.categories.append((main, sub.get("text") if sub is not None else None))
    elif name == "itunes:explicit":
        channel.explicit = _flag(text)
    elif name == "itunes:author":
        channel.author = text
    elif name == "itunes:owner":
        for child in element:
            if _name(child) == "itunes:name":
                channel.owner_name = _text(child)
            elif _name(child) == "itunes:email":
                channel.owner_email = _text(child)
    elif name == "itunes:image":
        channel.artwork = element.get("href") or channel.artwork
    elif name == "image":
        channel.artwork = channel.artwork or _text(element.find("url"))
    elif name == "itunes:type":
        channel.type = text
    elif name == "podcast:guid":
        channel.podcast_guid = text
    elif name == "podcast:locked":
        channel.locked = _flag(text)
        if channel.owner_email is None and element.get("owner"):
            channel.owner_email = element.get("owner")
    elif name == "podcast:funding":
        url = element.get("url")
        if url:
            channel.funding.append(Funding(url=url, label=text or url))
    elif name == "podcast:license":
        channel.license = text
        if element.get("url"):
            result.lost["channel podcast:license url"] += 1
    elif name == "podcast:txt" and text:
        channel.txt.append(TxtRecord(text=text, purpose=element.get("purpose")))
    elif name == "podcast:podroll":
        for child in element:
            guid = child.get("feedGuid") if isinstance(child.tag, str) else None
            if _name(child) == "podcast:remoteItem" and guid:
                channel.podroll.append(RemoteFeed(feed_guid=guid, feed_url=child.get("feedUrl")))
    elif name == "podcast:person":
        role = (element.get("role") or "host").lower()
        if text and role == "host":
            channel.hosts.append(text)
        elif text:
            result.lost[f"channel podcast:person role {role!r}"] += 1


def _plain_text(html: str) -> str:
    """Return the text of a description, paragraphs separated by a blank line."""
    if "<" not in html:
        return "\n\n".join(normalise_space(p) for p in re.split(r"\n\s*\n", html) if p.strip())
    try:
        fragment = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return normalise_space(re.sub(r"<[^>]+>", " ", html))
    _drop_active(fragment)
    for block in fragment.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr"):
        block.tail = "\n\n" + (block.tail or "")
    text = fragment.text_content()
    paragraphs = [normalise_space(p) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _drop_active(fragment: Any) -> None:
    """Remove what is not text (scripts, styles, embeds) before the text is taken."""
    for element in fragment.xpath(".//script | .//style | .//iframe | .//object | .//embed"):
        element.drop_tree()


def _markdown(html: str) -> str | None:
    """Return HTML show notes as Markdown (links, emphasis, lists kept; scripts and styles
    dropped, not turned into text). The notes renderer sanitises what it renders again."""
    from markdownify import markdownify

    try:
        fragment = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return None
    _drop_active(fragment)
    text = markdownify(lxml_html.tostring(fragment, encoding="unicode"), heading_style="ATX")
    text = re.sub(r"\n{3,}", "\n\n", str(text)).strip()
    return text or None


def _is_html(text: str) -> bool:
    return bool(re.search(r"<(?:p|a|b|i|em|strong|br|ul|ol|li|div|span|h\d)\b", text, re.I))


def _item(element: etree._Element, number: int, result: FeedImport, where: str) -> Segment:
    found: dict[str, etree._Element] = {}
    persons: list[etree._Element] = []
    transcripts: list[etree._Element] = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = _name(child)
        if name == "podcast:person":
            persons.append(child)
        elif name == "podcast:transcript":
            transcripts.append(child)
        elif name in ITEM:
            found.setdefault(name, child)
        elif name not in REBUILT:
            result.lost[f"item {name}"] += 1
    title = _text(found.get("title")) or f"Episode {number}"
    segment = Segment(slug=slugify(title) or f"episode-{number}", title=title)
    segment.source = Source(url=None, kind="feed")
    description = _text(found.get("description"))
    content = _text(found.get("content:encoded"))
    summary = description or content or _text(found.get("itunes:summary"))
    if summary:
        segment.summary = _plain_text(summary)
    notes = content or description
    if notes and _is_html(notes):
        segment.show_notes = _markdown(notes)
    segment.link = _text(found.get("link"))
    enclosure = found.get("enclosure")
    if enclosure is not None and enclosure.get("url"):
        length = enclosure.get("length")
        segment.audio = AudioRef(
            url=enclosure.get("url"),
            size_bytes=int(length) if length and length.strip().isdigit() else None,
            mime_type=enclosure.get("type"),
            duration_seconds=_seconds(_text(found.get("itunes:duration"))),
        )
        if segment.audio.size_bytes is None:
            result.notes["an enclosure without a length (asked of its server)"] += 1
    guid = _text(found.get("guid"))
    if guid is None and segment.audio is not None:
        guid = segment.audio.url
        result.notes["an item without a GUID gets its enclosure URL, as apps derived it"] += 1
    elif guid is None:
        result.notes["an item without a GUID or enclosure: a new GUID at first build"] += 1
    segment.guid = guid
    segment.published = _published(_text(found.get("pubDate")), result)
    segment.season = _whole(_text(found.get("itunes:season"))) or _whole(
        _text(found.get("podcast:season"))
    )
    segment.episode = _whole(_text(found.get("itunes:episode"))) or _whole(
        _text(found.get("podcast:episode"))
    )
    episode_type = (_text(found.get("itunes:episodeType")) or "full").lower()
    if episode_type in ("full", "trailer", "bonus"):
        segment.episode_type = episode_type  # type: ignore[assignment]
    segment.explicit = _flag(_text(found.get("itunes:explicit")))
    for person in persons:
        role = ROLES.get((person.get("role") or "host").lower())
        who = _text(person)
        if who is None:
            result.lost["item podcast:person without a name"] += 1
            continue
        if role is None:  # our roles are the ones a radio segment names (segments.model.ROLES)
            result.lost[f"item podcast:person role {person.get('role')!r}"] += 1
            continue
        segment.people.append(
            Person(name=who, role=role, href=person.get("href"), img=person.get("img"))  # type: ignore[arg-type]
        )
    chapters = found.get("podcast:chapters")
    if chapters is not None and chapters.get("url"):
        segment.chapters_url = chapters.get("url", "").strip()
        if " " in segment.chapters_url:  # not a URL as written; servers read %20 as the space
            segment.chapters_url = segment.chapters_url.replace(" ", "%20")
            result.notes["a podcast:chapters URL with spaces: written with %20"] += 1
    psc = found.get("psc:chapters")
    if psc is not None:
        segment.chapters = _psc_chapters(psc, result)
    for transcript in transcripts:
        url, kind = transcript.get("url"), transcript.get("type")
        if url and kind:
            segment.transcripts.append(
                TranscriptRef(url, kind, transcript.get("language"), transcript.get("rel"))
            )
    return segment


def _published(text: str | None, result: FeedImport) -> datetime | None:
    if text is None:
        result.notes["an item without a pubDate: dated at its first build"] += 1
        return None
    parsed = parse_rfc2822(text, obsolete=True)
    if parsed is None:
        result.notes[f"a pubDate that is not an RFC 2822 date ({text!r}): dated at build"] += 1
        return None
    when = parsed[0]
    if when.tzinfo is None:
        result.notes["a pubDate with a zone RFC 2822 does not define: read as UTC"] += 1
        when = when.replace(tzinfo=UTC)
    return when


def _psc_chapters(element: etree._Element, result: FeedImport) -> list[Chapter]:
    """Podlove Simple Chapters (https://podlove.org/simple-chapters/): start, title, href, image."""
    chapters = []
    for child in element:
        if not isinstance(child.tag, str) or _name(child) != "psc:chapter":
            continue
        start = _seconds(child.get("start") or "")
        title = (child.get("title") or "").strip()
        if start is None or not title:
            result.lost["psc:chapter without a start or title"] += 1
            continue
        chapters.append(
            Chapter(
                start_seconds=start, title=title, url=child.get("href"), image=child.get("image")
            )
        )
    return sorted(chapters, key=lambda c: c.start_seconds)
