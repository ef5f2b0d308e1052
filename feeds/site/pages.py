"""The show's website, rendered from data: a show page, a page per episode, a stylesheet.

Pure: a show and its feed episodes in, ``{path under the publish folder: bytes}`` out. Pages link
to the published files relatively (an URL under the show's ``base_url`` loses that prefix), so
the same folder works uploaded and in a local preview; URLs elsewhere stay absolute.

Everything a producer or an imported page wrote reaches the HTML through Jinja2's autoescaping,
through ``feeds.sanitize`` (show notes), or through ``safe_url`` (links and images: http(s)
only), and JSON-LD through ``json_for_script``. The one script is a static file of ours. Before
any page is rendered, every URL of the show and the episode is checked against the one URL
policy (``feeds.rss.check_published``): a ``javascript:`` link is an error, never a page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from importlib import resources
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from feeds.rss import Episode, check_published
from feeds.sanitize import sanitize_html
from feeds.shownotes import show_notes
from feeds.site.calendar import airtimes_ics
from feeds.site.formats import (
    format_airing,
    format_date,
    format_duration,
    format_size,
    iso_duration,
    json_for_script,
    relative_url,
    safe_url,
    zone_name,
)
from segments.errors import FeedError, InputError, ScheduleError
from segments.files import plain_name
from segments.model import Image, Segment, Show
from segments.schedule import check_timezone, describe, next_airings
from segments.timecode import format_clock

#: Files of ours copied beside the pages, from ``feeds/site/static/``.
STATIC_FILES = ("style.css", "site.js")

#: The show page and the calendar; an episode page may not take either name.
INDEX_PAGE = "index.html"
CALENDAR_FILE = "airtimes.ics"

#: How many next airings the show page lists.
NEXT_AIRINGS = 3

#: Open Graph / meta descriptions are cut here (Facebook and Slack show about this much).
META_DESCRIPTION_CHARS = 300

#: Transcript MIME type -> the label of its link on an episode page.
TRANSCRIPT_LABELS: dict[str, str] = {
    "text/html": "Transcript (HTML)",
    "text/vtt": "Captions (WebVTT)",
    "application/x-subrip": "Captions (SRT)",
    "application/json": "Timed transcript (JSON)",
}

_ENV = Environment(
    loader=PackageLoader("feeds.site", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)

_HEADING_TAG = re.compile(r"<(/?)h([1-6])>")


@dataclass
class Link:
    """A link as a page shows it."""

    href: str
    label: str


@dataclass
class Figure:
    """A photo: where it is, its alt text (the caption), caption and credit as printed."""

    src: str
    alt: str
    caption: str | None
    credit: str | None


@dataclass
class ChapterLink:
    """A chapter: a media-fragment link into the audio (``#t=SECONDS``) and its title."""

    href: str
    seconds: float
    iso: str
    clock: str
    title: str


@dataclass
class TranscriptPart:
    """One transcript section as the page shows it."""

    heading: str | None
    question: str | None
    questioner: str | None
    speaker: str | None
    paragraphs: list[str]
    seek: ChapterLink | None = None


@dataclass
class EpisodeView:
    """What the templates need of one episode, every URL already checked and made relative."""

    slug: str
    page: str
    url: str | None
    title: str
    summary: str | None
    date_text: str
    date_iso: str
    duration_text: str | None
    duration_iso: str | None
    audio_src: str | None
    mime_type: str
    size_text: str
    figure: Figure | None
    notes_html: Markup
    chapters: list[ChapterLink]
    transcript: list[TranscriptPart]
    files: list[Link]


def shift_headings(html: str, top: int) -> str:
    """Renumber the headings of sanitised show notes so the highest becomes ``h{top}``.

    Levels keep their order and lose their gaps, so notes written with ``##`` and ``####`` sit
    under the page's own ``h2`` as ``h3`` and ``h4``.

    >>> shift_headings("<h2>A</h2><p>x</p><h4>B</h4>", 3)
    '<h3>A</h3><p>x</p><h4>B</h4>'
    """
    levels = sorted({int(m.group(2)) for m in _HEADING_TAG.finditer(html)})
    mapping = {level: min(top + rank, 6) for rank, level in enumerate(levels)}
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{mapping[int(m.group(2))]}>", html)


def paragraphs(text: str | None) -> list[str]:
    """Split plain text into paragraphs at blank lines, whitespace collapsed."""
    if not text:
        return []
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def meta_description(text: str | None) -> str | None:
    """Return plain text cut at a word to ``META_DESCRIPTION_CHARS``, or None."""
    if not text:
        return None
    flat = " ".join(text.split())
    if len(flat) <= META_DESCRIPTION_CHARS:
        return flat
    return flat[: META_DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0] + "…"


def episode_page(slug: str) -> str:
    """Return the file name of an episode's page: ``<slug>.html``, beside everything it links."""
    return f"{slug}.html"


def _figure(images: Sequence[Image], show: Show) -> Figure | None:
    """Return the episode's first photo that has an address, else the show's artwork."""
    for image in images:
        src = relative_url(image.url, show.base_url)
        if src is not None:
            alt = image.caption or ""  # an empty alt marks a photo nobody described as decorative
            return Figure(src=src, alt=alt, caption=image.caption, credit=image.credit)
    artwork = relative_url(show.artwork, show.base_url)
    if artwork is not None:
        return Figure(src=artwork, alt=f"{show.title or 'Show'} artwork", caption=None, credit=None)
    return None


def _share_image(segment: Segment, show: Show) -> str | None:
    """Return the absolute URL of the image a shared link shows: the photo, else the artwork."""
    photos = (safe_url(image.url) for image in segment.images)
    return next((url for url in photos if url is not None), safe_url(show.artwork))


def _seek(audio_src: str | None, seconds: float, title: str) -> ChapterLink | None:
    if audio_src is None:
        return None
    fragment = f"{round(seconds, 3):g}"
    base = audio_src.split("#", 1)[0]
    return ChapterLink(
        href=f"{base}#t={fragment}",
        seconds=seconds,
        iso=iso_duration(seconds),
        clock=format_clock(seconds),
        title=title,
    )


def _transcript(segment: Segment, audio_src: str | None) -> list[TranscriptPart]:
    parts = []
    for section in segment.transcript:
        texts = [" ".join(p.split()) for p in section.paragraphs if p.strip()]
        seek = None
        if section.start_seconds is not None:
            seek = _seek(audio_src, section.start_seconds, section.heading or "")
        parts.append(
            TranscriptPart(
                heading=section.heading,
                question=section.question,
                questioner=section.questioner,
                speaker=section.speaker if texts else None,
                paragraphs=texts,
                seek=seek,
            )
        )
    return parts


def _notes(show: Show, episode: Episode, chapter_links: bool) -> Markup:
    """Return the show notes for the page: the feed's, less the chapter lines the page links.

    The feed's notes list chapters as text ("(00:41) ..."), for Spotify; a page that shows them
    as links gets the same notes made without them by ``feeds.shownotes``.
    """
    notes = episode.content_html
    segment = episode.segment
    if notes and chapter_links and segment.chapters:
        transcript = next((t.url for t in episode.transcripts if t.type == "text/html"), None)
        without = replace(segment, chapters=[])
        notes = show_notes(without, show, transcript_url=transcript).content
    if notes:
        # Sanitised by the show-notes stage already; cleaned again because this is a new place.
        return Markup(shift_headings(sanitize_html(notes), 3))
    summary = paragraphs(episode.segment.summary)
    return Markup("").join(Markup("<p>{}</p>").format(text) for text in summary)


def _files(show: Show, episode: Episode, feed_name: str) -> list[Link]:
    links = []
    for transcript in episode.transcripts:
        href = relative_url(transcript.url, show.base_url)
        if href is not None:
            label = TRANSCRIPT_LABELS.get(transcript.type, f"Transcript ({transcript.type})")
            links.append(Link(href=href, label=label))
    chapters = relative_url(episode.chapters_url, show.base_url)
    if chapters is not None:
        links.append(Link(href=chapters, label="Chapters (JSON)"))
    links.append(Link(href=quote(feed_name), label="Podcast feed (RSS)"))
    return links


def _absolute(show: Show, name: str) -> str | None:
    base = safe_url(show.base_url)
    return base + quote(name) if base is not None and base.endswith("/") else None


def episode_page_url(show: Show, slug: str) -> str | None:
    """Return the address of an episode's page once published under ``base_url`` (or None)."""
    return _absolute(show, episode_page(slug))


def _local(show: Show, moment: datetime) -> datetime:
    """Return ``moment`` in the show's time zone, when it has one."""
    if show.schedule is not None and show.schedule.timezone is not None:
        return moment.astimezone(check_timezone(show.schedule.timezone))
    return moment


def _episode_view(show: Show, episode: Episode, feed_name: str) -> EpisodeView:
    segment = episode.segment
    audio_src = relative_url(episode.enclosure_url, show.base_url)
    page = episode_page(segment.slug)
    chapters = [
        link
        for chapter in segment.chapters
        if (link := _seek(audio_src, chapter.start_seconds, chapter.title)) is not None
    ]
    duration = episode.duration_seconds
    published = _local(show, episode.pub_date)
    return EpisodeView(
        slug=segment.slug,
        page=quote(page),
        url=_absolute(show, page),
        title=segment.title,
        summary=meta_description(segment.summary),
        date_text=format_date(published),
        date_iso=published.isoformat(),
        duration_text=format_duration(duration) if duration is not None else None,
        duration_iso=iso_duration(duration) if duration is not None else None,
        audio_src=audio_src,
        mime_type=episode.mime_type,
        size_text=format_size(episode.length_bytes),
        figure=_figure(segment.images, show),
        notes_html=_notes(show, episode, bool(chapters)),
        chapters=chapters,
        transcript=_transcript(segment, audio_src),
        files=_files(show, episode, feed_name),
    )


def _series_jsonld(show: Show) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "PodcastSeries"}
    optional = {
        "name": show.title,
        "description": show.description,
        "url": safe_url(show.link),
        "webFeed": safe_url(show.feed_url),
        "image": safe_url(show.artwork),
        "inLanguage": show.language,
    }
    data.update({key: value for key, value in optional.items() if value})
    if show.hosts:
        data["actor"] = [{"@type": "Person", "name": host} for host in show.hosts]
    return data


