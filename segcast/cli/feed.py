"""``segcast feed build SHOW_DIR -o feed.xml``: the build's feed stage alone (run_feed)."""

from __future__ import annotations

from pathlib import Path

import click

from segcast.build import run_feed
from segments.errors import EXIT_BAD_INPUT


@click.command("build")
@click.argument(
    "show_dir", type=click.Path(exists=True, file_okay=False, dir_okay=True, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The feed file to write; transcripts and chapters are written beside it.",
)
@click.option("--strict", is_flag=True, help="Refuse undated episodes instead of dating them now.")
@click.pass_context
def build(ctx: click.Context, show_dir: Path, output: Path, strict: bool) -> None:
    """Build the podcast feed of the show in SHOW_DIR (show.toml and segments/*.md).

    An episode without a published date is dated at this build, its first publication, and the
    date is stored in its segment file beside its GUID (``--strict`` refuses it instead).
    """
    result = run_feed(show_dir, output, strict=strict)
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    for problem in result.problems:
        click.echo(f"Error: {problem}", err=True)
    report = result.feed
    if report is None:
        ctx.exit(EXIT_BAD_INPUT)
        return
    click.echo(
        f"{report.feed}: {report.episodes} episode{'' if report.episodes == 1 else 's'}, "
        f"{len(report.new_guids)} new GUID{'' if len(report.new_guids) == 1 else 's'} "
        f"stored, {len(report.files)} companion file{'' if len(report.files) == 1 else 's'}"
    )
    for slug in report.new_guids:
        click.echo(f"  new GUID stored in segment {slug}")
    if not report.podcast_guid_pinned:
        # podcast:guid must outlive a move of the feed URL it was derived from.
        click.echo(
            f'  pin podcast_guid = "{report.podcast_guid}" in show.toml before the feed URL moves'
        )
