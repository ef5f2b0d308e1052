"""The ebur128 meter: its summary parser, and known BS.1770 values of generated signals."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from audio.loudness import Loudness, ebur128_filter, measure_loudness, parse_ebur128
from segments.errors import AudioError
from tests.audio import signals

SUMMARY = """[Parsed_ebur128_0 @ 0x55] Summary:

  Integrated loudness:
    I:         {i} LUFS
    Threshold: -31.8 LUFS

  Loudness range:
    LRA:         {lra} LU
    Threshold: -41.8 LUFS
    LRA low:   -21.8 LUFS
    LRA high:  -21.8 LUFS
{peaks}
size=N/A time=00:01:05.50 bitrate=N/A speed= 273x
"""
SAMPLE = "\n  Sample peak:\n    Peak:      {0} dBFS\n"
TRUE = "\n  True peak:\n    Peak:      {0} dBFS\n"


@pytest.mark.parametrize(
    ("i", "lra", "peaks", "expected"),
    [
        ("-21.8", "3.5", "", Loudness(-21.8, 3.5, None, None, 65.5)),
        ("-16.0", "0.0", TRUE.format("-1.2"), Loudness(-16.0, 0.0, -1.2, None, 65.5)),
        (
            "-9.3",
            "12.1",
            SAMPLE.format("-0.5") + TRUE.format("0.4"),
            Loudness(-9.3, 12.1, 0.4, -0.5, 65.5),
        ),
        # Nothing above the absolute gate: silence, reported as -inf.
        (
            "-70.0",
            "0.0",
            SAMPLE.format("-inf") + TRUE.format("-inf"),
            Loudness(-math.inf, 0.0, -math.inf, -math.inf, 65.5),
        ),
    ],
)
def test_parse_ebur128_summary(i: str, lra: str, peaks: str, expected: Loudness) -> None:
    assert parse_ebur128(SUMMARY.format(i=i, lra=lra, peaks=peaks)) == expected


def test_parse_takes_the_last_summary() -> None:
    first = SUMMARY.format(i="-30.0", lra="1.0", peaks="")
    last = SUMMARY.format(i="-20.0", lra="2.0", peaks="")
    assert parse_ebur128(first + last).integrated_lufs == -20.0


@pytest.mark.parametrize(
    ("stderr", "message"),
    [
        (
            "Stream #0:0: Audio: mp3\n",
            "f.mp3: ffmpeg printed no loudness summary (no audio decoded?)",
        ),
        (
            "Summary:\n  Loudness range:\n    LRA: 1.0 LU\n",
            "f.mp3: cannot read ffmpeg's loudness summary",
        ),
    ],
)
def test_parse_errors_name_the_file(stderr: str, message: str) -> None:
    with pytest.raises(AudioError) as caught:
        parse_ebur128(stderr, where="f.mp3")
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("true_peak", "sample_peak", "expected"),
    [
        (True, False, "ebur128=peak=true:framelog=verbose"),
        (False, True, "ebur128=peak=sample:framelog=verbose"),
        (False, False, "ebur128=framelog=verbose"),
    ],
)
def test_ebur128_filter(true_peak: bool, sample_peak: bool, expected: str) -> None:
    assert ebur128_filter(true_peak=true_peak, sample_peak=sample_peak) == expected


#: BS.1770-4: a 997 Hz sine at 0 dBFS in one channel reads -3.01 LUFS; in both of a stereo
#: pair 0.0 LUFS. So a tone with its peak at P dBFS reads P (stereo) or P - 3 (mono).
TONES = [
    (2, -20.0, -20.0),
    (2, -6.0, -6.0),
    (1, -20.0, -23.0),
    (1, -10.0, -13.0),
]


@pytest.mark.parametrize(("channels", "peak_dbfs", "lufs"), TONES)
def test_tone_loudness_and_peaks_match_bs1770(
    tmp_path: Path, channels: int, peak_dbfs: float, lufs: float
) -> None:
    wav = signals.write_wav(
        tmp_path / "tone.wav",
        signals.tone(5.0, freq=997.0, peak_dbfs=peak_dbfs, channels=channels),
    )
    measured = measure_loudness(wav, true_peak=True, sample_peak=True)
    assert measured.integrated_lufs == pytest.approx(lufs, abs=0.15)
    assert measured.range_lu == pytest.approx(0.0, abs=0.1)
    assert measured.true_peak_dbtp == pytest.approx(peak_dbfs, abs=0.15)
    assert measured.sample_peak_dbfs == pytest.approx(peak_dbfs, abs=0.15)
    assert measured.decoded_seconds == pytest.approx(5.0, abs=0.05)


def test_true_peak_sees_inter_sample_peaks_the_sample_peak_misses(tmp_path: Path) -> None:
    # A sine at a sixth of the rate is sampled every 60 degrees from 0: no sample lands on a
    # crest, the highest reads sin(60) = -1.25 dB under it.
    wav = signals.write_wav(
        tmp_path / "isp.wav",
        signals.tone(3.0, freq=7350.0, peak_dbfs=-1.0),
    )
    measured = measure_loudness(wav, true_peak=True, sample_peak=True)
    assert measured.sample_peak_dbfs == pytest.approx(-2.25, abs=0.1)
    # ebur128's 4x interpolator reads this high a tone up to ~0.7 dB hot (on the safe side).
    assert measured.true_peak_dbtp is not None
    assert -1.1 <= measured.true_peak_dbtp <= -0.2


def test_filters_apply_before_measuring(tmp_path: Path) -> None:
    wav = signals.write_wav(tmp_path / "tone.wav", signals.tone(5.0, peak_dbfs=-20.0))
    quieter = measure_loudness(wav, filters=["volume=-6dB"])
    assert quieter.integrated_lufs == pytest.approx(-26.0, abs=0.15)


def test_silence_is_minus_infinity(tmp_path: Path) -> None:
    wav = signals.write_wav(tmp_path / "silence.wav", signals.silence(3.0))
    measured = measure_loudness(wav, sample_peak=True)
    assert measured.is_silent
    assert measured.true_peak_dbtp == -math.inf
