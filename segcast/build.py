"""Build a show's feed: show.toml and segment files in, feed.xml and companion files out.

Reads top to bottom: load the show, read the segments, find each one's audio and its facts,
place its pubDate, assign GUIDs, render the feed; then store new GUIDs, write companion files and
finally the feed. Every write is atomic and the feed is written last, so a failed build leaves the
previous feed exactly as it was. GUIDs are stored before the feed that uses them is published: a
published GUID is never lost.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote, urljoin
from zoneinfo import ZoneInfo

from audio.tags import plan_chapters
from feeds.chapters import chapters_json
from feeds.guids import new_episode_guid
from feeds.media import MediaFacts, read_media_facts
from feeds.rss import Episode, TranscriptLink, build_feed
from feeds.shownotes import show_notes
from feeds.transcripts import transcript_html, transcript_json, transcript_srt, transcript_vtt
from segcast.config import load_show, read_toml
from segments.errors import FeedError, InputError
from segments.files import write_atomic
from segments.model import Segment, Show
from segments.schedule import airing_on, check_timezone
from segments.segmentfile import parse_segment, read_segment, write_segment
from segments.sniff import mime_from_url

#: Audio file extensions looked for in ``SHOW_DIR/audio/<slug>.<ext>``, in order of preference
#: (a published MP3 wins over the WAV it was mastered from).
AUDIO_EXTENSIONS: tuple[str, ...] = (
    ".mp3",
    ".m4a",
    ".m4b",
    ".aac",
    ".ogg",
    ".opus",
    ".flac",
    ".wav",
)

#: Transcript files written beside the feed: (name suffix, MIME type, rel, renderer). The order
#: is the order of the podcast:transcript tags; feedparser and podcastparser keep only an item's
#: last one, so the timed captions come last. A renderer returns None when times are unknown.
TRANSCRIPT_FILES: tuple[tuple[str, str, str | None, Callable[[Segment], str | None]], ...] = (
    (".transcript.html", "text/html", None, transcript_html),
    (".transcript.json", "application/json", None, transcript_json),
    (".transcript.srt", "application/x-subrip", "captions", transcript_srt),
    (".transcript.vtt", "text/vtt", "captions", transcript_vtt),
)

#: The JSON chapters file's name suffix.
CHAPTERS_SUFFIX = ".chapters.json"

#: Local time given to an episode whose date is known but whose show has no airtime that day.
DEFAULT_LOCAL_TIME = dt.time(12, 0)


@dataclass
class BuildReport:
    """What a build did: the feed, its episodes, GUIDs it assigned, files it wrote."""

    feed: Path
    episodes: int
    podcast_guid: str | None
    podcast_guid_pinned: bool = False
    new_guids: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


@dataclass
class _Planned:
    """A segment on its way to the feed: where its file is, its episode, its companion files."""

    path: Path
    episode: Episode
    companions: dict[str, str] = field(default_factory=dict)
    new_guid: bool = False


def read_segments(show_dir: Path) -> list[tuple[Path, Segment]]:
    """Read every ``SHOW_DIR/segments/*.md`` in name order; slugs must be unique."""
    folder = show_dir / "segments"
    if not folder.is_dir():
        raise InputError("no segments folder (segment files go in segments/*.md)", folder)
    found: list[tuple[Path, Segment]] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.md")):
        segment = read_segment(path)
        if segment.slug in seen:
            raise InputError(
                f"slug {segment.slug!r} is also the slug of {seen[segment.slug]}", path
            )
        seen[segment.slug] = path
        found.append((path, segment))
    return found


def find_audio(show_dir: Path, segment: Segment, where: Path) -> Path | None:
    """Return the segment's audio file: the path its front matter names, else audio/<slug>.<ext>.

    A relative path in the front matter is relative to the show folder, like ``artwork``.
    """
    ref = segment.audio
    if ref is not None and ref.path is not None:
        path = ref.path if ref.path.is_absolute() else show_dir / ref.path
        if not path.is_file():
            raise InputError(f"audio: no file at {ref.path}", where)
        return path
    for extension in AUDIO_EXTENSIONS:
        candidate = show_dir / "audio" / f"{segment.slug}{extension}"
        if candidate.is_file():
            return candidate
    return None


def enclosure_url(show: Show, file: Path, where: Path) -> str:
    """Return the published URL of an audio file: base_url + its (ASCII-only) file name."""
    if not file.name.isascii():
        raise InputError(f"audio file name {file.name!r} must be ASCII (Apple's rule)", where)
    assert show.base_url is not None  # load_show requires it
    return urljoin(show.base_url, quote(file.name))


def stated_audio(segment: Segment, where: Path) -> tuple[str, MediaFacts]:
    """Return the URL and facts of audio known only by URL, with an exact stated size."""
    ref = segment.audio
    expected = f"audio/{segment.slug}.mp3"
    if ref is None or ref.url is None:
        raise InputError(f"no audio: no file {expected} and no audio URL", where)
    if ref.size_bytes is None or ref.size_is_estimate:
        estimate = f" (only an estimate: {ref.label or ref.size_bytes})" if ref.size_bytes else ""
        raise InputError(
            f"no audio file {expected} and no exact size for {ref.url}{estimate}; "
            "put the file there or state its exact size_bytes",
            where,
        )
    mime = ref.mime_type or mime_from_url(ref.url)
    if mime is None:
        raise InputError(f"audio: cannot tell the type of {ref.url}; state its mime_type", where)
    facts = MediaFacts(
        length_bytes=ref.size_bytes, mime_type=mime, duration_seconds=ref.duration_seconds
    )
    return ref.url, facts


def pub_date(segment: Segment, show: Show, where: Path) -> dt.datetime:
    """Return the episode's tz-aware pubDate.

    A date alone is placed at the show's first airtime that weekday in its time zone, else at noon
    there; a date and time without an offset is read in the show's zone.
    """
    published = segment.published
    if published is None:
        raise InputError("no published date (front matter key 'published')", where)
    zone_name = show.schedule.timezone if show.schedule else None
    zone = check_timezone(zone_name) if zone_name else ZoneInfo("UTC")
    if isinstance(published, dt.datetime):
        return published if published.tzinfo is not None else published.replace(tzinfo=zone)
    if show.schedule is not None:
        airing = airing_on(show.schedule, published)
        if airing is not None:
            return airing
    return dt.datetime.combine(published, DEFAULT_LOCAL_TIME, tzinfo=zone)


def companion_files(
    show: Show, segment: Segment
) -> tuple[dict[str, str], list[TranscriptLink], str | None]:
    """Return a segment's transcript and chapters files (name -> text), their links, chapters URL.

    Files are named after the slug and published under base_url, beside the feed.
    """
    assert show.base_url is not None  # load_show requires it
    # Pages rarely state a language; the show's is the episode's unless the segment says otherwise.
    segment = replace(segment, language=segment.language or show.language)
    files: dict[str, str] = {}
    links: list[TranscriptLink] = []
    if segment.transcript:
        for suffix, mime, rel, render in TRANSCRIPT_FILES:
            text = render(segment)
            if text is not None:
                name = f"{segment.slug}{suffix}"
                files[name] = text
                links.append(TranscriptLink(urljoin(show.base_url, quote(name)), mime, rel))
    chapters_url = None
    chapters = chapters_json(segment)
    if chapters is not None:
        name = f"{segment.slug}{CHAPTERS_SUFFIX}"
        files[name] = chapters
        chapters_url = urljoin(show.base_url, quote(name))
    return files, links, chapters_url


def plan_episode(show_dir: Path, show: Show, path: Path, segment: Segment) -> _Planned:
    """Return a segment's feed item: audio facts, URLs, pubDate, its GUID (new if it had none)."""
    audio_file = find_audio(show_dir, segment, path)
    if audio_file is not None:
        url, facts = enclosure_url(show, audio_file, path), read_media_facts(audio_file)
    else:
        url, facts = stated_audio(segment, path)
    if facts.duration_seconds:
        # The rule tagging applies: a chapter after the end of the audio is an error, not a
        # chapters file that points past the episode.
        plan_chapters(segment.chapters, facts.duration_seconds, path)
    new_guid = segment.guid is None
    if new_guid:
        segment = replace(segment, guid=new_episode_guid())
    try:
        files, transcripts, chapters_url = companion_files(show, segment)
    except FeedError as exc:  # the renderers know only the slug; the producer edits the file
        raise FeedError(exc.message, path) from exc
    html_transcript = next((t.url for t in transcripts if t.type == "text/html"), None)
    notes = show_notes(segment, show, transcript_url=html_transcript)
    episode = Episode(
        segment=segment,
        enclosure_url=url,
        length_bytes=facts.length_bytes,
        mime_type=facts.mime_type,
        duration_seconds=facts.duration_seconds,
        transcripts=transcripts,
        chapters_url=chapters_url,
        pub_date=pub_date(segment, show, path),
        description=notes.description,
        content_html=notes.content,
        source=str(path),
    )
    return _Planned(path=path, episode=episode, companions=files, new_guid=new_guid)


def store_guid(path: Path, segment: Segment) -> None:
    """Store ``segment.guid`` in its file atomically, keeping the rest of the file as written.

    The ``guid:`` line goes right after the opening ``---``, so the producer's formatting and
    comments survive; if the file would not read back as ``segment``, it is rewritten whole.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot store the GUID: {exc}", path) from exc
    newline = "\r\n" if "\r\n" in text else "\n"
    first, sep, rest = text.partition(newline)
    if first.rstrip() == "---" and sep:
        edited = f"{first}{newline}guid: {segment.guid}{newline}{rest}"
        try:
            if parse_segment(edited, where=str(path), default_slug=path.stem) == segment:
                write_atomic(path, edited)
                return
        except InputError:
            pass
    write_segment(segment, path, overwrite=True)


def build_show(
    show_dir: Path, output: Path, *, environ: Mapping[str, str] | None = None
) -> BuildReport:
    """Build ``output`` (the feed) from ``SHOW_DIR/show.toml`` and ``SHOW_DIR/segments/*.md``."""
    show_dir, output = Path(show_dir), Path(output)
    show = load_show(show_dir / "show.toml", os.environ if environ is None else environ)
    planned = [plan_episode(show_dir, show, p, s) for p, s in read_segments(show_dir)]
    feed = build_feed(show, [p.episode for p in planned])

    report = BuildReport(
        feed=output,
        episodes=len(planned),
        podcast_guid=show.podcast_guid,
        podcast_guid_pinned="podcast_guid" in read_toml(show_dir / "show.toml"),
    )
    for plan in planned:
        if plan.new_guid:
            store_guid(plan.path, plan.episode.segment)
            report.new_guids.append(plan.episode.segment.slug)
    for plan in planned:
        for name, text in sorted(plan.companions.items()):
            write_atomic(output.parent / name, text)
            report.files.append(output.parent / name)
    write_atomic(output, feed)
    return report
