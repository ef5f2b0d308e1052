"""Master an episode: loudness to target, true peak under the ceiling measured on the encoded file.

The pipeline, top to bottom (ITU-R BS.1770-4 / EBU R128 loudness, podcast targets from
docs/podcast-standards.md):

1. **Analyse** the source in one ffmpeg pass: integrated loudness, loudness range, sample peak
   (ebur128; true peak would cost 3x here) and, when trimming, leading/trailing silence
   (silencedetect, far faster than pydub's). A header promising more than decodes = truncated.
2. **Assemble** the programme. Without bumpers the source is streamed through ffmpeg (trim and
   downmix are filters), so a 3-hour episode never sits in Python's memory. With an intro or
   outro, pydub crossfades 16-bit PCM that ffmpeg decoded (pydub's own loader needs ffprobe).
3. **Calibrate** (programmes of 2 minutes or more): eight 6 s excerpts go through the real gain,
   limiter and encoder; what they lose in loudness is added to the gain, so one pass lands.
4. **Encode** with one gain, a limiter (alimiter at 2x the rate, so it sees inter-sample peaks)
   only where the gain would push the peak over a PCM ceiling 1.5 dB under the target ceiling
   (MP3 encoding raised true peak by up to 1.4 dB in our measurements), and a resample to
   44.1 kHz, in one ffmpeg process. Its tee muxer writes the file and, through a pipe, the same
   encoded packets to a second ffmpeg that measures loudness and true peak while the encode
   runs: the verification on the encoded audio costs almost no wall time on two cores.
5. **Correct**: if the encoded loudness is off by more than 0.3 LU or its true peak is over the
   ceiling, adjust the gain (and the limiter ceiling) and encode again, at most ``max_passes``.

``loudnorm`` is deliberately not used: in linear mode it is only a gain, and it silently turns
dynamic (and resamples to 192 kHz) exactly when the gain would clip.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
import time
import wave
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from audio.ffmpeg import check_finished, run_ffmpeg, start_ffmpeg
from audio.loudness import Loudness, ebur128_filter, measure_loudness, parse_ebur128
from audio.probe import AudioFacts, check_complete, probe
from segments.errors import AudioError, InputError
from segments.files import atomic_output

Format = Literal["mp3", "m4a"]


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

#: Podcast loudness targets by output channel count (Apple/Spotify guidance; mono sounds as loud
#: as stereo 3 LU higher).
DEFAULT_TARGET_LUFS: dict[int, float] = {1: -19.0, 2: -16.0}
#: Default CBR bit rates by output channel count (speech: 64 kbit/s mono, 128 kbit/s stereo).
DEFAULT_BITRATE_KBPS: dict[int, int] = {1: 64, 2: 128}
#: How far under the true-peak ceiling the PCM is held before encoding: MP3 encoding raised
#: true peak by up to 1.4 dB over an hour of speech-like audio limited at 4x oversampling.
ENCODER_HEADROOM_DB = 1.5
#: The limiter runs at this multiple of the sample rate, so it sees inter-sample peaks. 2x
#: under-reads a peak by at most 0.35 dB below 8 kHz (speech), and on the 60-minute benchmark
#: gave the same encoded true peak as 4x (-1.7 dBTP) for 40% of the limiter's CPU (BS.1770's
#: meter uses 4x; the verification on the encoded file is what guarantees the ceiling).
OVERSAMPLE = 2
#: The limiter's own margin under its ceiling (resampling back down adds a little overshoot).
LIMITER_MARGIN_DB = 0.3
#: How much quieter an encoded file measures than the PCM that went in (band limits and
#: psychoacoustic cuts; speech-like noise: MP3 0.2-0.4 LU, AAC 0-0.3 LU). Used for programmes
#: too short to calibrate on excerpts.
ENCODER_LOSS_LU: dict[str, float] = {"mp3": 0.2, "m4a": 0.1}
#: How far a true peak may sit above the sample peak before the limiter is switched on anyway
#: (the analysis measures only sample peak; inter-sample peaks of speech are well within this).
SAMPLE_TO_TRUE_PEAK_DB = 1.0
#: Calibration: this many excerpts of this length, for programmes at least this long.
CALIBRATE_EXCERPTS = 8
CALIBRATE_EXCERPT_SECONDS = 6
CALIBRATE_MIN_SECONDS = 120.0
#: Loudness error that triggers another pass.
TOLERANCE_LU = 0.3
#: Below this the audio counts as silence when trimming (a noise floor, not speech).
SILENCE_THRESHOLD_DB = -50.0
#: Shortest stretch of silence worth trimming.
SILENCE_MIN_SECONDS = 0.3


@dataclass
class MasterSettings:
    """How to master: targets default by output channels (-16 LUFS/128k stereo, -19/64k mono)."""

    target_lufs: float | None = None
    true_peak_ceiling: float = -1.0
    format: str = "mp3"
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


@dataclass(frozen=True)
class _Plan:
    """Resolved settings: what the output is."""

    encoding: Encoding
    format: str
    channels: int
    target_lufs: float
    bitrate_kbps: int


def _layout(channels: int) -> str:
    return "mono" if channels == 1 else "stereo"


def db_to_gain(db: float) -> float:
    """Return the linear gain of ``db`` decibels.

    >>> round(db_to_gain(-6.0), 3)
    0.501
    """
    return float(10.0 ** (db / 20.0))


def plan(src_facts: AudioFacts, settings: MasterSettings, dst: Path) -> _Plan:
    """Resolve the defaults that depend on the source (channels) and check every option."""
    fmt = settings.format.lower()
    if fmt not in ENCODINGS:
        raise InputError(f"unsupported output format {fmt!r} (choose mp3 or m4a)", dst)
    channels = 1 if settings.mono or src_facts.channels == 1 else 2
    target = settings.target_lufs
    if target is None:
        target = DEFAULT_TARGET_LUFS[channels]
    if not -40.0 <= target <= -5.0:
        raise InputError(f"target loudness {target} LUFS is outside -40..-5", dst)
    if not -10.0 <= settings.true_peak_ceiling <= 0.0:
        raise InputError(f"true peak ceiling {settings.true_peak_ceiling} is outside -10..0", dst)
    bitrate = settings.bitrate_kbps or DEFAULT_BITRATE_KBPS[channels]
    if not 32 <= bitrate <= 320:
        raise InputError(f"bit rate {bitrate} kbit/s is outside 32..320", dst)
    if settings.sample_rate not in (32000, 44100, 48000):
        raise InputError(f"sample rate {settings.sample_rate} Hz is not 32000, 44100 or 48000", dst)
    if settings.crossfade_ms < 0:
        raise InputError(f"crossfade {settings.crossfade_ms} ms is negative", dst)
    return _Plan(ENCODINGS[fmt], fmt, channels, target, bitrate)


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


def _analyse(
    src: Path, facts: AudioFacts, channels: int, trim: bool
) -> tuple[Loudness, list[tuple[float, float | None]]]:
    """Measure the (downmixed) source and find its silences in one decoding pass.

    Only the sample peak is measured here (true peak costs 3x); the first encoding pass can
    measure the input's true peak on the side, for the report.
    """
    chain = [f"aformat=channel_layouts={_layout(channels)}"]
    if trim:
        chain.append(f"silencedetect=n={SILENCE_THRESHOLD_DB}dB:d={SILENCE_MIN_SECONDS}")
    chain.append(ebur128_filter(true_peak=False, sample_peak=True))
    done = run_ffmpeg(
        ["-i", src, "-map", "0:a:0", "-af", ",".join(chain), "-f", "null", "-"], where=src
    )
    stderr = done.stderr.decode("utf-8", "replace")
    loudness = parse_ebur128(stderr, where=src)
    check_complete(src, facts.duration_seconds, loudness.decoded_seconds)
    if loudness.is_silent:
        raise AudioError("is silent (loudness -inf LUFS); nothing to normalise", src)
    return loudness, parse_silences(stderr) if trim else []


def _decode_pcm(path: Path, channels: int, rate: int, filters: list[str]) -> bytes:
    """Decode ``path`` to 16-bit PCM at ``rate`` with ``channels`` (for pydub)."""
    chain = [*filters, f"aformat=channel_layouts={_layout(channels)}"]
    done = run_ffmpeg(
        ["-i", path, "-map", "0:a:0", "-af", ",".join(chain), "-ar", str(rate), "-f", "s16le", "-"],
        where=path,
    )
    return done.stdout


def _assemble(
    src: Path, settings: MasterSettings, channels: int, filters: list[str], out: Path
) -> None:
    """Write intro + programme + outro, crossfaded by pydub, to the WAV file ``out``."""
    from pydub import AudioSegment

    rate = settings.sample_rate

    def load(path: Path, chain: list[str]) -> AudioSegment:
        data = _decode_pcm(path, channels, rate, chain)
        return AudioSegment(data=data, sample_width=2, frame_rate=rate, channels=channels)

    programme = load(src, filters)
    fade = settings.crossfade_ms
    for bumper, before in ((settings.intro, True), (settings.outro, False)):
        if bumper is None:
            continue
        piece = load(bumper, [])
        for name, part in (("bumper", piece), ("programme", programme)):
            if fade > len(part):
                where = bumper if name == "bumper" else src
                message = f"is shorter ({len(part)} ms) than the crossfade ({fade} ms)"
                raise InputError(message, where)
        programme = piece.append(programme, fade) if before else programme.append(piece, fade)
    with wave.open(str(out), "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(programme.raw_data)


def _tee_path(path: Path) -> str:
    """Escape a file name for ffmpeg's tee muxer (its separators and quotes)."""
    return re.sub(r"([\\'|\[\]])", r"\\\1", f"file:{path.resolve()}")


