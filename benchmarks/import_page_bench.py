"""Read generated long pages with the HTML importer: time grows with the page, not its square.

Two page shapes a producer brings, each at a base size and at 4x it, read in this process by
``segments.importers.read_page`` (reader, structure, people, Q&A, furniture, captions):

- a podcast transcript of N speaker turns, each name in its own element (``qa-speaker-element``);
- a captioned article of N paragraphs with a photo every tenth and an appeal at its end.

The baseline is the same page at the base size, measured in the same run: the 4x page may take
at most ``MAX_RATIO`` times as long (linear work gives 4, a scan per paragraph gives 16). Each
time is the best of ``--repeats`` (CPU time, so a busy machine does not fail it). Targets:
ratio <= 6 on both shapes; the base transcript (500 turns) read in under 5 s.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from segments.importers import read_page

MAX_RATIO = 6.0
MAX_BASE_SECONDS = 5.0


def transcript(turns: int) -> str:
    speakers = ("Jane Roe", "Kai Lund")
    body = "".join(
        f'<div class="turn"><span class="speaker-name">{speakers[n % 2]}</span>'
        f"<p>Turn {n}: what we found at the harbour that week, and why it matters.</p>"
        f"<p>And it goes on for a while, as talk does.</p></div>"
        for n in range(turns)
    )
    return (
        "<html><head><title>Episode 12: The harbour | Harbour Talk</title></head><body>"
        "<article><h1>Episode 12: The harbour</h1><p>Hosted by Jane Roe.</p>"
        f"{body}</article></body></html>"
    )


def article(paragraphs: int) -> str:
    parts = []
    for n in range(paragraphs):
        if n % 10 == 0:
            parts.append(
                f'<figure><img src="/p{n}.jpg" alt="Quay {n}"><figcaption>The quay at dawn, '
                f'day {n}. <span class="credit">Photo: Jane Roe</span></figcaption></figure>'
            )
        parts.append(f"<p>Paragraph {n} of the story tells what the ferry crews said.</p>")
    parts.append("<p>Follow us on Twitter and subscribe to our newsletter.</p>")
    return (
        "<html><head><title>The ferries | Harbour News</title></head><body><article>"
        f'<h1>The ferries</h1><p class="byline">By Kai Lund</p>{"".join(parts)}'
        "</article></body></html>"
    )


def cpu_seconds(path: Path, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        read_page(path)
        best = min(best, time.process_time() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    shapes: dict[str, tuple[Callable[[int], str], int]] = {
        "transcript": (transcript, 500),
        "article": (article, 1000),
    }
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, (make, size) in shapes.items():
            times = []
            for n in (size, 4 * size):
                path = Path(folder) / f"{name}-{n}.html"
                path.write_text(make(n), encoding="utf-8")
                times.append(cpu_seconds(path, args.repeats))
            ratio = times[1] / times[0] if times[0] else float("inf")
            results[name] = {
                "base_size": size,
                "base_seconds": round(times[0], 3),
                "x4_seconds": round(times[1], 3),
                "ratio": round(ratio, 2),
                "met": ratio <= MAX_RATIO and times[0] <= MAX_BASE_SECONDS,
            }
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print(f"{'page':<11} {'base':>6} {'base s':>8} {'4x s':>8} {'ratio':>6}  target")
        for name, r in results.items():
            mark = "met" if r["met"] else "MISSED"
            print(
                f"{name:<11} {r['base_size']:>6} {r['base_seconds']:>8.3f} {r['x4_seconds']:>8.3f}"
                f" {r['ratio']:>6.2f}  <= {MAX_RATIO:g}x, base <= {MAX_BASE_SECONDS:g} s: {mark}"
            )
    return 0 if all(r["met"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
