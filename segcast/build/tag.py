"""Stage: tag each mastered file with its segment, the show, the cover and the chapters.

A file is tagged again only when a tag would change (its fields, cover or chapters) or the file
is not the one last tagged: a no-change rebuild rewrites no MP3, so its mtime stays and an upload
tool sends nothing.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

from audio.cover import prepare_cover
from audio.tags import tag_fields, write_tags
from segcast.build.cache import BuildCache, step_key
from segcast.build.episode import BuildReport, Episode
from segcast.build.guids import store_new_guid
from segcast.build.jobs import Job, JobPool
from segcast.build.master import MASTER_STEP
from segcast.config import ShowConfig
from segments.errors import SegcastError
from segments.model import Segment, Show

__all__ = ["TAG_STEP", "prepared_cover", "tag_audio", "tag_episode", "tag_job"]

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


def tag_job(
    file: Path, segment: Segment, show: Show | None, artwork: Path | None, artwork_hash: str | None
) -> None:
    """One tag job (on a worker, or here): the cover is prepared from ``artwork`` once a process.

    The job carries the artwork's path and hash, not its bytes: 50,000 jobs on a cluster would
    otherwise each ship the same 300 KB.
    """
    cover = prepared_cover(artwork, artwork_hash) if artwork is not None and artwork_hash else None
    tag_episode(file, segment, show, cover)


@functools.lru_cache(maxsize=4)
def prepared_cover(artwork: Path, artwork_hash: str) -> bytes:
    """Return the cover ``audio.cover.prepare_cover`` makes of ``artwork`` (by its content hash)."""
    return prepare_cover(artwork)


def tag_key(segment: Segment, show: Show, cover_hash: str | None) -> str:
    """Return the cache key of the tags ``segment`` of ``show`` gets: what is written, no more."""
    fields = dataclasses.asdict(tag_fields(segment, show))
    chapters = [dataclasses.asdict(chapter) for chapter in segment.chapters]
    return step_key(TAG_STEP, TAG_VERSION, fields, chapters, cover_hash)


def tag_audio(
    config: ShowConfig,
    episodes: list[Episode],
    report: BuildReport,
    cache: BuildCache,
    pool: JobPool,
) -> list[Episode]:
    """Tag every episode the master stage left with a mastered file, as jobs on ``pool``.

    A GUID (or date) this run assigned is stored in the segment file first, here: the GUID is a
    tag (TGID), and tags must not change after the feed has stated the file's length.
    """
    mastered = sorted((e for e in episodes if e.mastered), key=lambda e: e.slug)
    if not mastered:
        return episodes
    artwork = config.artwork_file
    cover_hash = cache.hash(artwork) if artwork is not None else None
    cover_read = False
    todo: list[Job[None]] = []
    planned: dict[str, tuple[Episode, str, dict[str, object] | None]] = {}
    for episode in mastered:
        assert episode.audio is not None
        try:
            key = tag_key(episode.segment, config.show, cover_hash)
            if cache.done(TAG_STEP, episode.slug, key, episode.audio) is not None:
                report.tags_unchanged.append(episode.slug)
                continue
            if not cover_read and artwork is not None and cover_hash is not None:
                cover_read = True
                try:
                    prepared_cover(artwork, cover_hash)  # checked once, here
                except SegcastError as exc:
                    report.problem(exc)
                    artwork = None  # tagged without a new cover, as before
            store_new_guid(episode)
            # The master's record must follow the file through tagging, or the next build would
            # take the tagged file for a stale master.
            master = cache.done(MASTER_STEP, episode.slug, episode.master_key or "", episode.audio)
        except SegcastError as exc:
            report.problem(exc, episode)
            continue
        planned[episode.slug] = (episode, key, master)
        args = (episode.audio, episode.segment, config.show, artwork, cover_hash)
        todo.append(Job(episode.slug, episode.audio, tag_job, args))
    for outcome in pool.run("tag", todo):
        episode, key, master = planned[outcome.job.name]
        assert episode.audio is not None
        if outcome.error is not None:
            report.problem(outcome.error, episode)
            continue
        if master is not None and episode.master_key is not None:
            cache.record(MASTER_STEP, episode.slug, episode.master_key, episode.audio)
        cache.record(TAG_STEP, episode.slug, key, episode.audio)
        cache.commit()
        report.tagged.append(episode.slug)
    report.tagged.sort()
    return episodes
