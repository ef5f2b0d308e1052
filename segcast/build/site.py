"""Stage: the show's website (show page, a page per episode, stylesheet, airtimes calendar).

Pages are rendered by ``feeds.site``; an episode page whose inputs did not change since the last
build (its segment file, its feed item, show.toml, the site's templates) is not rendered again:
the previous OUT's copy is staged instead, so a no-change rebuild of a large archive costs little.
The clock enters only the show page and the calendar (next airings), at the hour.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from importlib import resources
from pathlib import Path

from feeds.site import (
    CALENDAR_FILE,
    INDEX_PAGE,
    STATIC_FILES,
    airtimes_ics,
    check_slugs,
    episode_page,
    has_calendar,
    render_episode_page,
    render_show_page,
    static_file,
)
from segcast.build.cache import BuildCache, step_key
from segcast.build.episode import BuildReport, Episode
from segcast.build.layout import FEED_NAME
from segcast.config import ShowConfig
from segments.errors import SegcastError

__all__ = ["PAGE_STEP", "SitePage", "render_site"]

#: The cache step of a rendered page; bump the version when rendering changes.
PAGE_STEP = "page"
PAGE_VERSION = 1


@dataclasses.dataclass(frozen=True)
class SitePage:
    """One file of the site: its name in OUT, its cache key, and its bytes (None: OUT has it)."""

    name: str
    key: str | None
    data: bytes | None


def _templates_hash() -> str:
    """Return one hash of the site's templates and static files (a changed template re-renders)."""
    root = resources.files("feeds.site")
    digest = hashlib.sha256()
    for folder in ("templates", "static"):
        for item in sorted((root / folder).iterdir(), key=lambda t: t.name):
            if item.is_file():
                digest.update(f"{folder}/{item.name}\0".encode())
                digest.update(item.read_bytes())
    return digest.hexdigest()


def _item_key(episode: Episode) -> list[object]:
    item = episode.item
    assert item is not None
    return [
        item.enclosure_url,
        item.length_bytes,
        item.mime_type,
        item.duration_seconds,
        [tuple(link) for link in item.transcripts],
        item.chapters_url,
        item.pub_date.isoformat(),
        item.segment.guid,
        # Chapter times as published: an intro of another length shifts them (``timeline``).
        [dataclasses.astuple(chapter) for chapter in item.segment.chapters],
    ]


def render_site(
    config: ShowConfig,
    episodes: list[Episode],
    report: BuildReport,
    cache: BuildCache | None,
    out: Path,
    now: dt.datetime,
) -> list[SitePage] | None:
    """Return the site's files, None on a problem (it is recorded; nothing is published).

    Pages OUT already holds as they would be rendered come without bytes.
    """
    try:
        return _render(config, episodes, cache, out, now)
    except SegcastError as exc:
        report.problem(exc)
        return None


def _render(
    config: ShowConfig,
    episodes: list[Episode],
    cache: BuildCache | None,
    out: Path,
    now: dt.datetime,
) -> list[SitePage]:
    show = config.show
    items = [episode.item for episode in episodes if episode.item is not None]
    check_slugs(items)
    hour = now.astimezone(dt.UTC).replace(minute=0, second=0, microsecond=0)
    site = _templates_hash()
    show_key = cache.hash(config.path) if cache is not None else None
    pages: list[SitePage] = []
    for episode in episodes:
        if episode.item is None:
            continue
        name = episode_page(episode.slug)
        key = None
        if cache is not None:
            segment_hash = cache.hash(episode.path)
            key = step_key(
                PAGE_STEP, PAGE_VERSION, site, show_key, segment_hash, _item_key(episode)
            )
            if cache.done(PAGE_STEP, name, key, out / name) is not None:
                pages.append(SitePage(name, key, None))
                continue
        pages.append(
            SitePage(name, key, render_episode_page(show, episode.item, feed_name=FEED_NAME))
        )
    listing = [(e.slug, e.item.segment.title, _item_key(e)) for e in episodes if e.item is not None]
    index_key = step_key(PAGE_STEP, PAGE_VERSION, site, show_key, hour.isoformat(), listing)
    if cache is not None and cache.done(PAGE_STEP, INDEX_PAGE, index_key, out / INDEX_PAGE):
        pages.append(SitePage(INDEX_PAGE, index_key, None))
    else:
        index = render_show_page(show, items, feed_name=FEED_NAME, now=hour)
        pages.append(SitePage(INDEX_PAGE, index_key, index))
    pages.extend(SitePage(name, None, static_file(name)) for name in STATIC_FILES)
    if has_calendar(show):
        pages.append(SitePage(CALENDAR_FILE, None, airtimes_ics(show, now=hour)))
    return pages
