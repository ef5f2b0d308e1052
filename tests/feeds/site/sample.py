"""The example show as the site renderer receives it: a Show and feed Episodes, built by hand.

Built here rather than through the build, so these tests check the renderer alone; the segment
files are the example show's own (``examples/the-frame/segments``).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from feeds.rss import Episode, TranscriptLink
from feeds.shownotes import show_notes
from segments.model import Show
from segments.schedule import parse_airtimes
from segments.segmentfile import read_segment
from tests.conftest import EXAMPLES

BASE = "https://example.org/the-frame/"
PACIFIC = timezone(timedelta(hours=-8))

#: Slug of each example segment -> (audio file name, length in bytes, duration in seconds).
AUDIO = {
    "lovesong-another-intimate-film-from-director-so-yong-kim": (
        "lovesong-so-yong-kim.mp3", 4_968_229, 310.4,
    ),
    "interview-with-director-kyungjin-song": ("gold-medal-kyungjin-song.mp3", 7_043_112, 440.2),
}  # fmt: skip

#: A fixed build time: Tuesday 1 December 2026, 15:00 in Los Angeles.
NOW = datetime(2026, 12, 1, 23, 0, tzinfo=UTC)


def example_show() -> Show:
    """Return the example show's configuration, as ``examples/the-frame/show.toml`` has it."""
    return Show(
        title="The Frame",
        description=(
            "Movies, music, TV, arts and entertainment, straight from Southern California."
        ),
        link=BASE,
        base_url=BASE,
        feed_url=BASE + "feed.xml",
        language="en",
        artwork=BASE + "artwork.jpg",
        copyright="2016 KPCC",
        hosts=["John Horn"],
        schedule=parse_airtimes(
            "Weekdays at 3:30pm & 7:30pm, and Saturdays at 2:00pm", "America/Los_Angeles"
        ),
        podcast_guid="f88f128a-9d75-50be-9435-39e813badc62",
    )


def example_episodes(show: Show) -> list[Episode]:
    """Return the example show's two episodes with their published files' facts."""
    episodes = []
    for day, path in enumerate(sorted((EXAMPLES / "the-frame" / "segments").glob("*.md"))):
        segment = read_segment(path)
        name, length, seconds = AUDIO[segment.slug]
        transcript = BASE + f"{segment.slug}.transcript.html"
        notes = show_notes(segment, show, transcript_url=transcript)
        episodes.append(
            Episode(
                segment=segment,
                enclosure_url=BASE + name,
                length_bytes=length,
                mime_type="audio/mpeg",
                duration_seconds=seconds,
                transcripts=[TranscriptLink(transcript, "text/html")],
                chapters_url=BASE + f"{segment.slug}.chapters.json" if segment.chapters else None,
                pub_date=datetime(2024, 11, 26 + day, 15, 30, tzinfo=PACIFIC),
                description=notes.description,
                content_html=notes.content,
            )
        )
    return episodes
