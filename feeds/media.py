"""Facts of a published audio file: its real size, its MIME type from its content, its duration.

The enclosure ``length`` is the byte count of the file as published, never an estimate; the
``type`` comes from the bytes themselves (a ``.mp3`` name on an M4A file is a real mistake).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from audio.probe import exact_length
from segments.errors import InputError

#: Bytes read from the start of a file to decide its type.
SNIFF_BYTES = 64
#: Zero bytes skipped after an ID3v2 tag: some taggers pad outside the tag, and players (ffmpeg,
#: mutagen) skip them to the first frame.
MAX_ZERO_PADDING = 64 * 1024


def _id3_size(head: bytes) -> int:
    """Return the size of a leading ID3v2 tag (header and footer included), 0 if there is none."""
    if len(head) < 10 or head[:3] != b"ID3":
        return 0
    size = 0
    for byte in head[6:10]:  # syncsafe integer: 7 bits per byte (ID3v2.4 section 3.1)
        size = (size << 7) | (byte & 0x7F)
    footer = 10 if head[5] & 0x10 else 0
    return 10 + size + footer


def _is_mpeg_audio(head: bytes) -> bool:
    # MPEG audio frame header: 11 sync bits, version != reserved (01), layer != reserved (00).
    return (
        len(head) >= 2
        and head[0] == 0xFF
        and head[1] & 0xE0 == 0xE0
        and head[1] & 0x18 != 0x08
        and head[1] & 0x06 != 0x00
    )


def _is_adts(head: bytes) -> bool:
    # ADTS AAC: 12 sync bits, layer bits 00.
    return len(head) >= 2 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0


#: ISO BMFF major brands of audio-only MPEG-4 files (Apple's M4A/M4B and the generic ones).
M4A_BRANDS: frozenset[bytes] = frozenset({b"M4A ", b"M4B ", b"M4P ", b"mp42", b"mp41", b"isom"})


def _is_mpeg4(head: bytes) -> bool:
    """Tell whether an ISO BMFF ``ftyp`` box names an MPEG-4 brand, major or compatible.

    Encoders other than Apple's put their own major brand first (``iso5``, ``dash``, ``3gp4``)
    and list ``isom``/``mp41``/``mp42`` as compatible brands after the minor version.
    """
    if head[4:8] != b"ftyp":
        return False
    end = min(int.from_bytes(head[:4], "big"), len(head))
    brands = [head[8:12]] + [head[i : i + 4] for i in range(16, end - 3, 4)]
    return any(brand in M4A_BRANDS for brand in brands)


#: (test on the first bytes after any ID3v2 tag, MIME type), tried in order; the first match wins.
SNIFFERS: tuple[tuple[Callable[[bytes], bool], str], ...] = (
    (_is_mpeg_audio, "audio/mpeg"),
    (_is_mpeg4, "audio/x-m4a"),
    (_is_adts, "audio/aac"),
    (lambda h: h[:4] == b"OggS", "audio/ogg"),
    (lambda h: h[:4] == b"fLaC", "audio/flac"),
    (lambda h: h[:4] == b"RIFF" and h[8:12] == b"WAVE", "audio/wav"),
)

#: MIME type from a file name's extension, for audio that is only a URL (no file to sniff).
MIME_BY_EXTENSION: dict[str, str] = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/x-m4a",
    ".m4b": "audio/x-m4a",
    ".aac": "audio/aac",
    ".ogg": "audio/ogg",
    ".opus": "audio/ogg",
    ".oga": "audio/ogg",
    ".flac": "audio/flac",
    ".wav": "audio/wav",
}


@dataclass(frozen=True)
class MediaFacts:
    """What an audio file really is: size in bytes, MIME type, duration in seconds."""

    length_bytes: int
    mime_type: str
    duration_seconds: float | None


def sniff_mime(head: bytes, after_id3: bytes | None = None) -> str | None:
    """Return the MIME type the first bytes of a file show, or None when no sniffer matches.

    ``after_id3`` is the bytes following a leading ID3v2 tag, when the caller read them.

    >>> sniff_mime(bytes([0xFF, 0xFB, 0x90, 0x64]))
    'audio/mpeg'
    >>> sniff_mime(b"\\x00\\x00\\x00\\x20ftypM4A \\x00\\x00\\x02\\x00")
    'audio/x-m4a'
    >>> sniff_mime(b"OggS\\x00\\x02"), sniff_mime(b"fLaC\\x00"), sniff_mime(b"<html>")
    ('audio/ogg', 'audio/flac', None)
    """
    body = after_id3 if after_id3 is not None else head
    for test, mime in SNIFFERS:
        if test(body):
            return mime
    if head[:3] == b"ID3" and after_id3 is None:
        return "audio/mpeg"  # an ID3v2 tag with nothing read after it: MP3 by convention
    return None


def read_media_facts(path: Path) -> MediaFacts:
    """Return the real byte count, MIME type (from content) and duration (mutagen) of ``path``."""
    try:
        length = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
            tag_size = _id3_size(head)
            after = None
            if tag_size:
                handle.seek(tag_size)
                after = handle.read(MAX_ZERO_PADDING + SNIFF_BYTES).lstrip(b"\0")[:SNIFF_BYTES]
    except OSError as exc:
        raise InputError(f"cannot read audio: {exc.strerror or exc}", path) from exc
    if length == 0:
        raise InputError("audio file is empty", path)
    mime = sniff_mime(head, after)
    if mime is None:
        raise InputError("not an audio file segcast knows (MP3, M4A, AAC, Ogg, FLAC, WAV)", path)
    return MediaFacts(length_bytes=length, mime_type=mime, duration_seconds=read_duration(path))


def read_duration(path: Path) -> float | None:
    """Return the duration of an audio file in seconds as mutagen reads it; None if it cannot."""
    import mutagen

    try:
        audio = mutagen.File(path)
    except Exception as exc:  # mutagen raises its own MutagenError subclasses and struct errors
        raise InputError(f"cannot read audio: {exc}", path) from exc
    if audio is None or audio.info is None:
        return None
    length = exact_length(path, audio.info)
    return float(length) if length else None
