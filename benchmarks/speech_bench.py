"""Benchmark generated speech: seconds of work per minute of audio, and segcast's overhead.

Reads both example pages aloud (``audio.speech.speak`` on each page's script) and compares, in
the same run, with bare eSpeak NG: the same turns through ``espeak_Synth`` alone, without word
times, pauses or assembly. Target: segcast at most 1.5x bare eSpeak NG. The speech-like signal
(used without the ``segcast[speech]`` extra) is timed too, against no baseline.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from audio import speech  # noqa: E402
from segments.importers import read_page  # noqa: E402

PAGES = sorted((REPO / "segcast" / "example" / "pages").glob("*.txt"))
#: segcast's speech at most this many times bare eSpeak NG on the same turns.
TARGET_OVERHEAD = 1.5


def timed(run: Callable[[], object]) -> float:
    """Return the wall time of one call of ``run``."""
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3, help="best of N (default 3)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    turns = [turn for page in PAGES for turn in speech.script(read_page(page).segment)]
    rows: dict[str, dict[str, float]] = {}
    engines: list[speech.Engine] = ["signal"]
    bare: Callable[[], None] | None = None
    if speech.espeak_available():
        engines.insert(0, "espeak-ng")
        espeak = speech._espeak()
        voices = speech.VOICES

        def bare() -> None:
            for turn in turns:
                espeak.synth(turn.text, voices[turn.voice])

    else:
        print("eSpeak NG is not installed (pip install 'segcast[speech]'): signal only")
    # Interleaved (bare, segcast, signal, bare, ...), best of each: load changes hit all alike.
    spoken = {engine: speech.speak(turns, engine=engine) for engine in engines}
    times: dict[str, list[float]] = {name: [] for name in [*engines, "bare"]}
    for _ in range(args.repeats):
        if bare is not None:
            times["bare"].append(timed(bare))
        for engine in engines:
            times[engine].append(timed(lambda engine=engine: speech.speak(turns, engine=engine)))
    bare_seconds = min(times["bare"]) if bare is not None else None
    for engine in engines:
        minutes = spoken[engine].duration_seconds / 60
        seconds = min(times[engine])
        rows[engine] = {
            "audio_minutes": round(minutes, 2),
            "seconds": round(seconds, 3),
            "seconds_per_audio_minute": round(seconds / minutes, 3),
        }
    ok = True
    if bare_seconds is not None:
        ratio = rows["espeak-ng"]["seconds"] / bare_seconds
        rows["espeak-ng"]["bare_espeak_seconds"] = round(bare_seconds, 3)
        rows["espeak-ng"]["overhead"] = round(ratio, 2)
        ok = ratio <= TARGET_OVERHEAD
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(f"{'engine':<10} {'audio':>9} {'wall':>8} {'s/min':>7} {'bare':>8} {'overhead':>9}")
        for engine, row in rows.items():
            bare_text = f"{row['bare_espeak_seconds']:.3f}s" if "overhead" in row else "-"
            over = f"{row['overhead']:.2f}x" if "overhead" in row else "-"
            print(
                f"{engine:<10} {row['audio_minutes']:>7.2f}mn {row['seconds']:>7.3f}s "
                f"{row['seconds_per_audio_minute']:>7.3f} {bare_text:>8} {over:>9}"
            )
        if bare_seconds is not None:
            verdict = "met" if ok else "MISSED"
            print(f"target: segcast at most {TARGET_OVERHEAD}x bare eSpeak NG: {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