def gain_chain(
    filters: list[str], gain_db: float, limit_dbtp: float | None, rate: int
) -> list[str]:
    """Return the ffmpeg filters that apply the gain, the limiter if any, and the resample.

    >>> gain_chain([], 3.5, None, 44100)
    ['volume=3.500dB:precision=float', 'aresample=44100:resampler=soxr']
    """
    chain = [*filters, f"volume={gain_db:.3f}dB:precision=float"]
    if limit_dbtp is not None:
        # A look-ahead limiter at a multiple of the rate sees inter-sample peaks, then back.
        chain += [
            f"aresample={rate * OVERSAMPLE}:resampler=soxr",
            f"alimiter=limit={db_to_gain(limit_dbtp - LIMITER_MARGIN_DB):.5f}"
            ":attack=5:release=50:level=0:latency=1",
        ]
    chain.append(f"aresample={rate}:resampler=soxr")
    return chain


def _calibrate(
    programme: Path,
    filters: list[str],
    duration: float,
    plan_: _Plan,
    settings: MasterSettings,
    gain_db: float,
    limit_dbtp: float | None,
    work: Path,
) -> float | None:
    """Return how many LU the encoded programme will fall short of ``gain_db``'s promise.

    Excerpts spread over the programme go through the real gain, limiter and encoder; their
    loudness before gain and after encoding gives the limiter's and the encoder's loss (MP3
    loses 0-0.4 LU depending on the material). Costs well under a second; None when the
    programme is too short to be worth it (a correction pass is cheap there).
    """
    if duration < CALIBRATE_MIN_SECONDS:
        return None
    step = duration / CALIBRATE_EXCERPTS
    inputs: list[str | Path] = []
    for index in range(CALIBRATE_EXCERPTS):
        start = step * index + (step - CALIBRATE_EXCERPT_SECONDS) / 2
        inputs += ["-ss", f"{start:.3f}", "-t", str(CALIBRATE_EXCERPT_SECONDS), "-i", programme]
    joined = "".join(f"[{i}:a:0]" for i in range(CALIBRATE_EXCERPTS))
    # Excerpts are cut from the untrimmed programme: only the downmix applies to them.
    prefix = ",".join(f for f in filters if not f.startswith("atrim")) or "anull"
    rest = ",".join(gain_chain([], gain_db, limit_dbtp, settings.sample_rate))
    graph = (
        f"{joined}concat=n={CALIBRATE_EXCERPTS}:v=0:a=1,{prefix},asplit[raw][go];"
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
    programme: Path,
    filters: list[str],
    out: Path,
    plan_: _Plan,
    settings: MasterSettings,
    gain_db: float,
    limit_dbtp: float | None,
    metadata_from: Path,
    *,
    measure_input: bool = False,
) -> tuple[Loudness, Loudness | None]:
    """Encode ``programme`` to ``out`` with gain (and limiter); return the encoded loudness.

    With ``measure_input`` the same process also measures the programme's own true peak (a
    second filter graph, so a second thread), returned second.
    """
    rate = settings.sample_rate
    chain = gain_chain(filters, gain_db, limit_dbtp, rate)
    enc = plan_.encoding
    inputs: list[str | Path] = ["-i", programme]
    metadata_index = "0"
    if metadata_from != programme:
        inputs += ["-i", metadata_from]
        metadata_index = "1"
    graphs = ["-filter_complex", f"[0:a:0]{','.join(chain)}[out]"]
    side_output: list[str] = []
    if measure_input:
        meter_chain = ",".join([*filters, ebur128_filter(true_peak=True)])
        graphs += ["-filter_complex", f"[0:a:0]{meter_chain}[meter]"]
        side_output = ["-map", "[meter]", "-f", "null", "-"]
    args: list[str | Path] = [
        "-y",
        *inputs,
        *graphs,
        "-map",
        "[out]",
        "-map_metadata",
        metadata_index,
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
        f"[{enc.file_muxer}]{_tee_path(out)}|[f={enc.pipe_muxer}]pipe:1",
        *side_output,
    ]
    read_end, write_end = os.pipe()
    try:
        encoder = start_ffmpeg(args, where=programme, stdout=write_end)
        try:
            meter_args = ["-f", enc.pipe_demuxer, "-i", "pipe:0", "-af", ebur128_filter()]
            meter = start_ffmpeg(
                [*meter_args, "-f", "null", "-"],
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
        encoded = pool.submit(check_finished, encoder, where=programme)
        measured = pool.submit(check_finished, meter, where=out)
        encoder_stderr = encoded.result().decode("utf-8", "replace")
        meter_stderr = measured.result().decode("utf-8", "replace")
    programme_loudness = parse_ebur128(encoder_stderr, where=programme) if measure_input else None
    return parse_ebur128(meter_stderr, where=out), programme_loudness


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
    facts = probe(src)
    plan_ = plan(facts, settings, dst)
    if dst.exists() and dst.resolve() == src.resolve():
        raise InputError("is the input; segcast never overwrites its input", dst)
    bumpers = [p for p in (settings.intro, settings.outro) if p is not None]
    for bumper in bumpers:
        probe(bumper)
    say(f"measuring {src.name}")
    before, silences = _analyse(src, facts, plan_.channels, settings.trim_silence)

    filters = [f"aformat=channel_layouts={_layout(plan_.channels)}"]
    trimmed: tuple[float, float] | None = None
    if settings.trim_silence:
        length = before.decoded_seconds or facts.duration_seconds or 0.0
        start, end = trim_points(silences, length, settings.silence_pad_ms / 1000)
        trimmed = (start, round(length - end, 6))
        filters.insert(0, f"atrim=start={start}:end={end},asetpts=PTS-STARTPTS")

    with (
        atomic_output(dst) as temp,
        tempfile.TemporaryDirectory(dir=dst.parent, prefix=".segcast-") as work,
    ):
        # ffmpeg creates the file itself, so it gets the usual permissions, not mkstemp's 0600.
        temp.unlink()
        programme = src
        if bumpers:
            programme = Path(work) / "programme.wav"
            say("assembling bumpers")
            _assemble(src, settings, plan_.channels, filters, programme)
            filters = []
            before = measure_loudness(programme, true_peak=False, sample_peak=True)
        target, ceiling = plan_.target_lufs, settings.true_peak_ceiling
        gain = target - before.integrated_lufs
        pcm_ceiling = ceiling - ENCODER_HEADROOM_DB
        peak = before.sample_peak_dbfs if before.sample_peak_dbfs is not None else 0.0
        limiter = peak + SAMPLE_TO_TRUE_PEAK_DB + gain > pcm_ceiling
        # Aim past the target by what limiter and encoder will lose, so one pass usually does:
        # measured on excerpts for long programmes, the typical figure for short ones.
        duration = before.decoded_seconds or facts.duration_seconds or 0.0
        if duration >= CALIBRATE_MIN_SECONDS:
            say("calibrating on excerpts")
        loss = _calibrate(
            programme,
            filters,
            duration,
            plan_,
            settings,
            gain,
            pcm_ceiling if limiter else None,
            Path(work),
        )
        gain += ENCODER_LOSS_LU[plan_.format] if loss is None else loss
        limiter = peak + SAMPLE_TO_TRUE_PEAK_DB + gain > pcm_ceiling
        passes = 0
        while True:
            passes += 1
            say(f"encoding and measuring, pass {passes}")
            after, measured = _encode_and_measure(
                programme,
                filters,
                temp,
                plan_,
                settings,
                gain,
                pcm_ceiling if limiter else None,
                src,
                measure_input=passes == 1 and settings.measure_input_peak,
            )
            if measured is not None:
                before = replace(before, true_peak_dbtp=measured.true_peak_dbtp)
            error_lu = target - after.integrated_lufs
            over_db = (after.true_peak_dbtp or -math.inf) - ceiling
            met = abs(error_lu) <= TOLERANCE_LU and over_db <= 0
            if met or passes >= settings.max_passes:
                break
            gain += error_lu
            if over_db > 0:
                pcm_ceiling -= over_db + 0.2
                limiter = True
            limiter = limiter or peak + SAMPLE_TO_TRUE_PEAK_DB + gain > pcm_ceiling
        if over_db > 0:
            raise AudioError(
                f"true peak {after.true_peak_dbtp} dBTP still over {ceiling} dBTP after "
                f"{passes} passes",
                src,
            )
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
    )
