"""Speech processing and bumpers, on generated signals whose answers are known.

Every check compares a master made with a processing step against one made without it (both at
the same loudness target, so the gain cancels out) and reads the encoded files with numpy or
with ffmpeg's ebur128 run directly, never through segcast's own meters.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from audio.master import MasterReport, MasterSettings, master
from tests.audio import signals
from tests.audio.signals import RATE, Samples

Floats = npt.NDArray[np.float64]
MONO_F32 = ["-ac", "1", "-ar", str(RATE), "-f", "f32le", "-"]


def decode(path: Path) -> Floats:
    """Return ``path``'s audio as mono float samples at 44.1 kHz, decoded by ffmpeg directly."""
    done = subprocess.run(
        [signals.ffmpeg_binary(), "-nostdin", "-v", "error", "-i", str(path), *MONO_F32],
        capture_output=True,
        check=True,
    )
    return np.frombuffer(done.stdout, dtype="<f4").astype(np.float64)


def band_level_db(samples: Floats, freqs: list[float], width_hz: float = 1.0) -> float:
    """Return the power of ``samples`` within ``width_hz`` of each frequency, summed, in dB."""
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples)))) ** 2
    bins = np.fft.rfftfreq(len(samples), 1 / RATE)
    power = sum(float(spectrum[np.abs(bins - f) <= width_hz].sum()) for f in freqs)
    return 10 * np.log10(power + 1e-30)


def rms_db(samples: Floats) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(samples**2)) + 1e-12))


def window_loudness(path: Path, start: float, seconds: float) -> float:
    """Return the integrated loudness of ``seconds`` from ``start`` by ebur128 run directly."""
    meter = ["-i", str(path), "-af", "ebur128", "-f", "null", "-"]
    done = subprocess.run(
        [signals.ffmpeg_binary(), "-nostdin", "-ss", f"{start}", "-t", f"{seconds}", *meter],
        capture_output=True,
        check=True,
    )
    summary = done.stderr.decode("utf-8", "replace").rpartition("Summary:")[2]
    return float(summary.split("I:")[1].split("LUFS")[0])


def on_target(path: Path, target: float) -> None:
    integrated, true_peak = signals.reference_loudness(path)
    assert abs(integrated - target) <= 0.5
    assert true_peak <= -1.0


def pair(
    tmp_path: Path, samples: Samples, settings: MasterSettings
) -> tuple[Path, Path, MasterReport]:
    """Master ``samples`` plainly and with ``settings``; return both outputs and the report."""
    src = signals.write_wav(tmp_path / "in.wav", samples)
    plain = tmp_path / "plain.mp3"
    processed = tmp_path / "processed.mp3"
    master(src, plain, MasterSettings())
    report = master(src, processed, settings)
    target = -16.0 if samples.shape[1] == 2 else -19.0
    on_target(plain, target)
    on_target(processed, target)
    return plain, processed, report


TURN_SECONDS = 4.0


def two_speakers() -> Samples:
    """Return two speakers taking 4 s turns, the second 10 dB quieter than the first."""
    turns = [
        signals.speech_like(TURN_SECONDS, rms_dbfs=-20.0 - 10.0 * (i % 2), channels=1, seed=i)
        for i in range(6)
    ]
    return signals.concat(*turns)


def turn_loudness(path: Path) -> list[float]:
    """Return the loudness of the middle 3 s of each turn (short-term loudness, 3 s window)."""
    return [window_loudness(path, i * TURN_SECONDS + 0.5, 3.0) for i in range(6)]


def test_leveler_brings_two_speakers_within_3_lu_and_without_it_they_stay_apart(
    tmp_path: Path,
) -> None:
    plain, leveled, report = pair(tmp_path, two_speakers(), MasterSettings(leveler=True))

    loud = turn_loudness(plain)
    assert min(loud[0::2]) - max(loud[1::2]) >= 9.0  # unchanged: still ~10 LU apart
    evened = turn_loudness(leveled)
    print(f"turns without leveler {loud}, with {evened}")
    assert max(evened) - min(evened) <= 3.0
    (effect,) = report.effects
    assert effect.step == "leveler" and effect.unit == "LU"
    assert effect.before is not None and effect.after is not None
    assert effect.after < effect.before - 4.0


HUM = [60.0 * k for k in range(1, 6)]


