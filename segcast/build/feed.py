"""Stage: the feed and its companion files (transcripts, chapters) for every episode.

Each episode is planned first: its audio and the audio's facts, its pubDate, its companion files,
its show notes; a problem is recorded on the episode and the others are still planned, so one run
names every problem. Only when every episode is planned (and every segment file was read) are new
GUIDs stored, companion files written and finally the feed. Every write is atomic and the feed is
written last, so a failed build leaves the previous feed exactly as it was; GUIDs are stored before
the feed that uses them is published: a published GUID is never lost.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote, urljoin
from zoneinfo import ZoneInfo

from audio.alternates import alternate_name
from audio.settings import ALTERNATES, FORMAT_CODECS
from audio.tags import plan_chapters
from feeds.chapters import chapters_json
from feeds.media import MediaFacts, file_integrity, read_media_facts
from feeds.podcast_ns import AlternateEnclosureTag
from feeds.rss import Episode as FeedItem
from feeds.rss import TranscriptLink, build_feed
from feeds.shownotes import show_notes
from feeds.transcripts import transcript_html, transcript_json, transcript_srt, transcript_vtt
from segcast.build.cache import BuildCache
from segcast.build.episode import BuildReport, Episode, FeedResult
from segcast.build.guids import store_new_guid
from segcast.build.layout import (
    AUDIO,
    CHAPTERS_SUFFIX,
    TRANSCRIPTS,
    enclosure_url,
    episode_file,
    find_audio,
    folder_names,
    inside,
    kept_transcript,
)
from segcast.config import ShowConfig
from segments.errors import FeedError, InputError, SegcastError
from segments.files import read_text_input, write_atomic_all
from segments.model import Segment, Show
from segments.schedule import airing_on, check_timezone
from segments.sniff import mime_from_url
from segments.urls import check_url

__all__ = ["TRANSCRIPT_FILES", "pub_date", "render_feed", "write_feed"]

#: Transcript files written beside the feed: (name suffix, MIME type, rel, renderer). The order
#: is the order of the podcast:transcript tags; feedparser and podcastparser keep only an item's
#: last one, so the timed captions come last. A renderer returns None when times are unknown.
TRANSCRIPT_FILES: tuple[tuple[str, str, str | None, Callable[[Segment], str | None]], ...] = (
    (".transcript.html", "text/html", None, transcript_html),
    (".transcript.json", "application/json", None, transcript_json),
    (".transcript.srt", "application/x-subrip", "captions", transcript_srt),
    (".transcript.vtt", "text/vtt", "captions", transcript_vtt),
)


#: The cache step that remembers each audio file's facts (length, type, duration).
MEDIA_STEP = "media"
MEDIA_VERSION = "2"
#: The cache step that remembers each published audio file's SRI hash (podcast:integrity).
INTEGRITY_STEP = "integrity"
INTEGRITY_VERSION = "1"

#: Local time given to an episode whose date is known but whose show has no airtime that day.
DEFAULT_LOCAL_TIME = dt.time(12, 0)


def stated_audio(segment: Segment, where: Path) -> tuple[str, MediaFacts]:
    """Return the URL and facts of audio known only by URL, with an exact stated size."""
    ref = segment.audio
    expected = f"audio/{segment.slug}.mp3"
    if ref is None or ref.url is None:
        raise InputError(f"no audio: no file {expected} and no audio URL", where)
    try:  # apps fetch the enclosure: never javascript:, file: or data:
        check_url(ref.url, path=where, key="audio.url")
    except SegcastError as exc:
        raise InputError(exc.message, where) from exc
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
    show: Show, segment: Segment, show_dir: Path | None = None
) -> tuple[dict[str, str], list[TranscriptLink], str | None]:
    """Return a segment's transcript and chapters files (name -> text), their links, chapters URL.

    Files are named after the slug and published under base_url, beside the feed. An imported
    feed's transcripts (no transcript of our own) are published from the copies kept in
    ``SHOW_DIR/transcripts/`` when there are copies, else linked where they were.
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
                name = episode_file(segment.slug, suffix)
                files[name] = text
                links.append(TranscriptLink(urljoin(show.base_url, quote(name)), mime, rel))
    else:
        for number, ref in enumerate(segment.transcripts, start=1):
            kept, published = kept_transcript(segment.slug, number, ref.type)
            copy = show_dir / TRANSCRIPTS / kept if show_dir is not None else None
            if copy is not None and copy.is_file():
                files[published] = read_text_input(copy)
                links.append(
                    TranscriptLink(urljoin(show.base_url, quote(published)), ref.type, ref.rel)
                )
            else:
                links.append(TranscriptLink(ref.url, ref.type, ref.rel))
    chapters_url = segment.chapters_url  # an imported feed's, unless we write our own
    chapters = chapters_json(segment, show.base_url)
    if chapters is not None:
        name = episode_file(segment.slug, CHAPTERS_SUFFIX)
        files[name] = chapters
        chapters_url = urljoin(show.base_url, quote(name))
    return files, links, chapters_url


