"""Make the committed media fixtures in this folder: ``python tests/media/make_media.py``.

Not a test and not run by the tests: the files are committed, and regenerating them is a
reviewed change (a new ffmpeg may encode other bytes; the edges each file pins must stay). Needs
Debian's ``ffmpeg`` (or ``SEGCAST_FFMPEG``) and mutagen. See README.md for what each file pins.
"""

from __future__ import annotations

import math
import os
import random
import struct
import subprocess
import tempfile
import wave
from pathlib import Path

HERE = Path(__file__).resolve().parent
RATE = 22050


def write_wav(path: Path, samples: list[float], rate: int = RATE) -> Path:
    """Write mono 16-bit PCM."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", round(s * 32000)) for s in samples))
    return path


def tone(seconds: float, rate: int = RATE) -> list[float]:
    return [0.5 * math.sin(2 * math.pi * 440 * i / rate) for i in range(round(seconds * rate))]


def silence_then_noise(seconds: float, rate: int = RATE) -> list[float]:
    # VBR needs content whose frames need different bit rates: silence, then noise.
    noise = random.Random(7)
    half = round(seconds * rate / 2)
    return [0.0] * half + [noise.uniform(-0.5, 0.5) for _ in range(half)]


def ffmpeg(*args: str | Path) -> None:
    exe = os.environ.get("SEGCAST_FFMPEG", "ffmpeg")
    cmd = [exe, "-v", "error", "-y", "-bitexact", *map(str, args)]
    subprocess.run(cmd, check=True)


def id3_tag(title: str, path: Path) -> None:
    """Write an ID3v2.4 tag holding TIT2 with no padding (mutagen adds 1 KB by default)."""
    from mutagen.id3 import ID3, TIT2

    tags = ID3()
    tags.add(TIT2(encoding=3, text=title))
    tags.save(path, v2_version=4, padding=lambda info: 0)


def tag_size(data: bytes) -> int:
    """The ID3v2 tag size from its header: decoded by hand, not by the code under test."""
    return 10 + sum((byte & 0x7F) << (7 * (3 - i)) for i, byte in enumerate(data[6:10]))


def strip_flac_padding(path: Path) -> None:
    """Drop the 8 KB PADDING block ffmpeg's FLAC muxer writes (the fixture stays small)."""
    from mutagen.flac import FLAC

    FLAC(path).save(padding=lambda info: 0)


def add_footer(path: Path) -> None:
    """Set the ID3v2.4 footer flag and append the footer (ID3v2.4 structure, section 3.4).

    The footer repeats the header with "3DI" for "ID3"; a tag with a footer has no padding.
    mutagen never writes one, so this is byte surgery on its tag.
    """
    data = path.read_bytes()
    end = tag_size(data)
    header = bytearray(data[:10])
    header[5] |= 0x10
    footer = b"3DI" + bytes(header[3:])
    path.write_bytes(bytes(header) + data[10:end] + footer + data[end:])


def add_zero_padding(path: Path, count: int) -> None:
    """Put ``count`` zero bytes between the ID3v2 tag and the first audio frame."""
    data = path.read_bytes()
    end = tag_size(data)
    path.write_bytes(data[:end] + bytes(count) + data[end:])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        talk = write_wav(work / "tone.wav", tone(0.5))
        vbr = write_wav(work / "vbr.wav", silence_then_noise(0.6))
        low = write_wav(work / "low.wav", tone(0.5, 8000), 8000)

        mp3 = ("-ac", "1", "-c:a", "libmp3lame", "-b:a", "32k")

        out = HERE / "id3v24-footer.mp3"
        ffmpeg("-i", talk, *mp3, "-write_xing", "0", "-id3v2_version", "0", out)
        id3_tag("ID3v2.4 tag with a footer", out)
        add_footer(out)

        out = HERE / "id3-zero-padding.mp3"
        ffmpeg("-i", talk, *mp3, "-write_xing", "0", "-id3v2_version", "0", out)
        id3_tag("zeros after the tag", out)
        add_zero_padding(out, 1500)

        out = HERE / "vbr-no-xing.mp3"
        ffmpeg("-i", vbr, "-ac", "1", "-c:a", "libmp3lame", "-q:a", "4", "-write_xing", "0",
               "-id3v2_version", "0", out)  # fmt: skip

        out = HERE / "flac-behind-id3.flac"
        ffmpeg("-i", low, "-c:a", "flac", out)
        strip_flac_padding(out)
        id3_tag("FLAC behind an ID3v2 tag", out)

        out = HERE / "adts.aac"
        ffmpeg("-i", low, "-c:a", "aac", "-b:a", "24k", "-f", "adts", out)

        out = HERE / "adts-behind-id3.aac"
        ffmpeg("-i", low, "-c:a", "aac", "-b:a", "24k", "-f", "adts", out)
        id3_tag("ADTS AAC behind an ID3v2 tag", out)

        out = HERE / "m4a-iso5-brand.m4a"
        ffmpeg("-i", low, "-c:a", "aac", "-b:a", "24k", "-f", "mp4", "-brand", "iso5", out)


if __name__ == "__main__":
    main()
