"""Stage: move the programme's times to where the programme is in the mastered file.

Chapter and soundbite times in a segment file and transcript times (timed transcripts,
``transcripts/<slug>.*``) are programme time: seconds into the recording. The master moves
the recording: an intro puts it later by the intro's effective length (its duration less the
crossfade), trimmed leading silence earlier; the master says how far
(``MasterReport.shift_seconds``, kept in the build cache with the master,
``Episode.shift_seconds``). The times of each mastered episode are shifted by that here, once,
in memory, so every writer after this stage (ID3 CHAP frames, chapters JSON, show notes, episode
pages, transcript cues in WebVTT, SRT and JSON, the feed's soundbites) writes the shifted times,
and with an intro a first chapter named after the show covers it. The segment file keeps
programme time (``guids.store_assigned`` stores only the GUID and date). Audio the producer
mastered, or gave as a URL, is not shifted: its times are already those of the file.
"""

from __future__ import annotations

from dataclasses import replace

from segcast.build.episode import BuildReport, Episode
from segcast.config import ShowConfig
from segments.model import Chapter, Segment

__all__ = ["shift_segment", "shift_timeline", "with_intro_chapter"]


def shift_segment(segment: Segment, seconds: float) -> Segment:
    """Return ``segment`` with its chapter, soundbite and transcript times ``seconds`` later.

    A time moved before the start of the file (into trimmed silence) starts at 0.

    >>> shift_segment(Segment("s", "t", chapters=[Chapter(0.0, "Open")]), 3.5).chapters[0]
    Chapter(start_seconds=3.5, title='Open', end_seconds=None, url=None, image=None)
    >>> shift_segment(Segment("s", "t", chapters=[Chapter(1.0, "Open")]), -1.9).chapters[0]
    Chapter(start_seconds=0.0, title='Open', end_seconds=None, url=None, image=None)
    """

    def moved(time: float) -> float:
        return max(0.0, round(time + seconds, 6))

    def later(time: float | None) -> float | None:
        return None if time is None else moved(time)

    chapters = [
        replace(c, start_seconds=moved(c.start_seconds), end_seconds=later(c.end_seconds))
        for c in segment.chapters
    ]
    soundbites = [replace(s, start_seconds=moved(s.start_seconds)) for s in segment.soundbites]
    sections = [
        replace(s, start_seconds=later(s.start_seconds), end_seconds=later(s.end_seconds))
        for s in segment.transcript
    ]
    return replace(segment, chapters=chapters, soundbites=soundbites, transcript=sections)


def with_intro_chapter(segment: Segment, title: str) -> Segment:
    """Return ``segment`` with a first chapter, ``title``, over the intro before its chapters.

    Chapters then still start at 0:00, as Spotify needs to take the show notes' timestamps for
    chapters (``feeds.shownotes.chapter_lines``), and the CHAP frames cover the whole file.
    """
    return replace(segment, chapters=[Chapter(0.0, title), *segment.chapters])


def shift_timeline(
    config: ShowConfig, episodes: list[Episode], report: BuildReport
) -> list[Episode]:
    """Shift the times of every episode the build mastered by how far its master moved them."""
    for episode in episodes:
        shift = episode.shift_seconds
        if not episode.mastered or not shift:
            continue
        segment = shift_segment(episode.segment, shift)
        first = min((c.start_seconds for c in segment.chapters), default=0.0)
        if config.audio.intro is not None and config.show.title and first > 0:
            segment = with_intro_chapter(segment, config.show.title)
        episode.segment = segment
        report.shifts[episode.slug] = shift
    return episodes
