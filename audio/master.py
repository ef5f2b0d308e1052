"""Master an episode: loudness to target, true peak under the ceiling measured on the encoded file.

The pipeline, top to bottom (ITU-R BS.1770-4 / EBU R128 loudness; podcast targets -16 LUFS
stereo, -1 dBTP, as Apple's "Podcast audio requirements" and AES TD1008 recommend):

1. **Analyse** the source, and each bumper, in one ffmpeg pass: integrated loudness, loudness
   range, sample peak (ebur128; true peak would cost 3x here) and, when trimming,
   leading/trailing silence (silencedetect). With speech processing on, the same pass measures
   the programme before and after the processing filters (loudness range, hum, rumble, noise
   floor: what proves each filter's effect). A header promising more than decodes = truncated.
2. **Calibrate** (programmes of 10 minutes or more): excerpts totalling about 1.5% of the
   programme go through the real gain, limiter and encoder; what they lose in loudness is added
   to the gain, so one pass lands. Shorter programmes use the typical encoder loss (a
   correction pass costs less there than calibrating would on every file).
3. **Encode** in one ffmpeg process: the processing filters, one gain for the programme and
   one for each bumper (each matched to the target on its own), the crossfades (``acrossfade``),
   a look-ahead limiter (alimiter) only where a gain would push a peak over a PCM ceiling 1.5 dB
   under the target ceiling (MP3 encoding raised true peak by up to 1.4 dB in our measurements),
   and a resample to 44.1 kHz. Everything streams, bumpers
   included: a 3-hour episode never sits in memory. The tee muxer writes the file and, through a
   pipe, the same encoded packets to a second ffmpeg that measures loudness and true peak while
   the encode runs: the verification on the encoded audio costs almost no wall time on two cores.
4. **Correct**: if the encoded loudness is off by more than 0.3 LU or its true peak is over the
   ceiling, adjust the gains (and the limiter ceiling) and encode again, at most ``max_passes``.

``loudnorm`` is deliberately not used: in linear mode it is only a gain, and it silently turns
dynamic (and resamples to 192 kHz) exactly when the gain would clip.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from audio.ffmpeg import check_finished, run_ffmpeg, start_ffmpeg
from audio.loudness import (
    Loudness,
    astats_filter,
    ebur128_filter,
    measure_loudness,
    parse_astats,
    parse_ebur128,
)
from audio.probe import (
    TRUNCATION_TOLERANCE_SECONDS,
    AudioFacts,
    check_complete,
    probe,
    read_header,
)
from audio.settings import (
    ENCODINGS,
    MAINS_HZ,
    SAMPLE_RATES,
    SETTING_RANGES,
    Encoding,
    Format,
    Mains,
    MasterSettings,
    Range,
    Reading,
)
from segments.errors import AudioError, InputError, SegcastError
from segments.files import atomic_output, temp_prefix

__all__ = [
    "ENCODINGS",
    "MAINS_HZ",
    "SAMPLE_RATES",
    "SETTING_RANGES",
    "Effect",
    "Encoding",
    "Format",
    "Mains",
    "MasterReport",
    "MasterSettings",
    "Range",
    "Reading",
    "Step",
    "intro_shift_seconds",
    "master",
    "programme_start",
]

#: The optional speech processing steps, in the order the filters run.
Step = Literal["highpass", "dehum", "denoise", "leveler"]

#: Podcast loudness targets by output channel count (Apple/Spotify guidance; mono sounds as loud
#: as stereo 3 LU higher). ``dual_mono`` reads mono as Apple does (-16 LUFS).
DEFAULT_TARGET_LUFS: dict[int, float] = {1: -19.0, 2: -16.0}
DUAL_MONO_TARGET_LUFS = -16.0
#: Default CBR bit rates by output channel count (speech: 64 kbit/s mono, 128 kbit/s stereo).
DEFAULT_BITRATE_KBPS: dict[int, int] = {1: 64, 2: 128}
#: How far under the true-peak ceiling the PCM is held before encoding: MP3 encoding raised
#: true peak by up to 1.4 dB over an hour of speech-like audio limited at 4x oversampling.
ENCODER_HEADROOM_DB = 1.5
#: The limiter runs at this multiple of the sample rate (1: at the rate itself). 2x saw more
#: of the inter-sample peaks, but on every case of tests/audio/test_master.py and a 2-minute
#: programme 1x needed the same passes and gave encoded true peaks within 0.3 dB of 2x, for a
#: third of the limiter's CPU (0.18 s instead of 0.52 s per 2 minutes of stereo; the fixed
#: cost per segment is what producers feel). The headroom below and the true-peak verification
#: of the encoded file are what guarantee the ceiling.
OVERSAMPLE = 1
#: The limiter's own margin under its ceiling (resampling back down adds a little overshoot).
LIMITER_MARGIN_DB = 0.3
#: How much quieter an encoded file measures than the PCM that went in (band limits and
#: psychoacoustic cuts; speech-like noise: MP3 0.2-0.4 LU, AAC 0-0.3 LU). Used for programmes
#: too short to calibrate on excerpts.
ENCODER_LOSS_LU: dict[str, float] = {"mp3": 0.35, "m4a": 0.1}
#: What the limiter takes off the loudness of speech when it engages (2-minute speech-like
#: programmes: 0.1-0.25 LU), for programmes too short to calibrate.
LIMITER_LOSS_LU = 0.15
#: How far a true peak may sit above the sample peak before the limiter is switched on anyway
#: (the analysis measures only sample peak; inter-sample peaks of speech are well within this).
SAMPLE_TO_TRUE_PEAK_DB = 1.0
#: Calibration, for programmes at least this long: excerpts covering this share of the
#: programme, between these counts, each this long. At 10 minutes that is 3 excerpts of 3 s,
#: at 60 minutes 8 of 6.75 s: the cost stays a small, fixed share of the encode.
CALIBRATE_MIN_SECONDS = 600.0
CALIBRATE_SHARE = 0.015
CALIBRATE_EXCERPTS = (3, 8)
CALIBRATE_EXCERPT_SECONDS = (3.0, 8.0)
#: Loudness error that triggers another pass.
TOLERANCE_LU = 0.3
#: Below this the audio counts as silence when trimming (a noise floor, not speech).
SILENCE_THRESHOLD_DB = -50.0
#: Shortest stretch of silence worth trimming.
SILENCE_MIN_SECONDS = 0.3
#: Crossfade curve into and out of bumpers: quarter sine, equal power, so the overlap of two
#: unrelated sounds neither dips (a linear fade loses 3 dB mid-way) nor bumps.
CROSSFADE_CURVE = "qsin"
#: Hum harmonics notched: the fundamental and its multiples up to this order (mains hum of
#: ground loops and cheap supplies has strong odd and even harmonics into the hundreds of Hz).
DEHUM_HARMONICS = 8
#: Notch quality (centre / bandwidth): Q 12 is 5 Hz wide at 60 Hz, 40 Hz at 480 Hz; the notch
#: is as deep as ffmpeg's biquad makes it at the centre, speech beside it is barely touched.
DEHUM_Q = 12
#: afftdn: up to 24 dB of reduction, tracking the noise and the residual as they change (room
#: tone drifts through an interview). Measured on speech with white noise 30 dB under it: noise
#: in pauses fell 23-31 dB from -40 to -60 dBFS noise, speech moved 0.2 dB; tracking the noise
#: alone fell only 3 dB, a fixed floor only works at the level it names.
DENOISE_FILTER = "afftdn=nr=24:nf=-50:tn=1:tr=1"
#: dynaudnorm: 250 ms frames, a 7-frame (1.75 s) Gaussian window, peaks to 0.9, at most 20 dB
#: of boost. Measured on two speakers 10 dB apart in 4 s turns: a 2.7 s window left 5 LU
#: between them, 1.75 s left 2.2 LU (speechnorm, per half-cycle, left 3-5 LU). The gain set
#: after it brings the loudness to target.
LEVELER_FILTER = "dynaudnorm=f=250:g=7:p=0.9:m=10"


@dataclass(frozen=True)
class Effect:
    """What one processing step changed, measured on the programme before and after it."""

    step: Step
    measure: str
    unit: str
    before: float | None
    after: float | None


@dataclass
class MasterReport:
    """What master did, before and after, as measured by ebur128."""

    source: Path
    output: Path
    format: str
    channels: int
    sample_rate: int
    bitrate_kbps: int
    target_lufs: float
    true_peak_ceiling: float
    before: Loudness
    after: Loudness
    gain_db: float
    limiter: bool
    passes: int
    target_met: bool
    duration_seconds: float | None
    trimmed_seconds: tuple[float, float] | None = None
    bumpers: list[Path] = field(default_factory=list)
    wall_seconds: float = 0.0
    #: How the target was read for the output's channels.
    reading: Reading = "stereo"
    #: Each bumper's own loudness before and its gain (matched to the target on its own).
    bumper_loudness: list[Loudness] = field(default_factory=list)
    bumper_gain_db: list[float] = field(default_factory=list)
    #: Where the programme starts in the output: the intro's length less the crossfade (chapter
    #: times of the programme shift by this); None without an intro.
    intro_effective_seconds: float | None = None
    #: How far a moment of the recording moved in the output: the intro's effective length less
    #: the leading silence trimmed (programme time t is at t + shift); 0.0 when nothing moved.
    shift_seconds: float = 0.0
    #: The intro's and the outro's loudness in the output, measured on the encoded file where
    #: each plays alone (outside the crossfades); None without one.
    intro_after: Loudness | None = None
    outro_after: Loudness | None = None
    #: The processing steps applied, each with what it changed.
    effects: list[Effect] = field(default_factory=list)


@dataclass(frozen=True)
class _Plan:
    """Resolved settings: what the output is."""

    encoding: Encoding
    format: str
    channels: int
    target_lufs: float
    bitrate_kbps: int
    reading: Reading


def _layout(channels: int) -> str:
    return "mono" if channels == 1 else "stereo"


def db_to_gain(db: float) -> float:
    """Return the linear gain of ``db`` decibels.

    >>> round(db_to_gain(-6.0), 3)
    0.501
    """
    return float(10.0 ** (db / 20.0))


def check_settings(settings: MasterSettings, where: Path) -> None:
    """Raise InputError naming ``where`` for the first setting outside its range."""
    for name, allowed in SETTING_RANGES.items():
        value = getattr(settings, name)
        problem = None if value is None else allowed.problem(value)
        if problem:
            raise InputError(f"{allowed.label} {problem}", where)
    if settings.sample_rate not in SAMPLE_RATES:
        raise InputError(
            f"sample rate {settings.sample_rate} Hz is not 32000, 44100 or 48000", where
        )
    if settings.dehum is not None and settings.dehum not in MAINS_HZ:
        raise InputError(f"dehum {settings.dehum} Hz is not 50 or 60", where)


def plan(src_facts: AudioFacts, settings: MasterSettings, dst: Path) -> _Plan:
    """Resolve the defaults that depend on the source (channels) and check every option."""
    fmt = settings.format.lower()
    if fmt not in ENCODINGS:
        raise InputError(f"unsupported output format {fmt!r} (choose mp3 or m4a)", dst)
    channels = 1 if settings.mono or src_facts.channels == 1 else 2
    reading: Reading = "stereo" if channels == 2 else "dual-mono" if settings.dual_mono else "mono"
    target = settings.target_lufs
    if target is None:
        target = DUAL_MONO_TARGET_LUFS if reading == "dual-mono" else DEFAULT_TARGET_LUFS[channels]
    bitrate = settings.bitrate_kbps or DEFAULT_BITRATE_KBPS[channels]
    check_settings(replace(settings, target_lufs=target, bitrate_kbps=bitrate), dst)
    return _Plan(ENCODINGS[fmt], fmt, channels, target, bitrate, reading)


_SILENCE = re.compile(r"silence_(start|end): (-?\d+(?:\.\d+)?)")


def parse_silences(stderr: str) -> list[tuple[float, float | None]]:
    """Return the (start, end) stretches ffmpeg's silencedetect reported; end None at EOF.

    >>> parse_silences("silence_start: 0\\nsilence_end: 1.5 | silence_duration: 1.5\\n"
    ...                "silence_start: 9.25")
    [(0.0, 1.5), (9.25, None)]
    """
    found: list[tuple[float, float | None]] = []
    for kind, value in _SILENCE.findall(stderr):
        if kind == "start":
            found.append((float(value), None))
        elif found and found[-1][1] is None:
            found[-1] = (found[-1][0], float(value))
    return found


def trim_points(
    silences: list[tuple[float, float | None]], duration: float, pad: float
) -> tuple[float, float]:
    """Return where the programme starts and ends once leading/trailing silence is cut.

    >>> trim_points([(0.0, 2.0), (5.0, 5.5), (9.0, None)], 10.0, 0.1)
    (1.9, 9.1)
    >>> trim_points([(4.0, 4.5)], 10.0, 0.1)
    (0.0, 10.0)
    """
    start, end = 0.0, duration
    if silences and silences[0][0] <= 0.01:
        start = max(0.0, (silences[0][1] or duration) - pad)
    if silences and (silences[-1][1] is None or silences[-1][1] >= duration - 0.01):
        end = min(duration, silences[-1][0] + pad)
    return round(start, 6), round(end, 6)


# -- speech processing: each step's filters, and the meter that proves its effect ---------------


def processing_steps(settings: MasterSettings) -> list[tuple[Step, list[str]]]:
    """Return the processing steps asked for, in order, each with its ffmpeg filters.

    >>> processing_steps(MasterSettings(highpass_hz=80, dehum=50))[0]
    ('highpass', ['highpass=f=80:poles=2', 'highpass=f=80:poles=2'])
    >>> processing_steps(MasterSettings(dehum=50))[0][1][:2]
    ['bandreject=f=50:width_type=q:w=12', 'bandreject=f=100:width_type=q:w=12']
    """
    steps: list[tuple[Step, list[str]]] = []
    if settings.highpass_hz is not None:
        # Two Butterworth stages: 24 dB/octave, so rumble an octave under the cut drops 24 dB.
        stage = f"highpass=f={settings.highpass_hz:g}:poles=2"
        steps.append(("highpass", [stage, stage]))
    if settings.dehum is not None:
        notches = [
            f"bandreject=f={settings.dehum * order}:width_type=q:w={DEHUM_Q}"
            for order in range(1, DEHUM_HARMONICS + 1)
        ]
        steps.append(("dehum", notches))
    if settings.denoise:
        steps.append(("denoise", [DENOISE_FILTER]))
    if settings.leveler:
        steps.append(("leveler", [LEVELER_FILTER]))
    return steps


#: Step -> (what its meter reports, unit, the filters that isolate it, or None for a figure
#: ebur128 already gives). Built per settings by :func:`_meters`.
def _meters(settings: MasterSettings) -> list[tuple[Step, str, list[str], bool]]:
    """Return (step, meter name, isolating filters, measure the trough) for each step asked."""
    meters: list[tuple[Step, str, list[str], bool]] = []
    for step, _ in processing_steps(settings):
        if step == "highpass":
            cut = f"lowpass=f={(settings.highpass_hz or 0) / 2:g}:poles=2"
            meters.append((step, "rumble", [cut, cut], False))
        elif step == "dehum":
            band = f"bandpass=f={settings.dehum}:width_type=q:w={DEHUM_Q}"
            meters.append((step, "hum", [band, band], False))
        elif step == "denoise":
            meters.append((step, "noise", [], True))
    return meters


#: Step -> (what the report calls its measure, unit).
EFFECT_MEASURES: dict[Step, tuple[str, str]] = {
    "highpass": ("rumble level under half the cut-off", "dBFS"),
    "dehum": ("hum level at the mains frequency", "dBFS"),
    "denoise": ("noise floor (quietest 50 ms)", "dBFS"),
    "leveler": ("loudness range", "LU"),
}


@dataclass(frozen=True)
class _Analysis:
    """What the analysis pass measured."""

    raw: Loudness
    processed: Loudness
    bumpers: list[Loudness]
    silences: list[tuple[float, float | None]]
    effects: list[Effect]


def _null(label: str) -> list[str]:
    return ["-map", f"[{label}]", "-f", "null", "-"]


def _tap(label: str, meters: list[tuple[str, list[str], bool]], graph: list[str]) -> str:
    """Split ``label`` into meters (each to its own null output) and return the through label."""
    if not meters:
        return label
    outs = "".join(f"[{label}_m{i}]" for i in range(len(meters)))
    graph.append(f"[{label}]asplit={len(meters) + 1}[{label}_t]{outs}")
    for index, (name, chain, trough) in enumerate(meters):
        filters = ",".join([*chain, astats_filter(name, trough=trough)])
        graph.append(f"[{label}_m{index}]{filters}[{label}_o{index}]")
    return f"{label}_t"


def _analyse(
    src: Path, facts: AudioFacts, channels: int, settings: MasterSettings, bumpers: list[Path]
) -> _Analysis:
    """Measure the (downmixed) source, its processed form, its silences and each bumper at once.

    One ffmpeg process, one decode of each input. Only sample peaks are measured here (true
    peak costs 3x); the first encoding pass can measure the input's true peak on the side.
    """
    layout = f"aformat=channel_layouts={_layout(channels)}"
    raw_chain = [layout]
    if settings.trim_silence:
        raw_chain.append(f"silencedetect=n={SILENCE_THRESHOLD_DB}dB:d={SILENCE_MIN_SECONDS}")
    raw_chain.append(ebur128_filter(true_peak=False, sample_peak=True, name="raw"))
    graph = [f"[0:a:0]{','.join(raw_chain)}[raw]"]
    steps = processing_steps(settings)
    meters = {step: (name, chain, trough) for step, name, chain, trough in _meters(settings)}
    outputs: list[str] = []
    current = "raw"
    # Each step is metered right before and right after its own filters, so what the report
    # says it changed is its own doing, not the next step's (the leveler lifts pauses).
    for index, (step, filters) in enumerate(steps):
        label = f"s{index}"
        if step in meters:
            name, chain, trough = meters[step]
            current = _tap(current, [(f"{name}_before", chain, trough)], graph)
            outputs += _null(f"{current.removesuffix('_t')}_o0")
        last = index == len(steps) - 1
        tail = [ebur128_filter(true_peak=False, sample_peak=True, name="processed")] if last else []
        graph.append(f"[{current}]{','.join([*filters, *tail])}[{label}]")
        current = label
        if step in meters:
            name, chain, trough = meters[step]
            current = _tap(current, [(f"{name}_after", chain, trough)], graph)
            outputs += _null(f"{current.removesuffix('_t')}_o0")
    outputs += _null(current)
    inputs: list[str | Path] = ["-i", src]
    for number, bumper in enumerate(bumpers, start=1):
        inputs += ["-i", bumper]
        meter = ebur128_filter(true_peak=False, sample_peak=True, name=f"bumper{number}")
        graph.append(f"[{number}:a:0]{layout},{meter}[b{number}]")
        outputs += _null(f"b{number}")
    done = run_ffmpeg([*inputs, "-filter_complex", ";".join(graph), *outputs], where=src)
    stderr = done.stderr.decode("utf-8", "replace")
    raw = parse_ebur128(stderr, where=src, name="raw")
    check_complete(src, facts.duration_seconds, raw.decoded_seconds)
    if raw.is_silent:
        raise AudioError("is silent (loudness -inf LUFS); nothing to normalise", src)
    processed = raw
    if steps:
        processed = replace(
            parse_ebur128(stderr, where=src, name="processed"), decoded_seconds=raw.decoded_seconds
        )
        if processed.is_silent:
            raise AudioError("is silent after processing; nothing to normalise", src)
    bumper_loudness = []
    for number, bumper in enumerate(bumpers, start=1):
        measured = parse_ebur128(stderr, where=bumper, name=f"bumper{number}")
        if measured.is_silent:
            raise AudioError("is silent (loudness -inf LUFS); nothing to match", bumper)
        bumper_loudness.append(replace(measured, decoded_seconds=None))
    levels = parse_astats(stderr)
    effects = []
    for step, _ in steps:
        what, unit = EFFECT_MEASURES[step]
        if step == "leveler":
            effects.append(Effect(step, what, unit, raw.range_lu, processed.range_lu))
            continue
        name = meters[step][0]
        effects.append(
            Effect(step, what, unit, levels.get(f"{name}_before"), levels.get(f"{name}_after"))
        )
    silences = parse_silences(stderr) if settings.trim_silence else []
    return _Analysis(raw, processed, bumper_loudness, silences, effects)


#: The file muxer writes no encoder tag (ID3 TSSE, MP4 ``©too``, ``Lavf...``): it names ffmpeg's
#: build, which listeners do not need and which would change the bytes between ffmpeg versions.
NO_ENCODER_TAG = "fflags=+bitexact"


def _tee_path(path: Path) -> str:
    """Escape a file name for ffmpeg's tee muxer (its separators and quotes)."""
    return re.sub(r"([\\'|\[\]])", r"\\\1", f"file:{path.resolve()}")


