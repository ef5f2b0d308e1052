"""Benchmark: a 10,000-episode feed through segcast vs plain feedgen writing the same entries.

Every side gets the same generated metadata (no audio work) and runs in its own fresh
subprocess, so none inherits another's memory; wall time covers building the feed bytes only, and
peak memory is the process's ru_maxrss (total, and the growth while building).

Sides: ``feedgen`` writes each entry's title, GUID, link, description, enclosure, pubDate and
iTunes tags with plain feedgen; ``segcast`` builds the same entries with ``build_feed``;
``segcast+p20`` adds what plain feedgen cannot write at all (two podcast:person, two
podcast:transcript and a podcast:chapters per item: 60% more XML). Target (issue 4, "Speed"):
segcast within 1.5x of plain feedgen on the same entries; the +p20 ratio is reported beside it.

    .venv/bin/python benchmarks/feed_bench.py [--episodes 10000] [--repeats 5] [--json]

Best of the repeats per side, sides alternating; CPU time is shown beside wall time because on
a loaded machine wall time swings by a third from run to run.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from feeds.rss import Episode, TranscriptLink, build_feed  # noqa: E402
from segments.model import Person, Segment, Show  # noqa: E402

BASE = "https://example.org/bench/"
TARGET_RATIO = 1.5
SIDES = ("feedgen", "segcast", "segcast+p20")


def make_show() -> Show:
    """Return the benchmark show."""
    return Show(
        title="Benchmark Show",
        description="A show with very many episodes.",
        link=BASE,
        base_url=BASE,
        feed_url=BASE + "feed.xml",
        language="en",
        category="News",
        subcategory="Daily News",
        explicit=False,
        author="Bench",
        owner_name="Bench",
        owner_email="bench@example.org",
        artwork=BASE + "artwork.jpg",
        hosts=["Pat Host"],
        podcast_guid="8d1c62b8-1f3a-5c39-a1a4-6c7d7d3c2d8e",
    )


def make_episodes(count: int, *, p20: bool = True) -> list[Episode]:
    """Return ``count`` episodes of generated metadata (deterministic).

    Without ``p20`` the episodes carry only what plain feedgen can write (no people, transcripts
    or chapters).
    """
    start = datetime(2010, 1, 1, 15, 30, tzinfo=UTC)
    summary = "A conversation about films, music and the people who make them. " * 6
    episodes = []
    for n in range(count):
        slug = f"episode-{n:05d}"
        segment = Segment(
            slug=slug,
            title=f"Episode {n}: a conversation",
            summary=summary,
            guid=str(uuid.uuid5(uuid.NAMESPACE_URL, BASE + slug)),
            people=[
                Person(name="Pat Host", role="host"),
                Person(name=f"Guest {n}", role="guest", href=f"https://example.org/people/{n}"),
            ]
            if p20
            else [],
            link=f"{BASE}{slug}",
        )
        episodes.append(
            Episode(
                segment=segment,
                enclosure_url=f"{BASE}{slug}.mp3",
                length_bytes=10_000_000 + n,
                mime_type="audio/mpeg",
                duration_seconds=1500.0 + n % 600,
                transcripts=[
                    TranscriptLink(f"{BASE}{slug}.transcript.html", "text/html"),
                    TranscriptLink(f"{BASE}{slug}.transcript.vtt", "text/vtt", "captions"),
                ]
                if p20
                else [],
                chapters_url=f"{BASE}{slug}.chapters.json" if p20 else None,
                pub_date=start + timedelta(days=n),
            )
        )
    return episodes


def plain_feedgen(show: Show, episodes: list[Episode]) -> bytes:
    """Return the same channel and entries written with feedgen and its podcast extension only."""
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.title(show.title)
    fg.description(show.description)
    fg.link(href=show.feed_url, rel="self")
    fg.link(href=show.link, rel="alternate")
    fg.language(show.language)
    fg.image(url=show.artwork, title=show.title, link=show.link)
    fg.podcast.itunes_image(show.artwork)
    fg.podcast.itunes_author(show.author)
    fg.podcast.itunes_owner(name=show.owner_name, email=show.owner_email)
    fg.podcast.itunes_category({"cat": show.category, "sub": show.subcategory})
    fg.podcast.itunes_explicit("no")
    fg.podcast.itunes_type(show.type)
    newest = max(ep.pub_date for ep in episodes)
    fg.lastBuildDate(newest)
    for ep in sorted(episodes, key=lambda e: e.pub_date, reverse=True):
        fe = fg.add_entry(order="append")
        fe.title(ep.segment.title)
        fe.guid(ep.segment.guid, permalink=False)
        fe.link(href=ep.segment.link)
        fe.description(ep.segment.summary)
        fe.enclosure(url=ep.enclosure_url, length=str(ep.length_bytes), type=ep.mime_type)
        fe.pubDate(ep.pub_date)
        fe.podcast.itunes_duration(round(ep.duration_seconds or 0))
        fe.podcast.itunes_episode_type("full")
    data: bytes = fg.rss_str(pretty=True)
    return data


def run_side(side: str, count: int) -> dict[str, Any]:
    """Build one feed in this process and return its measurements."""
    show, episodes = make_show(), make_episodes(count, p20=side == "segcast+p20")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu_started = time.perf_counter(), time.process_time()
    data = plain_feedgen(show, episodes) if side == "feedgen" else build_feed(show, episodes)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {
        "side": side,
        "wall_seconds": wall,
        "cpu_seconds": cpu,
        "peak_rss_mib": peak / 1024,
        "build_rss_mib": (peak - before) / 1024,
        "feed_bytes": len(data),
    }


def measure(side: str, count: int) -> dict[str, Any]:
    """Run one side in a fresh subprocess and return its measurements."""
    done = subprocess.run(
        [sys.executable, __file__, "--side", side, "--episodes", str(count)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def compare(count: int, repeats: int) -> dict[str, Any]:
    """Return the best of ``repeats`` runs per side (alternating sides) and the ratios."""
    runs: dict[str, list[dict[str, Any]]] = {side: [] for side in SIDES}
    for _ in range(repeats):
        for side in SIDES:
            runs[side].append(measure(side, count))
    best = {side: dict(min(r, key=lambda m: m["wall_seconds"])) for side, r in runs.items()}
    for side, side_runs in runs.items():  # each figure is its own best: noise only adds
        best[side]["cpu_seconds"] = min(m["cpu_seconds"] for m in side_runs)
    base = best["feedgen"]
    result: dict[str, Any] = {"episodes": count, "target_ratio": TARGET_RATIO, **best}
    for side in SIDES[1:]:
        result[f"{side} time_ratio"] = best[side]["wall_seconds"] / base["wall_seconds"]
        result[f"{side} cpu_ratio"] = best[side]["cpu_seconds"] / base["cpu_seconds"]
        result[f"{side} memory_ratio"] = best[side]["build_rss_mib"] / base["build_rss_mib"]
    result["time_ratio"] = result["segcast time_ratio"]
    return result


def report(result: dict[str, Any]) -> str:
    """Return the comparison as a small table."""
    lines = [
        f"feed build, {result['episodes']:,} episodes (best of runs, one subprocess each)",
        f"{'side':<13}{'wall s':>8}{'cpu s':>7}{'peak RSS MiB':>14}{'build RSS MiB':>15}"
        f"{'feed MB':>9}{'x wall':>8}{'x cpu':>7}{'x mem':>7}",
    ]
    for side in SIDES:
        m = result[side]
        ratios = (
            f"{result[f'{side} time_ratio']:>8.2f}{result[f'{side} cpu_ratio']:>7.2f}"
            f"{result[f'{side} memory_ratio']:>7.2f}"
            if side != "feedgen"
            else f"{'1.00':>8}{'1.00':>7}{'1.00':>7}"
        )
        lines.append(
            f"{side:<13}{m['wall_seconds']:>8.2f}{m['cpu_seconds']:>7.2f}{m['peak_rss_mib']:>14.1f}"
            f"{m['build_rss_mib']:>15.1f}{m['feed_bytes'] / 1e6:>9.1f}{ratios}"
        )
    verdict = "meets" if result["time_ratio"] <= TARGET_RATIO else "MISSES"
    lines.append(f"segcast vs plain feedgen, same entries: {verdict} the {TARGET_RATIO}x target")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or, with --side, one side of it) and print the result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--side", choices=SIDES, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if args.side:
        print(json.dumps(run_side(args.side, args.episodes)))
        return 0
    result = compare(args.episodes, args.repeats)
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0 if result["time_ratio"] <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
