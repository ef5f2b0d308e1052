"""Stage: tag each mastered file with its segment, the show, the cover and the chapters.

A file is tagged again only when a tag would change (its fields, cover or chapters) or the file
is not the one last tagged: a no-change rebuild rewrites no MP3, so its mtime stays and an upload
tool sends nothing.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from audio.cover import prepare_cover
from audio.tags import URL_FIELDS, TagFields, tag_fields, write_tags
from feeds.sanitize import plain_text
from feeds.site import episode_page_url
from segcast.build.alternates import ALTERNATE_STEP
from segcast.build.cache import BuildCache, step_key
from segcast.build.episode import BuildReport, Episode
from segcast.build.guids import store_new_guid
from segcast.build.master import MASTER_STEP
from segcast.config import ShowConfig
from segments.errors import SegcastError
from segments.model import Chapter, Segment, Show
from segments.urls import resolve_url

__all__ = ["TAG_STEP", "tag_audio", "tag_episode"]

#: The cache step name of tagging; bump the version when tagging changes what it writes.
TAG_STEP = "tag"
TAG_VERSION = 2  # 2: TPE2, TCOP, WOAS the episode's page, no encoder tag


def episode_tags(
    segment: Segment, show: Show | None, *, page: bool
) -> tuple[TagFields, list[Chapter]]:
    """Return the fields and chapters ``segment`` of ``show`` is tagged with.

    With ``page`` (the build publishes the site) WOAS is the episode's page; chapter URLs
    relative to the show's ``base_url`` are made absolute (ID3 WXXX has no base to resolve from).
    Text is :func:`feeds.sanitize.plain_text`: players and the sites that read tags may show it
    as HTML, so markup a page or producer typed is removed.
    """
    base_url = show.base_url if show else None
    page_url = episode_page_url(show, segment.slug) if show and page else None
    chapters = [
        dataclasses.replace(
            c, title=plain_text(c.title), url=resolve_url(c.url, base_url) if c.url else None
        )
        for c in segment.chapters
    ]
    fields = tag_fields(segment, show, page_url)
    texts: dict[str, Any] = {
        name: plain_text(value)
        for name, value in dataclasses.asdict(fields).items()
        if isinstance(value, str) and name not in URL_FIELDS and name != "language"
    }
    return dataclasses.replace(fields, **texts), chapters


def tag_episode(
    file: Path,
    segment: Segment,
    show: Show | None,
    cover: bytes | None,
    *,
    id3_version: int = 3,
    segment_file: Path | None = None,
    page: bool = False,
) -> None:
    """Write ``segment``'s tags of ``show`` into ``file``: fields, cover, chapters (in place).

    ``segment_file`` is named in chapter errors: the feed stage checks the same chapters and
    names the same file, so the producer sees the problem once, where it is fixed.
    """
    fields, chapters = episode_tags(segment, show, page=page)
    write_tags(
        file,
        fields,
        cover=cover,
        chapters=chapters,
        id3_version=id3_version,
        chapters_from=segment_file,
    )


def tag_key(segment: Segment, show: Show, cover_hash: str | None) -> str:
    """Return the cache key of the tags ``segment`` of ``show`` gets: what is written, no more."""
    fields, chapters = episode_tags(segment, show, page=True)
    parts = [dataclasses.asdict(chapter) for chapter in chapters]
    return step_key(TAG_STEP, TAG_VERSION, dataclasses.asdict(fields), parts, cover_hash)


def tag_audio(
    config: ShowConfig, episodes: list[Episode], report: BuildReport, cache: BuildCache
) -> list[Episode]:
    """Tag every episode the master stage left with a mastered file, in slug order.

    A GUID (or date) this run assigned is stored in the segment file first: the GUID is a tag
    (TGID), and tags must not change after the feed has stated the file's length.
    """
    mastered = sorted((e for e in episodes if e.mastered), key=lambda e: e.slug)
    if not mastered:
        return episodes
    cover_hash = cache.hash(config.artwork_file) if config.artwork_file is not None else None
    cover: bytes | None = None
    cover_read = False
    for episode in mastered:
        assert episode.audio is not None
        # The mastered file, then each alternate: (file, the step that made it, its key there,
        # the tag record's name). Each is tagged only when its own tags would change.
        files: list[tuple[Path, str, str, str | None, str]] = [
            (episode.audio, MASTER_STEP, episode.slug, episode.master_key, episode.slug)
        ]
        for output, encoded_key in episode.alternates.values():
            files.append((output, ALTERNATE_STEP, output.name, encoded_key, output.name))
        tagged = False
        try:
            key = tag_key(episode.segment, config.show, cover_hash)
            for file, step, made_name, made_key, tag_name in files:
                if cache.done(TAG_STEP, tag_name, key, file) is not None:
                    continue
                if not cover_read and config.artwork_file is not None:
                    cover_read = True
                    try:
                        cover = prepare_cover(config.artwork_file)
                    except SegcastError as exc:
                        report.problem(exc)
                store_new_guid(episode)
                # The maker's record must follow the file through tagging, or the next build
                # would take the tagged file for a stale master (or encoding).
                made = cache.done(step, made_name, made_key or "", file)
                tag_episode(
                    file, episode.segment, config.show, cover, segment_file=episode.path, page=True
                )
                if made is not None and made_key is not None:
                    # With its data: the master's record keeps the shift it made (timeline).
                    cache.record(step, made_name, made_key, file, made)
                cache.record(TAG_STEP, tag_name, key, file)
                cache.commit()
                tagged = True
        except SegcastError as exc:
            report.problem(exc, episode)
            continue
        (report.tagged if tagged else report.tags_unchanged).append(episode.slug)
    return episodes
