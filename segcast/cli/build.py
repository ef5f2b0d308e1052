"""``segcast build SHOW_DIR``: import, master, tag, build the feed and publish, in one command.

One line per stage, then every warning and problem with its file, then a summary. The exit code
is 1 when any item had a problem (or, with ``--strict``, a warning), else 0.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from segcast.build import BuildReport, Problem, run_build
from segcast.cli.params import NO_WAIT, OutputPath, say_waiting
from segments.errors import EXIT_BAD_INPUT

#: Where OUT goes when ``-o`` is not given, inside the show folder.
DEFAULT_OUT = "public"

_T = TypeVar("_T")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def progress_bar(items: Sequence[_T], label: str) -> Iterable[_T]:
    """Yield ``items`` while a click progress bar on stderr counts them."""

    def run() -> Iterator[_T]:
        with click.progressbar(items, label=label, file=sys.stderr) as bar:
            yield from bar

    return run()


def stage_lines(report: BuildReport) -> list[str]:
    """Return one line per stage: what it did."""
    lines = [
        f"import: {_plural(len(report.imported), 'page')} imported into "
        f"{report.show_dir / 'segments'}, {report.already_imported} already imported",
        f"audio: {len(report.mastered)} mastered, {len(report.skipped)} up to date, "
        f"{len(report.tagged)} tagged, {len(report.tags_unchanged)} tags unchanged",
    ]
    feed = report.feed
    if feed is None:
        lines.append("feed: not built (see the errors below); the previous feed stays")
        lines.append("publish: skipped")
        return lines
    lines.append(
        f"feed: {feed.feed}: {_plural(feed.episodes, 'episode')}, "
        # GUIDs this run assigned, whether stored by the tag stage (tagged audio) or the feed's.
        f"{_plural(len(report.new), 'new GUID')} stored, "
        f"{_plural(len(feed.files), 'companion file')}"
    )
    lines.append(
        f"publish: {_plural(len(report.published), 'file')} copied to {report.out_dir}, "
        f"{len(report.unchanged)} unchanged"
    )
    lines.append(
        f"site: {report.out_dir / 'index.html'}; preview it with: segcast serve {report.out_dir}"
    )
    if not feed.podcast_guid_pinned:
        # podcast:guid must outlive a move of the feed URL it was derived from.
        lines.append(
            f'  pin podcast_guid = "{feed.podcast_guid}" in show.toml before the feed URL moves'
        )
    return lines


def summary_line(report: BuildReport) -> str:
    """Return the run's last line: episodes built, unchanged and failed, problems, warnings."""
    return (
        f"done: {_plural(len(report.episodes), 'episode')} "
        f"({len(report.built)} built, {len(report.unchanged_episodes)} unchanged, "
        f"{len(report.failed)} failed), {_plural(len(report.problems), 'problem')}, "
        f"{_plural(len(report.warnings), 'warning')}"
    )


def _items(items: list[Problem]) -> list[dict[str, str]]:
    return [{"where": item.where, "message": item.message} for item in items]


def report_json(report: BuildReport) -> dict[str, Any]:
    """Return what ``segcast build --json`` prints."""
    return {
        "imported": [str(path) for path in report.imported],
        "mastered": report.mastered,
        "skipped": report.skipped,
        "tagged": report.tagged,
        "tags_unchanged": report.tags_unchanged,
        "episodes": {
            "built": report.built,
            "unchanged": report.unchanged_episodes,
            "failed": report.failed,
        },
        "published": [str(path) for path in report.published],
        "problems": _items(report.problems),
        "warnings": _items(report.warnings),
        "feed": str(report.feed.feed) if report.feed else None,
    }


@click.command("build")
@click.argument(
    "show_dir", type=click.Path(exists=True, file_okay=False, dir_okay=True, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=OutputPath(file_okay=False, path_type=Path),
    default=None,
    help=f"Folder to upload: feed, transcripts, artwork, audio [default: SHOW_DIR/{DEFAULT_OUT}]",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Fail (exit 1) on warnings too; never date an undated episode (refuse it).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Master raw audio again even when up to date; replace an OUT that is not segcast's.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Masters to run at once [default: one per processor].",
)
@NO_WAIT
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def build(
    ctx: click.Context,
    show_dir: Path,
    out_dir: Path | None,
    strict: bool,
    force: bool,
    jobs: int | None,
    no_wait: bool,
    as_json: bool,
) -> None:
    """Import pages, master and tag audio, build the feed and publish it, for SHOW_DIR."""
    out = out_dir if out_dir is not None else show_dir / DEFAULT_OUT
    progress = progress_bar if sys.stderr.isatty() else None
    report = run_build(
        show_dir,
        out,
        force=force,
        strict=strict,
        replace_out=force,
        jobs=jobs,
        progress=progress,
        wait=not no_wait,
        waiting=say_waiting,
    )
    if as_json:
        click.echo(json.dumps(report_json(report), indent=2, ensure_ascii=False))
    else:
        for line in stage_lines(report):
            click.echo(line)
        for warning in report.warnings:
            click.echo(f"Warning: {warning}", err=True)
        for problem in report.problems:
            click.echo(f"Error: {problem}", err=True)
        click.echo(summary_line(report))
    if report.problems or (strict and report.warnings):
        ctx.exit(EXIT_BAD_INPUT)
