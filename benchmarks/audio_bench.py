"""Benchmark: master a long stereo speech recording; segcast vs bare encode vs ffmpeg-normalize.

One run generates a speech-like stereo WAV (default 60 minutes, 44.1 kHz, 16-bit) and, on that
same file and the same ffmpeg binary, runs three sides in fresh subprocesses:

``floor``    ``ffmpeg -i in.wav -c:a libmp3lame -b:a 128k out.mp3`` - the bare encode, no loudness
             work at all: the least any mastering can cost.
``segcast``  ``segcast audio master in.wav -o out.mp3`` (-16 LUFS, -1 dBTP, MP3 CBR 128k).
``peer``     ``ffmpeg-normalize in.wav --preset podcast -c:a libmp3lame -b:a 128k -ar 44100``
             (-16 LUFS, LRA 7, -2 dBTP, two-pass loudnorm), the pip tool people reach for.

Each side reports wall time and peak memory (``os.wait4``'s ``ru_maxrss``: the largest resident
set of the process or any child it waited for, ffmpeg included), and every output is measured by
ffmpeg's ebur128 run directly here. Targets (issue 3): segcast at most 1.5x the floor, at least 3x
faster than the peer, within +-0.5 LU of -16 LUFS and at most -1.0 dBTP. Exit status 1 when a
target is missed.

    .venv/bin/python benchmarks/audio_bench.py [--minutes 60] [--repeats 1] [--skip-peer]
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
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

TARGET_LUFS = -16.0
CEILING_DBTP = -1.0
#: (name, limit, what it means): the issue's targets.
TARGETS = (
    ("segcast / floor", 1.5, "at most 1.5x the bare encode"),
    ("peer / segcast", 3.0, "ffmpeg-normalize at least 3x slower"),
)


@dataclass
class Side:
    """One side's run: its cost and what its output measures."""

    name: str
    wall_seconds: float
    peak_rss_mb: float
    lufs: float | None = None
    true_peak_dbtp: float | None = None
    note: str = ""


def ffmpeg_binary() -> str:
    """Return the ffmpeg every side uses: SEGCAST_FFMPEG, else the imageio-ffmpeg wheel's."""
    chosen = os.environ.get("SEGCAST_FFMPEG")
    if chosen:
        return chosen
    import imageio_ffmpeg

    return str(imageio_ffmpeg.get_ffmpeg_exe())


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, str, str]:
    """Run ``command``; return wall seconds, peak RSS in MB (children included), stdout, stderr."""
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
    return wall, usage.ru_maxrss / 1024, stdout, stderr  # ru_maxrss is in KiB on Linux


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
    wall, rss, _, _ = timed([*command, "-c:a", "libmp3lame", "-b:a", "128k", str(out)], env)
    return Side("floor", wall, rss, *measure(ffmpeg, out), note="no loudness work")


def run_segcast(ffmpeg: str, wav: Path, work: Path, env: dict[str, str]) -> Side:
    """segcast audio master, through its console entry point."""
    out = work / "segcast.mp3"
    command = [sys.executable, "-c", "from segcast.cli import main; main()"]
    command += ["audio", "master", str(wav), "-o", str(out), "--force", "--json"]
    wall, rss, stdout, _ = timed(command, env)
    report = json.loads(stdout)
    note = (
        f"{report['passes']} pass(es), gain {report['gain_db']:+.1f} dB, "
        f"limiter {'on' if report['limiter'] else 'off'}"
    )
    return Side("segcast", wall, rss, *measure(ffmpeg, out), note=note)


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
    wall, rss, stdout, _ = timed(command, {**env, "FFMPEG_PATH": ffmpeg})
    mode = re.search(r'"normalization_type":\s*"(\w+)"', stdout)
    note = f"loudnorm {mode.group(1) if mode else '?'} mode"
    return Side("peer", wall, rss, *measure(ffmpeg, out), note=note)


def table(sides: list[Side], floor: Side) -> str:
    """Return the results as a fixed-width table."""
    rows = [
        f"{'side':<9} {'wall s':>8} {'x floor':>8} {'peak MB':>8} {'LUFS':>7} {'dBTP':>6}  note"
    ]
    for side in sides:
        ratio = side.wall_seconds / floor.wall_seconds
        rows.append(
            f"{side.name:<9} {side.wall_seconds:>8.1f} {ratio:>8.2f} {side.peak_rss_mb:>8.0f}"
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


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 0 when every target is met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0, help="length of the recording")
    parser.add_argument("--repeats", type=int, default=1, help="runs of floor and segcast (best)")
    parser.add_argument("--skip-peer", action="store_true", help="do not run ffmpeg-normalize")
    parser.add_argument("--workdir", type=Path, default=None, help="where files go (kept)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = parser.parse_args(argv)

    ffmpeg = ffmpeg_binary()
    env = {**os.environ, "SEGCAST_FFMPEG": ffmpeg, "PYTHONPATH": str(REPO)}
    work = args.workdir or Path(tempfile.mkdtemp(prefix="segcast-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        wav = work / "speech.wav"
        started = time.perf_counter()
        generate(wav, args.minutes * 60.0, env)
        print(
            f"generated {args.minutes:g} min stereo speech-like WAV "
            f"({wav.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s; "
            f"ffmpeg: {ffmpeg}; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        floors = [run_floor(ffmpeg, wav, work, env) for _ in range(args.repeats)]
        ours = [run_segcast(ffmpeg, wav, work, env) for _ in range(args.repeats)]
        floor = min(floors, key=lambda s: s.wall_seconds)
        segcast = min(ours, key=lambda s: s.wall_seconds)
        sides = [floor, segcast]
        if not args.skip_peer:
            print("running ffmpeg-normalize (slow) ...", flush=True)
            sides.append(run_peer(ffmpeg, wav, work, env))
        print(table(sides, floor))

        ratios = {"segcast / floor": segcast.wall_seconds / floor.wall_seconds}
        if not args.skip_peer:
            ratios["peer / segcast"] = sides[2].wall_seconds / segcast.wall_seconds
        failures = []
        for name, limit, meaning in TARGETS:
            if name not in ratios:
                continue
            ok = ratios[name] <= limit if name.startswith("segcast") else ratios[name] >= limit
            print(f"{name:<16} {ratios[name]:6.2f}  target {meaning}: {'met' if ok else 'MISSED'}")
            failures += [] if ok else [name]
        assert segcast.lufs is not None and segcast.true_peak_dbtp is not None
        loud_ok = abs(segcast.lufs - TARGET_LUFS) <= 0.5
        peak_ok = segcast.true_peak_dbtp <= CEILING_DBTP
        print(
            f"segcast loudness {segcast.lufs:.1f} LUFS (target -16 +-0.5): "
            f"{'met' if loud_ok else 'MISSED'}"
        )
        print(
            f"segcast true peak {segcast.true_peak_dbtp:.1f} dBTP (at most -1.0): "
            f"{'met' if peak_ok else 'MISSED'}"
        )
        failures += [] if loud_ok else ["loudness"]
        failures += [] if peak_ok else ["true peak"]
        if args.json:
            print(
                json.dumps(
                    {
                        "minutes": args.minutes,
                        "sides": [vars(s) for s in sides],
                        "ratios": ratios,
                        "failures": failures,
                    },
                    indent=2,
                )
            )
        return 1 if failures else 0
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