def media_facts(cache: BuildCache | None, path: Path) -> MediaFacts:
    """Return an audio file's length, type and duration; read once per version of the file."""
    if cache is not None:
        known = cache.done(MEDIA_STEP, str(path), MEDIA_VERSION, path)
        if known is not None:
            return MediaFacts(**known)
    facts = read_media_facts(path)
    if cache is not None:
        cache.record(MEDIA_STEP, str(path), MEDIA_VERSION, path, dataclasses.asdict(facts))
    return facts


def integrity(cache: BuildCache | None, path: Path) -> str:
    """Return a file's SRI string (podcast:integrity); hashed once per version of the file."""
    if cache is not None:
        known = cache.done(INTEGRITY_STEP, str(path), INTEGRITY_VERSION, path)
        if known is not None and isinstance(known.get("sri"), str):
            return str(known["sri"])
    value = file_integrity(path)
    if cache is not None:
        cache.record(INTEGRITY_STEP, str(path), INTEGRITY_VERSION, path, {"sri": value})
    return value


def alternate_files(
    config: ShowConfig, episode: Episode, present: frozenset[str] | None
) -> list[tuple[str, Path]]:
    """Return (encoding name, file) of each alternate encoding to publish for ``episode``.

    In a build, the ones the alternates stage made or found up to date for this master; in
    ``feed build`` (no master stage), those present in ``audio/``.
    """
    if episode.master_key is not None:
        return [(name, path) for name, (path, _) in episode.alternates.items()]
    files: list[tuple[str, Path]] = []
    for name in config.audio.alternates:
        file_name = alternate_name(episode.slug, name)
        path = config.folder / AUDIO / file_name
        if (file_name in present) if present is not None else path.is_file():
            files.append((name, path))
    return files


def alternate_tags(
    config: ShowConfig,
    episode: Episode,
    main: tuple[str, Path, MediaFacts],
    cache: BuildCache | None,
    present: frozenset[str] | None,
) -> list[AlternateEnclosureTag]:
    """Return the episode's podcast:alternateEnclosure tags: the main file (default) first.

    None at all when the show publishes no alternate of this episode's (mastered) audio.
    """
    others = alternate_files(config, episode, present)
    if not others:
        return []
    show, where = config.show, episode.path
    url, file, facts = main
    kind = file.suffix.lstrip(".").lower()
    tags = [
        AlternateEnclosureTag(
            url=url,
            type=facts.mime_type,
            length=facts.length_bytes,
            bitrate=facts.bitrate,
            title=kind.upper(),
            integrity=integrity(cache, file),
            codecs=FORMAT_CODECS.get(kind),
            default=True,
        )
    ]
    for name, path in others:
        alt = media_facts(cache, path)
        encoding = ALTERNATES[name]
        tags.append(
            AlternateEnclosureTag(
                url=enclosure_url(show, path, where),
                type=alt.mime_type,
                length=alt.length_bytes,
                bitrate=alt.bitrate,
                title=encoding.title,
                integrity=integrity(cache, path),
                codecs=encoding.codecs,
            )
        )
    return tags


