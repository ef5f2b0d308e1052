"""Mastering: loudness and true peak measured on the encoded file by an independent ebur128 run."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import mutagen
import pytest
from mutagen.mp3 import BitrateMode

from audio.master import MasterSettings, calibration_excerpts, master, trim_points
from segments.errors import AudioError, InputError, SegcastError
from tests.audio import signals
from tests.audio.signals import Samples

SECONDS = 8.0

#: id -> (input generator, output format, downmix to mono, expected channels, kbit/s, target).
CASES: dict[str, tuple[Callable[[], Samples], str, bool, int, int, float]] = {
    "quiet-stereo-mp3": (
        lambda: signals.speech_like(SECONDS, rms_dbfs=-39.0),
        "mp3",
        False,
        2,
        128,
        -16.0,
    ),
    "loud-stereo-mp3": (
        lambda: signals.speech_like(SECONDS, rms_dbfs=-12.0),
        "mp3",
        False,
        2,
        128,
        -16.0,
    ),
    "peaky-stereo-mp3": (lambda: signals.peaky(SECONDS), "mp3", False, 2, 128, -16.0),
    "clipping-stereo-mp3": (lambda: signals.clipping(SECONDS), "mp3", False, 2, 128, -16.0),
    "quiet-mono-mp3": (
        lambda: signals.speech_like(SECONDS, rms_dbfs=-39.0, channels=1),
        "mp3",
        False,
        1,
        64,
        -19.0,
    ),
    "stereo-downmixed-mp3": (lambda: signals.speech_like(SECONDS), "mp3", True, 1, 64, -19.0),
    "loud-mono-m4a": (
        lambda: signals.speech_like(SECONDS, rms_dbfs=-12.0, channels=1),
        "m4a",
        False,
        1,
        64,
        -19.0,
    ),
    "peaky-stereo-m4a": (lambda: signals.peaky(SECONDS), "m4a", False, 2, 128, -16.0),
    "clipping-mono-m4a": (
        lambda: signals.clipping(SECONDS, channels=1),
        "m4a",
        False,
        1,
        64,
        -19.0,
    ),
}

#: The brief's input levels, checked so the cases really are quiet, loud and peaky.
INPUT_LOUDNESS: dict[str, tuple[float, float]] = {
    "quiet-stereo-mp3": (-38.0, -32.0),
    "loud-stereo-mp3": (-11.0, -6.0),
    "quiet-mono-mp3": (-41.0, -35.0),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", sorted(CASES))
def test_master_meets_loudness_and_true_peak_on_the_encoded_file(tmp_path: Path, case: str) -> None:
    make, fmt, mono, channels, kbps, target = CASES[case]
    src = signals.write_wav(tmp_path / "in.wav", make())
    digest = sha256(src)
    if case in INPUT_LOUDNESS:
        low, high = INPUT_LOUDNESS[case]
        assert low <= signals.reference_loudness(src)[0] <= high
    dst = tmp_path / "out" / f"episode.{fmt}"

    report = master(src, dst, MasterSettings(format=fmt, mono=mono))

    integrated, true_peak = signals.reference_loudness(dst)
    assert abs(integrated - target) <= 0.5
    assert true_peak <= -1.0
    assert signals.reference_stream(dst) == (44100, channels)
    info = mutagen.File(dst).info
    head = dst.read_bytes()[:4096]
    if fmt == "mp3":
        assert round(info.bitrate / 1000) == kbps
        assert info.bitrate_mode == BitrateMode.CBR  # only known from the Xing/Info header
        assert head[:4] == b"ID3\x03" and b"Info" in head  # ID3v2.3, the CBR Info frame
    else:
        assert abs(info.bitrate / 1000 - kbps) <= 0.2 * kbps
        assert head.index(b"moov") < dst.read_bytes().index(b"mdat")  # +faststart
    assert abs(info.length - SECONDS) < 0.1
    assert sha256(src) == digest
    assert sorted(p.name for p in dst.parent.iterdir()) == [dst.name]
    assert (report.target_lufs, report.channels, report.bitrate_kbps) == (target, channels, kbps)
    assert abs(report.after.integrated_lufs - integrated) <= 0.2
    assert 1 <= report.passes <= 3


def test_peaky_input_engages_the_limiter_and_quiet_speech_does_not(tmp_path: Path) -> None:
    peaky = signals.write_wav(tmp_path / "peaky.wav", signals.peaky(SECONDS))
    gentle = signals.write_wav(tmp_path / "gentle.wav", signals.tone(SECONDS, peak_dbfs=-30.0))

    assert master(peaky, tmp_path / "peaky.mp3").limiter is True
    assert master(gentle, tmp_path / "gentle.mp3").limiter is False


def test_bumpers_are_crossfaded_into_the_programme(tmp_path: Path) -> None:
    main = signals.write_wav(tmp_path / "main.wav", signals.speech_like(6.0))
    intro = signals.write_wav(tmp_path / "intro.wav", signals.tone(2.0, freq=440.0))
    outro = signals.write_wav(
        tmp_path / "outro.wav", signals.tone(3.0, freq=660.0, rate=48000), rate=48000
    )
    settings = MasterSettings(intro=intro, outro=outro, crossfade_ms=500)

    report = master(main, tmp_path / "show.mp3", settings)

    # 2 + 6 + 3 s with two 0.5 s overlaps.
    assert mutagen.File(tmp_path / "show.mp3").info.length == pytest.approx(10.0, abs=0.06)
    assert report.bumpers == [intro, outro]
    assert abs(signals.reference_loudness(tmp_path / "show.mp3")[0] + 16.0) <= 0.5


def test_trim_silence_cuts_leading_and_trailing_silence(tmp_path: Path) -> None:
    src = signals.write_wav(
        tmp_path / "in.wav",
        signals.concat(signals.silence(2.0), signals.noise(5.0), signals.silence(3.0)),
    )

    report = master(src, tmp_path / "out.mp3", MasterSettings(trim_silence=True))

    # 5 s of sound plus the 0.1 s kept at each end.
    assert mutagen.File(tmp_path / "out.mp3").info.length == pytest.approx(5.2, abs=0.06)
    assert report.trimmed_seconds == pytest.approx((1.9, 2.9), abs=0.02)


@pytest.mark.parametrize(
    ("silences", "duration", "expected"),
    [
        ([], 10.0, (0.0, 10.0)),
        ([(0.0, 2.0)], 10.0, (1.9, 10.0)),
        ([(8.0, 10.0)], 10.0, (0.0, 8.1)),
        ([(0.0, 1.0), (4.0, 5.0), (9.5, None)], 10.0, (0.9, 9.6)),
    ],
)
def test_trim_points(
    silences: list[tuple[float, float | None]], duration: float, expected: tuple[float, float]
) -> None:
    assert trim_points(silences, duration, 0.1) == expected


def _truncated(tmp_path: Path, suffix: str, *args: str) -> Path:
    whole = signals.write_wav(tmp_path / "whole.wav", signals.speech_like(10.0))
    if suffix != ".wav":
        whole = signals.encode(whole, tmp_path / f"whole{suffix}", *args)
    data = whole.read_bytes()
    cut = tmp_path / f"cut{suffix}"
    cut.write_bytes(data[: len(data) // 2])
    return cut


def _zero(tmp_path: Path) -> Path:
    (tmp_path / "zero.wav").write_bytes(b"")
    return tmp_path / "zero.wav"


def _text(tmp_path: Path) -> Path:
    (tmp_path / "notes.mp3").write_text("these are show notes, not audio\n")
    return tmp_path / "notes.mp3"


def _garbage(tmp_path: Path) -> Path:
    (tmp_path / "noise.mp3").write_bytes(bytes(range(256)) * 400)
    return tmp_path / "noise.mp3"


def _video_only(tmp_path: Path) -> Path:
    out = tmp_path / "clip.mkv"
    video = ["-f", "lavfi", "-i", "testsrc=d=1:s=64x64", "-c:v", "mpeg4", str(out)]
    subprocess.run([signals.ffmpeg_binary(), "-nostdin", "-v", "error", *video], check=True)
    return out


def _silent(tmp_path: Path) -> Path:
    return signals.write_wav(tmp_path / "silent.wav", signals.silence(5.0))


def _speech(tmp_path: Path) -> Path:
    return signals.write_wav(tmp_path / "in.wav", signals.speech_like(3.0))


#: case -> (make input, output name, settings, error class, message after "<file>: ").
ERRORS: dict[str, tuple[Callable[[Path], Path], str, MasterSettings, type[SegcastError], str]] = {
    "missing": (
        lambda t: t / "absent.wav",
        "out.mp3",
        MasterSettings(),
        InputError,
        "no such file",
    ),
    "zero-length": (
        _zero,
        "out.mp3",
        MasterSettings(),
        InputError,
        "is empty (0 bytes), not audio",
    ),
    "not-audio": (
        _text,
        "out.mp3",
        MasterSettings(),
        InputError,
        "is not an audio file ffmpeg can read (invalid data)",
    ),
    "corrupt": (
        _garbage,
        "out.mp3",
        MasterSettings(),
        InputError,
        "is not an audio file ffmpeg can read (no decodable audio stream)",
    ),
    "video-only": (
        _video_only,
        "out.mp3",
        MasterSettings(),
        InputError,
        "is not an audio file ffmpeg can read (no decodable audio stream)",
    ),
    "truncated-wav": (
        lambda t: _truncated(t, ".wav"),
        "out.mp3",
        MasterSettings(),
        InputError,
        "is truncated or corrupt: its header says 10.0 s but only 5.0 s decode",
    ),
    "truncated-mp3": (
        lambda t: _truncated(t, ".mp3", "-b:a", "128k"),
        "out.mp3",
        MasterSettings(),
        InputError,
        "is truncated or corrupt: its header says 10.0 s but only 5.0 s decode",
    ),
    "all-silent": (
        _silent,
        "out.mp3",
        MasterSettings(),
        AudioError,
        "is silent (loudness -inf LUFS); nothing to normalise",
    ),
    "unsupported-format": (
        _speech,
        "out.ogg",
        MasterSettings(format="ogg"),  # type: ignore[arg-type]
        InputError,
        "unsupported output format 'ogg' (choose mp3 or m4a)",
    ),
    "unwritable-output": (
        _speech,
        "in.wav/out.mp3",  # the output's folder is a file
        MasterSettings(),
        InputError,
        "cannot write: File exists",
    ),
}


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_bad_input_is_one_clear_error_and_leaves_nothing_behind(tmp_path: Path, case: str) -> None:
    make, out_name, settings, error, message = ERRORS[case]
    src = make(tmp_path)
    before = {p.name: sha256(p) for p in tmp_path.iterdir()}
    dst = tmp_path / out_name

    with pytest.raises(error) as caught:
        master(src, dst, settings)

    where = dst if case in ("unsupported-format", "unwritable-output") else src
    assert str(caught.value) == f"{where}: {message}"
    assert "\n" not in str(caught.value)
    assert {p.name: sha256(p) for p in tmp_path.iterdir()} == before


def test_output_may_not_be_the_input(tmp_path: Path) -> None:
    src = _speech(tmp_path)
    digest = sha256(src)
    with pytest.raises(InputError) as caught:
        master(src, tmp_path / "in.wav", MasterSettings(format="mp3"))
    assert str(caught.value) == f"{src}: is the input; segcast never overwrites its input"
    assert sha256(src) == digest


def test_crossfade_longer_than_a_bumper_is_an_error(tmp_path: Path) -> None:
    src = _speech(tmp_path)
    intro = signals.write_wav(tmp_path / "sting.wav", signals.tone(0.2))
    with pytest.raises(InputError) as caught:
        master(src, tmp_path / "out" / "o.mp3", MasterSettings(intro=intro, crossfade_ms=500))
    assert str(caught.value) == f"{intro}: is shorter (200 ms) than the crossfade (500 ms)"
    assert not (tmp_path / "out").exists()  # checked before anything is written


def test_short_programme_skips_calibration_and_lands_in_one_pass(tmp_path: Path) -> None:
    # Calibrating a 2-minute segment on excerpts cost more than the rest of the fixed overhead:
    # below 10 minutes the typical encoder and limiter loss is aimed for instead.
    src = signals.write_wav(tmp_path / "long.wav", signals.speech_like(125.0))

    stages: list[str] = []
    report = master(src, tmp_path / "long.mp3", progress=stages.append)

    assert stages[1:] == ["encoding and measuring, pass 1"]
    assert report.passes == 1
    integrated, true_peak = signals.reference_loudness(tmp_path / "long.mp3")
    assert abs(integrated + 16.0) <= 0.3 and true_peak <= -1.0


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(120.0, None), (599.0, None), (600.0, (3, 3.0)), (1800.0, (8, 3.375)), (10800.0, (8, 8.0))],
)
def test_calibration_is_sized_to_the_programme(
    seconds: float, expected: tuple[int, float] | None
) -> None:
    sizing = calibration_excerpts(seconds)
    assert sizing == expected
    if sizing is not None:  # never more than 2% of the programme
        assert sizing[0] * sizing[1] <= 0.02 * seconds


def test_the_sources_tags_are_kept(tmp_path: Path) -> None:
    wav = signals.write_wav(tmp_path / "in.wav", signals.speech_like(4.0))
    src = signals.encode(wav, tmp_path / "in.mp3", "-metadata", "title=Pilot", "-b:a", "192k")

    master(src, tmp_path / "out.m4a", MasterSettings(format="m4a"))

    assert mutagen.File(tmp_path / "out.m4a").tags["\xa9nam"] == ["Pilot"]


@pytest.mark.parametrize("fmt", ["mp3", "m4a"])
def test_no_encoder_tag_from_ffmpeg(tmp_path: Path, fmt: str) -> None:
    """Issue 16: the master names no encoder (ID3 TSSE, MP4 ©too); a source's tags still pass."""
    if shutil.which("ffprobe") is None:
        pytest.skip("Debian's ffprobe is not installed: no independent reader")
    wav = signals.write_wav(tmp_path / "in.wav", signals.speech_like(3.0))
    src = signals.encode(wav, tmp_path / "in.mp3", "-metadata", "title=Pilot")
    probe = ["ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "json"]
    source_tags = json.loads(subprocess.run([*probe, src], capture_output=True).stdout)
    assert "encoder" in source_tags["format"]["tags"]  # the control: ffmpeg names itself

    out = tmp_path / f"out.{fmt}"
    master(src, out, MasterSettings(format=fmt))

    tags = json.loads(subprocess.run([*probe, out], capture_output=True).stdout)["format"]["tags"]
    assert tags["title"] == "Pilot"
    assert "encoder" not in tags
    audio = mutagen.File(out)
    assert not any(key in (audio.tags or {}) for key in ("TSSE", "\xa9too"))


def test_progress_names_each_stage(tmp_path: Path) -> None:
    src = _speech(tmp_path)
    intro = signals.write_wav(tmp_path / "intro.wav", signals.tone(1.0))
    stages: list[str] = []

    master(src, tmp_path / "o.mp3", MasterSettings(intro=intro), progress=stages.append)

    assert stages == ["measuring in.wav", "encoding and measuring, pass 1"]
