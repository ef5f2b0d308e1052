"""Benchmark: pair a 60-minute interview (about 9,000 words) with a damaged timed transcript.

The interview is made from the example show's two segments (imported from the seed pages) by
``tests/segments/spoken.py``: their sections' shape and words, reshuffled so that nothing
repeats, "spoken" at a varying pace with known section start times, then transcribed with every
kind of damage at once (fillers, false starts, deleted, inserted and misheard words, digits and
contractions, lowercase without punctuation, cues of 4-24 words, a lost paragraph, a lost
question, an extra passage, a paragraph the edit cut).

Measured in this process, best of ``--repeats``: wall time of ``pair_segment`` and, as the
baseline in the same run, of one plain ``difflib.SequenceMatcher`` pass over the same
normalised words (what aligning without the unique-triple anchors costs: the anchors cut it into
short passes); peak memory as the Python allocations during pairing (tracemalloc) and the
process's resident set growth. Targets (issue 9, "Speed"):
under 2 s and 200 MB; the error per section is reported beside them.

    .venv/bin/python benchmarks/align_bench.py [--minutes 60] [--repeats 3] [--json]
"""

from __future__ import annotations

import argparse
import difflib
import json
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from segments.alignment import _word_tokens, normalise, pair_segment  # noqa: E402
from segments.model import Segment  # noqa: E402
from segments.segmentfile import read_segment  # noqa: E402
from tests.segments.spoken import interview, record  # noqa: E402

TARGET_SECONDS = 2.0
TARGET_MB = 200.0


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    """Run the benchmark; return 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    folder = REPO / "examples" / "the-frame" / "segments"
    seeds = [read_segment(path) for path in sorted(folder.glob("*.md"))]
    sections = interview([s for seed in seeds for s in seed.transcript], args.minutes)
    recording = record(sections, "all")
    edited = Segment(slug="bench", title="Benchmark interview", transcript=recording.sections)
    words = sum(len(normalise(" ".join([s.question or "", *s.paragraphs]))) for s in sections)
    timed_words = sum(len(c.text.split()) for c in recording.timed.cues)

    rss_before = _rss_mb()
    pair_times, floor_times = [], []
    peak_mb = 0.0
    pairing = None
    for _ in range(args.repeats):
        a = [
            t
            for s in edited.transcript
            for p in [s.question or "", *s.paragraphs]
            for t in normalise(p)
        ]
        b = [t for c in recording.timed.cues for t in normalise(c.text)]
        started = time.perf_counter()
        difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
        floor_times.append(time.perf_counter() - started)

        _word_tokens.cache_clear()  # each run normalises from cold
        tracemalloc.start()
        started = time.perf_counter()
        pairing = pair_segment(edited, recording.timed)
        pair_times.append(time.perf_counter() - started)
        peak_mb = max(peak_mb, tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()
    assert pairing is not None
    rss_growth = _rss_mb() - rss_before
    # tracemalloc slows allocation-heavy code: time one more run without it.
    _word_tokens.cache_clear()
    started = time.perf_counter()
    pair_segment(edited, recording.timed)
    pair_times.append(time.perf_counter() - started)

    errors = [
        abs((s.start_seconds or 0.0) - truth)
        for s, truth in zip(pairing.segment.transcript, recording.true_starts, strict=True)
    ]
    within = sum(e <= 1.0 for e in errors)
    result = {
        "minutes": round(recording.words[-1].end / 60, 1),
        "edited_words": words,
        "timed_words": timed_words,
        "sections": len(errors),
        "pair_seconds": round(min(pair_times), 3),
        "plain_difflib_seconds": round(min(floor_times), 3),
        "ratio_to_plain_difflib": round(min(pair_times) / min(floor_times), 2),
        "peak_python_mb": round(peak_mb, 1),
        "rss_growth_mb": round(rss_growth, 1),
        "rss_total_mb": round(_rss_mb(), 1),
        "coverage": round(pairing.coverage, 3),
        "confidence": round(pairing.confidence, 3),
        "error_max_s": round(max(errors), 3),
        "error_mean_s": round(statistics.mean(errors), 3),
        "error_median_s": round(statistics.median(errors), 3),
        "sections_within_1s": within,
        "errors_s": [round(e, 3) for e in errors],
    }
    ok = result["pair_seconds"] < TARGET_SECONDS and peak_mb < TARGET_MB  # type: ignore[operator]
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"{result['minutes']} min interview, {words} edited words, {timed_words} timed words, "
            f"{len(errors)} sections"
        )
        print("| measure | value | target |\n|---|---:|---:|")
        runs = args.repeats + 1
        print(f"| pair_segment wall s (best of {runs}) | {result['pair_seconds']} | < 2 |")
        print(f"| plain difflib, whole texts, wall s | {result['plain_difflib_seconds']} | |")
        print(f"| pair / plain difflib | {result['ratio_to_plain_difflib']} | |")
        print(f"| peak Python allocations MB | {result['peak_python_mb']} | < {TARGET_MB} |")
        total = result["rss_total_mb"]
        print(f"| resident set growth MB (total {total}) | {result['rss_growth_mb']} | |")
        print(f"| coverage / confidence | {result['coverage']} / {result['confidence']} | |")
        print(
            f"| section start error s: max / mean / median | {result['error_max_s']} / "
            f"{result['error_mean_s']} / {result['error_median_s']} | <= 1 |"
        )
        print(f"| sections within 1 s | {within} of {len(errors)} | |")
        worst = sorted(range(len(errors)), key=lambda i: -errors[i])[:5]
        print("worst sections (index: error s):", ", ".join(f"{i}: {errors[i]:.2f}" for i in worst))
        print("every section's error, s:", " ".join(f"{e:.2f}" for e in errors))
        print("PASS" if ok else "MISSED a target")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