def _episode_jsonld(show: Show, episode: Episode, view: EpisodeView) -> dict[str, Any]:
    media: dict[str, Any] = {
        "@type": "MediaObject",
        "encodingFormat": episode.mime_type,
        "contentSize": view.size_text,
    }
    if (url := safe_url(episode.enclosure_url)) is not None:
        media["contentUrl"] = url
    if view.duration_iso:
        media["duration"] = view.duration_iso
    series = {k: v for k, v in _series_jsonld(show).items() if k in ("@type", "name", "url")}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "PodcastEpisode",
        "name": view.title,
        "datePublished": view.date_iso,
        "associatedMedia": media,
        "partOfSeries": series,
    }
    optional = {
        "url": view.url,
        "description": view.summary,
        "image": _share_image(episode.segment, show),
        "episodeNumber": episode.segment.episode,
        "timeRequired": view.duration_iso,
    }
    data.update({key: value for key, value in optional.items() if value is not None})
    return data


def _og_common(show: Show, title: str, description: str | None, url: str | None) -> list[Any]:
    tags = [("og:site_name", show.title), ("og:title", title), ("og:description", description)]
    return [*tags, ("og:url", url)]


def _episode_og(show: Show, episode: Episode, view: EpisodeView) -> list[tuple[str, str]]:
    image = _share_image(episode.segment, show)
    tags = _og_common(show, view.title, view.summary or show.description, view.url)
    tags += [
        ("og:type", "article"),
        ("og:image", image),
        ("og:image:alt", view.figure.alt if view.figure else None),
        ("og:audio", safe_url(episode.enclosure_url)),
        ("og:audio:type", episode.mime_type),
        ("article:published_time", view.date_iso),
    ]
    return [(name, str(value)) for name, value in tags if value]


