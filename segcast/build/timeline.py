"""Stage: move the programme's times to where the programme is in the mastered file.

Chapter times in a segment file and transcript times (timed transcripts, ``transcripts/<slug>.*``)
are programme time: seconds into the recording. With an intro, the programme starts in the master
at the intro's effective length (its duration less the crossfade,
``audio.master.intro_shift_seconds``, the rule the master follows), so the times of a mastered
episode are shifted by it here, once, in memory, and every writer after this stage (ID3 CHAP
frames, chapters JSON, show notes, episode pages, transcript cues in WebVTT, SRT and JSON) writes
the shifted times, and a first chapter named after the show covers the intro. The segment file
keeps programme time (``guids.store_assigned`` stores only the GUID and date). Audio the producer
mastered, or gave as a URL, is not shifted: its times are already those of the file.
"""

from __future__ import annotations

from dataclasses import replace

from audio.master import intro_shift_seconds
from segcast.build.episode import BuildReport, Episode
from segcast.config import ShowConfig
from segments.errors import SegcastError
from segments.model import Chapter, Segment

__all__ = ["shift_segment", "shift_timeline", "with_intro_chapter"]


def shift_segment(segment: Segment, seconds: float) -> Segment:
    """Return ``segment`` with its chapter and transcript times ``seconds`` later.

    >>> from segments.model import Chapter
    >>> shift_segment(Segment("s", "t", chapters=[Chapter(0.0, "Open")]), 3.5).chapters[0]
    Chapter(start_seconds=3.5, title='Open', end_seconds=None, url=None, image=None)
    """

    def later(time: float | None) -> float | None:
        return None if time is None else round(time + seconds, 6)

    chapters = [
        replace(
            c, start_seconds=round(c.start_seconds + seconds, 6), end_seconds=later(c.end_seconds)
        )
        for c in segment.chapters
    ]
    sections = [
        replace(s, start_seconds=later(s.start_seconds), end_seconds=later(s.end_seconds))
        for s in segment.transcript
    ]
    return replace(segment, chapters=chapters, transcript=sections)


def with_intro_chapter(segment: Segment, title: str) -> Segment:
    """Return ``segment`` with a first chapter, ``title``, over the intro before its chapters.

    Chapters then still start at 0:00, as Spotify needs to take the show notes' timestamps for
    chapters (``feeds.shownotes.chapter_lines``), and the CHAP frames cover the whole file.
    """
    return replace(segment, chapters=[Chapter(0.0, title), *segment.chapters])


def shift_timeline(
    config: ShowConfig, episodes: list[Episode], report: BuildReport
) -> list[Episode]:
    """Shift the times of every episode mastered with the show's intro by its effective length."""
    mastered = [episode for episode in episodes if episode.mastered]
    if config.audio.intro is None or not mastered:
        return episodes
    try:
        shift = intro_shift_seconds(config.audio)
    except SegcastError as exc:  # the master stage met the same file; report it once
        report.problem(exc)
        return episodes
    if shift is None:
        report.warn(config.audio.intro, "cannot tell its length: chapter times are not shifted")
        return episodes
    for episode in mastered:
        episode.segment = shift_segment(episode.segment, shift)
        if episode.segment.chapters and config.show.title and shift > 0:
            episode.segment = with_intro_chapter(episode.segment, config.show.title)
    report.shift_seconds = shift
    return episodes
