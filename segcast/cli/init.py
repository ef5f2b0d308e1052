"""``segcast init DIR [--example]``: a new show folder, or the example show with recordings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from audio.speech import SPEECH_EXTRA
from segcast.init import DEFAULT_MAX_MINUTES, MAX_MINUTES, InitReport, init_example, init_show

INIT_HELP = f"""Make a new show folder SHOW_DIR (it must not exist, or be empty).

It gets a commented show.toml (fill in the TODO lines), placeholder artwork, and the folders
pages/, segments/, raw/ and audio/. With --example it is the example show "The Frame" instead,
with a recording raw/<slug>.wav of each page read aloud, at most --max-minutes long, and its word
times in transcripts/<slug>.json: eSpeak NG speech when installed ({SPEECH_EXTRA}), else a
speech-like signal. With --from-feed it is made from an existing podcast feed instead, as
segcast import-feed makes it. Then: segcast build SHOW_DIR -o public
"""

ENGINE_NAMES = {"espeak-ng": "eSpeak NG speech", "signal": "speech-like signal"}


def _minutes(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def report_json(report: InitReport) -> dict[str, Any]:
    """Return what ``segcast init --json`` prints."""
    return {
        "show_dir": str(report.show_dir),
        "created": [str(path) for path in report.created],
        "recordings": [
            {
                "slug": r.slug,
                "wav": str(r.wav),
                "transcript": str(r.transcript) if r.transcript is not None else None,
                "duration_seconds": round(r.duration_seconds, 3),
                "size_bytes": r.size_bytes,
                "words": r.words,
                "engine": r.engine,
                "synthesis_seconds": round(r.synthesis_seconds, 3),
            }
            for r in report.recordings
        ],
        "warnings": report.warnings,
    }


@click.command("init", help=INIT_HELP)
@click.argument("show_dir", type=click.Path(path_type=Path))
@click.option(
    "--example",
    is_flag=True,
    help='Make the example show "The Frame": two segment pages and a recording of each.',
)
@click.option(
    "--max-minutes",
    type=click.FloatRange(0, MAX_MINUTES, min_open=True),
    default=DEFAULT_MAX_MINUTES,
    show_default=True,
    help=f"With --example: the longest recording, in minutes (at most {MAX_MINUTES:g}); "
    "the reading stops at the last word that fits.",
)
@click.option(
    "--from-feed",
    "from_feed",
    metavar="FEED_URL|FILE",
    default=None,
    help="Make the show folder from an existing feed (what segcast import-feed does).",
)
@click.option("--json", "as_json", is_flag=True, help="Print what was made as JSON.")
@click.pass_context
def init(
    ctx: click.Context,
    show_dir: Path,
    example: bool,
    max_minutes: float,
    from_feed: str | None,
    as_json: bool,
) -> None:
    """Make a new show folder SHOW_DIR (see INIT_HELP)."""
    if from_feed is not None:
        if example:
            raise click.UsageError("--from-feed and --example make different shows: pick one")
        from segcast.cli.import_feed import import_feed_command

        ctx.invoke(
            import_feed_command,
            feed=from_feed,
            show_dir=show_dir,
            audio=False,
            no_fetch=False,
            as_json=as_json,
        )
        return
    report = init_example(show_dir, max_minutes=max_minutes) if example else init_show(show_dir)
    if as_json:
        click.echo(json.dumps(report_json(report), indent=2, ensure_ascii=False))
    else:
        made = ", ".join(
            str(p.relative_to(show_dir)) + ("/" if p.is_dir() else "") for p in report.created
        )
        click.echo(f"created {show_dir}: {made}")
        for r in report.recordings:
            click.echo(
                f"  {r.wav.relative_to(show_dir)}: {_minutes(r.duration_seconds)}, "
                f"{r.size_bytes / 1e6:.1f} MB, {r.words} words, {ENGINE_NAMES[r.engine]} "
                f"(made in {r.synthesis_seconds:.1f} s)"
                + ("" if r.transcript is not None else "; cut at the cap, so no timed transcript")
            )
        click.echo(f"next: segcast build {show_dir} -o public")
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
