"""Facts of a published audio file: its real size, its MIME type from its content, its duration.

The enclosure ``length`` is the byte count of the file as published, never an estimate; the
``type`` comes from the bytes themselves (a ``.mp3`` name on an M4A file is a real mistake).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from audio.probe import exact_length, read_mutagen
from feeds.podcast_ns import sri_of
from segments.errors import InputError
from segments.sniff import KINDS, sniff_file


@dataclass(frozen=True)
class MediaFacts:
    """What an audio file really is: size in bytes, MIME type, duration in seconds."""

    length_bytes: int
    mime_type: str
    duration_seconds: float | None
    #: The audio stream's bit rate in bit/s as the header states it (podcast:alternateEnclosure).
    bitrate: int | None = None


def read_media_facts(path: Path) -> MediaFacts:
    """Return the real byte count, MIME type (from content) and duration (mutagen) of ``path``."""
    try:
        length = path.stat().st_size
        kind = sniff_file(path)
    except OSError as exc:
        raise InputError(f"cannot read audio: {exc.strerror or exc}", path) from exc
    if length == 0:
        raise InputError("audio file is empty", path)
    mime = KINDS[kind].mime if kind is not None else None
    if mime is None or not mime.startswith("audio/"):
        raise InputError("not an audio file segcast knows (MP3, M4A, AAC, Ogg, FLAC, WAV)", path)
    duration, bitrate = _read_stream(path)
    return MediaFacts(length, mime, duration, bitrate)


def _read_stream(path: Path) -> tuple[float | None, int | None]:
    """Return the duration (seconds) and bit rate (bit/s) mutagen reads; None where it cannot."""
    try:
        audio = read_mutagen(path)
    except Exception as exc:  # mutagen raises its own MutagenError subclasses and struct errors
        raise InputError(f"cannot read audio: {exc}", path) from exc
    if audio is None or audio.info is None:
        return None, None
    length = exact_length(path, audio.info)
    bitrate = getattr(audio.info, "bitrate", None)
    return (float(length) if length else None), (int(bitrate) if bitrate else None)


def file_integrity(path: Path) -> str:
    """Return the Subresource Integrity string of a file's bytes (``sha384-``, base64), streamed."""
    digest = hashlib.sha384()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise InputError(f"cannot read audio: {exc.strerror or exc}", path) from exc
    return sri_of(digest)
