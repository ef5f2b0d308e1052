"""Download an episode's own audio, as a page or a feed links to it, into the show folder.

A finished episode (MP3 or M4A, what ``audio/`` publishes) goes to ``audio/<slug>.<ext>``; any
other recording (WAV, FLAC, ...) to ``raw/<slug>.<ext>``, to be mastered. The download resumes
with Range and appears whole or not at all (``segments.http.download``); the segment's audio then
records the file's real byte count, type and duration instead of the page's "2MB" estimate.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from audio.probe import probe
from segcast.build.layout import AUDIO, RAW
from segments.errors import InputError
from segments.http import Progress, download
from segments.model import AudioRef, Segment
from segments.sniff import KINDS, Kind, sniff_file

__all__ = ["PLACES", "download_audio"]

#: Where a downloaded recording goes, by what its bytes are: (folder, extension).
PLACES: dict[Kind, tuple[str, str]] = {
    "mp3": (AUDIO, ".mp3"),
    "m4a": (AUDIO, ".m4a"),
    "wav": (RAW, ".wav"),
    "flac": (RAW, ".flac"),
    "aiff": (RAW, ".aiff"),
    "ogg-vorbis": (RAW, ".ogg"),
    "ogg-opus": (RAW, ".opus"),
    "aac": (RAW, ".aac"),
}


def download_audio(
    segment: Segment, show_dir: Path, progress: Progress | None = None
) -> tuple[Segment, Path]:
    """Download ``segment``'s audio URL into the show folder; return the segment updated and the
    file. Raises when the segment has no audio URL or the bytes are not audio."""
    ref = segment.audio
    if ref is None or ref.url is None:
        raise InputError(
            "no audio URL to download", segment.source.path if segment.source else None
        )
    show_dir = Path(show_dir)
    show_dir.mkdir(parents=True, exist_ok=True)
    # Downloaded beside the show's folders first (one filesystem: the rename stays atomic), as a
    # file whose partial bytes the next run finds again: its name depends only on the slug.
    landing = show_dir / f".{segment.slug}.download"
    fetched = download(ref.url, landing, progress=progress)
    kind = sniff_file(landing)
    place = PLACES.get(kind) if kind is not None else None
    if place is None:
        what = KINDS[kind].name if kind is not None else "not audio segcast can read"
        landing.unlink(missing_ok=True)
        raise InputError(
            f"audio: {ref.url} is {what}", segment.source.path if segment.source else None
        )
    folder, extension = place
    destination = show_dir / folder / f"{segment.slug}{extension}"
    destination.parent.mkdir(parents=True, exist_ok=True)
    landing.replace(destination)
    facts = probe(destination)
    audio = replace(
        ref,
        url=fetched.url if folder == AUDIO else ref.url,
        size_bytes=destination.stat().st_size,
        size_is_estimate=False,
        mime_type=KINDS[kind].mime if kind is not None else fetched.mime_type,
        duration_seconds=facts.duration_seconds,
    )
    if folder == RAW:
        # A recording to master: the published file will be audio/<slug>.mp3, whose facts the
        # build reads; the URL and size of the recording must not become the enclosure.
        audio = AudioRef(label=ref.label, url=None, duration_seconds=facts.duration_seconds)
    return replace(segment, audio=audio), destination
