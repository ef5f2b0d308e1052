"""Generated test audio: tones, noise, speech-like modulated noise, silence, clipping input.

Every generator returns float32 samples shaped (frames, channels) in [-1, 1] (the clipping one
excepted by design); :func:`write_wav` writes 16-bit PCM with the stdlib ``wave`` module, so no
binary fixture is ever committed. Levels are in dBFS of the peak (tones) or RMS (noise).
"""

from __future__ import annotations

import re
import subprocess
import wave
from collections.abc import Iterator
from pathlib import Path

import imageio_ffmpeg
import numpy as np
import numpy.typing as npt

Samples = npt.NDArray[np.float32]

RATE = 44100


def db_to_gain(db: float) -> float:
    """Return the linear gain for ``db`` decibels."""
    return float(10.0 ** (db / 20.0))


def _frames(seconds: float, rate: int) -> int:
    return round(seconds * rate)


def _spread(mono: npt.NDArray[np.float64], channels: int) -> Samples:
    return np.repeat(mono[:, None], channels, axis=1).astype(np.float32)


def tone(
    seconds: float,
    *,
    freq: float = 1000.0,
    peak_dbfs: float = -20.0,
    rate: int = RATE,
    channels: int = 2,
    phase: float = 0.0,
) -> Samples:
    """Return a sine tone with its peak at ``peak_dbfs`` (``phase`` in radians)."""
    t = np.arange(_frames(seconds, rate)) / rate
    return _spread(db_to_gain(peak_dbfs) * np.sin(2 * np.pi * freq * t + phase), channels)


def silence(seconds: float, *, rate: int = RATE, channels: int = 2) -> Samples:
    """Return digital silence."""
    return np.zeros((_frames(seconds, rate), channels), dtype=np.float32)


def noise(
    seconds: float,
    *,
    rms_dbfs: float = -20.0,
    rate: int = RATE,
    channels: int = 2,
    seed: int = 1,
) -> Samples:
    """Return white noise with RMS ``rms_dbfs``, independent per channel, clipped to full scale."""
    rng = np.random.default_rng(seed)
    data = rng.standard_normal((_frames(seconds, rate), channels)) * db_to_gain(rms_dbfs)
    return np.clip(data, -1.0, 1.0).astype(np.float32)


def _speech_block(
    frames: int, rate: int, channels: int, rng: np.random.Generator, rms_dbfs: float
) -> Samples:
    """Return noise low-passed like a voice, gated into 4 Hz syllables and phrase pauses."""
    white = rng.standard_normal(frames + 64)
    # A 3-tap-per-octave-ish low pass: a moving average of 8 samples puts most energy under 3 kHz.
    voiced = np.convolve(white, np.ones(8) / 8, mode="same")[:frames]
    t = np.arange(frames) / rate
    syllables = 0.5 * (1 + np.sin(2 * np.pi * 4.0 * t + rng.uniform(0, 2 * np.pi))) ** 2
    # Phrases: 1.5-4 s of talk, then a 0.2-0.8 s pause.
    phrase = np.zeros(frames)
    pos = 0
    while pos < frames:
        talk = int(rng.uniform(1.5, 4.0) * rate)
        phrase[pos : pos + talk] = 1.0
        pos += talk + int(rng.uniform(0.2, 0.8) * rate)
    mono = voiced * syllables * phrase
    rms = float(np.sqrt(np.mean(mono**2))) or 1.0
    mono *= db_to_gain(rms_dbfs) / rms
    out = _spread(mono, channels)
    if channels == 2:  # a little width, as two microphones would give
        out[:, 1] *= 0.9
    return np.clip(out, -1.0, 1.0)


def speech_like(
    seconds: float,
    *,
    rms_dbfs: float = -24.0,
    rate: int = RATE,
    channels: int = 2,
    seed: int = 2,
) -> Samples:
    """Return speech-like modulated noise (syllables and pauses) with RMS near ``rms_dbfs``."""
    rng = np.random.default_rng(seed)
    return _speech_block(_frames(seconds, rate), rate, channels, rng, rms_dbfs)


def speech_like_chunks(
    seconds: float,
    *,
    rms_dbfs: float = -24.0,
    rate: int = RATE,
    channels: int = 2,
    seed: int = 2,
    chunk_seconds: float = 60.0,
) -> Iterator[Samples]:
    """Yield speech-like audio a chunk at a time (for recordings too long to hold at once)."""
    rng = np.random.default_rng(seed)
    left = _frames(seconds, rate)
    while left > 0:
        frames = min(left, _frames(chunk_seconds, rate))
        yield _speech_block(frames, rate, channels, rng, rms_dbfs)
        left -= frames


