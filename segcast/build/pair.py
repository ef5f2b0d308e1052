"""Stage: time each episode's transcript from its machine transcript, and give it its chapters.

A timed transcript in ``SHOW_DIR/transcripts/<slug>.<ext>`` (WebVTT, SRT, Podcasting 2.0 or
Whisper JSON, a log) is paired with the segment's edited transcript in memory: every section gets
its start and end, unnamed speakers are filled in. The segment file is not changed (``segcast
pair`` stores a pairing for good); a segment whose sections already carry times keeps them. The
result is cached by the contents of both files, so a rebuild does not pair again. Then each
episode gets its one chapter list (``segments.chapters.episode_chapters``: front matter, else the
transcript's headings or questions), which the tags, the feed, the show notes and the page share.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from segcast.build.cache import BuildCache, step_key
from segcast.build.episode import BuildReport, Episode
from segcast.config import ShowConfig
from segments.alignment import pair_segment
from segments.chapters import episode_chapters
from segments.errors import SegcastError
from segments.model import Chapter
from segments.timecode import format_timecode
from segments.timedtext import TIMED_FOLDER, find_timed_file, read_timed_file

__all__ = ["PAIR_STEP", "pair_transcripts"]

#: The cache step of a pairing; bump the version when pairing changes its results.
PAIR_STEP = "pair"
PAIR_VERSION = 1


def _timed(episode: Episode) -> bool:
    return any(section.start_seconds is not None for section in episode.segment.transcript)


def pair_transcripts(
    config: ShowConfig, episodes: list[Episode], report: BuildReport, cache: BuildCache | None
) -> list[Episode]:
    """Pair each untimed transcript with ``transcripts/<slug>.*``; set every episode's chapters.

    A timed file that is not of its episode is a problem of that file; the episode is published
    without times.
    """
    # Most shows have no transcripts/ folder: then no episode looks for a file in it.
    has_timed = (config.folder / TIMED_FOLDER).is_dir()
    for episode in episodes:
        timed_file = None
        if has_timed and not _timed(episode):
            timed_file = find_timed_file(config.folder, episode.slug)
        if timed_file is not None and episode.segment.transcript:
            try:
                _apply(episode, timed_file, cache)
            except SegcastError as exc:
                report.problem(exc)
        chapters = episode_chapters(episode.segment)
        ordered = sorted(chapters, key=lambda chapter: chapter.start_seconds)
        if ordered != chapters:
            report.warn(episode.path, _out_of_order(chapters))
        if ordered != episode.segment.chapters:
            episode.segment = replace(episode.segment, chapters=ordered)
    return episodes


def _out_of_order(chapters: list[Chapter]) -> str:
    """Say which chapter first comes before one that starts earlier, and what is published."""
    later, earlier = next(
        (a, b) for a, b in pairwise(chapters) if b.start_seconds < a.start_seconds
    )
    return (
        f"chapters are not in time order ({earlier.title!r} at "
        f"{format_timecode(earlier.start_seconds)} comes after {later.title!r} at "
        f"{format_timecode(later.start_seconds)}); they are published sorted by time"
    )


def _apply(episode: Episode, path: Path, cache: BuildCache | None) -> None:
    key = None
    if cache is not None:
        key = step_key(PAIR_STEP, PAIR_VERSION, cache.hash(episode.path), cache.hash(path))
        known = cache.done(PAIR_STEP, episode.slug, key, path)
        if known is not None:
            stored = zip(episode.segment.transcript, known["sections"], strict=True)
            sections = [replace(section, **times) for section, times in stored]
            episode.segment = replace(episode.segment, transcript=sections)
            return
    pairing = pair_segment(episode.segment, read_timed_file(path), where=str(path))
    episode.segment = replace(episode.segment, transcript=pairing.segment.transcript)
    if cache is not None and key is not None:
        times = [
            {
                "start_seconds": s.start_seconds,
                "end_seconds": s.end_seconds,
                "speaker": s.speaker,
                "questioner": s.questioner,
            }
            for s in pairing.segment.transcript
        ]
        cache.record(PAIR_STEP, episode.slug, key, path, {"sections": times})
