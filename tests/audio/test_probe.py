"""Probing without ffprobe: ffmpeg's stream line and mutagen's container facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio.probe import AudioFacts, parse_ffmpeg_input, probe
from segments.errors import InputError
from tests.audio import signals

#: ffmpeg -i stderr excerpts (ffmpeg 9) -> what they say.
STDERR = [
    (
        "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'a.m4a':\n"
        "  Duration: 00:00:20.00, start: 0.000000, bitrate: 115 kb/s\n"
        "  Stream #0:0[0x1](und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, stereo, fltp,"
        " 113 kb/s (default)\n",
        AudioFacts("mov,mp4,m4a,3gp,3g2,mj2", "aac", 20.0, 44100, 2, 113),
    ),
    (
        "Input #0, ogg, from 'a.opus':\n  Duration: 00:00:20.01, start: 0.000000, bitrate: 82 kb/s\n"
        "  Stream #0:0: Audio: opus, 48000 Hz, stereo, fltp\n",
        AudioFacts("ogg", "opus", 20.01, 48000, 2, 82),
    ),
    (
        "Input #0, wav, from 'a.wav':\n  Duration: 01:02:03.50, bitrate: 4608 kb/s\n"
        "  Stream #0:0: Audio: pcm_s16le ([1][0][0][0] / 0x0001), 48000 Hz, 5.1(side), s16,"
        " 4608 kb/s\n",
        AudioFacts("wav", "pcm_s16le", 3723.5, 48000, 6, 4608),
    ),
    (
        "Input #0, flac, from 'a.flac':\n  Duration: 00:00:01.00, bitrate: 629 kb/s\n"
        "  Stream #0:0: Audio: flac, 22050 Hz, 3 channels, s16\n",
        AudioFacts("flac", "flac", 1.0, 22050, 3, 629),
    ),
    # A video with no audio stream, and random bytes ffmpeg took for MP3 with 0 channels.
    ("Input #0, matroska,webm, from 'v.mkv':\n  Stream #0:0: Video: h264, yuv420p\n", None),
    (
        "Input #0, mp3, from 'r.mp3':\n  Stream #0:0: Audio: mp3 (mp3float), 0 channels, fltp\n",
        None,
    ),
]


@pytest.mark.parametrize(("stderr", "expected"), STDERR)
def test_parse_ffmpeg_input(stderr: str, expected: AudioFacts | None) -> None:
    assert parse_ffmpeg_input(stderr) == expected


#: suffix -> (ffmpeg options, codec, bit rate or None when variable/lossless).
FORMATS = {
    ".wav": ((), "pcm_s16le", 1411),
    ".mp3": (("-c:a", "libmp3lame", "-b:a", "96k"), "mp3", 96),
    ".m4a": (("-c:a", "aac", "-b:a", "96k"), "aac", None),
    ".flac": (
        (
            "-c:a",
            "flac",
        ),
        "flac",
        None,
    ),
    ".ogg": (
        (
            "-c:a",
            "libvorbis",
        ),
        "vorbis",
        None,
    ),
    ".opus": (("-c:a", "libopus", "-b:a", "48k"), "opus", None),
}


@pytest.mark.parametrize("suffix", sorted(FORMATS))
@pytest.mark.parametrize("channels", [1, 2])
def test_probe_reads_generated_files(tmp_path: Path, suffix: str, channels: int) -> None:
    options, codec, kbps = FORMATS[suffix]
    wav = signals.write_wav(tmp_path / "in.wav", signals.noise(3.0, channels=channels))
    path = wav if suffix == ".wav" else signals.encode(wav, tmp_path / f"a{suffix}", *options)

    facts = probe(path)

    assert facts.codec == codec
    assert facts.channels == channels
    assert facts.sample_rate == (48000 if suffix == ".opus" else 44100)
    assert facts.duration_seconds == pytest.approx(3.0, abs=0.06)
    if kbps is not None:
        # PCM scales with channels (705.6 kbit/s each); the MP3 rate is the one asked for.
        expected = round(705.6 * channels) if suffix == ".wav" else kbps
        assert facts.bitrate_kbps == expected
    else:
        assert facts.bitrate_kbps is not None and facts.bitrate_kbps > 0


ERRORS = [
    ("absent.mp3", None, "no such file"),
    ("empty.wav", b"", "is empty (0 bytes), not audio"),
    ("notes.mp3", b"plain text, no audio\n", "is not an audio file ffmpeg can read (invalid data)"),
    (
        "noise.mp3",
        bytes(range(256)) * 400,
        "is not an audio file ffmpeg can read (no decodable audio stream)",
    ),
    (
        "page.m4a",
        b"<html><body>404</body></html>\n",
        "is not an audio file ffmpeg can read (invalid data)",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), ERRORS)
def test_probe_errors_name_the_file(
    tmp_path: Path, name: str, data: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        probe(path)
    assert str(caught.value) == f"{path}: {message}"


def test_probe_refuses_a_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        probe(tmp_path)
    assert str(caught.value) == f"{tmp_path}: is a directory"


@pytest.mark.parametrize(
    "options",
    [
        ("-c:a", "libmp3lame", "-q:a", "4", "-write_xing", "0"),  # VBR, no Xing/Info frame
        ("-c:a", "libmp3lame", "-b:a", "64k", "-write_xing", "0"),  # CBR, no Xing/Info frame
        ("-c:a", "libmp3lame", "-q:a", "4", "-ar", "22050", "-write_xing", "0"),  # MPEG-2
    ],
)
def test_mp3_without_xing_header_has_its_real_duration(
    tmp_path: Path, options: tuple[str, ...]
) -> None:
    # Quiet then loud: a VBR encoder spends few bytes on the first half, so a duration guessed
    # from the first frame's bit rate (mutagen without a Xing frame) is far too short.
    samples = signals.concat(signals.silence(3.0), signals.noise(3.0))
    wav = signals.write_wav(tmp_path / "in.wav", samples)
    path = signals.encode(wav, tmp_path / "noxing.mp3", *options)
    assert probe(path).duration_seconds == pytest.approx(6.0, abs=0.08)
