"""Benchmark: master speech recordings; segcast vs bare encode vs ffmpeg-normalize, per ffmpeg.

One run generates speech-like stereo WAVs (2 and 10 minutes by default, 60 with ``--long``,
44.1 kHz, 16-bit) and, on the same file and the same ffmpeg binary, runs in fresh subprocesses:

``floor``    ``ffmpeg -i in.wav -c:a libmp3lame -b:a 128k out.mp3`` - the bare encode, no loudness
             work at all: the least any mastering can cost.
``segcast``  ``segcast audio master in.wav -o out.mp3`` (-16 LUFS, -1 dBTP, MP3 CBR 128k).
``library``  ``audio.master.master()`` called from a bare interpreter: segcast without the
             command line's start-up (which the CLI's lazy imports are to remove).
``peer``     ``ffmpeg-normalize in.wav --preset podcast -c:a libmp3lame -b:a 128k -ar 44100``
             (-16 LUFS, LRA 7, -2 dBTP, two-pass loudnorm), the pip tool people reach for.

floor, segcast and library run ``--repeats`` times interleaved (the machine may be shared:
medians of runs made side by side), the peer once. Each run reports wall time and peak memory
(``os.wait4``'s ``ru_maxrss``: the largest resident set of the process or any child it waited
for, ffmpeg included), and every output is measured by ffmpeg's ebur128 run directly here. It
runs with each ffmpeg given (default: the imageio-ffmpeg wheel's and ``/usr/bin/ffmpeg`` when
there), then masters a 3-hour stereo programme with an intro and an outro for peak memory.

The batch (``--batch 20``, per ffmpeg): 20 two-minute segments mastered by ``segcast build
--jobs 2`` (the whole build: masters on its process pool, tags, feed, site) against the same 20
bare encodes run two at a time.

Python runs with its bytecode cache (in the work folder), as an installed segcast does: with
``PYTHONDONTWRITEBYTECODE`` every run would compile segcast's sources again (about 0.2 s of CPU
per process here), a cost no producer pays.

Targets (issue 11): segcast at most 1.3x the floor at 2 minutes and 1.25x at 10 and 60; the peer
at least 4x slower than segcast; the batch at most 1.3x its bare encodes; within +-0.5 LU of -16
LUFS and at most -1.0 dBTP; 3 hours with bumpers in at most 100 MB. Exit status 1 when a target
is missed.

    .venv/bin/python benchmarks/audio_bench.py [--minutes 2 10] [--long] [--repeats 3]
        [--ffmpeg PATH ...] [--skip-peer] [--memory-hours 3] [--batch 20]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

TARGET_LUFS = -16.0
CEILING_DBTP = -1.0
#: segcast / floor at most this, by programme minutes (the issue's targets; longer: the last).
FLOOR_RATIO: tuple[tuple[float, float], ...] = ((2.0, 1.3), (10.0, 1.25))
#: ffmpeg-normalize at least this many times slower than segcast, at every length.
PEER_RATIO = 4.0
#: Peak memory for the 3-hour programme with intro and outro, MB.
MEMORY_LIMIT_MB = 100.0
#: segcast build --jobs 2 of the batch / its bare encodes two at a time, at most.
BATCH_RATIO = 1.3
#: Length of each segment of the batch, minutes.
BATCH_MINUTES = 2.0


@dataclass
class Side:
    """One side's run: its cost and what its output measures."""

    name: str
    wall_seconds: float
    peak_rss_mb: float
    #: User + system CPU of the process and its children: on a machine shared with other
    #: work, the cost that does not depend on how busy the other cores are.
    cpu_seconds: float
    lufs: float | None = None
    true_peak_dbtp: float | None = None
    note: str = ""


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, float, str, str]:
    """Run ``command``; return wall s, peak RSS MB and CPU s (children included), out, err."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({process.returncode}):\n{stderr[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return wall, usage.ru_maxrss / 1024, cpu, stdout, stderr  # ru_maxrss is in KiB on Linux


def measure(ffmpeg: str, path: Path) -> tuple[float, float]:
    """Return (integrated LUFS, true peak dBTP) of ``path`` by ffmpeg's ebur128."""
    meter = ["-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-"]
    done = subprocess.run(
        [ffmpeg, "-nostdin", "-i", str(path), *meter],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = done.stderr[done.stderr.rindex("Summary:") :]
    integrated = re.search(r"I:\s+(\S+) LUFS", summary)
    peak = re.search(r"True peak:\s+Peak:\s+(\S+) dBFS", summary)
    assert integrated and peak, summary
    return float(integrated.group(1)), float(peak.group(1))


def run_floor(ffmpeg: str, wav: Path, work: Path, env: dict[str, str]) -> Side:
    """Bare MP3 encode."""
    out = work / "floor.mp3"
    command = [ffmpeg, "-hide_banner", "-nostdin", "-y", "-i", str(wav)]
    wall, rss, cpu, _, _ = timed([*command, "-c:a", "libmp3lame", "-b:a", "128k", str(out)], env)
    return Side("floor", wall, rss, cpu, *measure(ffmpeg, out), note="no loudness work")


def run_segcast(
    ffmpeg: str, wav: Path, work: Path, env: dict[str, str], extra: tuple[str, ...] = ()
) -> Side:
    """segcast audio master, through its console entry point."""
    out = work / "segcast.mp3"
    command = [sys.executable, "-c", "from segcast.cli import main; main()"]
    command += ["audio", "master", str(wav), "-o", str(out), "--force", "--json", *extra]
    wall, rss, cpu, stdout, _ = timed(command, env)
    report = json.loads(stdout)
    note = (
        f"{report['passes']} pass(es), gain {report['gain_db']:+.1f} dB, "
        f"limiter {'on' if report['limiter'] else 'off'}"
    )
    return Side("segcast", wall, rss, cpu, *measure(ffmpeg, out), note=note)


LIBRARY = (
    "import sys; from pathlib import Path; from audio.master import master; "
    "r = master(Path(sys.argv[1]), Path(sys.argv[2])); print(r.passes, r.gain_db)"
)


def run_library(ffmpeg: str, wav: Path, work: Path, env: dict[str, str]) -> Side:
    """audio.master.master() from a bare interpreter: no command-line start-up."""
    out = work / "library.mp3"
    out.unlink(missing_ok=True)
    wall, rss, cpu, stdout, _ = timed([sys.executable, "-c", LIBRARY, str(wav), str(out)], env)
    passes, gain = stdout.split()
    note = f"{passes} pass(es), gain {float(gain):+.1f} dB, no CLI start-up"
    return Side("library", wall, rss, cpu, *measure(ffmpeg, out), note=note)


def run_peer(ffmpeg: str, wav: Path, work: Path, env: dict[str, str]) -> Side:
    """ffmpeg-normalize with its podcast preset, MP3 128k at 44.1 kHz (it would pick 192 kHz)."""
    out = work / "peer.mp3"
    exe = shutil.which("ffmpeg-normalize", path=str(Path(sys.executable).parent)) or shutil.which(
        "ffmpeg-normalize"
    )
    if exe is None:
        raise SystemExit("ffmpeg-normalize is not installed (pip install ffmpeg-normalize)")
    command = [exe, str(wav), "--preset", "podcast", "-p", "-c:a", "libmp3lame", "-b:a", "128k"]
    command += ["-ar", "44100", "-o", str(out), "-f"]
    wall, rss, cpu, stdout, _ = timed(command, {**env, "FFMPEG_PATH": ffmpeg})
    mode = re.search(r'"normalization_type":\s*"(\w+)"', stdout)
    note = f"loudnorm {mode.group(1) if mode else '?'} mode"
    return Side("peer", wall, rss, cpu, *measure(ffmpeg, out), note=note)


def median(sides: list[Side]) -> Side:
    """Return the run with the median wall time (the lower middle of an even count)."""
    ordered = sorted(sides, key=lambda side: side.wall_seconds)
    return ordered[(len(ordered) - 1) // 2]


def table(sides: list[Side], floor: Side) -> str:
    """Return the results as a fixed-width table."""
    rows = [
        f"{'side':<9} {'wall s':>8} {'x floor':>8} {'cpu s':>7} {'x floor':>8} {'peak MB':>8}"
        f" {'LUFS':>7} {'dBTP':>6}  note"
    ]
    for side in sides:
        ratio = side.wall_seconds / floor.wall_seconds
        cpu_ratio = side.cpu_seconds / floor.cpu_seconds
        rows.append(
            f"{side.name:<9} {side.wall_seconds:>8.2f} {ratio:>8.2f} {side.cpu_seconds:>7.2f}"
            f" {cpu_ratio:>8.2f} {side.peak_rss_mb:>8.0f}"
            f" {side.lufs:>7.1f} {side.true_peak_dbtp:>6.1f}  {side.note}"
        )
    return "\n".join(rows)


GENERATE = (
    "import sys; from pathlib import Path; "
    "from tests.audio.signals import speech_like_chunks, write_wav_chunks; "
    "write_wav_chunks(Path(sys.argv[1]), speech_like_chunks(float(sys.argv[2])), channels=2)"
)


def generate(wav: Path, seconds: float, env: dict[str, str]) -> None:
    """Write the speech-like WAV in a child process, so this one stays small.

    A forked child starts with its parent's resident set counted in its ru_maxrss; a lean parent
    keeps the peak-memory figures about the measured commands only.
    """
    subprocess.run([sys.executable, "-c", GENERATE, str(wav), str(seconds)], env=env, check=True)


BUMPER = (
    "import sys; from pathlib import Path; from tests.audio.signals import tone, write_wav; "
    "write_wav(Path(sys.argv[1]), tone(float(sys.argv[2]), freq=float(sys.argv[3])))"
)


def floor_limit(minutes: float) -> float:
    """Return the issue's segcast / floor limit for a programme of ``minutes``."""
    limit = FLOOR_RATIO[0][1]
    for length, ratio in FLOOR_RATIO:
        if minutes >= length:
            limit = ratio
    return limit


def bench_length(
    ffmpeg: str,
    wav: Path,
    minutes: float,
    work: Path,
    env: dict[str, str],
    args: argparse.Namespace,
) -> tuple[dict[str, float], list[str]]:
    """Run every side on one recording with one ffmpeg; print the table; return ratios, misses."""
    floors: list[Side] = []
    ours: list[Side] = []
    library: list[Side] = []
    for _ in range(args.repeats):  # interleaved, so a burst of load hits every side alike
        floors.append(run_floor(ffmpeg, wav, work, env))
        ours.append(run_segcast(ffmpeg, wav, work, env))
        library.append(run_library(ffmpeg, wav, work, env))
    floor, segcast, lib = median(floors), median(ours), median(library)
    sides = [floor, segcast, lib]
    if not args.skip_peer:
        sides.append(run_peer(ffmpeg, wav, work, env))
    print(table(sides, floor))
    ratios = {
        "segcast / floor": segcast.wall_seconds / floor.wall_seconds,
        "library / floor": lib.wall_seconds / floor.wall_seconds,
        "segcast / floor, cpu": segcast.cpu_seconds / floor.cpu_seconds,
    }
    misses = []
    limit = floor_limit(minutes)
    checks = [("segcast / floor", ratios["segcast / floor"] <= limit, f"at most {limit}x")]
    if not args.skip_peer:
        ratios["peer / segcast"] = sides[3].wall_seconds / segcast.wall_seconds
        ok = ratios["peer / segcast"] >= PEER_RATIO
        checks.append(("peer / segcast", ok, f"at least {PEER_RATIO}x"))
    for name, ok, meaning in checks:
        print(f"  {name:<16} {ratios[name]:6.2f}  target {meaning}: {'met' if ok else 'MISSED'}")
        misses += [] if ok else [f"{minutes:g} min {name}"]
    for side in (segcast, lib):
        assert side.lufs is not None and side.true_peak_dbtp is not None
        if abs(side.lufs - TARGET_LUFS) > 0.5 or side.true_peak_dbtp > CEILING_DBTP:
            print(f"  {side.name}: {side.lufs} LUFS / {side.true_peak_dbtp} dBTP: MISSED")
            misses.append(f"{minutes:g} min {side.name} loudness")
    return ratios, misses


def bench_memory(
    ffmpeg: str, hours: float, work: Path, env: dict[str, str]
) -> tuple[Side, list[str]]:
    """Master a long stereo programme with a 10 s intro and outro; return it and any miss."""
    wav = work / "long.wav"
    generate(wav, hours * 3600.0, env)
    bumpers = []
    for name, freq in (("intro", 440.0), ("outro", 660.0)):
        path = work / f"{name}.wav"
        subprocess.run(
            [sys.executable, "-c", BUMPER, str(path), "10", str(freq)], env=env, check=True
        )
        bumpers += [f"--{name}", str(path)]
    side = run_segcast(ffmpeg, wav, work, env, tuple(bumpers))
    wav.unlink()
    ok = side.peak_rss_mb <= MEMORY_LIMIT_MB
    print(
        f"{hours:g} h stereo with intro and outro: {side.wall_seconds:.0f} s, peak "
        f"{side.peak_rss_mb:.0f} MB (target at most {MEMORY_LIMIT_MB:g}): "
        f"{'met' if ok else 'MISSED'}; {side.lufs} LUFS, {side.true_peak_dbtp} dBTP"
    )
    return side, [] if ok else ["memory with bumpers"]


def _varied_copy(wav: Path, dst: Path, n: int) -> None:
    """Copy ``wav`` with one sample changed, so every copy has its own content hash.

    The build's cache is keyed by the recording's hash: identical copies would not be
    mastered once each.
    """
    data = bytearray(wav.read_bytes())
    data[-2 - 2 * n] ^= 1  # the low byte of a sample near the end: inaudible
    dst.write_bytes(bytes(data))


def _bare_batch(ffmpeg: str, wavs: list[Path], work: Path, env: dict[str, str]) -> Side:
    """Encode every WAV bare, two at a time (the machine's share of a --jobs 2 build)."""
    out = work / "bare"
    out.mkdir(exist_ok=True)

    def encode(wav: Path) -> float:
        command = [ffmpeg, "-hide_banner", "-nostdin", "-y", "-i", str(wav)]
        mp3 = out / f"{wav.stem}.mp3"
        return timed([*command, "-c:a", "libmp3lame", "-b:a", "128k", str(mp3)], env)[2]

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        cpu = sum(pool.map(encode, wavs))
    wall = time.perf_counter() - started
    sample = out / f"{wavs[0].stem}.mp3"
    return Side("bare x2", wall, 0.0, cpu, *measure(ffmpeg, sample), note="two at a time")


def _build_batch(ffmpeg: str, show: Path, work: Path, env: dict[str, str]) -> Side:
    """Run ``segcast build --jobs 2`` on the show: every raw recording mastered from scratch."""
    out = work / "public"
    command = [sys.executable, "-c", "from segcast.cli import main; main()", "build", str(show)]
    command += ["-o", str(out), "--jobs", "2", "--force", "--json"]
    wall, rss, cpu, _, _ = timed(command, env)
    masters = sorted((show / "audio").glob("*.mp3"))
    worst: tuple[float, float] | None = None
    for mp3 in (masters[0], masters[len(masters) // 2], masters[-1]):
        lufs, peak = measure(ffmpeg, mp3)
        if worst is None or abs(lufs - TARGET_LUFS) > abs(worst[0] - TARGET_LUFS):
            worst = (lufs, peak)
    assert worst is not None
    note = f"{len(masters)} masters, whole build; loudness: the worst of 3 measured"
    return Side("build -j2", wall, rss, cpu, *worst, note=note)


def bench_batch(
    ffmpeg: str, count: int, work: Path, env: dict[str, str]
) -> tuple[dict[str, float], list[str]]:
    """Master ``count`` 2-minute segments by the build and bare; print; return ratios, misses."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from build_bench import SEGMENT, SHOW_TOML  # the lead's benchmark show, not a copy

    show = work / "batch-show"
    shutil.rmtree(show, ignore_errors=True)
    for folder in ("segments", "audio", "raw"):
        (show / folder).mkdir(parents=True)
    (show / "show.toml").write_text(SHOW_TOML, encoding="utf-8")
    source = work / "batch.wav"
    generate(source, BATCH_MINUTES * 60.0, env)
    wavs = []
    for n in range(count):
        slug = f"episode-{n:05d}"
        text = SEGMENT.format(n=n, hour=(n // 60) % 24, minute=n % 60)
        (show / "segments" / f"{slug}.md").write_text(text, encoding="utf-8")
        _varied_copy(source, show / "raw" / f"{slug}.wav", n)
        wavs.append(show / "raw" / f"{slug}.wav")
    bare = _bare_batch(ffmpeg, wavs, work, env)
    built = _build_batch(ffmpeg, show, work, env)
    print(table([bare, built], bare))
    ratios = {
        "batch / bare": built.wall_seconds / bare.wall_seconds,
        "batch / bare, cpu": built.cpu_seconds / bare.cpu_seconds,
    }
    ok = ratios["batch / bare"] <= BATCH_RATIO
    print(
        f"  {'batch / bare':<16} {ratios['batch / bare']:6.2f}  target at most {BATCH_RATIO}x: "
        f"{'met' if ok else 'MISSED'}"
    )
    misses = [] if ok else ["batch"]
    assert built.lufs is not None and built.true_peak_dbtp is not None
    if abs(built.lufs - TARGET_LUFS) > 0.5 or built.true_peak_dbtp > CEILING_DBTP:
        print(f"  build: {built.lufs} LUFS / {built.true_peak_dbtp} dBTP: MISSED")
        misses.append("batch loudness")
    shutil.rmtree(show, ignore_errors=True)
    source.unlink()
    return ratios, misses


def default_binaries() -> list[str]:
    """Return SEGCAST_FFMPEG alone when set, else the wheel's ffmpeg and Debian's when there."""
    chosen = os.environ.get("SEGCAST_FFMPEG")
    if chosen:
        return [chosen]
    import imageio_ffmpeg

    found = [str(imageio_ffmpeg.get_ffmpeg_exe())]
    return found + (["/usr/bin/ffmpeg"] if Path("/usr/bin/ffmpeg").is_file() else [])


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 0 when every target is met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, nargs="+", default=[2.0, 10.0])
    parser.add_argument("--long", action="store_true", help="also a 60-minute recording")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each side (median)")
    parser.add_argument("--ffmpeg", nargs="+", default=None, help="ffmpeg binaries to compare")
    parser.add_argument("--skip-peer", action="store_true", help="do not run ffmpeg-normalize")
    parser.add_argument("--memory-hours", type=float, default=3.0, help="0 skips memory")
    parser.add_argument(
        "--batch", type=int, default=20, help="segments of the build batch (0 skips it)"
    )
    parser.add_argument("--workdir", type=Path, default=None, help="where files go (kept)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = parser.parse_args(argv)

    binaries = args.ffmpeg or default_binaries()
    lengths = [*args.minutes, *([60.0] if args.long else [])]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="segcast-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, dict[str, float]]] = {}
    failures: list[str] = []
    base_env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONPYCACHEPREFIX": str(work / "pyc")}
    base_env.pop("PYTHONDONTWRITEBYTECODE", None)
    warm = "import segcast.cli.audio, segcast.cli.build, audio.master, segcast.build"
    subprocess.run([sys.executable, "-c", warm], env=base_env, check=True)
    try:
        for minutes in lengths:
            wav = work / f"speech-{minutes:g}.wav"
            generate(wav, minutes * 60.0, base_env)
            for ffmpeg in binaries:
                env = {**base_env, "SEGCAST_FFMPEG": ffmpeg}
                print(
                    f"== {minutes:g} min stereo speech-like WAV, ffmpeg {ffmpeg}; "
                    f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
                ratios, misses = bench_length(ffmpeg, wav, minutes, work, env, args)
                results.setdefault(ffmpeg, {})[f"{minutes:g}"] = ratios
                failures += [f"{Path(ffmpeg).name}: {miss}" for miss in misses]
            wav.unlink()
        if args.memory_hours > 0:
            env = {**base_env, "SEGCAST_FFMPEG": binaries[0]}
            print(f"== memory, ffmpeg {binaries[0]}", flush=True)
            _, misses = bench_memory(binaries[0], args.memory_hours, work, env)
            failures += misses
        for ffmpeg in binaries if args.batch > 0 else []:
            env = {**base_env, "SEGCAST_FFMPEG": ffmpeg}
            print(
                f"== batch: {args.batch} x {BATCH_MINUTES:g} min, segcast build --jobs 2 vs "
                f"bare encodes two at a time, ffmpeg {ffmpeg}; load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
            ratios, misses = bench_batch(ffmpeg, args.batch, work, env)
            results.setdefault(ffmpeg, {})["batch"] = ratios
            failures += [f"{Path(ffmpeg).name}: {miss}" for miss in misses]
        if args.json:
            print(json.dumps({"ratios": results, "failures": failures}, indent=2))
        print("missed: " + ", ".join(failures) if failures else "all targets met")
        return 1 if failures else 0
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
