"""Alternate encodings of a mastered episode: the same programme in Opus or AAC.

The mastered file is the one source: it is decoded and encoded again, never mastered a second
time, so every encoding carries the same programme at the same loudness and with the same
timeline (chapters, transcripts). The cost is one lossy generation (MP3 at 128 kbit/s into Opus
at 64 kbit/s or AAC at 96 kbit/s, speech); mastering each encoding from the raw recording would
instead give each its own gains, and chapter times that agree only by luck.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mutagen

from audio.ffmpeg import run_ffmpeg
from audio.loudness import Loudness, measure_loudness
from audio.probe import probe, read_header
from audio.settings import ALTERNATES, AlternateEncoding
from segments.errors import AudioError, InputError
from segments.files import atomic_output

__all__ = ["AlternateReport", "alternate_name", "encode_alternate"]


@dataclass(frozen=True)
class AlternateReport:
    """What one alternate encoding is: its file, name, codec, bit rate and channels."""

    output: Path
    name: str
    codec: str
    bitrate_kbps: int
    channels: int
    #: Measured on the encoded file: an encoder may raise true peak over the master's.
    loudness: Loudness


def alternate_name(slug: str, name: str) -> str:
    """Return the file name of ``slug``'s alternate ``name`` (``slug.opus``, ``slug.m4a``)."""
    return f"{slug}.{ALTERNATES[name].extension}"


#: Where ffmpeg names itself even when bitexact: the Vorbis comment and the MP4 atom.
ENCODER_TAGS: tuple[str, ...] = ("encoder", "\xa9too")


def _drop_encoder_tag(path: Path) -> None:
    """Remove the encoder tag ffmpeg writes: our files name no tool (house rule for tags)."""
    try:
        audio = mutagen.File(path)
        tags: Any = audio.tags if audio is not None else None
        if tags is None:
            return
        # keys(): iterating Vorbis comments yields (key, value) pairs, not keys.
        named = [key for key in tags.keys() if key in ENCODER_TAGS]  # noqa: SIM118
        for key in named:
            del tags[key]
        if named:
            audio.save()
    except (mutagen.MutagenError, OSError) as exc:
        raise AudioError(f"cannot read the encoded file: {exc}", path) from exc


def encode_alternate(master_file: Path, dst: Path, name: str) -> AlternateReport:
    """Encode the mastered ``master_file`` as alternate ``name`` into ``dst``, atomically.

    Tags are not copied (the tag stage writes them for the container), and ffmpeg's own
    encoder tag is left out. The encoded file's loudness and true peak are measured (the
    encoder, not a limiter, has the last word on its peaks).
    """
    if name not in ALTERNATES:
        raise InputError(f"unknown alternate encoding {name!r} (choose {sorted(ALTERNATES)})", dst)
    encoding: AlternateEncoding = ALTERNATES[name]
    facts = read_header(master_file) or probe(master_file)
    channels = 1 if facts.channels == 1 else 2
    bitrate = encoding.bitrate_kbps[channels]
    args: list[str | Path] = [
        "-y",
        "-i",
        master_file,
        "-map",
        "0:a:0",
        "-map_metadata",
        "-1",
        "-map_chapters",
        "-1",
        "-ac",
        str(channels),
        "-ar",
        str(encoding.sample_rate),
        "-c:a",
        encoding.codec,
        "-b:a",
        f"{bitrate}k",
        "-fflags",
        "+bitexact",
        "-flags:a",
        "+bitexact",
    ]
    if encoding.muxer == "ipod":
        args += ["-movflags", "+faststart"]
    with atomic_output(dst) as temp:
        run_ffmpeg([*args, "-f", encoding.muxer, temp], where=master_file)
        _drop_encoder_tag(temp)
        loudness = measure_loudness(temp)
    return AlternateReport(dst, name, encoding.codec, bitrate, channels, loudness)