def limiter_chain(
    limit_dbtp: float | None, rate: int, *, source_rate: int | None = None
) -> list[str]:
    """Return the limiter (if any) and the final resample to ``rate``.

    ``source_rate`` is the rate the audio arrives at: when it is ``rate`` already (and the
    limiter runs at the rate itself) there is no resample, which would only cost time (about
    0.3 s of CPU per 2 minutes of stereo, 15% of a bare MP3 encode).

    >>> limiter_chain(None, 44100)
    ['aresample=44100:resampler=soxr']
    >>> limiter_chain(None, 44100, source_rate=44100)
    []
    """
    chain = []
    if limit_dbtp is not None:
        if OVERSAMPLE > 1:  # at a multiple of the rate it sees inter-sample peaks, then back
            chain.append(f"aresample={rate * OVERSAMPLE}:resampler=soxr")
        chain.append(
            f"alimiter=limit={db_to_gain(limit_dbtp - LIMITER_MARGIN_DB):.5f}"
            ":attack=5:release=50:level=0:latency=1"
        )
    if source_rate != rate or (limit_dbtp is not None and OVERSAMPLE > 1):
        chain.append(f"aresample={rate}:resampler=soxr")
    return chain


def gain_chain(
    filters: list[str],
    gain_db: float,
    limit_dbtp: float | None,
    rate: int,
    *,
    source_rate: int | None = None,
) -> list[str]:
    """Return the ffmpeg filters that apply the gain, the limiter if any, and the resample.

    >>> gain_chain([], 3.5, None, 44100)
    ['volume=3.500dB:precision=float', 'aresample=44100:resampler=soxr']
    """
    gain = f"volume={gain_db:.3f}dB:precision=float"
    return [*filters, gain, *limiter_chain(limit_dbtp, rate, source_rate=source_rate)]


