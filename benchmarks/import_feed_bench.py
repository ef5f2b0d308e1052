"""Import a generated 1,600-item feed with ``segcast import-feed`` and rebuild it with
``segcast build``: seconds and peak memory of each (targets: under 10 s, under 500 MB).

Each runs in a child process, so its peak RSS is its own (``resource.RUSAGE_CHILDREN``).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ITEMS = 1600


def feed(items: int) -> str:
    entries = "".join(
        f'<item><title>Episode {n}: a talk</title><guid isPermaLink="false">ep-{n}</guid>'
        f"<pubDate>Mon, 02 Jan 2023 10:{n % 60:02d}:00 +0100</pubDate>"
        f'<description>&lt;p&gt;Notes of episode {n}, &lt;a href="https://example.org/{n}"&gt;'
        f"a link&lt;/a&gt;.&lt;/p&gt;</description>"
        f'<enclosure url="https://cdn.example.org/{n}.mp3" length="{1000 + n}" type="audio/mpeg"/>'
        f"<itunes:duration>00:30:00</itunes:duration></item>"
        for n in range(1, items + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>'
        "<title>Big show</title><link>https://example.org/</link><description>A show"
        '</description><language>en</language><itunes:category text="News"/>'
        '<itunes:image href="https://example.org/art.jpg"/>'
        f"{entries}</channel></rss>"
    )


def timed(args: list[str]) -> tuple[float, float, float]:
    """Run a command; return its wall seconds, CPU seconds and peak memory (MB).

    The CPU seconds say what the wall time would be on an idle machine (the 2 shared cores are
    often busy); the peak is the largest child's so far, so each step runs a fresh child and
    the first one is the smaller.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, after.ru_maxrss / 1024


def main() -> int:
    segcast = str(Path(sys.executable).with_name("segcast"))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "feed.xml").write_text(feed(ITEMS))
        results = {
            "import-feed": timed(
                [segcast, "import-feed", str(root / "feed.xml"), str(root / "show")]
            ),
            "build": timed([segcast, "build", str(root / "show"), "-o", str(root / "out")]),
        }
    missed = False
    for name, (seconds, cpu, megabytes) in results.items():
        verdict = "ok" if seconds < 10 and megabytes < 500 else "OVER TARGET"
        missed = missed or verdict != "ok"
        print(
            f"{name} {ITEMS} items: {seconds:.2f} s wall, {cpu:.2f} s CPU, "
            f"peak {megabytes:.0f} MB ({verdict}; targets 10 s, 500 MB)"
        )
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
