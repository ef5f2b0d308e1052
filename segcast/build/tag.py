"""Stage: tag each mastered file with its segment, the show, the cover and the chapters.

A file is tagged again only when a tag would change (its fields, cover or chapters) or the file
is not the one last tagged: a no-change rebuild rewrites no MP3, so its mtime stays and an upload
tool sends nothing.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from audio.cover import prepare_cover
from audio.tags import tag_fields, write_tags
from segcast.build.cache import BuildCache, step_key
from segcast.build.episode import BuildReport, Episode
from segcast.build.guids import store_new_guid
from segcast.build.master import MASTER_STEP
from segcast.config import ShowConfig
from segments.errors import SegcastError
from segments.model import Segment, Show

__all__ = ["TAG_STEP", "tag_audio", "tag_episode"]

#: The cache step name of tagging; bump the version when tagging changes what it writes.
TAG_STEP = "tag"
TAG_VERSION = 1


def tag_episode(
    file: Path, segment: Segment, show: Show | None, cover: bytes | None, *, id3_version: int = 3
) -> None:
    """Write ``segment``'s tags of ``show`` into ``file``: fields, cover, chapters (in place)."""
    write_tags(
        file,
        tag_fields(segment, show),
        cover=cover,
        chapters=segment.chapters,
        id3_version=id3_version,
    )


def tag_key(segment: Segment, show: Show, cover_hash: str | None) -> str:
    """Return the cache key of the tags ``segment`` of ``show`` gets: what is written, no more."""
    fields = dataclasses.asdict(tag_fields(segment, show))
    chapters = [dataclasses.asdict(chapter) for chapter in segment.chapters]
    return step_key(TAG_STEP, TAG_VERSION, fields, chapters, cover_hash)


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
        try:
            key = tag_key(episode.segment, config.show, cover_hash)
            if cache.done(TAG_STEP, episode.slug, key, episode.audio) is not None:
                report.tags_unchanged.append(episode.slug)
                continue
            if not cover_read and config.artwork_file is not None:
                cover_read = True
                try:
                    cover = prepare_cover(config.artwork_file)
                except SegcastError as exc:
                    report.problem(exc)
            store_new_guid(episode)
            # The master's record must follow the file through tagging, or the next build would
            # take the tagged file for a stale master.
            master = cache.done(MASTER_STEP, episode.slug, episode.master_key or "", episode.audio)
            tag_episode(episode.audio, episode.segment, config.show, cover)
        except SegcastError as exc:
            report.problem(exc, episode)
            continue
        if master is not None and episode.master_key is not None:
            cache.record(MASTER_STEP, episode.slug, episode.master_key, episode.audio, master)
        cache.record(TAG_STEP, episode.slug, key, episode.audio)
        cache.commit()
        report.tagged.append(episode.slug)
    return episodes