@dataclass(frozen=True)
class _Assembly:
    """The programme's filters and the bumpers around it, with the gains of one pass."""

    filters: list[str]
    intro: Path | None
    outro: Path | None
    gain_db: float
    intro_gain_db: float
    outro_gain_db: float
    crossfade_ms: int
    #: The programme's sample rate (None: unknown, so always resampled).
    source_rate: int | None = None


def assembly_graph(parts: _Assembly, limit_dbtp: float | None, channels: int, rate: int) -> str:
    """Return the filter graph (inputs 0 programme, then intro, then outro) ending in ``[out]``.

    Each part gets its own gain, all are brought to one rate and layout, and ``acrossfade``
    overlaps them (``concat`` when the crossfade is 0): the whole thing streams.
    """
    if parts.intro is None and parts.outro is None:
        chain = gain_chain(
            parts.filters, parts.gain_db, limit_dbtp, rate, source_rate=parts.source_rate
        )
        return f"[0:a:0]{','.join(chain)}[out]"
    common = (
        f"aresample={rate}:resampler=soxr,"
        f"aformat=sample_fmts=flt:sample_rates={rate}:channel_layouts={_layout(channels)}"
    )
    volume = "volume={:.3f}dB:precision=float"
    programme = [*parts.filters, volume.format(parts.gain_db), common]
    graph = [f"[0:a:0]{','.join(programme)}[p]"]
    index = 1
    current = "p"
    fade = parts.crossfade_ms / 1000

    def join(first: str, second: str, out: str) -> str:
        if parts.crossfade_ms == 0:
            return f"[{first}][{second}]concat=n=2:v=0:a=1[{out}]"
        curve = CROSSFADE_CURVE
        return f"[{first}][{second}]acrossfade=d={fade:.3f}:c1={curve}:c2={curve}[{out}]"

    for name, gain, before in (
        ("intro", parts.intro_gain_db, True),
        ("outro", parts.outro_gain_db, False),
    ):
        if getattr(parts, name) is None:
            continue
        layout = f"aformat=channel_layouts={_layout(channels)}"
        graph.append(f"[{index}:a:0]{layout},{volume.format(gain)},{common}[{name}]")
        pair = (name, current) if before else (current, name)
        graph.append(join(*pair, f"with_{name}"))
        current = f"with_{name}"
        index += 1
    # Every part is at ``rate`` already (``common``): the limiter is the last step.
    tail = limiter_chain(limit_dbtp, rate, source_rate=rate) or ["anull"]
    graph.append(f"[{current}]{','.join(tail)}[out]")
    return ";".join(graph)