def _airings(show: Show, now: datetime) -> tuple[str | None, str | None, list[tuple[str, str]]]:
    """Return the airtimes sentence, the zone's name, and the next airings (ISO, text)."""
    schedule = show.schedule
    if schedule is None or not schedule.airtimes:
        return None, None, []
    sentence = describe(replace(schedule, timezone=None))  # the zone is named apart
    if schedule.timezone is None:
        return sentence, None, []
    try:
        upcoming = next_airings(schedule, now, NEXT_AIRINGS)
    except ScheduleError:
        return sentence, None, []
    airings = [(moment.isoformat(), format_airing(moment)) for moment in upcoming]
    return sentence, zone_name(schedule.timezone), airings


def check_slugs(episodes: Sequence[Episode]) -> None:
    seen: set[str] = set()
    for episode in episodes:
        slug = episode.segment.slug
        where = episode.source or f"segment {slug}"
        page = episode_page(slug)
        try:
            plain_name(slug, ".html")  # the one rule for files named after a slug
        except InputError:
            plain = False
        else:
            plain = page != INDEX_PAGE
        if not plain:
            raise FeedError(f"slug {slug!r} cannot name an episode page ({page})", where)
        if slug in seen:
            raise FeedError(f"slug {slug!r} is used by two episodes", where)
        seen.add(slug)