def hummy() -> Samples:
    speech = signals.speech_like(6.0, channels=1)
    hum = sum(
        signals.tone(6.0, freq=f, peak_dbfs=-30.0 - 4.0 * k, channels=1) for k, f in enumerate(HUM)
    )
    return np.clip(speech + hum, -1.0, 1.0).astype(np.float32)


def test_dehum_removes_60_hz_hum_and_harmonics_by_20_db(tmp_path: Path) -> None:
    plain, clean, report = pair(tmp_path, hummy(), MasterSettings(dehum=60))

    drop = band_level_db(decode(plain), HUM) - band_level_db(decode(clean), HUM)
    print(f"hum drop {drop:.1f} dB")
    assert drop >= 20.0
    (effect,) = report.effects
    assert effect.step == "dehum" and effect.before is not None and effect.after is not None
    assert effect.before - effect.after >= 20.0


RUMBLE = [25.0, 40.0, 55.0]


def rumbly() -> Samples:
    speech = signals.speech_like(6.0, channels=1)
    rumble = sum(signals.tone(6.0, freq=f, peak_dbfs=-30.0, channels=1) for f in RUMBLE)
    return np.clip(speech + rumble, -1.0, 1.0).astype(np.float32)


def test_highpass_removes_rumble_under_60_hz_by_20_db(tmp_path: Path) -> None:
    plain, clean, report = pair(tmp_path, rumbly(), MasterSettings(highpass_hz=100))

    drop = band_level_db(decode(plain), RUMBLE) - band_level_db(decode(clean), RUMBLE)
    print(f"rumble drop {drop:.1f} dB")
    assert drop >= 20.0
    (effect,) = report.effects
    assert effect.step == "highpass" and effect.before is not None and effect.after is not None
    assert effect.after < effect.before


PHRASE, PAUSE = 2.0, 1.0


def noisy(noise_dbfs: float) -> Samples:
    """Return 2 s phrases and 1 s pauses at -20 dBFS RMS, with broadband noise under them."""
    parts: list[Samples] = []
    for i in range(5):
        parts.append(signals.speech_like(PHRASE, rms_dbfs=-20.0, channels=1, seed=10 + i))
        parts.append(signals.silence(PAUSE, channels=1))
    speech = signals.concat(*parts)
    hiss = signals.noise(len(speech) / RATE, rms_dbfs=noise_dbfs, channels=1, seed=7)
    return np.clip(speech + hiss, -1.0, 1.0).astype(np.float32)


def regions(samples: Floats, pauses: bool) -> Floats:
    """Return the middles of the pauses (or of the phrases) joined, edges left out."""
    cycle = PHRASE + PAUSE
    start, length = (PHRASE + 0.2, PAUSE - 0.4) if pauses else (0.3, PHRASE - 0.6)
    picks = [
        samples[round((i * cycle + start) * RATE) : round((i * cycle + start + length) * RATE)]
        for i in range(5)
    ]
    return np.concatenate(picks)


@pytest.mark.parametrize("noise_dbfs", [-40.0, -55.0])
def test_denoise_drops_noise_in_pauses_by_10_db_and_keeps_speech_loudness(
    tmp_path: Path, noise_dbfs: float
) -> None:
    plain, clean, report = pair(tmp_path, noisy(noise_dbfs), MasterSettings(denoise=True))

    before, after = decode(plain), decode(clean)
    drop = rms_db(regions(before, True)) - rms_db(regions(after, True))
    speech_moved = rms_db(regions(after, False)) - rms_db(regions(before, False))
    print(f"noise drop {drop:.1f} dB, speech moved {speech_moved:+.2f} dB")
    assert drop >= 10.0
    assert abs(speech_moved) < 1.0
    speech_plain = window_loudness(plain, 0.3, PHRASE - 0.6)
    speech_clean = window_loudness(clean, 0.3, PHRASE - 0.6)
    assert abs(speech_clean - speech_plain) < 1.0
    (effect,) = report.effects
    assert effect.step == "denoise" and effect.before is not None and effect.after is not None
    assert effect.before - effect.after >= 10.0


def test_dual_mono_reads_mono_at_minus_16(tmp_path: Path) -> None:
    src = signals.write_wav(tmp_path / "in.wav", signals.speech_like(4.0, channels=1))
    mono = master(src, tmp_path / "mono.mp3")
    dual = master(src, tmp_path / "dual.mp3", MasterSettings(dual_mono=True))

    assert (mono.reading, mono.target_lufs) == ("mono", -19.0)
    assert (dual.reading, dual.target_lufs) == ("dual-mono", -16.0)
    on_target(tmp_path / "mono.mp3", -19.0)
    on_target(tmp_path / "dual.mp3", -16.0)


