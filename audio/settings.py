"""What a master may be asked for: the settings, their ranges, the output formats.

Kept apart from :mod:`audio.master` and free of heavy imports, so the command line can build
its options (and ``--help``) and ``show.toml``'s ``[audio]`` reader can check values without
loading ffmpeg's wrappers or mutagen. :mod:`audio.master` re-exports every name here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = [
    "ALTERNATES",
    "ENCODINGS",
    "FORMAT_CODECS",
    "MAINS_HZ",
    "SAMPLE_RATES",
    "SETTING_RANGES",
    "Alternate",
    "AlternateEncoding",
    "Encoding",
    "Format",
    "Mains",
    "MasterSettings",
    "Range",
    "Reading",
]

Format = Literal["mp3", "m4a"]
#: Extra encodings a build may publish beside the main file (podcast:alternateEnclosure).
Alternate = Literal["opus", "aac"]
#: Mains frequency whose hum (and harmonics) ``dehum`` removes.
Mains = Literal[50, 60]
#: How the loudness target was read: stereo, mono (-19 LUFS), or mono read as dual mono (Apple's
#: -16 LUFS for mono, which players play on both channels).
Reading = Literal["stereo", "mono", "dual-mono"]


@dataclass(frozen=True)
class Encoding:
    """How one output format is encoded, muxed, and streamed to the verifying meter."""

    codec: str
    #: tee slave options of the file output (muxer and its options, ``:``-separated).
    file_muxer: str
    #: muxer for the copy piped to the meter, and the demuxer that reads it back.
    pipe_muxer: str
    pipe_demuxer: str
    mime_type: str


#: Output format -> encoding. MP3: CBR libmp3lame with the Xing/Info header (players need it for
#: duration and seeking) and ID3v2.3 (v2.4 is misread on Windows and by VLC). M4A: ffmpeg's AAC
#: with the index moved to the front (+faststart) so players can stream it.
ENCODINGS: dict[str, Encoding] = {
    "mp3": Encoding("libmp3lame", "f=mp3:write_xing=1:id3v2_version=3", "mp3", "mp3", "audio/mpeg"),
    "m4a": Encoding("aac", "f=ipod:movflags=+faststart", "adts", "aac", "audio/x-m4a"),
}


@dataclass(frozen=True)
class AlternateEncoding:
    """How one alternate encoding is made from the mastered file, and how the feed names it."""

    codec: str
    #: ffmpeg muxer and the file's extension (``audio/<slug>.<extension>``).
    muxer: str
    extension: str
    sample_rate: int
    #: Bit rate by output channel count, kbit/s.
    bitrate_kbps: dict[int, int]
    #: RFC 6381 codecs string (podcast:alternateEnclosure ``codecs``) and the feed's title.
    codecs: str
    title: str


#: Alternate name -> encoding. Opus runs at 48 kHz only (RFC 6716) in Ogg (RFC 7845); speech is
#: transparent at 32 kbit/s mono, 64 stereo (Opus's own guidance: 24-32 kbit/s "fullband speech"
#: per channel). AAC-LC (``mp4a.40.2``) in M4A with the index in front, 64 mono / 96 stereo.
ALTERNATES: dict[str, AlternateEncoding] = {
    "opus": AlternateEncoding("libopus", "ogg", "opus", 48000, {1: 32, 2: 64}, "opus", "Opus"),
    "aac": AlternateEncoding("aac", "ipod", "m4a", 44100, {1: 64, 2: 96}, "mp4a.40.2", "AAC"),
}
#: The codecs string of each main format, for its own alternateEnclosure entry.
FORMAT_CODECS: dict[str, str] = {"mp3": "mp3", "m4a": "mp4a.40.2"}


@dataclass(frozen=True)
class Range:
    """The values a numeric setting may take, inclusive, with its unit and what it is called."""

    low: float
    high: float
    unit: str
    label: str

    def problem(self, value: float) -> str | None:
        """Return what is wrong with ``value`` (``"50 Hz is outside 20..300"``), None if fine.

        >>> SETTING_RANGES["highpass_hz"].problem(10)
        '10 Hz is outside 20..300'
        """
        if self.low <= value <= self.high:
            return None
        return f"{value} {self.unit} is outside {self.low:g}..{self.high:g}"


#: MasterSettings field -> allowed range: the one table both :func:`plan` and show.toml's
#: ``[audio]`` reader (segcast/config.py) check against.
SETTING_RANGES: dict[str, Range] = {
    "target_lufs": Range(-40.0, -5.0, "LUFS", "target loudness"),
    "true_peak_ceiling": Range(-10.0, 0.0, "dBTP", "true peak ceiling"),
    "bitrate_kbps": Range(32, 320, "kbit/s", "bit rate"),
    "crossfade_ms": Range(0, 10_000, "ms", "crossfade"),
    "silence_pad_ms": Range(0, 5_000, "ms", "silence pad"),
    # Below 20 Hz nothing is audible to cut; above 300 Hz a high-pass thins voices audibly.
    "highpass_hz": Range(20, 300, "Hz", "high-pass"),
}
#: Output sample rates MP3 and AAC players all take.
SAMPLE_RATES: tuple[int, ...] = (32000, 44100, 48000)
#: ``dehum`` values: the mains frequencies.
MAINS_HZ: tuple[int, ...] = (50, 60)


@dataclass
class MasterSettings:
    """How to master: targets default by output channels (-16 LUFS/128k stereo, -19/64k mono)."""

    target_lufs: float | None = None
    true_peak_ceiling: float = -1.0
    format: Format = "mp3"
    bitrate_kbps: int | None = None
    mono: bool = False
    sample_rate: int = 44100
    intro: Path | None = None
    outro: Path | None = None
    crossfade_ms: int = 500
    trim_silence: bool = False
    #: Silence kept at each end after trimming, so speech does not start on the first sample.
    silence_pad_ms: int = 100
    max_passes: int = 3
    #: Also measure the input's true peak (for the report; costs ~10% more wall time).
    measure_input_peak: bool = False
    #: Speech processing, each optional. A leveler evening out speakers and passages (the
    #: loudness range before and after it is reported), a high-pass against rumble at this many
    #: Hz, hum removal at 50 or 60 Hz with harmonics, broadband noise reduction.
    leveler: bool = False
    highpass_hz: float | None = None
    dehum: Mains | None = None
    denoise: bool = False
    #: Read mono as dual mono (-16 LUFS, Apple's reading) instead of -19 LUFS.
    dual_mono: bool = False
    #: Extra encodings made from the mastered file (not mastered again), published beside it.
    alternates: tuple[Alternate, ...] = ()
