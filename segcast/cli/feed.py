"""``segcast feed build SHOW_DIR -o feed.xml``: the build's feed stage alone (run_feed)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from segcast.build import run_feed
from segcast.cli.build import release_json, release_line
from segcast.cli.params import NO_WAIT, OutputPath, say_waiting
from segments.errors import EXIT_BAD_INPUT


@click.command("build")
@click.argument(
    "show_dir", type=click.Path(exists=True, file_okay=False, dir_okay=True, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    type=OutputPath(path_type=Path),
    required=True,
    help="The feed file to write; transcripts and chapters are written beside it.",
)
@click.option(
    "--strict", is_flag=True, help="Skip undated episodes (a warning) instead of dating them now."
)
@click.option("--force", is_flag=True, help="Replace an existing file that is not a segcast feed.")
@NO_WAIT
@click.option("--json", "as_json", is_flag=True, help="Print what was built as JSON.")
@click.pass_context
def build(
    ctx: click.Context,
    show_dir: Path,
    output: Path,
    strict: bool,
    force: bool,
    no_wait: bool,
    as_json: bool,
) -> None:
    """Build the podcast feed of the show in SHOW_DIR (show.toml and segments/*.md).

    An episode without a published date is dated at this build, its first publication, and the
    date is stored in its segment file beside its GUID (``--strict`` skips it instead). Drafts
    and episodes whose published moment is to come are held back, as by ``segcast build``.
    """
    result = run_feed(
        show_dir, output, strict=strict, force=force, wait=not no_wait, waiting=say_waiting
    )
    if as_json:
        feed = result.feed
        document = {
            "feed": str(feed.feed) if feed else None,
            "episodes": feed.episodes if feed else 0,
            "new_guids": feed.new_guids if feed else [],
            "files": [str(path) for path in feed.files] if feed else [],
            "podcast_guid": feed.podcast_guid if feed else None,
            "podcast_guid_pinned": feed.podcast_guid_pinned if feed else None,
            "release": release_json(result),
            "problems": [{"where": p.where, "message": p.message} for p in result.problems],
            "warnings": [{"where": w.where, "message": w.message} for w in result.warnings],
        }
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
        if feed is None:
            ctx.exit(EXIT_BAD_INPUT)
        return
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
    click.echo(release_line(result))
    if not report.podcast_guid_pinned:
        # podcast:guid must outlive a move of the feed URL it was derived from.
        click.echo(
            f'  pin podcast_guid = "{report.podcast_guid}" in show.toml before the feed URL moves'
        )