def _assembly_inputs(src: Path, parts: _Assembly) -> list[str | Path]:
    inputs: list[str | Path] = ["-i", src]
    for bumper in (parts.intro, parts.outro):
        if bumper is not None:
            inputs += ["-i", bumper]
    return inputs


def calibration_excerpts(duration: float) -> tuple[int, float] | None:
    """Return how many excerpts of how many seconds calibrate a programme this long, or None.

    >>> calibration_excerpts(300.0) is None
    True
    >>> calibration_excerpts(600.0), calibration_excerpts(3600.0)
    ((3, 3.0), (8, 6.75))
    """
    if duration < CALIBRATE_MIN_SECONDS:
        return None
    budget = duration * CALIBRATE_SHARE
    low, high = CALIBRATE_EXCERPTS
    shortest, longest = CALIBRATE_EXCERPT_SECONDS
    count = max(low, min(high, int(budget // shortest)))
    return count, round(max(shortest, min(longest, budget / count)), 3)


def _calibrate(
    programme: Path,
    filters: list[str],
    duration: float,
    plan_: _Plan,
    settings: MasterSettings,
    gain_db: float,
    limit_dbtp: float | None,
    work: Path,
    source_rate: int | None,
) -> float | None:
    """Return how many LU the encoded programme will fall short of ``gain_db``'s promise.

    Excerpts spread over the programme go through the real gain, limiter and encoder; their
    loudness before gain and after encoding gives the limiter's and the encoder's loss (MP3
    loses 0-0.4 LU depending on the material). None when the programme is too short to be worth
    it (the typical loss, then a correction pass if needed, costs less).
    """
    sizing = calibration_excerpts(duration)
    if sizing is None:
        return None
    count, seconds = sizing
    step = duration / count
    inputs: list[str | Path] = []
    for index in range(count):
        start = step * index + (step - seconds) / 2
        inputs += ["-ss", f"{start:.3f}", "-t", f"{seconds:g}", "-i", programme]
    joined = "".join(f"[{i}:a:0]" for i in range(count))
    # Excerpts are cut from the untrimmed programme: only the downmix and processing apply.
    prefix = ",".join(f for f in filters if not f.startswith("atrim")) or "anull"
    rate = settings.sample_rate
    rest = ",".join(gain_chain([], gain_db, limit_dbtp, rate, source_rate=source_rate))
    graph = (
        f"{joined}concat=n={count}:v=0:a=1,{prefix},asplit[raw][go];"
        f"[raw]{ebur128_filter(true_peak=False)}[raw_out];[go]{rest}[enc]"
    )
    excerpt = work / f"calibrate.{plan_.format}"
    measured = ["-map", "[raw_out]", "-f", "null", "-"]
    encoded_out = ["-map", "[enc]", "-ac", str(plan_.channels), "-c:a", plan_.encoding.codec]
    encoded_out += ["-b:a", f"{plan_.bitrate_kbps}k", str(excerpt)]
    done = run_ffmpeg(
        ["-y", *inputs, "-filter_complex", graph, *measured, *encoded_out],
        where=programme,
    )
    raw = parse_ebur128(done.stderr.decode("utf-8", "replace"), where=programme)
    encoded = measure_loudness(excerpt, true_peak=False)
    if raw.is_silent or encoded.is_silent:
        return None
    return raw.integrated_lufs + gain_db - encoded.integrated_lufs


def _encode_and_measure(
    src: Path,
    parts: _Assembly,
    out: Path,
    plan_: _Plan,
    settings: MasterSettings,
    limit_dbtp: float | None,
    *,
    measure_input: list[str] | None = None,
    windows: dict[str, tuple[float, float | None]] | None = None,
    named: Path | None = None,
) -> tuple[Loudness, Loudness | None, dict[str, Loudness]]:
    """Encode the assembly to ``out`` with its gains (and limiter); return the encoded loudness.

    With ``measure_input`` (the filters before gain) the same process also measures the
    programme's own true peak (a second filter graph, so a second thread), returned second.
    ``windows`` (name -> start, end seconds of the output) are metered too, on the same encoded
    packets (the bumpers alone, where they do not overlap the programme), returned third.
    ``named`` is the output file as the user knows it (``out`` may be a temp file beside it).
    """
    rate = settings.sample_rate
    enc = plan_.encoding
    graphs = ["-filter_complex", assembly_graph(parts, limit_dbtp, plan_.channels, rate)]
    side_output: list[str] = []
    if measure_input is not None:
        meter_chain = ",".join([*measure_input, ebur128_filter(true_peak=True)])
        graphs += ["-filter_complex", f"[0:a:0]{meter_chain}[meter]"]
        side_output = ["-map", "[meter]", "-f", "null", "-"]
    args: list[str | Path] = [
        "-y",
        *_assembly_inputs(src, parts),
        *graphs,
        "-map",
        "[out]",
        "-map_metadata",
        "0",
        "-ac",
        str(plan_.channels),
        "-ar",
        str(rate),
        "-c:a",
        enc.codec,
        "-b:a",
        f"{plan_.bitrate_kbps}k",
        "-f",
        "tee",
        # onfail=abort: by default the tee muxer drops a slave that fails to write (a full disk)
        # and exits 0 with the rest, leaving a short file.
        f"[{enc.file_muxer}:{NO_ENCODER_TAG}:onfail=abort]{_tee_path(out)}|[f={enc.pipe_muxer}]pipe:1",
        *side_output,
    ]
    read_end, write_end = os.pipe()
    try:
        encoder = start_ffmpeg(args, where=src, stdout=write_end)
        try:
            meter = start_ffmpeg(
                ["-f", enc.pipe_demuxer, "-i", "pipe:0", *_meter_outputs(windows or {})],
                where=out,
                stdin=read_end,
            )
        except BaseException:
            encoder.kill()
            encoder.wait()
            raise
    finally:
        os.close(read_end)
        os.close(write_end)
    with ThreadPoolExecutor(max_workers=2) as pool:
        encoded = pool.submit(check_finished, encoder, where=src, output=named or out)
        measured = pool.submit(check_finished, meter, where=out)
        try:
            encoder_stderr = encoded.result().decode("utf-8", "replace")
            meter_stderr = measured.result().decode("utf-8", "replace")
        except BaseException:
            # Interrupted (Ctrl-C, SIGTERM) or one of them failed: stop both now, not when
            # they would have finished writing a file that is about to be removed.
            for process in (encoder, meter):
                process.kill()
            raise
    programme_loudness = parse_ebur128(encoder_stderr, where=src) if measure_input else None
    if not windows:
        return parse_ebur128(meter_stderr, where=out), programme_loudness, {}
    metered = {
        name: parse_ebur128(meter_stderr, where=out, name=name) for name in ("output", *windows)
    }
    return metered.pop("output"), programme_loudness, metered


def _meter_outputs(windows: dict[str, tuple[float, float | None]]) -> list[str]:
    """Return the meter's filters and outputs: the whole output, then each window of it.

    >>> _meter_outputs({})[0]
    '-af'
    >>> _meter_outputs({"intro": (0.0, 3.5)})[1].split(";")[2].split(",")[0]
    '[w0]atrim=start=0.000:end=3.500'
    """
    if not windows:
        return ["-af", ebur128_filter(), "-f", "null", "-"]
    labels = "".join(f"[w{i}]" for i in range(len(windows)))
    graph = [f"[0:a:0]asplit={len(windows) + 1}[whole]{labels}"]
    graph.append(f"[whole]{ebur128_filter(name='output')}[m]")
    outputs = ["-map", "[m]", "-f", "null", "-"]
    for index, (name, (start, end)) in enumerate(windows.items()):
        cut = f"atrim=start={start:.3f}" + (f":end={end:.3f}" if end is not None else "")
        graph.append(f"[w{index}]{cut},{ebur128_filter(true_peak=False, name=name)}[m{index}]")
        outputs += ["-map", f"[m{index}]", "-f", "null", "-"]
    return ["-filter_complex", ";".join(graph), *outputs]


#: An MP3 at a constant bit rate is this share of bit rate x duration at least (the rest is
#: headers and padding); less means the file was cut short.
CBR_SIZE_SHARE = 0.9


def check_encoded(
    path: Path, fmt: str, bitrate_kbps: int, decoded_seconds: float | None, where: Path
) -> None:
    """Raise AudioError unless ``path`` holds the whole stream the meter decoded from the pipe.

    The last guard against a full disk: the file's header must state the duration the meter
    heard and, for CBR MP3, its size must match the bit rate.
    """
    if not decoded_seconds:
        return
    size = path.stat().st_size
    try:
        header = read_header(path)
    except SegcastError:
        header = None
    declared = header.duration_seconds if header is not None else None
    floor = bitrate_kbps * 125 * decoded_seconds * CBR_SIZE_SHARE if fmt == "mp3" else 0.0
    tolerance = max(TRUNCATION_TOLERANCE_SECONDS, 0.02 * decoded_seconds)
    if declared is None or abs(declared - decoded_seconds) > tolerance or size < floor:
        raise AudioError(
            f"cannot write: the encoded file is incomplete ({size} bytes for "
            f"{decoded_seconds:.1f} s); is the disk full?",
            where,
        )


def _check_crossfade(
    settings: MasterSettings, bumpers: list[Path], lengths: list[float | None]
) -> None:
    """Raise InputError naming a bumper shorter than the crossfade."""
    fade = settings.crossfade_ms
    for bumper, seconds in zip(bumpers, lengths, strict=True):
        if seconds is not None and fade > seconds * 1000:
            message = f"is shorter ({round(seconds * 1000)} ms) than the crossfade ({fade} ms)"
            raise InputError(message, bumper)


def programme_start(intro_seconds: float, crossfade_ms: int) -> float:
    """Return where the programme starts after an intro: its length less the crossfade.

    ``acrossfade`` overlaps the intro's last ``crossfade_ms`` with the programme's first, so
    programme time 0 is that far into the output (``concat``, crossfade 0: the whole intro).

    >>> programme_start(4.0, 500)
    3.5
    """
    return round(intro_seconds - crossfade_ms / 1000, 6)


def intro_shift_seconds(settings: MasterSettings) -> float | None:
    """Return how far ``settings``' intro moves the programme in a master; None without one.

    Reads only the intro's header (no master needed), so a build whose master is up to date
    shifts chapter and transcript times exactly as the master did.
    """
    if settings.intro is None:
        return None
    length = (read_header(settings.intro) or probe(settings.intro)).duration_seconds
    return None if length is None else programme_start(length, settings.crossfade_ms)


def master(
    src: Path,
    dst: Path,
    settings: MasterSettings | None = None,
    *,
    progress: Callable[[str], None] | None = None,
) -> MasterReport:
    """Master ``src`` into ``dst`` (written atomically); ``src`` is only ever read.

    ``progress`` is told each stage as it starts (the command line shows them on a terminal).
    """
    started = time.perf_counter()
    say = progress or (lambda _: None)
    settings = settings or MasterSettings()
    src, dst = Path(src), Path(dst)
    # The header alone where mutagen reads it: the analysis decodes every input next, so a
    # separate ``ffmpeg -i`` per file would start ffmpeg once more for nothing.
    facts = read_header(src) or probe(src)
    plan_ = plan(facts, settings, dst)
    if dst.exists() and dst.resolve() == src.resolve():
        raise InputError("is the input; segcast never overwrites its input", dst)
    bumpers = [p for p in (settings.intro, settings.outro) if p is not None]
    lengths = [(read_header(bumper) or probe(bumper)).duration_seconds for bumper in bumpers]
    _check_crossfade(settings, bumpers, lengths)
    say(f"measuring {src.name}")
    try:
        analysis = _analyse(src, facts, plan_.channels, settings, bumpers)
    except AudioError:
        for path in (src, *bumpers):
            probe(path)  # says why ffmpeg refuses a file whose header mutagen could read
        raise
    before = analysis.raw

    base = [f"aformat=channel_layouts={_layout(plan_.channels)}"]
    trimmed: tuple[float, float] | None = None
    length = before.decoded_seconds or facts.duration_seconds or 0.0
    if settings.trim_silence:
        start, end = trim_points(analysis.silences, length, settings.silence_pad_ms / 1000)
        trimmed = (start, round(length - end, 6))
        base.insert(0, f"atrim=start={start}:end={end},asetpts=PTS-STARTPTS")
        length = end - start
    if bumpers and settings.crossfade_ms * len(bumpers) > length * 1000:
        message = f"is shorter ({round(length * 1000)} ms) than its crossfades"
        raise InputError(f"{message} ({settings.crossfade_ms * len(bumpers)} ms)", src)
    filters = base + [f for _, chain in processing_steps(settings) for f in chain]
    # Where each bumper plays alone in the output: the intro up to the programme's start, the
    # outro from the programme's end (the crossfades mix both, so they are left out).
    starts = 0.0
    windows: dict[str, tuple[float, float | None]] = {}
    if settings.intro is not None and lengths[0] is not None:
        starts = programme_start(lengths[0], settings.crossfade_ms)
        windows["intro"] = (0.0, starts)
    if settings.outro is not None:
        windows["outro"] = (starts + length, None)

    target, ceiling = plan_.target_lufs, settings.true_peak_ceiling
    gain = target - analysis.processed.integrated_lufs
    #: Each bumper's gain relative to the programme's, so one correction moves all together.
    offsets = [
        analysis.processed.integrated_lufs - loud.integrated_lufs for loud in analysis.bumpers
    ]
    peaks = [analysis.processed.sample_peak_dbfs] + [
        loud.sample_peak_dbfs + offset if loud.sample_peak_dbfs is not None else None
        for loud, offset in zip(analysis.bumpers, offsets, strict=True)
    ]
    peak = max(p if p is not None else 0.0 for p in peaks)
    pcm_ceiling = ceiling - ENCODER_HEADROOM_DB
    limiter = peak + SAMPLE_TO_TRUE_PEAK_DB + gain > pcm_ceiling

    def assembly(programme_gain: float) -> _Assembly:
        by_name = dict(
            zip(
                [n for n, p in (("intro", settings.intro), ("outro", settings.outro)) if p],
                offsets,
                strict=True,
            )
        )
        return _Assembly(
            filters,
            settings.intro,
            settings.outro,
            programme_gain,
            programme_gain + by_name.get("intro", 0.0),
            programme_gain + by_name.get("outro", 0.0),
            settings.crossfade_ms,
            facts.sample_rate,
        )

    with (
        atomic_output(dst) as temp,
        tempfile.TemporaryDirectory(dir=dst.parent, prefix=temp_prefix("master")) as work,
    ):
        # ffmpeg creates the file itself, so it gets the usual permissions, not mkstemp's 0600.
        temp.unlink()
        # Aim past the target by what limiter and encoder will lose, so one pass usually does:
        # measured on excerpts for long programmes, the typical figure for short ones.
        loss = None
        if calibration_excerpts(length) is not None:
            say("calibrating on excerpts")
            loss = _calibrate(
                src,
                filters,
                before.decoded_seconds or length,
                plan_,
                settings,
                gain,
                pcm_ceiling if limiter else None,
                Path(work),
                facts.sample_rate,
            )
        if loss is None:
            loss = ENCODER_LOSS_LU[plan_.format] + (LIMITER_LOSS_LU if limiter else 0.0)
        gain += loss
        limiter = peak + SAMPLE_TO_TRUE_PEAK_DB + gain > pcm_ceiling
        passes = 0
        #: The last pass's (gain, encoded loudness): where the limiter squeezes, a dB of gain
        #: buys less than a dB of loudness, so later corrections follow the measured slope.
        previous: tuple[float, float] | None = None
        while True:
            passes += 1
            say(f"encoding and measuring, pass {passes}")
            after, measured, bumpers_after = _encode_and_measure(
                src,
                assembly(gain),
                temp,
                plan_,
                settings,
                pcm_ceiling if limiter else None,
                measure_input=base if passes == 1 and settings.measure_input_peak else None,
                windows=windows,
                named=dst,
            )
            if measured is not None:
                before = replace(before, true_peak_dbtp=measured.true_peak_dbtp)
            error_lu = target - after.integrated_lufs
            over_db = (after.true_peak_dbtp or -math.inf) - ceiling
            met = abs(error_lu) <= TOLERANCE_LU and over_db <= 0
            if met or passes >= settings.max_passes:
                break
            slope = 1.0
            if previous is not None and abs(gain - previous[0]) > 0.05:
                slope = (after.integrated_lufs - previous[1]) / (gain - previous[0])
                slope = min(1.0, max(0.25, slope))
            previous = (gain, after.integrated_lufs)
            gain += error_lu / slope
            if over_db > 0:
                pcm_ceiling -= over_db + 0.2
                limiter = True
            elif limiter and error_lu > TOLERANCE_LU and over_db < -0.4:
                # Too quiet with the limiter squeezing and true peak measured well under the
                # ceiling: the encoder headroom was more than this material needs; use half of
                # what is left.
                pcm_ceiling += min(error_lu, -over_db / 2)
            limiter = limiter or peak + SAMPLE_TO_TRUE_PEAK_DB + gain > pcm_ceiling
        if over_db > 0:
            raise AudioError(
                f"true peak {after.true_peak_dbtp} dBTP still over {ceiling} dBTP after "
                f"{passes} passes",
                src,
            )
        check_encoded(temp, plan_.format, plan_.bitrate_kbps, after.decoded_seconds, dst)
    final = assembly(gain)
    bumper_gains = [
        round(g, 2)
        for g, p in ((final.intro_gain_db, settings.intro), (final.outro_gain_db, settings.outro))
        if p is not None
    ]
    intro_effective = starts if "intro" in windows else None
    return MasterReport(
        source=src,
        output=dst,
        format=plan_.format,
        channels=plan_.channels,
        sample_rate=settings.sample_rate,
        bitrate_kbps=plan_.bitrate_kbps,
        target_lufs=target,
        true_peak_ceiling=ceiling,
        before=before,
        after=after,
        gain_db=round(gain, 2),
        limiter=limiter,
        passes=passes,
        target_met=met,
        duration_seconds=after.decoded_seconds,
        trimmed_seconds=trimmed,
        bumpers=bumpers,
        wall_seconds=round(time.perf_counter() - started, 3),
        reading=plan_.reading,
        bumper_loudness=analysis.bumpers,
        bumper_gain_db=bumper_gains,
        intro_effective_seconds=intro_effective,
        shift_seconds=round(starts - (trimmed[0] if trimmed else 0.0), 6),
        intro_after=bumpers_after.get("intro"),
        outro_after=bumpers_after.get("outro"),
        effects=analysis.effects,
    )
