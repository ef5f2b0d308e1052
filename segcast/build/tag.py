"""Stage: tag each mastered file with its segment, the show, the cover and the chapters.

A file is tagged again only when a tag would change (its fields, cover or chapters) or the file
is not the one last tagged: a no-change rebuild rewrites no MP3, so its mtime stays and an upload
tool sends nothing.
"""

from __future__ import annotations

import dataclasses
import functools
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
from segcast.build.jobs import Job, JobPool
from segcast.build.master import MASTER_STEP
from segcast.config import ShowConfig
from segments.errors import SegcastError
from segments.model import Chapter, Segment, Show
from segments.urls import resolve_url

__all__ = ["TAG_STEP", "prepared_cover", "tag_audio", "tag_episode", "tag_job"]

#: A maker's cache record that follows its file through tagging: (step, name, key, its data).
_Made = tuple[str, str, str, dict[str, Any]]

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


def tag_job(
    file: Path,
    segment: Segment,
    show: Show | None,
    artwork: Path | None,
    artwork_hash: str | None,
    segment_file: Path | None,
) -> None:
    """One tag job (on a worker, or here): the cover is prepared from ``artwork`` once a process.

    The job carries the artwork's path and hash, not its bytes: 50,000 jobs on a cluster would
    otherwise each ship the same 300 KB.
    """
    cover = prepared_cover(artwork, artwork_hash) if artwork is not None and artwork_hash else None
    tag_episode(file, segment, show, cover, segment_file=segment_file, page=True)


@functools.lru_cache(maxsize=4)
def prepared_cover(artwork: Path, artwork_hash: str) -> bytes:
    """Return the cover ``audio.cover.prepare_cover`` makes of ``artwork`` (by its content hash)."""
    return prepare_cover(artwork)


def tag_key(segment: Segment, show: Show, cover_hash: str | None) -> str:
    """Return the cache key of the tags ``segment`` of ``show`` gets: what is written, no more."""
    fields, chapters = episode_tags(segment, show, page=True)
    parts = [dataclasses.asdict(chapter) for chapter in chapters]
    return step_key(TAG_STEP, TAG_VERSION, dataclasses.asdict(fields), parts, cover_hash)


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
    #: Each job's (by its tag record's name) episode, tag key, and the maker's record to keep.
    planned: dict[str, tuple[Episode, str, _Made | None]] = {}
    planned_ok: list[Episode] = []
    for episode in mastered:
        assert episode.audio is not None
        # The mastered file, then each alternate: (file, the step that made it, its key there,
        # the tag record's name). Each is tagged only when its own tags would change.
        files: list[tuple[Path, str, str, str | None, str]] = [
            (episode.audio, MASTER_STEP, episode.slug, episode.master_key, episode.slug)
        ]
        for output, encoded_key in episode.alternates.values():
            files.append((output, ALTERNATE_STEP, output.name, encoded_key, output.name))
        jobs: list[tuple[Job[None], str, _Made | None]] = []
        try:
            key = tag_key(episode.segment, config.show, cover_hash)
            for file, step, made_name, made_key, tag_name in files:
                if cache.done(TAG_STEP, tag_name, key, file) is not None:
                    continue
                if not cover_read and artwork is not None and cover_hash is not None:
                    cover_read = True
                    try:
                        prepared_cover(artwork, cover_hash)  # checked once, here
                    except SegcastError as exc:
                        report.problem(exc)
                        artwork = None  # tagged without a new cover
                store_new_guid(episode)
                # The maker's record must follow the file through tagging, or the next build
                # would take the tagged file for a stale master (or encoding): read it now,
                # while the file is still the one it made.
                made = cache.done(step, made_name, made_key or "", file)
                kept: _Made | None = None
                if made is not None and made_key is not None:
                    kept = (step, made_name, made_key, made)
                args = (file, episode.segment, config.show, artwork, cover_hash, episode.path)
                jobs.append((Job(tag_name, file, tag_job, args), key, kept))
        except SegcastError as exc:
            report.problem(exc, episode)
            continue
        planned_ok.append(episode)
        for job, job_key, kept in jobs:
            planned[job.name] = (episode, job_key, kept)
            todo.append(job)
    tagged: set[str] = set()
    failed: set[str] = set()
    for outcome in pool.run("tag", todo):
        episode, key, kept = planned[outcome.job.name]
        if outcome.error is not None:
            report.problem(outcome.error, episode)
            failed.add(episode.slug)
            continue
        file = outcome.job.where
        if kept is not None:
            # With its data: the master's record keeps the shift it made (timeline).
            step, made_name, made_key, made = kept
            cache.record(step, made_name, made_key, file, made)
        cache.record(TAG_STEP, outcome.job.name, key, file)
        cache.commit()
        tagged.add(episode.slug)
    for episode in planned_ok:  # in slug order, whichever worker finished first
        if episode.slug not in failed:
            done = report.tagged if episode.slug in tagged else report.tags_unchanged
            done.append(episode.slug)
    return episodes
