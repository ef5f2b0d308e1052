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

import mutagen
import mutagen.aac
import mutagen.aiff
import mutagen.flac
import mutagen.mp3
import mutagen.mp4
import mutagen.oggopus
import mutagen.oggvorbis
import mutagen.wave

from audio.ffmpeg import run_ffmpeg
from segments.errors import InputError
from segments.files import input_file
from segments.sniff import Kind, id3v2_size, sniff_file

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


#: The mutagen class that reads each kind of audio the sniffer tells apart. Chosen by content:
#: mutagen.File() scores any leading ID3v2 tag as MP3, so ADTS AAC behind a tag would not read.
MUTAGEN_TYPES: dict[Kind, Any] = {
    "mp3": mutagen.mp3.MP3,
    "aac": mutagen.aac.AAC,
    "m4a": mutagen.mp4.MP4,
    "mp4": mutagen.mp4.MP4,
    "ogg-vorbis": mutagen.oggvorbis.OggVorbis,
    "ogg-opus": mutagen.oggopus.OggOpus,
    "flac": mutagen.flac.FLAC,
    "wav": mutagen.wave.WAVE,
    "aiff": mutagen.aiff.AIFF,
}


def read_mutagen(path: Path) -> Any:
    """Return mutagen's object for the audio file at ``path``, its class chosen by content.

    Kinds without a class here (Ogg FLAC, Speex) go to mutagen.File(); None where it has no
    reader. Raises mutagen's errors (MutagenError and struct errors) and OSError.
    """
    kind = sniff_file(path)
    loader = MUTAGEN_TYPES.get(kind) if kind is not None else None
    return loader(path) if loader is not None else mutagen.File(path)


def check_readable(path: Path) -> None:
    """Raise InputError unless ``path`` is an existing, non-empty regular file.

    A FIFO, socket or device is refused here, before ffmpeg or mutagen opens it and waits.
    """
    input_file(path)
    if path.stat().st_size == 0:
        raise InputError("is empty (0 bytes), not audio", path)


#: MPEG audio bit rates in kbit/s by (MPEG-1?, layer) and the header's 4-bit index (ISO 11172-3,
#: ISO 13818-3); index 0 ("free format") and 15 are not countable.
_MPEG_KBPS: dict[tuple[bool, int], tuple[int, ...]] = {
    (True, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
#: Sample rates by the header's version bits (0: MPEG-2.5, 2: MPEG-2, 3: MPEG-1).
_MPEG_RATES: dict[int, tuple[int, int, int]] = {
    0: (11025, 12000, 8000),
    2: (22050, 24000, 16000),
    3: (44100, 48000, 32000),
}


def _mpeg_frame(data: Any, pos: int) -> tuple[int, int, int] | None:
    """Return (frame bytes, samples, sample rate) of the MPEG audio frame at ``pos``, or None."""
    if pos + 4 > len(data) or data[pos] != 0xFF or data[pos + 1] & 0xE0 != 0xE0:
        return None
    b1, b2 = data[pos + 1], data[pos + 2]
    version, layer = (b1 >> 3) & 3, 4 - ((b1 >> 1) & 3)
    index, rate_index = b2 >> 4, (b2 >> 2) & 3
    if version == 1 or layer == 4 or index in (0, 15) or rate_index == 3:
        return None
    mpeg1 = version == 3
    bits = _MPEG_KBPS[(mpeg1, layer)][index] * 1000
    rate = _MPEG_RATES[version][rate_index]
    padding = (b2 >> 1) & 1
    if layer == 1:
        return (12 * bits // rate + padding) * 4, 384, rate
    samples = 1152 if mpeg1 or layer == 2 else 576
    return samples // 8 * bits // rate + padding, samples, rate


def mp3_frames_seconds(path: Path) -> float | None:
    """Return an MP3's duration by counting its frames, or None when no frame run is found.

    For MP3s without a Xing/Info or VBRI frame, where a reader can only guess from the first
    frame's bit rate (mutagen: a VBR file reads far too short). Reads the file through mmap.
    """
    import mmap

    try:
        with (
            path.open("rb") as handle,
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data,
        ):
            pos = id3v2_size(data[:10])
            # The first frame is one whose successor starts where its length says.
            while pos < len(data):
                pos = data.find(b"\xff", pos)
                if pos < 0:
                    return None
                frame = _mpeg_frame(data, pos)
                if frame and (pos + frame[0] >= len(data) or _mpeg_frame(data, pos + frame[0])):
                    break
                pos += 1
            else:
                return None
            samples, rate = 0, frame[2]
            while frame is not None and pos + frame[0] <= len(data):
                samples += frame[1]
                pos += frame[0]
                frame = _mpeg_frame(data, pos)
    except (OSError, ValueError):  # ValueError: mmap of an empty file
        return None
    return samples / rate if samples else None


def exact_length(path: Path, info: Any) -> float | None:
    """Return mutagen's length for ``info``, counting MP3 frames when it could only guess."""
    from mutagen.mp3 import BitrateMode, MPEGInfo

    if isinstance(info, MPEGInfo) and info.bitrate_mode == BitrateMode.UNKNOWN:
        return mp3_frames_seconds(path) or info.length
    length = getattr(info, "length", None)
    return float(length) if length else None


def _mutagen_info(path: Path) -> Any:
    """Return mutagen's stream info for ``path``, or None where mutagen cannot read it."""
    try:
        found = read_mutagen(path)
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
    length = exact_length(path, info) if info is not None else None
    bitrate = getattr(info, "bitrate", None)
    return AudioFacts(
        container=facts.container,
        codec=facts.codec,
        duration_seconds=float(length) if length else facts.duration_seconds,
        sample_rate=facts.sample_rate or getattr(info, "sample_rate", None),
        channels=facts.channels or getattr(info, "channels", None),
        bitrate_kbps=round(bitrate / 1000) if bitrate else facts.bitrate_kbps,
    )


def read_header(path: Path) -> AudioFacts | None:
    """Return what mutagen reads of ``path``'s header (no ffmpeg started), None if it cannot.

    For callers that decode the file with ffmpeg next anyway (mastering): that decode decides
    whether the file is audio, and :func:`probe` explains a refusal. Codec and container are
    left unknown; None too when the header gives no channel count or sample rate.
    """
    path = Path(path)
    check_readable(path)
    info = _mutagen_info(path)
    channels, rate = getattr(info, "channels", None), getattr(info, "sample_rate", None)
    if info is None or not channels or not rate:
        return None
    bitrate = getattr(info, "bitrate", None)
    return AudioFacts(
        container=None,
        codec=None,
        duration_seconds=exact_length(path, info),
        sample_rate=int(rate),
        channels=int(channels),
        bitrate_kbps=round(bitrate / 1000) if bitrate else None,
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