# -- bumpers: streamed crossfades -------------------------------------------------------------

INTRO, MAIN, OUTRO, FADE = 3.0, 6.0, 3.0, 0.5


def test_bumpers_are_matched_one_by_one_and_crossfade_without_gap_or_click(
    tmp_path: Path,
) -> None:
    # A quiet intro and a loud outro around steady noise: each must come out at the
    # programme's loudness, and the overlaps must neither dip nor jump.
    main = signals.write_wav(tmp_path / "main.wav", signals.noise(MAIN, rms_dbfs=-30.0))
    intro = signals.write_wav(
        tmp_path / "intro.wav", signals.tone(INTRO, freq=440.0, peak_dbfs=-35.0)
    )
    outro = signals.write_wav(
        tmp_path / "outro.wav",
        signals.tone(OUTRO, freq=660.0, peak_dbfs=-6.0, rate=48000),
        rate=48000,
    )
    out = tmp_path / "show.mp3"
    settings = MasterSettings(intro=intro, outro=outro, crossfade_ms=round(FADE * 1000))

    report = master(main, out, settings)

    on_target(out, -16.0)
    assert report.intro_effective_seconds == pytest.approx(INTRO - FADE)
    programme = window_loudness(out, INTRO + 0.5, MAIN - 2 * FADE - 1.0)
    intro_loudness = window_loudness(out, 0.2, INTRO - FADE - 0.4)
    outro_start = INTRO + MAIN - 2 * FADE
    outro_loudness = window_loudness(out, outro_start + FADE + 0.2, OUTRO - FADE - 0.4)
    print(f"intro {intro_loudness}, programme {programme}, outro {outro_loudness} LUFS")
    assert abs(intro_loudness - programme) <= 1.0
    assert abs(outro_loudness - programme) <= 1.0
    # The report says the same, from its own meter on the encoded packets.
    assert report.intro_after is not None and report.outro_after is not None
    assert report.intro_after.integrated_lufs == pytest.approx(intro_loudness, abs=0.5)
    assert report.outro_after.integrated_lufs == pytest.approx(outro_loudness, abs=0.5)

    samples = decode(out)
    assert len(samples) / RATE == pytest.approx(INTRO + MAIN + OUTRO - 2 * FADE, abs=0.06)
    jumps = np.abs(np.diff(samples))
    window = round(0.01 * RATE)
    level = np.sqrt(np.convolve(samples**2, np.ones(window) / window, mode="same"))
    for fade_start in (INTRO - FADE, outro_start):
        lo, hi = round((fade_start - 0.05) * RATE), round((fade_start + FADE + 0.05) * RATE)
        # No gap: the 10 ms level in the overlap never falls far under both neighbours.
        before = np.median(level[lo - round(0.5 * RATE) : lo])
        after = np.median(level[hi : hi + round(0.5 * RATE)])
        print(f"overlap level {level[lo:hi].min() / min(before, after):.2f} of the neighbours")
        assert level[lo:hi].min() >= 0.5 * min(before, after)
        # No click: no sample step in the overlap bigger than the signals' own steps.
        own = max(jumps[lo - RATE : lo].max(), jumps[hi : hi + RATE].max())
        print(f"largest step in the overlap {jumps[lo:hi].max() / own:.2f} of the signals' own")
        assert jumps[lo:hi].max() <= 1.05 * own


def test_every_step_together_with_bumpers_stays_on_target(tmp_path: Path) -> None:
    src = signals.write_wav(tmp_path / "in.wav", signals.speech_like(6.0))
    intro = signals.write_wav(tmp_path / "intro.wav", signals.tone(1.0, peak_dbfs=-12.0))
    settings = MasterSettings(
        format="m4a", leveler=True, highpass_hz=80, dehum=50, denoise=True, intro=intro, outro=intro
    )

    report = master(src, tmp_path / "out.m4a", settings)

    on_target(tmp_path / "out.m4a", -16.0)
    assert [e.step for e in report.effects] == ["highpass", "dehum", "denoise", "leveler"]
    assert len(report.bumper_gain_db) == 2
