"""Facts of a published audio file: its real size, its MIME type from its content, its duration.

The enclosure ``length`` is the byte count of the file as published, never an estimate; the
``type`` comes from the bytes themselves (a ``.mp3`` name on an M4A file is a real mistake).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from audio.probe import exact_length, read_mutagen
from segments.errors import InputError
from segments.sniff import KINDS, sniff_file


@dataclass(frozen=True)
class MediaFacts:
    """What an audio file really is: size in bytes, MIME type, duration in seconds."""

    length_bytes: int
    mime_type: str
    duration_seconds: float | None


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
    return MediaFacts(length_bytes=length, mime_type=mime, duration_seconds=read_duration(path))


def read_duration(path: Path) -> float | None:
    """Return the duration of an audio file in seconds as mutagen reads it; None if it cannot."""
    try:
        audio = read_mutagen(path)
    except Exception as exc:  # mutagen raises its own MutagenError subclasses and struct errors
        raise InputError(f"cannot read audio: {exc}", path) from exc
    if audio is None or audio.info is None:
        return None
    length = exact_length(path, audio.info)
    return float(length) if length else None