def plan_episode(
    config: ShowConfig,
    episode: Episode,
    cache: BuildCache | None = None,
    present: frozenset[str] | None = None,
) -> Episode:
    """Fill in the episode's feed item and companion files: audio facts, URLs, pubDate, notes.

    ``present`` lists ``SHOW_DIR/audio`` when the caller has it (see ``layout.folder_names``).
    """
    show, path, segment = config.show, episode.path, episode.segment
    audio_file = find_audio(config.folder, segment, path, present)
    alternates: list[AlternateEnclosureTag] = []
    if audio_file is not None:
        url, facts = enclosure_url(show, audio_file, path), media_facts(cache, audio_file)
        alternates = alternate_tags(config, episode, (url, audio_file, facts), cache, present)
    else:
        url, facts = stated_audio(segment, path)
    if facts.duration_seconds:
        # The rule tagging applies: a chapter after the end of the audio is an error, not a
        # chapters file that points past the episode.
        plan_chapters(segment.chapters, facts.duration_seconds, path)
    try:
        files, transcripts, chapters_url = companion_files(show, segment, config.folder)
    except (FeedError, InputError) as exc:  # they know only the slug; the producer edits the file
        raise type(exc)(exc.message, path) from exc
    html_transcript = next((t.url for t in transcripts if t.type == "text/html"), None)
    notes = show_notes(segment, show, transcript_url=html_transcript)
    episode.audio = audio_file
    episode.companions = files
    episode.item = FeedItem(
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
        alternates=alternates,
        source=str(path),
    )
    return episode


def render_feed(
    config: ShowConfig,
    episodes: list[Episode],
    output: Path,
    report: BuildReport,
    cache: BuildCache | None = None,
    now: dt.datetime | None = None,
) -> FeedResult | None:
    """Render the feed and its companion files; None (and nothing stored) if it cannot be built.

    Every episode is planned and each problem recorded; on any problem (or a segment file that
    could not be read) nothing is rendered and no GUID stored: the previous feed stays. Once the
    feed is rendered, the GUIDs and dates it publishes are stored in their segment files.
    ``output`` is where the feed will be published (its companion files beside it); ``now``
    (the build's moment) places the live items.
    """
    planned = True
    present = folder_names(config.folder / AUDIO)
    for episode in episodes:
        try:
            plan_episode(config, episode, cache, present)
        except SegcastError as exc:
            # An episode an earlier stage failed (its recording would not master) has that
            # problem's consequence here ("no audio"): the cause is reported, once.
            if not episode.failed:
                report.problem(exc, episode)
            planned = False
    if not planned or report.unread:
        return None
    try:
        items = [e.item for e in episodes if e.item is not None]
        feed = build_feed(config.show, items, now=now)
        result = FeedResult(
            feed=output,
            episodes=len(episodes),
            podcast_guid=config.show.podcast_guid,
            podcast_guid_pinned=config.podcast_guid_pinned,
            data=feed,
        )
        for episode in episodes:
            if store_new_guid(episode):
                result.new_guids.append(episode.slug)
    except SegcastError as exc:
        report.problem(exc)
        return None
    for episode in episodes:
        for name, text in sorted(episode.companions.items()):
            result.companions[name] = text
            result.files.append(output.parent / name)
    return result


def write_feed(
    config: ShowConfig,
    episodes: list[Episode],
    output: Path,
    report: BuildReport,
    cache: BuildCache | None = None,
    now: dt.datetime | None = None,
) -> FeedResult | None:
    """Render the feed, then write it at ``output`` and its companion files beside it.

    Every file is written and checked before any is renamed into place, and the feed last,
    so a failure while writing (a full disk) leaves the previous feed and its files as they were.
    """
    result = render_feed(config, episodes, output, report, cache, now)
    if result is None:
        return None
    try:
        companions = [
            (inside(output.parent, name, output.parent / name), text)
            for name, text in result.companions.items()
        ]
        write_atomic_all([(output, result.data), *companions])
    except SegcastError as exc:
        report.problem(exc)
        return None
    return result
