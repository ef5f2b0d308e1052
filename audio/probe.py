"""Technical facts of an audio file without ffprobe: mutagen where it knows the container,
``ffmpeg -i``'s stream line otherwise.

mutagen reads the container's own numbers (the Xing/Info frame count of an MP3, the MP4 ``mdhd``
duration), which are exact where ffmpeg only estimates; ffmpeg names the codec and knows every
format it can decode, so it decides whether a file is audio at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audio.ffmpeg import run_ffmpeg
from segments.errors import InputError

#: ffmpeg channel layout name -> channel count (anything else prints "N channels").
CHANNEL_LAYOUTS: dict[str, int] = {
    "mono": 1,
    "stereo": 2,
    "2.1": 3,
    "3.0": 3,
    "quad": 4,
    "4.0": 4,
    "5.0": 5,
    "5.1": 6,
    "6.1": 7,
    "7.1": 8,
}

_INPUT = re.compile(r"^Input #0, ([^,]+(?:,[^ ,]+)*), from", re.MULTILINE)
_DURATION = re.compile(r"Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)")
_AUDIO = re.compile(r"Stream #0:\d+[^:]*: Audio: (.*)$", re.MULTILINE)
_RATE = re.compile(r"(\d+) Hz")
_BITRATE = re.compile(r"(\d+) kb/s")
_CHANNELS = re.compile(r"(\d+) channels")
#: ffmpeg's reasons for refusing a file, in the words a user needs.
_REFUSALS: tuple[tuple[str, str], ...] = (
    ("Invalid data found when processing input", "invalid data"),
    ("moov atom not found", "MP4 index (moov atom) missing: truncated?"),
    ("Failed to find two consecutive MPEG audio frames", "no MPEG audio frames"),
    # ffmpeg 5 (Debian 12) on a text file named .mp3.
    ("Failed to read frame size", "invalid data"),
    (": Invalid argument", "invalid data"),
)


@dataclass(frozen=True)
class AudioFacts:
    """What a file's container and first audio stream say; unknown is ``None``."""

    container: str | None
    codec: str | None
    duration_seconds: float | None
    sample_rate: int | None
    channels: int | None
    bitrate_kbps: int | None


def parse_ffmpeg_input(stderr: str) -> AudioFacts | None:
    """Read the container and first audio stream from ``ffmpeg -i``'s stderr; None if no audio.

    >>> parse_ffmpeg_input('''Input #0, mp3, from 'a.mp3':
    ...   Duration: 00:01:02.50, start: 0.025057, bitrate: 129 kb/s
    ...   Stream #0:0: Audio: mp3 (mp3float), 44100 Hz, stereo, fltp, 128 kb/s''')
    AudioFacts(container='mp3', codec='mp3', duration_seconds=62.5, sample_rate=44100, \
channels=2, bitrate_kbps=128)
    """
    stream = _AUDIO.search(stderr)
    if not stream:
        return None
    fields = [part.strip() for part in stream.group(1).split(",")]
    codec = fields[0].split(" ")[0] or None
    rate = _RATE.search(stream.group(1))
    channels: int | None = None
    for part in fields[1:]:
        layout = part.split("(")[0].strip()
        if layout in CHANNEL_LAYOUTS:
            channels = CHANNEL_LAYOUTS[layout]
            break
        count = _CHANNELS.fullmatch(part)
        if count:
            channels = int(count.group(1))
            break
    if channels == 0:
        return None  # ffmpeg guessed a format but found no decodable frames
    bitrate = _BITRATE.search(stream.group(1)) or _BITRATE.search(stderr)
    container = _INPUT.search(stderr)
    duration = _DURATION.search(stderr)
    return AudioFacts(
        container=container.group(1) if container else None,
        codec=codec,
        duration_seconds=(
            int(duration.group(1)) * 3600 + int(duration.group(2)) * 60 + float(duration.group(3))
            if duration
            else None
        ),
        sample_rate=int(rate.group(1)) if rate else None,
        channels=channels,
        bitrate_kbps=int(bitrate.group(1)) if bitrate else None,
    )


def check_readable(path: Path) -> None:
    """Raise InputError unless ``path`` is an existing, non-empty file."""
    if not path.exists():
        raise InputError("no such file", path)
    if not path.is_file():
        raise InputError("is not a file", path)
    if path.stat().st_size == 0:
        raise InputError("is empty (0 bytes), not audio", path)


def _mutagen_info(path: Path) -> Any:
    """Return mutagen's stream info for ``path``, or None where mutagen cannot read it."""
    import mutagen

    try:
        found = mutagen.File(path)
    except Exception:  # mutagen raises its own error per format; ffmpeg decides validity
        return None
    return None if found is None else found.info


def probe(path: Path) -> AudioFacts:
    """Return the technical facts of the audio file at ``path``.

    Raises InputError naming the file when it is missing, empty, or holds no audio ffmpeg reads.
    """
    path = Path(path)
    check_readable(path)
    stderr = run_ffmpeg(["-i", path], where=path, check=False).stderr.decode("utf-8", "replace")
    facts = parse_ffmpeg_input(stderr)
    if facts is None:
        reason = next((why for text, why in _REFUSALS if text in stderr), None)
        if reason is None and "Input #0" in stderr:
            reason = "no decodable audio stream"
        raise InputError(f"is not an audio file ffmpeg can read ({reason or 'unknown'})", path)
    info = _mutagen_info(path)
    length = getattr(info, "length", None)
    bitrate = getattr(info, "bitrate", None)
    return AudioFacts(
        container=facts.container,
        codec=facts.codec,
        duration_seconds=float(length) if length else facts.duration_seconds,
        sample_rate=facts.sample_rate or getattr(info, "sample_rate", None),
        channels=facts.channels or getattr(info, "channels", None),
        bitrate_kbps=round(bitrate / 1000) if bitrate else facts.bitrate_kbps,
    )


#: A header claiming more than this much beyond what decodes means a truncated file.
TRUNCATION_TOLERANCE_SECONDS = 0.5


def check_complete(
    path: Path, declared_seconds: float | None, decoded_seconds: float | None
) -> None:
    """Raise InputError when far less decodes than the file's header declares (a truncated file).

    >>> check_complete(Path("a.mp3"), 600.0, 599.8)  # encoder padding: fine
    """
    if not declared_seconds or decoded_seconds is None:
        return
    if declared_seconds - decoded_seconds > max(
        TRUNCATION_TOLERANCE_SECONDS, 0.02 * declared_seconds
    ):
        raise InputError(
            f"is truncated or corrupt: its header says {declared_seconds:.1f} s "
            f"but only {decoded_seconds:.1f} s decode",
            path,
        )
