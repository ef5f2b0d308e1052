"""Benchmark: ``segcast build`` at archive scale and in parallel.

Two measurements, each side a fresh ``segcast build`` process, sides alternating, best of the
repeats:

* **no-change rebuild**: a generated show of 1,000 episodes with real (short) MP3s in ``audio/``,
  built once, then rebuilt with nothing changed, against the same rebuild of a 10-episode show
  in the same run. Target (issue 8): at most 3x: the cost is start-up, not episodes.
* **parallel cold build**: 8 episodes with raw recordings of a few minutes each, mastered from
  scratch with ``--jobs 1`` and ``--jobs 2``. Target: ``--jobs 2`` at least 1.7x faster on two
  idle cores.

    .venv/bin/python benchmarks/build_bench.py [--episodes 1000] [--minutes 3] [--repeats 3]
        [--skip-parallel] [--workdir DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.audio.signals import speech_like, write_wav  # noqa: E402

CLI = "from segcast.cli import main; main()"
MP3 = ("-c:a", "libmp3lame", "-b:a", "64k", "-y")
SINE = "sine=frequency=440:duration=2"
NO_CHANGE_TARGET = 3.0
PARALLEL_TARGET = 1.7

SHOW_TOML = """title = "Benchmark Show"
description = "A show with very many episodes."
link = "https://example.org/bench/"
base_url = "https://example.org/bench/"
feed_url = "https://example.org/bench/feed.xml"
category = "News"
artwork = "https://example.org/bench/artwork.jpg"
author = "Bench"
owner_email = "bench@example.org"
podcast_guid = "8d1c62b8-1f3a-5c39-a1a4-6c7d7d3c2d8e"
hosts = ["Pat Host"]
"""

SEGMENT = """---
title: Episode {n}
published: '2020-01-01T{hour:02d}:{minute:02d}:00+00:00'
people:
- name: Guest {n}
  role: guest
---

Episode {n}: a conversation about the week's news.

## Transcript

> **Q:** What happened this week?

**Guest {n}:** Quite a lot happened, and we talked about it for a while.
"""


def _ffmpeg() -> str:
    import imageio_ffmpeg

    return os.environ.get("SEGCAST_FFMPEG") or imageio_ffmpeg.get_ffmpeg_exe()


def make_show(folder: Path, episodes: int, mp3: Path | None, minutes: float | None) -> Path:
    """Write a show of ``episodes`` segments: each with a copy of ``mp3``, or a raw recording."""
    (folder / "segments").mkdir(parents=True)
    (folder / "audio").mkdir()
    (folder / "raw").mkdir()
    (folder / "show.toml").write_text(SHOW_TOML, encoding="utf-8")
    for n in range(episodes):
        slug = f"episode-{n:05d}"
        text = SEGMENT.format(n=n, hour=(n // 60) % 24, minute=n % 60)
        (folder / "segments" / f"{slug}.md").write_text(text, encoding="utf-8")
        if mp3 is not None:
            shutil.copyfile(mp3, folder / "audio" / f"{slug}.mp3")
        elif minutes is not None:
            write_wav(folder / "raw" / f"{slug}.wav", speech_like(minutes * 60, rms_dbfs=-24.0))
    return folder


def run_build(show: Path, out: Path, *extra: str) -> dict[str, float]:
    """Run one ``segcast build`` process; return its wall time and CPU time (with children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CLI, "build", str(show), "-o", str(out), *extra],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"segcast build {show} failed:\n{result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": wall, "cpu_s": cpu}


def bench_no_change(work: Path, episodes: int, repeats: int) -> dict[str, Any]:
    """Rebuild a large and a small show with nothing changed, alternating; best of ``repeats``."""
    mp3 = work / "one.mp3"
    subprocess.run(
        [_ffmpeg(), "-v", "error", "-f", "lavfi", "-i", SINE, *MP3, str(mp3)],
        check=True,
    )
    sides = {"small": 10, "large": episodes}
    shows = {name: make_show(work / name, count, mp3, None) for name, count in sides.items()}
    for name, show in shows.items():
        run_build(show, work / f"{name}-out")  # the cold build: masters nothing, publishes all
    best: dict[str, dict[str, float]] = {}
    for _ in range(repeats):
        for name, show in shows.items():
            figures = run_build(show, work / f"{name}-out")
            if name not in best or figures["wall_s"] < best[name]["wall_s"]:
                best[name] = figures
    ratio = best["large"]["wall_s"] / best["small"]["wall_s"]
    return {
        "episodes": sides,
        "small": best["small"],
        "large": best["large"],
        "ratio": ratio,
        "target": NO_CHANGE_TARGET,
        "met": ratio <= NO_CHANGE_TARGET,
    }


def bench_parallel(work: Path, minutes: float, repeats: int) -> dict[str, Any]:
    """Cold-build 8 raw recordings with --jobs 1 and --jobs 2, alternating; best of repeats."""
    template = make_show(work / "parallel-template", 8, None, minutes)
    best: dict[str, dict[str, float]] = {}
    for _ in range(repeats):
        for jobs in ("1", "2"):
            show = work / f"parallel-{jobs}"
            shutil.rmtree(show, ignore_errors=True)
            shutil.copytree(template, show)
            figures = run_build(show, work / f"parallel-{jobs}-out", "--jobs", jobs, "--force")
            if jobs not in best or figures["wall_s"] < best[jobs]["wall_s"]:
                best[jobs] = figures
    speedup = best["1"]["wall_s"] / best["2"]["wall_s"]
    return {
        "episodes": 8,
        "minutes_each": minutes,
        "jobs_1": best["1"],
        "jobs_2": best["2"],
        "speedup": speedup,
        "target": PARALLEL_TARGET,
        "met": speedup >= PARALLEL_TARGET,
        "cpus": os.cpu_count(),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--episodes", type=int, default=1000)
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--skip-parallel", action="store_true")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="segcast-build-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results: dict[str, Any] = {"no_change": bench_no_change(work, args.episodes, args.repeats)}
        if not args.skip_parallel:
            results["parallel"] = bench_parallel(work, args.minutes, args.repeats)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        nc = results["no_change"]
        print(
            f"no-change rebuild: {nc['episodes']['large']} episodes {nc['large']['wall_s']:.2f} s "
            f"(cpu {nc['large']['cpu_s']:.2f} s) vs {nc['episodes']['small']} episodes "
            f"{nc['small']['wall_s']:.2f} s (cpu {nc['small']['cpu_s']:.2f} s): "
            f"{nc['ratio']:.2f}x (target <= {NO_CHANGE_TARGET}x) {'ok' if nc['met'] else 'MISSED'}"
        )
        if "parallel" in results:
            par = results["parallel"]
            print(
                f"cold build, 8 x {par['minutes_each']:g} min: --jobs 1 "
                f"{par['jobs_1']['wall_s']:.1f} s, --jobs 2 {par['jobs_2']['wall_s']:.1f} s: "
                f"{par['speedup']:.2f}x faster (target >= {PARALLEL_TARGET}x on {par['cpus']} "
                f"cpus) {'ok' if par['met'] else 'MISSED'}"
            )
    return 0 if all(r["met"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
