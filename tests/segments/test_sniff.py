"""The one content sniffer: its signature table, the ID3v2 size, the extension -> MIME table."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from segments.errors import InputError
from segments.sniff import (
    KINDS,
    MAX_ZERO_PADDING,
    SIGNATURES,
    SNIFF_BYTES,
    id3v2_size,
    sniff,
    sniff_file,
)


def id3(body: bytes = b"", *, version: int = 4, footer: bool = False) -> bytes:
    """Return an ID3v2 tag holding ``body`` (synchsafe size), with a v2.4 footer if asked."""
    size = len(body)
    synchsafe = bytes((size >> shift) & 0x7F for shift in (21, 14, 7, 0))
    flags = 0x10 if footer else 0
    tag = b"ID3" + bytes([version, 0, flags]) + synchsafe + body
    return tag + (b"3DI" + bytes([version, 0, flags]) + synchsafe if footer else b"")


MP3_FRAME = bytes([0xFF, 0xFB, 0x90, 0x64]) + bytes(60)
FLAC = b"fLaC\x00\x00\x00\x22" + bytes(56)
ADTS = bytes([0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC]) + bytes(57)


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (bytes([0xFF, 0xFB, 0x90, 0x64]), "mp3"),  # MPEG-1 layer III
        (bytes([0xFF, 0xF3, 0x40, 0xC4]), "mp3"),  # MPEG-2 layer III
        (bytes([0xFF, 0xF1, 0x50, 0x80]), "aac"),  # ADTS, layer bits 00
        (b"\x00\x00\x00\x18ftypM4B \x00\x00\x02\x00", "m4a"),
        (b"\x00\x00\x00\x18ftypqt  \x00\x00\x02\x00", "mp4"),  # QuickTime video
        # Other encoders' AAC files (ffmpeg -brand, DASH packagers, Android recorders): the
        # major brand is not Apple's, a compatible brand says MPEG-4.
        (b"\x00\x00\x00\x1cftypiso5\x00\x00\x02\x00iso5iso2mp41", "m4a"),
        (b"\x00\x00\x00\x1cftypdash\x00\x00\x02\x00dashiso2mp41", "m4a"),
        (b"\x00\x00\x00\x1cftyp3gp4\x00\x00\x02\x003gp4isomiso2", "m4a"),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  ", "mp4"),
        (b"RIFF\x00\x00\x00\x00AVI ", "riff"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "wav"),
        (b"FORM\x00\x00\x00\x00AIFF", "aiff"),
        (b"OggS\x00\x02" + bytes(22) + b"\x01vorbis", "ogg-vorbis"),
        (b"OggS\x00\x02" + bytes(22) + b"OpusHead", "ogg-opus"),
        (b"OggS\x00\x02" + bytes(22) + b"\x7fFLAC", "ogg"),
        (b"\x1a\x45\xdf\xa3\x01", "matroska"),
        (b"%PDF-1.7", "pdf"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "png"),
        (b"\xff\xd8\xff\xe0", "jpeg"),
        (b"GIF89a", "gif"),
        (b"PK\x03\x04", "zip"),
        (b"\x1f\x8b\x08", "gzip"),
        (b"\x7fELF", "elf"),
        (b"fLaC\x00", "flac"),
        (b"<html>", None),
        (b"", None),
        # Eleven set bits alone are not a frame: bit rate index 15 and sample rate 11 are
        # reserved (ISO 11172-3), so such bytes (a UTF-16 BOM before "ð") are not MP3.
        (codecs.BOM_UTF16_LE + b"\xf0\x00", None),
        (bytes([0xFF, 0xFB, 0x9C, 0x64]), None),
        # An ID3v2 tag is looked past; with nothing known behind it, it is MP3 by convention.
        (b"ID3\x04\x00", None),  # cut inside the header: no tag
        (id3(b"TIT2"), "mp3"),
        (id3(b"TIT2") + MP3_FRAME, "mp3"),
        (id3(b"TIT2") + FLAC, "flac"),
        (id3(b"TIT2") + ADTS, "aac"),
        (id3(b"TIT2", footer=True) + FLAC, "flac"),
        (id3(b"TIT2") + bytes(700) + FLAC, "flac"),
        (id3(b"TIT2", version=3) + bytes(5) + ADTS, "aac"),
    ],
)
def test_sniff_table(head: bytes, kind: str | None) -> None:
    assert sniff(head) == kind


def test_every_kind_has_one_row_and_audio_rows_an_audio_type() -> None:
    assert len(KINDS) == len(SIGNATURES)
    for signature in SIGNATURES:
        assert signature.name
        assert signature.mime is None or signature.mime.split("/")[0] in ("audio", "image")


@pytest.mark.parametrize(
    ("head", "size"),
    [
        (id3(bytes(257)), 267),
        (id3(bytes(5), footer=True), 25),  # ID3v2.4 footer: 10 bytes the size field leaves out
        (id3(bytes(5), version=3), 15),
        (b"ID3\x03\x00\x10\x00\x00\x00\x05", 15),  # bit 4 means a footer in v2.4 only
        (b"ID3\x04\x00\x00\x00\x00\x01\x00", 138),  # synchsafe: 7 bits per byte
        (b"ID3\x04", 0),  # too short to hold a header
        (b"ID3\xff\x00\x00\x00\x00\x00\x00", 0),  # version 0xFF is never a tag
        (MP3_FRAME, 0),
    ],
)
def test_id3v2_size(head: bytes, size: int) -> None:
    assert id3v2_size(head) == size


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        # A large tag (cover art) is skipped by seeking, not read.
        (id3(bytes(300_000)) + FLAC, "flac"),
        (id3(b"TIT2", footer=True) + bytes(1000) + ADTS, "aac"),
        # Padding beyond the cap is not looked through: MP3 by convention.
        (id3(b"TIT2") + bytes(MAX_ZERO_PADDING + SNIFF_BYTES) + FLAC, "mp3"),
        (b"", None),
        (b"plain text\n", None),
    ],
)
def test_sniff_file_looks_past_id3_on_disk(
    tmp_path: Path, content: bytes, kind: str | None
) -> None:
    path = tmp_path / "file.bin"
    path.write_bytes(content)
    assert sniff_file(path) == kind


def test_sniff_file_refuses_what_is_not_a_file_naming_it(tmp_path: Path) -> None:
    # Opened through segments.files.open_input: one InputError, and a FIFO is never waited on.
    with pytest.raises(InputError, match=r"gone\.mp3: no such file"):
        sniff_file(tmp_path / "gone.mp3")
    os.mkfifo(tmp_path / "pipe.mp3")
    with pytest.raises(InputError, match=r"pipe\.mp3: is a FIFO"):
        sniff_file(tmp_path / "pipe.mp3")
