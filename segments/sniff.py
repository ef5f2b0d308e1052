"""What a file is, told from its first bytes: one signature table, one ID3v2 size, one MIME table.

Every part of segcast that asks "what is this file?" asks here: the page reader (refusing a PDF
given as a page), the config (artwork must really be JPEG or PNG), the tagger (which container to
write) and the feed (the enclosure ``type``). Content wins over the file name: an M4A named
``.mp3`` is an M4A. Like mutagen's ``File()``, every kind has a test on the header, and the table
is tried in order, most specific first: the MPEG audio and ADTS sync words, only a few bits
long, come after every magic number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from segments.files import open_input
from segments.urls import split_url

__all__ = [
    "KINDS",
    "MAX_ZERO_PADDING",
    "MIME_BY_EXTENSION",
    "SIGNATURES",
    "SNIFF_BYTES",
    "Kind",
    "Signature",
    "id3v2_size",
    "mime_from_url",
    "sniff",
    "sniff_file",
    "synchsafe",
]

#: What a file can be, as far as segcast tells files apart.
Kind = Literal[
    "pdf",
    "png",
    "jpeg",
    "gif",
    "zip",
    "gzip",
    "elf",
    "flac",
    "ogg-vorbis",
    "ogg-opus",
    "ogg",
    "wav",
    "riff",
    "aiff",
    "matroska",
    "m4a",
    "mp4",
    "mp3",
    "aac",
]

#: Bytes of a stream's start that the signature tests look at.
SNIFF_BYTES = 64
#: Zero bytes skipped after an ID3v2 tag: some taggers pad outside the tag, and players (ffmpeg,
#: mutagen) skip them to the first frame.
MAX_ZERO_PADDING = 64 * 1024


def synchsafe(data: bytes) -> int:
    """Return the integer of an ID3v2 synchsafe field: 7 bits per byte (ID3v2.4 section 6.2).

    https://id3.org/id3v2.4.0-structure

    >>> synchsafe(bytes([0x00, 0x00, 0x02, 0x01]))
    257
    """
    value = 0
    for byte in data:
        value = (value << 7) | (byte & 0x7F)
    return value


def id3v2_size(head: bytes) -> int:
    """Return the bytes a leading ID3v2 tag takes (header, frames, footer), 0 if there is none.

    The header's size excludes the 10-byte header and the 10-byte footer that ID3v2.4 adds when
    flag bit 4 is set (ID3v2.4 structure, sections 3.1 and 3.4,
    https://id3.org/id3v2.4.0-structure). Zero padding after the tag is not counted: see
    :func:`sniff`.

    >>> id3v2_size(b"ID3\\x04\\x00\\x00\\x00\\x00\\x02\\x01")
    267
    >>> id3v2_size(b"ID3\\x04\\x00\\x10\\x00\\x00\\x00\\x05")  # footer flag: 10 more bytes
    25
    >>> id3v2_size(b"fLaC\\x00\\x00\\x00\\x22")
    0
    """
    if len(head) < 10 or head[:3] != b"ID3" or head[3] == 0xFF or head[4] == 0xFF:
        return 0
    footer = 10 if head[3] >= 4 and head[5] & 0x10 else 0
    return 10 + synchsafe(head[6:10]) + footer


def _is_mpeg_audio(head: bytes) -> bool:
    # MPEG audio frame header (ISO 11172-3 2.4.1.3): 11 sync bits, version != reserved (01),
    # layer != reserved (00); the third byte's bit rate index is not 15 and the sample rate is
    # not the reserved 11, which keeps a UTF-16 byte-order mark (FF FE) from passing as MPEG.
    return (
        len(head) >= 3
        and head[0] == 0xFF
        and head[1] & 0xE0 == 0xE0
        and head[1] & 0x18 != 0x08
        and head[1] & 0x06 != 0x00
        and head[2] >> 4 != 0x0F
        and head[2] & 0x0C != 0x0C
    )


def _is_adts(head: bytes) -> bool:
    # ADTS AAC (ISO 14496-3 1.A.2.2.1): 12 sync bits, layer bits 00.
    return len(head) >= 2 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0


#: ISO BMFF brands of audio-only MPEG-4 files (Apple's M4A/M4B and the generic ones).
M4A_BRANDS: frozenset[bytes] = frozenset({b"M4A ", b"M4B ", b"M4P ", b"mp42", b"mp41", b"isom"})


def _is_m4a(head: bytes) -> bool:
    """Tell whether an ISO BMFF ``ftyp`` box names an MPEG-4 brand, major or compatible.

    Encoders other than Apple's put their own major brand first (``iso5``, ``dash``, ``3gp4``)
    and list ``isom``/``mp41``/``mp42`` as compatible brands after the minor version.
    """
    if head[4:8] != b"ftyp":
        return False
    end = min(int.from_bytes(head[:4], "big"), len(head))
    brands = [head[8:12]] + [head[i : i + 4] for i in range(16, end - 3, 4)]
    return any(brand in M4A_BRANDS for brand in brands)


def _starts(*magic: bytes) -> Callable[[bytes], bool]:
    return lambda head: head.startswith(magic)


def _ogg(marker: bytes) -> Callable[[bytes], bool]:
    # The first Ogg page carries the codec's identification header within its first 64 bytes.
    return lambda head: head.startswith(b"OggS") and marker in head[:SNIFF_BYTES]


@dataclass(frozen=True)
class Signature:
    """One kind of file: how its first bytes look, its name in messages, its MIME type."""

    kind: Kind
    name: str
    test: Callable[[bytes], bool]
    #: The enclosure type when this is audio a podcast may publish, else None.
    mime: str | None = None


#: The signature table, tried in order; the first test that passes names the file.
SIGNATURES: tuple[Signature, ...] = (
    Signature("pdf", "PDF document", _starts(b"%PDF-")),
    Signature("png", "PNG image", _starts(b"\x89PNG\r\n\x1a\n"), "image/png"),
    Signature("jpeg", "JPEG image", _starts(b"\xff\xd8\xff"), "image/jpeg"),
    Signature("gif", "GIF image", _starts(b"GIF87a", b"GIF89a")),
    Signature("zip", "ZIP archive or office document", _starts(b"PK\x03\x04")),
    Signature("gzip", "gzip archive", _starts(b"\x1f\x8b")),
    Signature("elf", "program", _starts(b"\x7fELF")),
    Signature("flac", "FLAC audio", _starts(b"fLaC"), "audio/flac"),
    Signature("ogg-vorbis", "Ogg Vorbis audio", _ogg(b"\x01vorbis"), "audio/ogg"),
    # Ogg Opus is audio/ogg as RFC 7845 section 9 registers it.
    Signature("ogg-opus", "Ogg Opus audio", _ogg(b"OpusHead"), "audio/ogg"),
    Signature("ogg", "Ogg (not Vorbis or Opus)", _starts(b"OggS"), "audio/ogg"),
    Signature("wav", "WAV audio", lambda h: h[:4] == b"RIFF" and h[8:12] == b"WAVE", "audio/wav"),
    Signature("riff", "RIFF audio or image", _starts(b"RIFF")),
    Signature("aiff", "AIFF audio", lambda h: h[:4] == b"FORM" and h[8:12] in (b"AIFF", b"AIFC")),
    Signature("matroska", "Matroska/WebM", _starts(b"\x1a\x45\xdf\xa3")),
    # M4A is audio/x-m4a, Apple's preference (Apple Podcasts RSS feed requirements,
    # https://podcasters.apple.com/support/823-podcast-requirements).
    Signature("m4a", "M4A audio", _is_m4a, "audio/x-m4a"),
    Signature("mp4", "MP4 or QuickTime file", lambda h: h[4:8] == b"ftyp"),
    Signature("mp3", "MP3 audio", _is_mpeg_audio, "audio/mpeg"),
    Signature("aac", "AAC audio (ADTS)", _is_adts, "audio/aac"),
)

#: Each kind's row of the table.
KINDS: dict[Kind, Signature] = {signature.kind: signature for signature in SIGNATURES}

#: Audio MIME types by file extension, also the format words pages print ("mp3 (30 MB)"): for audio
#: known only by its URL. MP4 is ``audio/mp4`` (RFC 4337); M4A and M4B are Apple's ``audio/x-m4a``.
MIME_BY_EXTENSION: dict[str, str] = {
    "mp3": "audio/mpeg",
    "m4a": "audio/x-m4a",
    "m4b": "audio/x-m4a",
    "mp4": "audio/mp4",
    "aac": "audio/aac",
    "ogg": "audio/ogg",
    "oga": "audio/ogg",
    "opus": "audio/ogg",
    "flac": "audio/flac",
    "wav": "audio/wav",
}


def mime_from_url(url: str) -> str | None:
    """Return the audio MIME type a URL's (or file name's) extension implies, or None.

    >>> mime_from_url("https://ondemand.npr.org/x/roof_trial.mp3?orgId=1&dl=1")
    'audio/mpeg'
    >>> mime_from_url("https://example.org/podlove/file/4030/RES158.M4A")
    'audio/x-m4a'
    >>> mime_from_url("https://example.org/episode.opus#t=10")
    'audio/ogg'
    >>> mime_from_url("https://example.org/player.html") is None
    True
    """
    path = split_url(url.strip()).path
    name = path.rsplit("/", 1)[-1]
    if "." not in name:
        return None
    return MIME_BY_EXTENSION.get(name.rsplit(".", 1)[-1].lower())


def _match(head: bytes) -> Kind | None:
    for signature in SIGNATURES:
        if signature.test(head):
            return signature.kind
    return None


def _past_padding(after_tag: bytes) -> bytes:
    """Return the first bytes after an ID3v2 tag from its first non-zero byte (padding capped)."""
    return after_tag[: MAX_ZERO_PADDING + SNIFF_BYTES].lstrip(b"\0")[:SNIFF_BYTES]


def _behind_id3(after_tag: bytes) -> Kind:
    # An ID3v2 tag with nothing segcast knows behind it is MP3 by convention: ID3v2 is MP3's tag,
    # and readers (mutagen, ffmpeg) search on for the first frame.
    return _match(_past_padding(after_tag)) or "mp3"


def sniff(head: bytes) -> Kind | None:
    """Return the kind of file ``head`` (a file's first bytes) starts, or None if unknown.

    A leading ID3v2 tag (with its footer and any zero padding) is looked past: FLAC and ADTS AAC
    can carry one too. ``head`` must reach past the tag for that; :func:`sniff_file` reads a file
    so that it does.

    >>> sniff(bytes([0xFF, 0xFB, 0x90, 0x64])), sniff(b"\\x00\\x00\\x00\\x20ftypM4A \\x00\\x00")
    ('mp3', 'm4a')
    >>> sniff(b"ID3\\x04\\x00\\x00\\x00\\x00\\x00\\x00" + bytes(100) + b"fLaC"), sniff(b"<html>")
    ('flac', None)
    """
    tag = id3v2_size(head)
    return _behind_id3(head[tag:]) if tag else _match(head)


def sniff_file(path: Path) -> Kind | None:
    """Return the kind of the file at ``path`` from its content, or None if unknown.

    Reads at most ``MAX_ZERO_PADDING`` plus two ``SNIFF_BYTES``, however large an ID3v2 tag is
    (cover art can make it megabytes). Opened through ``segments.files.open_input``: a missing,
    directory, FIFO or device path is an InputError naming it; OSError from reading as is.
    """
    with open_input(Path(path)) as handle:
        head = handle.read(SNIFF_BYTES)
        tag = id3v2_size(head)
        if tag:
            handle.seek(tag)
            return _behind_id3(handle.read(MAX_ZERO_PADDING + SNIFF_BYTES))
    return _match(head) if head else None