def static_file(name: str) -> bytes:
    """Return one of the site's own static files (stylesheet, script) as shipped."""
    return (resources.files("feeds.site") / "static" / name).read_bytes()


def has_calendar(show: Show) -> bool:
    """Tell whether the site has ``airtimes.ics``: airtimes in a known time zone."""
    schedule = show.schedule
    return schedule is not None and bool(schedule.airtimes) and schedule.timezone is not None


def _common(show: Show, feed_name: str) -> dict[str, Any]:
    """Return what every page's frame needs: depends on the show alone, never on the clock."""
    return {
        "show": show,
        "lang": show.language or "und",
        "artwork": relative_url(show.artwork, show.base_url),
        "feed_href": quote(feed_name),
        "feed_url": safe_url(show.feed_url),
        "link": safe_url(show.link),
        "calendar": CALENDAR_FILE if has_calendar(show) else None,
    }


def render_episode_page(show: Show, episode: Episode, *, feed_name: str = "feed.xml") -> bytes:
    """Return the page of one episode (``<slug>.html``).

    Its bytes depend on the show and this episode only (not on the clock nor on other
    episodes), so a build may keep the page of an unchanged episode.
    """
    check_published(show, [episode])
    view = _episode_view(show, episode, feed_name)
    lang = episode.language or episode.segment.language or show.language or "und"
    return _render(
        "episode.html",
        {**_common(show, feed_name), "lang": lang},
        episode=view,
        og=_episode_og(show, episode, view),
        canonical=view.url,
        jsonld=Markup(json_for_script(_episode_jsonld(show, episode, view))),
    )


def _list_entry(show: Show, episode: Episode) -> dict[str, Any]:
    published = _local(show, episode.pub_date)
    duration = episode.duration_seconds
    return {
        "page": quote(episode_page(episode.segment.slug)),
        "title": episode.segment.title,
        "summary": meta_description(episode.segment.summary),
        "date_text": format_date(published),
        "date_iso": published.isoformat(),
        "duration_text": format_duration(duration) if duration is not None else None,
        "duration_iso": iso_duration(duration) if duration is not None else None,
    }


def render_show_page(
    show: Show, episodes: Sequence[Episode], *, feed_name: str = "feed.xml", now: datetime
) -> bytes:
    """Return the show page (``index.html``): the show, its next airings after ``now``, and
    the episodes newest first."""
    if now.tzinfo is None:
        raise FeedError("the build time has no time zone", "site")
    check_published(show, list(episodes))
    ordered = sorted(episodes, key=lambda ep: ep.pub_date, reverse=True)
    sentence, zone, airings = _airings(show, now)
    show_og = _og_common(show, show.title or "", meta_description(show.description), None)
    show_og += [("og:type", "website"), ("og:image", safe_url(show.artwork))]
    show_og += [("og:url", safe_url(show.base_url) or safe_url(show.link))]
    return _render(
        "index.html",
        _common(show, feed_name),
        episodes=[_list_entry(show, episode) for episode in ordered],
        description=paragraphs(show.description),
        airtimes=sentence,
        zone=zone,
        airings=airings,
        og=[(name, str(value)) for name, value in dict(show_og).items() if value],
        canonical=safe_url(show.base_url),
        jsonld=Markup(json_for_script(_series_jsonld(show))),
    )


def render_site(
    show: Show,
    episodes: Sequence[Episode],
    *,
    feed_name: str = "feed.xml",
    now: datetime,
) -> dict[str, bytes]:
    """Return the site's files: ``index.html``, ``<slug>.html`` per episode, stylesheet, script,
    and ``airtimes.ics`` when the show has airtimes in a time zone.

    ``now`` (tz-aware) is when the site is built: the show page lists the airings after it and
    the calendar's events start at the first of them. Episode pages do not depend on it.

    Raises:
        FeedError: an episode's slug cannot name a page, or two episodes share one; a URL of the
            show or an episode is not one we publish (``segments.urls``).
    """
    check_slugs(episodes)
    files = {INDEX_PAGE: render_show_page(show, episodes, feed_name=feed_name, now=now)}
    for episode in episodes:
        page = render_episode_page(show, episode, feed_name=feed_name)
        files[episode_page(episode.segment.slug)] = page
    for name in STATIC_FILES:
        files[name] = static_file(name)
    if has_calendar(show):
        files[CALENDAR_FILE] = airtimes_ics(show, now=now)
    return files


def _render(template: str, common: dict[str, Any], **context: Any) -> bytes:
    return _ENV.get_template(template).render(**common, **context).encode("utf-8")