def peaky(
    seconds: float,
    *,
    rms_dbfs: float = -32.0,
    rate: int = RATE,
    channels: int = 2,
    seed: int = 3,
) -> Samples:
    """Return quiet speech with sparse, short near-full-scale sine bursts and one-sample clicks.

    Gain alone would push these peaks far over -1 dBTP: the limiter has to act.
    """
    data = speech_like(seconds, rms_dbfs=rms_dbfs, rate=rate, channels=channels, seed=seed)
    burst = tone(0.002, freq=3000.0, peak_dbfs=-0.5, rate=rate, channels=channels)
    for start_s in np.arange(0.5, seconds - 0.1, 1.7):
        start = _frames(float(start_s), rate)
        data[start : start + len(burst)] += burst
    for click_s in np.arange(0.9, seconds - 0.1, 2.3):
        data[_frames(float(click_s), rate)] = 0.99
    return np.clip(data, -1.0, 1.0)


def clipping(seconds: float, *, rate: int = RATE, channels: int = 2, seed: int = 4) -> Samples:
    """Return speech driven 12 dB into full scale, so many samples sit clipped at +-1."""
    data = speech_like(seconds, rms_dbfs=-6.0, rate=rate, channels=channels, seed=seed)
    return np.clip(data * db_to_gain(12.0), -1.0, 1.0)


def concat(*parts: Samples) -> Samples:
    """Return the parts one after the other."""
    return np.concatenate(parts, axis=0)


def _pcm16(samples: Samples) -> bytes:
    clipped = np.clip(samples, -1.0, 1.0)
    return (clipped * 32767.0).round().astype("<i2").tobytes()


def write_wav(path: Path, samples: Samples, *, rate: int = RATE) -> Path:
    """Write ``samples`` as a 16-bit PCM WAV file and return its path."""
    return write_wav_chunks(path, [samples], rate=rate, channels=samples.shape[1])


def write_wav_chunks(
    path: Path, chunks: Iterator[Samples] | list[Samples], *, rate: int = RATE, channels: int = 2
) -> Path:
    """Write chunks of samples as one 16-bit PCM WAV file, holding one chunk at a time."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        for chunk in chunks:
            out.writeframes(_pcm16(chunk))
    return path


# --- an independent reference meter for the tests: ffmpeg's ebur128 run directly -------------


def ffmpeg_binary() -> str:
    """Return the imageio-ffmpeg binary (the one a pip-only install runs)."""
    return str(imageio_ffmpeg.get_ffmpeg_exe())


def reference_loudness(path: Path) -> tuple[float, float]:
    """Return (integrated LUFS, true peak dBTP) of ``path`` by ebur128, not via segcast's meter.

    ffmpeg's dump of a tagged transcript may be cut inside a UTF-8 character: decode leniently.
    """
    meter = ["-map", "0:a:0", "-af", "ebur128=peak=true", "-f", "null", "-"]
    done = subprocess.run(
        [ffmpeg_binary(), "-nostdin", "-i", str(path), *meter], capture_output=True, check=True
    )
    summary = done.stderr.decode("utf-8", "replace").rpartition("Summary:")[2]
    integrated = re.search(r"I:\s+(\S+) LUFS", summary)
    peak = re.search(r"True peak:\s+Peak:\s+(\S+) dBFS", summary)
    assert integrated and peak, summary
    return float(integrated.group(1)), float(peak.group(1))


def reference_stream(path: Path) -> tuple[int, int]:
    """Return (sample rate, channels) from ``ffmpeg -i``'s stream line, read here directly."""
    done = subprocess.run([ffmpeg_binary(), "-nostdin", "-i", str(path)], capture_output=True)
    stderr = done.stderr.decode("utf-8", "replace")
    stream = re.search(r"Audio: .*?(\d+) Hz, (mono|stereo)", stderr)
    assert stream, stderr
    return int(stream.group(1)), 1 if stream.group(2) == "mono" else 2


def encode(source: Path, out: Path, *args: str) -> Path:
    """Encode ``source`` to ``out`` with ffmpeg directly (``args`` are codec options)."""
    subprocess.run(
        [ffmpeg_binary(), "-nostdin", "-v", "error", "-y", "-i", str(source), *args, str(out)],
        check=True,
    )
    return out
