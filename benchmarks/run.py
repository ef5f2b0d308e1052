"""Run segcast's benchmarks: ``python benchmarks/run.py [NAME|all] [-- options]``.

Each benchmark is a script in this folder that prints its own table and exits 1 when it misses
a target. Options after ``--`` go to the one benchmark named (e.g. ``audio -- --minutes 10``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: name -> (script in this folder, what it measures).
BENCHMARKS: dict[str, tuple[str, str]] = {
    "audio": (
        "audio_bench.py",
        "master 2- and 10-minute speech WAVs (60 with --long) per ffmpeg: segcast vs bare encode"
        " vs ffmpeg-normalize; peak memory for 3 hours with bumpers",
    ),
    "feed": ("feed_bench.py", "build a 10,000-episode feed: segcast vs plain feedgen"),
    "build": (
        "build_bench.py",
        "no-change rebuild of 1,000 episodes vs 10; cold build of 8 with --jobs 1 vs 2",
    ),
    "speech": (
        "speech_bench.py",
        "read both example pages aloud: segcast's speech vs bare eSpeak NG, s per audio minute",
    ),
    "import-feed": (
        "import_feed_bench.py",
        "import a generated 1,600-item feed and rebuild it: seconds and peak memory of each",
    ),
    "import-page": (
        "import_page_bench.py",
        "read a 500-turn transcript page and a 1,000-paragraph article, and each at 4x: ratio",
    ),
    "align": (
        "align_bench.py",
        "pair a 60-minute interview with a damaged timed transcript: time, memory, error",
    ),
    "backfill": (
        "backfill_bench.py",
        "backfill 40 short segments: --jobs 2 vs a 2-worker Dask LocalCluster, same cores",
    ),
}


def main(argv: list[str]) -> int:
    """Run the chosen benchmarks in turn; return 1 if any failed or missed a target."""
    extra: list[str] = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1 :]
        argv = argv[: argv.index("--")]
    chosen = argv[0] if argv else "all"
    if chosen in ("-h", "--help") or (chosen != "all" and chosen not in BENCHMARKS) or argv[1:]:
        print(__doc__.strip())
        for name, (script, what) in BENCHMARKS.items():
            print(f"  {name:<6} {script:<16} {what}")
        return 0 if chosen in ("-h", "--help") else 2
    if extra and chosen == "all":
        print("options after -- need one benchmark named", file=sys.stderr)
        return 2
    names = list(BENCHMARKS) if chosen == "all" else [chosen]
    failed = []
    for name in names:
        script, what = BENCHMARKS[name]
        print(f"== {name}: {what}", flush=True)
        if not (HERE / script).is_file():
            print(f"   skipped: {script} is not there yet")
            continue
        code = subprocess.call([sys.executable, str(HERE / script), *extra])
        if code != 0:
            failed.append(name)
    if failed:
        print(f"missed or failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
