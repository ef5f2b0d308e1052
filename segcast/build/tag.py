"""Stage: tag each mastered file with its segment, the show, the cover and the chapters."""

from __future__ import annotations

from pathlib import Path

from audio.cover import prepare_cover
from audio.tags import tag_fields, write_tags
from segcast.build.episode import BuildReport, Episode
from segcast.build.guids import store_new_guid
from segcast.config import ShowConfig
from segments.errors import SegcastError
from segments.model import Segment, Show

__all__ = ["tag_audio", "tag_episode"]


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


def tag_audio(config: ShowConfig, episodes: list[Episode], report: BuildReport) -> list[Episode]:
    """Tag every episode the master stage left with a mastered file, in slug order.

    A GUID this run assigned is stored in the segment file first: the GUID is a tag (TGID), and
    tags must not change after the feed has stated the file's length.
    """
    mastered = sorted((e for e in episodes if e.mastered), key=lambda e: e.slug)
    if not mastered:
        return episodes
    cover = None
    if config.artwork_file is not None:
        try:
            cover = prepare_cover(config.artwork_file)
        except SegcastError as exc:
            report.problem(exc)
    for episode in mastered:
        assert episode.audio is not None
        try:
            store_new_guid(episode)
            tag_episode(episode.audio, episode.segment, config.show, cover)
        except SegcastError as exc:
            report.problem(exc, episode)
            continue
        report.tagged.append(episode.slug)
    return episodes
