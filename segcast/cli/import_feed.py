"""``segcast import-feed FEED DIR``: make a show folder from an existing podcast feed."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import click

from segcast.import_feed import feed_import_summary, import_feed


@click.command("import-feed")
@click.argument("feed", metavar="FEED_URL|FILE")
@click.argument("show_dir", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option("--audio", is_flag=True, help="Download every episode's audio into the folder.")
@click.option(
    "--no-fetch", is_flag=True, help="Keep chapters and transcripts at their URLs, unfetched."
)
@click.option("--json", "as_json", is_flag=True, help="Print what was made as JSON.")
def import_feed_command(
    feed: str, show_dir: Path, audio: bool, no_fetch: bool, as_json: bool
) -> None:
    """Make a show folder DIR from an existing feed, every GUID, date and enclosure kept."""
    # Progress on a terminal only: a log or a test reads the warnings and the summary.
    bar = click.progressbar(length=1, label="items", file=sys.stderr)
    with bar if sys.stderr.isatty() else contextlib.nullcontext(bar):

        def progress(done: int, total: int) -> None:
            if sys.stderr.isatty():
                bar.length = total
                bar.update(done - bar.pos)

        report = import_feed(
            feed, show_dir, audio=audio, fetch_companions=not no_fetch, progress=progress
        )
    for warning in report.warnings:
        click.echo(f"Warning: {feed}: {warning}", err=True)
    if as_json:
        click.echo(json.dumps(feed_import_summary(report), ensure_ascii=False, indent=2))
    else:
        click.echo(f"imported {len(report.segments)} episodes into {show_dir}/")
